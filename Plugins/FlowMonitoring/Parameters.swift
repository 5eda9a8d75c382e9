import ReportKit

/// Which days a flow monitoring report counts.
public enum Window: String, CaseIterable, Sendable, Decodable, ParameterChoice {
    /// The calendar month of the period.
    case month
    /// The calendar quarter of the period, from its first day to the last day with observations
    /// in the period: run for March, January to March; for April, April alone so far.
    case quarter
    /// From `since` to the last day with observations in the period ("as of" that day).
    case cumulative
}

extension FlowMonitoringPlugin {
    /// `params:` of a flow-monitoring report, each declared once: key, type, default and
    /// documentation (`description.parameters` is `Parameters.specs`).
    public struct Parameters: PluginParameters {
        @Parameter("window", "`month`: the period's calendar month; `quarter`: from the first day of the period's calendar quarter to the last day with counts in the period; `cumulative`: from `since` to the last day with counts in the period.")
        public var window: Window = .month

        @Parameter("since", explained: "required with window: cumulative",
                   "The first day of a cumulative window, usually the day monitoring began; only with `window: cumulative`.")
        public var since: Day? = nil

        @Parameter("fmps", explained: "every FMP", "FMP codes to keep; the others are left out of every figure.",
                   selecting: .column("fmp_code", of: "observations", namedBy: "fmp_name"))
        public var fmps: [String] = []

        @Parameter("top", in: 1...20, "How many nationalities and destinations the text names.")
        public var top = 5

        public init() {}

        public func validate() -> [ParameterProblem] {
            var problems: [ParameterProblem] = []
            switch (window, since) {
            case (.cumulative, nil):
                problems.append(Self.sinceRequired)
            case (.month, .some):
                problems.append(.onlyWith("since", setting: "window: cumulative", otherwise: "a month window counts its calendar month"))
            case (.quarter, .some):
                problems.append(.onlyWith("since", setting: "window: cumulative", otherwise: "a quarter window starts on its quarter's first day"))
            default:
                break
            }
            var seen = Set<String>()
            for code in fmps where !seen.insert(code).inserted {
                problems.append(.listedTwice("fmps", value: code, noun: "FMP code"))
            }
            return problems
        }

        /// A cumulative window without its first day.
        static let sinceRequired = ParameterProblem.required("since", by: "a cumulative window", meaning: "the first day it counts (YYYY-MM-DD)")
    }
}
