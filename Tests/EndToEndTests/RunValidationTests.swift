import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// The shared validation pass on a real project folder: every problem of every kind of file,
/// reported with its place, and all of them at once.
@Suite struct RunValidationTests {
    func project(editing edits: [(String, String)] = []) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["data", "templates", "vocabularies"], into: folder)
        var yaml = """
            version: 1
            languages: [en, fr]
            reports:
              - id: cmp-returnees
                plugin: returnee-movements
                title: {en: Returnees, fr: Rapatriés}
                inputs:
                  movements: data/sample/population_movements.csv
                templates:
                  en: templates/returnee-movements/summary.en.md
                  fr: templates/returnee-movements/summary.fr.md

            """
        for (old, new) in edits {
            precondition(yaml.contains(old), "the test's YAML has no '\(old)'")
            yaml = yaml.replacingOccurrences(of: old, with: new)
        }
        try folder.write(yaml, to: "reports.yaml")
        return folder
    }

    func errors(_ folder: TemporaryFolder, reports: [String] = []) -> [String] {
        let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: Period(iso: "2017-04"), reportIDs: reports)
        switch ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)) {
        case .success: return []
        case .failure(let list): return list.diagnostics.map(\.description)
        }
    }

    @Test func theShippedTemplatesAndDataPass() throws {
        #expect(errors(try project()) == [])
    }

    @Test func unknownPluginWithSuggestion() throws {
        let folder = try project(editing: [("plugin: returnee-movements", "plugin: returnee-movement")])
        #expect(errors(folder) == ["reports.yaml:5:13: error: reports[0].plugin: unknown plugin 'returnee-movement' (did you mean 'returnee-movements'?)"])
    }

    @Test func missingTemplateFileWithSuggestion() throws {
        let folder = try project(editing: [("fr: templates/returnee-movements/summary.fr.md", "fr: templates/returnee-movements/sumary.fr.md")])
        #expect(errors(folder) == [
            "reports.yaml:11:11: error: reports[0].templates.fr: file 'templates/returnee-movements/sumary.fr.md' does not exist (did you mean 'templates/returnee-movements/summary.fr.md'?)",
        ])
    }

    @Test func pathsMayNotLeaveTheProject() throws {
        let folder = try project(editing: [("movements: data/sample/population_movements.csv", "movements: ../population_movements.csv")])
        #expect(errors(folder) == ["reports.yaml:8:18: error: reports[0].inputs.movements: path '../population_movements.csv' leads outside the folder of reports.yaml"])
    }

    @Test func anInputThatIsAFolder() throws {
        let folder = try project(editing: [("movements: data/sample/population_movements.csv", "movements: data/sample")])
        #expect(errors(folder) == ["reports.yaml:8:18: error: reports[0].inputs.movements: 'data/sample' is a folder, not a file"])
    }

    @Test func templateAndDataErrorsAreCollectedTogether() throws {
        let folder = try project()
        let template = try #require(folder.read("templates/returnee-movements/summary.en.md"))
        try folder.write(template.replacingOccurrences(of: "{{total | population}}", with: "{{totl | population}}"), to: "templates/returnee-movements/summary.en.md")
        let csv = try #require(folder.read("data/sample/population_movements.csv"))
        // Renamed in both header rows: with its hashtag intact the column would be read by it.
        try folder.write(csv.replacingOccurrences(of: "report_date,", with: "reportdate,").replacingOccurrences(of: "#date+reported,", with: "#date,"),
                         to: "data/sample/population_movements.csv")
        #expect(errors(folder) == [
            "templates/returnee-movements/summary.en.md:5:49: error: unknown fact 'totl' (did you mean 'total'?)",
            "data/sample/population_movements.csv:1: error: column 'report_date': required column is missing from the header (no column named 'report_date' nor tagged #date+reported) (did you mean 'reportdate'?)",
        ])
    }

    @Test func anUnknownReportOnTheCommandLine() throws {
        #expect(errors(try project(), reports: ["cmp-returnee"]) == ["error: --report: no report 'cmp-returnee' in the configuration (did you mean 'cmp-returnees'?)"])
    }

    @Test func aFileReadByTwoReportsReportsItsErrorsOnce() throws {
        let second = """
              - id: idps
                plugin: returnee-movements
                title: {en: IDPs, fr: PDI}
                inputs:
                  movements: data/sample/population_movements.csv
                params: {population: idps}
                templates:
                  en: templates/returnee-movements/summary.en.md
                  fr: templates/returnee-movements/summary.fr.md

            """
        let folder = try project()
        try folder.write(try #require(folder.read("reports.yaml")) + second, to: "reports.yaml")
        let csv = try #require(folder.read("data/sample/population_movements.csv"))
        try folder.write(csv.replacingOccurrences(of: "2017-04-30,ML06,Tombouctou,returnees,", with: "2017-04-31,ML06,Tombouctou,returnees,"),
                         to: "data/sample/population_movements.csv")
        #expect(errors(folder) == ["data/sample/population_movements.csv:94:1: error: column 'report_date': value '2017-04-31' is not a date (YYYY-MM-DD)"])
    }

    @Test func aSymbolicLinkLeadingOutsideIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret", to: "population_movements.csv")
        let folder = try project(editing: [("movements: data/sample/population_movements.csv", "movements: data/link.csv")])
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("data/link.csv"),
                                                   withDestinationURL: outside.url.appendingPathComponent("population_movements.csv"))
        #expect(errors(folder) == ["reports.yaml:8:18: error: reports[0].inputs.movements: path 'data/link.csv' leads outside the folder of reports.yaml"])
    }

    @Test func anOutputFolderThatIsAFile() throws {
        let folder = try project(editing: [("languages: [en, fr]", "output: data/sample/population_movements.csv\nlanguages: [en, fr]")])
        #expect(errors(folder) == ["reports.yaml:2:9: error: output: output folder 'data/sample/population_movements.csv' is a file"])
    }

    @Test func inputsInsideTheOutputFolder() throws {
        let folder = try project(editing: [("languages: [en, fr]", "output: data\nlanguages: [en, fr]")])
        #expect(errors(folder) == [
            "reports.yaml:2:9: error: output: 'data/sample/population_movements.csv' is inside the output folder 'data', where a run replaces whole folders; keep inputs and templates outside it",
        ])
    }

    @Test func aHugeConfigurationIsRefusedByItsSize() throws {
        let folder = try project()
        try folder.write([UInt8](repeating: UInt8(ascii: "#"), count: 3 << 20), to: "reports.yaml")
        #expect(errors(folder) == ["reports.yaml: error: the file is 3145728 bytes; a reports file may be at most 1048576 bytes"])
    }

    @Test func aFileReadByTwoPluginsReportsEachProblemOnce() throws {
        let sitrep = """
              - id: dnds-sitrep
                plugin: situation-report
                title: {en: Situation, fr: Situation}
                inputs:
                  events: data/sample/displacement_events.csv
                  movements: data/sample/population_movements.csv
                templates:
                  en: templates/situation-report/sitrep.en.md
                  fr: templates/situation-report/sitrep.fr.md

            """
        let folder = try project()
        try folder.write(try #require(folder.read("reports.yaml")) + sitrep, to: "reports.yaml")
        try folder.write("", to: "data/sample/population_movements.csv")
        #expect(errors(folder) == [
            "data/sample/population_movements.csv: error: file is empty: expected a header row with columns report_date, adm1_code, adm1_name, population, individuals, households",
        ])
    }

    @Test func anInputWithAHeaderAndNoRows() throws {
        let folder = try project()
        try folder.write("report_date,adm1_code,adm1_name,population,individuals,households\n#date+reported,#adm1+code,#adm1+name,#x_population,#affected+ind,#affected+hh\n",
                         to: "data/sample/population_movements.csv")
        #expect(errors(folder) == ["data/sample/population_movements.csv:1: error: the file has a header but no rows; export the data again"])
    }

    @Test func anOutputFolderUnderAFile() throws {
        let folder = try project(editing: [("languages: [en, fr]", "output: data/sample/population_movements.csv/out\nlanguages: [en, fr]")])
        #expect(errors(folder) == [
            "reports.yaml:2:9: error: output: output folder 'data/sample/population_movements.csv/out' cannot be created: 'data/sample/population_movements.csv' is a file, not a folder",
        ])
    }

    @Test func anOutputFolderOutsideTheProjectIsOneError() throws {
        let folder = try project(editing: [("languages: [en, fr]", "output: ../out\nlanguages: [en, fr]")])
        #expect(errors(folder) == ["reports.yaml:2:9: error: output: path '../out' leads outside the folder of reports.yaml"])
    }

    @Test func everyFileInsideTheOutputFolderIsOneError() throws {
        let folder = try project(editing: [("languages: [en, fr]", "output: .\nlanguages: [en, fr]")])
        #expect(errors(folder) == [
            "reports.yaml:2:9: error: output: 'data/sample/population_movements.csv' and 10 more files the run reads are inside the output folder '.', where a run replaces whole folders; keep inputs and templates outside it",
        ])
    }

    @Test func anOutputFolderOnTheCommandLineIsShownRelativeToTheProject() throws {
        let folder = try project()
        let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: Period(iso: "2017-04"),
                                 outputFolder: folder.url.appendingPathComponent("reports.yaml"))
        guard case .failure(let list) = ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)) else {
            Issue.record("the plan succeeded")
            return
        }
        #expect(list.diagnostics.map(\.description) == ["error: --out: output folder 'reports.yaml' is a file"])
    }

    @Test func aBrokenSymbolicLinkIsNamedAsSuch() throws {
        let folder = try project(editing: [("movements: data/sample/population_movements.csv", "movements: data/link.csv")])
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("data/link.csv"),
                                                   withDestinationURL: folder.url.appendingPathComponent("data/gone.csv"))
        #expect(errors(folder) == ["reports.yaml:8:18: error: reports[0].inputs.movements: 'data/link.csv' is a symbolic link to a file that does not exist"])
    }

    @Test func aTemplateThatIsNotUTF8IsReportedAtItsFirstBadByte() throws {
        let folder = try project()
        try folder.write(Array("# {{title}}\nSégou ".utf8) + [0xE9] + Array(" {{total}}\n".utf8), to: "templates/returnee-movements/summary.en.md")
        #expect(errors(folder) == ["templates/returnee-movements/summary.en.md:2:7: error: invalid UTF-8; save the template as UTF-8"])
    }

    @Test func aMissingTemplateIsNotMatchedWithTheOtherLanguage() throws {
        let folder = try project()
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("templates/returnee-movements/summary.fr.md"))
        #expect(errors(folder) == ["reports.yaml:11:11: error: reports[0].templates.fr: file 'templates/returnee-movements/summary.fr.md' does not exist"])
    }

    @Test func absoluteInputsOnlyWhereTheReportOptsIn() throws {
        let outside = try TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.url("data/sample/population_movements.csv"),
                                         to: outside.url.appendingPathComponent("movements.csv"))
        let absolute = outside.url.appendingPathComponent("movements.csv").path
        let refused = try project(editing: [("movements: data/sample/population_movements.csv", "movements: \(absolute)")])
        #expect(errors(refused) == ["reports.yaml:8:18: error: reports[0].inputs.movements: '\(absolute)' is an absolute path; write it relative to the folder of reports.yaml"])

        let allowed = try project(editing: [
            ("movements: data/sample/population_movements.csv", "movements: \(absolute)"),
            ("    plugin: returnee-movements", "    plugin: returnee-movements\n    absolute_inputs: true"),
        ])
        #expect(errors(allowed) == [])
        // Templates stay inside the project whatever the report allows for inputs.
        let template = try project(editing: [
            ("en: templates/returnee-movements/summary.en.md", "en: \(Repository.url("templates/returnee-movements/summary.en.md").path)"),
            ("    plugin: returnee-movements", "    plugin: returnee-movements\n    absolute_inputs: true"),
        ])
        #expect(errors(template).count == 1)
        #expect(errors(template).first?.hasSuffix("is an absolute path; write it relative to the folder of reports.yaml") == true)
        let notABoolean = try project(editing: [("    plugin: returnee-movements", "    plugin: returnee-movements\n    absolute_inputs: yes")])
        #expect(errors(notABoolean) == ["reports.yaml:6:22: error: reports[0].absolute_inputs: 'yes' is not a boolean: write true or false"])
    }
}
