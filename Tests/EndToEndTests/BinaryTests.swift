import Foundation
import Testing
import TestSupport

/// The built `dtm-report` binary, run as a user runs it, on files in a temporary folder.
@Suite(.serialized) struct BinaryTests {
    func dtmReport(_ arguments: [String], in folder: TemporaryFolder) throws -> DTMReportBinary.Outcome {
        try DTMReportBinary.run(arguments, in: folder.url)
    }

    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates"], into: folder)
        return folder
    }

    @Test func runWritesTheMonthAndSaysWhatItWrote() throws {
        let folder = try project()
        let outcome = try dtmReport(["run"], in: folder)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.contains("wrote out/2017-04/cmp-returnees/ (report.en.md, report.fr.md, by_region.csv, report.json)"))
        #expect(lines.allSatisfy { $0.hasPrefix("wrote out/") })
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out/2017-04/cmp-returnees").path).sorted()
        #expect(files == ["by_region.csv", "report.en.md", "report.fr.md", "report.json"])
        #expect(folder.read("out/2017-04/manifest.json") != nil)
    }

    @Test func anInvalidConfigurationWritesNothingAndExitsOne() throws {
        let folder = try project()
        #expect(try dtmReport(["run"], in: folder).status == 0)
        let before = Golden.files(in: folder.url.appendingPathComponent("out"))
        let yaml = try #require(folder.read("reports.yaml")).replacingOccurrences(of: "    plugin: returnee-movements", with: "    plugn: returnee-movements")
        try folder.write(yaml, to: "reports.yaml")
        let outcome = try dtmReport(["run", "--period", "2016-10"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("reports.yaml:"))
        #expect(outcome.stderr.contains("unknown key 'plugn' (did you mean 'plugin'?)"))
        #expect(outcome.stdout.isEmpty)
        #expect(Golden.files(in: folder.url.appendingPathComponent("out")) == before)
    }

    @Test func validateChecksEverythingAndWritesNothing() throws {
        let folder = try project()
        let outcome = try dtmReport(["validate"], in: folder)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.wholeMatch(of: /ok: [0-9]+ reports? checked, nothing written\n/) != nil)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }

    @Test func aBadCellIsReportedWithFileLineAndColumn() throws {
        let folder = try project()
        var csv = try #require(folder.read("data/sample/population_movements.csv"))
        csv = csv.replacingOccurrences(of: "2017-04-30,ML06,Tombouctou,returnees,", with: "2017-04-31,ML06,Tombouctou,returnees,")
        try folder.write(csv, to: "data/sample/population_movements.csv")
        let outcome = try dtmReport(["validate"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("data/sample/population_movements.csv:"))
        #expect(outcome.stderr.contains(":1: error: column 'report_date': value '2017-04-31' is not a date"))
    }

    @Test func usageErrorsAreNotConfigurationErrors() throws {
        let folder = try project()
        let badPeriod = try dtmReport(["run", "--period", "2017-4"], in: folder)
        #expect(badPeriod.status == 64)
        let badPlugin = try dtmReport(["describe", "returnee-movement"], in: folder)
        #expect(badPlugin.status == 64)
        #expect(badPlugin.stderr.contains("did you mean 'returnee-movements'?"))
    }

    @Test func pluginsAndDescribeTellACoordinatorWhatThereIs() throws {
        let folder = try project()
        let plugins = try dtmReport(["plugins"], in: folder)
        #expect(plugins.status == 0)
        #expect(plugins.stdout.contains("returnee-movements\n  Returnee movements / Mouvements de retour\n"))
        let describe = try dtmReport(["describe", "returnee-movements"], in: folder)
        #expect(describe.status == 0)
        #expect(describe.stdout.contains("  total [count, may be absent]: People in the stock at the report date, all regions."))
        #expect(describe.stdout.contains("    population [one of `returnees`, `idps`, `returned_idps`] #x_population"))
    }
}
