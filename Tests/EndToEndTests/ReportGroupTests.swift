import Foundation
import Testing
import TestSupport

/// `tags:`, `enabled:`, `--tag` and `dtm-report list`, on the shipped project with groups added.
@Suite(.serialized) struct ReportGroupTests {
    /// The shipped project, with `fmp-monthly` and `fmp-snapshot` tagged and `covid-poe` disabled.
    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates"], into: folder)
        var text = try #require(folder.read("reports.yaml"))
        for (id, extra) in [("fmp-monthly", "    tags: [monthly, mali]"), ("fmp-snapshot", "    tags: [mali]"), ("covid-poe", "    enabled: false")] {
            #expect(text.contains("  - id: \(id)\n"))
            text = text.replacingOccurrences(of: "  - id: \(id)\n", with: "  - id: \(id)\n\(extra)\n")
        }
        try folder.write(text, to: "reports.yaml")
        return folder
    }

    @Test func runByTagMakesOnlyThatGroup() throws {
        let folder = try project()
        let outcome = try DTMReportBinary.run(["run", "--tag", "monthly"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["out/2017-04/fmp-monthly/"])
        #expect(outcome.stderr.isEmpty)
    }

    @Test func aDisabledReportIsSkippedWithANote() throws {
        let folder = try project()
        let outcome = try DTMReportBinary.run(["validate"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stderr == "note: report 'covid-poe' is disabled (enabled: false); skipped\n")
        #expect(outcome.stdout.hasSuffix("ok: 5 reports checked, nothing written\n"))
        // Named with --report, it is made all the same.
        let named = try DTMReportBinary.run(["run", "--report", "covid-poe", "--quiet"], in: folder.url)
        #expect(named.status == 0, Comment(rawValue: named.stderr))
        #expect(named.stderr.isEmpty)
    }

    @Test func anUnknownTagNamesTheTagsThatExist() throws {
        let folder = try project()
        let outcome = try DTMReportBinary.run(["validate", "--tag", "montly"], in: folder.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("error: --tag: no report has tag 'montly'; the tags are 'mali', 'monthly' (did you mean 'monthly'?)"),
                Comment(rawValue: outcome.stderr))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }

    @Test func listShowsEveryReport() throws {
        let folder = try project()
        let outcome = try DTMReportBinary.run(["list"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        let expected = """
            fmp-monthly
              plugin: flow-monitoring
              tags: monthly, mali
              input observations: data/sample/fmp_observations.csv
            """
        #expect(outcome.stdout.contains(expected + "\n"), Comment(rawValue: outcome.stdout))
        #expect(outcome.stdout.contains("covid-poe (disabled)\n  plugin: covid-mobility\n"))
        #expect(outcome.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count == 6)
    }
}
