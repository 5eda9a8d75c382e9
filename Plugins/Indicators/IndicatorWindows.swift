import ReportKit

/// The days a window counts for a period, and the windows it is compared with.
enum IndicatorWindows {
    /// Days since 1970, both ends included.
    struct Range: Sendable, Hashable {
        var first: Int
        var last: Int
    }

    /// The window of `parameters` that ends with `period`'s last day; nil when it would start
    /// after it (a cumulative window before its `since`).
    static func window(_ parameters: IndicatorsPlugin.Parameters, ending period: Period) -> Range? {
        let last = period.lastDay.daysSinceEpoch
        let first: Day
        switch parameters.window {
        case .month: first = period.firstDay
        case .quarter: first = period.quarterFirstDay
        case .year: first = Period(year: period.year, month: 1)!.firstDay
        case .cumulative: first = parameters.since ?? period.firstDay
        case .rolling: first = Period(monthNumber: period.monthNumber - (parameters.months ?? 1) + 1).firstDay
        }
        return first.daysSinceEpoch <= last ? Range(first: first.daysSinceEpoch, last: last) : nil
    }

    /// The period whose window `comparison` compares `period`'s with.
    static func earlierPeriod(_ parameters: IndicatorsPlugin.Parameters, _ comparison: IndicatorComparison, than period: Period) -> Period {
        Period(monthNumber: period.monthNumber - (comparison == .previous ? length(parameters) : 12))
    }

    /// The days whose sums a report of `period` reads: from the first day of its window or of a
    /// window it is compared with, through the period's last day; with a stock (`latest`),
    /// every day through it, since a stock is counted at the latest day with rows, however
    /// early.
    static func counted(_ parameters: IndicatorsPlugin.Parameters, period: Period, hasStock: Bool) -> Range {
        let last = period.lastDay.daysSinceEpoch
        guard !hasStock else { return Range(first: Int.min, last: last) }
        let windows = [window(parameters, ending: period)]
            + parameters.compare.map { window(parameters, ending: earlierPeriod(parameters, $0, than: period)) }
        // No window at all (a cumulative one before its `since`): no day is read.
        return Range(first: windows.compactMap { $0?.first }.min() ?? last + 1, last: last)
    }

    /// How many months back the previous window ends: a month for a month (and for a
    /// cumulative window, which grows by month), three for a quarter, twelve for a year, the
    /// window's own length for a rolling one.
    static func length(_ parameters: IndicatorsPlugin.Parameters) -> Int {
        switch parameters.window {
        case .month, .cumulative: 1
        case .quarter: 3
        case .year: 12
        case .rolling: parameters.months ?? 1
        }
    }
}
