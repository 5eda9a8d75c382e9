/// An accumulator for each key met: `byNationality[nationality] += individuals` (a `Tally` of
/// `Sum`s, the default), or a struct of accumulators per key (`byFMP[code].incoming += n`).
///
/// Keys are texts of a column (`Text`) or the cases of a plugin's enum (`ColumnChoice`); the
/// tally keeps its values in an array indexed by the key's number, so a row costs an array
/// store. It lists its keys (`for (key, value) in tally`) in their order, by text or by case,
/// whatever the order of the rows.
@frozen public struct Tally<Key: TallyKey, Value: Accumulator>: Accumulator, Sequence {
    @usableFromInline var values: [Value] = []
    @usableFromInline var seen: [Bool] = []
    /// The numbering of the keys (a text column's), taken from the first key.
    @usableFromInline var domain = -1
    /// Keys met.
    @usableFromInline var metCount = 0

    @inlinable public init() {}

    /// The key's value; an empty one for a key not met. Changing it meets the key.
    @inlinable public subscript(key: Key) -> Value {
        get {
            let index = key.tallyIndex(in: domain < 0 ? key.tallyDomain : domain)
            return index < values.count && seen[index] ? values[index] : Value()
        }
        _modify {
            if domain < 0 { domain = key.tallyDomain }
            let index = key.tallyIndex(in: domain)
            if index >= values.count { grow(to: index + 1) }
            if !seen[index] {
                seen[index] = true
                metCount += 1
            }
            yield &values[index]
        }
    }

    @usableFromInline mutating func grow(to size: Int) {
        values.append(contentsOf: repeatElement(Value(), count: size - values.count))
        seen.append(contentsOf: repeatElement(false, count: size - seen.count))
    }

    /// Keys met.
    public var count: Int { metCount }
    public var isEmpty: Bool { metCount == 0 }

    /// Whether a row met `key`.
    public func contains(_ key: Key) -> Bool {
        guard domain >= 0 else { return false }
        let index = key.tallyIndex(in: domain)
        return index < seen.count && seen[index]
    }

    /// The keys met, in their order.
    public var keys: [Key] {
        Key.inTallyOrder(seen.indices.filter { seen[$0] }.map { Key.tallyKey(index: $0, domain: domain) })
    }

    public func makeIterator() -> IndexingIterator<[(key: Key, value: Value)]> {
        keys.map { (key: $0, value: self[$0]) }.makeIterator()
    }

    public mutating func merge(_ later: Tally) {
        for index in later.seen.indices where later.seen[index] {
            let key = Key.tallyKey(index: index, domain: later.domain)
            if contains(key) { self[key].merge(later.values[index]) } else { self[key] = later.values[index] }
        }
    }
}

extension Tally where Value == Sum {
    /// The sums by key, as numbers.
    public var sums: [Key: Int] {
        Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value.value) })
    }
}
