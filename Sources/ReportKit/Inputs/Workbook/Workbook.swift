import Foundation

/// An Excel workbook (`.xlsx`, Office Open XML) opened for reading its sheets row by row.
///
/// The archive is read by `ZipArchive`, bounded by what it declares; the sheet's XML is inflated in chunks and scanned as
/// it comes (`SheetScanner`), so a sheet of a million rows costs the memory of one chunk and
/// of its shared strings, never the whole sheet. Limits guard against archives built to
/// exhaust memory: an entry that inflates past `Limits.maximumEntrySize`, a shared-strings
/// table past `Limits.maximumSharedStrings` strings or `Limits.maximumSharedStringBytes`.
struct Workbook {
    struct Limits: Sendable {
        /// The most bytes one sheet's XML may inflate to (1 GiB: about ten million rows of a
        /// DTM baseline assessment).
        var maximumEntrySize: UInt64 = 1 << 30
        /// The most bytes the workbook, relationships and styles parts may inflate to.
        var maximumPartSize: UInt64 = 16 << 20
        /// The most bytes the shared-strings part may inflate to.
        var maximumSharedStringBytes: UInt64 = 256 << 20
        /// The most strings the shared-strings table may hold.
        var maximumSharedStrings = 4_000_000
        /// The most merged ranges a sheet may declare.
        var maximumMergedRanges = 100_000

        static let standard = Limits()
    }

    struct Sheet {
        var name: String
        /// The sheet's XML in the archive (`xl/worksheets/sheet1.xml`).
        var path: String
    }

    let file: String
    let archive: ZipArchive
    let sheets: [Sheet]
    /// Serial numbers count from 1904-01-01 rather than from 1900-01-00.
    let uses1904: Bool
    /// For each cell format (`s` attribute), whether its number format shows a date.
    let dateFormats: [Bool]
    let sharedStringsPath: String?
    let limits: Limits

    /// Why a file is not a workbook this reader takes.
    enum Refusal: Error {
        case problem(Diagnostic)
    }

