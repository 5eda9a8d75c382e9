import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// The CMP returnee stock declared with `indicators` alone (Plugins/Indicators/Examples/
/// cmp-returnee-stock) gives the figures of `returnee-movements` for every month of the sample
/// data: the total and the stock of each region.
@Suite struct IndicatorsEquivalenceTests {
    @Test func theIndicatorsStockIsTheReturneeMovementsStock() throws {
        let folder = try TemporaryFolder(example: "Plugins/Indicators/Examples/cmp-returnee-stock")
        let config = try #require(folder.read("reports.yaml"))
        let plugin = """
              - id: plugin
                plugin: returnee-movements
                title: {en: Returnees, fr: Rapatriés}
                inputs:
                  movements: population_movements.csv
                templates:
                  en: templates/returnee-movements/summary.en.md
                  fr: templates/returnee-movements/summary.fr.md

            page:
            """
        try folder.write(config.replacingOccurrences(of: "\npage:", with: "\n" + plugin), to: "reports.yaml")
        var compared = 0
        for period in Period(year: 2016, month: 9)!.through(Period(year: 2017, month: 4)!) {
            let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: period)
            let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
            func document(_ id: String) throws -> [String: Any] {
                let output = try #require(plan.outputs.first { $0.id == id })
                let file = try #require(output.files.first { $0.name == "report.json" })
                return try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
            }
            let indicators = try document("returnees"), plugin = try document("plugin")
            let indicatorFacts = try #require(indicators["facts"] as? [String: Any]), pluginFacts = try #require(plugin["facts"] as? [String: Any])
            let stock = indicatorFacts["returnees"] as? Int
            let expected = (pluginFacts["total"] ?? pluginFacts["latest_total"]) as? Int
            #expect(stock == expected, "\(period): indicators \(String(describing: stock)), returnee-movements \(String(describing: expected))")
            if pluginFacts["total"] != nil {
                func regions(_ document: [String: Any], table: String, value: String) -> [String: Int] {
                    let written = (document["tables"] as? [String: Any])?[table] as? [String: Any]
                    let names = ((written?["columns"] as? [[String: Any]]) ?? []).map { $0["name"] as? String }
                    let rows = (written?["rows"] as? [[Any]]) ?? []
                    guard let code = names.firstIndex(of: "adm1_code"), let count = names.firstIndex(of: value) else { return [:] }
                    return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                        guard let region = row[code] as? String, let people = row[count] as? Int else { return nil }
                        return (region, people)
                    })
                }
                let byIndicators = regions(indicators, table: "by_region", value: "returnees")
                #expect(!byIndicators.isEmpty)
                #expect(byIndicators == regions(plugin, table: "by_region", value: "individuals"), "\(period)")
                compared += 1
            }
        }
        #expect(compared >= 5)
    }
}
