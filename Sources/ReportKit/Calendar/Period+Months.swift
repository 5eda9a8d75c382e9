extension Period {
    /// Months counted from year 0 (`year * 12 + month - 1`): consecutive months have consecutive
    /// numbers, so that months index an array and a span of months is a range.
    public var monthNumber: Int { year * 12 + month - 1 }

    /// The month of a `monthNumber`.
    public init(monthNumber: Int) {
        self.init(year: monthNumber / 12, month: monthNumber % 12 + 1)!
    }

    /// The months from this one to `last`, both included; empty when `last` is earlier.
    public func through(_ last: Period) -> [Period] {
        guard monthNumber <= last.monthNumber else { return [] }
        return (monthNumber...last.monthNumber).map(Period.init(monthNumber:))
    }

    /// The first month of the period's calendar quarter (January, April, July or October).
    public var quarterFirstMonth: Period { Period(year: year, month: (month - 1) / 3 * 3 + 1)! }

    /// The first day of the period's calendar quarter: where a quarter window starts
    /// (`2017-05` → `2017-04-01`).
    public var quarterFirstDay: Day { quarterFirstMonth.firstDay }

    /// How many months a monthly history table covers: a year up to its period.
    public static let historyMonths = 12

    /// The `count` months up to this one, this one last: the rows of a monthly history table.
    public func history(months count: Int = Period.historyMonths) -> [Period] {
        Period(monthNumber: monthNumber - count + 1).through(self)
    }
}

extension Day {
    /// The `monthNumber` of the day's month, without making a `Period`.
    public var monthNumber: Int { year * 12 + month - 1 }
}

extension Sequence where Element == Day {
    /// The latest day before the period's first day, in any order; nil when there is none. The
    /// figures a report gives when its period has none.
    public func latest(before period: Period) -> Day? {
        let first = period.firstDay
        return lazy.filter { $0 < first }.max()
    }

    /// The latest day inside the period; nil when there is none.
    public func latest(in period: Period) -> Day? {
        lazy.filter(period.contains).max()
    }
}
