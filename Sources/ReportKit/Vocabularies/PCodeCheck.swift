import Foundation

/// Checks the P-code columns of a report's inputs against the P-code vocabulary and rewrites
/// them in its form, before the plugin runs.
///
/// A code is looked up trimmed, in either case and with either prefix (`MLI07`, `ml07`, `ML07`);
/// the plugin gets the vocabulary's code (`ML07`). The name column that goes with it gets the
/// vocabulary's name when the two differ only by accents or case (`Segou` becomes `Ségou`, with
/// a note); any other difference, an unknown code or a code of another admin level is an error.
/// Each distinct problem is reported once, at the first cell where it occurs.
enum PCodeCheck {
    struct Outcome {
        var inputs: PluginInputs
        var diagnostics: [Diagnostic] = []
        var notes: [Note] = []
        /// The cells the messages are about (file and line, declared column), to find their columns.
        var cells: [(location: SourceLocation, column: String)] = []

        /// Gives each message the column of its cell: in a workbook, the sheet and cell of the
        /// row and column the table was read from; in a CSV file, read again from the file, only
        /// for the few cells messages name, so the rows themselves never carry positions. A file
        /// that cannot be read again keeps line-only positions.
        mutating func placeCells(root: URL, tables: [String: InputTable], tableColumns: [String: TableColumns] = [:]) {
            var placed: [SourceLocation: [String: SourceLocation]] = [:]
            for (file, cells) in Dictionary(grouping: cells, by: { $0.location.file }) {
                guard let table = tables.values.first(where: { $0.file == file }) else { continue }
                let columns = tableColumns[file]
                if let columns, columns.place.sheet != nil {
                    for index in diagnostics.indices {
                        diagnostics[index].location = Self.place(diagnostics[index].location, subject: diagnostics[index].subject, in: columns)
                    }
                    for index in notes.indices {
                        notes[index].location = Self.place(notes[index].location, subject: notes[index].subject, in: columns)
                    }
                    continue
                }
                let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : root.appendingPathComponent(file)
                let headers = Dictionary(uniqueKeysWithValues: Set(cells.map(\.column)).map { column in
                    (column, table.columnsFoundByHashtag.first { $0.column == column }?.header ?? column)
                })
                let asked = cells.map { (line: $0.location.line, header: headers[$0.column]!, index: columns?.columns[$0.column]) }
                for (location, found) in CellLocator.locate(asked, in: url, file: file) {
                    placed[SourceLocation(file: file, line: location.line), default: [:]][found.header] = found.location
                }
                for index in diagnostics.indices {
                    diagnostics[index].location = Self.place(diagnostics[index].location, subject: diagnostics[index].subject,
                                                             headers: headers, placed: placed)
                }
                for index in notes.indices {
                    notes[index].location = Self.place(notes[index].location, subject: notes[index].subject, headers: headers, placed: placed)
                }
            }
        }

        /// A line-only location in a workbook's table as the cell of the column `subject` names.
        private static func place(_ location: SourceLocation?, subject: String, in columns: TableColumns) -> SourceLocation? {
            guard let location, location.file == columns.place.file, location.column == 0, !location.isSheetCell else { return location }
            let column = columns.columns.keys.first { Diagnostic.inputColumnSubject($0) == subject }
            return columns.cell(column ?? "", at: location) ?? location
        }

        private static func place(_ location: SourceLocation?, subject: String, headers: [String: String],
                                  placed: [SourceLocation: [String: SourceLocation]]) -> SourceLocation? {
            guard let location, location.column == 0,
                  let column = headers.keys.first(where: { Diagnostic.inputColumnSubject($0) == subject }),
                  let cell = placed[location]?[headers[column]!] else { return location }
            return cell
        }
    }

    /// How many rewritten codes a note lists before counting the rest.
    static let codesListed = 5

