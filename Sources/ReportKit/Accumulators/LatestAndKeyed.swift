// Accumulators for what a report keeps of rows that are not sums: the rows of the latest
// month, the two latest report dates, one entry per key of any kind, a list in row order, a
// sum that is unknown as soon as one row did not collect it. Each merges the value the rows
// after its own gave, so that a struct of them gets its merge derived (`Mergeable`).

/// The value gathered from the rows of the greatest key met: `latest[month].append(event)`
/// keeps the events of the latest month, forgetting an earlier month's once a later one comes.
/// Rows of an earlier key than the greatest are dropped as they stream by.
public struct AtLatest<Key: Comparable & Sendable, Value: Accumulator>: Accumulator {
    public private(set) var key: Key?
    public private(set) var value = Value()

    public init() {}

    /// The value of `key` when it is the greatest met so far (then changed by `change`); a row
    /// of an earlier key is left out.
    public mutating func update(_ key: Key, _ change: (inout Value) -> Void) {
        if let current = self.key {
            if key < current { return }
            if current < key { value = Value() }
        }
        self.key = key
        change(&value)
    }

    public mutating func merge(_ later: AtLatest) {
        guard let theirs = later.key else { return }
        if let ours = key {
            if theirs < ours { return }
            if ours == theirs {
                value.merge(later.value)
                return
            }
        }
        self = later
    }
}

/// The values gathered from the rows of the two greatest keys met: a month's two latest report
/// dates, or a point of entry's two latest assessments (the latest, and the one before it).
public struct AtLatestTwo<Key: Comparable & Sendable, Value: Accumulator>: Accumulator {
    /// The greatest key and its value, then the one before; nil before any row.
    public private(set) var latest: Entry?
    public private(set) var previous: Entry?

    public struct Entry: Sendable {
        public var key: Key
        public var value: Value
    }

    public init() {}

    /// The entries kept, latest first.
    public var entries: [Entry] { [latest, previous].compactMap { $0 } }

    /// The value of `key`, changed by `change`, when it is one of the two greatest met so far; a
    /// row of an earlier key is left out.
    public mutating func update(_ key: Key, _ change: (inout Value) -> Void) {
        if let latest, key == latest.key {
            change(&self.latest!.value)
        } else if let previous, key == previous.key {
            change(&self.previous!.value)
        } else if latest.map({ $0.key < key }) ?? true {
            var value = Value()
            change(&value)
            previous = latest
            latest = Entry(key: key, value: value)
        } else if previous.map({ $0.key < key }) ?? true {
            var value = Value()
            change(&value)
            previous = Entry(key: key, value: value)
        }
    }

    public mutating func merge(_ later: AtLatestTwo) {
        // The later rows' values of a key ours has go after ours; then the two greatest stay.
        var merged = entries
        for theirs in later.entries {
            if let index = merged.firstIndex(where: { $0.key == theirs.key }) {
                merged[index].value.merge(theirs.value)
            } else {
                merged.append(theirs)
            }
        }
        merged.sort { $0.key > $1.key }
        latest = merged.first
        previous = merged.dropFirst().first
    }
}

/// An accumulator for each key met, of any hashable kind (a point of entry and a day, say):
/// `Tally` for keys that are not a text or a choice. Its memory grows with the keys met.
public struct ByKey<Key: Hashable & Sendable, Value: Accumulator>: Accumulator, Sequence {
    public private(set) var values: [Key: Value] = [:]

    public init() {}

    /// The key's value; an empty one for a key not met. Changing it meets the key.
    public subscript(key: Key) -> Value {
        get { values[key] ?? Value() }
        _modify { yield &values[key, default: Value()] }
    }

    public var count: Int { values.count }

    public func makeIterator() -> Dictionary<Key, Value>.Iterator { values.makeIterator() }

    public mutating func merge(_ later: ByKey) {
        for (key, value) in later.values {
            if values[key] != nil { values[key]!.merge(value) } else { values[key] = value }
        }
    }
}

/// Values in the order of their rows: the later rows' after the earlier's.
public struct InRowOrder<Element: Sendable>: Accumulator, RandomAccessCollection {
    public private(set) var elements: [Element] = []

    public init() {}

    public mutating func append(_ element: Element) { elements.append(element) }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> Element { elements[position] }

    public mutating func merge(_ later: InRowOrder) { elements += later.elements }
}

/// A sum of counts that may be unknown: nil as soon as one row did not collect its count, never
/// a smaller number (as `sumIfAllKnown`).
public struct SumIfAllKnown: Accumulator, Hashable {
    public private(set) var value: Int? = 0

    public init() {}

    public static func += (sum: inout SumIfAllKnown, count: Int?) { sum.value = sum.value.adding(count) }

    public mutating func merge(_ later: SumIfAllKnown) { value = value.adding(later.value) }
}

/// The rows a key was met at: the first, and the others in row order. What a check that a key
/// is written once (an event's id, a point of entry on one day) keeps: one reference a key, and
/// a repeat only for a key met twice.
public struct Occurrences: Accumulator {
    public private(set) var first: RowReference?
    /// The rows after the first, in row order; empty for a key met once.
    public private(set) var repeats: [RowReference] = []

    public init() {}

    public mutating func see(_ row: RowReference) {
        if first == nil { first = row } else { repeats.append(row) }
    }

    public mutating func merge(_ later: Occurrences) {
        guard let theirs = later.first else { return }
        if first == nil {
            self = later
        } else {
            repeats.append(theirs)
            repeats += later.repeats
        }
    }
}
