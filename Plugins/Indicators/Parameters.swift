import ReportKit

/// The days an indicators report counts, ending with the period's last day.
public enum IndicatorWindow: String, CaseIterable, Sendable, Decodable, ParameterChoice {
    /// The period's calendar month.
    case month
    /// The calendar quarter of the period, from its first day to the period's end.
    case quarter
    /// The calendar year of the period, from 1 January to the period's end.
    case year
    /// From `since` to the period's end.
    case cumulative
    /// The `months` months ending with the period.
    case rolling
}

/// A window an indicators report compares its own with.
public enum IndicatorComparison: String, CaseIterable, Sendable, Decodable, ParameterChoice {
    /// The window of the same length just before.
    case previous
    /// The same window a year before.
    case yearBefore = "year_before"
}

extension IndicatorsPlugin {
    /// `params:` of an indicators report: the window and comparisons as plain keys, the
    /// columns, measures and breakdowns as structures the plugin reads itself
    /// (`IndicatorDefinition`), each problem at its value.
    public struct Parameters: PluginParameters {
        @Parameter("columns", type: .structure("column: type, or column: {type, hxl, about, values, vocabulary, form, level}"),
                   explained: "required",
                   "The columns of input `data` the report reads, each with its type: `date`, `count`, `optional_count`, `decimal` (a number with a point, `1.5`; `1,5` is refused), `text`, `optional_text`, `flag`, `one_of` (with `values: [...]`), `code` (with `vocabulary: NAME`, named by its `form`, default `name`) or `pcode` (with `level: N`); `hxl:` gives its hashtag.")
        public var columns: YAMLValue? = nil

        @Parameter("date", type: .text, explained: "required", "The date column that places a row in a period.")
        public var date: String? = nil

        @Parameter("window", "`month`, `quarter` and `year`: the calendar month, quarter or year of the period, up to its end; `cumulative`: from `since`; `rolling`: the `months` months ending with the period.")
        public var window: IndicatorWindow = .month

        @Parameter("since", explained: "required with window: cumulative", "The first day of a cumulative window.")
        public var since: Day? = nil

        @Parameter("months", type: .integer(2...60), explained: "required with window: rolling", "How many months a rolling window counts.")
        public var months: Int? = nil

        @Parameter("measures", type: .structure("name: rows, or name: {KIND: column, where: {column: value}, digits: N} with KIND sum, distinct, mean or latest, or name: {share: measure, of: measure}"),
                   explained: "required",
                   "What the report counts, each measure a fact of the same name: `rows`, `sum`, `distinct`, `mean` (a decimal), `latest` (a stock: the latest day at or before the window's end), `share` (of another measure); `where:` keeps the rows whose column holds the value (or one of the values); `digits:` (0 to 6, default 1) the decimal places a mean, or a sum or latest of a decimal column, shows.")
        public var measures: YAMLValue? = nil

        @Parameter("breakdowns", type: .structure("name: {measure, by: column or [two columns], top: N}"), explained: "none",
                   "Tables of a measure by one or two columns, largest first, with whole-percent shares that add up to 100; with `top`, the rest as one row `other`. Each is a table and a fact NAME_top, the groups named first.")
        public var breakdowns: YAMLValue? = nil

        @Parameter("compare", "The windows the measures are compared with: `previous` (the window just before), `year_before` (the same window a year before).")
        public var compare: [IndicatorComparison] = []

        public init() {}

        public func validate() -> [ParameterProblem] {
            var problems: [ParameterProblem] = []
            switch (window, since) {
            case (.cumulative, nil): problems.append(.required("since", by: "a cumulative window", meaning: "the first day it counts (YYYY-MM-DD)"))
            case (.month, .some), (.quarter, .some), (.year, .some), (.rolling, .some):
                problems.append(.onlyWith("since", setting: "window: cumulative", otherwise: "a \(window.rawValue) window starts where its calendar says"))
            default: break
            }
            switch (window, months) {
            case (.rolling, nil): problems.append(.required("months", by: "a rolling window", meaning: "how many months it counts"))
            case (.rolling, .some): break
            case (_, .some): problems.append(.onlyWith("months", setting: "window: rolling", otherwise: "a \(window.rawValue) window has its own length"))
            default: break
            }
            var seen = Set<IndicatorComparison>()
            for comparison in compare where !seen.insert(comparison).inserted {
                problems.append(.listedTwice("compare", value: comparison.rawValue))
            }
            return problems + IndicatorDefinition.read(self).1
        }
    }
}
