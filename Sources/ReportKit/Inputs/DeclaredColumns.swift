/// A column that a plugin's parameters declare rather than its Swift (the `indicators` plugin's
/// `columns:`): the typed key its declared type is read as, made at run time from the
/// `ColumnSpec` the plugin puts in its derived description, and read through the same batch API
/// as any `Column` (`rows[key]`).
///
/// ```swift
/// switch DeclaredColumn(spec) {
/// case .count(let column): total += rows[column].reduce(0, +)
/// case .text(let column): ...
/// default: ...
/// }
/// ```
///
/// A column whose values group rows (a text, a choice, a vocabulary key, a flag) also gives
/// each row a group number (`groupNumbers(in:)`): dense from 0 and the same for the same value
/// in every part, thread and file of the run, so that an aggregate keyed by columns it learns
/// at run time indexes arrays with them, and parts merge without renumbering.
public enum DeclaredColumn: ColumnKey, Sendable {
    case date(Column<Day>)
    /// A `count`, or a `decimal` whose cells are counts of millionths (`DecimalCell.scale`).
    case count(Column<Count>)
    case optionalCount(Column<Count?>)
    /// A text, optional text, choice or vocabulary column: its cells as the run's `Text`s.
    case text(Column<Text>)
    case flag(Column<Bool>)

    /// The key that reads a column of `spec`'s name and type.
    public init(_ spec: ColumnSpec) {
        switch spec.type {
        case .date: self = .date(Column(spec: spec))
        case .count, .decimal: self = .count(Column(spec: spec))
        case .optionalCount: self = .optionalCount(Column(spec: spec))
        case .text, .optionalText, .choice, .vocabulary: self = .text(Column(spec: spec))
        case .flag: self = .flag(Column(spec: spec))
        }
    }

    public var spec: ColumnSpec {
        switch self {
        case .date(let column): column.spec
        case .count(let column): column.spec
        case .optionalCount(let column): column.spec
        case .text(let column): column.spec
        case .flag(let column): column.spec
        }
    }

    public var name: String { spec.name }

    /// Whether its values group rows (and have group numbers): a text or a flag.
    public var isGroup: Bool {
        switch self {
        case .text, .flag: true
        case .date, .count, .optionalCount: false
        }
    }

    /// Each row's group number: a text's number in the run's numbering of the column's texts,
    /// 0 and 1 for `false` and `true`.
    public func groupNumbers(in rows: RowBatch) -> [Int] {
        switch self {
        case .text(let column):
            let cells = rows[column]
            return cells.symbols.map { Int(cells.numbers[Int($0)]) }
        case .flag(let column):
            return rows[column].map { $0 ? 1 : 0 }
        case .date, .count, .optionalCount:
            preconditionFailure("column '\(name)' does not group rows")
        }
    }

    /// The group number of `value` as a cell writes it (numbered now if no row held it yet).
    public func groupNumber(of value: String) -> Int {
        switch self {
        case .text(let column): Int(TextDomains.shared.domain(named: column.name).number(of: value))
        case .flag: value == "true" ? 1 : 0
        case .date, .count, .optionalCount: preconditionFailure("column '\(name)' does not group rows")
        }
    }

    /// The value of group number `number` as a cell writes it.
    public func groupValue(_ number: Int) -> String {
        switch self {
        case .text(let column): TextDomains.shared.domain(named: column.name).string(Int32(number))
        case .flag: number == 1 ? "true" : "false"
        case .date, .count, .optionalCount: preconditionFailure("column '\(name)' does not group rows")
        }
    }
}
