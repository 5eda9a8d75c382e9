import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// Each input file is read once per run, for every report reading it, whatever the plugins'
/// documentation of its columns says.
@Suite struct InputReadTests {
    @Test func theShippedRunReadsEachInputFileOnce() throws {
        let progress = ScanProgress()
        var options = RunOptions(configFile: Repository.url("reports.yaml"), threads: 1, progress: progress)
        options.outputFolder = try TemporaryFolder().url.appendingPathComponent("out")
        let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
        let sizes = Dictionary(plan.outputs.flatMap { $0.inputs.map { ($0.path, $0.size) } }) { first, _ in first }
        // population_movements.csv is read by two plugins that document its columns differently.
        #expect(Set(plan.outputs.filter { $0.inputs.contains { $0.path.hasSuffix("population_movements.csv") } }.map(\.plugin)).count >= 2)
        let bytes = sizes.values.reduce(0, +)
        // Every reading announces its file's size to the progress line once.
        #expect(progress.state.total == bytes)
    }
}
