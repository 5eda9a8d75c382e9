/// An accumulator for each month met: `byMonth[month].rows += 1`. Months are kept in an array
/// from the earliest met to the latest, grown at either end, so that a row costs an array store
/// whatever the order of the file's rows.
@frozen public struct ByMonth<Value: Accumulator>: Accumulator, Sequence {
    @usableFromInline var slots = DenseSlots<Value>()

    @inlinable public init() {}

    /// The month's value; an empty one for a month not met. Changing it meets the month.
    @inlinable public subscript(month: Period) -> Value {
        get { slots[month.monthNumber] }
        _modify { yield &slots[met: month.monthNumber] }
    }

    /// The month's value when a row met it; nil otherwise.
    public subscript(ifMet month: Period) -> Value? { slots.contains(month.monthNumber) ? slots[month.monthNumber] : nil }

    /// Whether a row met `month`.
    public func contains(_ month: Period) -> Bool { slots.contains(month.monthNumber) }
    /// The months met, oldest first.
    public var months: [Period] { slots.keys.map(Period.init(monthNumber:)) }
    public var isEmpty: Bool { slots.count == 0 }

    public func makeIterator() -> IndexingIterator<[(month: Period, value: Value)]> {
        slots.keys.map { (month: Period(monthNumber: $0), value: slots[$0]) }.makeIterator()
    }

    public mutating func merge(_ later: ByMonth) { slots.merge(later.slots) }
}

/// An accumulator for each day met: `byDay[day].incoming += n`, as `ByMonth` is for months.
@frozen public struct ByDay<Value: Accumulator>: Accumulator, Sequence {
    @usableFromInline var slots = DenseSlots<Value>()

    @inlinable public init() {}

    /// The day's value; an empty one for a day not met. Changing it meets the day.
    @inlinable public subscript(day: DayNumber) -> Value {
        get { slots[day.daysSinceEpoch] }
        _modify { yield &slots[met: day.daysSinceEpoch] }
    }

    /// Whether a row met `day`.
    public func contains(_ day: DayNumber) -> Bool { slots.contains(day.daysSinceEpoch) }
    /// The days met, earliest first.
    public var days: [DayNumber] { slots.keys.map(DayNumber.init(daysSinceEpoch:)) }
    public var isEmpty: Bool { slots.count == 0 }

    public func makeIterator() -> IndexingIterator<[(day: DayNumber, value: Value)]> {
        slots.keys.map { (day: DayNumber(daysSinceEpoch: $0), value: slots[$0]) }.makeIterator()
    }

    public mutating func merge(_ later: ByDay) { slots.merge(later.slots) }
}

/// Values for consecutive integer keys from `first`, grown at either end (at the start by at
/// least as many as it holds, so that a file in reverse order costs no more than one in order).
@frozen @usableFromInline struct DenseSlots<Value: Accumulator>: Sendable {
    @usableFromInline var values: [Value] = []
    @usableFromInline var seen: [Bool] = []
    @usableFromInline var first = 0
    /// Keys met.
    @usableFromInline var count = 0

    @inlinable init() {}

    @inlinable subscript(key: Int) -> Value {
        let index = key - first
        return index >= 0 && index < values.count && seen[index] ? values[index] : Value()
    }

    /// The key's value, met.
    @inlinable subscript(met key: Int) -> Value {
        get { self[key] }
        _modify {
            var index = key &- first
            if index < 0 || index >= values.count { index = makeRoom(for: key) }
            if !seen[index] {
                seen[index] = true
                count += 1
            }
            yield &values[index]
        }
    }

    @inlinable func contains(_ key: Int) -> Bool {
        let index = key - first
        return index >= 0 && index < seen.count && seen[index]
    }

    @usableFromInline var keys: [Int] { seen.indices.filter { seen[$0] }.map { $0 + first } }

    /// Grows the arrays to hold `key`; its index.
    @usableFromInline mutating func makeRoom(for key: Int) -> Int {
        if values.isEmpty {
            first = key
            values = [Value()]
            seen = [false]
        } else if key < first {
            let added = max(first - key, values.count)
            values.insert(contentsOf: repeatElement(Value(), count: added), at: 0)
            seen.insert(contentsOf: repeatElement(false, count: added), at: 0)
            first -= added
        } else {
            let added = key - first + 1 - values.count
            values.append(contentsOf: repeatElement(Value(), count: added))
            seen.append(contentsOf: repeatElement(false, count: added))
        }
        return key - first
    }

    @usableFromInline mutating func merge(_ later: DenseSlots) {
        for index in later.seen.indices where later.seen[index] {
            let key = later.first + index
            if contains(key) {
                self[met: key].merge(later.values[index])
            } else {
                self[met: key] = later.values[index]
            }
        }
    }
}