    /// The first bytes of a ZIP archive and of an OLE compound file (`.xls`, encrypted `.xlsx`).
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether the file at `url` is read as a workbook: a ZIP archive or an OLE compound file
    /// (by content, so a workbook saved under a `.csv` name is still recognised), or a name
    /// ending in a spreadsheet extension.
    static func isWorkbook(_ url: URL) -> Bool {
        if hasWorkbookExtension(url) { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        return head.starts(with: zipMagic) || head.starts(with: oleMagic)
    }

    /// The first `count` bytes of `input` (fewer when it is shorter or cannot be read).
    static func head(of input: InputFile, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: min(count, input.size))
        var done = 0
        while done < bytes.count {
            let read = bytes.withUnsafeMutableBytes { input.read(into: $0.baseAddress! + done, count: $0.count - done, at: done) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { break }
            done += read
        }
        return Array(bytes[0..<done])
    }

    /// Whether a file whose name is not a workbook's is one by its first bytes.
    static func isWorkbook(head: some Collection<UInt8>) -> Bool {
        head.starts(with: zipMagic) || head.starts(with: oleMagic)
    }

    /// Whether the name of the file at `url` ends in a spreadsheet extension.
    static func hasWorkbookExtension(_ url: URL) -> Bool {
        ["xlsx", "xlsm", "xls", "xlsb", "ods"].contains(url.pathExtension.lowercased())
    }

    /// Opens the workbook in the open file `input` (at `url`, whose extension words a refusal):
    /// its sheets, date formats and the place of its strings.
    static func open(_ input: InputFile, url: URL, file: String, limits: Limits = .standard) -> Result<Workbook, Diagnostic> {
        let location = SourceLocation(file: file)
        let head = head(of: input, count: 8)
        if head.starts(with: oleMagic) {
            return .failure(isEncryptedPackage(input) ? .workbookEncrypted(at: location) : .workbookFormatRefused("Excel 97-2003 (.xls)", at: location))
        }
        guard head.starts(with: zipMagic) else {
            let format = url.pathExtension.lowercased()
            return .failure(head.isEmpty ? .workbookCorrupt(reason: "the file is empty", at: location)
                            : .workbookCorrupt(reason: "it is not a ZIP archive" + (format == "xlsx" ? "" : " (is it a .\(format) file?)"), at: location))
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(file: input)
        } catch {
            return .failure(.workbookCorrupt(reason: "its ZIP directory cannot be read (is the file truncated?)", at: location))
        }
        if let mimetype = archive["mimetype"], (try? readPart(archive, mimetype, limit: 1024))
            .map({ String(decoding: $0, as: UTF8.self).contains("opendocument") }) == true {
            return .failure(.workbookFormatRefused("OpenDocument (.ods)", at: location))
        }
        if archive["xl/workbook.bin"] != nil {
            return .failure(.workbookFormatRefused("Excel binary (.xlsb)", at: location))
        }
        // The workbook part is named by the package's relationships; `xl/workbook.xml` by default.
        var workbookPath = "xl/workbook.xml"
        if let rels = archive["_rels/.rels"], let bytes = try? readPart(archive, rels, limit: limits.maximumPartSize) {
            _ = XMLScanner.walk(bytes) { event in
                if case .start("Relationship", let attributes, _) = event, attributes["Type"]?.hasSuffix("/officeDocument") == true,
                   let target = attributes["Target"] {
                    workbookPath = target.hasPrefix("/") ? String(target.dropFirst()) : target
                }
            }
        }
        guard let workbookEntry = archive[workbookPath] else {
            return .failure(.workbookCorrupt(reason: "it has no workbook part (\(workbookPath))", at: location))
        }
        do {
            let folder = (workbookPath as NSString).deletingLastPathComponent
            let workbookBytes = try readPart(archive, workbookEntry, limit: limits.maximumPartSize)
            var targets: [String: String] = [:]
            var sharedStringsPath: String?
            var stylesPath: String?
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
            if let rels = archive[relsPath] {
                let bytes = try readPart(archive, rels, limit: limits.maximumPartSize)
                let wellFormed = XMLScanner.walk(bytes) { event in
                    guard case .start("Relationship", let attributes, _) = event, let id = attributes["Id"],
                          let target = attributes["Target"] else { return }
                    let path = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
                    targets[id] = path
                    let type = attributes["Type"] ?? ""
                    if type.hasSuffix("/sharedStrings") { sharedStringsPath = path }
                    if type.hasSuffix("/styles") { stylesPath = path }
                }
                guard wellFormed else { return .failure(.workbookCorrupt(reason: "\(relsPath) is not well-formed XML", at: location)) }
            }
            var sheets: [Sheet] = []
            var uses1904 = false
            let wellFormed = XMLScanner.walk(workbookBytes) { event in
                guard case .start(let name, let attributes, _) = event else { return }
                if name == "workbookPr", let value = attributes["date1904"] { uses1904 = value == "1" || value == "true" }
                if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"], let path = targets[id] {
                    sheets.append(Sheet(name: sheetName, path: path))
                }
            }
            guard wellFormed else { return .failure(.workbookCorrupt(reason: "\(workbookPath) is not well-formed XML", at: location)) }
            guard !sheets.isEmpty else { return .failure(.workbookCorrupt(reason: "it has no worksheet", at: location)) }
            var dateFormats: [Bool] = []
            if let stylesPath, let styles = archive[stylesPath] {
                dateFormats = NumberFormats.dateStyles(try readPart(archive, styles, limit: limits.maximumPartSize))
            }
            return .success(Workbook(file: file, archive: archive, sheets: sheets, uses1904: uses1904, dateFormats: dateFormats,
                                     sharedStringsPath: sharedStringsPath ?? (archive["xl/sharedStrings.xml"] != nil ? "xl/sharedStrings.xml" : nil),
                                     limits: limits))
        } catch let failure as PartError {
            return .failure(failure.diagnostic(at: location))
        } catch {
            return .failure(.workbookCorrupt(reason: "an entry cannot be inflated (is the file truncated?)", at: location))
        }
    }

    /// A problem while inflating a part.
    enum PartError: Error {
        case tooLarge(path: String, limit: UInt64)
        case corrupt(path: String)
        case tooManyStrings(limit: Int)

        func diagnostic(at location: SourceLocation) -> Diagnostic {
            switch self {
            case .tooLarge(let path, let limit): .workbookEntryTooLarge(path, limit: limit, at: location)
            case .corrupt(let path): .workbookCorrupt(reason: "entry \(path) cannot be inflated (is the file truncated or damaged?)", at: location)
            case .tooManyStrings(let limit): .workbookTooManyStrings(limit: limit, at: location)
            }
        }
    }

