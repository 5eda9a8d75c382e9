import Foundation

/// The value of a text cell, numbered the same in every part, thread and file of the run: an
/// aggregate keys its accumulators by it (`Tally<Text>`) without a `String` per row, and reads
/// the text (`string`) when it computes.
///
/// The texts of each column name are numbered in the order the run first sees them, so the
/// numbers depend on how a file was split; nothing depends on them: texts compare and sort by
/// their characters, and `Tally` lists its keys in that order.
@frozen public struct Text: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The column name's numbering among the run's, and the text's number in it.
    @usableFromInline let domain: Int32
    @usableFromInline let number: Int32

    @inlinable init(domain: Int32, number: Int32) {
        self.domain = domain
        self.number = number
    }

    /// `string` as a text of `column`: the value its cells holding `string` have.
    public init(_ string: String, of column: Column<Text>) {
        let domain = TextDomains.shared.domain(named: column.name)
        self.init(domain: domain.index, number: domain.number(of: string))
    }

    public var string: String { TextDomains.shared.domains[Int(domain)].string(number) }
    public var description: String { string }

    /// This text's number in `domain`, interning it there when it was read in another column.
    @inlinable func number(in domain: Int32) -> Int32 {
        domain == self.domain ? number : TextDomains.shared.domains[Int(domain)].number(of: string)
    }

    @inlinable public static func == (lhs: Text, rhs: Text) -> Bool {
        lhs.domain == rhs.domain ? lhs.number == rhs.number : lhs.string == rhs.string
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }

    public static func < (lhs: Text, rhs: Text) -> Bool {
        lhs != rhs && lhs.string < rhs.string
    }
}

/// The run's numberings of texts, one per column name (texts of `fmp_code` in two files share
/// one). Appended to by the threads that read, under a lock, once per text and part.
@usableFromInline final class TextDomains: @unchecked Sendable {
    @usableFromInline static let shared = TextDomains()

    private let lock = NSLock()
    private var byName: [String: TextDomain] = [:]
    private var list: [TextDomain] = []

    @usableFromInline var domains: [TextDomain] { lock.withLock { list } }

    func domain(named name: String) -> TextDomain {
        lock.withLock {
            if let domain = byName[name] { return domain }
            let domain = TextDomain(index: Int32(list.count))
            byName[name] = domain
            list.append(domain)
            return domain
        }
    }
}

/// The numbers of one column name's texts.
@usableFromInline final class TextDomain: @unchecked Sendable {
    let index: Int32
    private let lock = NSLock()
    private var strings: [String] = []
    private var numbers: [String: Int32] = [:]

    init(index: Int32) {
        self.index = index
    }

    func string(_ number: Int32) -> String { lock.withLock { strings[Int(number)] } }

    @usableFromInline func number(of string: String) -> Int32 {
        lock.withLock { unlockedNumber(of: string) }
    }

    /// The numbers of `texts`, in one locking.
    func numbers(of texts: ArraySlice<String>) -> [Int32] {
        lock.withLock { texts.map(unlockedNumber(of:)) }
    }

    private func unlockedNumber(of string: String) -> Int32 {
        if let number = numbers[string] { return number }
        let number = Int32(strings.count)
        strings.append(string)
        numbers[string] = number
        return number
    }
}

/// The texts of a text column in a batch, indexed by row.
public struct TextCells: Sendable, RandomAccessCollection {
    /// The part's symbol number of each row, and the run's number of each symbol.
    @usableFromInline let symbols: [Int32]
    @usableFromInline let numbers: [Int32]
    @usableFromInline let domain: Int32

    init(symbols: [Int32], numbers: [Int32], domain: Int32) {
        self.symbols = symbols
        self.numbers = numbers
        self.domain = domain
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { symbols.count }
    @inlinable public subscript(row: Int) -> Text { Text(domain: domain, number: numbers[Int(symbols[row])]) }
}

/// For one part of a file (and one aggregate), the run's number of each symbol of its text
/// columns, so that a symbol is looked up in the run's numbering once per part.
final class StableTextCache: @unchecked Sendable {
    private struct Entry {
        var symbols: SymbolTable
        var numbers: [Int32]
        var domain: TextDomain
    }

    private var entries: [String: Entry] = [:]

    func cells(_ column: TextColumn, name: String) -> TextCells {
        var entry = entries.removeValue(forKey: name)
            ?? Entry(symbols: column.symbols, numbers: [], domain: TextDomains.shared.domain(named: name))
        if entry.symbols !== column.symbols {
            entry.symbols = column.symbols
            entry.numbers.removeAll(keepingCapacity: true)
        }
        if entry.numbers.count < column.symbols.count {
            entry.numbers += entry.domain.numbers(of: column.symbols.texts[entry.numbers.count...])
        }
        entries[name] = entry
        return TextCells(symbols: column.ids, numbers: entry.numbers, domain: entry.domain.index)
    }
}

/// A set of texts of one column, asked about once per row: `contains` is an array lookup.
public struct TextSet: Sendable {
    @usableFromInline var members: [Bool] = []
    @usableFromInline let domain: Int32

    /// The texts `strings` as `column` holds them.
    public init(_ strings: some Sequence<String>, of column: Column<Text>) {
        domain = TextDomains.shared.domain(named: column.name).index
        for string in strings { insert(Text(string, of: column)) }
    }

    mutating func insert(_ text: Text) {
        let number = Int(text.number(in: domain))
        if number >= members.count { members += repeatElement(false, count: number + 1 - members.count) }
        members[number] = true
    }

    @inlinable public func contains(_ text: Text) -> Bool {
        let number = Int(text.number(in: domain))
        return number < members.count && members[number]
    }
}
