import Foundation

/// One row of a table as a file gives it: a workbook's sheet row or a CSV record.
struct SourceRow {
    /// The sheet's row number, or the CSV line where the record starts.
    var number: Int
    var cells: [CellValue]
    /// For a CSV record, the column (in Unicode scalars) where each cell starts.
    var columns: [Int] = []

    var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
}

/// How messages name the places of a table's cells.
struct TablePlace: Sendable {
    let file: String
    /// The sheet of a workbook; nil for a CSV file.
    let sheet: String?

    func cell(_ index: Int, of row: SourceRow) -> SourceLocation {
        if let sheet { return CellPlace.sheet(file: file, sheet: sheet, column: index, row: row.number) }
        return SourceLocation(file: file, line: row.number, column: index < row.columns.count ? row.columns[index] : 0)
    }

    func row(_ row: SourceRow) -> SourceLocation {
        if let sheet { return CellPlace.sheetRow(file: file, sheet: sheet, row: row.number) }
        return SourceLocation(file: file, line: row.number)
    }

    /// `file.xlsx[Sheet]` or `file.csv`, for notes.
    var name: String { sheet.map { "\(file)[\($0)]" } ?? file }
}

/// Where the plugin columns of a table read row by row are in its file: the cells of messages
/// written after the reading (P-codes) are found by row and this column.
struct TableColumns: Sendable {
    let place: TablePlace
    /// Plugin column → index of the file's column, for columns read from one column in every row.
    let columns: [String: Int]

    /// The cell of `column` in the row (sheet row or CSV line) `location` names; the row alone
    /// when the column is not one cell of the file.
    func cell(_ column: String, at location: SourceLocation) -> SourceLocation? {
        guard location.line > 0, let sheet = place.sheet else { return nil }
        if let index = columns[column] { return CellPlace.sheet(file: place.file, sheet: sheet, column: index, row: location.line) }
        return CellPlace.sheetRow(file: place.file, sheet: sheet, row: location.line)
    }
}

/// Where a table starts, as HXL tools find it: the hashtag row anywhere in the first 25 rows
/// (a row whose non-empty cells are at least half hashtags), the header the row above it when
/// there is one; rows above are skipped. Without a hashtag row the first row is the header.
enum TableLocator {
    /// How many rows are searched for hashtags, as libhxl does.
    static let searchedRows = 25

    struct Found {
        /// Index in the rows given of the header row; nil when the hashtag row is the first.
        var header: Int?
        /// Index of the hashtag row, if any.
        var hashtags: Int?
        /// Index of the first data row.
        var firstData: Int
    }

    static func isHashtagRow(_ cells: [CellValue]) -> Bool {
        var nonEmpty = 0, tagged = 0
        for cell in cells where !cell.isEmpty {
            nonEmpty += 1
            if HXLHashtag(cell.trimmed) != nil { tagged += 1 }
        }
        return nonEmpty > 0 && tagged * 2 >= nonEmpty
    }

    /// The table among the first rows (blank rows already left out).
    static func locate(_ rows: [SourceRow]) -> Found {
        for index in rows.indices.prefix(searchedRows) where isHashtagRow(rows[index].cells) {
            return Found(header: index > 0 ? index - 1 : nil, hashtags: index, firstData: index + 1)
        }
        return Found(header: rows.isEmpty ? nil : 0, hashtags: nil, firstData: 1)
    }
}

/// A typed value of a plugin column, decoded from a cell or a constant.
enum TypedValue: Hashable {
    case day(Int32)
    case count(Int)
    /// An empty optional count or text.
    case none
    case text(String)
    case flag(Bool)

    var shown: String {
        switch self {
        case .day(let day): Day(daysSinceEpoch: Int(day)).iso
        case .count(let count): String(count)
        case .none: ""
        case .text(let text): text
        case .flag(let flag): flag ? "true" : "false"
        }
    }
}

