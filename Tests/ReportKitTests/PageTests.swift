import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// The pages: the chart check of `charts:`, the drawing, the page template and its escaping,
/// on the shipped template and words.
@Suite struct PageTests {
    static let table = TableSpec("by_region", "", columns: [
        TableColumnSpec("adm1_code", hxl: "#adm1+code", ""),
        TableColumnSpec("adm1_name", hxl: "#adm1+name", ""),
        TableColumnSpec("individuals", hxl: "#affected+ind", ""),
        TableColumnSpec("day", hxl: "#date", ""),
    ])
    static let plugin = PluginDescription(id: "test-plugin", name: Label("Test"), summary: "", inputs: [], parameters: [], facts: [],
                                          tables: [table])

    static func words() throws -> PageWords {
        let headings = """
            plugin,table,column,heading_en,heading_fr
            #meta,#meta,#meta,#meta,#meta
            test-plugin,by_region,,People by region,Personnes par région
            test-plugin,by_region,adm1_code,P-code,P-code
            test-plugin,by_region,adm1_name,Region,Région
            test-plugin,by_region,individuals,Individuals,Individus
            test-plugin,by_region,day,Day,Jour
            """
        let words = try #require(FileManager.default.contents(atPath: Repository.url(PageWords.wordsFile).path))
        return try PageWords.load(words: Array(words), wordsFile: PageWords.wordsFile, headings: Array(headings.utf8), headingsFile: "h.csv",
                                  languages: [.en, .fr], plugins: [plugin]).get()
    }

    static func charts(_ yaml: String) -> Result<[ChartSpec], DiagnosticList> {
        guard case .success(let file) = ReportsFileLoader.load(Array(("""
            version: 1
            languages: [en, fr]
            reports:
              - id: a
                plugin: test-plugin
                title: {en: A, fr: A}
                inputs: {}
                templates: {en: a.md, fr: a.md}
                charts:

            """ + yaml).utf8), file: "reports.yaml"), let value = file.reports[0].charts else {
            return .failure(DiagnosticList([Diagnostic("not loaded")]))
        }
        return ChartReader.read(value, keyPath: "reports[0].charts", languages: [.en, .fr], description: plugin)
    }

    static func messages(_ result: Result<[ChartSpec], DiagnosticList>) -> [String] {
        guard case .failure(let list) = result else { return [] }
        return list.diagnostics.map(\.description)
    }

