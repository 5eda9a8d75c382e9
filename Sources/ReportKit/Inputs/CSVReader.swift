import CLineIndex
import Foundation

/// One cell of a CSV record, kept as a range of bytes in the file.
///
/// Nothing is decoded while the file is split: a column the plugin does not declare costs one
/// of these values per row and no allocation, and a declared one is converted straight from
/// the bytes to its type.
public struct CSVCell: Sendable, Hashable {
    /// The cell's content in the file's bytes, without the quotes around a quoted cell. When
    /// `hasEscapedQuote` is set, the `""` pairs are still doubled in this range.
    public var range: Range<Int>
    /// Whether the cell was written between quotes (its spaces are then part of the value).
    public var isQuoted: Bool
    /// Whether the quoted content holds `""`, so reading it must collapse the pairs.
    public var hasEscapedQuote: Bool
    /// The 1-based line where the cell starts.
    public var line: Int
    /// The byte offset where that line starts; the column is counted from there only when a
    /// message needs it.
    public var lineStart: Int

    /// Creates a cell; the reader makes these, tests may too.
    public init(range: Range<Int>, isQuoted: Bool, hasEscapedQuote: Bool, line: Int, lineStart: Int) {
        self.range = range
        self.isQuoted = isQuoted
        self.hasEscapedQuote = hasEscapedQuote
        self.line = line
        self.lineStart = lineStart
    }

    /// The byte offset of the cell's first character: the opening quote of a quoted cell.
    public var start: Int { isQuoted ? range.lowerBound - 1 : range.lowerBound }
}

/// One record of a CSV file: a line, or several when a quoted cell holds line breaks.
///
/// The reader refills the same value for every record, so that the cell array's storage is
/// allocated once per file rather than once per row.
public struct CSVRecord: Sendable {
    /// The cells in file order.
    public var cells: [CSVCell]
    /// The 1-based line where the record starts.
    public var line: Int
    /// False when the reader reported a structural error inside the record (a NUL byte, a
    /// character after a closing quote, an unclosed quote, a line too long): its cells are
    /// then not trustworthy and are not converted, to avoid a cascade of follow-on errors.
    public var isWellFormed: Bool

    /// An empty record to pass to `CSVReader.nextRecord(into:)`.
    public init() {
        cells = []
        line = 0
        isWellFormed = true
    }
}

/// The project's RFC 4180 tokenizer: splits UTF-8 bytes into records of cells.
///
/// It accepts what spreadsheets write: a UTF-8 byte-order mark, LF, CRLF or CR line ends, no
/// final newline, `,` or `;` as the delimiter (the first of the two found outside quotes in
/// the header row), quoted cells holding the delimiter, `""` and line breaks. Blank records
/// (every cell empty or spaces, as Excel's trailing `;;;;` lines) are skipped. A `"` inside an
/// unquoted cell is kept as a literal character, as spreadsheets read it.
///
/// Structural errors are collected in `diagnostics` with the line and column (counted in
/// Unicode scalars) where they are; the reader goes on with the next record when it can, so
/// that one pass reports every problem of the file.
public struct CSVReader: Sendable {
    /// The longest record, in bytes, the reader accepts (1 MiB). Real rows are a few hundred
    /// bytes; a longer one is a binary file or a stray quote, and stopping there keeps a
    /// broken file from being scanned as one endless cell.
    public static let maximumRecordLength = 1 << 20

    /// The file's bytes, or the part of them being read (offsets in cells count from the
    /// window's start, and stay valid until the next record is read).
    let window: ByteWindow
    /// The file as messages name it.
    public let file: String
    /// `,` or `;`, detected from the header row.
    public let delimiter: UInt8
    /// Problems found so far, in file order.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The file offset at which reading stops: no record starting there or later is read.
    /// A reader of one part of a file stops where the next part begins.
    var stopOffset: Int

    private var position: Int
    private var line: Int
    private var lineStart: Int
    private var finished = false
    /// Set when a line too long to read ran past the end of the window: the rest of it is
    /// skipped after the next refill.
    private var skippingLongLine = false

