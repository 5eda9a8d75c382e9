import ReportKit

extension CovidMobilityPlugin {
    /// `params:` of a covid-mobility report, declared once: key, type, default and documentation
    /// (`description.parameters` is `Parameters.specs`).
    public struct Parameters: PluginParameters {
        /// The PoE types the report counts; rows of other types are left out of every fact and table.
        // A period without an assessment of these types reports the latest earlier one.
        @Parameter("types", "The PoE types the report counts, each at most once; other rows are ignored.",
                   selecting: .column("poe_type", of: "poes", rowsInPeriod: false))
        public var types: [PoEType] = PoEType.allCases

        public init() {}

        public func validate() -> [ParameterProblem] {
            var problems: [ParameterProblem] = []
            if types.isEmpty {
                problems.append(.empty("types", needs: "PoE type"))
            }
            var seen: Set<PoEType> = []
            for type in types where !seen.insert(type).inserted {
                problems.append(.listedTwice("types", value: type.rawValue))
            }
            return problems
        }
    }
}
