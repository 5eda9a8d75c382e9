import BuiltInPlugins
import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// The whole run, every report, with its input files read in parts on several threads and the
/// parts' aggregates joined, against the same run on one thread: the files must be the same to
/// the byte. Parts are made tiny here, so that the sample files split into many.
@Suite struct ParallelRunTests {
    static func outputs(threads: Int, period: String?, partSize: Int = 1 << 30) throws -> [String: [UInt8]] {
        let folder = try ShippedRunTests.project()
        var options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: period.flatMap { Period(iso: $0) },
                                 threads: threads)
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

    static let periods: [String?] = [nil] + Set(ShippedRunTests.goldenPeriods.values.joined()).sorted()

    @Test(arguments: periods)
    func partsOnSeveralThreadsGiveTheSameReports(period: String?) throws {
        let single = try Self.outputs(threads: 1, period: period)
        #expect(single.count > 10)
        for threads in [2, 4] {
            let parallel = try Self.outputs(threads: threads, period: period, partSize: 8_192)
            #expect(parallel.keys.sorted() == single.keys.sorted())
            for (name, bytes) in single where parallel[name] != bytes {
                Issue.record("\(name) differs with \(threads) threads")
            }
        }
    }

    @Test func theSampleObservationsAreReallySplit() throws {
        // What the test above relies on: the flow monitoring file is read in several parts.
        let url = Repository.url("data/sample/fmp_observations.csv")
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        let spec = try #require(BuiltInPlugins.all.first { $0.description.id == "flow-monitoring" }?.description.inputs.first)
        var tuning = InputScan.Tuning()
        tuning.minimumPartSize = 8_192
        let consumer = InputConsumer(input: spec.name, columns: spec.columns.map(\.name)) { TypedAggregateBox(DiscardedRows()) }
        let output = try InputScan.scan(descriptor: descriptor, size: size, file: "fmp_observations.csv", spec: spec, consumers: [consumer],
                                        threads: 4, progress: nil, tuning: tuning).get()
        // Parts of about 8 KB, taken in turn by the four threads.
        #expect(output.parts >= 4)
        #expect(output.rowCount == 2_014)
    }
}
