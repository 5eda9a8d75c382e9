import Foundation

/// Reads one worksheet's XML as it is inflated and hands over its rows one at a time, cells
/// in column order (a cell absent from the XML is `.empty`), values typed as the workbook
/// stores them: shared and inline strings, numbers (dates when their format says so),
/// booleans, formula results by their cached value, error values.
///
/// Merged cells take the value of their range's top-left cell: a region name merged down the
/// rows of its communes belongs to each of them. The ranges come after the rows in the XML,
/// so `Workbook.mergedRanges(of:)` finds them in a first pass when the sheet has any.
final class SheetScanner {
    /// Thrown by a row handler to stop reading the sheet (too many errors).
    struct Stop: Error {}

    private let workbook: Workbook
    private let strings: [String]
    private let merges: [MergedRange]
    /// Columns whose values are converted; nil for all. Others are `.empty`: a mapping reads
    /// a few columns of a wide sheet.
    var wantedColumns: [Bool]?

    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [CellValue] = []
    private var cellColumn = -1
    private var cellType: CellType = .number
    private var cellStyle = 0
    private var inValue = false
    private var inInlineText = false
    private var inPhonetic = false
    private var valueBytes: [UInt8] = []
    private var hasValue = false
    private var finished = false
    /// Values of merged ranges' top-left cells, by range, once their row was read.
    private var mergedValues: [MergedRange: CellValue] = [:]
    private let sortedMerges: [MergedRange]
    private var nextMerge = 0
    private var activeMerges: [MergedRange] = []

    enum CellType { case number, shared, inline, formulaString, boolean, error }

    /// The last row and column a sheet of Excel can have.
    static let maximumRow = 1_048_576
    static let maximumColumns = 16_384

    init(workbook: Workbook, strings: [String], merges: [MergedRange]) {
        self.workbook = workbook
        self.strings = strings
        self.merges = merges
        sortedMerges = merges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
    }

