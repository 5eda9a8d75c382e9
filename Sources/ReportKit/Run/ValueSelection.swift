import Foundation

/// The distinct values of one input column, in the order first seen, each with the text of a
/// naming column on its first row and the months it has rows in: what a filter parameter's
/// values are checked against.
///
/// A second consumer of the file the report reads anyway, made only for a filter that is
/// written in reports.yaml: a run without filters does no work for it. The reader already
/// numbers the texts of a column (`SymbolTable`), so each row costs one look-up of a flag.
struct ColumnValues: InputAggregate {
    let column: String
    let nameColumn: String?
    /// The date column that places a row in a month (the input's `periodColumn`).
    let periodColumn: String
    /// The values, in the order first seen.
    private(set) var values: [String] = []
    /// Each value's name, from its first row.
    private(set) var names: [String: String] = [:]
    /// The months each value has rows in.
    private(set) var months: [String: Set<Period>] = [:]
    /// The table the last batch numbered its values in; which of its numbers were seen, and
    /// the months of each number, moved into `months` when the table changes or at the end.
    private var table: SymbolTable?
    private var seen: [Bool] = []
    private var monthsByNumber: [Set<Period>] = []
    private var lastMonthByNumber: [Period?] = []

    init(column: String, nameColumn: String?, periodColumn: String) {
        self.column = column
        self.nameColumn = nameColumn
        self.periodColumn = periodColumn
    }

    /// The columns the census reads.
    var columns: [String] { [column] + (nameColumn.map { [$0] } ?? []) + [periodColumn] }

    mutating func add(_ rows: RowBatch) {
        let cells = rows.texts(column)
        let names = nameColumn.map { rows.texts($0) }
        let days = rows.days(periodColumn)
        if table !== cells.symbols {
            flushMonths()
            table = cells.symbols
            seen = []
        }
        let count = cells.symbols.count
        if seen.count < count {
            seen.append(contentsOf: repeatElement(false, count: count - seen.count))
            monthsByNumber.append(contentsOf: repeatElement([], count: count - monthsByNumber.count))
            lastMonthByNumber.append(contentsOf: repeatElement(nil, count: count - lastMonthByNumber.count))
        }
        var cachedDay = Int32.min, period = Period(year: 1970, month: 1)!
        for row in 0..<rows.count {
            let id = Int(cells.ids[row])
            if !seen[id] {
                seen[id] = true
                record(cells.symbols[cells.ids[row]], name: names?[row])
            }
            if days[row] != cachedDay {
                cachedDay = days[row]
                period = Day(daysSinceEpoch: Int(cachedDay)).period
            }
            // Rows come in date order, mostly: a set insert only when a value's month changes.
            if lastMonthByNumber[id] != period {
                lastMonthByNumber[id] = period
                monthsByNumber[id].insert(period)
            }
        }
    }

    mutating func append(_ later: ColumnValues) {
        var later = later
        later.flushMonths()
        for value in later.values { record(value, name: later.names[value]) }
        for (value, periods) in later.months { months[value, default: []].formUnion(periods) }
    }

    mutating func finish() {
        flushMonths()
    }

    /// Moves the months gathered by number into `months`, by text.
    private mutating func flushMonths() {
        if let table {
            for (number, periods) in monthsByNumber.enumerated() where !periods.isEmpty {
                months[table.texts[number], default: []].formUnion(periods)
            }
        }
        monthsByNumber = []
        lastMonthByNumber = []
    }

    private mutating func record(_ value: String, name: String?) {
        guard names[value] == nil, !values.contains(value) else { return }
        values.append(value)
        if let name { names[value] = name }
    }
}

/// A filter parameter written in a definition, with the values it names and where.
struct WrittenSelection {
    let spec: ParameterSpec
    let selection: ColumnSelection
    /// Each value with its place: the list item, or the scalar.
    let values: [(text: String, location: SourceLocation, keyPath: String)]

    /// The filters `definition` writes, for the parameters `description` declares as selecting.
    static func all(in definition: ReportDefinition, description: PluginDescription) -> [WrittenSelection] {
        description.parameters.compactMap { spec in
            guard let selection = spec.selects, let pair = definition.params?.pair(spec.name) else { return nil }
            let keyPath = "\(definition.keyPath).params.\(spec.name)"
            let items: [(String, SourceLocation, String)]
            if let elements = pair.value.sequence {
                items = elements.enumerated().compactMap { index, element in
                    element.scalar.map { ($0.text, element.location, "\(keyPath)[\(index)]") }
                }
            } else if let scalar = pair.value.scalar {
                items = [(scalar.text, pair.value.location, keyPath)]
            } else {
                items = []
            }
            return items.isEmpty ? nil : WrittenSelection(spec: spec, selection: selection, values: items)
        }
    }

    /// A problem for each value the column does not hold, with the value it most likely means.
    func check(against found: ColumnValues, file: String) -> [Diagnostic] {
        let folded = found.values.map { ($0, Self.fold($0)) }
        let namesFolded = found.values.compactMap { value in found.names[value].map { (value, Self.fold($0)) } }
        return values.compactMap { written in
            guard !found.values.contains(written.text) else { return nil }
            let key = Self.fold(written.text)
            if let same = folded.first(where: { $0.1 == key })?.0 {
                return .selectedValueDiffersInCase(at: written.location, subject: written.keyPath, value: written.text,
                                                   column: selection.column, file: file, existing: same)
            }
            if let nameColumn = selection.nameColumn, let code = namesFolded.first(where: { $0.1 == key })?.0 {
                return .selectedValueIsAName(at: written.location, subject: written.keyPath, value: written.text,
                                             column: selection.column, nameColumn: nameColumn, file: file, code: code)
            }
            return .selectedValueNotFound(at: written.location, subject: written.keyPath, value: written.text,
                                          column: selection.column, file: file, existing: found.values)
        }
    }

    /// A problem when every value matches but none has a row in `period` while other values
    /// do: the filter, not the data, would make the report count nothing.
    func checkRows(in period: Period, found: ColumnValues, file: String, at location: SourceLocation, keyPath: String) -> Diagnostic? {
        let kept = values.map(\.text)
        guard selection.requiresRowsInPeriod, !kept.contains(where: { found.months[$0]?.contains(period) ?? false }),
              found.months.values.contains(where: { $0.contains(period) }) else { return nil }
        let periods = kept.flatMap { found.months[$0] ?? [] }
        return .selectionHasNoRows(at: location, subject: keyPath, values: kept, column: selection.column, file: file, period: period,
                                   first: periods.min(), last: periods.max())
    }

    /// Text compared without case or accents: `men-01` is `MEN-01`, `menaka` is `Ménaka`.
    static func fold(_ text: String) -> String { Suggestion.folded(text) }
}
