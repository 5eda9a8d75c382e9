import Testing
@testable import ReportKit

@Suite struct TemplateCheckerTests {
    static let file = "templates/returnee-movements/summary.en.md"

    let facts: [FactSpec] = [
        FactSpec("total", .count, "returnees counted"),
        FactSpec("report_date", .date, "the report date"),
        FactSpec("previous_total", .count, "returnees at the previous report date", optional: true),
        FactSpec("previous_date", .date, "the previous report date", optional: true),
        FactSpec("change", .change, "difference with the previous report"),
        FactSpec("estimated", .flag, "figures are estimates"),
        FactSpec("range", .dateRange, "the days covered"),
        FactSpec("regions", .list, "regions of origin"),
        FactSpec("country", .label, "country of return"),
        FactSpec(
            "events", .records, "displacement events",
            fields: [
                FactSpec("place", .label, "where"),
                FactSpec("people", .count, "how many"),
                FactSpec("households", .count, "households, when collected", optional: true),
            ]),
    ]

    /// The checker's messages for `text`, as printed.
    private func check(_ text: String) -> [String] {
        TemplateChecker.check(text, file: Self.file, facts: facts).map(\.description)
    }

    private func error(_ line: Int, _ column: Int, _ message: String) -> String {
        "\(Self.file):\(line):\(column): error: \(message)"
    }

    // MARK: Accepted

    @Test func acceptsAWellFormedTemplate() {
        let text = """
            {{! A comment
                over two lines }}
            As of {{ report_date }}, {{total}} {{#total.one}}returnee{{/total.one}}{{#total.other}}returnees{{/total.other}}.
            {{{country}}} {{&country}} {{country}}
            {{#previous_total}}Before: {{previous_total}} ({{.}}, {{previous_total.raw}}, {{raw}}).{{/previous_total}}
            {{^previous_total}}First report.{{/previous_total}}
            {{#change}}{{abs}} {{#increase}}more{{/increase}}{{#percent}} ({{percent}}, {{change.percent}}, {{.}}){{/percent}}{{/change}}
            {{#change.percent}}{{change.percent}}{{/change.percent}}
            {{range.capitalized}}, {{range.start.day}}–{{range.end.day_month}} ({{range.days}} days, {{range.days.raw}}).
            {{#regions.items}}- {{name}}
            {{/regions.items}}
            {{regions}}, {{regions.count}}, {{regions.first}}
            {{#estimated}}Estimated: {{total}}.{{/estimated}}
            {{#events}}{{place}}: {{people}} of {{total}}{{#households}} ({{households}}){{/households}}
            {{/events}}
            {{report_date.of_month_year}} {{report_date.iso}}
            """
        #expect(check(text) == [])
    }

    // MARK: Names

    /// A one-tag form missing its last brace at the very end of the file (found by fuzzing): one
    /// error at the tag, and no read past the end of the text.
    @Test func aFormMissingItsLastBraceAtTheEndOfTheFile() {
        let problems = check("{{total | # person / # people}")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(Self.file):1:1: error: ") == true, Comment(rawValue: problems.joined(separator: "\n")))
    }

    @Test func unknownFactWithSuggestion() {
        let text = "# Returnees\n\nThey counted {{totl}} returnees."
        #expect(check(text) == ["templates/returnee-movements/summary.en.md:3:14: error: unknown fact 'totl' (did you mean 'total'?)"])
        #expect(check("{{xyzzy}}") == [error(1, 1, "unknown fact 'xyzzy'")])
    }

