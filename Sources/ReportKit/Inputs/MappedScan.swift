import Foundation

/// The reading of an input that is not a CSV file in the plugin's own format: a workbook, a
/// file with a mapping in `reports.yaml`, or a CSV file whose table does not start on line 1.
/// Rows go one by one through `TableReader`, on one thread; the plain CSV path
/// (`InputScan`) stays what it is for the files it fits.
enum MappedScan {
    /// Whether `input`'s CSV needs this reading without a mapping: its hashtag row is
    /// further down than line 2, or first (a hashtag row and no header). `window` reads the
    /// file from its start; the reading that follows starts again from its first bytes.
    static func csvTableIsElsewhere(window: ByteWindow, file: String) -> Bool {
        var reader = CSVReader(window: window, file: file)
        var record = CSVRecord()
        var index = 0
        while index < TableLocator.searchedRows, reader.fileOffset < 1 << 20, reader.nextRecord(into: &record) {
            let cells = record.cells.map { CellValue.text(String(decoding: reader.contentBytes(of: $0), as: UTF8.self)) }
            if TableLocator.isHashtagRow(cells) { return index != 1 }
            index += 1
        }
        return false
    }

    /// Reads the workbook at `url`.
    static func scanWorkbook(url: URL, file: String, spec: InputSpec, mapping: InputMapping?, consumers: [InputConsumer],
                             areas: AdminAreas? = nil, limits: Workbook.Limits = .standard) -> Result<InputScan.Output, DiagnosticList> {
        guard let input = InputFile.open(url, name: file) else {
            let location = SourceLocation(file: file)
            return .failure(DiagnosticList(FileManager.default.fileExists(atPath: url.path) ? .inputFileUnreadable(at: location)
                                            : .inputFileNotFound(at: location)))
        }
        return scanWorkbook(input, url: url, file: file, spec: spec, mapping: mapping, consumers: consumers, areas: areas, limits: limits)
    }

    /// Reads the open workbook `input`.
    static func scanWorkbook(_ input: InputFile, url: URL, file: String, spec: InputSpec, mapping: InputMapping?, consumers: [InputConsumer],
                             areas: AdminAreas? = nil, limits: Workbook.Limits = .standard) -> Result<InputScan.Output, DiagnosticList> {
        let workbook: Workbook
        switch Workbook.open(input, url: url, file: file, limits: limits) {
        case .success(let opened): workbook = opened
        case .failure(let diagnostic): return .failure(DiagnosticList(diagnostic))
        }
        let location = SourceLocation(file: file)
        do {
            let strings = try workbook.sharedStrings()
            let sheet: Workbook.Sheet
            switch chooseSheet(workbook, strings: strings, choice: mapping?.sheet) {
            case .success(let chosen): sheet = chosen
            case .failure(let diagnostic): return .failure(DiagnosticList(diagnostic))
            }
            let merges = try workbook.mergedRanges(of: sheet)
            let reader = TableReader(place: TablePlace(file: file, sheet: sheet.name), spec: spec, mapping: mapping, consumers: consumers,
                                     uses1904: workbook.uses1904, areas: areas)
            let scanner = SheetScanner(workbook: workbook, strings: strings, merges: merges)
            var narrowed = false
            try scanner.read(sheet) { number, cells in
                guard reader.add(SourceRow(number: number, cells: cells)) else { throw SheetScanner.Stop() }
                if !narrowed, let wanted = reader.wantedColumns {
                    narrowed = true
                    scanner.wantedColumns = wanted
                }
            }
            return output(reader, checksumOf: input)
        } catch let failure as Workbook.PartError {
            return .failure(DiagnosticList(failure.diagnostic(at: location)))
        } catch {
            return .failure(DiagnosticList(.workbookCorrupt(reason: "a part cannot be read (is the file truncated?)", at: location)))
        }
    }

    /// Reads the CSV file open as `descriptor` (tests).
    static func scanCSV(descriptor: Int32, size: Int, url: URL, file: String, spec: InputSpec, mapping: InputMapping?,
                        consumers: [InputConsumer], areas: AdminAreas? = nil) -> Result<InputScan.Output, DiagnosticList> {
        let input = InputFile(descriptor: descriptor, size: size, name: file)
        return scanCSV(input, window: ByteWindow(file: input, from: 0, to: size), file: file, spec: spec, mapping: mapping,
                       consumers: consumers, areas: areas)
    }

