import Foundation
import Testing
import TestSupport

/// `tags:`, `enabled:`, `--tag` and `dtm-report list`, on the shipped project with groups added.
@Suite(.serialized) struct ReportGroupTests {
    /// The shipped project, with `fmp-monthly` and `fmp-snapshot` tagged and `covid-poe` disabled.
    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
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
        #expect(outcome.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["out/2017-04/fmp-monthly/", "out/2017-04/"])
        #expect(outcome.stderr.isEmpty)
    }

    @Test func aDisabledReportIsSkippedWithANote() throws {
        let folder = try project()
        let outcome = try DTMReportBinary.run(["validate"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stderr == "note: report 'covid-poe' is disabled (enabled: false); skipped\n")
        #expect(outcome.stdout.hasSuffix("ok: 12 reports checked, nothing written\n"))
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
              latest month with data: 2017-04
            """
        #expect(outcome.stdout.contains(expected + "\n"), Comment(rawValue: outcome.stdout))
        #expect(outcome.stdout.contains("covid-poe (disabled)\n  plugin: covid-mobility\n  input poes: data/sample/poe_status.csv\n  latest month with data: 2020-08\n"),
                Comment(rawValue: outcome.stdout))
        #expect(outcome.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count == 13)
        #expect(outcome.stdout.components(separatedBy: "  latest month with data: ").count == 14)
    }

    /// A report whose input is missing shows `unknown`; the others keep their months.
    @Test func listShowsUnknownForAReportWithAProblem() throws {
        let folder = try project()
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("data/sample/poe_status.csv"))
        let outcome = try DTMReportBinary.run(["list"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.contains("covid-poe (disabled)\n  plugin: covid-mobility\n  input poes: data/sample/poe_status.csv\n  latest month with data: unknown (validate names the problem)\n"),
                Comment(rawValue: outcome.stdout))
        #expect(outcome.stdout.contains("fmp-snapshot\n  plugin: flow-monitoring\n  tags: mali\n  input observations: data/sample/fmp_observations.csv\n  latest month with data: 2017-04\n"),
                Comment(rawValue: outcome.stdout))
        #expect(outcome.stdout.components(separatedBy: "unknown").count == 2)
    }
}

/// The chapter "An office's reports" of docs/report-types.md, done as it says.
@Suite(.serialized) struct OfficeGuideTests {
    @Test func theOfficeChapterIsWhatTheToolDoes() throws {
        let guide = try String(contentsOf: Repository.url("docs/report-types.md"), encoding: .utf8)
        let chapter = try #require(guide.range(of: "## An office's reports\n"))
        func block(_ fence: String, number: Int = 0) throws -> String {
            var from = chapter.upperBound
            var found = ""
            for _ in 0...number {
                let open = try #require(guide.range(of: "```\(fence)\n", range: from..<guide.endIndex))
                let close = try #require(guide.range(of: "\n```\n", range: open.upperBound..<guide.endIndex))
                found = String(guide[open.upperBound..<close.lowerBound]) + "\n"
                from = close.upperBound
            }
            return found
        }
        let folder = try TemporaryFolder()
        try Repository.copy(["data", "templates", "vocabularies"], into: folder)
        try folder.write(try block("yaml"), to: "reports.yaml")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("offices"), withIntermediateDirectories: true)
        try folder.write(try block("yaml", number: 1), to: "offices/gao.yaml")
        try folder.write(try block("yaml", number: 2), to: "offices/niger.yaml")
        let listed = try DTMReportBinary.run(["list"], in: folder.url)
        #expect(listed.status == 0, Comment(rawValue: listed.stderr))
        #expect(try block("console") == "$ dtm-report list\n" + listed.stdout)
        let tagged = try DTMReportBinary.run(["validate", "--tag", "monthly"], in: folder.url)
        #expect(tagged.status == 0, Comment(rawValue: tagged.stderr))
        #expect(try block("console", number: 1) == "$ dtm-report validate --tag monthly\n" + tagged.stdout)
        let all = try DTMReportBinary.run(["validate"], in: folder.url)
        #expect(all.status == 0, Comment(rawValue: all.stderr))
        #expect(try block("text") == all.stderr)
        let described = try DTMReportBinary.run(["describe", "--report", "fmp-snapshot"], in: folder.url)
        #expect(described.status == 0, Comment(rawValue: described.stderr))
        #expect(try block("console", number: 2) == "$ dtm-report describe --report fmp-snapshot\n" + described.stdout)
        // A report of an included file: its own values at their lines there, the rest inherited.
        let included = try DTMReportBinary.run(["describe", "--report", "fmp-gao"], in: folder.url)
        #expect(included.status == 0, Comment(rawValue: included.stderr))
        let lines = included.stdout.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } }
        for expected in [
            ["id: fmp-gao", "offices/gao.yaml:3"], ["fmps: [GAO-01]", "offices/gao.yaml:9"],
            ["observations: data/sample/fmp_observations.csv", "reports.yaml:10, from defaults"], ["top: 3", "reports.yaml:13, from defaults"],
            ["window: month", "default of plugin flow-monitoring"], ["en: templates/flow-monitoring/monthly.en.md", "offices/gao.yaml:11"],
            ["enabled: true", "default of dtm-report"], ["languages: [en, fr]", "reports.yaml:2"],
        ] {
            #expect(lines.contains(expected), "\(expected) in\n\(included.stdout)")
        }

        // The position the chapter quotes for a merged value.
        let yaml = try #require(folder.read("reports.yaml"))
        try folder.write(yaml.replacingOccurrences(of: "  plugin: flow-monitoring\n", with: "  plugin: flow-monitoring\n  titel: x\n"), to: "reports.yaml")
        let merged = try DTMReportBinary.run(["validate"], in: folder.url)
        #expect(merged.status == 1)
        // One line more above the reports: the merge key is on line 24 now.
        #expect(merged.stderr.contains("reports.yaml:18:3: error: reports[0].titel: unknown key 'titel'"), Comment(rawValue: merged.stderr))
        #expect(merged.stderr.contains("(merged into report 'fmp-monthly' at reports.yaml:24:5)"), Comment(rawValue: merged.stderr))
        #expect(guide.contains("(merged into report 'fmp-monthly' at\nreports.yaml:23:5)"))
    }
}

/// `schemas/reports.schema.json` knows the keys of an office's file: the chapter's example passes
/// (Yams applies its merge keys, as an editor's YAML server does), and a top-level key that is
/// neither a known key nor an `x-` block does not.
@Suite struct OfficeSchemaTests {
    @Test func theChapterExampleFitsTheSchema() throws {
        let validator = try JSONSchemaValidator(schemaAt: Repository.url("schemas/reports.schema.json"))
        let guide = try String(contentsOf: Repository.url("docs/report-types.md"), encoding: .utf8)
        let chapter = try #require(guide.range(of: "## An office's reports\n"))
        let open = try #require(guide.range(of: "```yaml\n", range: chapter.upperBound..<guide.endIndex))
        let close = try #require(guide.range(of: "\n```\n", range: open.upperBound..<guide.endIndex))
        var file = try #require(try ReportsFileSchemaTests.load(String(guide[open.upperBound..<close.lowerBound])) as? [String: Any])
        #expect(validator.validate(file).isEmpty, "\(validator.validate(file))")
        file["defalts"] = file.removeValue(forKey: "defaults")
        #expect(!validator.validate(file).isEmpty)
        // The included files, as an editor checks them: the chapter's other YAML blocks, up to
        // the next chapter.
        let chapterEnd = guide.range(of: "\n## ", range: close.upperBound..<guide.endIndex)?.lowerBound ?? guide.endIndex
        var from = close.upperBound
        var included = 0
        while let next = guide.range(of: "```yaml\n", range: from..<chapterEnd),
            let end = guide.range(of: "\n```\n", range: next.upperBound..<chapterEnd)
        {
            from = end.upperBound
            guard let document = try ReportsFileSchemaTests.load(String(guide[next.upperBound..<end.lowerBound])) as? [String: Any] else { continue }
            #expect(validator.validate(document).isEmpty, "\(validator.validate(document))")
            included += 1
        }
        #expect(included == 2)
    }
}
