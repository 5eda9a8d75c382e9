import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// Every `report.json` the shipped run and the plugin examples write validates against
/// `schemas/report.schema.json`.
@Suite struct ReportSchemaTests {
    let validator = try! JSONSchemaValidator(schemaAt: Repository.url("schemas/report.schema.json"))

    static func documents() throws -> [(String, [UInt8])] {
        var documents: [(String, [UInt8])] = []
        let goldenFolders = [Repository.url("Tests/EndToEndTests/Golden")] + PluginExampleFolders.all.map { Repository.url("\($0)/expected") }
        for folder in goldenFolders {
            for (path, bytes) in Golden.files(in: folder) where path.hasSuffix("report.json") {
                documents.append(("\(folder.lastPathComponent)/\(path)", bytes))
            }
        }
        return documents.sorted { $0.0 < $1.0 }
    }

    @Test func everyWrittenReportDocumentIsValid() throws {
        let folder = try ShippedRunTests.project()
        for (report, periods) in ShippedRunTests.goldenPeriods {
            for period in periods { _ = try ShippedRunTests.run(folder, period: period, report: report) }
        }
        let written = Golden.files(in: folder.url.appendingPathComponent("out")).filter { $0.key.hasSuffix("report.json") }
        #expect(written.count == ShippedRunTests.goldenPeriods.values.map(\.count).reduce(0, +))
        for (path, bytes) in written.sorted(by: { $0.key < $1.key }) + (try Self.documents()) {
            let document = try JSONSerialization.jsonObject(with: Data(bytes))
            let problems = validator.validate(document)
            #expect(problems.isEmpty, "\(path): \(problems.joined(separator: "; "))")
        }
    }

    @Test func theValidatorRefusesWhatTheSchemaForbids() throws {
        let folder = try ShippedRunTests.project()
        _ = try ShippedRunTests.run(folder, period: "2017-04")
        let data = try #require(FileManager.default.contents(atPath: folder.url.appendingPathComponent("out/2017-04/cmp-returnees/report.json").path))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(validator.validate(document).isEmpty)
        document["schema"] = "dtm-report/report/2"
        document["extra"] = 1
        document["facts"] = ["total": ["en": "x"]]
        #expect(Set(validator.validate(document)) == ["/schema: expected dtm-report/report/1", ": unexpected 'extra'", "/facts/total: matches none of the allowed shapes"])
    }
}
