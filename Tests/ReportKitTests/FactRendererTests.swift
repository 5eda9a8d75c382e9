import Testing
@testable import ReportKit

@Suite struct FactRendererTests {
    let en = FactRenderer(language: .en)
    let fr = FactRenderer(language: .fr)

    private func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// The `RenderedFact` a fact becomes; records a failure when it is something else.
    private func rendered(_ fact: FactValue, _ renderer: FactRenderer, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> RenderedFact
    {
        let value = renderer.value(fact)
        guard let fact = value as? RenderedFact else {
            Issue.record("expected a RenderedFact, got \(type(of: value))", sourceLocation: sourceLocation)
            return RenderedFact(text: "")
        }
        return fact
    }

    private func text(_ fact: RenderedFact, _ path: String) -> String? {
        var value: Any? = fact
        for name in path.split(separator: ".") {
            value = (value as? RenderedFact)?.child(named: String(name))
        }
        if let fact = value as? RenderedFact { return fact.text }
        return value as? String
    }

    private func flag(_ fact: RenderedFact, _ name: String) -> Bool? {
        fact.child(named: name) as? Bool
    }

    // MARK: Each kind

    @Test func count() {
        let total = rendered(.count(58_315), fr)
        #expect(total.text == "58\u{202F}315")
        #expect(text(total, "raw") == "58315")
        #expect(flag(total, "one") == false)
        #expect(flag(total, "other") == true)
        #expect(flag(total, "zero") == false)
        #expect(rendered(.count(58_315), en).text == "58,315")

        let none = rendered(.count(0), fr)
        #expect(flag(none, "one") == true)  // "0 personne"
        #expect(flag(none, "zero") == true)
        #expect(flag(rendered(.count(0), en), "one") == false)  // "0 people"
        #expect(flag(rendered(.count(1), en), "one") == true)
    }

    @Test func percent() {
        #expect(rendered(.percent(0.96), en).text == "96%")
        #expect(rendered(.percent(0.96), fr).text == "96\u{00A0}%")
        #expect(text(rendered(.percent(0.96), fr), "raw") == "0.96")
    }

    @Test func date() {
        let date = rendered(.date(day("2017-04-01")), fr)
        #expect(date.text == "1er avril 2017")
        #expect(text(date, "full") == "1er avril 2017")
        #expect(text(date, "day_month") == "1er avril")
        #expect(text(date, "day") == "1er")
        #expect(text(date, "month_name") == "avril")
        #expect(text(date, "month_year") == "avril 2017")
        #expect(text(date, "of_month_year") == "d'avril 2017")
        #expect(text(date, "year") == "2017")
        #expect(text(date, "iso") == "2017-04-01")
        #expect(rendered(.date(day("2016-10-31")), en).text == "31 October 2016")
    }

    @Test func month() {
        let month = rendered(.month(Period(iso: "2017-02")!), fr)
        #expect(month.text == "février 2017")
        #expect(text(month, "of_month_year") == "de février 2017")
        #expect(text(month, "iso") == "2017-02")
        #expect(text(rendered(.month(Period(iso: "2017-02")!), en), "of_month_year") == "of February 2017")
    }

    @Test func dateRange() {
        let range = rendered(.dateRange(day("2017-02-22"), day("2017-02-28")), fr)
        #expect(range.text == "entre le 22 et le 28 février")
        #expect(text(range, "capitalized") == "Entre le 22 et le 28 février")
        #expect(text(range, "start") == "22 février 2017")
        #expect(text(range, "start.day") == "22")
        #expect(text(range, "end.full") == "28 février 2017")
        #expect(text(range, "days") == "7")
        #expect(flag(range.child(named: "days") as! RenderedFact, "other") == true)

        let english = rendered(.dateRange(day("2017-02-22"), day("2017-02-28")), en)
        #expect(english.text == "between 22 and 28 February")
        #expect(text(english, "capitalized") == "Between 22 and 28 February")
        #expect(rendered(.dateRange(day("2017-02-22"), day("2017-02-22")), en).text == "on 22 February")
        #expect(text(rendered(.dateRange(day("2017-02-22"), day("2017-02-22")), fr), "capitalized") == "Le 22 février")
    }

    @Test func list() {
        let regions = [Label("Gao"), Label("Benena"), Label(en: "Menaka", fr: "Ménaka")]
        let three = rendered(.list(regions), fr)
        #expect(three.text == "Gao, Benena et Ménaka")
        #expect(rendered(.list(regions), en).text == "Gao, Benena and Menaka")
        #expect(text(three, "count") == "3")
        #expect(flag(three, "one") == false)
        #expect(flag(three, "other") == true)
        #expect(text(three, "first") == "Gao")
        let items = three.child(named: "items") as? [[String: String]]
        #expect(items?.map { $0["name"] } == ["Gao", "Benena", "Ménaka"])

        let one = rendered(.list([Label("Gao")]), en)
        #expect(one.text == "Gao")
        #expect(flag(one, "one") == true)
        #expect(rendered(.list([Label("Gao"), Label("Benena")]), en).text == "Gao and Benena")
    }

    @Test func change() {
        let up = rendered(.change(907, relative: 907.0 / 57_408), en)
        #expect(up.text == "907")
        #expect(text(up, "abs") == "907")
        #expect(flag(up, "increase") == true)
        #expect(flag(up, "decrease") == false)
        #expect(flag(up, "unchanged") == false)
        #expect(flag(up, "other") == true)
        #expect(text(up, "percent") == "1.6%")

        let down = rendered(.change(-1_190, relative: -1_190.0 / 56_729), fr)
        #expect(down.text == "1\u{202F}190")  // the wording says "diminution", the number is unsigned
        #expect(flag(down, "decrease") == true)
        #expect(flag(down, "increase") == false)
        #expect(text(down, "percent") == "2,1\u{00A0}%")

        let same = rendered(.change(0, relative: 0), fr)
        #expect(same.text == "0")
        #expect(flag(same, "unchanged") == true)
        #expect(flag(same, "one") == true)  // "0 personne"
        #expect(flag(rendered(.change(0, relative: 0), en), "one") == false)
        #expect(flag(rendered(.change(-1, relative: nil), en), "one") == true)

        // Whole percents from 10 % up; nothing when the base was 0.
        #expect(text(rendered(.change(250, relative: 0.25), en), "percent") == "25%")
        #expect(text(rendered(.change(996, relative: 0.0996), en), "percent") == "10%")
        #expect(rendered(.change(5, relative: nil), en).child(named: "percent") == nil)
    }

    @Test func labelFlagRecords() {
        #expect(rendered(.label(Label(en: "Ivory Coast", fr: "Côte d'Ivoire")), fr).text == "Côte d'Ivoire")
        #expect(en.value(.flag(true)) as? Bool == true)
        let records = en.value(.records([["place": .label(Label("Gao"))], ["place": .label(Label("Ménaka"))]]))
        let contexts = records as? [[String: Any]]
        #expect(contexts?.count == 2)
        #expect((contexts?[1]["place"] as? RenderedFact)?.text == "Ménaka")
    }

    @Test func decimalsInEachLanguageWithTheirDigits() {
        let fact = FactValue.decimal(1234.25, digits: 1)
        #expect((en.value(fact) as? RenderedFact)?.text == "1,234.3")
        #expect((fr.value(fact) as? RenderedFact)?.text == "1\u{202F}234,3")
        #expect((fr.value(fact) as? RenderedFact)?.children["raw"] as? String == "1234.3")
        #expect((en.value(.decimal(2, digits: 2)) as? RenderedFact)?.text == "2.00")
        #expect((fr.value(.decimal(-0.05, digits: 1)) as? RenderedFact)?.text == "-0,1")
        #expect((en.value(.decimal(0, digits: 0)) as? RenderedFact)?.children["zero"] as? Bool == true)
        #expect((en.value(.decimal(0.4, digits: 0)) as? RenderedFact)?.children["zero"] as? Bool == false)
    }

    @Test func absentOptionalFactIsAbsent() {
        let context = en.context(["total": .count(3)])
        #expect(context.keys.sorted() == ["total"])
        #expect(context["previous_total"] == nil)
    }

    // MARK: The contract

    /// Every kind gives exactly the children `FactKind.children` documents, and the checker
    /// knows exactly those: the three lists cannot drift apart.
    @Test(arguments: FactKind.allCases) func childrenMatchTheContract(kind: FactKind) {
        let documented = Set(kind.children.map(\.key))
        #expect(Set(TemplateNode.children(of: kind).map(\.name)) == documented)

        let sample: FactValue =
            switch kind {
            case .count: .count(2)
            case .percent: .percent(0.5)
            case .decimal: .decimal(2.5, digits: 1)
            case .date: .date(day("2017-04-30"))
            case .month: .month(Period(iso: "2017-04")!)
            case .dateRange: .dateRange(day("2017-04-01"), day("2017-04-30"))
            case .list: .list([Label("Gao")])
            case .change: .change(3, relative: 0.1)
            case .label: .label(Label("Gao"))
            case .flag: .flag(true)
            case .records: .records([])
            }
        #expect(sample.kind == kind)
        let value = en.value(sample)
        if kind.rendersAsText {
            #expect(Set((value as? RenderedFact)?.children.keys.map { $0 } ?? []) == documented)
        } else {
            #expect(!(value is RenderedFact))
        }
    }

    // MARK: Templates end to end

    private let reportFacts: [String: FactValue] = [
        "report_date": .date(Day(iso: "2017-04-30")!),
        "total": .count(58_315),
        "change": .change(907, relative: 907.0 / 57_408),
        "previous_month": .month(Period(iso: "2017-02")!),
        "previous_total": .count(57_408),
    ]

    @Test func rendersBothLanguages() throws {
        let french = try CompiledTemplate(
            text: """
                À la date du {{report_date}}, les partenaires de la CMP ont comptabilisé {{total}} rapatriés, \
                ce qui correspond à {{#change.increase}}une augmentation{{/change.increase}}{{#change.decrease}}une diminution{{/change.decrease}} \
                de {{change}} {{#change.one}}personne{{/change.one}}{{#change.other}}personnes{{/change.other}} \
                par rapport aux données {{previous_month.of_month_year}}{{#previous_total}} ({{.}}){{/previous_total}}.

                """, file: "summary.fr.md")
        #expect(
            french.render(reportFacts, language: .fr)
                == "À la date du 30 avril 2017, les partenaires de la CMP ont comptabilisé 58\u{202F}315 rapatriés, "
                + "ce qui correspond à une augmentation de 907 personnes par rapport aux données de février 2017 (57\u{202F}408).\n")

        let english = try CompiledTemplate(
            text: "As of {{report_date}}, {{total}} returnees were counted ({{change.percent}} more).",
            file: "summary.en.md")
        #expect(english.render(reportFacts, language: .en) == "As of 30 April 2017, 58,315 returnees were counted (1.6% more).\n")
    }

