import Foundation

/// Mistakes a coordinator makes in reports.yaml, templates and data without writing Swift: each
/// refused with the place to fix and what to write there, never a report that is silently wrong.
extension BadInput {
    static let coordinatorCases: [BadInput] = [
        // MARK: Filters that match nothing

        yaml("an FMP code that is not in the data", { try $0.replace("fmps: [GAO-01]", with: "fmps: [XYZ-99]") }, [
            "reports.yaml:76:14: error: reports[5].params.fmps[0]: 'XYZ-99' is not a value of column 'fmp_code' in data/sample/fmp_observations.csv; its values are BEN-01, GAO-01, MEN-01",
        ]),
        yaml("an FMP code in the wrong case", { try $0.replace("fmps: [GAO-01]", with: "fmps: [men-01]") }, [
            "reports.yaml:76:14: error: reports[5].params.fmps[0]: 'men-01' is not a value of column 'fmp_code' in data/sample/fmp_observations.csv: values are matched exactly (did you mean 'MEN-01'?)",
        ]),
        yaml("one FMP code of two misspelt", { try $0.replace("fmps: [GAO-01]", with: "fmps: [MEN-01, GAO-1]") }, [
            "reports.yaml:76:22: error: reports[5].params.fmps[1]: 'GAO-1' is not a value of column 'fmp_code' in data/sample/fmp_observations.csv; its values are BEN-01, GAO-01, MEN-01 (did you mean 'GAO-01'?)",
        ]),
        yaml("an FMP name where its code is needed", { try $0.replace("fmps: [GAO-01]", with: "fmps: [Gao]") }, [
            "reports.yaml:76:14: error: reports[5].params.fmps[0]: 'Gao' is a name in column 'fmp_name' of data/sample/fmp_observations.csv, not a value of column 'fmp_code': write its code (did you mean 'GAO-01'?)",
        ]),
        BadInput(kind: .yaml, name: "a filter that keeps no row of the period", mutate: {
            try $0.replace("      window: month", with: "      window: month\n      fmps: [MEN-01]")
        }, errors: [
            "reports.yaml:29:13: error: reports[1].params.fmps: no row of data/sample/fmp_observations.csv in 2016-12 has fmp_code 'MEN-01', so the report would count nothing; its rows run from 2017-01 to 2017-04",
        ], arguments: ["run", "--period", "2016-12", "--report", "fmp-monthly"]),
        yaml("a point-of-entry type that is not in the data", { try $0.write(try $0.text(poes).replacingOccurrences(of: ",blue_border,", with: ",land_border,"), to: poes); try $0.replace("      poes: data/sample/poe_status.csv", with: "      poes: data/sample/poe_status.csv\n    params:\n      types: [land_border, blue_border]") }, [
            "reports.yaml:53:28: error: reports[3].params.types[1]: 'blue_border' is not a value of column 'poe_type' in data/sample/poe_status.csv; its values are airport, internal_transit, land_border",
        ]),

        // MARK: Suggestions with the fix

        yaml("a date written day/month/year", { try $0.replace("since: 2016-06-30", with: "since: 1/1/2017") }, [
            "reports.yaml:41:14: error: reports[2].params.since: '1/1/2017' is not a date: write YYYY-MM-DD (did you mean '2017-01-01'?)",
        ]),
        yaml("a date written with dashes, year last", { try $0.replace("since: 2016-06-30", with: "since: 30-06-2016") }, [
            "reports.yaml:41:14: error: reports[2].params.since: '30-06-2016' is not a date: write YYYY-MM-DD (did you mean '2016-06-30'?)",
        ]),
        yaml("a date written year/month/day", { try $0.replace("since: 2016-06-30", with: "since: 2016/6/30") }, [
            "reports.yaml:41:14: error: reports[2].params.since: '2016/6/30' is not a date: write YYYY-MM-DD (did you mean '2016-06-30'?)",
        ]),
        yaml("a date whose day and month could be swapped", { try $0.replace("since: 2016-06-30", with: "since: 3/4/2017") }, [
            "reports.yaml:41:14: error: reports[2].params.since: '3/4/2017' is not a date: write YYYY-MM-DD, 2017-04-03 or 2017-03-04 (day and month could be either way round)",
        ]),
        yaml("a first day given to a quarter window", { try $0.replace("      window: quarter\n", with: "      window: quarter\n      since: 2017-01-01\n") }, [
            "reports.yaml:76:7: error: reports[5].params.since: 'since' only applies to 'window: cumulative'; a quarter window starts on its quarter's first day",
        ]),
        yaml("one FMP code where a list is expected", { try $0.replace("fmps: [GAO-01]", with: "fmps: GAO-01") }, [
            "reports.yaml:76:13: error: reports[5].params.fmps: expected list of text, found text 'GAO-01' (did you mean '[GAO-01]'?)",
        ]),
        BadInput(kind: .commandLine, name: "new-report with a configuration file that does not exist", mutate: { _ in }, errors: [
            "report.yaml: error: no such file; run dtm-report in the folder of reports.yaml or give --config FILE (did you mean 'reports.yaml'?)",
        ], arguments: ["new-report", "--plugin", "flow-monitoring", "--id", "fmp-new", "--config", "report.yaml"]),
        BadInput(kind: .commandLine, name: "the same month given twice", mutate: { _ in }, errors: [
            "Error: --period: month 2017-04 is given twice (in '2017-04'); name each month once, or a range as 2017-01...2017-03",
        ], arguments: ["run", "--period", "2017-04", "--period", "2017-04"], status: 64),
        BadInput(kind: .commandLine, name: "a month inside a range given as well", mutate: { _ in }, errors: [
            "Error: --period: month 2017-03 is given twice (in '2017-03'); name each month once, or a range as 2017-01...2017-03",
        ], arguments: ["run", "--period", "2017-01...2017-04", "--period", "2017-03"], status: 64),
        BadInput(kind: .commandLine, name: "a range that ends before it starts", mutate: { _ in }, errors: [
            "Error: The value '2017-04...2017-01' is invalid for '--period <YYYY-MM>'",
        ], arguments: ["run", "--period", "2017-04...2017-01"], status: 64),
        BadInput(kind: .commandLine, name: "a backfill where one month fails writes no month", mutate: { try $0.replace("      window: month", with: "      window: month\n      fmps: [MEN-01]") }, errors: [
            "reports.yaml:29:13: error: reports[1].params.fmps: no row of data/sample/fmp_observations.csv in 2016-12 has fmp_code 'MEN-01', so the report would count nothing; its rows run from 2017-01 to 2017-04",
        ], arguments: ["run", "--period", "2017-04", "--period", "2016-12", "--report", "fmp-monthly"]),

        // MARK: Header help

        csv("a column named in another case", { project in
            try project.replace("adm1_name,population", with: "adm1_name,Population", in: movements)
            try project.replace(",#x_population,", with: ",#x_group,", in: movements)
        }, [
            "data/sample/population_movements.csv:1:33: error: column 'population': the header says 'Population'; names are matched exactly: write 'population', or tag the column #x_population in an HXL row",
        ]),
        csv("a column named with an accent", { project in
            try project.replace(",direction,", with: ",diréction,", in: observations)
            try project.replace(",#x_direction,", with: ",#x_way,", in: observations)
        }, [
            "data/sample/fmp_observations.csv:1:44: error: column 'direction': the header says 'diréction'; names are matched exactly: write 'direction', or tag the column #x_direction in an HXL row",
        ]),
        // A title above a table with an HXL row is not an error: the table is found by its HXL
        // row, as HXL tools find it (WorkbookReaderTests). Without one, the title is named.
        csv("a title above a header with no HXL row", { project in
            let lines = try project.text(movements).components(separatedBy: "\n")
            let withTitle = ["Population movements, Mali, 2017", lines[0]] + lines.dropFirst(2)
            try project.write(withTitle.joined(separator: "\n"), to: movements)
        }, [
            "data/sample/population_movements.csv:1: error: the header is on line 2, not on the first line: remove line 1 (a title above the table) and save the file again",
        ]),

        // MARK: YAML syntax in words

        yaml("a title with ': ' and no quotes", { try $0.replace("en: \"Mali — Gao: Quarterly Flow Monitoring Summary\"", with: "en: Mali — Gao: Quarterly Flow Monitoring Summary") }, [
            "reports.yaml:69:11: error: a value containing ': ' must be in quotes (did you mean 'en: \"Mali — Gao: Quarterly Flow Monitoring Summary\"'?)",
            "reports.yaml:69:21: note: the YAML parser says: mapping values are not allowed in this context",
        ]),
        yaml("a key indented one space more than the one above", { try $0.replace("      fmps: [GAO-01]", with: "       fmps: [GAO-01]") }, [
            "reports.yaml:76:8: error: this line is indented 1 space more than 'window' above it, which already has a value: line it up with 'window'",
            "reports.yaml:76:12: note: the YAML parser says: mapping values are not allowed in this context",
        ]),
        yaml("a key indented one space less than the one above", { try $0.replace("      fr: templates/returnee-movements/summary.fr.md", with: "     fr: templates/returnee-movements/summary.fr.md") }, [
            "reports.yaml:19:6: error: this line is indented 1 space more than 'templates' on line 17 and 1 space less than 'en' on line 18: line it up with the keys it belongs with",
            "reports.yaml:19:6: note: the YAML parser says: did not find expected key (while parsing a block mapping at line 8, column 5)",
        ]),
        yaml("a report indented one space more than the others", { try $0.replace("  - id: fmp-monthly", with: "   - id: fmp-monthly") }, [
            "reports.yaml:20:4: error: this line is indented 1 space more than the list items above it ('- id', line 8)",
            "reports.yaml:20:4: note: the YAML parser says: did not find expected '-' indicator (while parsing a block collection at line 8, column 3)",
        ]),
        yaml("a quote never closed", { try $0.replace("en: \"Mali — Flow Monitoring Report\"", with: "en: \"Mali — Flow Monitoring Report") }, [
            "reports.yaml:23:11: error: the quote that starts here is not closed on its line: end the text with '\"'",
            "reports.yaml:24:12: note: the YAML parser says: did not find expected key (while parsing a block mapping at line 23, column 7)",
        ]),

        // MARK: Braces next to a tag

        template("a tag opened with one brace", { try $0.replace("{{report_date}}", with: "{report_date}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:7: error: '{report_date}}' is missing a '{': write '{{report_date}}'",
        ]),
        template("a tag closed with three braces", { try $0.replace("{{report_date}}", with: "{{report_date}}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:22: error: '{{report_date}}}' has one '}' too many: write '{{report_date}}'",
        ]),
        template("a tag closed with one brace", { try $0.replace("{{report_date}}", with: "{{report_date}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:7: error: '{{report_date}' is missing a '}': write '{{report_date}}'",
        ]),
        template("a tag opened with three braces and closed with two", { try $0.replace("{{report_date}}", with: "{{{report_date}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:7: error: '{{{report_date}}' has one '{' too many: write '{{report_date}}'",
        ]),

        // MARK: Unknown keys, with the keys allowed there

        yaml("an unknown key in a report", { try $0.replace("    plugin: covid-mobility", with: "    plugin: covid-mobility\n    region: Kayes") }, [
            "reports.yaml:47:5: error: reports[3].region: unknown key 'region'; the nearest of the 12 keys allowed here are plugin, id, page, tags, charts",
        ]),
        yaml("an unknown parameter of a plugin", { try $0.replace("      population: returnees", with: "      population: returnees\n      region: ML06") }, [
            "reports.yaml:17:7: error: reports[0].params.region: unknown key 'region'; the keys allowed here are population, regions (did you mean 'regions'?)",
        ]),
        yaml("an unknown language under templates", { try $0.replace("      fr: templates/covid-mobility/poe-status.fr.md", with: "      fr: templates/covid-mobility/poe-status.fr.md\n      es: templates/covid-mobility/poe-status.es.md") }, [
            "reports.yaml:55:7: error: reports[3].templates.es: unknown language 'es'; languages are en and fr (did you mean 'en'?)",
        ]),
    ]
}