    @Test func unknownChildWithSuggestion() {
        #expect(check("Total: {{total.onee}}") == [error(1, 8, "'total' (a count) has no child 'onee' (did you mean 'one'?)")])
        #expect(
            check("{{report_date.montth_year}}")
                == [error(1, 1, "'report_date' (a date) has no child 'montth_year' (did you mean 'month_year'?)")])
        #expect(check("{{country.name}}") == [error(1, 1, "'country' (a label) has no child 'name'")])
        #expect(check("{{range.start.dayy}}") == [error(1, 1, "'range.start' (a date) has no child 'dayy' (did you mean 'day'?)")])
        #expect(check("{{total.raw.x}}") == [error(1, 1, "'total.raw' (text) has no child 'x'")])
    }

    @Test func sectionOnlyValuesPrintedAsText() {
        #expect(
            check("{{estimated}}")
                == [error(1, 1, "'estimated' is a flag, not text: use it as a section, {{#estimated}}…{{/estimated}}")])
        #expect(
            check("x {{events}}")
                == [error(1, 3, "'events' is a list of records, not text: use it as a section, {{#events}}…{{/events}}")])
        #expect(
            check("{{total.one}}")
                == [error(1, 1, "'total.one' is true or false, not text: use it as a section, {{#total.one}}…{{/total.one}}")])
        #expect(
            check("{{regions.items}}")
                == [error(1, 1, "'regions.items' is a list of names, not text: use it as a section, {{#regions.items}}…{{/regions.items}}")]
        )
        #expect(
            check("{{{totl}}} {{&estimated}}") == [
                error(1, 1, "unknown fact 'totl' (did you mean 'total'?)"),
                error(1, 12, "'estimated' is a flag, not text: use it as a section, {{#estimated}}…{{/estimated}}"),
            ])
    }

    @Test func optionalFactOutsideItsSection() {
        let absent = "fact 'previous_total' may be absent: use it inside {{#previous_total}}…{{/previous_total}}"
        #expect(check("Before: {{previous_total}}") == [error(1, 9, absent)])
        #expect(check("{{^previous_total}}{{previous_total}}{{/previous_total}}") == [error(1, 20, absent)])
        #expect(check("{{#estimated}}\n  {{previous_total.raw}}\n{{/estimated}}") == [error(2, 3, absent)])
        #expect(
            check("{{change.percent}}")
                == [error(1, 1, "fact 'change.percent' may be absent: use it inside {{#change.percent}}…{{/change.percent}}")])
        #expect(check("{{#previous_total}}{{previous_total}}{{/previous_total}}") == [])
        // A section over a child renders only when the fact is there.
        #expect(check("{{#previous_total.other}}{{previous_total}}{{/previous_total.other}}") == [])
        // A section over a fact that is always there guards nothing.
        #expect(check("{{#change}}{{previous_total}}{{/change}}") == [error(1, 12, absent)])
        // Optional facts come together: inside the section of one, the others may print...
        #expect(check("{{#previous_date}}{{previous_total}}{{/previous_date}}") == [])
        // ...but a child that may be absent still needs its own section.
        #expect(
            check("{{#previous_total}}{{change.percent}}{{/previous_total}}")
                == [error(1, 20, "fact 'change.percent' may be absent: use it inside {{#change.percent}}…{{/change.percent}}")])
        // A section of the optional value guards it however the inner tag reaches it.
        #expect(check("{{#change.percent}}{{#change}}{{percent}}{{/change}}{{/change.percent}}") == [])
    }

    @Test func recordSection() {
        #expect(
            check("{{#events}}{{place}} {{people.other}}{{/events}}")
                == [error(1, 22, "'people.other' is true or false, not text: use it as a section, {{#people.other}}…{{/people.other}}")])
        #expect(check("{{#events}}{{plase}}{{/events}}") == [error(1, 12, "unknown fact 'plase' (did you mean 'place'?)")])
        #expect(
            check("{{#events}}{{households}}{{/events}}")
                == [error(1, 12, "fact 'households' may be absent: use it inside {{#households}}…{{/households}}")])
        #expect(check("{{place}}") == [error(1, 1, "unknown fact 'place'")])
        // One typo in a section name is one message, not one per name inside.
        #expect(
            check("{{#evnts}}{{place}} {{anything.at.all}}{{/evnts}}")
                == [error(1, 1, "unknown fact 'evnts' (did you mean 'events'?)")])
    }

    @Test func dotOnlyInsideAFactSection() {
        let message = "'{{.}}' has nothing to print here: use it inside a section of a fact, as in {{#fact}}{{.}}{{/fact}}"
        #expect(check("{{.}}") == [error(1, 1, message)])
        #expect(check("{{#events}}{{.}}{{/events}}") == [error(1, 12, message)])
        #expect(
            check("{{#estimated}}{{ . }}{{/estimated}}") == [
                error(1, 15, "'{{ . }}' has nothing to print here: use it inside a section of a fact, as in {{#fact}}{{.}}{{/fact}}")
            ])
        #expect(check("{{#regions.items}}{{.}}{{/regions.items}}") == [error(1, 19, message)])
        #expect(check("{{#total}}{{.}}{{/total}}{{#regions.first}}{{.}}{{/regions.first}}") == [])
    }

    // MARK: Syntax

    @Test func unclosedTags() {
        #expect(check("Hello {{total\n{{total}}") == [error(1, 7, "unclosed tag: '{{' has no matching '}}' on this line")])
        #expect(check("{{{total x") == [error(1, 1, "unclosed tag: '{{{' has no matching '}}}' on this line")])
        #expect(check("a\n{{! note\nmore") == [error(2, 1, "unclosed comment: '{{!' has no matching '}}'")])
    }

    /// Each brace too many or too few next to a tag is one error where it is, and the rest of the
    /// template is read as if it were fixed: no knock-on errors about sections after it.
    @Test func bracesNextToATag() {
        #expect(check("Total: {total}}.") == [error(1, 8, "'{total}}' is missing a '{': write '{{total}}'")])
        #expect(check("Total: {{total}}}.") == [error(1, 17, "'{{total}}}' has one '}' too many: write '{{total}}'")])
        #expect(check("Total: {{total}}}}.") == [error(1, 17, "'{{total}}}}' has 2 '}' too many: write '{{total}}'")])
        #expect(check("Total: {{{total}}}}.") == [error(1, 19, "'{{{total}}}}' has one '}' too many: write '{{{total}}}'")])
        #expect(check("Total: {{total}.") == [error(1, 8, "'{{total}' is missing a '}': write '{{total}}'")])
        #expect(check("Total: {{{total}}.") == [error(1, 8, "'{{{total}}' has one '{' too many: write '{{total}}'")])
        #expect(check("Total: }} and {{total}}.") == [error(1, 8, "stray '}}' with no '{{' before it: remove it, or open the tag with '{{'")])
        // The next tag on the line keeps its own braces: `{{total}` does not borrow them.
        #expect(
            check("{{total} {{#estimated}}about {{/estimated}}{{total}}")
                == [error(1, 1, "'{{total}' is missing a '}': write '{{total}}'")])
        #expect(
            check("{{#estimated}}about {{total}{{/estimated}}")
                == [error(1, 21, "'{{total}' is missing a '}': write '{{total}}'")])
        // The name inside is still checked.
        #expect(
            check("{{totl}.")
                == [error(1, 1, "'{{totl}' is missing a '}': write '{{totl}}'"), error(1, 1, "unknown fact 'totl' (did you mean 'total'?)")])
        #expect(check("{{#estimated}}{total}}{{/estimated}} {{total}}") == [error(1, 15, "'{total}}' is missing a '{': write '{{total}}'")])
        // Braces that are not next to a tag are text.
        #expect(check("a set {x, y} and {{total}}") == [])
    }

    @Test func sectionStructure() {
        #expect(
            check("{{#estimated}}\ntext")
                == [error(1, 1, "section '{{#estimated}}' is never closed: add '{{/estimated}}' where it ends")])
        #expect(
            check("{{^previous_total}}\ntext")
                == [error(1, 1, "section '{{^previous_total}}' is never closed: add '{{/previous_total}}' where it ends")])
        #expect(
            check("{{#estimated}}x{{/estimatd}}")
                == [
                    error(
                        1, 16,
                        "'{{/estimatd}}' does not close the open section 'estimated' (opened at 1:1) (did you mean '{{/estimated}}'?)")
                ])
        #expect(
            check("{{#estimated}}{{#total.one}}x{{/estimated}}") == [
                error(
                    1, 30, "'{{/estimated}}' does not close the open section 'total.one' (opened at 1:15) (did you mean '{{/total.one}}'?)")
            ])
        #expect(check("x {{/total}}") == [error(1, 3, "'{{/total}}' closes a section that was never opened")])
    }

    @Test func unsupportedTags() {
        #expect(
            check("{{=<% %>=}}\n<% whatever %> {{") == [
                error(1, 1, "changing delimiters with '{{=…=}}' is not supported: templates use '{{' and '}}'")
            ])
        #expect(check("a\n  {{> footer}}") == [error(2, 3, "partials are not supported yet: '{{> footer}}'")])
        #expect(
            check("{{% CONTENT_TYPE: HTML}}")
                == [
                    error(
                        1, 1,
                        "pragmas are not supported: '{{% CONTENT_TYPE: HTML}}' (templates are always plain text, without HTML escaping)")
                ])
        #expect(
            check("{{<base}}{{$title}}x{{/title}}{{/base}}") == [
                error(1, 1, "template inheritance is not supported: '{{<base}}'"),
                error(1, 10, "template inheritance is not supported: '{{$title}}'"),
            ])
    }

    @Test func malformedNames() {
        #expect(check("{{}}") == [error(1, 1, "empty tag '{{}}': write a fact's name between the braces")])
        // The closing tag matches its (empty) opening one: one message.
        #expect(check("{{# }}{{/ }}") == [error(1, 1, "empty tag '{{# }}': write a fact's name between the braces")])
        #expect(check("{{/}}") == [error(1, 1, "'{{/}}' closes a section that was never opened")])
        let rule = "is not a valid tag: a name is letters, digits, '_' and '-', with '.' before a child"
        #expect(check("{{total count}}") == [error(1, 1, "'{{total count}}' \(rule)")])
        #expect(check("{{uppercased(total)}}") == [error(1, 1, "'{{uppercased(total)}}' \(rule)")])
        #expect(check("{{total..raw}}") == [error(1, 1, "'{{total..raw}}' \(rule)")])
    }

    // MARK: Positions

    @Test func columnsCountCharacters() {
        let message = "unknown fact 'totl' (did you mean 'total'?)"
        #expect(check("Répartition: {{totl}}") == [error(1, 14, message)])
        #expect(check("Re\u{301}partition: {{totl}}") == [error(1, 14, message)])  // é decomposed is one character
        #expect(check("a\r\nb\r\n  {{totl}}") == [error(3, 3, message)])
    }

    @Test func everyErrorInFileOrder() {
        let text = "{{#estimated}}\n{{totl}}\n{{estimated.x}}\n{{> footer}}"
        #expect(
            check(text) == [
                error(1, 1, "section '{{#estimated}}' is never closed: add '{{/estimated}}' where it ends"),
                error(2, 1, "unknown fact 'totl' (did you mean 'total'?)"),
                error(3, 1, "'estimated' (a flag) has no child 'x'"),
                error(4, 1, "partials are not supported yet: '{{> footer}}'"),
            ])
    }

    @Test func swiftMustacheErrorsAreMappedToTheCoordinatorsLines() {
        // The host's pragma line comes first; the position must still be the coordinator's.
        let diagnostic = CompiledTemplate.parserDiagnostic("line\n{{#a}}\n{{/b}}", file: "t.en.md")
        #expect(diagnostic?.location?.line == 3)
        #expect(diagnostic?.description.hasPrefix("t.en.md:3:") == true)
        #expect(diagnostic?.description.hasSuffix("error: invalid template: a closing tag does not match the open section") == true)
        #expect(CompiledTemplate.parserDiagnostic("{{#a}}{{/a}}", file: "t") == nil)
    }
}
