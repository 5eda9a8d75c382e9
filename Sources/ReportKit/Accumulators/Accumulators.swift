// The accumulators a plugin's aggregate is made of. Each starts empty (`init()`), takes rows
// one at a time, and merges with the value the rows after its own gave (`merge(_:)`), so that
// a file read in parts on several threads gives what one value fed every row would hold.
// They are `@frozen` and `@inlinable`: a plugin's loop over millions of rows calls them from
// another module, and they must compile to the plain additions and array stores they are.

/// A sum of whole numbers: `sum += individuals`, read as `sum.value`.
@frozen public struct Sum: Accumulator, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var value: Int

    @inlinable public init() { value = 0 }
    @inlinable public init(_ value: Int) { self.value = value }
    @inlinable public init(integerLiteral value: Int) { self.value = value }

    @inlinable public static func += (sum: inout Sum, value: Int) { sum.value += value }
    @inlinable public mutating func merge(_ later: Sum) { value += later.value }
    public var description: String { String(value) }
}

/// A sum of a count that some rows leave empty (not recorded): `uac += row's count`, with the
/// rows that recorded it and those that did not, so that a report can say when the sum is a
/// minimum. `SumIfAllKnown` is the sum that is unknown as soon as one row did not record it.
@frozen public struct SumOfKnown: Accumulator, Hashable {
    public var value = 0
    public var knownRows = 0
    public var unknownRows = 0

    @inlinable public init() {}

    @inlinable public static func += (sum: inout SumOfKnown, count: Int?) {
        if let count {
            sum.value += count
            sum.knownRows += 1
        } else {
            sum.unknownRows += 1
        }
    }

    @inlinable public mutating func merge(_ later: SumOfKnown) {
        value += later.value
        knownRows += later.knownRows
        unknownRows += later.unknownRows
    }
}

/// The largest value seen: `latest.see(day)`; nil before any.
@frozen public struct Maximum<Value: Comparable & Sendable>: Accumulator {
    @usableFromInline var stored: Value?

    @inlinable public init() { stored = nil }

    public var value: Value? { stored }

    @inlinable public mutating func see(_ candidate: Value) {
        if let stored, stored >= candidate { return }
        stored = candidate
    }

    @inlinable public mutating func merge(_ later: Maximum) {
        if let candidate = later.stored { see(candidate) }
    }
}

/// The smallest value seen; nil before any.
@frozen public struct Minimum<Value: Comparable & Sendable>: Accumulator {
    @usableFromInline var stored: Value?

    @inlinable public init() { stored = nil }

    public var value: Value? { stored }

    @inlinable public mutating func see(_ candidate: Value) {
        if let stored, stored <= candidate { return }
        stored = candidate
    }

    @inlinable public mutating func merge(_ later: Minimum) {
        if let candidate = later.stored { see(candidate) }
    }
}

/// The value of the first row seen, in the file's order of rows: "the FMP's name as its first
/// row gives it". `see` builds the value and the row's reference only for the first row.
///
/// Merging keeps the earlier row's value, so that it is also how two months of one file are
/// added up into a window: the window's first row of the FMP gives its name, wherever the
/// file's rows are in time. The row is kept for that comparison.
@frozen public struct FirstSeen<Value: Sendable>: Accumulator {
    @usableFromInline var first: (value: Value, row: RowReference)?

    @inlinable public init() { first = nil }

    public var value: Value? { first?.value }
    /// The row that gave `value`.
    public var row: RowReference? { first?.row }
    @inlinable public var isEmpty: Bool { first == nil }

    @inlinable public mutating func see(_ value: @autoclosure () -> Value, at row: @autoclosure () -> RowReference) {
        guard first == nil else { return }
        first = (value(), row())
    }

    public mutating func merge(_ later: FirstSeen) {
        guard let theirs = later.first else { return }
        if let ours = first, ours.row <= theirs.row { return }
        first = theirs
    }
}

/// The value of the last row seen, in the file's order of rows. The row is kept to compare
/// with another's when two are merged.
@frozen public struct LastSeen<Value: Sendable>: Accumulator {
    @usableFromInline var last: (value: Value, row: RowReference)?

    @inlinable public init() { last = nil }

    public var value: Value? { last?.value }
    /// The row that gave `value`.
    public var row: RowReference? { last?.row }
    @inlinable public var isEmpty: Bool { last == nil }

    @inlinable public mutating func see(_ value: Value, at row: RowReference) {
        last = (value, row)
    }

    public mutating func merge(_ later: LastSeen) {
        guard let theirs = later.last else { return }
        if let ours = last, ours.row > theirs.row { return }
        last = theirs
    }
}
