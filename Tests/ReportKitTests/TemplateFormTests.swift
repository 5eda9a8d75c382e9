import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// The one-tag forms (`{{total | # person / # people}}`, `{{change | change}}`) and paragraphs
/// written over several lines, rendered by the real `CompiledTemplate` and checked by the real
/// `TemplateChecker`.
@Suite struct TemplateFormTests {
    private func render(_ text: String, _ facts: [String: FactValue], _ language: Language) throws -> String {
        try CompiledTemplate(text: text, file: "t.md").render(facts, language: language)
    }

    // MARK: Agreement

    @Test(arguments: [
        (0, "0 people", "0 personne"), (1, "1 person", "1 personne"), (2, "2 people", "2 personnes"),
        (1_502, "1,502 people", "1\u{202F}502 personnes"),
    ])
    func aCountWithItsNoun(count: Int, english: String, french: String) throws {
        let facts: [String: FactValue] = ["total": .count(count)]
        #expect(try render("{{total | # person / # people}}", facts, .en) == english + "\n")
        #expect(try render("{{total | # personne / # personnes}}", facts, .fr) == french + "\n")
    }

    @Test func wordsAloneAndWordsAroundTheNumber() throws {
        let facts: [String: FactValue] = ["idps": .count(1), "poes": .count(12)]
        #expect(try render("{{idps | a été enregistrée / ont été enregistrées}}", facts, .fr) == "a été enregistrée\n")
        #expect(try render("of {{poes | # point / the # points}}", facts, .en) == "of the 12 points\n")
    }

    @Test func aListGivesItsNamesAsTheNumber() throws {
        let one: [String: FactValue] = ["regions": .list([Label("Ménaka")])]
        let two: [String: FactValue] = ["regions": .list([Label("Gao"), Label("Kidal")])]
        let text = "{{regions | the region of # / the regions of #}}"
        #expect(try render(text, one, .en) == "the region of Ménaka\n")
        #expect(try render(text, two, .en) == "the regions of Gao and Kidal\n")
    }

    @Test func theNounOfThePlugin() throws {
        var facts: [String: FactValue] = [
            "total": .count(1), "population": .label(Label(en: "returnees", fr: "rapatriés")),
            "population_singular": .label(Label(en: "returnee", fr: "rapatrié")),
        ]
        #expect(try render("{{total | population}}", facts, .en) == "1 returnee\n")
        facts["total"] = .count(56_729)
        #expect(try render("{{total | population}}", facts, .en) == "56,729 returnees\n")
        #expect(try render("{{total | population}}", facts, .fr) == "56\u{202F}729 rapatriés\n")
    }

    // MARK: Change phrases

    @Test func theDefaultChangePhrases() throws {
        let text = "{{change | change}}"
        #expect(try render(text, ["change": .change(127, relative: 127.0 / 282)], .en) == "rose by 127 (45%)\n")
        #expect(try render(text, ["change": .change(-266, relative: -266.0 / 2_418)], .en) == "fell by 266 (11%)\n")
        #expect(try render(text, ["change": .change(-266, relative: nil)], .en) == "fell by 266\n")
        #expect(try render(text, ["change": .change(0, relative: 0)], .en) == "did not change\n")
        #expect(try render(text, ["change": .change(907, relative: nil)], .fr) == "une augmentation de 907 personnes\n")
        #expect(try render(text, ["change": .change(-1, relative: nil)], .fr) == "une diminution d'une personne\n")
        #expect(try render(text, ["change": .change(0, relative: nil)], .fr) == "un nombre inchangé\n")
    }

    @Test func phrasesOfTheTemplate() throws {
        let text = "le total {{change | a augmenté de # (%) / a diminué de # (%) / est resté inchangé}}."
        #expect(try render(text, ["change": .change(5, relative: 0.016)], .fr) == "le total a augmenté de 5 (1,6\u{00A0}%).\n")
        #expect(try render(text, ["change": .change(0, relative: 0)], .fr) == "le total est resté inchangé.\n")
        let people = "{{change | up # [person/people] / down # [person/people] / same}}"
        #expect(try render(people, ["change": .change(-1, relative: nil)], .en) == "down 1 person\n")
        #expect(try render(people, ["change": .change(3, relative: nil)], .en) == "up 3 people\n")
    }

    @Test func theFormsAreTheSectionsTheyStandFor() throws {
        let short = "{{total | # person / # people}}, {{change | rose by # (%) / fell by # (%) / did not change}}"
        let long =
            "{{#total.one}}{{total}} person{{/total.one}}{{#total.other}}{{total}} people{{/total.other}}, "
            + "{{#change.increase}}rose by {{change}}{{#change.percent}} ({{change.percent}}){{/change.percent}}{{/change.increase}}"
            + "{{#change.decrease}}fell by {{change}}{{#change.percent}} ({{change.percent}}){{/change.percent}}{{/change.decrease}}"
            + "{{#change.unchanged}}did not change{{/change.unchanged}}"
        for (total, change) in [(0, 0), (1, -3), (2, 1)] {
            let facts: [String: FactValue] = ["total": .count(total), "change": .change(change, relative: Double(change) / 10)]
            for language in Language.allCases {
                #expect(try render(short, facts, language) == render(long, facts, language))
            }
        }
    }

    // MARK: Paragraphs over several lines

    @Test func linesOfAParagraphAreJoinedWithOneSpace() throws {
        let facts: [String: FactValue] = ["total": .count(3), "estimated": .flag(false), "shown": .flag(true)]
        let text = """
            # Title

            First sentence.
            {{#estimated}}
            Estimated.
            {{/estimated}}
            {{#shown}}
            Shown, with {{total}}
               people.
            {{/shown}}
            Last one.

            Next paragraph.
            {{#estimated}}
            Never.
            {{/estimated}}

            {{#estimated}}
            A paragraph that is not there.
            {{/estimated}}
            End.
            """
        #expect(try render(text, facts, .en) == "# Title\n\nFirst sentence. Shown, with 3 people. Last one.\n\nNext paragraph.\n\nEnd.\n")
    }