    /// Prepares to read `bytes`; `file` is the name messages give. Skips a byte-order mark
    /// and detects the delimiter.
    public init(bytes: [UInt8], file: String) {
        self.init(window: ByteWindow(bytes: bytes), file: file)
    }

    /// Reads `window` from its start, which is the start of the file or of a record; the
    /// first record is on `line`. The delimiter is detected when not given: from the header,
    /// so only at the start of the file.
    init(window: ByteWindow, file: String, line: Int = 1, delimiter: UInt8? = nil) {
        self.window = window
        self.file = file
        self.line = line
        stopOffset = window.endOffset
        if window.count == 0, !window.isAtEnd {
            do throws(ByteWindow.ReadError) {
                _ = try window.refill(keepingFrom: 0)
            } catch {
                finished = true
                diagnostics.append(.inputFileUnreadable(at: SourceLocation(file: file)))
            }
        }
        let buffer = window.buffer
        let start = window.fileOffset == 0 && buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        position = start
        lineStart = start
        self.delimiter = delimiter ?? CSVReader.detectDelimiter(in: buffer, from: start)
    }

    /// The file offset where the next record starts (the end of the last one read).
    var fileOffset: Int { window.fileOffset + position }

    /// The line the next record starts on.
    var nextLine: Int { line }

    /// Fills `record` with the next non-blank record; false at the end of the file.
    public mutating func nextRecord(into record: inout CSVRecord) -> Bool {
        while true {
            guard !finished, refillIfNeeded() else { return false }
            if skippingLongLine {
                skipLongLine()
                continue
            }
            guard window.fileOffset + position < stopOffset else { return false }
            guard readRecord(window.buffer, into: &record) else { return false }
            if !record.isWellFormed || !CSVReader.isBlank(record, in: window.buffer) { return true }
        }
    }

    /// A record that is one plain line: where it starts and where its content ends in the
    /// window (before the line end), and its line number.
    struct PlainLine {
        var start: Int
        var end: Int
        var line: Int
    }

    /// What `nextPlainLine` found.
    enum PlainOutcome {
        /// A plain line, now read.
        case line(PlainLine)
        /// The next record is not a plain line, or there is none: `nextRecord(into:)` reads it.
        case other
        /// The next line runs past the window: `refillForPlainLine()`, then ask again. The
        /// caller first uses up the offsets it holds into the window, which a refill moves.
        case windowEnd
    }

    /// The next record when it is one plain line of `cellCount` cells: no quote, no carriage
    /// return but the one ending the line, no NUL, not blank, not too long. `delimiters` (room
    /// for `cellCount` offsets) receives the offset of each delimiter from the line's start.
    /// The tokenizer (`nextRecord(into:)`) and this agree on plain lines; this one is several
    /// times faster, for the vector instructions that find the delimiters.
    @inline(__always)
    mutating func nextPlainLine(cellCount: Int, delimiters: UnsafeMutablePointer<Int32>) -> PlainOutcome {
        guard !finished, !skippingLongLine, window.fileOffset + position < stopOffset else { return .other }
        let start = position
        let available = min(window.count - start, CSVReader.maximumRecordLength + 1)
        var length = 0
        var flags: UInt32 = 0
        let found = clineindex_scan(window.base + start, available, delimiter, delimiters, cellCount, &length, &flags)
        if flags & UInt32(CLINEINDEX_NO_END) != 0, available <= CSVReader.maximumRecordLength, !window.isAtEnd {
            return .windowEnd
        }
        guard flags == 0, found == cellCount - 1 else { return .other }
        var end = start + length
        if length > 0, window.base[end - 1] == CSVReader.carriageReturn { end -= 1 }
        let plain = PlainLine(start: start, end: end, line: line)
        position = start + length + 1
        line += 1
        lineStart = position
        return .line(plain)
    }

