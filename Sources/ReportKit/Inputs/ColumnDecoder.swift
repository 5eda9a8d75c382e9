/// Converts the cells of one declared column to its type, into the arrays of the batch being
/// filled. Error messages are made here, with the cell's position, as the rules of the input
/// formats word them.
struct ColumnDecoder {
    // No payload on the cases: binding one in the per-cell switch would retain and release it
    // for every cell.
    enum Kind {
        case date, count, optionalCount, decimal, text, optionalText, flag, choice
    }

    let name: String
    let kind: Kind
    let headerIndex: Int
    let choices: [String]
    /// The distinct texts of a text or choice column (seeded with the choices), and the
    /// index that finds a cell's number from its bytes.
    let symbols: SymbolTable
    private var lookup: SymbolLookup
    /// The values of the batch being filled, `rowCount` of them. Raw memory rather than arrays:
    /// an array checks its uniqueness and capacity at every append, and this is the innermost
    /// loop of the reader.
    private let storage: BatchStorage
    private(set) var rowCount = 0

    /// The last date converted, as its first eight bytes, its last two and its day number:
    /// most files list a day's rows together, so most dates are the one before.
    private var lastDateHead: UInt64 = 0
    private var lastDateTail: UInt16 = 0
    private var lastDay: Int32 = 0
    private var hasLastDate = false

    init(_ spec: ColumnSpec, headerIndex: Int) {
        name = spec.name
        self.headerIndex = headerIndex
        if case .choice(let values) = spec.type {
            choices = values
        } else {
            choices = []
        }
        symbols = SymbolTable(choices)
        lookup = SymbolLookup(choices)
        storage = BatchStorage(capacity: InputScan.batchSize)
        switch spec.type {
        case .date: kind = .date
        case .count: kind = .count
        case .optionalCount: kind = .optionalCount
        case .decimal: kind = .decimal
        // A vocabulary column arrives as the report's `choice`; unresolved (a test reading
        // with a plugin's own spec) it is read as text.
        case .text, .vocabulary: kind = .text
        case .optionalText: kind = .optionalText
        case .flag: kind = .flag
        case .choice: kind = .choice
        }
    }

    var column: BatchColumn {
        switch kind {
        case .date: .days(Array(UnsafeBufferPointer(start: storage.days, count: rowCount)))
        case .count, .decimal: .counts(Array(UnsafeBufferPointer(start: storage.counts, count: rowCount)))
        case .optionalCount:
            .optionalCounts((0..<rowCount).map { storage.flags[$0] ? storage.counts[$0] : nil })
        case .text, .optionalText, .choice: .texts(Array(UnsafeBufferPointer(start: storage.ids, count: rowCount)), symbols)
        case .flag: .flags(Array(UnsafeBufferPointer(start: storage.flags, count: rowCount)))
        }
    }

    /// Empties the batch.
    mutating func startBatch() {
        rowCount = 0
    }

    /// Drops the values after the first `count`: the cells of a row that another cell of
    /// made invalid.
    mutating func truncate(to count: Int) {
        rowCount = min(rowCount, count)
    }

