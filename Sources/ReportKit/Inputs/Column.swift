/// A column of an input file, declared once: its name, type, HXL hashtag and documentation, as a
/// typed key. The plugin builds its `InputSpec` from its keys and reads rows through them
/// (`rows[Observation.date]`), so that no column name is written twice and a cell is read as
/// the type its declaration gives:
///
/// ```swift
/// enum Observation {
///     static let date = Column<Day>("date", hxl: "#date", "The day of the count.")
///     static let fmpCode = Column<Text>("fmp_code", hxl: "#loc+code", "The FMP's id.")
///     static let direction = Column<Direction>("direction", hxl: "#x_direction", "Arriving or leaving.")
///     static let adultM = Column<Count>("adult_m", hxl: "#affected+ind+m+adults", "Adult men.")
///     static let uac = Column<Count?>("uac", hxl: "#affected+ind+children+unaccompanied", "Empty when not recorded.")
/// }
/// ```
///
/// `Value` says what a cell is: `Day` (a date), `Count` (a whole number ≥ 0), `Count?` (empty
/// when not collected), `Text` (any text, numbered the same across the whole run), `Bool` (a flag),
/// or a plugin's enum conforming to `ColumnChoice` (one of its cases' raw values).
public struct Column<Value: ColumnValue>: ColumnKey {
    public let spec: ColumnSpec

    /// A column of the type `Value` reads.
    public init(_ name: String, hxl: String, _ documentation: String, pcode: PCodeColumn? = nil) {
        spec = ColumnSpec(name, Value.columnType, hxl: hxl, documentation, pcode: pcode)
    }

    init(spec: ColumnSpec) {
        self.spec = spec
    }

    public var name: String { spec.name }
}

extension Column where Value == Text {
    /// A text column whose cells may be empty (an empty cell is the text `""`).
    public init(_ name: String, mayBeEmpty: Bool, hxl: String, _ documentation: String, pcode: PCodeColumn? = nil) {
        spec = ColumnSpec(name, mayBeEmpty ? .optionalText : .text, hxl: hxl, documentation, pcode: pcode)
    }

    /// A column of keys of the vocabulary `vocabulary`: the host checks each cell against the
    /// report's keys (a report extending the vocabulary extends the column).
    public init(_ name: String, vocabulary: String, hxl: String, _ documentation: String) {
        spec = ColumnSpec(name, .vocabulary(vocabulary), hxl: hxl, documentation)
    }
}

/// A `Column` of any type: what an `InputSpec` and an aggregate's list of columns hold.
public protocol ColumnKey: Sendable {
    var spec: ColumnSpec { get }
}

/// What the cells of a `Column<Value>` are, and how a batch of rows gives them.
public protocol ColumnValue: Sendable {
    /// What `rows[column]` gives: the batch's cells, indexed by row.
    associatedtype Cells: Sendable
    /// The type the host checks every cell against.
    static var columnType: ColumnType { get }
    /// The cells of `column` in `rows`.
    static func cells(of column: Column<Self>, in rows: RowBatch) -> Cells
}

/// A whole number of people or things, ≥ 0: the cells of a `Column<Count>` (`Column<Count?>`
/// when an empty cell means "not collected").
public typealias Count = Int

extension Int: ColumnValue {
    public static var columnType: ColumnType { .count }
    public static func cells(of column: Column<Int>, in rows: RowBatch) -> [Int] { rows.counts(column.name) }
}

extension Optional: ColumnValue where Wrapped == Int {
    public static var columnType: ColumnType { .optionalCount }
    public static func cells(of column: Column<Int?>, in rows: RowBatch) -> [Int?] { rows.optionalCounts(column.name) }
}

extension Bool: ColumnValue {
    public static var columnType: ColumnType { .flag }
    public static func cells(of column: Column<Bool>, in rows: RowBatch) -> [Bool] { rows.flags(column.name) }
}

extension Day: ColumnValue {
    public static var columnType: ColumnType { .date }
    public static func cells(of column: Column<Day>, in rows: RowBatch) -> DayCells { DayCells(numbers: rows.days(column.name)) }
}

/// The days of a date column in a batch, as `DayNumber`s (cheap to compare and to index with).
public struct DayCells: Sendable, RandomAccessCollection {
    @usableFromInline let numbers: [Int32]