    @Test func aBackslashKeepsTheLineBreak() throws {
        let text = "One.\\\n{{#shown}}\nTwo.\n{{/shown}}\nThree.\n"
        #expect(try render(text, ["shown": .flag(true)], .en) == "One.\nTwo. Three.\n")
        #expect(try render(text, ["shown": .flag(false)], .en) == "One.\nThree.\n")
    }

    @Test func markdownBlocksKeepTheirLines() throws {
        let text = "# Title\nText\n- one\n- two\n> quoted\n| a | b |\n1. first\nafter\n"
        #expect(try render(text, [:], .en) == text)
    }

    @Test func aParagraphOnOneLineAndOnSeveralRenderTheSame() throws {
        let oneLine = "{{#shown}}Shown. {{/shown}}{{total | # person was / # people were}} counted.{{#estimated}} About.{{/estimated}}\n"
        let severalLines =
            "{{#shown}}\nShown.\n{{/shown}}\n{{total | # person was / # people were}}\ncounted.\n{{#estimated}}\nAbout.\n{{/estimated}}\n"
        for shown in [false, true] {
            for estimated in [false, true] {
                let facts: [String: FactValue] = ["total": .count(2), "shown": .flag(shown), "estimated": .flag(estimated)]
                let expected = try render(oneLine, facts, .en)
                #expect(try render(severalLines, facts, .en) == expected)
            }
        }
    }

    // MARK: The checker

    private let facts: [FactSpec] = [
        FactSpec("total", .count, "people"),
        FactSpec("change", .change, "the change"),
        FactSpec("as_of", .date, "the last day"),
        FactSpec("regions", .list, "regions"),
        FactSpec("population", .label, "the noun"),
        FactSpec("population_singular", .label, "the noun, singular"),
        FactSpec("previous", .count, "the previous count", optional: true),
    ]

    private func check(_ text: String) -> [String] {
        TemplateChecker.check(text, file: "t.en.md", facts: facts).map(\.description)
    }

    @Test func theFormsOfTheShippedKindsPass() {
        #expect(check("{{total | # person / # people}} {{regions | # / #}} {{change | change}} {{total | population}}") == [])
        #expect(check("{{change | # person / # people}} {{#previous}}{{previous | # / #}}{{/previous}}") == [])
    }

    @Test func aFormOnTheWrongKindIsRefusedAtItsTag() {
        #expect(
            check("Since {{as_of | # day / # days}}.") == [
                "t.en.md:1:7: error: '{{as_of | # day / # days}}' is an agreement form 'one / other', which agrees with a count, a change or a list; 'as_of' is a date"
            ])
        #expect(
            check("\n  {{total | change}}") == [
                "t.en.md:2:3: error: '{{total | change}}' is a change phrase, which describes a change, and needs a change; 'total' is a count"
            ])
        #expect(
            check("{{change | population}}") == [
                "t.en.md:1:1: error: '{{change | population}}' is a noun form, which gives a count with its noun, and needs a count; 'change' is a change"
            ])
        #expect(
            check("{{previous | # / #}}") == [
                "t.en.md:1:1: error: fact 'previous' may be absent: use it inside {{#previous}}…{{/previous}}"
            ])
    }

    @Test func malformedFormsAreRefusedWithTheReason() {
        #expect(check("{{total |}}") == ["t.en.md:1:1: error: malformed form '{{total |}}': nothing after '|'"])
        #expect(check("{{total | a / b / c / d}}").first?.contains("4 forms between '/'") == true)
        #expect(check("{{change | up # [a/b / down / same}}").first?.contains("'[' without ']'") == true)
        #expect(check("{{change | up # [a/[b] / down / same}}").first?.contains("a '[' is not closed by ']'") == true)
        #expect(check("{{change | up # [a] / down / same}}").first?.contains("must give two forms") == true)
        #expect(check("{{total | # {x} / #}}").first?.contains("braces are not allowed") == true)
        #expect(check("{{total | # [a/b] / #}}").first?.contains("only for a change phrase") == true)
        #expect(
            check("{{total | populaton}}") == [
                "t.en.md:1:1: error: 'populaton' in '{{total | populaton}}' is not a noun of the plugin (a label fact with a 'populaton_singular' twin): write both forms, as in '# person / # people' (did you mean 'population'?)"
            ])
        #expect(check("{{#total | a / b}}x{{/total}}").first?.contains("is not a valid tag") == true)
    }

    // MARK: The shipped templates

    static let shipped: [String] =
        (try? FileManager.default.subpathsOfDirectory(atPath: Repository.url("templates").path))?
        .filter { $0.hasSuffix(".md") }.sorted() ?? []

    @Test func thereAreShippedTemplates() {
        #expect(Self.shipped.count >= 12)
    }

    /// No line over 200 characters, and no agreement written as two sections of plain words where
    /// one tag does it.
    @Test(arguments: shipped)
    func aShippedTemplateIsReadable(_ path: String) throws {
        let text = try String(contentsOf: Repository.url("templates/\(path)"), encoding: .utf8)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(line.count <= 200, "\(path):\(number + 1) has \(line.count) characters")
        }
        let twoSections = #/\{\{#([\w.-]+)\.one\}\}[^{]*\{\{/\1\.one\}\}/#
        #expect(text.firstMatch(of: twoSections) == nil, "\(path) writes an agreement as two sections")
    }
}
