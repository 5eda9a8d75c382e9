/// A chart of a report's pages, as `charts:` in `reports.yaml` declares it: drawn by the host
/// from one of the report's own tables.
public struct ChartSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// One horizontal bar per row (a group of bars with several columns).
        case bar
        /// One horizontal bar per row, the columns stacked in it.
        case stackedBar = "stacked_bar"
        /// A line per column over the rows, in order (days, months).
        case line
        /// The rows' shares of one column's total, as one bar divided in proportion.
        case share
    }

    public var kind: Kind
    /// The table drawn, one of the plugin's.
    public var table: String
    /// The column naming each row (a bar, a point, a share), per language.
    public var labels: [Language: String]
    /// The columns drawn: numbers.
    public var columns: [String]
    public var title: [Language: String]
    /// The colours of the series (or of the shares), `#RRGGBB`; empty for the palette.
    public var colours: [String]
    /// Where the chart is declared: its `-` under `charts:`.
    public var location: SourceLocation
    public var keyPath: String
}

/// The colours a chart uses unless it names its own: Okabe and Ito's palette, told apart by
/// readers with any of the common colour-vision deficiencies, dark enough on white for thin bars.
enum ChartPalette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// `#RGB` or `#RRGGBB`, hexadecimal: what every browser and PDF reader draws the same.
    static func isColour(_ text: String) -> Bool {
        guard text.hasPrefix("#") else { return false }
        let digits = text.dropFirst()
        return (digits.count == 3 || digits.count == 6) && digits.allSatisfy(\.isHexDigit)
    }
}

extension TableColumnSpec {
    /// HXL hashtags whose values are numbers by the HXL standard; any hashtag with `+num` is one too.
    static let numericHashtags: Set<String> = ["#affected", "#population", "#inneed", "#targeted", "#reached", "#value", "#capacity"]

    /// Whether the column holds numbers, read from its HXL hashtag (the standard says which
    /// hashtags count people and which attribute marks a number), so that plugins declare
    /// nothing more for charts.
    public var holdsNumbers: Bool {
        let parts = hxl.split(separator: "+").map(String.init)
        guard let tag = parts.first else { return false }
        return Self.numericHashtags.contains(tag) || parts.dropFirst().contains("num")
    }

    /// Whether the column holds days (`#date`).
    public var holdsDays: Bool { hxl.split(separator: "+").first == "#date" }
}
