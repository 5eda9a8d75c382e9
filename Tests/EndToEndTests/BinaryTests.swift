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
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        return folder
    }

    @Test func runWritesTheMonthAndSaysWhatItWrote() throws {
        let folder = try project()
        let outcome = try dtmReport(["run"], in: folder)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.contains("wrote out/2017-04/cmp-returnees/ (report.en.md, report.fr.md, report.en.html, report.fr.html, by_region.csv, monthly.csv, report.json)"))
        #expect(lines.allSatisfy { $0.hasPrefix("wrote out/") })
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out/2017-04/cmp-returnees").path).sorted()
        #expect(files == ["by_region.csv", "monthly.csv", "report.en.html", "report.en.md", "report.fr.html", "report.fr.md", "report.json"])
        #expect(folder.read("out/2017-04/manifest.json") != nil)
    }

    @Test func quietWritesTheSameFilesAndPrintsNothing() throws {
        let folder = try project()
        #expect(try dtmReport(["run", "--out", "loud"], in: folder).status == 0)
        let outcome = try dtmReport(["run", "--quiet", "--out", "quiet"], in: folder)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.isEmpty)
        let loud = Golden.files(in: folder.url.appendingPathComponent("loud"))
        #expect(!loud.isEmpty)
        #expect(Golden.files(in: folder.url.appendingPathComponent("quiet")) == loud)
    }

    @Test func threadsOutOfRangeIsAUsageError() throws {
        let outcome = try dtmReport(["run", "--threads", "0"], in: try project())
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--threads must be between 1 and 256, not 0"))
    }

    /// Progress shows on a terminal only: `script` gives the run a pseudo-terminal.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressShowsOnATerminalOnly() throws {
        let folder = try project()
        // Enough rows that reading takes longer than the progress line's delay.
        let observations = try #require(folder.read("data/sample/fmp_observations.csv"))
        let lines = observations.split(separator: "\n", omittingEmptySubsequences: false)
        let rows = lines.dropFirst(2).filter { !$0.isEmpty }.joined(separator: "\n")
        try folder.write(lines.prefix(2).joined(separator: "\n") + "\n" + Array(repeating: rows, count: 60).joined(separator: "\n") + "\n",
                         to: "data/sample/fmp_observations.csv")
        let command = "\(DTMReportBinary.url.path) validate --threads 1 2>&1"
        let onTerminal = try DTMReportBinary.runTool("/usr/bin/script", ["-qefc", command, "/dev/null"], in: folder.url)
        #expect(onTerminal.status == 0, Comment(rawValue: onTerminal.stdout))
        #expect(onTerminal.stdout.contains("reading inputs: "), Comment(rawValue: onTerminal.stdout))
        // A rate in whatever unit the machine's speed gives (kB/s on a busy machine).
        #expect(onTerminal.stdout.contains("B/s, "))
        #expect(onTerminal.stdout.contains("ok: 13 reports checked"))
        let quiet = try DTMReportBinary.runTool("/usr/bin/script", ["-qefc", command.replacingOccurrences(of: " validate", with: " validate --quiet"), "/dev/null"],
                                                in: folder.url)
        #expect(!quiet.stdout.contains("reading inputs"))
        let redirected = try dtmReport(["validate", "--threads", "1"], in: folder)
        #expect(redirected.status == 0)
        #expect(redirected.stderr.isEmpty)
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
        #expect(outcome.stderr.contains("unknown key 'plugn'; the nearest of the 12 keys allowed here are plugin, page, tags, id, inputs (did you mean 'plugin'?)"))
        #expect(outcome.stdout.isEmpty)
        #expect(Golden.files(in: folder.url.appendingPathComponent("out")) == before)
    }

    @Test func validateChecksEverythingAndWritesNothing() throws {
        let folder = try project()
        let outcome = try dtmReport(["validate"], in: folder)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        // The notes of the mapped inputs (which column fed which, rows kept and summed) and of the
        // Niger data (codes in DTM's form, a name without its accent), then the verdict.
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.dropLast().allSatisfy { $0.contains(": note: ") }, Comment(rawValue: outcome.stdout))
        #expect(lines.contains("data/sample/dtm_api_idps.csv: note: kept 24 of 114 rows; 90 dropped by keep: adminLevel = 1, assessmentType = BA"))
        #expect(lines.last?.wholeMatch(of: /ok: [0-9]+ reports? checked, nothing written/) != nil, Comment(rawValue: outcome.stdout))
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