    @Test func chartsAreCheckedAgainstThePluginsTables() {
        let good = Self.charts("""
                  - kind: bar
                    table: by_region
                    labels: adm1_name
                    columns: [individuals]
                    title: {en: People, fr: Personnes}
            """)
        #expect(Self.messages(good) == [])
        let bad = Self.charts("""
                  - kind: pie
                    table: by_regions
                    labels: adm1_name
                    columns: [individuals]
                    title: {en: People}
                  - kind: bar
                    table: by_region
                    labels: adm1_nam
                    columns: [adm1_name, individual]
                    colours: ["#12345G", "#0072B2"]
                    title: {en: People, fr: Personnes}
            """)
        #expect(Self.messages(bad) == [
            "reports.yaml:10:15: error: reports[0].charts[0].kind: unknown chart kind 'pie'; the kinds are bar, stacked_bar, line, share",
            "reports.yaml:11:16: error: reports[0].charts[0].table: plugin 'test-plugin' has no table 'by_regions'; its tables are by_region (did you mean 'by_region'?)",
            "reports.yaml:14:9: error: reports[0].charts[0].title: no entry for language 'fr'",
            "reports.yaml:17:17: error: reports[0].charts[1].labels: table 'by_region' has no column 'adm1_nam'; its columns are adm1_code, adm1_name, individuals, day (did you mean 'adm1_name'?)",
            "reports.yaml:18:19: error: reports[0].charts[1].columns[0]: column 'adm1_name' holds text, and a bar chart draws numbers; its columns of numbers are individuals",
            "reports.yaml:18:30: error: reports[0].charts[1].columns[1]: table 'by_region' has no column 'individual'; its columns are adm1_code, adm1_name, individuals, day (did you mean 'individuals'?)",
            "reports.yaml:19:19: error: reports[0].charts[1].colours[0]: '#12345G' is not a colour: write '#RRGGBB' in hexadecimal, as '#0072B2'",
        ])
    }

    @Test func columnsOfNumbersAreKnownByTheirHashtag() {
        #expect(TableColumnSpec("a", hxl: "#affected+ind+incoming", "").holdsNumbers)
        #expect(TableColumnSpec("a", hxl: "#loc+num+open", "").holdsNumbers)
        #expect(!TableColumnSpec("a", hxl: "#adm1+name", "").holdsNumbers)
        #expect(!TableColumnSpec("a", hxl: "#date", "").holdsNumbers)
        #expect(TableColumnSpec("a", hxl: "#date+start", "").holdsDays)
    }

    static let chart = ChartSpec(kind: .bar, table: "by_region", labels: [.en: "adm1_name", .fr: "adm1_name"], columns: ["individuals"],
                                 title: [.en: "People <by> region", .fr: "Personnes par région"], colours: [],
                                 location: SourceLocation(file: "reports.yaml"), keyPath: "charts")

    @Test func aChartIsSVGWithItsTitleDescriptionAndLocalNumbers() throws {
        let words = try Self.words()
        let table = ResultTable(rows: [[.text("ML06"), .text("Tombouctou & co"), .integer(21679), .empty]])
        let french = ChartRenderer(language: .fr, words: words, plugin: "test-plugin").render(Self.chart, table: table, spec: Self.table, number: 1)
        #expect(french.contains("<title id=\"chart-1-title\">Personnes par région</title>"))
        #expect(french.contains("<desc id=\"chart-1-desc\">Individus\u{00A0}: Tombouctou &amp; co 21\u{202F}679</desc>"))
        #expect(french.contains(">21\u{202F}679</text>"))
        #expect(french.contains("<rect x=\"190\" y=\"4\" width=\"370\" height=\"16\" fill=\"#0072B2\"/>"))
        let english = ChartRenderer(language: .en, words: words, plugin: "test-plugin").render(Self.chart, table: table, spec: Self.table, number: 2)
        #expect(english.contains("<title id=\"chart-2-title\">People &lt;by&gt; region</title>"))
        #expect(english.contains(">21,679</text>"))
        #expect(!english.contains("<by>"))
    }

    @Test func aChartOfAnEmptyTableSaysSo() throws {
        let words = try Self.words()
        let svg = ChartRenderer(language: .fr, words: words, plugin: "test-plugin").render(Self.chart, table: ResultTable(rows: []), spec: Self.table, number: 1)
        #expect(svg.contains(">Aucune donnée pour cette période.</text>"))
        #expect(svg.contains("<title id=\"chart-1-title\">Personnes par région</title>"))
        #expect(!svg.contains("<rect"))
    }

    @Test func everyKindDrawsTheSameBytesTwice() throws {
        let words = try Self.words()
        let rows: [[TableCell]] = (1...20).map { [.text("C\($0)"), .text("Region \($0)"), $0 == 7 ? .empty : .integer($0 * 37), .day(Day(year: 2017, month: 3, day: $0)!)] }
        for kind in ChartSpec.Kind.allCases {
            var chart = Self.chart
            chart.kind = kind
            if kind == .line { chart.labels = [.en: "day", .fr: "day"] }
            let renderer = ChartRenderer(language: .en, words: words, plugin: "test-plugin")
            let first = renderer.render(chart, table: ResultTable(rows: rows), spec: Self.table, number: 1)
            #expect(first == renderer.render(chart, table: ResultTable(rows: rows), spec: Self.table, number: 1))
            #expect(first.contains("<svg") && first.contains("</svg>"))
            #expect(!first.contains("\"nan") && !first.contains("\"inf") && !first.contains("\"-inf"))
        }
    }

    @Test func theShippedPageTemplateEscapesWhatItPrints() throws {
        let words = try Self.words()
        let text = try #require(String(data: FileManager.default.contents(atPath: Repository.url("templates/page.html").path)!, encoding: .utf8))
        let template = try PageTemplate(text: text, file: "templates/page.html", words: words.keys)
        let renderer = PageRenderer(template: template, words: words, languages: [.en, .fr])
        let result = ReportResult(facts: [:], tables: ["by_region": ResultTable(rows: [[.text("ML06"), .text("<b>Tombouctou</b>"), .integer(1234), .day(Day(year: 2017, month: 4, day: 1)!)]])])
        let page = renderer.reportPage(title: "A & <B>", period: Period(year: 2017, month: 4)!, language: .fr,
                                       markdown: "# A & <B>\n\nText with <script>alert(1)</script> & more.\n", result: result,
                                       description: Self.plugin, charts: [Self.chart])
        #expect(page.contains("<html lang=\"fr\">"))
        #expect(page.contains("<title>A &amp; &lt;B&gt; — avril 2017</title>"))
        #expect(page.contains("<h1>A &amp; &lt;B&gt;</h1>"))
        #expect(page.contains("Text with &lt;script&gt;alert(1)&lt;/script&gt; &amp; more."))
        #expect(!page.contains("<script"))
        #expect(page.contains("<td>&lt;b&gt;Tombouctou&lt;/b&gt;</td>"))
        #expect(page.contains("<td class=\"num\">1\u{202F}234</td>"))
        #expect(page.contains("<td>1er avril</td>"))
        #expect(page.contains("<a href=\"report.en.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(page.contains("<a href=\"../index.fr.html\">Tous les rapports du mois</a>"))
        // Nothing outside the file: no address but the month's own pages.
        #expect(!page.contains("http:") || page.components(separatedBy: "http:").count == 2)  // the SVG namespace only
        #expect(!page.contains("https:"))
    }

    @Test func aPageTemplateIsCheckedWithPositions() throws {
        let words = try Self.words()
        #expect(throws: DiagnosticList.self) { try PageTemplate(text: "<p>{{titel}}</p>", file: "p.html", words: words.keys) }
        do {
            _ = try PageTemplate(text: "<p>\n  {{titl}}\n{{#charts}}</p>", file: "p.html", words: words.keys)
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "p.html:2:3: error: unknown fact 'titl' (did you mean 'title'?)",
                "p.html:3:1: error: section '{{#charts}}' is never closed: add '{{/charts}}' where it ends",
            ])
        }
    }

    @Test func svgNumbersAreTheSameOnEveryMachine() {
        #expect(SVGNumber.text(12) == "12")
        #expect(SVGNumber.text(12.34) == "12.3")
        #expect(SVGNumber.text(-0.05) == "-0.1" || SVGNumber.text(-0.05) == "0")
        #expect(SVGNumber.text(1234567.891) == "1234567.9")
    }
}
