import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// `dtm-report new-report --plugin indicators`: the stubs list the facts and tables of the
/// definition it adds (`description(for:)` of its `params:`), not only the facts every report has.
@Suite struct NewIndicatorsReportTests {
    @Test func theStubsListTheFactsAndTablesOfTheDefinitionAdded() throws {
        let folder = try NewReportTests().project()
        let added = try DTMReportBinary.run(["new-report", "--plugin", "indicators", "--id", "new-alerts"], in: folder.url)
        try #require(added.status == 0, Comment(rawValue: added.stderr))

        // The description of the definition as written in reports.yaml, read back as `run` reads it.
        let yaml = try #require(folder.read("reports.yaml"))
        let file = try ReportsFileLoader.load(Array(yaml.utf8), file: "reports.yaml").get()
        let definition = try #require(file.reports.first { $0.id.value == "new-alerts" })
        let plugin = try #require(BuiltInPlugins.all.first { $0.description.id == "indicators" })
        let description = plugin.description(of: definition)
        let facts = description.facts.map(\.name)
        #expect(facts.contains("alerts") && facts.contains("individuals") && facts.contains("by_cause_top"))
        #expect(description.tables.map(\.name) == ["by_cause"])

        for language in ["en", "fr"] {
            let stub = try #require(folder.read("templates/indicators/new-alerts.\(language).md"))
            for fact in facts {
                #expect(stub.contains("\n- \(fact):"), "\(fact) missing from the \(language) stub")
            }
            #expect(stub.contains("\n{{! table by_cause (by_cause.csv): "), "the table is not named in the \(language) stub")
        }
        #expect(try DTMReportBinary.run(["validate"], in: folder.url).status == 0)

        let ran = try DTMReportBinary.run(["run", "--report", "new-alerts", "--period", "2017-04"], in: folder.url)
        try #require(ran.status == 0, Comment(rawValue: ran.stderr))
        let text = try #require(folder.read("out/2017-04/new-alerts/report.en.md"))
        #expect(text.contains("\n- alerts: 12"), Comment(rawValue: text))
        #expect(!text.contains("{{"))
    }
}
