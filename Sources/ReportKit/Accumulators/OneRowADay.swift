/// The days a key's rows fall on, for the check that it has one row a day (a point of entry
/// assessed once a day): `assessed[code].see(day, at: rows.reference(ofRow: row))`, then
/// `firstRepeat` names the earliest day met twice, its first row's line and its second row.
///
/// What it keeps does not grow by a reference a row (about 40 bytes), which a check of every
/// row of a long file cannot afford: a bit for each day of the span met, and for each day met,
/// the line of its first row in 8 bytes. The part of the file a line was read in is kept once
/// for the rows of that part, so that the line is the file's once the parts are joined.
public struct OneRowADay: Accumulator {
    /// Rows read together: the lines of a part of the file, from `lineBase`.
    struct Part: Sendable {
        var file: String
        var origin: RowOrigin
        var lineBase: Int
        /// The index of its first day in `firsts`.
        var firstEntry: Int

        func location(ofLine line: UInt32) -> SourceLocation {
            SourceLocation(file: file, line: lineBase + Int(line) + origin.lineOffset)
        }
    }

    /// A day met and the line of its first row, counted from its part's `lineBase`.
    struct Entry: Sendable {
        var day: Int32
        var line: UInt32
    }

    /// A row kept whole: the second row of the earliest day met twice.
    struct Repeat: Sendable {
        var day: DayNumber
        var file: String
        var origin: RowOrigin
        var line: Int

        var location: SourceLocation { SourceLocation(file: file, line: line + origin.lineOffset) }
    }

    private var met = DaySet()
    /// Each day's first row, in row order.
    private var firsts: [Entry] = []
    private var parts: [Part] = []
    private var earliestRepeat: Repeat?

    public init() {}

    /// Notes that `row` falls on `day`.
    public mutating func see(_ day: DayNumber, at row: RowReference) {
        guard met.insert(day.daysSinceEpoch) else {
            if earliestRepeat.map({ day < $0.day }) ?? true {
                earliestRepeat = Repeat(day: day, file: row.file, origin: row.origin, line: row.line)
            }
            return
        }
        let part = parts.last
        if part == nil || part!.origin !== row.origin || part!.file != row.file || row.line - part!.lineBase > Int(UInt32.max) {
            parts.append(Part(file: row.file, origin: row.origin, lineBase: row.line, firstEntry: firsts.count))
        }
        firsts.append(Entry(day: Int32(truncatingIfNeeded: day.daysSinceEpoch), line: UInt32(row.line - parts[parts.count - 1].lineBase)))
    }

    /// The earliest day met twice (by day, then in the order of the rows), the line of its first
    /// row and its second row; nil when every day was met once.
    public var firstRepeat: (day: DayNumber, first: SourceLocation, repeated: SourceLocation)? {
        guard let earliestRepeat else { return nil }
        // Looked up once, when a day was met twice: each day is in `firsts` once.
        let day = Int32(truncatingIfNeeded: earliestRepeat.day.daysSinceEpoch)
        let index = firsts.firstIndex { $0.day == day }!
        let part = parts.last { $0.firstEntry <= index }!
        return (earliestRepeat.day, part.location(ofLine: firsts[index].line), earliestRepeat.location)
    }

    public mutating func merge(_ later: OneRowADay) {
        // The later rows' own repeat stands unless its day was met here: then the later rows'
        // first row of that day is an earlier repeat, found below.
        var repeated = later.earliestRepeat.flatMap { met.contains($0.day.daysSinceEpoch) ? nil : $0 }
        for (index, part) in later.parts.enumerated() {
            let end = index + 1 < later.parts.count ? later.parts[index + 1].firstEntry : later.firsts.count
            var moved = part
            moved.firstEntry = firsts.count
            for entry in later.firsts[part.firstEntry..<end] {
                if met.insert(Int(entry.day)) {
                    firsts.append(entry)
                } else if repeated.map({ Int(entry.day) < $0.day.daysSinceEpoch }) ?? true {
                    repeated = Repeat(day: DayNumber(daysSinceEpoch: Int(entry.day)), file: part.file, origin: part.origin,
                                      line: part.lineBase + Int(entry.line))
                }
            }
            if moved.firstEntry < firsts.count { parts.append(moved) }
        }
        // This value's repeat comes first in the file: a later one replaces it only for an earlier day.
        if let repeated, earliestRepeat.map({ repeated.day < $0.day }) ?? true { earliestRepeat = repeated }
    }
}

/// A set of days, a bit each, over the span from the earliest to the latest met, grown at either
/// end (at the start by at least as many words as it holds, as `DenseSlots`).
struct DaySet: Sendable {
    private var words: [UInt64] = []
    /// The word of `words[0]`: days `firstWord * 64 ..< firstWord * 64 + 64`.
    private var firstWord = 0

    func contains(_ day: Int) -> Bool {
        let index = (day >> 6) - firstWord
        return index >= 0 && index < words.count && words[index] & (1 << UInt64(day & 63)) != 0
    }

    /// Adds `day`; whether it was not met before.
    mutating func insert(_ day: Int) -> Bool {
        let word = day >> 6, bit: UInt64 = 1 << UInt64(day & 63)
        if words.isEmpty {
            words = [0]
            firstWord = word
        } else if word < firstWord {
            let added = max(firstWord - word, words.count)
            words.insert(contentsOf: repeatElement(0, count: added), at: 0)
            firstWord -= added
        } else if word - firstWord >= words.count {
            words.append(contentsOf: repeatElement(0, count: word - firstWord + 1 - words.count))
        }
        let index = word - firstWord
        guard words[index] & bit == 0 else { return false }
        words[index] |= bit
        return true
    }
}
