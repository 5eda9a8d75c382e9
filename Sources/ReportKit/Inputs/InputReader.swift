import Foundation

/// Reads an input CSV file into a typed `InputTable`, by the rules of the input formats.
///
/// Row 1 is the header; a row 2 whose non-empty cells are at least half HXL hashtags is
/// metadata. Columns are found by name (exactly, after trimming spaces), in any order; extra
/// columns are neither decoded nor checked. A declared column that no header cell names is
/// found by its documented hashtag in that HXL row (`HXLHashtag` says how hashtags compare),
/// and the table lists it in `columnsFoundByHashtag`. Only the declared columns are converted, straight
/// from the file's bytes into one array per column. Every problem of the file is collected,
/// so a coordinator fixes it in one go.
public enum InputReader {
    /// The longest record accepted, in bytes (1 MiB); see `CSVReader.maximumRecordLength`.
    public static let maximumLineLength = CSVReader.maximumRecordLength

    /// The most digits a count may have. Fifteen digits are far beyond any population figure
    /// and keep every sum of counts well inside `Int`.
    public static let maximumCountDigits = 15
    /// After this many errors in one file the reader stops: a file that is wrong on every row
    /// (a wrong export, a shifted column) is one problem, and its ten million messages would
    /// only bury the first ones and fill the memory.
    public static let maximumErrorsPerFile = 1_000

    /// Reads `bytes` as the input `spec` describes, every declared column; `file` is the name
    /// messages give.
    public static func read(_ bytes: [UInt8], file: String, spec: InputSpec) -> Result<InputTable, DiagnosticList> {
        let consumer = InputConsumer(input: spec.name, columns: spec.columns.map(\.name)) {
            TypedAggregateBox(PluginInputs())
        }
        return InputScan.scan(bytes: bytes, file: file, spec: spec, consumers: [consumer]).map { output in
            let tables = (output.aggregates[0] as! TypedAggregateBox<PluginInputs>).value
            var table = tables[spec.name] ?? InputTable(empty: spec, file: file)
            table.columnsFoundByHashtag = output.columnsFoundByHashtag
            return table
        }
    }

    /// Reads and checks the file at `url` as `spec` describes, converting only `columns` and
    /// keeping nothing, with up to `threads` threads: what reading costs, for measuring the
    /// reader alone. Returns the number of rows.
    public static func scan(contentsOf url: URL, file: String, spec: InputSpec, columns: [String], threads: Int) -> Result<Int, DiagnosticList> {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            return .failure(DiagnosticList([.inputFileNotFound(at: SourceLocation(file: file))]))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(DiagnosticList([.inputFileUnreadable(at: SourceLocation(file: file))]))
        }
        let consumer = InputConsumer(input: spec.name, columns: columns) { TypedAggregateBox(DiscardedRows()) }
        return InputScan.scan(descriptor: descriptor, size: Int(status.st_size), file: file, spec: spec, consumers: [consumer],
                              threads: threads, progress: nil, checksum: false).map(\.rowCount)
    }

    /// Reads the file at `url`; `file` is the name messages give (never a machine path).
    public static func read(contentsOf url: URL, file: String, spec: InputSpec) -> Result<InputTable, DiagnosticList> {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            let location = SourceLocation(file: file)
            let exists = FileManager.default.fileExists(atPath: url.path)
            return .failure(DiagnosticList([exists ? .inputFileUnreadable(at: location) : .inputFileNotFound(at: location)]))
        }
        return read([UInt8](data), file: file, spec: spec)
    }
}

/// How the header row names the declared columns: by name, or by hashtag in the HXL row.
struct HeaderMatch {
    /// The header index of each declared column found, by name.
    private var indexes: [String: Int] = [:]
    /// The declared columns that the header names otherwise, found by their HXL hashtag.
    private(set) var columnsFoundByHashtag: [HashtagMatch] = []
    /// The first line is a title above the real header: the rows cannot be read against it.
    private(set) var startsWithTitle = false

    func index(of column: String) -> Int? { indexes[column] }