    /// Reads a CSV file through the tokenizer, row by row; `window` reads `input` from its start.
    static func scanCSV(_ input: InputFile, window: ByteWindow, file: String, spec: InputSpec, mapping: InputMapping?,
                        consumers: [InputConsumer], areas: AdminAreas? = nil) -> Result<InputScan.Output, DiagnosticList> {
        var csv = CSVReader(window: window, file: file)
        let reader = TableReader(place: TablePlace(file: file, sheet: nil), spec: spec, mapping: mapping, consumers: consumers, uses1904: nil,
                                 areas: areas)
        var record = CSVRecord()
        var problems: [Diagnostic] = []
        while csv.nextRecord(into: &record) {
            csv.moveDiagnostics(into: &problems)
            guard record.isWellFormed else { continue }
            var cells: [CellValue] = []
            cells.reserveCapacity(record.cells.count)
            var valid = true
            for cell in record.cells {
                guard let text = csv.string(of: cell) else {
                    problems.append(.invalidUTF8(String(decoding: csv.contentBytes(of: cell), as: UTF8.self), column: nil, at: csv.location(of: cell)))
                    valid = false
                    continue
                }
                cells.append(text.isEmpty ? .empty : .text(text))
            }
            guard valid else { continue }
            let columns = csv.locations(of: record.cells).map(\.column)
            if !reader.add(SourceRow(number: record.line, cells: cells, columns: columns)) { break }
            if problems.count >= InputReader.maximumErrorsPerFile { break }
        }
        csv.moveDiagnostics(into: &problems)
        let result = output(reader, checksumOf: input)
        switch result {
        case .failure(let list) where !problems.isEmpty:
            return .failure(DiagnosticList(problems + list.diagnostics))
        case .success where !problems.isEmpty:
            return .failure(DiagnosticList(problems))
        default:
            return result
        }
    }

    private static func output(_ reader: TableReader, checksumOf input: InputFile) -> Result<InputScan.Output, DiagnosticList> {
        reader.finish().map { read in
            // From the bytes the reading brought in, in file order; what it did not (a table that
            // ended before the file, an archive's parts read where its directory puts them) is
            // read for the digest now. An unreadable file gives no digest, as before.
            let digest = input.digest() ?? ""
            let size = input.size
            var output = InputScan.Output(aggregates: read.aggregates, rowCount: read.rowCount, sha256: digest, size: size,
                                          columnsFoundByHashtag: reader.columnsFoundByHashtag)
            output.notes = reader.notes
            output.tableColumns = TableColumns(place: reader.place, columns: reader.cellColumns)
            return output
        }
    }

    /// The sheet `choice` names, or the first sheet with a hashtag row among its first rows,
    /// else the first sheet.
    private static func chooseSheet(_ workbook: Workbook, strings: [String], choice: Located<InputMapping.SheetChoice>?) -> Result<Workbook.Sheet, Diagnostic> {
        let names = workbook.sheets.map(\.name)
        switch choice?.value {
        case .name(let name)?:
            if let sheet = workbook.sheets.first(where: { $0.name == name })
                ?? workbook.sheets.first(where: { $0.name.lowercased() == name.lowercased() }) { return .success(sheet) }
            return .failure(.sheetNotFound(name, sheets: names, suggestion: Suggestion.nearest(to: name, in: names),
                                           at: choice!.location, subject: choice!.keyPath))
        case .position(let position)?:
            guard position <= workbook.sheets.count else {
                return .failure(.sheetPositionOutOfRange(position, count: workbook.sheets.count, at: choice!.location, subject: choice!.keyPath))
            }
            return .success(workbook.sheets[position - 1])
        case nil:
            guard workbook.sheets.count > 1 else { return .success(workbook.sheets[0]) }
            for sheet in workbook.sheets {
                let scanner = SheetScanner(workbook: workbook, strings: strings, merges: [])
                var seen = 0, tagged = false
                try? scanner.read(sheet) { _, cells in
                    if cells.allSatisfy(\.isEmpty) { return }
                    seen += 1
                    if TableLocator.isHashtagRow(cells) { tagged = true }
                    if tagged || seen >= TableLocator.searchedRows { throw SheetScanner.Stop() }
                }
                if tagged { return .success(sheet) }
            }
            return .success(workbook.sheets[0])
        }
    }
}


extension InputReader {
    /// Reads the workbook (or the CSV file read row by row) at `url` as the input `spec`
    /// describes, without a mapping: the tests and the workbook fuzzer read through here.
    public static func read(workbookAt url: URL, file: String, spec: InputSpec) -> Result<InputTable, DiagnosticList> {
        let consumer = InputConsumer(input: spec.name, columns: spec.columns.map(\.name)) { TypedAggregateBox(PluginInputs()) }
        return MappedScan.scanWorkbook(url: url, file: file, spec: spec, mapping: nil, consumers: [consumer]).map { output in
            let tables = (output.aggregates[0] as! TypedAggregateBox<PluginInputs>).value
            return tables[spec.name] ?? InputTable(empty: spec, file: file)
        }
    }
}