/// Converts cells to a plugin column's type, with the project's messages. Cells of a
/// workbook are typed: a number where a code is expected, or text where a count or date is,
/// is refused with the remedy in Excel, since converting them silently loses leading zeros or
/// misreads day and month.
struct CellDecoder {
    let column: ColumnSpec
    let dateFormat: DateFormat?
    /// The workbook's date system; nil for a CSV file.
    let uses1904: Bool?

    func decode(_ cell: CellValue, at location: @autoclosure () -> SourceLocation) -> Result<TypedValue, Diagnostic> {
        let name = column.name
        if case .error(let code) = cell { return .failure(.cellFormulaError(code, column: name, at: location())) }
        switch column.type {
        case .date:
            switch cell {
            case .number(let serial, let isDate):
                guard isDate else { return .failure(.cellNumberNotDate(cell.shown, column: name, at: location())) }
                guard let day = Workbook.day(serial: serial, uses1904: uses1904 ?? false) else {
                    return .failure(.notADate(cell.shown, column: name, at: location()))
                }
                return .success(.day(Int32(day.daysSinceEpoch)))
            case .text:
                let text = cell.trimmed
                if text.isEmpty { return .failure(.emptyCell(column: name, at: location())) }
                if let day = Self.isoDay(text) ?? dateFormat?.day(text) { return .success(.day(Int32(day.daysSinceEpoch))) }
                if uses1904 != nil { return .failure(.cellTextNotDate(text, column: name, format: dateFormat, at: location())) }
                return .failure(.notADate(text, column: name, at: location()))
            case .empty: return .failure(.emptyCell(column: name, at: location()))
            default: return .failure(.notADate(cell.shown, column: name, at: location()))
            }
        case .count, .optionalCount:
            let optional = column.type == .optionalCount
            switch cell {
            case .empty: return optional ? .success(.none) : .failure(.emptyCell(column: name, at: location()))
            case .number(let number, _):
                guard number >= 0, number == number.rounded(), number < 1e15 else {
                    return .failure(number >= 1e15 ? .countTooLarge(cell.shown, column: name, at: location())
                                    : .notACount(cell.shown, column: name, at: location()))
                }
                return .success(.count(Int(number)))
            case .text:
                let text = cell.trimmed
                if text.isEmpty { return optional ? .success(.none) : .failure(.emptyCell(column: name, at: location())) }
                if uses1904 != nil { return .failure(.cellTextNotNumber(text, column: name, at: location())) }
                guard text.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return .failure(.notACount(text, column: name, at: location())) }
                guard text.utf8.count <= InputReader.maximumCountDigits, let count = Int(text) else {
                    return .failure(.countTooLarge(text, column: name, at: location()))
                }
                return .success(.count(count))
            default: return .failure(.notACount(cell.shown, column: name, at: location()))
            }
        case .decimal:
            switch cell {
            case .empty: return .failure(.emptyCell(column: name, at: location()))
            case .number(let number, _):
                // A workbook's number is binary: rounded to the millionths a decimal keeps.
                guard let millionths = DecimalCell.millionths(of: number) else {
                    return .failure(DecimalCell.Problem.tooLarge.diagnostic(cell.shown, column: name, at: location()))
                }
                return .success(.count(millionths))
            case .text:
                let text = cell.trimmed
                if text.isEmpty { return .failure(.emptyCell(column: name, at: location())) }
                if uses1904 != nil { return .failure(.cellTextNotNumber(text, column: name, at: location())) }
                var bytes = Array(text.utf8)
                switch bytes.withUnsafeMutableBufferPointer({ DecimalCell.read(UnsafeBufferPointer($0)) }) {
                case .success(let millionths): return .success(.count(millionths))
                case .failure(let problem): return .failure(problem.diagnostic(text, column: name, at: location()))
                }
            default: return .failure(DecimalCell.Problem.notADecimal.diagnostic(cell.shown, column: name, at: location()))
            }
        case .text, .optionalText, .vocabulary:  // a vocabulary column arrives resolved to a choice; unresolved, it is text
            switch cell {
            case .number, .boolean: return .failure(.cellNumberNotText(cell.shown, column: name, at: location()))
            default:
                let text = cell.trimmed
                if text.isEmpty, column.type == .text { return .failure(.emptyCell(column: name, at: location())) }
                return .success(text.isEmpty ? .none : .text(text))
            }
        case .choice(let choices):
            let text = cell.trimmed
            if text.isEmpty { return .failure(.emptyCell(column: name, at: location())) }
            guard choices.contains(text) else {
                return .failure(.notAChoice(text, allowed: choices, column: name, suggestion: ColumnDecoder.suggestion(for: text, in: choices),
                                            at: location()))
            }
            return .success(.text(text))
        case .flag:
            if case .boolean(let flag) = cell { return .success(.flag(flag)) }
            let text = cell.trimmed
            if text == "true" || text == "false" { return .success(.flag(text == "true")) }
            if text.isEmpty { return .failure(.emptyCell(column: name, at: location())) }
            return .failure(.notAFlag(text, column: name, suggestion: Suggestion.nearest(to: text, in: ["false", "true"]), at: location()))
        }
    }

    /// `YYYY-MM-DD`, or a date-time on that day (`2017-09-30T00:00:00`, `2017-09-30 08:15`,
    /// with seconds, fractions and a zone): a date-time is read as its day.
    static func isoDay(_ text: String) -> Day? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 10 else { return nil }
        if utf8.count > 10 {
            guard utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "), utf8.count >= 16,
                  utf8[11...].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 || ":.+-Z".utf8.contains($0) }) else { return nil }
        }
        return Day(iso: text.prefix(10))
    }
}

