/// What a `Tally` (and any table indexed by key) is keyed by: the cells of a text column
/// (`Text`) or of a choice column (a `ColumnChoice` enum), each with a dense number.
public protocol TallyKey: Hashable, Sendable {
    /// The numbering the key belongs to (a text column's); 0 for an enum.
    var tallyDomain: Int { get }
    /// The key's number in `domain`.
    func tallyIndex(in domain: Int) -> Int
    /// The key of number `index` in `domain`.
    static func tallyKey(index: Int, domain: Int) -> Self
    /// `keys` in the order a tally lists them.
    static func inTallyOrder(_ keys: [Self]) -> [Self]
}

extension Text: TallyKey {
    @inlinable public var tallyDomain: Int { Int(domain) }
    @inlinable public func tallyIndex(in domain: Int) -> Int { Int(number(in: Int32(truncatingIfNeeded: domain))) }
    public static func tallyKey(index: Int, domain: Int) -> Text { Text(domain: Int32(domain), number: Int32(index)) }
    /// By their characters.
    public static func inTallyOrder(_ keys: [Text]) -> [Text] {
        keys.map { ($0, $0.string) }.sorted { $0.1 < $1.1 }.map(\.0)
    }
}

extension ColumnChoice {
    @inlinable public var tallyDomain: Int { 0 }
    @inlinable public func tallyIndex(in domain: Int) -> Int { caseIndex }
    public static func tallyKey(index: Int, domain: Int) -> Self { Array(allCases)[index] }
    /// In the order of the cases.
    public static func inTallyOrder(_ keys: [Self]) -> [Self] { keys }
}
