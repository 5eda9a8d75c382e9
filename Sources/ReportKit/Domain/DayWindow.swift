/// The days from a first through a last, both included. A bound not given leaves that end open,
/// as a window without a start or an end. The window is empty when its first day is after its
/// last (a period that ends before a cumulative window's `since`), which a `ClosedRange` could
/// not be.
public struct DayWindow: Sendable {
    private let first: DayNumber
    private let last: DayNumber

    public init(from first: Day?, through last: Day?) {
        self.first = first.map(DayNumber.init) ?? DayNumber(daysSinceEpoch: .min)
        self.last = last.map(DayNumber.init) ?? DayNumber(daysSinceEpoch: .max)
    }

    public func contains(_ day: DayNumber) -> Bool { first <= day && day <= last }
}