    /// Matches the header to the declared columns, by name and then by hashtag, and reports
    /// duplicates and missing ones.
    init(header: CSVRecord, reader: CSVReader, spec: InputSpec, diagnostics: inout [Diagnostic]) {
        let buffer = reader.window.buffer
        var locations: [SourceLocation]?
        func location(_ index: Int) -> SourceLocation {
            if locations == nil { locations = reader.locations(of: header.cells) }
            return locations![index]
        }
        var names: [String] = []
        for (index, cell) in header.cells.enumerated() {
            let content = reader.contentBytes(of: cell)
            let name: String? = content.withUnsafeBufferPointer { bytes in
                let trimmed = UnsafeBufferPointer(rebasing: bytes[CSVReader.trimmed(0..<bytes.count, in: bytes)])
                return UTF8Check.classify(trimmed) == .invalid ? nil : String(decoding: trimmed, as: UTF8.self)
            }
            guard let name else {
                diagnostics.append(.invalidUTF8(String(decoding: content, as: UTF8.self), column: nil, at: location(index)))
                names.append("")
                continue
            }
            names.append(name)
        }

        var headerIndex = [Int?](repeating: nil, count: spec.columns.count)
        var duplicated = Set<Int>()
        for (index, name) in names.enumerated() where !name.isEmpty {
            guard let declared = spec.columns.firstIndex(where: { $0.name == name }) else { continue }
            if headerIndex[declared] != nil {
                // The second occurrence is enough to find the others.
                if duplicated.insert(declared).inserted {
                    diagnostics.append(.duplicateColumn(name, at: location(index)))
                }
            } else {
                headerIndex[declared] = index
            }
        }

        let declaredNames = Set(spec.columns.map(\.name))
        if headerIndex.contains(nil), let hashtags = HeaderMatch.hashtagRow(after: reader, buffer: buffer) {
            // Cells that name a declared column belong to it, whatever their hashtag.
            var claimed = Set(names.indices.filter { declaredNames.contains(names[$0]) })
            for (declared, column) in spec.columns.enumerated() where headerIndex[declared] == nil {
                guard let wanted = HXLHashtag(column.hxl) else { continue }
                let tagged = hashtags.indices.filter { index in
                    index < names.count && !claimed.contains(index) && HXLHashtag(hashtags[index]) == wanted
                }
                guard let index = tagged.first else { continue }
                if tagged.count > 1 {
                    diagnostics.append(.duplicateHashtag(column.name, hashtag: column.hxl, at: location(tagged[1])))
                }
                headerIndex[declared] = index
                claimed.formUnion(tagged)
                columnsFoundByHashtag.append(HashtagMatch(file: reader.file, column: column.name, header: names[index], hashtag: hashtags[index]))
            }
        }

        // Not one declared column in the first line, but all there in a later one: the file
        // starts with a title (an export from a workbook), one error rather than one per column.
        if headerIndex.allSatisfy({ $0 == nil }), let headerLine = HeaderMatch.laterHeaderLine(after: reader, buffer: buffer, declared: declaredNames) {
            diagnostics.append(.titleRowsBeforeHeader(headerLine: headerLine, at: SourceLocation(file: reader.file, line: header.line)))
            startsWithTitle = true
            return
        }
        // A declared column present under its own name is no typo of another one.
        let candidates = names.indices.filter { !names[$0].isEmpty && !declaredNames.contains(names[$0]) }
        for (declared, column) in spec.columns.enumerated() {
            if let index = headerIndex[declared] {
                indexes[column.name] = index
            } else if let index = candidates.first(where: { Suggestion.folded(names[$0]) == Suggestion.folded(column.name) }) {
                diagnostics.append(.columnNameDiffersInCase(column.name, header: names[index], hashtag: column.hxl, at: location(index)))
            } else {
                diagnostics.append(.missingColumn(column.name, hashtag: column.hxl, suggestion: Suggestion.nearest(to: column.name, in: candidates.map { names[$0] }),
                                                  at: SourceLocation(file: reader.file, line: header.line)))
            }
        }
    }

    /// The line, among the next few, that names declared columns (by the same case-insensitive
    /// comparison), when the first line names none: the real header under title lines.
    static func laterHeaderLine(after reader: CSVReader, buffer: UnsafeBufferPointer<UInt8>, declared: Set<String>) -> Int? {
        let folded = Set(declared.map(Suggestion.folded))
        var lookahead = reader
        var record = CSVRecord()
        for _ in 0..<10 {
            guard lookahead.peekRecord(into: &record) else { return nil }
            let names = record.cells.map { String(decoding: lookahead.contentBytes(of: $0), as: UTF8.self) }
            if names.contains(where: { folded.contains(Suggestion.folded($0)) }) { return record.line }
        }
        return nil
    }

    /// The trimmed cells of row 2 when it is an HXL row, read ahead on a copy of the reader
    /// (the main loop reads the row again); nil when it is not, or is malformed.
    static func hashtagRow(after reader: CSVReader, buffer: UnsafeBufferPointer<UInt8>) -> [String]? {
        var lookahead = reader
        var record = CSVRecord()
        guard lookahead.peekRecord(into: &record), record.isWellFormed,
              isHashtagRow(record, buffer: buffer) else { return nil }
        return record.cells.map { cell in
            String(decoding: lookahead.contentBytes(of: cell), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
    }

    /// At least half of the non-empty cells start with `#`: HDX's HXL row.
    static func isHashtagRow(_ record: CSVRecord, buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var nonEmpty = 0, hashtags = 0
        for cell in record.cells {
            let range = CSVReader.trimmed(cell.range, in: buffer)
            guard !range.isEmpty else { continue }
            nonEmpty += 1
            if buffer[range.lowerBound] == UInt8(ascii: "#") { hashtags += 1 }
        }
        return nonEmpty > 0 && hashtags * 2 >= nonEmpty
    }
}
