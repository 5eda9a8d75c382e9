import Ink

/// The pages of a report (`report.en.html`) and of a month (`index.en.html`): one HTML file each,
/// readable offline, with no script and no address outside the month's folder.
///
/// The report's text is its rendered Markdown, turned into HTML by Ink; the tables are the
/// plugin's, their numbers and days formatted for the language as in the text, each column
/// headed as `table-headings.csv` says (a column for another language, `label_fr` on the English
/// page, is left out); the charts are `ChartRenderer`'s. The layout is the coordinator's
/// `PageTemplate`.
public struct PageRenderer: Sendable {
    let template: PageTemplate
    let words: PageWords
    public let languages: [Language]

    /// The report's page in `language`.
    func reportPage(title: String, period: Period, language: Language, markdown: String, result: ReportResult,
                    description: PluginDescription, charts: [ChartSpec]) -> String {
        let chartRenderer = ChartRenderer(language: language, words: words, plugin: description.id)
        var drawn: [String] = []
        for (number, chart) in charts.enumerated() {
            let spec = description.table(named: chart.table)!
            drawn.append(chartRenderer.render(chart, table: result.tables[chart.table]!, spec: spec, number: number + 1))
        }
        let tables = description.tables.map { spec in
            table(spec, result.tables[spec.name]!, plugin: description.id, language: language, renderer: chartRenderer)
        }
        var values = common(language: language, title: title, period: period, page: "report")
        values["text"] = Self.html(fromMarkdown: markdown)
        if !drawn.isEmpty { values["charts"] = drawn.joined(separator: "\n") }
        if !tables.isEmpty { values["tables"] = tables.joined(separator: "\n") }
        values["index_link"] = "../index.\(language.rawValue).html"
        return template.render(values)
    }

    /// A report of the month, as its index lists it.
    public struct IndexEntry: Sendable, Hashable {
        public var id: String
        public var titles: [Language: String]
        /// The languages in which it has a page; in the others the index links its Markdown.
        public var pages: Set<Language>
    }

    /// The month's index pages, one per language.
    public func indexFiles(period: Period, reports: [IndexEntry]) -> [OutputFile] {
        languages.map { OutputFile(name: "index.\($0.rawValue).html", bytes: Array(index(period: period, language: $0, reports: reports).utf8)) }
    }

    /// The month's index in `language`: every report, linked to its page.
    func index(period: Period, language: Language, reports: [IndexEntry]) -> String {
        let title = words.word("index_title", language)
        var values = common(language: language, title: title, period: period, page: "index")
        let items = reports.map { report in
            let file = report.pages.contains(language) ? "report.\(language.rawValue).html" : "report.\(language.rawValue).md"
            let name = report.titles[language] ?? report.id
            return "<li><a href=\"\(HTML.escape(report.id))/\(file)\">\(HTML.escape(name))</a></li>"
        }
        let heading = "<h1>\(HTML.escape(title))</h1>"
        values["text"] = heading + "\n<ul>\n" + items.joined(separator: "\n") + "\n</ul>\n"
        return template.render(values)
    }

    private func common(language: Language, title: String, period: Period, page: String) -> [String: String] {
        var values: [String: String] = [:]
        for key in words.keys { values[key] = words.word(key, language) }
        values["lang"] = language.rawValue
        values["title"] = title
        values["period"] = LocaleFormatter(language: language).monthYear(period)
        if let other = languages.first(where: { $0 != language }) {
            values["other_language"] = words.word("language_name", other)
            values["other_language_lang"] = other.rawValue
            values["other_language_link"] = "\(page).\(other.rawValue).html"
        }
        return values
    }

    /// Ink passes HTML written in Markdown through; a report's text is text, so `&` and `<` are
    /// written as entities first (a place name can hold either), which Ink keeps as they are.
    static func html(fromMarkdown markdown: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(markdown.utf8.count)
        for character in markdown {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            default: escaped.append(character)
            }
        }
        return MarkdownParser().html(from: escaped)
    }

    private func table(_ spec: TableSpec, _ table: ResultTable, plugin: String, language: Language, renderer: ChartRenderer) -> String {
        let otherSuffixes = languages.filter { $0 != language }.map { "_\($0.rawValue)" }
        let shown = spec.columns.indices.filter { index in !otherSuffixes.contains { spec.columns[index].name.hasSuffix($0) } }
        var html = "<table>\n<caption>\(HTML.escape(words.heading(plugin: plugin, table: spec, language)))</caption>\n<thead><tr>"
        for index in shown {
            let heading = HTML.escape(words.heading(plugin: plugin, table: spec, column: spec.columns[index].name, language))
            html += spec.columns[index].holdsNumbers ? "<th scope=\"col\" class=\"num\">\(heading)</th>" : "<th scope=\"col\">\(heading)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        if table.rows.isEmpty {
            html += "<tr><td colspan=\"\(shown.count)\">\(HTML.escape(words.word("no_data", language)))</td></tr>\n"
        }
        for row in table.rows {
            html += "<tr>"
            for index in shown {
                let cell = row[index]
                let text = HTML.escape(renderer.label(cell))
                switch cell {
                case .integer, .decimal: html += "<td class=\"num\">\(text)</td>"
                default: html += "<td>\(text)</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }
}
