/// Template forms (`{{total | # person / # people}}`, `{{change | change}}`) written wrong: each
/// refused with the tag's line and column.
extension BadInput {
    static let templateFormCases: [BadInput] = [
        template("an agreement form on a date", {
            try $0.replace("As of {{report_date}},", with: "As of {{report_date | # day / # days}},", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:5:7: error: '{{report_date | # day / # days}}' is an agreement form 'one / other', which agrees with a count, a change or a list; 'report_date' is a date",
        ]),
        template("a change phrase on a count", {
            try $0.replace("{{total | population}}", with: "{{total | change}}", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:5:49: error: '{{total | change}}' is a change phrase, which describes a change, and needs a change; 'total' is a count",
        ]),
        template("a form with an empty alternative", {
            try $0.replace("{{households | household / households}}", with: "{{households | household /}}", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:14:49: error: malformed form '{{households | household /}}': an empty form between '/'",
        ]),
        template("a form with four alternatives", {
            try $0.replace("{{households | household / households}}", with: "{{households | a / b / c / d}}", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:14:49: error: malformed form '{{households | a / b / c / d}}': 4 forms between '/': write two ('one / other') or three for a change ('increase / decrease / unchanged')",
        ]),
        template("a percent in an agreement form", {
            try $0.replace("{{households | household / households}}", with: "{{households | household (%) / households (%)}}", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:14:49: error: malformed form '{{households | household (%) / households (%)}}': '(%)' is only for a change phrase (three forms)",
        ]),
        template("an unclosed agreement in a change phrase", {
            try $0.replace("an increase of [one person/# people]", with: "an increase of [one person/# people", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:7:1: error: malformed form '{{change | an increase of [one person/# people compared with / a decrease of [one person/# people] compared with / the same number as in}}': a '[' is not closed by ']' before the next '['",
        ]),
        template("a misspelt noun of the plugin", {
            try $0.replace("{{total | population}}", with: "{{total | populaton}}", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:5:49: error: 'populaton' in '{{total | populaton}}' is not a noun of the plugin (a label fact with a 'populaton_singular' twin): write both forms, as in '# person / # people' (did you mean 'population'?)",
        ]),
        template("a form on an unknown fact", {
            try $0.replace("{{total | population}}", with: "{{totl | population}}", in: englishSummary)
        }, [
            "templates/returnee-movements/summary.en.md:5:49: error: unknown fact 'totl' (did you mean 'total'?)",
        ]),
    ]
}