    /// Converts the cells of `count` plain lines, one column's worth (cell `row` is
    /// `starts[row * stride]..<ends[row * stride]` in `buffer`, already trimmed of spaces and
    /// tabs by `clineindex_lines`), and appends their values: the
    /// fast path, one tight loop per type. False at the first cell that does not fit, with
    /// nothing said about it: the caller then reads the file again by
    /// `append(_:buffer:reader:diagnostics:)`, which gives the messages in their order.
    mutating func appendPlain(starts: UnsafePointer<Int32>, ends: UnsafePointer<Int32>, stride: Int, count: Int,
                              buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let base = buffer.baseAddress!
        @inline(__always) func value(_ row: Int) -> UnsafeBufferPointer<UInt8> {
            let lower = Int(starts[row &* stride]), upper = Int(ends[row &* stride])
            return UnsafeBufferPointer(start: base + lower, count: upper &- lower)
        }
        // The row count and the storage in locals: a property of `self` would be stored and
        // loaded again around every call in the loop.
        var next = rowCount
        defer { rowCount = next }
        let days = storage.days, counts = storage.counts, ids = storage.ids, flags = storage.flags
        switch kind {
        case .date:
            for row in 0..<count {
                guard let day = dayNumber(value(row)) else { return false }
                days[next] = day
                next &+= 1
            }
        case .count:
            for row in 0..<count {
                guard let count = Self.digits(value(row)) else { return false }
                counts[next] = count
                next &+= 1
            }
        case .optionalCount:
            for row in 0..<count {
                let cell = value(row)
                if cell.isEmpty {
                    flags[next] = false
                } else {
                    guard let count = Self.digits(cell) else { return false }
                    counts[next] = count
                    flags[next] = true
                }
                next &+= 1
            }
        case .decimal:
            for row in 0..<count {
                guard case .success(let millionths) = DecimalCell.read(value(row)) else { return false }
                counts[next] = millionths
                next &+= 1
            }
        case .text, .optionalText:
            for row in 0..<count {
                let cell = value(row)
                var id = lookup.cachedID(of: cell)
                if id < 0 {
                    // A new text: checked once, as `text(_:_:_:_:)` checks it.
                    guard let text = checkedText(cell) else { return false }
                    symbols.append(text)
                    id = lookup.insert(Array(cell))
                }
                ids[next] = id
                next &+= 1
            }
        case .choice:
            for row in 0..<count {
                let id = lookup.cachedID(of: value(row))
                guard id >= 0 else { return false }
                ids[next] = id
                next &+= 1
            }
        case .flag:
            for row in 0..<count {
                let cell = value(row)
                if cell.elementsEqual("true".utf8) {
                    flags[next] = true
                } else if cell.elementsEqual("false".utf8) {
                    flags[next] = false
                } else {
                    return false
                }
                next &+= 1
            }
        }
        return true
    }

