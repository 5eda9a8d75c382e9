import Foundation

/// Reads vocabulary files: CSV with an HXL hashtag row, as OCHA publishes its P-code list.
///
/// A file may open with rows of notes (where its words come from, and when); the hashtag row
/// is the first row, among the first `hashtagRowSearchLimit`, whose every filled cell starts
/// with `#`; the row above it is the header, whose names the loader reads; the rows below are
/// entries. Every problem is collected, each with its file, line and column.
public enum VocabularyLoader {
    /// How many rows a file may open with before its hashtag row (libhxl looks as far).
    public static let hashtagRowSearchLimit = 25
    /// A vocabulary file is a few hundred kilobytes at most (Nigeria's 811 P-codes take 33 kB).
    public static let maximumFileSize = 8 << 20

    /// One cell: its text, trimmed, and where it is.
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
    }

    /// A file's header and entries.
    public struct Table: Sendable {
        public var file: String
        public var header: [Cell]
        /// Where the header row is, for a message about a missing column.
        public var headerLocation: SourceLocation
        public var rows: [[Cell]]

        /// The index of the header cell named `column`.
        public func index(of column: String) -> Int? { header.firstIndex { $0.text == column } }

        /// The cell of `column` in `row`, empty (at the row's end) when the row is short.
        func cell(_ row: [Cell], _ index: Int) -> Cell {
            index < row.count ? row[index] : Cell(text: "", location: SourceLocation(file: file, line: row.last?.location.line ?? 0))
        }
    }

    /// The header and rows of one file's bytes.
    public static func table(_ bytes: [UInt8], file: String) -> Result<Table, DiagnosticList> {
        guard bytes.count <= maximumFileSize else {
            return .failure(DiagnosticList(.vocabularyTooLarge(file: file, size: bytes.count, limit: maximumFileSize)))
        }
        var reader = CSVReader(bytes: bytes, file: file)
        var record = CSVRecord()
        var records: [[Cell]] = []
        var diagnostics: [Diagnostic] = []
        while reader.nextRecord(into: &record) {
            var cells: [Cell] = []
            for cell in record.cells {
                guard let text = reader.string(of: cell) else {
                    diagnostics.append(.vocabularyInvalidUTF8(at: reader.location(of: cell)))
                    cells.append(Cell(text: "", location: reader.location(of: cell)))
                    continue
                }
                cells.append(Cell(text: trimmed(text), location: reader.location(of: cell)))
            }
            records.append(cells)
        }
        diagnostics = reader.diagnostics + diagnostics
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        let isHashtagRow = { (cells: [Cell]) in
            cells.contains { !$0.text.isEmpty } && cells.allSatisfy { $0.text.isEmpty || $0.text.hasPrefix("#") }
        }
        guard let hashtagRow = records.prefix(hashtagRowSearchLimit).firstIndex(where: isHashtagRow), hashtagRow > 0 else {
            return .failure(DiagnosticList(.vocabularyNoHashtagRow(at: SourceLocation(file: file, line: 1), limit: hashtagRowSearchLimit)))
        }
        let header = records[hashtagRow - 1]
        let headerLocation = header.first?.location ?? SourceLocation(file: file, line: 1)
        return .success(Table(file: file, header: header, headerLocation: headerLocation, rows: Array(records[(hashtagRow + 1)...])))
    }

    // MARK: Word lists

    /// A word list from its shipped file and the files that extend it, in order: a row of a
    /// later file rewords the key it names or adds one.
    public static func wordList(_ spec: VocabularySpec, tables: [Table]) -> Result<Vocabulary, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        var keys: [String] = []
        var rows: [String: [String: String]] = [:]
        for table in tables {
            let needed = ["key"] + spec.columns
            var indexes: [String: Int] = [:]
            for column in needed {
                if let index = table.index(of: column) {
                    indexes[column] = index
                } else {
                    diagnostics.append(.vocabularyMissingColumn(
                        column, vocabulary: spec.name, suggestion: Suggestion.nearest(to: column, in: table.header.map(\.text)),
                        at: table.headerLocation))
                }
            }
            guard indexes.count == needed.count else { continue }
            var firstLines: [String: Int] = [:]
            for row in table.rows {
                let key = table.cell(row, indexes["key"]!)
                guard !key.text.isEmpty else {
                    diagnostics.append(.vocabularyEmptyCell(column: "key", at: key.location))
                    continue
                }
                if let first = firstLines[key.text] {
                    diagnostics.append(.vocabularyDuplicateKey(key.text, firstLine: first, at: key.location))
                    continue
                }
                firstLines[key.text] = key.location.line
                if let closed = spec.keys, !closed.contains(key.text) {
                    diagnostics.append(.vocabularyKeyNotThePlugins(
                        key.text, vocabulary: spec.name, keys: closed, suggestion: Suggestion.nearest(to: key.text, in: closed), at: key.location))
                    continue
                }
                var values: [String: String] = [:]
                for column in spec.columns {
                    let cell = table.cell(row, indexes[column]!)
                    // `unknown` and other columns past the forms may be empty; the words may not.
                    if cell.text.isEmpty, spec.forms.contains(where: { column.hasPrefix("\($0)_") }) {
                        diagnostics.append(.vocabularyEmptyCell(column: column, at: cell.location))
                    }
                    values[column] = cell.text
                }
                if rows[key.text] == nil { keys.append(key.text) }
                rows[key.text] = values
            }
        }
        if diagnostics.isEmpty, let closed = spec.keys, let file = tables.first?.file {
            for key in closed where rows[key] == nil {
                diagnostics.append(.vocabularyKeyMissing(key, vocabulary: spec.name, at: SourceLocation(file: file)))
            }
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        return .success(Vocabulary(name: spec.name, files: tables.map(\.file), keys: keys, rows: rows))
    }

    // MARK: P-codes

    /// The columns of a P-code file: those of OCHA's global P-code list, so that its rows can be
    /// pasted as they are.
    public enum PCodeColumns {
        public static let country = "Location"
        public static let level = "Admin Level"
        public static let code = "P-Code"
        public static let name = "Name"
        public static let parent = "Parent P-Code"
        static let all = [country, level, code, name, parent]
    }

    /// The P-codes of every file, in order; a later file may add codes, not list one again.
    public static func adminAreas(_ tables: [Table]) -> Result<AdminAreas, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        var areas: [AdminArea] = []
        var seen: [String: SourceLocation] = [:]
        var parents: [(parent: Cell, level: Int, country: String)] = []
        var iso2: [String: String] = [:]
        // Codes of rows refused for another reason: their children are not reported again.
        var refused: Set<String> = []
        for table in tables {
            var indexes: [String: Int] = [:]
            for column in PCodeColumns.all {
                if let index = table.index(of: column) {
                    indexes[column] = index
                } else {
                    diagnostics.append(.vocabularyMissingColumn(
                        column, vocabulary: "pcodes", suggestion: Suggestion.nearest(to: column, in: table.header.map(\.text)),
                        at: table.headerLocation))
                }
            }
            guard indexes.count == PCodeColumns.all.count else { continue }
            for row in table.rows {
                let cells = PCodeColumns.all.map { table.cell(row, indexes[$0]!) }
                let (country, level, code, name, parent) = (cells[0], cells[1], cells[2], cells[3], cells[4])
                var valid = true
                for (column, cell) in zip(PCodeColumns.all, cells) where cell.text.isEmpty {
                    diagnostics.append(.vocabularyEmptyCell(column: column, at: cell.location))
                    valid = false
                }
                guard valid else {
                    refused.insert(code.text.uppercased())
                    continue
                }
                guard let levelNumber = Int(level.text), levelNumber >= 1 else {
                    diagnostics.append(.vocabularyNotALevel(level.text, at: level.location))
                    refused.insert(code.text.uppercased())
                    continue
                }
                let countryCode = country.text.uppercased()
                guard countryCode.count == 3, countryCode.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    diagnostics.append(.vocabularyNotACountryCode(country.text, at: country.location))
                    refused.insert(code.text.uppercased())
                    continue
                }
                let codeText = code.text.uppercased()
                if let first = seen[codeText] {
                    diagnostics.append(.vocabularyDuplicatePCode(codeText, first: first, at: code.location))
                    continue
                }
                seen[codeText] = code.location
                if !codeText.hasPrefix(countryCode), iso2[countryCode] == nil, codeText.count > 2 {
                    iso2[countryCode] = String(codeText.prefix(2))
                }
                if codeText.hasPrefix(countryCode), iso2[countryCode] == nil {
                    iso2[countryCode] = ""
                }
                parents.append((parent, levelNumber, countryCode))
                areas.append(AdminArea(code: codeText, name: name.text, level: levelNumber, parent: parent.text.uppercased(),
                                       country: countryCode, file: table.file))
            }
        }
        // The ISO2 prefix of a vocabulary written with ISO3 codes is not known from its codes.
        let prefixes = iso2.filter { !$0.value.isEmpty }
        let known = AdminAreas(areas, iso2: prefixes)
        for (parent, level, country) in parents {
            let expected = level == 1 ? country : nil
            if let expected {
                if parent.text.uppercased() != expected {
                    diagnostics.append(.vocabularyWrongCountryParent(parent.text, country: expected, at: parent.location))
                }
            } else if let area = known.area(parent.text), area.level == level - 1 {
                continue
            } else if refused.contains(parent.text.uppercased()) {
                continue
            } else {
                let nearest = Array(known.nearest(to: parent.text, limit: 40).filter { $0.level == level - 1 }.prefix(3))
                diagnostics.append(.vocabularyUnknownParent(parent.text, level: level, nearest: nearest, at: parent.location))
            }
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        return .success(known)
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without a call into Foundation for the
    /// cells that start and end with a visible ASCII character: nearly every cell of a P-code
    /// list, and the call cost a twentieth of a small run. The other cells, with a space at an
    /// end or a character past ASCII there (which may be a no-break space), take the long way.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last,
           first > UInt8(ascii: " "), first < 0x80, last > UInt8(ascii: " "), last < 0x80 {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
