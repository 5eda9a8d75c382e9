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
