extension ClosedRange where Bound == DayNumber {
    /// The days from `first` through `last`, both included; a bound not given leaves that end
    /// open (from the earliest day, through the latest), as a window without a start or an end.
    public init(from first: Day?, through last: Day?) {
        self = (first.map(DayNumber.init) ?? DayNumber(daysSinceEpoch: .min))...(last.map(DayNumber.init) ?? DayNumber(daysSinceEpoch: .max))
    }
}