    /// A small part, whole; refused past `limit` bytes inflated, however the entry declares its size.
    static func readPart(_ archive: ZipArchive, _ entry: ZipArchive.Entry, limit: UInt64) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try inflate(archive, entry, limit: limit) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Inflates `entry` chunk by chunk into `body`; throws `PartError` past `limit` bytes.
    static func inflate(_ archive: ZipArchive, _ entry: ZipArchive.Entry, limit: UInt64, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        if entry.uncompressedSize > limit { throw PartError.tooLarge(path: entry.path, limit: limit) }
        var total: UInt64 = 0
        do {
            try archive.extract(entry) { chunk in
                total += UInt64(chunk.count)
                if total > limit { throw PartError.tooLarge(path: entry.path, limit: limit) }
                try body(chunk)
            }
        } catch let error as PartError {
            throw error
        } catch let error as SheetScanner.Stop {
            throw error
        } catch {
            throw PartError.corrupt(path: entry.path)
        }
    }

    /// An OLE compound file holding an `EncryptedPackage` stream: an `.xlsx` saved with a password.
    private static func isEncryptedPackage(_ input: InputFile) -> Bool {
        let bytes = head(of: input, count: 8 << 20)
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return bytes.withUnsafeBufferPointer { XMLScanner.find(name, in: $0, from: 0) != nil }
    }

    /// The shared strings, each as a `String`; read once per sheet reading.
    func sharedStrings() throws -> [String] {
        guard let path = sharedStringsPath, let entry = archive[path] else { return [] }
        var strings: [String] = []
        var scanner = SharedStringsScanner()
        var pending: [UInt8] = []
        try Self.inflate(archive, entry, limit: limits.maximumSharedStringBytes) { chunk in
            pending.append(contentsOf: chunk)
            let consumed = try scanner.scan(pending, isLast: false, into: &strings)
            if strings.count > limits.maximumSharedStrings { throw PartError.tooManyStrings(limit: limits.maximumSharedStrings) }
            pending.removeFirst(consumed)
        }
        _ = try scanner.scan(pending, isLast: true, into: &strings)
        if strings.count > limits.maximumSharedStrings { throw PartError.tooManyStrings(limit: limits.maximumSharedStrings) }
        return strings
    }

    /// The merged ranges of a sheet: they follow its rows in the XML, so they are found by a
    /// first pass that only looks for them past `</sheetData>`.
    func mergedRanges(of sheet: Sheet) throws -> [MergedRange] {
        guard let entry = archive[sheet.path] else { throw PartError.corrupt(path: sheet.path) }
        let marker = Array("</".utf8)
        var carry: [UInt8] = []
        var tail: [UInt8] = []
        var inTail = false
        let end = Array("sheetData>".utf8)
        try Self.inflate(archive, entry, limit: limits.maximumEntrySize) { chunk in
            if inTail {
                tail.append(contentsOf: chunk)
                if tail.count > 64 << 20 { throw PartError.tooLarge(path: sheet.path, limit: 64 << 20) }
                return
            }
            // Looks for `</…sheetData>` (any prefix) in the carried bytes and the chunk.
            carry.append(contentsOf: chunk)
            let found: Int? = carry.withUnsafeBufferPointer { buffer in
                var from = 0
                while let index = XMLScanner.find(end, in: buffer, from: from) {
                    var start = index
                    while start > 0, buffer[start - 1] != UInt8(ascii: "<"), buffer[start - 1] != UInt8(ascii: "/"), index - start < 16 { start -= 1 }
                    if start >= 2, buffer[start - 1] == marker[1], buffer[start - 2] == marker[0] { return index + end.count }
                    from = index + 1
                }
                return nil
            }
            if let found {
                inTail = true
                tail = Array(carry[found...])
                carry = []
            } else if carry.count > 32 {
                carry.removeFirst(carry.count - 32)
            }
        }
        var ranges: [MergedRange] = []
        _ = XMLScanner.walk(tail) { event in
            if case .start("mergeCell", let attributes, _) = event, let ref = attributes["ref"], let range = MergedRange(ref),
               ranges.count < limits.maximumMergedRanges {
                ranges.append(range)
            }
        }
        return ranges
    }

    /// The day of a serial number in this workbook's date system; nil for serials that are no
    /// day (0, negative, 1900-02-29 which Excel counts but never was, or beyond 9999).
    func day(serial: Double) -> Day? {
        Self.day(serial: serial, uses1904: uses1904)
    }

