import BuiltInPlugins
import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// Every plugin's examples (`Plugins/<Name>/Examples/<case>/`), each period its `expected/`
/// holds, read on several threads in parts of a few lines and the parts' aggregates joined,
/// against the same run on one thread: the files must be the same to the byte. The examples
/// hold the cases each plugin's authors thought hard (ties, a window starting inside the data,
/// one person, a file read by its hashtags), which a join that drops, repeats or reorders
/// rows at a part's edge would get wrong; `ParallelRunTests` does the same for the shipped
/// `reports.yaml`.
@Suite struct ExampleParallelRunTests {
    static let examples: [String] = PluginExampleFolders.all

    /// A few lines: the examples' inputs are a few hundred bytes.
    static let partSize = 48

    static func periods(_ example: String) throws -> [Period] {
        try FileManager.default.contentsOfDirectory(atPath: Repository.url("\(example)/expected").path).compactMap { Period(iso: $0) }.sorted()
    }

    /// Every file the plan would write for `period`, with the inputs it records.
    static func outputs(_ folder: TemporaryFolder, period: Period, threads: Int, partSize: Int = 1 << 30) throws -> [String: [UInt8]] {
        var options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: period,
                                 outputFolder: folder.url.appendingPathComponent("out"), threads: threads)
        options.tuning.minimumPartSize = partSize
        let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
        var files: [String: [UInt8]] = [:]
        for output in plan.outputs {
            for file in output.files { files["\(output.period)/\(output.id)/\(file.name)"] = file.bytes }
            files["\(output.period)/\(output.id)/inputs"] = Array(output.inputs.map { "\($0.name) \($0.path) \($0.sha256) \($0.size)" }
                .joined(separator: "\n").utf8)
        }
        return files
    }

    @Test(arguments: examples)
    func anExampleReadInTinyPartsOnSeveralThreadsGivesTheSameReports(_ example: String) throws {
        let folder = try TemporaryFolder(example: example)
        let periods = try Self.periods(example)
        try #require(!periods.isEmpty)
        for period in periods {
            let single = try Self.outputs(folder, period: period, threads: 1)
            #expect(!single.isEmpty)
            for threads in [2, 3, 8] {
                let parallel = try Self.outputs(folder, period: period, threads: threads, partSize: Self.partSize)
                #expect(parallel.keys.sorted() == single.keys.sorted(), "\(period), \(threads) threads")
                for (name, bytes) in single where parallel[name] != bytes {
                    Issue.record("\(example): \(name) differs with \(threads) threads")
                }
            }
        }
    }

    /// What the test above relies on: each example's CSV input is really read in several parts.
    @Test(arguments: examples)
    func theExampleInputsAreReallySplit(_ example: String) throws {
        let inputs = try FileManager.default.contentsOfDirectory(atPath: Repository.url(example).path).filter { $0.hasSuffix(".csv") }
        try #require(!inputs.isEmpty)
        // Each file's spec from the example's own definitions: a plugin shaped by its parameters
        // (`indicators`) declares its inputs' columns per report.
        let yaml = try [UInt8](Data(contentsOf: Repository.url("\(example)/reports.yaml")))
        let file = try ReportsFileLoader.load(yaml, file: "reports.yaml").get()
        var specs: [String: InputSpec] = [:]
        for definition in file.reports {
            let plugin = try #require(BuiltInPlugins.all.first { $0.description.id == definition.plugin.value })
            let declared = plugin.description(of: definition).inputs
            for input in definition.inputs {
                specs[input.path.value] = declared.first { $0.name == input.name }
            }
        }
        for name in inputs {
            let spec = try #require(specs[name], "no report of \(example) reads \(name)")
            let url = Repository.url("\(example)/\(name)")
            let descriptor = open(url.path, O_RDONLY)
            defer { close(descriptor) }
            let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
            var tuning = InputScan.Tuning()
            tuning.minimumPartSize = Self.partSize
            let consumer = InputConsumer(input: spec.name, columns: spec.columns.map(\.name)) { TypedAggregateBox(DiscardedRows()) }
            let output = try InputScan.scan(descriptor: descriptor, size: size, file: name, spec: spec, consumers: [consumer],
                                            threads: 8, progress: nil, tuning: tuning).get()
            #expect(output.parts >= 2, "\(example)/\(name) is read in \(output.parts) parts")
        }
    }
}
