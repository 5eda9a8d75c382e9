import Foundation
import Testing
import TestSupport

/// Several months in one run: `--period` repeated, or a range, each month written as a run of
/// that month alone would write it, and nothing written when any month fails.
@Suite(.serialized) struct BackfillTests {
    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        return folder
    }

    @Test func aRangeAndRepeatedMonthsWriteEachMonthAsItsOwnRunWould() throws {
        let backfilled = try project(), single = try project()
        let ranged = try DTMReportBinary.run(["run", "--period", "2017-01...2017-02", "--period", "2017-04", "--report", "fmp-monthly"], in: backfilled.url)
        #expect(ranged.status == 0, Comment(rawValue: ranged.stderr))
        #expect(ranged.stdout.split(separator: "\n").map { $0.prefix(32) } == [
            "wrote out/2017-01/fmp-monthly/ (", "wrote out/2017-01/ (index.en.htm", "wrote out/2017-02/fmp-monthly/ (",
            "wrote out/2017-02/ (index.en.htm", "wrote out/2017-04/fmp-monthly/ (", "wrote out/2017-04/ (index.en.htm",
        ])
        for month in ["2017-01", "2017-02", "2017-04"] {
            let alone = try DTMReportBinary.run(["run", "--period", month, "--report", "fmp-monthly"], in: single.url)
            #expect(alone.status == 0, Comment(rawValue: alone.stderr))
        }
        #expect(Golden.files(in: backfilled.url.appendingPathComponent("out")) == Golden.files(in: single.url.appendingPathComponent("out")))
    }

    @Test func validateChecksEveryMonthOfTheRange() throws {
        let folder = try project()
        let outcome = try DTMReportBinary.run(["validate", "--period", "2017-01...2017-03"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        // The notes of the mapped and Niger inputs, then the count.
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.dropLast().allSatisfy { $0.contains(": note: ") }, Comment(rawValue: outcome.stdout))
        #expect(lines.last == "ok: 39 reports checked over 3 months, nothing written")
    }

    @Test func aMonthThatFailsStopsTheWholeBackfillBeforeAnythingIsWritten() throws {
        let folder = try project()
        let yaml = try #require(folder.read("reports.yaml")).replacingOccurrences(of: "      window: month\n", with: "      window: month\n      fmps: [MEN-01]\n")
        try folder.write(yaml, to: "reports.yaml")
        // 2017-01 is fine; 2016-12 has no row of MEN-01.
        let outcome = try DTMReportBinary.run(["run", "--period", "2017-01", "--period", "2016-12", "--report", "fmp-monthly"], in: folder.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("in 2016-12 has fmp_code 'MEN-01'"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }
}
