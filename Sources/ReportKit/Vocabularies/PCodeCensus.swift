/// An aggregate that keeps the P-codes of its rows as text (sums by FMP and region, say) rather
/// than the rows: after the host has checked the codes its input held, it takes the
/// vocabulary's form of each (`MLI07` becomes `ML07`), so that what the plugin writes is in that
/// form. A plugin whose aggregate is `PluginInputs` needs nothing: the host rewrites the rows.
public protocol KeepsPCodes: InputAggregate {
    /// Writes every code of `column` kept so far as `form` gives it (codes `form` lacks are
    /// already in the vocabulary's form).
    mutating func writePCodes(of column: String, as form: [String: String])
}

/// The distinct codes of an input's P-code columns, each with the line of its first row, and
/// the distinct names written with them (a code column's name column, when the aggregate reads
/// it): what the P-code check reads when the plugin's aggregate keeps sums, not rows.
///
/// A second consumer of the file, made only for such a plugin, reading only the P-code columns
/// and name columns its aggregate reads anyway (no column more is decoded). The reader numbers a
/// column's texts (`SymbolTable`), so each row costs one look-up of a flag, as `ColumnValues` does.
struct PCodeCensus: InputAggregate {
    struct Code: Sendable, Hashable {
        var code: String
        /// The line (or sheet row) of its first row.
        var line: Int
    }

    /// A name written with a code, at the line of the first row holding both.
    struct Named: Sendable, Hashable {
        var code: String
        var name: String
        var line: Int
    }

    let columns: [String]
    /// The name column of a code column, when the aggregate reads both.
    let nameColumns: [String: String]
    /// By column, the codes in the order first seen.
    private(set) var codes: [String: [Code]] = [:]
    /// By code column, the (code, name) pairs in the order first seen.
    private(set) var names: [String: [Named]] = [:]
    private var known: [String: Set<String>] = [:]
    private var knownNames: [String: Set<Pair>] = [:]
    /// The table the last batch numbered each column in, and which of its numbers were seen.
    private var tables: [String: SymbolTable] = [:]
    private var seen: [String: [Bool]] = [:]
    /// By code column, the tables of the last batch's codes and names and the pairs of their
    /// numbers seen.
    private var pairTables: [String: (SymbolTable, SymbolTable)] = [:]
    private var seenPairs: [String: Set<Int64>] = [:]

    private struct Pair: Hashable {
        var code: String
        var name: String
    }

    init(columns: [String], nameColumns: [String: String] = [:]) {
        self.columns = columns
        self.nameColumns = nameColumns
    }

    /// Every column the census reads.
    var columnsRead: [String] { columns + columns.compactMap { nameColumns[$0] } }

    mutating func add(_ rows: RowBatch) {
        for column in columns {
            let cells = rows.texts(column)
            var flags = tables[column] === cells.symbols ? seen[column] ?? [] : []
            tables[column] = cells.symbols
            if flags.count < cells.symbols.count { flags.append(contentsOf: repeatElement(false, count: cells.symbols.count - flags.count)) }
            for row in 0..<rows.count {
                let id = Int(cells.ids[row])
                guard !flags[id] else { continue }
                flags[id] = true
                record(cells.symbols[cells.ids[row]], line: rows.lines[row], in: column)
            }
            seen[column] = flags
            if let nameColumn = nameColumns[column] { addNames(rows.texts(nameColumn), codes: cells, lines: rows.lines, of: column) }
        }
    }

    private mutating func addNames(_ nameCells: TextColumn, codes: TextColumn, lines: [Int], of column: String) {
        var pairs: Set<Int64> = []
        if let (codeTable, nameTable) = pairTables[column], codeTable === codes.symbols, nameTable === nameCells.symbols {
            pairs = seenPairs[column] ?? []
        }
        pairTables[column] = (codes.symbols, nameCells.symbols)
        for row in lines.indices {
            let pair = Int64(codes.ids[row]) << 32 | Int64(UInt32(bitPattern: nameCells.ids[row]))
            guard pairs.insert(pair).inserted else { continue }
            record(Named(code: codes[row], name: nameCells[row], line: lines[row]), of: column)
        }
        seenPairs[column] = pairs
    }

    mutating func append(_ later: PCodeCensus) {
        for column in columns {
            for code in later.codes[column] ?? [] { record(code.code, line: code.line, in: column) }
            for named in later.names[column] ?? [] { record(named, of: column) }
        }
    }

    /// Lines of a later part of the file, counted from its first line, moved to the file's.
    mutating func shiftLines(by offset: Int) {
        codes = codes.mapValues { $0.map { Code(code: $0.code, line: $0.line + offset) } }
        names = names.mapValues { $0.map { Named(code: $0.code, name: $0.name, line: $0.line + offset) } }
    }

    private mutating func record(_ code: String, line: Int, in column: String) {
        guard known[column, default: []].insert(code).inserted else { return }
        codes[column, default: []].append(Code(code: code, line: line))
    }

    private mutating func record(_ named: Named, of column: String) {
        guard knownNames[column, default: []].insert(Pair(code: named.code, name: named.name)).inserted else { return }
        names[column, default: []].append(named)
    }
}
