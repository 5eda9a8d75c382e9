import Foundation
import Testing
import TestSupport

/// A `decimal` column and an unrounded `mean` in the shipped ETT definition, run by the real
/// binary: sums exact to the millionth, facts shown with their digits in each language, tables
/// with the rounded value.
@Suite struct IndicatorsDecimalTests {
    @Test func decimalsAndMeansAreReportedWithTheirDigits() throws {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        func replace(_ old: String, _ new: String, in path: String) throws {
            let text = try #require(folder.read(path))
            try #require(text.contains(old), "\(path) has no '\(old)'")
            _ = try folder.write(text.replacingOccurrences(of: old, with: new), to: path)
        }
        try replace("        households: {type: count, hxl: \"#affected+idps+hh\"}", "        households: {type: decimal, hxl: \"#affected+idps+hh\"}",
                    in: "reports.yaml")
        try replace("        households: {sum: households}",
                    "        households: {sum: households, digits: 2}\n        mean_individuals: {mean: individuals}\n        mean_households: {mean: households, digits: 3}",
                    in: "reports.yaml")
        try replace("{{households | # household / # households}}", "{{households}} households{{#mean_individuals}} (mean {{mean_individuals}}, {{#mean_households}}{{mean_households.raw}}{{/mean_households}}){{/mean_individuals}}",
                    in: "templates/indicators/ett-alerts.en.md")
        try replace("{{households | # ménage / # ménages}}", "{{households}} ménages{{#mean_individuals}} (moyenne {{mean_individuals}}, {{#mean_households}}{{mean_households}}{{/mean_households}}){{/mean_individuals}}",
                    in: "templates/indicators/ett-alerts.fr.md")
        // April 2017's alerts: 97 → 97.75 and 125 → 0.005, so the month's households are 1,058 − 222 + 97.755.
        try replace("2017-04-03,ML06,ML0602,intercommunal,585,97,", "2017-04-03,ML06,ML0602,intercommunal,585,97.75,", in: "data/sample/ett_alerts.csv")
        try replace("2017-04-04,ML05,ML0501,conflict,627,125,", "2017-04-04,ML05,ML0501,conflict,627,0.005,", in: "data/sample/ett_alerts.csv")

        let ran = try DTMReportBinary.run(["run", "--report", "ett-alerts", "--period", "2017-04"], in: folder.url)
        try #require(ran.status == 0, Comment(rawValue: ran.stderr))
        let json = try #require(folder.read("out/2017-04/ett-alerts/report.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let facts = try #require(document["facts"] as? [String: Any])
        #expect(facts["households"] as? Double == 933.755)
        #expect(facts["mean_individuals"] as? Double == 487.083333)  // 5,845 ÷ 12, unrounded to the millionth
        #expect(facts["mean_households"] as? Double == 77.812917)
        let english = try #require(folder.read("out/2017-04/ett-alerts/report.en.md"))
        #expect(english.contains("933.76 households (mean 487.1, 77.813)"))
        let french = try #require(folder.read("out/2017-04/ett-alerts/report.fr.md"))
        #expect(french.contains("933,76 ménages (moyenne 487,1, 77,813)"))
    }
}
