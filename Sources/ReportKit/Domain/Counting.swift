extension Optional where Wrapped == Int {
    /// The sum, or nil when either count is unknown: a total over a row that did not collect
    /// the count is unknown, never a smaller number.
    public func adding(_ other: Int?) -> Int? {
        flatMap { sum in other.map { sum + $0 } }
    }
}

extension Sequence where Element == Int? {
    /// The sum, or nil as soon as one count is unknown (0 for no counts).
    public var sumIfAllKnown: Int? {
        reduce(Optional(0)) { $0.adding($1) }
    }
}

extension FactValue {
    /// `value` compared with `base`: the difference, and the relative change when `base` is not 0.
    public static func change(from base: Int, to value: Int) -> FactValue {
        .change(value - base, relative: relativeChange(from: base, to: value))
    }
}

/// `(value - base) ÷ base`, the percent change as a fraction (0.25 for +25 %); nil when `base` is 0,
/// where no percentage means anything.
public func relativeChange(from base: Int, to value: Int) -> Double? {
    base == 0 ? nil : Double(value - base) / Double(base)
}

extension Sequence {
    /// Largest first; equal sizes by key, ascending. Every ranking of the reports uses this order,
    /// so that a tie never depends on the order of the file.
    public func rankedLargestFirst<Key: Comparable>(by size: (Element) -> Int, thenBy key: (Element) -> Key) -> [Element] {
        sorted { (size($0), key($1)) > (size($1), key($0)) }
    }
}
