import BuiltInPlugins
import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// Each input file is opened and read once per run, for every report reading it and for its
/// checksum, whatever the plugins' documentation of its columns says.
@Suite struct InputReadTests {
    /// The shipped run, with the host's count of opens and bytes read of each input file.
    static func shippedRun(threads: Int, partSize: Int? = nil) throws -> (RunPlan, InputReadLog, ScanProgress) {
        let progress = ScanProgress()
        let log = InputReadLog()
        var options = RunOptions(configFile: Repository.url("reports.yaml"), threads: threads, progress: progress)
        options.inputReads = log
        if let partSize { options.tuning.minimumPartSize = partSize }
        options.outputFolder = try TemporaryFolder().url.appendingPathComponent("out")
        let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
        return (plan, log, progress)
    }

    @Test(arguments: [1, 2])
    func theShippedRunOpensAndReadsEachInputFileOnce(threads: Int) throws {
        let (plan, log, progress) = try Self.shippedRun(threads: threads)
        let inputs = plan.outputs.flatMap(\.inputs)
        let sizes = Dictionary(inputs.map { ($0.path, $0.size) }) { first, _ in first }
        // population_movements.csv is read by two plugins that document its columns differently;
        // the baseline workbook by three reports.
        #expect(Set(plan.outputs.filter { $0.inputs.contains { $0.path.hasSuffix("/population_movements.csv") } }.map(\.plugin)).count >= 2)
        #expect(plan.outputs.filter { $0.inputs.contains { $0.path.hasSuffix(".xlsx") } }.count >= 3)
        #expect(log.opens == sizes.mapValues { _ in 1 })
        // Every CSV byte once, the checksum's included; a workbook's archive is read where its
        // directory says, so its checksum may read some bytes again, never fewer than the file.
        for (path, size) in sizes {
            if path.hasSuffix(".csv") {
                #expect(log.bytesRead[path] == size, "\(path)")
            } else {
                #expect((log.bytesRead[path] ?? 0) >= size, "\(path)")
            }
        }
        // Every reading announces its file's size to the progress line once.
        #expect(progress.state.total == sizes.values.reduce(0, +))
    }

    /// Read in parts of 8 KB on four threads, each CSV file is still opened once, and its bytes
    /// read once but for the few at each part's start looked at for a line break.
    @Test func partsOnSeveralThreadsReadEachByteOnce() throws {
        let (plan, log, _) = try Self.shippedRun(threads: 4, partSize: 8_192)
        let sizes = Dictionary(plan.outputs.flatMap(\.inputs).map { ($0.path, $0.size) }) { first, _ in first }
        #expect(log.opens == sizes.mapValues { _ in 1 })
        let observations = try #require(sizes["data/sample/fmp_observations.csv"])
        let read = try #require(log.bytesRead["data/sample/fmp_observations.csv"])
        #expect(read >= observations && read <= observations + observations / 8_192 * 256)
    }

    /// The checksum from the reader's bytes is the file's SHA-256, as `sha256sum` gives it, on
    /// one thread and in parts on several.
    @Test(arguments: [(1, 1 << 30), (2, 1 << 30), (4, 8_192)])
    func theChecksumIsTheFilesSHA256(threads: Int, partSize: Int) throws {
        let (plan, _, _) = try Self.shippedRun(threads: threads, partSize: partSize)
        let root = Repository.url("reports.yaml").deletingLastPathComponent()
        for input in plan.outputs.flatMap(\.inputs) {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(input.path)))
            #expect(input.sha256 == SHA256.hexDigest(of: bytes), "\(input.path)")
            #expect(input.size == bytes.count)
        }
    }
}

