import Foundation
import Testing
import TestSupport

/// "The errors you will meet" in docs/report-types.md: each message shown there is what the tool
/// prints for the walk-through's definition and templates with that one mistake in them, so
/// that the guide never shows a message the tool no longer prints.
@Suite(.serialized) struct GuideErrorsTests {
    /// Where a mistake is made: the walk-through's definition block, or one of its templates.
    enum Place: Sendable { case definition, english, french }

    struct Mistake: Sendable, CustomTestStringConvertible {
        let name: String
        let place: Place
        let old: String
        let new: String
        var arguments = ["validate"]
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "a misspelt parameter", place: .definition, old: "      top: 3", new: "      topp: 3"),
        Mistake(name: "a misspelt report key", place: .definition, old: "    params:", new: "    parms:"),
        Mistake(name: "a misspelt plugin", place: .definition, old: "plugin: flow-monitoring", new: "plugin: flow-monitorng"),
        Mistake(name: "a window that is not one", place: .definition, old: "window: cumulative", new: "window: quaterly"),
        Mistake(name: "a number out of range", place: .definition, old: "      top: 3", new: "      top: 30"),
        Mistake(name: "a date day/month/year", place: .definition, old: "since: 2017-01-01", new: "since: 1/1/2017"),
        Mistake(name: "a code where a list is expected", place: .definition, old: "fmps: [MEN-01]", new: "fmps: MEN-01"),
        Mistake(name: "a code in another case", place: .definition, old: "fmps: [MEN-01]", new: "fmps: [men-01]"),
        Mistake(name: "a name for a code", place: .definition, old: "fmps: [MEN-01]", new: "fmps: [Ménaka]"),
        Mistake(name: "one code of two misspelt", place: .definition, old: "fmps: [MEN-01]", new: "fmps: [MEN-01, GAO-1]"),
        Mistake(name: "a filter that keeps no row of the month", place: .definition, old: "fmps: [MEN-01]", new: "fmps: [MEN-01]",
                arguments: ["validate", "--period", "2016-12"]),
        Mistake(name: "a cumulative window without since", place: .definition, old: "      since: 2017-01-01\n", new: ""),
        Mistake(name: "a title with ': ' without quotes", place: .definition,
                old: "en: \"Mali — Ménaka: Quarterly Flow Monitoring Summary\"", new: "en: Mali — Ménaka: Quarterly Flow Monitoring Summary"),
        Mistake(name: "a line indented once more", place: .definition, old: "      top: 3", new: "       top: 3"),
        Mistake(name: "an input that is not there", place: .definition, old: "fmp_observations.csv", new: "fmp_observation.csv"),
        Mistake(name: "a template missing for one language", place: .definition,
                old: "      fr: templates/flow-monitoring/fmp-menaka-quarter.fr.md\n", new: ""),
        Mistake(name: "an unknown fact", place: .english, old: "{{incoming}} incoming", new: "{{incomming}} incoming"),
        Mistake(name: "a brace too few before a tag", place: .english, old: "{{incoming}} incoming", new: "{incoming}} incoming"),
        Mistake(name: "a brace too few after a tag", place: .english, old: "{{incoming}} incoming", new: "{{incoming} incoming"),
        Mistake(name: "a form the fact has not", place: .english, old: "From {{since}}", new: "{{window_dates.capitalised}}, from {{since}}"),
        Mistake(name: "a fact that may be absent outside its section", place: .english,
                old: "No individuals were counted", new: "{{uac}} No individuals were counted"),
        Mistake(name: "a flag printed as text", place: .english, old: "{{#as_of}}\n", new: "{{#as_of}}{{mostly_men}}\n"),
        Mistake(name: "an agreement form on a date", place: .english, old: "From {{since}}", new: "From {{since | # day / # days}}"),
        Mistake(name: "one form where two are needed", place: .english,
                old: "{{total | # individual was / # individuals were}}", new: "{{total | # individual was}}"),
    ]

    /// `text` with the line numbers of reports.yaml and the reports' indexes replaced by `#`.
    static func placeless(_ text: String) -> String {
        text.replacing(#/reports\.yaml:\d+:/#, with: "reports.yaml:#:").replacing(#/reports\[\d+\]/#, with: "reports[#]")
            .replacing(#/at line \d+, column/#, with: "at line #, column")
    }

    @Test(arguments: mistakes)
    func theGuideShowsWhatTheToolPrints(_ mistake: Mistake) throws {
        let guide = try String(contentsOf: Repository.url("docs/report-types.md"), encoding: .utf8)
        let errors = try #require(guide.range(of: "## The errors you will meet"))
        let section = String(guide[errors.lowerBound...])
        func block(after marker: String, fence: String) throws -> String {
            let start = try #require(guide.range(of: marker), "'\(marker)' not in the guide")
            let open = try #require(guide.range(of: "```\(fence)\n", range: start.upperBound..<guide.endIndex))
            let close = try #require(guide.range(of: "\n```\n", range: open.upperBound..<guide.endIndex))
            return String(guide[open.upperBound..<close.lowerBound]) + "\n"
        }
        // The walk-through, done as the guide says (`NewReportTests.theGuideWalkThroughIsWhatTheToolDoes`).
        let walkThrough = NewReportTests()
        let folder = try walkThrough.project()
        let before = try #require(folder.read("reports.yaml"))
        #expect(try walkThrough.dtmReport(["new-report", "--plugin", "flow-monitoring", "--id", "fmp-menaka-quarter"], in: folder).status == 0)
        let inserted = try walkThrough.addedBlock(before: before, after: try #require(folder.read("reports.yaml")))
        var definition = try block(after: "## 3. Set the title", fence: "yaml")
        var english = try block(after: "`templates/flow-monitoring/fmp-menaka-quarter.en.md`:", fence: "mustache")
        var french = try block(after: "`templates/flow-monitoring/fmp-menaka-quarter.fr.md`:", fence: "mustache")
        func edit(_ text: inout String) {
            #expect(text.contains(mistake.old), "'\(mistake.old)' is not in the walk-through")
            if let range = text.range(of: mistake.old) { text.replaceSubrange(range, with: mistake.new) }
        }
        switch mistake.place {
        case .definition: edit(&definition)
        case .english: edit(&english)
        case .french: edit(&french)
        }
        try folder.write(inserted.head + definition + inserted.tail, to: "reports.yaml")
        try folder.write(english, to: "templates/flow-monitoring/fmp-menaka-quarter.en.md")
        try folder.write(french, to: "templates/flow-monitoring/fmp-menaka-quarter.fr.md")
        let outcome = try walkThrough.dtmReport(mistake.arguments, in: folder)
        #expect(outcome.status == 1)
        // The report's place in the shipped reports.yaml moves as reports are added to it: its
        // line numbers and index are compared as placeholders, every other character as it is.
        #expect(Self.placeless(section).contains(Self.placeless("```text\n" + outcome.stderr + "```\n")),
                Comment(rawValue: "the guide does not show:\n" + outcome.stderr))
    }
}
