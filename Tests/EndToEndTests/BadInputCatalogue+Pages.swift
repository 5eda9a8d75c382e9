/// Pages: the charts of `reports.yaml`, the page template and the words of the pages, each
/// mistake refused at its place before anything is written.
extension BadInput {
    static let page = "templates/page.html"

    static let pagesCases: [BadInput] = [
        yaml("a chart of a table the plugin does not produce", { try $0.replace("table: by_nationality", with: "table: by_nationalty") }, [
            "reports.yaml:267:14: error: charts.fmp-monthly[2].table: plugin 'flow-monitoring' has no table 'by_nationalty'; its tables are by_fmp, by_transport_mode, by_nationality, daily, monthly (did you mean 'by_nationality'?)",
        ]),
        yaml("a chart of a column the table does not have", { try $0.replace("columns: [fully_closed,", with: "columns: [fully_close,") }, [
            "reports.yaml:299:17: error: charts.covid-poe[0].columns[0]: table 'status_by_type' has no column 'fully_close'; its columns are type, label_en, label_fr, fully_closed, partially_operational, fully_operational, unknown (did you mean 'fully_closed'?)",
        ]),
        yaml("a bar chart of a text column", { try $0.replace("labels: fmp_name\n      columns: [incoming,", with: "labels: fmp_name\n      columns: [fmp_name,") }, [
            "reports.yaml:284:17: error: charts.fmp-snapshot[0].columns[0]: column 'fmp_name' holds text, and a bar chart draws numbers; its columns of numbers are incoming, outgoing",
        ]),
        yaml("a chart colour that is not a colour", { try $0.replace("\"#999999\"", with: "\"grey\"") }, [
            "reports.yaml:302:50: error: charts.covid-poe[0].colours[3]: 'grey' is not a colour: write '#RRGGBB' in hexadecimal, as '#0072B2'",
        ]),
        yaml("an unknown chart kind", { try $0.replace("kind: stacked_bar", with: "kind: stacked-bar") }, [
            "reports.yaml:296:13: error: charts.covid-poe[0].kind: unknown chart kind 'stacked-bar'; the kinds are bar, stacked_bar, line, share (did you mean 'stacked_bar'?)",
        ]),
        yaml("charts of a report that does not exist", { try $0.replace("  fmp-quarter-gao:", with: "  fmp-quarter-gaoo:") }, [
            "reports.yaml:321:3: error: charts.fmp-quarter-gaoo: no report has the id 'fmp-quarter-gaoo'; charts are listed under a report's id (did you mean 'fmp-quarter-gao'?)",
        ]),
        yaml("a page template that does not exist", { try $0.replace("page: templates/page.html", with: "page: templates/pages.html") }, [
            "reports.yaml:231:7: error: page: file 'templates/pages.html' does not exist (did you mean 'templates/page.html'?)",
        ]),
        template("an unknown placeholder in the page template", { try $0.replace("{{period}}</span>", with: "{{perod}}</span>", in: page) }, [
            "templates/page.html:31:22: error: unknown fact 'perod' (did you mean 'period'?)",
        ]),
        template("a section of the page template never closed", { try $0.replace("{{/tables}}", with: "", in: page) }, [
            "templates/page.html:40:1: error: section '{{#tables}}' is never closed: add '{{/tables}}' where it ends",
        ]),
        template("a table column without a heading", {
            try $0.replace("flow-monitoring,daily,date,Day,Jour\n", with: "", in: "vocabularies/table-headings.csv")
        }, [
            "vocabularies/table-headings.csv: error: no heading for column 'date' of table 'daily' of plugin 'flow-monitoring': add a row flow-monitoring,daily,date,…",
        ]),
        template("a word the pages need missing", { try $0.replace("no_data,", with: "nodata,", in: "vocabularies/page-words.csv") }, [
            "vocabularies/page-words.csv: error: no_data: no 'no_data' in en: the pages need it",
            "vocabularies/page-words.csv: error: no_data: no 'no_data' in fr: the pages need it",
        ]),
    ]
}