/// The checksum of a file larger than a reading's first window, read in parts of every size on
/// several threads: a thread that reads a part ahead of the digest keeps the bytes in its window
/// (not a copy) until the digest has taken them, and waits for that before it refills; no
/// thread waits forever, whether the parts are smaller or larger than a window, and the digest
/// is the file's SHA-256.
@Suite struct ReadingAheadOfTheChecksumTests {
    /// The shipped flow monitoring sample's rows, repeated until the file is larger than the
    /// first window by about 1.5 MB: the parts after the first window are read on the threads.
    static let file: (url: URL, bytes: [UInt8], folder: TemporaryFolder) = {
        let sample = try! [UInt8](Data(contentsOf: Repository.url("data/sample/fmp_observations.csv")))
        let lines = sample.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let head = Array(lines[0..<2].joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
        let rows = Array(lines[2...].filter { !$0.isEmpty }.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
        var bytes = head
        let firstWindow = ByteWindow.refillSize + 2 * (CSVReader.maximumRecordLength + 2)
        while bytes.count < firstWindow + 1_500_000 { bytes += rows }
        let folder = try! TemporaryFolder()
        return (try! folder.write(bytes, to: "fmp_observations.csv"), bytes, folder)
    }()

    /// Flow monitoring's `observations` spec, as the shipped `reports.yaml` declares it.
    static let spec: InputSpec = {
        let yaml = try! [UInt8](Data(contentsOf: Repository.url("reports.yaml")))
        let reports = try! ReportsFileLoader.load(yaml, file: "reports.yaml").get()
        let definition = reports.reports.first { $0.plugin.value == "flow-monitoring" }!
        let plugin = BuiltInPlugins.all.first { $0.description.id == "flow-monitoring" }!
        return plugin.description(of: definition).inputs.first { $0.name == "observations" }!
    }()

    static func scan(_ bytes: [UInt8], at url: URL, threads: Int, partSize: Int) -> (Result<InputScan.Output, DiagnosticList>, InputReadLog) {
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        let log = InputReadLog()
        let input = InputFile(descriptor: descriptor, size: bytes.count, name: "fmp_observations.csv", log: log)
        var tuning = InputScan.Tuning()
        tuning.minimumPartSize = partSize
        let consumer = InputConsumer(input: spec.name, columns: spec.columns.map(\.name)) { TypedAggregateBox(DiscardedRows()) }
        let output = InputScan.scan(input, file: "fmp_observations.csv", spec: spec, consumers: [consumer], threads: threads,
                                    progress: nil, tuning: tuning)
        return (output, log)
    }

    @Test(arguments: [1, 2, 4, 8], [100, 4_096, 65_537, 1 << 20])
    func theChecksumIsTheFilesSHA256WhateverTheParts(threads: Int, partSize: Int) throws {
        let (url, bytes, _) = Self.file
        let (result, log) = Self.scan(bytes, at: url, threads: threads, partSize: partSize)
        let output = try result.get()
        #expect(output.sha256 == SHA256.hexDigest(of: bytes))
        #expect(output.size == bytes.count)
        let read = try #require(log.bytesRead["fmp_observations.csv"])
        let ahead = log.bytesReadAhead["fmp_observations.csv"] ?? 0
        if threads == 1 {
            #expect(output.parts == 1)
            #expect(read == bytes.count)
            #expect(ahead == 0)
        } else {
            // Really in parts (smaller ones: more than the threads); each byte read once but for
            // the few at each part's start looked at for a line break.
            #expect(output.parts > (partSize < 1 << 20 ? threads : 2))
            #expect(read >= bytes.count && read <= bytes.count + output.parts * 256, "\(read) bytes read")
            // The first window holds 6 MB of the file, which the main thread parses while the
            // others read the parts after it: they are ahead of the digest, and their bytes
            // were hashed from their windows.
            #expect(ahead > 0)
            #expect(ahead < bytes.count)
        }
    }

    /// Rows with a bad count from `from` on: the parts that read them find problems, those with
    /// more than the limit of errors stop early, and the file is read again on one thread,
    /// whose messages the reading gives. No thread ahead of the digest is left waiting.
    @Test(arguments: [0, 6_500_000], [4_096, 1 << 20])
    func aReadingThatStopsEarlyLeavesNoThreadWaiting(badFrom: Int, partSize: Int) throws {
        let (_, good, _) = Self.file
        var bytes = good
        // `adult_m` is the 11th column: its digits become letters on every row from `badFrom`.
        var line = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        line = bytes[line...].firstIndex(of: UInt8(ascii: "\n"))! + 1
        var changed = 0
        while line < bytes.count {
            let end = bytes[line...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if line >= badFrom {
                var commas = 0
                var index = line
                while index < end, commas < 10 {
                    if bytes[index] == UInt8(ascii: ",") { commas += 1 }
                    index += 1
                }
                if index < end, bytes[index] != UInt8(ascii: ",") {
                    bytes[index] = UInt8(ascii: "x")
                    changed += 1
                }
            }
            line = end + 1
        }
        try #require(changed > InputReader.maximumErrorsPerFile)
        let folder = try TemporaryFolder()
        let url = try folder.write(bytes, to: "fmp_observations.csv")
        let (single, _) = Self.scan(bytes, at: url, threads: 1, partSize: partSize)
        guard case .failure(let expected) = single else {
            Issue.record("a file with bad counts was accepted")
            return
        }
        for threads in [2, 4] {
            let (parallel, _) = Self.scan(bytes, at: url, threads: threads, partSize: partSize)
            guard case .failure(let found) = parallel else {
                Issue.record("a file with bad counts was accepted on \(threads) threads")
                continue
            }
            #expect(found.diagnostics.map(\.description) == expected.diagnostics.map(\.description), "\(threads) threads")
        }
    }
}
