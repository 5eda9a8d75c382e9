import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// Every plugin's examples are its tests: each folder `Plugins/<Name>/Examples/<case>/` holds a
/// `reports.yaml`, its inputs and, under `expected/<period>/`, the outputs a run for that period
/// must write. A new plugin needs examples, not new test code.
@Suite struct PluginExampleTests {
    static let cases: [String] = PluginExampleFolders.all

    @Test func everyPluginHasExamples() {
        for plugin in BuiltInPlugins.all {
            let folder = String(describing: plugin).replacingOccurrences(of: "Plugin", with: "")
            #expect(Self.cases.contains { $0.hasPrefix("Plugins/\(folder)/Examples/") }, "Plugins/\(folder)/Examples/ has no example")
        }
    }

    @Test(arguments: cases)
    func exampleWritesItsGoldenOutputs(example: String) throws {
        let folder = try TemporaryFolder(example: example)
        let expected = Repository.url("\(example)/expected")
        let periods = try FileManager.default.contentsOfDirectory(atPath: expected.path).compactMap { Period(iso: $0) }.sorted()
        try #require(!periods.isEmpty, "\(example)/expected/ has no period folder (YYYY-MM)")
        for period in periods {
            let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: period,
                                     outputFolder: folder.url.appendingPathComponent("out"))
            let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
            var writer = OutputWriter(root: plan.outputRoot, toolVersion: ReportRun.toolVersion)
            if let index = plan.monthIndex { writer.monthFiles = { index.indexFiles(period: $0, reports: $1) } }
            try writer.write(plan.outputs)
            let written = Golden.files(in: folder.url.appendingPathComponent("out/\(period)"))
            let problems = Golden.compare(written, with: expected.appendingPathComponent(period.iso))
            #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
        }
    }
}
