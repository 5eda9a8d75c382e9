import Foundation

/// Draws a chart as inline SVG from a report's table, in one language: numbers and days as the
/// text formats them, a `<title>` and a `<desc>` (every value, for screen readers), colours of
/// `ChartPalette`. Sizes fit an A4 page's width at 96 dpi; the drawing scales down with the page.
struct ChartRenderer {
    let language: Language
    let words: PageWords
    let plugin: String
    private let formatter: LocaleFormatter

    static let width = 640.0
    static let font = "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\" fill=\"#1a1a1a\""
    /// More shares than this are drawn as the largest ones and the rest together.
    static let maximumShares = 7

    init(language: Language, words: PageWords, plugin: String) {
        self.language = language
        self.words = words
        self.plugin = plugin
        self.formatter = LocaleFormatter(language: language)
    }

    /// One series of a chart: a column's heading and its value in each row (nil: not collected).
    struct Series {
        var name: String
        var values: [Double?]
        var colour: String
    }

    /// The chart as a `<figure>`; `number` makes its ids unique in the page.
    func render(_ chart: ChartSpec, table: ResultTable, spec: TableSpec, number: Int) -> String {
        let id = "chart-\(number)"
        let title = chart.title[language] ?? chart.table
        let labelIndex = spec.columns.firstIndex { $0.name == chart.labels[language] } ?? 0
        let labels = table.rows.map { label($0[labelIndex]) }
        let colours = chart.colours.isEmpty ? ChartPalette.colours : chart.colours
        let series = chart.columns.enumerated().map { offset, name in
            let index = spec.columns.firstIndex { $0.name == name }!
            return Series(name: words.heading(plugin: plugin, table: spec, column: name, language),
                          values: table.rows.map { Self.value($0[index]) }, colour: colours[offset % colours.count])
        }
        let hasValues = series.contains { $0.values.contains { ($0 ?? 0) != 0 } }
        var body: String
        var height: Double
        var description: String
        if !hasValues {
            height = 40
            body = "<text x=\"0\" y=\"24\" \(Self.font)>\(HTML.escape(words.word("no_data", language)))</text>"
            description = words.word("no_data", language)
        } else {
            switch chart.kind {
            case .bar: (body, height) = bars(labels: labels, series: series, stacked: false)
            case .stackedBar: (body, height) = bars(labels: labels, series: series, stacked: true)
            case .line: (body, height) = line(labels: labels, series: series)
            case .share: (body, height) = share(labels: labels, values: series[0].values, colours: colours)
            }
            description = series.map { describe($0, labels: labels) }.joined(separator: ". ")
        }
        let size = "width=\"\(SVGNumber.text(Self.width))\" height=\"\(SVGNumber.text(height))\""
        return """
            <figure class="chart" style="margin:1.5em 0;break-inside:avoid">
            <figcaption style="font-weight:bold;margin-bottom:.5em">\(HTML.escape(title))</figcaption>
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(SVGNumber.text(Self.width)) \(SVGNumber.text(height))" \(size) style="max-width:100%;height:auto">
            <title id="\(id)-title">\(HTML.escape(title))</title>
            <desc id="\(id)-desc">\(HTML.escape(description))</desc>
            \(body)
            </svg>
            </figure>
            """
    }

    // MARK: Kinds