    static func day(serial: Double, uses1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if uses1904 { return Day(daysSinceEpoch: whole - 24_107) }
        // 1900 system: serial 1 is 1900-01-01; Excel, after Lotus 1-2-3, counts a 1900-02-29
        // (serial 60), so from serial 61 on days are one fewer than the count suggests.
        switch whole {
        case ..<1, 60: return nil
        case 1..<60: return Day(daysSinceEpoch: whole - 25_568)
        default: return Day(daysSinceEpoch: whole - 25_569)
        }
    }
}

/// A merged range of cells (`A1:C2`), 0-based columns and 1-based rows, inclusive.
struct MergedRange: Hashable {
    var firstColumn: Int, lastColumn: Int, firstRow: Int, lastRow: Int

    init?(_ reference: String) {
        let parts = reference.split(separator: ":")
        guard parts.count == 2, let first = CellReference(parts[0]), let last = CellReference(parts[1]),
              first.column <= last.column, first.row <= last.row, last.column < SheetScanner.maximumColumns else { return nil }
        firstColumn = first.column
        lastColumn = last.column
        firstRow = first.row
        lastRow = last.row
    }
}

/// A cell reference (`D12`): 0-based column, 1-based row.
struct CellReference {
    var column: Int
    var row: Int

    init?(_ text: Substring) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Counted before adding, so that a long run of digits or letters is refused
                // before it can overflow.
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - 64)
                letters += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0 else { return nil }
        self.column = column - 1
        self.row = row
    }
}

/// Which cell formats of `styles.xml` show dates: by the built-in format ids Excel reserves
/// for dates, or a custom format code with day, month or year parts outside quotes, brackets
/// and escapes.
enum NumberFormats {
    /// The built-in number formats that show dates or times (ECMA-376 §18.8.30, and the
    /// locale-dependent ids 27-36 and 50-58 that East Asian versions use for dates).
    static let builtInDateIDs: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    static func dateStyles(_ bytes: [UInt8]) -> [Bool] {
        var customCodes: [Int: String] = [:]
        var styles: [Bool] = []
        var inCellXfs = false
        _ = XMLScanner.walk(bytes) { event in
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customCodes[id] = code }
            case .start("cellXfs", _, let selfClosing):
                inCellXfs = !selfClosing
            case .end("cellXfs"):
                inCellXfs = false
            case .start("xf", let attributes, _) where inCellXfs:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                styles.append(customCodes[id].map(isDateCode) ?? builtInDateIDs.contains(id))
            default:
                break
            }
        }
        return styles
    }

    /// Whether a format code shows a date: `d`, `m` or `y` outside quoted text, `[…]` sections
    /// (colours, conditions, elapsed hours) and escaped characters. Only the first section
    /// (positive numbers) counts. `General`, `0.00`, `#,##0` have none.
    static func isDateCode(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            switch character {
            case "\\", "_", "*": escaped = true
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case ";": return false
            case "d", "D", "m", "M", "y", "Y": return true
            default: break
            }
        }
        return false
    }
}

/// The strings of `sharedStrings.xml`, scanned as they are inflated: the text of each `<si>`,
/// its rich-text runs joined, phonetic runs (`<rPh>`) left out.
struct SharedStringsScanner {
    private var inItem = false
    private var inText = false
    private var inPhonetic = false
    private var current: [UInt8] = []

    /// Scans what it can of `bytes`; returns the bytes consumed.
    mutating func scan(_ bytes: [UInt8], isLast: Bool, into strings: inout [String]) throws -> Int {
        try bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            while true {
                let start = position
                switch XMLScanner.next(buffer, &position, isLast: isLast) {
                case .needMore: return start
                case .malformed: throw Workbook.PartError.corrupt(path: "xl/sharedStrings.xml")
                case .text(let range):
                    if inText, !inPhonetic { XMLScanner.appendDecoded(buffer, range, to: &current) }
                case .start(let name, _, let selfClosing):
                    if XMLScanner.equals(buffer, name, "si") {
                        current.removeAll(keepingCapacity: true)
                        if selfClosing { strings.append("") } else { inItem = true }
                    } else if XMLScanner.equals(buffer, name, "t"), inItem, !selfClosing {
                        inText = true
                    } else if XMLScanner.equals(buffer, name, "rPh"), !selfClosing {
                        inPhonetic = true
                    }
                case .end(let name):
                    if XMLScanner.equals(buffer, name, "si") {
                        strings.append(String(decoding: current, as: UTF8.self))
                        inItem = false
                    } else if XMLScanner.equals(buffer, name, "t") {
                        inText = false
                    } else if XMLScanner.equals(buffer, name, "rPh") {
                        inPhonetic = false
                    }
                }
            }
        }
    }
}
