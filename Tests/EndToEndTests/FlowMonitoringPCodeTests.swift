import BuiltInPlugins
import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// Flow monitoring keeps sums, not rows: its region codes are gathered by a census of the file
/// and checked as the rows of other plugins are, also when the file is read in parts.
@Suite struct FlowMonitoringPCodeTests {
    static let observations = "data/sample/fmp_observations.csv"

    /// The shipped project with `change` made to line `line` of the observations.
    static func project(line: Int, _ change: (String) -> String) throws -> TemporaryFolder {
        let folder = try ShippedRunTests.project()
        var lines = try #require(folder.read(observations)).components(separatedBy: "\n")
        let changed = change(lines[line - 1])
        #expect(changed != lines[line - 1])
        lines[line - 1] = changed
        try folder.write(lines.joined(separator: "\n"), to: observations)
        return folder
    }

    static func plan(_ folder: TemporaryFolder, threads: Int) -> Result<RunPlan, DiagnosticList> {
        var options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: Period(iso: "2017-04"),
                                 threads: threads)
        options.tuning.minimumPartSize = 8_192
        return ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all))
    }

    @Test(arguments: [1, 4])
    func anUnknownCodeFarDownTheFileIsRefusedAtItsCell(threads: Int) throws {
        let folder = try Self.project(line: 2_014) { $0.replacingOccurrences(of: ",ML07,", with: ",ML17,") }
        guard case .failure(let list) = Self.plan(folder, threads: threads) else {
            Issue.record("an unknown region code was accepted")
            return
        }
        #expect(list.diagnostics.map(\.description) == [
            "data/sample/fmp_observations.csv:2014:23: error: column 'adm1_code': P-code 'ML17' is not an admin 1 area of the vocabulary (add its row to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML07 Gao, ML10 Ménaka, ML01 Kayes",
        ])
    }

    @Test(arguments: [1, 4])
    func dtmsFormOfACodeIsWrittenInTheVocabularysForm(threads: Int) throws {
        let folder = try Self.project(line: 1_792) { $0.replacingOccurrences(of: ",ML07,", with: ",MLI07  ,") }
        let plan = try Self.plan(folder, threads: threads).get()
        #expect(plan.notes.map(\.description).contains(
            "data/sample/fmp_observations.csv:1792:23: note: column 'adm1_code': P-codes read in the vocabulary's form: MLI07 → ML07"))
        let byFMP = try #require(plan.outputs.first { $0.id == "fmp-monthly" }?.files.first { $0.name == "by_fmp.csv" })
        let text = String(decoding: byFMP.bytes, as: UTF8.self)
        #expect(text.contains(",ML07,"))
        #expect(!text.contains("MLI07"))
    }
}
