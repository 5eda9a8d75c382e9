/// One cell of a table being read, from a workbook or a CSV file, as the file stores it.
enum CellValue: Sendable, Equatable {
    case empty
    /// A text: a CSV cell, or a shared, inline or formula string of a workbook.
    case text(String)
    /// A number of a workbook; `isDate` when its number format shows a date.
    case number(Double, isDate: Bool)
    case boolean(Bool)
    /// A formula's error value (`#N/A`, `#DIV/0!`).
    case error(String)

    /// The value as the cell shows it, for messages and text columns: numbers without a
    /// trailing `.0`, booleans as Excel writes them.
    var shown: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number, _): CellValue.shownNumber(number)
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }

    /// The text, trimmed of spaces, tabs, line breaks and no-break spaces (a code cell written
    /// `MLI07   ` is `MLI07`); other values as `shown`.
    var trimmed: String {
        if case .text(let text) = self { return CellValue.trim(text) }
        return shown
    }

    var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let text): CellValue.trim(text).isEmpty
        default: false
        }
    }

    static func trim(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              isBlank(first) || isBlank(last) else { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[start...end])
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}"
    }

    static func shownNumber(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// A column's letters in a cell reference: 0 → `A`, 25 → `Z`, 26 → `AA`.
func columnLetters(_ index: Int) -> String {
    var index = index + 1
    var letters: [Character] = []
    while index > 0 {
        let remainder = (index - 1) % 26
        letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
        index = (index - 1) / 26
    }
    return String(letters.reversed())
}

/// Where a cell of a table is, as messages show it.
enum CellPlace {
    /// `file.xlsx[Sheet]!D12`.
    static func sheet(file: String, sheet: String, column: Int, row: Int) -> SourceLocation {
        var location = SourceLocation(file: "\(file)[\(sheet)]", line: row, column: column + 1)
        location.isSheetCell = true
        return location
    }

    /// `file.xlsx[Sheet]!12:12`, a whole row.
    static func sheetRow(file: String, sheet: String, row: Int) -> SourceLocation {
        var location = SourceLocation(file: "\(file)[\(sheet)]", line: row)
        location.isSheetCell = true
        return location
    }
}