    /// Reads the sheet, calling `row` with each row's 1-based number and cells.
    func read(_ sheet: Workbook.Sheet, row handler: (Int, [CellValue]) throws -> Void) throws {
        guard let entry = workbook.archive[sheet.path] else { throw Workbook.PartError.corrupt(path: sheet.path) }
        var pending: [UInt8] = []
        var malformed = false
        do {
            try Workbook.inflate(workbook.archive, entry, limit: workbook.limits.maximumEntrySize) { chunk in
                guard !finished else { return }
                let consumed: Int
                if pending.isEmpty {
                    consumed = try scan(chunk, isLast: false, handler)
                    if consumed < chunk.count { pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[consumed...])) }
                } else {
                    pending.append(contentsOf: chunk)
                    consumed = try pending.withUnsafeBufferPointer { try scan($0, isLast: false, handler) }
                    pending.removeFirst(consumed)
                }
                // A token longer than any real cell: a broken or hostile file.
                if pending.count > CSVReader.maximumRecordLength { malformed = true; throw Stop() }
            }
        } catch is Stop {
            if malformed { throw Workbook.PartError.corrupt(path: sheet.path) }
            return
        }
        if !finished {
            let consumed = try pending.withUnsafeBufferPointer { try scan($0, isLast: true, handler) }
            if consumed < pending.count, !finished { throw Workbook.PartError.corrupt(path: sheet.path) }
        }
    }

    /// Scans what it can of `buffer`; returns the bytes consumed.
    private func scan(_ buffer: UnsafeBufferPointer<UInt8>, isLast: Bool, _ handler: (Int, [CellValue]) throws -> Void) throws -> Int {
        var position = 0
        while !finished {
            let start = position
            switch XMLScanner.next(buffer, &position, isLast: isLast) {
            case .needMore:
                return start
            case .malformed:
                throw Workbook.PartError.corrupt(path: "worksheet")
            case .text(let range):
                if inValue || (inInlineText && !inPhonetic) { XMLScanner.appendDecoded(buffer, range, to: &valueBytes) }
            case .start(let name, let attributes, let selfClosing):
                if !inSheetData {
                    if XMLScanner.equals(buffer, name, "sheetData") {
                        if selfClosing { finished = true } else { inSheetData = true }
                    }
                    continue
                }
                if XMLScanner.equals(buffer, name, "c") {
                    startCell(buffer, attributes)
                    if selfClosing { endCell() }
                } else if XMLScanner.equals(buffer, name, "v") {
                    if !selfClosing { inValue = true; hasValue = true }
                } else if XMLScanner.equals(buffer, name, "t") {
                    if !selfClosing, cellType == .inline { inInlineText = true; hasValue = true }
                } else if XMLScanner.equals(buffer, name, "rPh") {
                    if !selfClosing { inPhonetic = true }
                } else if XMLScanner.equals(buffer, name, "row") {
                    var number = rowNumber + 1
                    // Excel's last row is 1 048 576; a larger number is no row of a real sheet.
                    if let text = XMLScanner.attribute("r", in: buffer, attributes), let value = Int(text), value > rowNumber,
                       value <= Self.maximumRow { number = value }
                    guard number <= Self.maximumRow else { throw Workbook.PartError.corrupt(path: "worksheet") }
                    rowNumber = number
                    cells.removeAll(keepingCapacity: true)
                    cellColumn = -1
                    if selfClosing { try endRow(handler) }
                }
            case .end(let name):
                guard inSheetData else { continue }
                if XMLScanner.equals(buffer, name, "v") {
                    inValue = false
                } else if XMLScanner.equals(buffer, name, "t") {
                    inInlineText = false
                } else if XMLScanner.equals(buffer, name, "rPh") {
                    inPhonetic = false
                } else if XMLScanner.equals(buffer, name, "c") {
                    endCell()
                } else if XMLScanner.equals(buffer, name, "row") {
                    try endRow(handler)
                } else if XMLScanner.equals(buffer, name, "sheetData") {
                    finished = true
                }
            }
        }
        return position
    }

    private func startCell(_ buffer: UnsafeBufferPointer<UInt8>, _ attributes: Range<Int>) {
        var column = cellColumn + 1
        cellType = .number
        cellStyle = 0
        XMLScanner.attributes(buffer, attributes) { key, value in
            if XMLScanner.equals(buffer, key, "r") {
                if let reference = CellReference(Substring(String(decoding: UnsafeBufferPointer(rebasing: buffer[value]), as: UTF8.self))) {
                    column = reference.column
                }
            } else if XMLScanner.equals(buffer, key, "t") {
                if XMLScanner.equals(buffer, value, "s") { cellType = .shared }
                else if XMLScanner.equals(buffer, value, "inlineStr") { cellType = .inline }
                else if XMLScanner.equals(buffer, value, "str") { cellType = .formulaString }
                else if XMLScanner.equals(buffer, value, "b") { cellType = .boolean }
                else if XMLScanner.equals(buffer, value, "e") { cellType = .error }
            } else if XMLScanner.equals(buffer, key, "s") {
                // An index past any styles.xml stays one (no date format) instead of overflowing.
                var style = 0
                for byte in UnsafeBufferPointer(rebasing: buffer[value]) where byte &- 48 < 10 {
                    style = style > 99_999_999 ? Int.max : style * 10 + Int(byte - 48)
                }
                cellStyle = style
            }
        }
        cellColumn = column
        valueBytes.removeAll(keepingCapacity: true)
        hasValue = false
    }

    private func endCell() {
        inValue = false
        inInlineText = false
        let column = cellColumn
        guard column >= 0, column < Self.maximumColumns else { return }
        if let wanted = wantedColumns, column >= wanted.count || !wanted[column] { return }
        guard hasValue else { return }
        let value: CellValue
        switch cellType {
        case .shared:
            guard let index = Self.integer(valueBytes), index < strings.count else { value = .error("#REF!"); break }
            value = .text(strings[index])
        case .inline, .formulaString:
            value = .text(String(decoding: valueBytes, as: UTF8.self))
        case .boolean:
            value = .boolean(valueBytes == [UInt8(ascii: "1")])
        case .error:
            value = .error(String(decoding: valueBytes, as: UTF8.self))
        case .number:
            let isDate = cellStyle < workbook.dateFormats.count && workbook.dateFormats[cellStyle]
            if let integer = Self.integer(valueBytes) {
                value = .number(Double(integer), isDate: isDate)
            } else if let number = Double(String(decoding: valueBytes, as: UTF8.self)) {
                value = .number(number, isDate: isDate)
            } else {
                value = valueBytes.isEmpty ? .empty : .text(String(decoding: valueBytes, as: UTF8.self))
            }
        }
        if cells.count <= column { cells.append(contentsOf: repeatElement(.empty, count: column + 1 - cells.count)) }
        cells[column] = value
    }

    private func endRow(_ handler: (Int, [CellValue]) throws -> Void) throws {
        if !merges.isEmpty { applyMerges() }
        try handler(rowNumber, cells)
    }

    private func applyMerges() {
        // Ranges start in row order: those starting by this row join the active ones, those
        // ended before it leave.
        while nextMerge < sortedMerges.count, sortedMerges[nextMerge].firstRow <= rowNumber {
            activeMerges.append(sortedMerges[nextMerge])
            nextMerge += 1
        }
        activeMerges.removeAll { $0.lastRow < rowNumber }
        for range in activeMerges {
            let value: CellValue
            if range.firstRow == rowNumber {
                value = range.firstColumn < cells.count ? cells[range.firstColumn] : .empty
                if range.lastRow > range.firstRow { mergedValues[range] = value }
            } else {
                value = mergedValues[range] ?? .empty
                if range.lastRow == rowNumber { mergedValues[range] = nil }
            }
            if value == .empty { continue }
            if cells.count <= range.lastColumn { cells.append(contentsOf: repeatElement(.empty, count: range.lastColumn + 1 - cells.count)) }
            for column in range.firstColumn...range.lastColumn { cells[column] = value }
        }
    }

    /// Digits only, up to 15 of them.
    private static func integer(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
        var result = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            result = result * 10 + Int(digit)
        }
        return result
    }
}
