import Foundation
import Testing
import TestSupport

/// A `distinct` measure over a count or a date column (not only a group column), run by the real
/// binary on the CMP example: the distinct values of the month's rows.
@Suite struct IndicatorsDistinctTests {
    @Test func distinctCountsNumbersAndDaysToo() throws {
        let folder = try TemporaryFolder(example: "Plugins/Indicators/Examples/cmp-returnee-stock")
        let config = try #require(folder.read("reports.yaml"))
        let measure = "        returnees: {latest: individuals, where: {population: returnees}, heading: {en: Returnees, fr: Rapatriés}}\n"
        try #require(config.contains(measure))
        try folder.write(config.replacingOccurrences(
            of: measure, with: measure + "        sizes: {distinct: individuals}\n        dates: {distinct: report_date}\n"), to: "reports.yaml")

        let ran = try DTMReportBinary.run(["run", "--period", "2016-12"], in: folder.url)
        try #require(ran.status == 0, Comment(rawValue: ran.stderr))
        let json = try #require(folder.read("out/2016-12/returnees/report.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let facts = try #require(document["facts"] as? [String: Any])
        // December 2016: one report date, 16 rows of which no two count the same individuals.
        let rows = try #require(folder.read("population_movements.csv")).split(separator: "\n").filter { $0.hasPrefix("2016-12-") }
        let sizes = Set(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] })
        #expect(facts["sizes"] as? Int == sizes.count)
        #expect(facts["sizes"] as? Int == 16)
        #expect(facts["dates"] as? Int == 1)
    }
}
