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
