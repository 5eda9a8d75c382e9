#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distinct texts of one column, each stored once and numbered in the order first seen.
///
/// The reader turns every text cell into its number here instead of a `String`: a file of
/// ten million rows has a few hundred distinct FMP codes or countries, so the hashing, checking
/// and copying of a text happens a few hundred times, and the rows carry 4-byte numbers.
/// A choice column's table starts with the declared choices, so its numbers are their indexes.
///
/// One reader fills a table, on one thread; aggregates read it on that thread too.
public final class SymbolTable: @unchecked Sendable {
    /// The texts, by number.
    public private(set) var texts: [String]

    init(_ texts: [String] = []) {
        self.texts = texts
    }

    public var count: Int { texts.count }

    public subscript(id: Int32) -> String { texts[Int(id)] }

    func append(_ text: String) {
        texts.append(text)
    }
}

/// The reader's index of a `SymbolTable`: from a cell's bytes to its number, without building
/// a `String`. A value type, owned by the column's decoder, so that the lookup for every cell
/// costs no reference counting or exclusivity check.
///
/// Cells are compared by their first sixteen bytes, loaded as two words, and their length; only
/// longer texts compare the rest byte by byte. `id(of:)` therefore reads up to sixteen bytes
/// from the start of the value, past its end when it is shorter: its callers guarantee they
/// are there (`ByteWindow` keeps sixteen bytes of padding after its data).
struct SymbolLookup {
    /// The bytes that must be readable after a value's start, whatever its length.
    static let padding = 16

    private struct Entry {
        var head: UInt64
        var tail: UInt64
        var length: Int
        var hash: UInt64
        /// Where the bytes after the sixteenth start in `arena`.
        var rest: Int
    }

    /// Open addressing over `slotIDs`: -1 for an empty slot, else a number.
    private var slotIDs: [Int32]
    private var mask: Int
    private var entries: [Entry] = []
    /// The bytes after the sixteenth of every longer text.
    private var arena: [UInt8] = []

    init(_ texts: [String] = []) {
        slotIDs = [Int32](repeating: -1, count: 64)
        mask = 63
        for text in texts { insert(Array(text.utf8)) }
    }

    /// The first sixteen bytes of a value of `length` bytes at `start`, as two words, zero past
    /// its end.
    @inline(__always)
    private static func words(_ start: UnsafeRawPointer, length: Int) -> (UInt64, UInt64) {
        let head = start.loadUnaligned(as: UInt64.self), tail = start.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if length >= 16 { return (head, tail) }
        if length >= 8 {
            return (head, length == 8 ? 0 : tail & (~0 as UInt64) >> UInt64(64 - 8 * (length - 8)))
        }
        return (length == 0 ? 0 : head & (~0 as UInt64) >> UInt64(64 - 8 * length), 0)
    }