    /// Why `nextPlainLines` stopped.
    enum PlainStop {
        /// It read as many lines as it was asked for.
        case full
        /// The next record is not a plain line, or there is none: `nextRecord(into:)` reads it.
        case other
        /// The next line runs past the window: `refillForPlainLine()`, then ask again, after
        /// using up the offsets into the window, which a refill moves.
        case windowEnd
    }

    /// `nextPlainLine` for up to `maxLines` lines in one call: the plain lines of `cellCount`
    /// cells that come next, each indexed by one pass of vector instructions over its bytes
    /// (`clineindex_lines`), with the start and end offsets in the window of the cells
    /// `columns[0..<columnCount]` (header indexes) stored for line `n` at
    /// `n * columnCount + k` in `starts` and `ends`; with `columns` nil, every cell, at
    /// `n * cellCount + k`, with room for 8 more after the last line's (see CLineIndex.h).
    /// The lines are numbered from `nextLine` as it was before the call. `delimiters` is room
    /// for `cellCount + 80` offsets.
    @inline(__always)
    mutating func nextPlainLines(cellCount: Int, columns: UnsafePointer<Int32>?, columnCount: Int,
                                 starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>, maxLines: Int,
                                 delimiters: UnsafeMutablePointer<Int32>) -> (count: Int, stop: PlainStop) {
        guard !finished, !skippingLongLine else { return (0, .other) }
        let stop = max(0, stopOffset - window.fileOffset)
        var next = 0
        var outcome: UInt32 = 0
        let count = clineindex_lines(window.base, position, window.count, stop, window.isAtEnd ? 1 : 0,
                                     CSVReader.maximumRecordLength, delimiter, cellCount, columns, columnCount,
                                     starts, ends, maxLines, delimiters, &next, &outcome)
        if count > 0 {
            position = next
            line += count
            lineStart = next
        }
        switch outcome {
        case UInt32(CLINEINDEX_LINES_FULL): return (count, .full)
        case UInt32(CLINEINDEX_LINES_WINDOW_END): return (count, .windowEnd)
        default: return (count, .other)
        }
    }

    /// Reads on when a plain line ran past the window, keeping only that line's start (the
    /// tokenizer's own refill keeps a whole record's worth, which a plain line never needs).
    /// False when the file could not be read (the reason is in `diagnostics`).
    mutating func refillForPlainLine() -> Bool {
        refill()
    }

    /// Reads more of the file when what is left in the window might not hold a whole record.
    /// False when the file could not be read (the reason is in `diagnostics`).
    private mutating func refillIfNeeded() -> Bool {
        guard !window.isAtEnd, window.count - position <= CSVReader.maximumRecordLength + 1 else { return true }
        return refill()
    }

    /// Drops the bytes before `position` and reads more. False when the file could not be
    /// read (the reason is in `diagnostics`).
    private mutating func refill() -> Bool {
        do throws(ByteWindow.ReadError) {
            let shift = try window.refill(keepingFrom: position)
            position -= shift
            lineStart -= shift
            return true
        } catch {
            finished = true
            diagnostics.append(.inputFileUnreadable(at: SourceLocation(file: file, line: line)))
            return false
        }
    }

    /// Goes on skipping a line too long to read, up to its end.
    private mutating func skipLongLine() {
        let count = window.count
        if let found = memchr(window.base + position, Int32(CSVReader.lineFeed), count - position) {
            position = UnsafePointer(window.base).distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            line += 1
            lineStart = position
            skippingLongLine = false
        } else {
            position = count
            lineStart = count
            if window.isAtEnd {
                skippingLongLine = false
                finished = true
            }
        }
    }