/// The typed rows of a table gathered into batches for the aggregates, column by column, the
/// way `ColumnDecoder` fills them for a CSV file.
struct BatchBuilder {
    let columns: [ColumnSpec]
    private var symbols: [SymbolTable]
    private var numbers: [[String: Int32]]
    private var values: [[TypedValue]]
    private(set) var lines: [Int] = []
    private var columnIndexes: [String: Int] = [:]

    init(columns: [ColumnSpec]) {
        self.columns = columns
        symbols = columns.map { column in
            if case .choice(let choices) = column.type { return SymbolTable(choices) }
            return SymbolTable()
        }
        numbers = columns.map { column in
            guard case .choice(let choices) = column.type else { return [:] }
            return Dictionary(uniqueKeysWithValues: choices.enumerated().map { ($0.element, Int32($0.offset)) })
        }
        values = columns.map { _ in [] }
        for (index, column) in columns.enumerated() { columnIndexes[column.name] = index }
    }

    var count: Int { lines.count }

    mutating func append(_ row: [TypedValue], line: Int) {
        for index in row.indices { values[index].append(row[index]) }
        lines.append(line)
    }

    /// The batch of the rows appended since the last one; empties the builder.
    mutating func take(file: String) -> RowBatch {
        var batchColumns: [BatchColumn] = []
        for (index, column) in columns.enumerated() {
            let cells = values[index]
            switch column.type {
            case .date: batchColumns.append(.days(cells.map { if case .day(let day) = $0 { day } else { 0 } }))
            case .count, .decimal: batchColumns.append(.counts(cells.map { if case .count(let count) = $0 { count } else { 0 } }))
            case .optionalCount: batchColumns.append(.optionalCounts(cells.map { if case .count(let count) = $0 { count } else { nil } }))
            case .flag: batchColumns.append(.flags(cells.map { if case .flag(let flag) = $0 { flag } else { false } }))
            case .text, .optionalText, .choice, .vocabulary:
                let table = symbols[index]
                let ids = cells.map { cell -> Int32 in
                    let text = if case .text(let text) = cell { text } else { "" }
                    if let id = numbers[index][text] { return id }
                    table.append(text)
                    let id = Int32(table.count - 1)
                    numbers[index][text] = id
                    return id
                }
                batchColumns.append(.texts(ids, table))
            }
            values[index].removeAll(keepingCapacity: true)
        }
        let batch = RowBatch(input: "", file: file, count: lines.count, lines: lines, columnIndexes: columnIndexes, columns: batchColumns)
        lines.removeAll(keepingCapacity: true)
        return batch
    }
}