    init(numbers: [Int32]) {
        self.numbers = numbers
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { numbers.count }
    @inlinable public subscript(row: Int) -> DayNumber { DayNumber(daysSinceEpoch: Int(numbers[row])) }
}

/// A day as its number of days since 1970-01-01 (negative before): what a date cell is while
/// rows stream by, compared and counted without making a `Day`.
@frozen public struct DayNumber: Sendable, Hashable, Comparable, Codable, Strideable, CustomStringConvertible {
    public var daysSinceEpoch: Int

    @inlinable public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    public init(_ day: Day) {
        daysSinceEpoch = day.daysSinceEpoch
    }

    public var day: Day { Day(daysSinceEpoch: daysSinceEpoch) }
    /// The day's month.
    public var month: Period { day.period }
    public var description: String { day.iso }

    @inlinable public static func < (lhs: DayNumber, rhs: DayNumber) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
    @inlinable public func distance(to other: DayNumber) -> Int { other.daysSinceEpoch - daysSinceEpoch }
    @inlinable public func advanced(by days: Int) -> DayNumber { DayNumber(daysSinceEpoch: daysSinceEpoch + days) }
}

extension Day {
    /// The day as a `DayNumber`.
    public var number: DayNumber { DayNumber(self) }
}

/// A plugin's enum of the values of a choice column, its raw values the column's choices in
/// the order of its cases: `enum Direction: String, ColumnChoice { case incoming, outgoing }`.
/// `rows[column]` gives each row's case; `Tally` and the other accumulators index by it.
public protocol ColumnChoice: RawRepresentable, CaseIterable, TallyKey, ColumnValue where RawValue == String, Cells == ChoiceCells<Self> {}

extension ColumnChoice {
    public static var columnType: ColumnType { .choice(allCases.map(\.rawValue)) }

    /// The case's position in `allCases`: for an enum without payloads (a `ColumnChoice` is
    /// one), the byte that tells its cases apart, which Swift numbers in the order of the cases.
    /// `Column`'s initializer checks that order once for every enum a column is declared with.
    @inlinable public var caseIndex: Int {
        switch MemoryLayout<Self>.size {
        case 0: return 0
        case 1: return Int(unsafeBitCast(self, to: UInt8.self))
        default: return Self.allCases.firstIndex(of: self).map { Self.allCases.distance(from: Self.allCases.startIndex, to: $0) }!
        }
    }

    /// Whether `caseIndex` is each case's position in `allCases`.
    static var casesAreInOrder: Bool {
        Self.allCases.enumerated().allSatisfy { $0.offset == $0.element.caseIndex }
    }

    public static func cells(of column: Column<Self>, in rows: RowBatch) -> ChoiceCells<Self> {
        ChoiceCells(indexes: rows.choices(column.name), cases: Array(allCases))
    }
}

extension Column where Value: ColumnChoice {
    /// A choice column: its cells are the raw values of `Value`'s cases.
    public init(_ name: String, hxl: String, _ documentation: String) {
        precondition(Value.casesAreInOrder, "\(Value.self): a ColumnChoice's allCases must list its cases in their order")
        spec = ColumnSpec(name, Value.columnType, hxl: hxl, documentation)
    }
}

/// The cells of a choice column in a batch, as the plugin's enum.
public struct ChoiceCells<Choice: ColumnChoice>: Sendable, RandomAccessCollection {
    @usableFromInline let indexes: [Int32]
    @usableFromInline let cases: [Choice]

    init(indexes: [Int32], cases: [Choice]) {
        self.indexes = indexes
        self.cases = cases
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { indexes.count }
    @inlinable public subscript(row: Int) -> Choice { cases[Int(indexes[row])] }
}

extension Text: ColumnValue {
    public static var columnType: ColumnType { .text }
    public static func cells(of column: Column<Text>, in rows: RowBatch) -> TextCells { rows.stableTexts(column.name) }
}

extension InputSpec {
    /// An input whose columns are declared as keys, in the order `describe` lists them.
    public init(name: String, conventionalFileName: String, required: Bool = true, documentation: String,
                columns: [any ColumnKey], periodColumn: Column<Day>) {
        self.init(name: name, conventionalFileName: conventionalFileName, required: required, documentation: documentation,
                  columns: columns.map(\.spec), periodColumn: periodColumn.name)
    }
}
