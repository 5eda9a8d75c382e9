/// A key of an `IntTable`: one or two whole numbers, with a value no real key takes that marks
/// an empty slot.
protocol IntTableKey: Equatable, Sendable {
    /// The key of an empty slot.
    static var vacant: Self { get }
    /// The key's bits mixed into one word, hashed by one multiplication.
    var bits: UInt { get }
}

/// A hash table of this module with keys of whole numbers (a day and group's key, or such a key
/// and a value): open addressing, linear probing, and a multiplicative (Fibonacci) hash. What
/// the aggregate's dictionaries and set were: Swift's `Dictionary` and `Set` of `Int` hash with
/// the seeded SipHash, which was a fifth of the report's time where a multiplication does.
/// The keys are the run's own numbers, not an adversary's, so a cheap hash is enough.
///
/// Its memory is the keys met, at most twice the room they need (grown by doubling at three
/// quarters full), as `Dictionary`'s.
struct IntTable<Key: IntTableKey, Value: Sendable>: Sendable {
    /// By slot; `Key.vacant` for an empty one.
    private var keys: [Key] = []
    private var values: [Value] = []
    /// Keys held.
    private(set) var count = 0
    /// 64 - log2(slots): the hash's top bits index the slots.
    private var shift = 64
    /// What a key met for the first time starts from.
    private let empty: Value

    init(empty: Value) {
        self.empty = empty
    }

    /// The slot of `key`, or of the empty slot where it would go.
    @inline(__always)
    private func slot(of key: Key) -> Int {
        // Fibonacci hashing: the product's top bits depend on every bit of the key.
        var slot = Int(truncatingIfNeeded: (key.bits &* 0x9E37_79B9_7F4A_7C15) >> UInt(shift))
        let mask = keys.count - 1
        while keys[slot] != key && keys[slot] != Key.vacant { slot = (slot &+ 1) & mask }
        return slot
    }

    /// The key's value; the empty value for a key not met. Changing it meets the key.
    subscript(key: Key) -> Value {
        get {
            guard count > 0 else { return empty }
            let slot = slot(of: key)
            return keys[slot] == key ? values[slot] : empty
        }
        _modify {
            if (count + 1) * 4 > keys.count * 3 { grow(toHold: count + 1) }
            let slot = slot(of: key)
            if keys[slot] != key {
                keys[slot] = key
                count += 1
            }
            yield &values[slot]
        }
    }

    /// Makes room for `total` keys without growing again.
    mutating func reserveCapacity(_ total: Int) {
        if total * 4 > keys.count * 3 { grow(toHold: total) }
    }

    private mutating func grow(toHold total: Int) {
        var slots = 8
        while total * 4 > slots * 3 { slots *= 2 }
        guard slots > keys.count else { return }
        let oldKeys = keys, oldValues = values
        keys = [Key](repeating: .vacant, count: slots)
        values = [Value](repeating: empty, count: slots)
        shift = 64 - slots.trailingZeroBitCount
        for index in oldKeys.indices where oldKeys[index] != Key.vacant {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }

    /// Every key met with its value, in no particular order.
    var entries: some Sequence<(key: Key, value: Value)> {
        zip(keys, values).lazy.filter { $0.0 != Key.vacant }.map { (key: $0.0, value: $0.1) }
    }

    /// Adds `other`'s keys: `combine` the values of a key both hold. The smaller is added to
    /// the larger (parts of a file sorted by date share few keys), room made once.
    mutating func merge(_ other: IntTable, combine: (inout Value, Value) -> Void) {
        var (larger, smaller) = other.count > count ? (other, self) : (self, other)
        self = IntTable(empty: empty)
        larger.reserveCapacity(larger.count + smaller.count)
        for index in smaller.keys.indices where smaller.keys[index] != Key.vacant {
            combine(&larger[smaller.keys[index]], smaller.values[index])
        }
        self = larger
    }
}

extension Int: IntTableKey {
    /// No key of a day and group is negative.
    static var vacant: Int { Int.min }
    var bits: UInt { UInt(bitPattern: self) }
}