    /// The 1-based column, in Unicode scalars, of the byte at `offset` on the line starting at
    /// `lineStart`.
    public func column(ofByte offset: Int, lineStart: Int) -> Int {
        var column = 1
        var index = lineStart
        let bytes = window.base
        while index < offset {
            // Counting the bytes that are not continuation bytes counts scalars.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// Where each of `cells` starts, in one pass over their lines rather than one scan from
    /// the start of the line per cell (a header may have thousands of cells).
    func locations(of cells: [CSVCell]) -> [SourceLocation] {
        var result: [SourceLocation] = []
        result.reserveCapacity(cells.count)
        var lineStart = -1, offset = 0, column = 1
        for cell in cells {
            if cell.lineStart != lineStart || cell.start < offset {
                lineStart = cell.lineStart
                offset = lineStart
                column = 1
            }
            column += self.column(ofByte: cell.start, lineStart: offset) - 1
            offset = cell.start
            result.append(SourceLocation(file: file, line: cell.line, column: column))
        }
        return result
    }

    /// Where `cell` starts, for a message about it.
    public func location(of cell: CSVCell) -> SourceLocation {
        SourceLocation(file: file, line: cell.line, column: column(ofByte: cell.start, lineStart: cell.lineStart))
    }

    /// The cell's content bytes, with `""` collapsed to `"` and nothing trimmed.
    public func contentBytes(of cell: CSVCell) -> [UInt8] {
        let bytes = window.buffer
        guard cell.hasEscapedQuote else { return Array(bytes[cell.range]) }
        var result: [UInt8] = []
        result.reserveCapacity(cell.range.count)
        var index = cell.range.lowerBound
        while index < cell.range.upperBound {
            let byte = bytes[index]
            result.append(byte)
            // Inside a quoted cell a quote only ever appears doubled.
            index += byte == CSVReader.quote ? 2 : 1
        }
        return result
    }

    /// The cell's content as text, nothing trimmed; nil when it is not valid UTF-8.
    public func string(of cell: CSVCell) -> String? {
        let content = contentBytes(of: cell)
        return content.withUnsafeBufferPointer { buffer in
            UTF8Check.classify(buffer) == .invalid ? nil : String(decoding: buffer, as: UTF8.self)
        }
    }

    // MARK: - Internals used by InputReader

    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Moves the collected diagnostics to `list`, so that the caller keeps file order when it
    /// interleaves its own messages.
    mutating func moveDiagnostics(into list: inout [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        list.append(contentsOf: diagnostics)
        diagnostics.removeAll(keepingCapacity: true)
    }

    /// The next record, blank or not, without refilling the window: for reading ahead on a
    /// copy of the reader (the header's next row), which must not move the bytes under the
    /// original. False when the record is not wholly in the window.
    mutating func peekRecord(into record: inout CSVRecord) -> Bool {
        guard window.isAtEnd || window.count - position > CSVReader.maximumRecordLength + 1 else { return false }
        while readRecord(window.buffer, into: &record) {
            if !record.isWellFormed || !CSVReader.isBlank(record, in: window.buffer) { return true }
            guard window.isAtEnd || window.count - position > CSVReader.maximumRecordLength + 1 else { return false }
        }
        return false
    }

    /// The range of `range` without the spaces and tabs around it.
    @inline(__always)
    static func trimmed(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, buffer[lower] == space || buffer[lower] == tab { lower += 1 }
        while upper > lower, buffer[upper - 1] == space || buffer[upper - 1] == tab { upper -= 1 }
        return lower..<upper
    }

    static func isBlank(_ record: CSVRecord, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        for cell in record.cells where !trimmed(cell.range, in: buffer).isEmpty { return false }
        return true
    }

    /// The first `,` or `;` outside quotes on the first line that has content; `,` if none.
    static func detectDelimiter(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
        let end = min(buffer.count, start + maximumRecordLength)
        var inQuotes = false, sawContent = false
        var index = start
        while index < end {
            let byte = buffer[index]
            index += 1
            if byte == quote {
                inQuotes.toggle()
                sawContent = true
            } else if inQuotes {
                continue
            } else if byte == comma || byte == semicolon {
                return byte
            } else if byte == lineFeed || byte == carriageReturn {
                if sawContent { break }
            } else if byte != space && byte != tab {
                sawContent = true
            }
        }
        return comma
    }

    // MARK: - The tokenizer

    /// Reads one record, blank or not. The loop works on local copies of the position so that
    /// they live in registers; `defer` stores them back.
    private mutating func readRecord(_ buffer: UnsafeBufferPointer<UInt8>, into record: inout CSVRecord) -> Bool {
        let end = buffer.count
        guard !finished, position < end, let bytes = buffer.baseAddress else {
            finished = true
            return false
        }
        record.cells.removeAll(keepingCapacity: true)
        record.line = line
        record.isWellFormed = true

        let quote = CSVReader.quote, lineFeed = CSVReader.lineFeed, carriageReturn = CSVReader.carriageReturn
        let delimiter = self.delimiter
        let delimiterWord = UInt64(delimiter) &* CSVReader.everyByte
        var position = self.position, line = self.line, lineStart = self.lineStart
        defer {
            self.position = position
            self.line = line
            self.lineStart = lineStart
        }
        let recordStart = position
        // One byte past the longest record, so that reaching it proves the record too long.
        let limit = min(end, recordStart + CSVReader.maximumRecordLength + 1)
        var reportedNUL = false

        cells: while true {
            let cellLine = line, cellLineStart = lineStart
            if position < end, bytes[position] == quote {
                let opening = position
                position += 1
                let contentStart = position
                var hasEscapedQuote = false
                while true {
                    if position >= limit {
                        let location = SourceLocation(file: file, line: cellLine,
                                                      column: column(ofByte: opening, lineStart: cellLineStart))
                        diagnostics.append(position - recordStart > CSVReader.maximumRecordLength
                                           ? .quotedCellTooLong(at: location) : .unterminatedQuote(at: location))
                        record.cells.append(CSVCell(range: contentStart..<position, isQuoted: true,
                                                    hasEscapedQuote: hasEscapedQuote, line: cellLine, lineStart: cellLineStart))
                        record.isWellFormed = false
                        // Where an open quote really ends cannot be known, so every later
                        // record would be a guess: stop here.
                        finished = true
                        position = end
                        return true
                    }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < end, bytes[position + 1] == quote {
                            hasEscapedQuote = true
                            position += 2
                            continue
                        }
                        break
                    }
                    position += 1
                    if byte == lineFeed {
                        line += 1
                        lineStart = position
                    } else if byte == carriageReturn {
                        if position < end, bytes[position] == lineFeed { position += 1 }
                        line += 1
                        lineStart = position
                    } else if byte == 0, !reportedNUL {
                        reportedNUL = true
                        record.isWellFormed = false
                        diagnostics.append(.nulByte(at: SourceLocation(
                            file: file, line: line, column: column(ofByte: position - 1, lineStart: lineStart))))
                    }
                }
                record.cells.append(CSVCell(range: contentStart..<position, isQuoted: true,
                                            hasEscapedQuote: hasEscapedQuote, line: cellLine, lineStart: cellLineStart))
                position += 1
                if position < end {
                    let next = bytes[position]
                    if next != delimiter && next != lineFeed && next != carriageReturn {
                        record.isWellFormed = false
                        diagnostics.append(.characterAfterClosingQuote(
                            scalar(at: position), delimiter: String(UnicodeScalar(delimiter)),
                            at: SourceLocation(file: file, line: line, column: column(ofByte: position, lineStart: lineStart))))
                        // The rest of the cell is garbage; resume at the next delimiter.
                        while position < limit {
                            let byte = bytes[position]
                            if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                            position += 1
                        }
                    }
                }
            } else {
                let start = position
                while true {
                    // The hot loop: most bytes of a file are here. Eight bytes are tested at
                    // once (SWAR), so that a cell costs one unpredictable branch rather than
                    // one per byte; the last few bytes before the limit go one by one.
                    var found = false
                    while position &+ 8 <= limit {
                        let word = UInt64(littleEndian: UnsafeRawPointer(bytes + position).loadUnaligned(as: UInt64.self))
                        let hits = CSVReader.zeroBytes(word ^ delimiterWord) | CSVReader.zeroBytes(word ^ CSVReader.lineFeedWord)
                            | CSVReader.zeroBytes(word ^ CSVReader.carriageReturnWord) | CSVReader.zeroBytes(word)
                        if hits != 0 {
                            position &+= hits.trailingZeroBitCount &>> 3
                            found = true
                            break
                        }
                        position &+= 8
                    }
                    if !found {
                        while position < limit {
                            let byte = bytes[position]
                            if byte == delimiter || byte == lineFeed || byte == carriageReturn || byte == 0 { break }
                            position += 1
                        }
                    }
                    guard position < limit, bytes[position] == 0 else { break }
                    if !reportedNUL {
                        reportedNUL = true
                        record.isWellFormed = false
                        diagnostics.append(.nulByte(at: SourceLocation(
                            file: file, line: line, column: column(ofByte: position, lineStart: lineStart))))
                    }
                    position += 1
                }
                record.cells.append(CSVCell(range: start..<position, isQuoted: false, hasEscapedQuote: false,
                                            line: cellLine, lineStart: cellLineStart))
            }

            // `position` is now on the cell's terminator, at the end of the file, or at the limit.
            if position - recordStart > CSVReader.maximumRecordLength {
                diagnostics.append(.lineTooLong(at: SourceLocation(file: file, line: record.line)))
                record.isWellFormed = false
                // memchr is vectorised: the rest of the line is skipped without a Swift loop
                // over each byte, and reading resumes on the next line.
                if let found = memchr(bytes + position, Int32(lineFeed), end - position) {
                    position = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    line += 1
                    lineStart = position
                } else {
                    // The line goes on past the window: the rest is skipped after a refill.
                    position = end
                    lineStart = end
                    skippingLongLine = !window.isAtEnd
                }
                return true
            }
            if position >= end { return true }
            let terminator = bytes[position]
            position += 1
            if terminator == delimiter { continue cells }
            if terminator == carriageReturn, position < end, bytes[position] == lineFeed { position += 1 }
            line += 1
            lineStart = position
            return true
        }
    }

    private static let everyByte: UInt64 = 0x0101_0101_0101_0101
    private static let lineFeedWord = UInt64(lineFeed) &* everyByte
    private static let carriageReturnWord = UInt64(carriageReturn) &* everyByte

    /// The high bit of each byte of `word` that is zero, and no other bit. Exact (no carry
    /// crosses bytes), unlike the shorter `(x - 0x01…) & ~x & 0x80…`.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        return ~(((word & low) &+ low) | word | low)
    }

    /// The character starting at `offset`, for a message; U+FFFD when it is not UTF-8.
    private func scalar(at offset: Int) -> String {
        let bytes = window.buffer
        var end = offset + 1
        while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}

/// UTF-8 validation with an ASCII fast path, for the cells that are read.
enum UTF8Check {
    enum Result {
        case ascii
        case utf8
        case invalid
    }

    static func classify(_ buffer: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = buffer.baseAddress else { return .ascii }
        let count = buffer.count
        var index = 0
        var sawNonASCII = false
        while index < count {
            // Eight bytes at a time while they are all ASCII, which most cells are.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            sawNonASCII = true
            @inline(__always) func isContinuation(_ offset: Int) -> Bool {
                index + offset < count && base[index + offset] & 0xC0 == 0x80
            }
            switch lead {
            case 0xC2...0xDF:
                guard isContinuation(1) else { return .invalid }
                index += 2
            case 0xE0...0xEF:
                guard isContinuation(1), isContinuation(2) else { return .invalid }
                let second = base[index + 1]
                // Overlong forms and UTF-16 surrogates are not UTF-8.
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F { return .invalid }
                index += 3
            case 0xF0...0xF4:
                guard isContinuation(1), isContinuation(2), isContinuation(3) else { return .invalid }
                let second = base[index + 1]
                if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F { return .invalid }
                index += 4
            default:
                return .invalid
            }
        }
        return sawNonASCII ? .utf8 : .ascii
    }
}
