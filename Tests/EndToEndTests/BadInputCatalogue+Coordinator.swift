import Foundation

/// Mistakes a coordinator makes in reports.yaml, templates and data without writing Swift: each
/// refused with the place to fix and what to write there, never a report that is silently wrong.
extension BadInput {
    static let coordinatorCases: [BadInput] = [
        // MARK: Braces next to a tag

        template("a tag opened with one brace", { try $0.replace("{{total}}", with: "{total}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:49: error: '{total}}' is missing a '{': write '{{total}}'",
        ]),
        template("a tag closed with three braces", { try $0.replace("{{total}}", with: "{{total}}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:58: error: '{{total}}}' has one '}' too many: write '{{total}}'",
        ]),
        template("a tag closed with one brace", { try $0.replace("{{total}}", with: "{{total}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:49: error: '{{total}' is missing a '}': write '{{total}}'",
        ]),
        template("a tag opened with three braces and closed with two", { try $0.replace("{{total}}", with: "{{{total}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:49: error: '{{{total}}' has one '{' too many: write '{{total}}'",
        ]),

        // MARK: Unknown keys, with the keys allowed there

        yaml("an unknown key in a report", { try $0.replace("    plugin: covid-mobility", with: "    plugin: covid-mobility\n    region: Kayes") }, [
            "reports.yaml:47:5: error: reports[3].region: unknown key 'region'; the keys allowed here are id, plugin, title, inputs, params, templates, absolute_inputs",
        ]),
        yaml("an unknown parameter of a plugin", { try $0.replace("      population: returnees", with: "      population: returnees\n      region: ML06") }, [
            "reports.yaml:17:7: error: reports[0].params.region: unknown key 'region'; the keys allowed here are population, regions (did you mean 'regions'?)",
        ]),
        yaml("an unknown language under templates", { try $0.replace("      fr: templates/covid-mobility/poe-status.fr.md", with: "      fr: templates/covid-mobility/poe-status.fr.md\n      es: templates/covid-mobility/poe-status.es.md") }, [
            "reports.yaml:55:7: error: reports[3].templates.es: unknown language 'es'; languages are en and fr (did you mean 'en'?)",
        ]),
    ]
}
