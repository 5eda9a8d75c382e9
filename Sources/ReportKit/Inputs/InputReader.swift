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

    /// Reads `bytes` as the input `spec` describes; `file` is the name messages give.
    public static func read(_ bytes: [UInt8], file: String, spec: InputSpec) -> Result<InputTable, DiagnosticList> {
        var reader = CSVReader(bytes: bytes, file: file)
        return bytes.withUnsafeBufferPointer { buffer in
            TableReading.read(&reader, buffer: buffer, spec: spec)
        }
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

/// One pass over a file: the header, then every row into the column builders.
private enum TableReading {
    static func read(_ reader: inout CSVReader, buffer: UnsafeBufferPointer<UInt8>,
                     spec: InputSpec) -> Result<InputTable, DiagnosticList> {
        let file = reader.file
        var diagnostics: [Diagnostic] = []
        var record = CSVRecord()

        guard reader.nextRecord(in: buffer, into: &record) else {
            reader.moveDiagnostics(into: &diagnostics)
            if diagnostics.isEmpty {
                diagnostics.append(.emptyInputFile(expectedColumns: spec.columns.map(\.name), at: SourceLocation(file: file)))
            }
            return .failure(DiagnosticList(diagnostics))
        }
        reader.moveDiagnostics(into: &diagnostics)
        // A header with a broken structure would only produce misleading messages about
        // missing columns and cell counts.
        guard record.isWellFormed else { return .failure(DiagnosticList(diagnostics)) }

        let headerCount = record.cells.count
        var matches: [HashtagMatch] = []
        var builders = columnBuilders(header: record, reader: reader, buffer: buffer, spec: spec,
                                      matches: &matches, diagnostics: &diagnostics)
        var lines: [Int] = []

        var isSecondRow = true
        while reader.nextRecord(in: buffer, into: &record) {
            reader.moveDiagnostics(into: &diagnostics)
            if isSecondRow {
                isSecondRow = false
                if isHashtagRow(record, buffer: buffer) { continue }
            }
            guard record.isWellFormed else { continue }
            if lines.isEmpty {
                let estimate = estimatedRowCount(buffer: buffer, firstRow: record)
                for index in builders.indices { builders[index].reserve(estimate) }
                lines.reserveCapacity(estimate)
            }
            guard record.cells.count == headerCount else {
                diagnostics.append(.wrongCellCount(record.cells.count, expected: headerCount,
                                                   at: SourceLocation(file: file, line: record.line)))
                continue
            }
            lines.append(record.line)
            for index in builders.indices {
                builders[index].append(record.cells[builders[index].headerIndex], buffer: buffer, reader: reader,
                                       diagnostics: &diagnostics)
            }
            if diagnostics.count >= InputReader.maximumErrorsPerFile {
                diagnostics.append(.tooManyErrors(InputReader.maximumErrorsPerFile, at: SourceLocation(file: file, line: record.line)))
                return .failure(DiagnosticList(diagnostics))
            }
        }
        reader.moveDiagnostics(into: &diagnostics)

        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        var columns: [String: InputColumn] = [:]
        for builder in builders { columns[builder.name] = builder.column }
        return .success(InputTable(file: file, rowCount: lines.count, lines: lines, columns: columns,
                                   columnsFoundByHashtag: matches))
    }

    /// Matches the header to the declared columns, by name and then by hashtag, and reports
    /// duplicates and missing ones.
    static func columnBuilders(header: CSVRecord, reader: CSVReader, buffer: UnsafeBufferPointer<UInt8>, spec: InputSpec,
                               matches: inout [HashtagMatch], diagnostics: inout [Diagnostic]) -> [ColumnBuilder] {
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
        if headerIndex.contains(nil), let hashtags = hashtagRow(after: reader, buffer: buffer) {
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
                matches.append(HashtagMatch(file: reader.file, column: column.name, header: names[index], hashtag: hashtags[index]))
            }
        }

        // A declared column present under its own name is no typo of another one.
        let candidates = names.filter { !$0.isEmpty && !declaredNames.contains($0) }
        var builders: [ColumnBuilder] = []
        for (declared, column) in spec.columns.enumerated() {
            if let index = headerIndex[declared] {
                builders.append(ColumnBuilder(column, headerIndex: index))
            } else {
                diagnostics.append(.missingColumn(column.name, hashtag: column.hxl, suggestion: Suggestion.nearest(to: column.name, in: candidates),
                                                  at: SourceLocation(file: reader.file, line: header.line)))
            }
        }
        return builders
    }

    /// The trimmed cells of row 2 when it is an HXL row, read ahead on a copy of the reader
    /// (the main loop reads the row again); nil when it is not, or is malformed.
    static func hashtagRow(after reader: CSVReader, buffer: UnsafeBufferPointer<UInt8>) -> [String]? {
        var lookahead = reader
        var record = CSVRecord()
        guard lookahead.nextRecord(in: buffer, into: &record), record.isWellFormed,
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

    /// Rows the file probably holds, from the first row's length, so that column arrays are
    /// allocated about once. Capped so that a misleading guess cannot reserve much memory.
    static func estimatedRowCount(buffer: UnsafeBufferPointer<UInt8>, firstRow: CSVRecord) -> Int {
        guard let first = firstRow.cells.first, let last = firstRow.cells.last else { return 0 }
        let rowLength = max(16, last.range.upperBound - first.start + 1)
        let rows = (buffer.count - first.start) / rowLength + 1
        return min(rows + rows / 8, 1 << 22)
    }
}

/// The typed values of one declared column, appended row by row.
private struct ColumnBuilder {
    // No payload on the cases: binding one in the per-cell switch would retain and release it
    // for every cell.
    enum Kind {
        case date, count, optionalCount, text, optionalText, flag, choice
    }

    let name: String
    let kind: Kind
    let headerIndex: Int
    let choices: [String]
    let encodedChoices: [[UInt8]]
    var dates: [Day] = []
    var counts: [Int] = []
    var optionalCounts: [Int?] = []
    var texts: [String] = []
    var flags: [Bool] = []

    init(_ spec: ColumnSpec, headerIndex: Int) {
        name = spec.name
        self.headerIndex = headerIndex
        if case .choice(let values) = spec.type {
            choices = values
            encodedChoices = values.map { Array($0.utf8) }
        } else {
            choices = []
            encodedChoices = []
        }
        switch spec.type {
        case .date: kind = .date
        case .count: kind = .count
        case .optionalCount: kind = .optionalCount
        case .text: kind = .text
        case .optionalText: kind = .optionalText
        case .flag: kind = .flag
        case .choice: kind = .choice
        }
    }

    mutating func reserve(_ count: Int) {
        switch kind {
        case .date: dates.reserveCapacity(count)
        case .count: counts.reserveCapacity(count)
        case .optionalCount: optionalCounts.reserveCapacity(count)
        case .text, .optionalText, .choice: texts.reserveCapacity(count)
        case .flag: flags.reserveCapacity(count)
        }
    }

    var column: InputColumn {
        switch kind {
        case .date: .dates(dates)
        case .count: .counts(counts)
        case .optionalCount: .optionalCounts(optionalCounts)
        case .text, .optionalText, .choice: .texts(texts)
        case .flag: .flags(flags)
        }
    }

    mutating func append(_ cell: CSVCell, buffer: UnsafeBufferPointer<UInt8>, reader: CSVReader,
                         diagnostics: inout [Diagnostic]) {
        if cell.hasEscapedQuote {
            // Rare: collapse the `""` pairs into a copy and read that.
            let content = reader.contentBytes(of: cell)
            content.withUnsafeBufferPointer { value in
                append(value, cell: cell, reader: reader, diagnostics: &diagnostics)
            }
        } else {
            let range = cell.isQuoted ? cell.range : CSVReader.trimmed(cell.range, in: buffer)
            append(UnsafeBufferPointer(rebasing: buffer[range]), cell: cell, reader: reader, diagnostics: &diagnostics)
        }
    }

    /// Converts one value: trimmed when the cell was unquoted, verbatim when quoted.
    private mutating func append(_ value: UnsafeBufferPointer<UInt8>, cell: CSVCell, reader: CSVReader,
                                 diagnostics: inout [Diagnostic]) {
        switch kind {
        case .date:
            if let day = Self.day(value) {
                dates.append(day)
            } else {
                diagnostics.append(value.isEmpty ? .emptyCell(column: name, at: reader.location(of: cell))
                                   : invalid(value, cell, reader) ?? .notADate(Self.text(value), column: name, at: reader.location(of: cell)))
            }
        case .count:
            if let count = count(value, cell, reader, &diagnostics) { counts.append(count) }
        case .optionalCount:
            if value.isEmpty {
                optionalCounts.append(nil)
            } else if let count = count(value, cell, reader, &diagnostics) {
                optionalCounts.append(count)
            }
        case .text, .optionalText:
            if let text = text(value, cell, reader, &diagnostics) { texts.append(text) }
        case .choice:
            let trimmed = Self.trimmed(value)
            if let index = encodedChoices.firstIndex(where: { $0.elementsEqual(trimmed) }) {
                // The declared string itself: every row shares its storage.
                texts.append(choices[index])
            } else if trimmed.isEmpty {
                diagnostics.append(.emptyCell(column: name, at: reader.location(of: cell)))
            } else {
                let shown = Self.text(trimmed)
                diagnostics.append(invalid(value, cell, reader) ?? .notAChoice(
                    shown, allowed: choices, column: name, suggestion: Self.suggestion(for: shown, in: choices),
                    at: reader.location(of: cell)))
            }
        case .flag:
            if value.elementsEqual("true".utf8) {
                flags.append(true)
            } else if value.elementsEqual("false".utf8) {
                flags.append(false)
            } else if value.isEmpty {
                diagnostics.append(.emptyCell(column: name, at: reader.location(of: cell)))
            } else {
                let shown = Self.text(value)
                diagnostics.append(invalid(value, cell, reader) ?? .notAFlag(
                    shown, column: name, suggestion: Suggestion.nearest(to: shown, in: ["false", "true"]),
                    at: reader.location(of: cell)))
            }
        }
    }

    private func count(_ value: UnsafeBufferPointer<UInt8>, _ cell: CSVCell, _ reader: CSVReader,
                       _ diagnostics: inout [Diagnostic]) -> Int? {
        guard !value.isEmpty else {
            diagnostics.append(.emptyCell(column: name, at: reader.location(of: cell)))
            return nil
        }
        var result = 0
        for byte in value {
            guard byte &- UInt8(ascii: "0") < 10 else {
                diagnostics.append(invalid(value, cell, reader)
                                   ?? .notACount(Self.text(value), column: name, at: reader.location(of: cell)))
                return nil
            }
            // Wrapping arithmetic: an overlong value is refused below before it is used.
            result = result &* 10 &+ Int(byte &- UInt8(ascii: "0"))
        }
        guard value.count <= InputReader.maximumCountDigits else {
            diagnostics.append(.countTooLarge(Self.text(value), column: name, at: reader.location(of: cell)))
            return nil
        }
        return result
    }

    private func text(_ value: UnsafeBufferPointer<UInt8>, _ cell: CSVCell, _ reader: CSVReader,
                      _ diagnostics: inout [Diagnostic]) -> String? {
        let check = UTF8Check.classify(value)
        if check == .invalid {
            diagnostics.append(.invalidUTF8(Self.text(value), column: name, at: reader.location(of: cell)))
            return nil
        }
        if case .text = kind, Self.trimmed(value).isEmpty {
            diagnostics.append(.emptyCell(column: name, at: reader.location(of: cell)))
            return nil
        }
        let text = Self.text(value)
        if check == .utf8, Mojibake.isLikely(value) {
            diagnostics.append(.doubleEncoded(text, column: name, suggestion: Mojibake.repaired(text),
                                              at: reader.location(of: cell)))
            return nil
        }
        return text
    }

    /// The invalid-UTF-8 message, when that is the reason a value does not fit: saying
    /// "not a date" about bytes that are not even text would send the user the wrong way.
    private func invalid(_ value: UnsafeBufferPointer<UInt8>, _ cell: CSVCell, _ reader: CSVReader) -> Diagnostic? {
        guard UTF8Check.classify(value) == .invalid else { return nil }
        return .invalidUTF8(Self.text(value), column: name, at: reader.location(of: cell))
    }

    /// `Suggestion.nearest`, or else a value that two swapped neighbouring letters would give:
    /// short codes such as `bsu` for `bus` are too short for an edit-distance limit of one,
    /// yet a swap is the commonest typo.
    static func suggestion(for value: String, in values: [String]) -> String? {
        if let nearest = Suggestion.nearest(to: value, in: values) { return nearest }
        let typed = Array(value.lowercased())
        return values.sorted().first { candidate in
            let wanted = Array(candidate.lowercased())
            guard wanted.count == typed.count,
                  let first = typed.indices.first(where: { typed[$0] != wanted[$0] }),
                  first + 1 < typed.count else { return false }
            var swapped = typed
            swapped.swapAt(first, first + 1)
            return swapped == wanted
        }
    }

    private static func text(_ value: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: value, as: UTF8.self)
    }

    private static func trimmed(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: value[CSVReader.trimmed(0..<value.count, in: value)])
    }

    /// `Day(iso:)` without building a string per cell: the same layouts (`YYYY-MM-DD`,
    /// optionally `T00:00:00`) and the same calendar check through `Day(year:month:day:)`.
    private static func day(_ value: UnsafeBufferPointer<UInt8>) -> Day? {
        guard value.count == 10 || value.count == 19 && value[10...].elementsEqual("T00:00:00".utf8),
              value[4] == UInt8(ascii: "-"), value[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for index in range {
                let digit = value[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                result = result * 10 + Int(digit)
            }
            return result
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

/// UTF-8 text that was read as Latin-1 and saved as UTF-8 again: `é` (C3 A9) becomes `Ã©`.
enum Mojibake {
    /// `Ã` or `Â` followed by a character in U+0080–U+00BF, byte for byte: C3 82|83 C2 80–BF.
    static func isLikely(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= 4 else { return false }
        for index in 0..<(value.count - 3)
        where value[index] == 0xC3 && (value[index + 1] == 0x82 || value[index + 1] == 0x83)
            && value[index + 2] == 0xC2 && (0x80...0xBF).contains(value[index + 3]) {
            return true
        }
        return false
    }

    /// The text re-decoded (each scalar taken as a Latin-1 byte, the bytes read as UTF-8), or
    /// nil when that does not give valid UTF-8. When the text mixes repaired and broken
    /// characters, only the pairs that form a two-byte UTF-8 character are repaired.
    static func repaired(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if scalars.allSatisfy({ $0.value <= 0xFF }) {
            let bytes = scalars.map { UInt8($0.value) }
            let valid = bytes.withUnsafeBufferPointer { UTF8Check.classify($0) != .invalid }
            if valid { return String(decoding: bytes, as: UTF8.self) }
        }
        var result = String.UnicodeScalarView()
        var index = 0
        var changed = false
        while index < scalars.count {
            let lead = scalars[index].value
            if index + 1 < scalars.count, (0xC2...0xDF).contains(lead),
               (0x80...0xBF).contains(scalars[index + 1].value),
               let repaired = UnicodeScalar((lead & 0x1F) << 6 | (scalars[index + 1].value & 0x3F)) {
                result.append(repaired)
                index += 2
                changed = true
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(result) : nil
    }
}