    @Test func absentOptionalUsesInvertedSection() throws {
        let template = try CompiledTemplate(
            text: "{{#previous_total}}before: {{previous_total}}{{/previous_total}}{{^previous_total}}first report{{/previous_total}}",
            file: "t.en.md")
        #expect(template.render(["previous_total": .count(12)], language: .en) == "before: 12\n")
        #expect(template.render([:], language: .en) == "first report\n")
    }

    @Test func htmlIsNotEscaped() throws {
        let template = try CompiledTemplate(text: "{{country}} / {{{country}}} / {{&country}} <b>", file: "t.fr.md")
        let facts: [String: FactValue] = ["country": .label(Label("Côte d'Ivoire & <x>"))]
        #expect(template.render(facts, language: .fr) == "Côte d'Ivoire & <x> / Côte d'Ivoire & <x> / Côte d'Ivoire & <x> <b>\n")
    }

    @Test func outputEndsWithOneLineBreak() throws {
        let facts: [String: FactValue] = ["total": .count(5)]
        #expect(try CompiledTemplate(text: "{{total}}", file: "t").render(facts, language: .en) == "5\n")
        #expect(try CompiledTemplate(text: "{{total}}\n\n\n", file: "t").render(facts, language: .en) == "5\n")
        // The pragma the host adds adds no line; a first empty line of the template stays.
        #expect(try CompiledTemplate(text: "\n{{total}}\n", file: "t").render(facts, language: .en) == "\n5\n")
        #expect(try CompiledTemplate(text: "# Title\n\n{{total}}\n", file: "t").render(facts, language: .en) == "# Title\n\n5\n")
    }