    /// A count of 1 to 15 digits, or nil.
    @inline(__always)
    private static func digits(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = value.baseAddress, value.count > 0, value.count <= InputReader.maximumCountDigits else { return nil }
        var result = 0
        for index in 0..<value.count {
            let digit = base[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            result = result &* 10 &+ Int(digit)
        }
        return result
    }

    /// The text of an unquoted value when it is one `text(_:_:_:_:)` accepts, or nil.
    private func checkedText(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        let check = UTF8Check.classify(value)
        if check == .invalid { return nil }
        if case .text = kind, value.isEmpty { return nil }
        if check == .utf8, Mojibake.isLikely(value) { return nil }
        return Self.text(value)
    }

    /// Converts `cell` and appends its value; false (and a diagnostic) when it does not fit.
    @inline(__always)
    mutating func append(_ cell: CSVCell, buffer: UnsafeBufferPointer<UInt8>, reader: CSVReader,
                         diagnostics: inout [Diagnostic]) -> Bool {
        if cell.hasEscapedQuote {
            // Rare: collapse the `""` pairs into a copy and read that.
            let content = reader.contentBytes(of: cell)
            let padded = content + [UInt8](repeating: 0, count: SymbolLookup.padding)
            return padded.withUnsafeBufferPointer { value in
                append(UnsafeBufferPointer(rebasing: value[0..<content.count]), cell: cell, reader: reader, diagnostics: &diagnostics)
            }
        }
        let range = cell.isQuoted ? cell.range : CSVReader.trimmed(cell.range, in: buffer)
        return append(UnsafeBufferPointer(rebasing: buffer[range]), cell: cell, reader: reader, diagnostics: &diagnostics)
    }

    /// Converts one value: trimmed when the cell was unquoted, verbatim when quoted.
    @inline(__always)
    private mutating func append(_ value: UnsafeBufferPointer<UInt8>, cell: CSVCell, reader: CSVReader,
                                 diagnostics: inout [Diagnostic]) -> Bool {
        switch kind {
        case .date:
            if let day = dayNumber(value) {
                storage.days[rowCount] = day
                rowCount &+= 1
                return true
            }
            diagnostics.append(value.isEmpty ? .emptyCell(column: name, at: reader.location(of: cell))
                               : invalid(value, cell, reader) ?? .notADate(Self.text(value), column: name, at: reader.location(of: cell)))
            return false
        case .count:
            guard let count = count(value, cell, reader, &diagnostics) else { return false }
            storage.counts[rowCount] = count
            rowCount &+= 1
            return true
        case .optionalCount:
            if value.isEmpty {
                storage.flags[rowCount] = false
                rowCount &+= 1
                return true
            }
            guard let count = count(value, cell, reader, &diagnostics) else { return false }
            storage.counts[rowCount] = count
            storage.flags[rowCount] = true
            rowCount &+= 1
            return true
        case .decimal:
            switch DecimalCell.read(value) {
            case .success(let millionths):
                storage.counts[rowCount] = millionths
                rowCount &+= 1
                return true
            case .failure(let problem):
                let location = reader.location(of: cell)
                diagnostics.append(value.isEmpty ? .emptyCell(column: name, at: location)
                                   : invalid(value, cell, reader) ?? problem.diagnostic(Self.text(value), column: name, at: location))
                return false
            }
        case .text, .optionalText:
            // A text seen before was checked then: only new texts are checked and stored.
            let known = lookup.cachedID(of: value)
            if known >= 0 {
                storage.ids[rowCount] = known
                rowCount &+= 1
                return true
            }
            guard let text = text(value, cell, reader, &diagnostics) else { return false }
            symbols.append(text)
            storage.ids[rowCount] = lookup.insert(Array(value))
            rowCount &+= 1
            return true
        case .choice:
            let trimmed = Self.trimmed(value)
            let index = lookup.cachedID(of: trimmed)
            if index >= 0 {
                storage.ids[rowCount] = index
                rowCount &+= 1
                return true
            }
            if trimmed.isEmpty {
                diagnostics.append(.emptyCell(column: name, at: reader.location(of: cell)))
            } else {
                let shown = Self.text(trimmed)
                diagnostics.append(invalid(value, cell, reader) ?? .notAChoice(
                    shown, allowed: choices, column: name, suggestion: Self.suggestion(for: shown, in: choices),
                    at: reader.location(of: cell)))
            }
            return false
        case .flag:
            if value.elementsEqual("true".utf8) {
                storage.flags[rowCount] = true
                rowCount &+= 1
                return true
            }
            if value.elementsEqual("false".utf8) {
                storage.flags[rowCount] = false
                rowCount &+= 1
                return true
            }
            if value.isEmpty {
                diagnostics.append(.emptyCell(column: name, at: reader.location(of: cell)))
            } else {
                let shown = Self.text(value)
                diagnostics.append(invalid(value, cell, reader) ?? .notAFlag(
                    shown, column: name, suggestion: Suggestion.nearest(to: shown, in: ["false", "true"]),
                    at: reader.location(of: cell)))
            }
            return false
        }
    }

    /// The day number of a date value, the one before when the bytes are the same.
    @inline(__always)
    private mutating func dayNumber(_ value: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard value.count == 10, let base = value.baseAddress else {
            return Self.day(value).map { Int32($0.daysSinceEpoch) }
        }
        let head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
        let tail = UnsafeRawPointer(base + 8).loadUnaligned(as: UInt16.self)
        if hasLastDate, head == lastDateHead, tail == lastDateTail { return lastDay }
        guard let day = Self.day(value) else { return nil }
        lastDateHead = head
        lastDateTail = tail
        lastDay = Int32(day.daysSinceEpoch)
        hasLastDate = true
        return lastDay
    }

    @inline(__always)
    private func count(_ value: UnsafeBufferPointer<UInt8>, _ cell: CSVCell, _ reader: CSVReader,
                       _ diagnostics: inout [Diagnostic]) -> Int? {
        // The common case first: a few digits; anything else is worded by `countOrProblem`.
        if let count = Self.digits(value) { return count }
        return countOrProblem(value, cell, reader, &diagnostics)
    }

    private func countOrProblem(_ value: UnsafeBufferPointer<UInt8>, _ cell: CSVCell, _ reader: CSVReader,
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


/// The values of one column's batch, in memory allocated once per part of a file.
private final class BatchStorage: @unchecked Sendable {
    let days: UnsafeMutablePointer<Int32>
    let ids: UnsafeMutablePointer<Int32>
    let counts: UnsafeMutablePointer<Int>
    /// Flags, and for optional counts whether each count is there.
    let flags: UnsafeMutablePointer<Bool>

    init(capacity: Int) {
        days = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        counts = .allocate(capacity: capacity)
        flags = .allocate(capacity: capacity)
    }

    deinit {
        days.deallocate()
        ids.deallocate()
        counts.deallocate()
        flags.deallocate()
    }
}
