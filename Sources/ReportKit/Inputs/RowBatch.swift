/// Rows of one input file, typed, one array per column read: what the host hands an
/// `InputAggregate`, a few thousand rows at a time, in file order.
///
/// Nothing in a batch is a `String` per row. Read through a column's key, `rows[column]` gives
/// the cells as the key's type: days as `DayNumber`, counts, texts as `Text` (the same number
/// for the same text in every part and thread of the run), a choice as the plugin's enum.
/// `reference(ofRow:)` locates a row for a message. An aggregate that keeps sums never builds a
/// text per row.
public struct RowBatch: Sendable {
    /// The input's name in the plugin's description (`observations`).
    public internal(set) var input: String
    /// The file as messages name it (relative to the folder of `reports.yaml`).
    public let file: String
    /// Rows in the batch.
    public let count: Int
    /// The 1-based line where each row starts. In a later part of a file read in parallel they
    /// count from that part's first line; the host moves them when it joins the parts, so only
    /// the host's own `PluginInputs` reads them.
    let lines: [Int]
    let columnIndexes: [String: Int]
    let columns: [BatchColumn]
    /// Where the batch's part of the file starts, once the host has joined the parts.
    var origin = RowOrigin()
    /// The run's numbers of the part's texts, kept by the host for each part and aggregate.
    var textCache = StableTextCache()

    init(input: String, file: String, count: Int, lines: [Int], columnIndexes: [String: Int], columns: [BatchColumn]) {
        self.input = input
        self.file = file
        self.count = count
        self.lines = lines
        self.columnIndexes = columnIndexes
        self.columns = columns
    }

    // A wrong name or type below is a bug in the plugin, not in the user's data: the aggregate
    // names the columns it reads, and the host checked them against the description.

    /// The cells of `column`, by row.
    @inlinable public subscript<Value>(column: Column<Value>) -> Value.Cells {
        Value.cells(of: column, in: self)
    }

    /// Where row `row` is: its file and line, for a message about it, and its place in the
    /// file's order of rows.
    public func reference(ofRow row: Int) -> RowReference {
        RowReference(file: file, origin: origin, row: row, line: lines[row])
    }

    /// The rows in runs of consecutive rows of one month of `column`: a file sorted by date has
    /// one or two runs a batch, so an aggregate can look up a month's sums once a run.
    public func monthRuns(of column: Column<Day>) -> [(month: Period, rows: Range<Int>)] {
        let days = self.days(column.name)
        var runs: [(month: Period, rows: Range<Int>)] = []
        var start = 0
        var cachedDay = Int32.min, cachedMonth = 0, runMonth = 0
        for row in 0..<count {
            let day = days[row]
            if day != cachedDay {
                cachedDay = day
                cachedMonth = Day(daysSinceEpoch: Int(day)).monthNumber
            }
            if row == 0 {
                runMonth = cachedMonth
            } else if cachedMonth != runMonth {
                runs.append((Period(monthNumber: runMonth), start..<row))
                start = row
                runMonth = cachedMonth
            }
        }
        if count > 0 { runs.append((Period(monthNumber: runMonth), start..<count)) }
        return runs
    }

    /// A text column's cells as the run's texts.
    func stableTexts(_ name: String) -> TextCells {
        textCache.cells(texts(name), name: name)
    }

    /// A date column, as days since 1970-01-01 (`Day(daysSinceEpoch:)` gives the day back).
    public func days(_ name: String) -> [Int32] {
        guard case .days(let values) = column(name) else { preconditionFailure("no date column '\(name)' in \(file)") }
        return values
    }

    public func counts(_ name: String) -> [Int] {
        guard case .counts(let values) = column(name) else { preconditionFailure("no count column '\(name)' in \(file)") }
        return values
    }

    public func optionalCounts(_ name: String) -> [Int?] {
        guard case .optionalCounts(let values) = column(name) else { preconditionFailure("no optional count column '\(name)' in \(file)") }
        return values
    }

    /// A text, optional text or choice column, as symbol numbers.
    public func texts(_ name: String) -> TextColumn {
        guard case .texts(let ids, let symbols) = column(name) else { preconditionFailure("no text column '\(name)' in \(file)") }
        return TextColumn(ids: ids, symbols: symbols)
    }

    /// A choice column, as the index of each row's value in the declared choices.
    public func choices(_ name: String) -> [Int32] {
        texts(name).ids
    }

    public func flags(_ name: String) -> [Bool] {
        guard case .flags(let values) = column(name) else { preconditionFailure("no flag column '\(name)' in \(file)") }
        return values
    }

    private func column(_ name: String) -> BatchColumn {
        guard let index = columnIndexes[name] else { preconditionFailure("column '\(name)' of \(file) is not read") }
        return columns[index]
    }
}