    @Test func standaloneSectionLinesLeaveNoBlankLines() throws {
        let template = try CompiledTemplate(
            text: """
                {{#estimated}}
                Estimated.
                {{/estimated}}
                {{#regions.items}}
                - {{name}}
                {{/regions.items}}
                Total: {{total}}

                """, file: "t.en.md")
        let facts: [String: FactValue] = [
            "estimated": .flag(false), "total": .count(3),
            "regions": .list([Label("Gao"), Label(en: "Timbuktu", fr: "Tombouctou")]),
        ]
        #expect(template.render(facts, language: .fr) == "- Gao\n- Tombouctou\nTotal: 3\n")
    }

    @Test func recordSections() throws {
        let template = try CompiledTemplate(
            text: "{{#events}}{{place}}: {{people}} {{#people.one}}person{{/people.one}}"
                + "{{#people.other}}people{{/people.other}} ({{total}} in all)\n{{/events}}",
            file: "t.en.md")
        let facts: [String: FactValue] = [
            "total": .count(1_201),
            "events": .records([
                ["place": .label(Label("Gao")), "people": .count(1)],
                ["place": .label(Label("Macina")), "people": .count(1_200)],
            ]),
        ]
        #expect(template.render(facts, language: .en) == "Gao: 1 person (1,201 in all)\nMacina: 1,200 people (1,201 in all)\n")
    }

    @Test func syntaxErrorsAreThrown() {
        #expect(throws: DiagnosticList.self) { try CompiledTemplate(text: "line\n{{#a}}", file: "t.en.md") }
        do {
            _ = try CompiledTemplate(text: "line\n{{#a}}", file: "t.en.md")
        } catch {
            #expect(error.description == "t.en.md:2:1: error: section '{{#a}}' is never closed: add '{{/a}}' where it ends")
        }
    }
}