    /// `root` is the folder input paths are relative to, where the cells of a message are found
    /// again for their column.
    static func apply(to inputs: PluginInputs, description: PluginDescription, areas: AdminAreas, root: URL,
                      tableColumns: [String: TableColumns] = [:]) -> Outcome {
        var outcome = Outcome(inputs: inputs)
        var tables = inputs.tables
        for spec in description.inputs {
            guard var table = tables[spec.name] else { continue }
            for column in spec.columns {
                guard let pcode = column.pcode, case .texts(let codes) = table.columns[column.name] else { continue }
                var names: [String]?
                if let nameColumn = pcode.nameColumn, case .texts(let values) = table.columns[nameColumn] { names = values }
                var checkedCodes: [String: String?] = [:]
                var checkedNames: Set<String> = []
                var rewritten: [(from: String, to: String)] = []
                var newCodes = codes, newNames = names
                for row in 0..<table.rowCount {
                    let code = codes[row]
                    let at = SourceLocation(file: table.file, line: table.lines[row])
                    if checkedCodes[code] == nil {
                        checkedCodes[code] = check(code, column: column.name, level: pcode.level, areas: areas, at: at, into: &outcome)
                        if let found = checkedCodes[code]!, found != code { rewritten.append((code, found)) }
                    }
                    guard let found = checkedCodes[code]!, let area = areas.area(found) else { continue }
                    newCodes[row] = found
                    guard let nameColumn = pcode.nameColumn, let name = names?[row] else { continue }
                    if checkName(name, of: area, column: nameColumn, at: at, seen: &checkedNames, into: &outcome) { newNames?[row] = area.name }
                }
                if !rewritten.isEmpty, let row = codes.indices.first(where: { codes[$0] == rewritten[0].from }) {
                    let listed = rewritten.prefix(codesListed).map { "\($0.from.trimmingCharacters(in: .whitespaces)) → \($0.to)" }
                    let at = SourceLocation(file: table.file, line: table.lines[row])
                    outcome.notes.append(.pcodesInVocabularyForm(listed, more: rewritten.count - listed.count, column: column.name, at: at))
                    outcome.cells.append((at, column.name))
                }
                var columns = table.columns
                columns[column.name] = .texts(newCodes)
                if let nameColumn = pcode.nameColumn, let newNames { columns[nameColumn] = .texts(newNames) }
                table = InputTable(file: table.file, rowCount: table.rowCount, lines: table.lines, columns: columns,
                                   columnsFoundByHashtag: table.columnsFoundByHashtag)
            }
            tables[spec.name] = table
        }
        outcome.inputs = PluginInputs(tables)
        outcome.placeCells(root: root, tables: inputs.tables, tableColumns: tableColumns)
        return outcome
    }

    /// Checks the codes a census gathered from an input whose aggregate keeps no rows; the
    /// outcome's `forms` give the vocabulary's form of each code written otherwise. Names are
    /// checked only when the aggregate reads them: a plugin that never reads a name column is
    /// not slowed by decoding one. A name that passes stands for its code's area, so the plugin
    /// reads it from the vocabulary (`vocabularies.areas`) rather than keeping it.
    static func apply(to census: PCodeCensus, spec: InputSpec, file: String, areas: AdminAreas, root: URL,
                      columnsFoundByHashtag: [HashtagMatch], tableColumns: [String: TableColumns]) -> (outcome: Outcome, forms: [String: [String: String]]) {
        var outcome = Outcome(inputs: PluginInputs())
        var forms: [String: [String: String]] = [:]
        for column in spec.columns {
            guard let pcode = column.pcode, let codes = census.codes[column.name] else { continue }
            var rewritten: [(from: String, to: String, line: Int)] = []
            var found: [String: String] = [:]
            for code in codes {
                let at = SourceLocation(file: file, line: code.line)
                guard let area = check(code.code, column: column.name, level: pcode.level, areas: areas, at: at, into: &outcome) else { continue }
                found[code.code] = area
                if area != code.code {
                    forms[column.name, default: [:]][code.code] = area
                    rewritten.append((code.code, area, code.line))
                }
            }
            if let nameColumn = census.nameColumns[column.name] {
                var checkedNames: Set<String> = []
                for named in census.names[column.name] ?? [] {
                    guard let code = found[named.code], let area = areas.area(code) else { continue }
                    _ = checkName(named.name, of: area, column: nameColumn, at: SourceLocation(file: file, line: named.line),
                                  seen: &checkedNames, into: &outcome)
                }
            }
            if let first = rewritten.first {
                let listed = rewritten.prefix(codesListed).map { "\($0.from.trimmingCharacters(in: .whitespaces)) → \($0.to)" }
                let at = SourceLocation(file: file, line: first.line)
                outcome.notes.append(.pcodesInVocabularyForm(listed, more: rewritten.count - listed.count, column: column.name, at: at))
                outcome.cells.append((at, column.name))
            }
        }
        let table = InputTable(file: file, rowCount: 0, lines: [], columns: [:], columnsFoundByHashtag: columnsFoundByHashtag)
        outcome.placeCells(root: root, tables: [spec.name: table], tableColumns: tableColumns)
        return (outcome, forms)
    }

