import Foundation

/// Writes an output table as RFC 4180 CSV: UTF-8 without BOM, LF line ends, a header row, then
/// the HXL hashtag row that libhxl and HDX read, then the rows.
public enum CSVWriter {
    /// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
    /// Such a text cell gets a leading apostrophe, which spreadsheets show as plain text.
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func write(_ table: ResultTable, spec: TableSpec) -> [UInt8] {
        var text = ""
        appendRow(spec.columns.map(\.name), to: &text)
        appendRow(spec.columns.map(\.hxl), to: &text)
        for row in table.rows {
            appendRow(row.map(cellText), to: &text)
        }
        return Array(text.utf8)
    }

    static func cellText(_ cell: TableCell) -> String {
        switch cell {
        case .text(let value):
            if let first = value.first, formulaTriggers.contains(first) { return "'" + value }
            return value
        case .integer(let value): return String(value)
        case .decimal(let value): return MachineNumber.text(value)
        case .day(let day): return day.iso
        case .month(let period): return period.iso
        case .flag(let value): return value ? "true" : "false"
        case .empty: return ""
        }
    }

    private static func appendRow(_ cells: [String], to text: inout String) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text += "," }
            if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                text += "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                text += cell
            }
        }
        text += "\n"
    }
}

/// Decimal numbers for machines (CSV cells, JSON values): a dot, no grouping, at most six
/// decimals, no exponent, the same text on every machine.
enum MachineNumber {
    static let style = FloatingPointFormatStyle<Double>(locale: Locale(identifier: "en_US_POSIX"))
        .grouping(.never)
        .precision(.fractionLength(0...6))

    static func text(_ value: Double) -> String {
        value.formatted(style)
    }

    /// The value with exactly `fractionDigits` decimals (0 to 6), rounded half away from zero:
    /// the `raw` form of a decimal fact (`2.40`).
    static func text(_ value: Double, fractionDigits: Int) -> String {
        let digits = min(max(fractionDigits, 0), 6)
        return value.formatted(style.precision(.fractionLength(digits)).rounded(rule: .toNearestOrAwayFromZero))
    }

    /// The value rounded to six decimals, so that JSON never prints binary noise (0.9612000000000001).
    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}
