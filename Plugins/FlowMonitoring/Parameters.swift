import ReportKit

/// Which days a flow monitoring report counts.
public enum Window: String, CaseIterable, Sendable, Decodable {
    /// The calendar month of the period.
    case month
    /// From `since` to the last day with observations in the period ("as of" that day).
    case cumulative
}

extension FlowMonitoringPlugin {
    /// `params:` of a flow-monitoring report. The defaults here are the ones
    /// `description.parameters` documents.
    public struct Parameters: PluginParameters {
        public var window: Window = .month
        /// The first day of a cumulative window; only with `window: cumulative`.
        public var since: Day? = nil
        /// FMP codes to keep; empty keeps every FMP.
        public var fmps: [String] = []
        /// How many nationalities and destinations the text names.
        public var top: Int = 5

        public init(window: Window = .month, since: Day? = nil, fmps: [String] = [], top: Int = 5) {
            self.window = window
            self.since = since
            self.fmps = fmps
            self.top = top
        }

        enum CodingKeys: String, CodingKey {
            case window, since, fmps, top
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Parameters()
            window = try container.decodeIfPresent(Window.self, forKey: .window) ?? defaults.window
            since = try container.decodeIfPresent(Day.self, forKey: .since) ?? defaults.since
            fmps = try container.decodeIfPresent([String].self, forKey: .fmps) ?? defaults.fmps
            top = try container.decodeIfPresent(Int.self, forKey: .top) ?? defaults.top
        }

        public func validate() -> [ParameterProblem] {
            var problems: [ParameterProblem] = []
            switch (window, since) {
            case (.cumulative, nil):
                problems.append(ParameterProblem(key: "since", message: "a cumulative window needs 'since', the first day it counts (YYYY-MM-DD)"))
            case (.month, .some):
                problems.append(ParameterProblem(key: "since", message: "'since' only applies to 'window: cumulative'; a month window counts its calendar month"))
            default:
                break
            }
            var seen = Set<String>()
            for code in fmps where !seen.insert(code).inserted {
                problems.append(ParameterProblem(key: "fmps", message: "FMP code '\(code)' is listed twice"))
            }
            return problems
        }
    }
}