    /// Horizontal bars, one group per row (or one stacked bar per row), the value at the end.
    private func bars(labels: [String], series: [Series], stacked: Bool) -> (String, Double) {
        let labelWidth = 190.0, valueWidth = 80.0
        let plotWidth = Self.width - labelWidth - valueWidth
        let barHeight = stacked || series.count == 1 ? 18.0 : 13.0
        let groupHeight = (stacked ? barHeight : barHeight * Double(series.count)) + 8
        var svg = ""
        var top = 0.0
        if series.count > 1 {
            svg += legend(series.map { ($0.name, $0.colour) }, y: 0)
            top = 26
        }
        let totals = labels.indices.map { row in series.reduce(0.0) { $0 + max(0, $1.values[row] ?? 0) } }
        let maximum = max(1, stacked ? totals.max() ?? 1 : series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        for (row, label) in labels.enumerated() {
            let y = top + Double(row) * groupHeight
            svg += "<text x=\"\(SVGNumber.text(labelWidth - 8))\" y=\"\(SVGNumber.text(y + groupHeight / 2))\" text-anchor=\"end\" dominant-baseline=\"middle\" \(Self.font)>\(HTML.escape(label))</text>\n"
            var x = labelWidth
            for (index, series) in series.enumerated() {
                let value = max(0, series.values[row] ?? 0)
                let width = value / maximum * plotWidth
                let barY = stacked ? y + 4 : y + 4 + Double(index) * barHeight
                if width > 0 {
                    svg += "<rect x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(barY))\" width=\"\(SVGNumber.text(width))\" height=\"\(SVGNumber.text(barHeight - 2))\" fill=\"\(series.colour)\"/>\n"
                }
                if stacked {
                    x += width
                } else {
                    let text = series.values[row].map(number) ?? "–"
                    svg += "<text x=\"\(SVGNumber.text(labelWidth + width + 4))\" y=\"\(SVGNumber.text(barY + barHeight / 2))\" dominant-baseline=\"middle\" \(Self.font)>\(text)</text>\n"
                }
            }
            if stacked {
                svg += "<text x=\"\(SVGNumber.text(x + 4))\" y=\"\(SVGNumber.text(y + 4 + barHeight / 2))\" dominant-baseline=\"middle\" \(Self.font)>\(number(totals[row]))</text>\n"
            }
        }
        return (svg, top + Double(labels.count) * groupHeight + 4)
    }

    /// A line per series over the rows in order, with the first, middle and last labels below and
    /// three levels of the scale beside.
    private func line(labels: [String], series: [Series]) -> (String, Double) {
        let left = 70.0, right = 20.0, top = series.count > 1 ? 30.0 : 10.0, plotHeight = 180.0
        let plotWidth = Self.width - left - right
        let height = top + plotHeight + 30
        let maximum = Self.roundUp(series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        var svg = series.count > 1 ? legend(series.map { ($0.name, $0.colour) }, y: 0) : ""
        for step in 0...2 {
            let value = maximum * Double(step) / 2
            let y = top + plotHeight - plotHeight * Double(step) / 2
            svg += "<line x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(left + plotWidth))\" y1=\"\(SVGNumber.text(y))\" y2=\"\(SVGNumber.text(y))\" stroke=\"#cccccc\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(SVGNumber.text(left - 6))\" y=\"\(SVGNumber.text(y))\" text-anchor=\"end\" dominant-baseline=\"middle\" \(Self.font)>\(number(value))</text>\n"
        }
        let step = labels.count > 1 ? plotWidth / Double(labels.count - 1) : 0
        func x(_ row: Int) -> Double { labels.count > 1 ? left + Double(row) * step : left + plotWidth / 2 }
        for row in Set([0, labels.count / 2, labels.count - 1]).sorted() {
            let anchor = row == 0 && labels.count > 1 ? "start" : row == labels.count - 1 && labels.count > 1 ? "end" : "middle"
            svg += "<text x=\"\(SVGNumber.text(x(row)))\" y=\"\(SVGNumber.text(top + plotHeight + 18))\" text-anchor=\"\(anchor)\" \(Self.font)>\(HTML.escape(labels[row]))</text>\n"
        }
        for series in series {
            var path = "", pen = false
            for (row, value) in series.values.enumerated() {
                guard let value else { pen = false; continue }
                let y = top + plotHeight - value / maximum * plotHeight
                path += (pen ? " L" : (path.isEmpty ? "M" : " M")) + "\(SVGNumber.text(x(row))) \(SVGNumber.text(y))"
                pen = true
            }
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(series.colour)\" stroke-width=\"2\"/>\n"
            if labels.count <= 12 {
                for (row, value) in series.values.enumerated() {
                    guard let value else { continue }
                    let y = top + plotHeight - value / maximum * plotHeight
                    svg += "<circle cx=\"\(SVGNumber.text(x(row)))\" cy=\"\(SVGNumber.text(y))\" r=\"3\" fill=\"\(series.colour)\"/>\n"
                }
            }
        }
        return (svg, height)
    }

    /// The rows' shares of the column's total: one bar divided in proportion, then each share's
    /// name, value and percent. Beyond `maximumShares`, the smallest rows are drawn together.
    private func share(labels: [String], values: [Double?], colours: [String]) -> (String, Double) {
        var parts = zip(labels, values.map { max(0, $0 ?? 0) }).filter { $0.1 > 0 }.map { (name: $0.0, value: $0.1) }
        if parts.count > Self.maximumShares {
            let kept = parts.sorted { $0.value > $1.value }.prefix(Self.maximumShares - 1)
            let keptNames = Set(kept.map(\.name))
            let rest = parts.filter { !keptNames.contains($0.name) }.reduce(0) { $0 + $1.value }
            parts = parts.filter { keptNames.contains($0.name) } + [(name: words.word("other", language), value: rest)]
        }
        let total = parts.reduce(0) { $0 + $1.value }
        var svg = "", x = 0.0
        for (index, part) in parts.enumerated() {
            let width = part.value / total * Self.width
            svg += "<rect x=\"\(SVGNumber.text(x))\" y=\"0\" width=\"\(SVGNumber.text(width))\" height=\"28\" fill=\"\(colours[index % colours.count])\"/>\n"
            x += width
        }
        for (index, part) in parts.enumerated() {
            let y = 44 + Double(index) * 20
            svg += "<rect x=\"0\" y=\"\(SVGNumber.text(y))\" width=\"12\" height=\"12\" fill=\"\(colours[index % colours.count])\"/>\n"
            let text = "\(part.name)\(formatter.colon)\(number(part.value)) (\(formatter.percent(part.value / total)))"
            svg += "<text x=\"18\" y=\"\(SVGNumber.text(y + 10))\" \(Self.font)>\(HTML.escape(text))</text>\n"
        }
        return (svg, 44 + Double(parts.count) * 20)
    }

    /// `Incoming: Gao 120; Ménaka 45`: every value of a series, for a screen reader.
    private func describe(_ series: Series, labels: [String]) -> String {
        var parts: [String] = []
        for (label, value) in zip(labels, series.values) {
            let text: String = value.map { number($0) } ?? "–"
            parts.append(label + " " + text)
        }
        return series.name + formatter.colon + parts.joined(separator: "; ")
    }

    private func legend(_ entries: [(String, String)], y: Double) -> String {
        var svg = "", x = 0.0
        for (name, colour) in entries {
            svg += "<rect x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y + 2))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(SVGNumber.text(x + 16))\" y=\"\(SVGNumber.text(y + 12))\" \(Self.font)>\(HTML.escape(name))</text>\n"
            x += 16 + Double(name.count) * 7 + 20
        }
        return svg
    }

    // MARK: Values

    static func value(_ cell: TableCell) -> Double? {
        switch cell {
        case .integer(let value): Double(value)
        case .decimal(let value): value
        default: nil
        }
    }

    func label(_ cell: TableCell) -> String {
        switch cell {
        case .text(let text): text
        case .integer(let value): formatter.count(value)
        case .decimal(let value): number(value)
        case .day(let day): formatter.dayMonth(day)
        case .month(let period): formatter.monthYear(period)
        case .flag(let value): words.word(value ? "yes" : "no", language)
        case .empty: "–"
        }
    }

    func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? formatter.count(Int(value)) : formatter.decimal(value)
    }

    /// The top of a scale: the maximum rounded up to 1, 2 or 5 times a power of ten.
    static func roundUp(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }
}

extension LocaleFormatter {
    private static let decimalStyles: [Language: FloatingPointFormatStyle<Double>] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in
            (language, FloatingPointFormatStyle<Double>(locale: LocaleFormatter(language: language).locale).precision(.fractionLength(0...1)))
        })

    /// A colon as the language writes it: French puts a no-break space before it.
    var colon: String { language == .fr ? "\u{00A0}: " : ": " }

    /// A number with at most one decimal, grouped as the language groups: `1,234.5` / `1 234,5`.
    func decimal(_ value: Double) -> String {
        value.formatted(Self.decimalStyles[language]!)
    }
}