    /// Checks `name`, written with a code of `area`: true when it stands for the area, whose
    /// vocabulary name replaces it (the same, or the same but for accents and case, or a near
    /// spelling, with a note), false after reporting another name. `seen` keeps each (code, name)
    /// pair reported once.
    private static func checkName(_ name: String, of area: AdminArea, column nameColumn: String, at: SourceLocation,
                                  seen checkedNames: inout Set<String>, into outcome: inout Outcome) -> Bool {
        let written = name.trimmingCharacters(in: .whitespaces)
        if written == area.name { return true }
        let pair = "\(area.code)\u{0}\(name)"
        if written.foldedForComparison == area.name.foldedForComparison {
            if checkedNames.insert(pair).inserted {
                outcome.notes.append(.pcodeNameAsVocabulary(name, area: area, column: nameColumn, at: at))
                outcome.cells.append((at, nameColumn))
            }
            return true
        }
        if isNearSpelling(written, of: area.name) {
            // The code is the key and the name only its label: a published file's misspelling
            // of the code's own name (`Koulikouro` for ML02 Koulikoro) is written as the
            // vocabulary writes it, and said; another name is an error.
            if checkedNames.insert(pair).inserted {
                outcome.notes.append(.pcodeNameNearSpelling(name, area: area, column: nameColumn, at: at))
                outcome.cells.append((at, nameColumn))
            }
            return true
        }
        if checkedNames.insert(pair).inserted {
            outcome.diagnostics.append(.pcodeNameMismatch(name, area: area, column: nameColumn, at: at))
            outcome.cells.append((at, nameColumn))
        }
        return false
    }

    /// The vocabulary's form of `code`, or nil after reporting why there is none.
    private static func check(_ code: String, column: String, level: Int, areas: AdminAreas, at location: SourceLocation,
                              into outcome: inout Outcome) -> String? {
        guard let area = areas.area(code) else {
            let nearest = Array(areas.nearest(to: code, limit: 40).filter { $0.level == level }.prefix(3))
            outcome.diagnostics.append(.pcodeUnknown(code, level: level, file: areas.file(for: code), nearest: nearest, column: column, at: location))
            outcome.cells.append((location, column))
            return nil
        }
        guard area.level == level else {
            outcome.diagnostics.append(.pcodeWrongLevel(code, area: area, level: level, column: column, at: location))
            outcome.cells.append((location, column))
            return nil
        }
        return area.code
    }
}

/// Finds again where cells of a CSV file are, by line and header name.
enum CellLocator {
    struct Found {
        var header: String
        var location: SourceLocation
    }

    /// The location of the cell of each `(line, header)` asked for (the cell at `index` when it
    /// is given: a mapped file's column, whose header is not the plugin's name); none for a
    /// file that is not CSV or cannot be read.
    static func locate(_ cells: [(line: Int, header: String, index: Int?)], in url: URL, file: String) -> [(SourceLocation, Found)] {
        guard url.pathExtension.lowercased() == "csv", let data = FileManager.default.contents(atPath: url.path) else { return [] }
        var reader = CSVReader(bytes: Array(data), file: file)
        var record = CSVRecord()
        guard reader.nextRecord(into: &record) else { return [] }
        let names = record.cells.map { reader.string(of: $0)?.trimmingCharacters(in: .whitespaces) ?? "" }
        let wanted = Dictionary(grouping: cells, by: \.line)
        guard let last = wanted.keys.max() else { return [] }
        var found: [(SourceLocation, Found)] = []
        while reader.nextRecord(into: &record), record.line <= last {
            guard let asked = wanted[record.line] else { continue }
            for cell in asked {
                guard let index = cell.index ?? names.firstIndex(of: cell.header), index < record.cells.count else { continue }
                found.append((SourceLocation(file: file, line: record.line),
                              Found(header: cell.header, location: reader.location(of: record.cells[index]))))
            }
        }
        return found
    }
}

/// A spelling of `name` one or two letters off (accents and case aside), for names of five
/// letters or more: short names are too close to each other for a guess.
private func isNearSpelling(_ written: String, of name: String) -> Bool {
    let (a, b) = (written.foldedForComparison, name.foldedForComparison)
    guard min(a.count, b.count) >= 5 else { return false }
    return Suggestion.editDistance(a, b) <= 2
}