    /// The two words multiplied in full width, high half folded onto the low (as wyhash
    /// mixes): every bit of either word reaches the low bits that pick the slot.
    @inline(__always)
    private static func hash(head: UInt64, tail: UInt64, length: Int, rest: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let (high, low) = (head ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: tail ^ UInt64(length) ^ 0xE703_7ED1_A0B4_28DB)
        var hash = high ^ low
        for byte in rest { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// The last value found, for `cachedID(of:)`: in a file sorted by day and place, most
    /// cells of a column are the one above.
    private var lastHead: UInt64 = 0
    private var lastTail: UInt64 = 0
    private var lastLength = -1
    private var lastID: Int32 = -1

    /// A value of up to eight bytes found before, in the slot its bytes pick in `recent`.
    private struct Recent {
        var word: UInt64
        var length: Int32
        var id: Int32
    }

    /// A direct-mapped cache of the short values found, in front of the table: one multiply,
    /// one load and one compare for most cells of a column of codes (ISO3 countries, P-codes,
    /// choices), where the table's probing mispredicts. Four slots a value, at most 4096 slots
    /// (64 KB); it starts again, empty, when it grows.
    private var recent = [Recent](repeating: Recent(word: 0, length: -1, id: -1), count: 64)
    private var recentShift: UInt64 = 58
    static let recentLimit = 4096

    /// The number of `value`, or -1 when the lookup does not hold it: through `recent` for a
    /// value of up to eight bytes, else as `cachedIDOfLonger(_:)`.
    @inline(__always)
    mutating func cachedID(of value: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = value.baseAddress, value.count <= 8 else { return cachedIDOfLonger(value) }
        let length = value.count
        // The bytes past the value (`SymbolLookup.padding` are readable) masked off; a shift by
        // 64 (an empty value) gives zero.
        let word = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) & (~0 as UInt64) >> UInt64(64 &- 8 &* length)
        let slot = Int(truncatingIfNeeded: ((word ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> recentShift)
        let entry = recent.withUnsafeBufferPointer { $0[slot] }
        if entry.word == word, entry.length == Int32(truncatingIfNeeded: length) { return entry.id }
        return recentMiss(word: word, length: length, slot: slot)
    }

    /// Finds a short value that is not in `recent` in the table, and keeps it in its slot.
    @inline(never)
    private mutating func recentMiss(word: UInt64, length: Int, slot: Int) -> Int32 {
        let found = find(head: word, tail: 0, length: length, rest: UnsafeBufferPointer(start: nil, count: 0))
        if found >= 0 { recent[slot] = Recent(word: word, length: Int32(length), id: found) }
        return found
    }

    /// `id(of:)`, answered without hashing when the value is the last one found.
    @inline(never)
    private mutating func cachedIDOfLonger(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = value.baseAddress, value.count <= 16 else { return id(of: value) }
        let length = value.count
        let (head, tail) = SymbolLookup.words(UnsafeRawPointer(base), length: length)
        if length == lastLength, head == lastHead, tail == lastTail { return lastID }
        let found = find(head: head, tail: tail, length: length, rest: UnsafeBufferPointer(start: nil, count: 0))
        if found >= 0 {
            lastHead = head
            lastTail = tail
            lastLength = length
            lastID = found
        }
        return found
    }

    /// The number of `value`, or -1 when the lookup does not hold it. `SymbolLookup.padding`
    /// bytes from the value's start must be readable.
    @inline(__always)
    func id(of value: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = value.baseAddress else { return idOfEmpty() }
        let length = value.count
        let (head, tail) = SymbolLookup.words(UnsafeRawPointer(base), length: length)
        let rest = length > 16 ? UnsafeBufferPointer(start: base + 16, count: length - 16) : UnsafeBufferPointer(start: nil, count: 0)
        return find(head: head, tail: tail, length: length, rest: rest)
    }

    @inline(__always)
    private func find(head: UInt64, tail: UInt64, length: Int, rest: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = SymbolLookup.hash(head: head, tail: tail, length: length, rest: rest)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slotIDs.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                while true {
                    let id = slots[slot]
                    if id < 0 { return -1 }
                    let entry = entries[Int(id)]
                    if entry.hash == hash, entry.head == head, entry.tail == tail, entry.length == length,
                       length <= 16 || arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + entry.rest, rest.baseAddress!, rest.count) == 0 }) {
                        return id
                    }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }

    private func idOfEmpty() -> Int32 {
        let padded = [UInt8](repeating: 0, count: SymbolLookup.padding)
        return padded.withUnsafeBufferPointer { id(of: UnsafeBufferPointer(rebasing: $0[0..<0])) }
    }

    /// Adds `value`, which the lookup does not hold; returns its number.
    @discardableResult
    mutating func insert(_ value: [UInt8]) -> Int32 {
        let id = Int32(entries.count)
        let padded = value + [UInt8](repeating: 0, count: SymbolLookup.padding)
        let entry = padded.withUnsafeBufferPointer { buffer -> Entry in
            let (head, tail) = SymbolLookup.words(UnsafeRawPointer(buffer.baseAddress!), length: value.count)
            let rest = UnsafeBufferPointer(rebasing: buffer[min(16, value.count)..<value.count])
            return Entry(head: head, tail: tail, length: value.count,
                         hash: SymbolLookup.hash(head: head, tail: tail, length: value.count, rest: rest), rest: arena.count)
        }
        if value.count > 16 { arena.append(contentsOf: value[16...]) }
        entries.append(entry)
        if entries.count * 4 > recent.count, recent.count < SymbolLookup.recentLimit {
            recent = [Recent](repeating: Recent(word: 0, length: -1, id: -1), count: recent.count * 2)
            recentShift -= 1
        }
        if entries.count * 2 > slotIDs.count {
            slotIDs = [Int32](repeating: -1, count: slotIDs.count * 2)
            mask = slotIDs.count - 1
            for (number, entry) in entries.enumerated() { place(Int32(number), hash: entry.hash) }
        } else {
            place(id, hash: entry.hash)
        }
        return id
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slotIDs[slot] >= 0 { slot = (slot + 1) & mask }
        slotIDs[slot] = id
    }
}