/// The cells of a text column in a batch: one symbol number per row, and the table that
/// numbers them (shared by every batch of the same part of the file).
public struct TextColumn: Sendable {
    public let ids: [Int32]
    public let symbols: SymbolTable

    /// The text of `row`.
    public subscript(row: Int) -> String { symbols[ids[row]] }
}

/// The typed cells of one column in a batch.
enum BatchColumn: Sendable {
    case days([Int32])
    case counts([Int])
    case optionalCounts([Int?])
    case texts([Int32], SymbolTable)
    case flags([Bool])
}

/// What a plugin keeps of its inputs' rows, built by the host in one streaming pass.
///
/// The host reads each input file once per run, in parts on several threads when it is large,
/// and feeds every aggregate that reads it: one aggregate per part, in file order, then joined
/// with `append(_:)` in file order. An aggregate that keeps sums and counts (not rows) reads a
/// file of any size in the same memory. `PluginInputs`, the default, keeps every row.
public protocol InputAggregate: Sendable {
    /// The declared columns of `input` this aggregate reads. The others are checked in the
    /// header and not parsed. The default reads them all.
    static func columnsRead(from input: InputSpec) -> [String]

    /// Adds the next rows of one input (`rows.input`), in file order.
    mutating func add(_ rows: RowBatch)

    /// Adds what `later` gathered from the rows that follow this aggregate's in the same file:
    /// the next part of it, read on another thread. The result must be what one aggregate fed
    /// every row in order would hold; the tests compare the two on every plugin's examples.
    mutating func append(_ later: Self)

    /// Adds what `other` gathered from another input file of the report, once each is
    /// finished, in the order of the definition's inputs. The default appends it.
    mutating func combine(_ other: Self)

    /// Called once when every row has been added and every part appended.
    mutating func finish()
}

extension InputAggregate {
    public static func columnsRead(from input: InputSpec) -> [String] { input.columns.map(\.name) }
    public mutating func finish() {}
    public mutating func combine(_ other: Self) { append(other) }
}

/// Where a part of a file read in parallel starts among the file's lines and rows: set by the
/// host when it joins the parts, so that a row's reference taken while the part was read gives
/// the file's line and order once the plugin computes.
final class RowOrigin: @unchecked Sendable {
    var lineOffset = 0
    var rowOffset = 0
}

/// A row of an input file: its place for a message (`location`, as `PluginProblem.row` takes
/// it) and its place in the file's order, which compares rows of different parts of the file.
public struct RowReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let file: String
    let origin: RowOrigin
    /// The row and its line, counted in its part.
    let row: Int
    let line: Int

    init(file: String, origin: RowOrigin, row: Int, line: Int) {
        self.file = file
        self.origin = origin
        self.row = row
        self.line = line
    }

    /// The file and the line the row starts on.
    public var location: SourceLocation { SourceLocation(file: file, line: line + origin.lineOffset) }
    /// The row's position among the file's rows, from 0.
    public var position: Int { row + origin.rowOffset }
    public var description: String { location.description }

    public static func == (lhs: RowReference, rhs: RowReference) -> Bool {
        lhs.file == rhs.file && lhs.position == rhs.position
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(position)
    }

    /// Row order within a file; rows of different files by file name.
    public static func < (lhs: RowReference, rhs: RowReference) -> Bool {
        lhs.file == rhs.file ? lhs.position < rhs.position : lhs.file < rhs.file
    }
}

extension RowBatch {
    /// The rows of `table` as one batch of the input `spec` describes: how a plugin's tests
    /// feed its aggregate rows written in the test, without a file.
    public init(_ table: InputTable, spec: InputSpec) {
        var indexes: [String: Int] = [:]
        var columns: [BatchColumn] = []
        for column in spec.columns {
            guard let values = table.columns[column.name] else { continue }
            indexes[column.name] = columns.count
            switch values {
            case .dates(let days): columns.append(.days(days.map { Int32($0.daysSinceEpoch) }))
            case .counts(let counts): columns.append(.counts(counts))
            case .optionalCounts(let counts): columns.append(.optionalCounts(counts))
            case .flags(let flags): columns.append(.flags(flags))
            case .texts(let texts):
                var choices: [String] = []
                if case .choice(let declared) = column.type { choices = declared }
                let symbols = SymbolTable(choices)
                var numbers: [String: Int32] = [:]
                for (index, choice) in choices.enumerated() { numbers[choice] = Int32(index) }
                let ids = texts.map { text in
                    if let id = numbers[text] { return id }
                    precondition(choices.isEmpty, "'\(text)' is not a choice of column '\(column.name)'")
                    symbols.append(text)
                    numbers[text] = Int32(symbols.count - 1)
                    return Int32(symbols.count - 1)
                }
                columns.append(.texts(ids, symbols))
            }
        }
        self.init(input: spec.name, file: table.file, count: table.rowCount, lines: table.lines,
                  columnIndexes: indexes, columns: columns)
    }
}
