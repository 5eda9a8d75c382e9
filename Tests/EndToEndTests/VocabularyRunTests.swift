import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// Vocabularies in a real run: P-codes in either form and names without their accents,
/// printed as the vocabulary writes them with a note; a report extending or replacing a
/// vocabulary in reports.yaml.
@Suite struct VocabularyRunTests {
    func project(_ yaml: String, files: [String: String] = [:]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["data", "templates", "vocabularies"], into: folder)
        try folder.write(yaml, to: "reports.yaml")
        for (path, text) in files {
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try folder.write(text, to: path)
        }
        return folder
    }

    static let stock = """
        version: 1
        languages: [en, fr]
        reports:
          - id: stock
            plugin: returnee-movements
            title: {en: Stock, fr: Stock}
            inputs:
              movements: movements.csv
            params:
              population: idps
            templates:
              en: templates/returnee-movements/summary.en.md
              fr: templates/returnee-movements/summary.fr.md

        """

    static let header = "report_date,adm1_code,adm1_name,population,individuals,households\n"

    func plan(_ folder: TemporaryFolder) -> Result<RunPlan, DiagnosticList> {
        let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: Period(iso: "2023-06"))
        return ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all))
    }

    func table(_ plan: RunPlan) -> String {
        String(decoding: plan.outputs[0].files.first { $0.name == "by_region.csv" }!.bytes, as: UTF8.self)
    }

    @Test func codesInEitherFormAndNamesWithoutAccentsAreWrittenAsTheVocabularyWritesThem() throws {
        let folder = try project(Self.stock, files: [
            "movements.csv": Self.header + "2023-06-30,NER006  ,Tillaberi,idps,10,\n2023-06-30,ml07,GAO,idps,5,\n2023-06-30,NE002,Diffa,idps,7,\n",
        ])
        let plan = try plan(folder).get()
        #expect(table(plan).hasSuffix("ML07,Gao,5,,\nNE002,Diffa,7,,\nNE006,Tillabéri,10,,\n"))
        #expect(plan.notes.map(\.description) == [
            "movements.csv:2:12: note: column 'adm1_code': P-codes read in the vocabulary's form: NER006 → NE006, ml07 → ML07",
            "movements.csv:2:21: note: column 'adm1_name': 'Tillaberi' written 'Tillabéri', as vocabularies/pcodes/ner.csv names NE006",
            "movements.csv:3:17: note: column 'adm1_name': 'GAO' written 'Gao', as vocabularies/pcodes/mli.csv names ML07",
        ])
    }

    @Test func theShippedValidatePrintsTheNigerNotes() throws {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        let outcome = try DTMReportBinary.run(["validate"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.contains(
            "data/sample/ner_population_movements.csv:7:19: note: column 'adm1_name': 'Tillaberi' written 'Tillabéri', as vocabularies/pcodes/ner.csv names NE006\n"))
    }

    @Test func aReportExtendsThePCodes() throws {
        let yaml = Self.stock.replacingOccurrences(of: "    params:", with: "    vocabularies:\n      pcodes:\n        extend: local/pcodes.csv\n    params:")
        let folder = try project(yaml, files: [
            "movements.csv": Self.header + "2023-06-30,ML11,Taoudenit,idps,10,\n",
            "local/pcodes.csv": "Location,Admin Level,P-Code,Name,Parent P-Code\n#country+code,#geo+admin_level,#adm+code,#adm+name,#adm+code+parent\nMLI,1,ML11,Taoudénit,MLI\n",
        ])
        let plan = try plan(folder).get()
        #expect(table(plan).hasSuffix("ML11,Taoudénit,10,,\n"))
        // Without the extension the same code is an error naming the file to extend.
        let refused = try project(Self.stock, files: ["movements.csv": Self.header + "2023-06-30,ML11,Taoudenit,idps,10,\n"])
        guard case .failure(let list) = self.plan(refused) else { Issue.record("ML11 was accepted"); return }
        #expect(list.diagnostics.map(\.description) == [
            "movements.csv:2:12: error: column 'adm1_code': P-code 'ML11' is not an admin 1 area of the vocabulary (add its row to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML01 Kayes, ML10 Ménaka, ML02 Koulikoro",
        ])
    }

    @Test func aReportRewordsAPopulationAndReplacingDropsTheShippedFile() throws {
        let reworded = "key,plural_en,plural_fr,singular_en,singular_fr\n#x_population,#x_population+plural+i_en,#x_population+plural+i_fr,#x_population+singular+i_en,#x_population+singular+i_fr\nidps,IDPs,PDI,IDP,PDI\n"
        let extended = Self.stock.replacingOccurrences(of: "    params:", with: "    vocabularies:\n      populations:\n        extend: local/populations.csv\n    params:")
        let folder = try project(extended, files: ["movements.csv": Self.header + "2023-06-30,NE002,Diffa,idps,7,\n", "local/populations.csv": reworded])
        let text = String(decoding: try plan(folder).get().outputs[0].files.first { $0.name == "report.fr.md" }!.bytes, as: UTF8.self)
        #expect(text.contains("7 PDI"))
        // Replaced, the list has only idps: the plugin's other keys have no words.
        let replaced = try project(extended.replacingOccurrences(of: "extend: local", with: "replace: local"),
                                   files: ["movements.csv": Self.header + "2023-06-30,NE002,Diffa,idps,7,\n", "local/populations.csv": reworded])
        guard case .failure(let list) = plan(replaced) else { Issue.record("a list without returnees was accepted"); return }
        #expect(list.diagnostics.map(\.description) == [
            "local/populations.csv: error: no row for key 'returnees': the plugin needs the words of every key of vocabulary 'populations'",
            "local/populations.csv: error: no row for key 'returned_idps': the plugin needs the words of every key of vocabulary 'populations'",
        ])
    }

    /// The messages docs/report-types.md shows in its chapter on vocabularies are the tool's:
    /// each is a line the bad-input catalogue checks, or the note the shipped validate prints.
    @Test func theGuideShowsTheToolsMessages() throws {
        let guide = try String(contentsOf: Repository.url("docs/report-types.md"), encoding: .utf8)
        let chapter = try #require(guide.range(of: "## Your country's places and words")).upperBound
        let end = guide.range(of: "\n## ", range: chapter..<guide.endIndex)?.lowerBound ?? guide.endIndex
        let shown = guide[chapter..<end].split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": note: ") }
        #expect(shown.count >= 6)
        let checked = Set(BadInput.catalogue.flatMap(\.errors))
        for line in shown where line.contains(": error: ") {
            #expect(checked.contains(line), "not in the catalogue: \(line)")
        }
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        let validated = try DTMReportBinary.run(["validate"], in: folder.url)
        for line in shown where line.contains(": note: ") {
            #expect(validated.stdout.contains(line + "\n"), "not printed by validate: \(line)")
        }
    }
}
