/// An aggregate that keeps the P-codes of its rows as text (sums by FMP and region, say) rather
/// than the rows: after the host has checked the codes its input held, it takes the
/// vocabulary's form of each (`MLI07` becomes `ML07`), so that what the plugin writes is in that
/// form. A plugin whose aggregate is `PluginInputs` needs nothing: the host rewrites the rows.
public protocol KeepsPCodes: InputAggregate {
    /// Writes every code of `column` kept so far as `form` gives it (codes `form` lacks are
    /// already in the vocabulary's form).
    mutating func writePCodes(of column: String, as form: [String: String])
}

/// The distinct codes of an input's P-code columns, each with the line of its first row: what
/// the P-code check reads when the plugin's aggregate keeps sums, not rows.
///
/// A second consumer of the file, made only for such a plugin, reading only the P-code columns
/// its aggregate reads anyway (no column more is decoded). The reader numbers a column's texts
/// (`SymbolTable`), so each row costs one look-up of a flag, as `ColumnValues` does.
struct PCodeCensus: InputAggregate {
    struct Code: Sendable, Hashable {
        var code: String
        /// The line (or sheet row) of its first row.
        var line: Int
    }

    let columns: [String]
    /// By column, the codes in the order first seen.
    private(set) var codes: [String: [Code]] = [:]
    private var known: [String: Set<String>] = [:]
    /// The table the last batch numbered each column in, and which of its numbers were seen.
    private var tables: [String: SymbolTable] = [:]
    private var seen: [String: [Bool]] = [:]

    init(columns: [String]) {
        self.columns = columns
    }

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
        }
    }

    mutating func append(_ later: PCodeCensus) {
        for column in columns {
            for code in later.codes[column] ?? [] { record(code.code, line: code.line, in: column) }
        }
    }

    /// Lines of a later part of the file, counted from its first line, moved to the file's.
    mutating func shiftLines(by offset: Int) {
        codes = codes.mapValues { $0.map { Code(code: $0.code, line: $0.line + offset) } }
    }

    private mutating func record(_ code: String, line: Int, in column: String) {
        guard known[column, default: []].insert(code).inserted else { return }
        codes[column, default: []].append(Code(code: code, line: line))
    }
}
