/// The inputs of one report, read and typed, by their names under `inputs:`: every row, in
/// typed columns. The default `Inputs` of a plugin; fine for inputs of thousands of rows, while a
/// plugin over millions names an `InputAggregate` of its own that keeps only sums.
public struct PluginInputs: InputAggregate {
    public private(set) var tables: [String: InputTable]
    /// Rows added and not yet finished into `tables`.
    private var builders: [String: TableBuilder] = [:]

    public init(_ tables: [String: InputTable] = [:]) {
        self.tables = tables
    }

    public subscript(name: String) -> InputTable? { tables[name] }

    public mutating func add(_ rows: RowBatch) {
        builders[rows.input, default: TableBuilder(file: rows.file)].append(rows)
    }

    public mutating func append(_ later: PluginInputs) {
        // Finished tables are other inputs' (the host finishes each file's before joining).
        tables.merge(later.tables) { _, theirs in theirs }
        for (name, builder) in later.builders {
            builders[name, default: TableBuilder(file: builder.file)].append(contentsOf: builder)
        }
    }

    public mutating func finish() {
        for (name, builder) in builders { tables[name] = builder.table }
        builders = [:]
    }

    /// Moves the line numbers of the rows added so far by `offset`: the host's correction for a
    /// later part of a file, whose lines were counted from that part's start.
    mutating func shiftLines(by offset: Int) {
        for name in builders.keys { builders[name]!.shiftLines(by: offset) }
    }
}

/// The columns of one input's table, appended batch by batch.
private struct TableBuilder: Sendable {
    let file: String
    var lines: [Int] = []
    var columns: [String: InputColumn] = [:]

    init(file: String) {
        self.file = file
    }

    mutating func append(_ rows: RowBatch) {
        lines.append(contentsOf: rows.lines)
        for (name, index) in rows.columnIndexes {
            let added: InputColumn = switch rows.columns[index] {
            case .days(let values): .dates(values.map { Day(daysSinceEpoch: Int($0)) })
            case .counts(let values): .counts(values)
            case .optionalCounts(let values): .optionalCounts(values)
            case .texts(let ids, let symbols): .texts(ids.map { symbols[$0] })
            case .flags(let values): .flags(values)
            }
            append(added, to: name)
        }
    }

    mutating func append(contentsOf other: TableBuilder) {
        lines.append(contentsOf: other.lines)
        for (name, column) in other.columns { append(column, to: name) }
    }

    mutating func shiftLines(by offset: Int) {
        for index in lines.indices { lines[index] += offset }
    }

    private mutating func append(_ column: InputColumn, to name: String) {
        // Taken out of the dictionary while appending, so that the array is not copied.
        let existing = columns.removeValue(forKey: name)
        columns[name] = switch (existing, column) {
        case (nil, _): column
        case (.dates(var values)?, .dates(let more)): { values.append(contentsOf: more); return .dates(values) }()
        case (.counts(var values)?, .counts(let more)): { values.append(contentsOf: more); return .counts(values) }()
        case (.optionalCounts(var values)?, .optionalCounts(let more)): { values.append(contentsOf: more); return .optionalCounts(values) }()
        case (.texts(var values)?, .texts(let more)): { values.append(contentsOf: more); return .texts(values) }()
        case (.flags(var values)?, .flags(let more)): { values.append(contentsOf: more); return .flags(values) }()
        default: preconditionFailure("column '\(name)' of \(file) changed type")
        }
    }

    var table: InputTable {
        InputTable(file: file, rowCount: lines.count, lines: lines, columns: columns)
    }
}
