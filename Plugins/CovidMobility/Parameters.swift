import ReportKit

extension CovidMobilityPlugin {
    /// `params:` of a covid-mobility report. The defaults here are the ones
    /// `description.parameters` documents.
    public struct Parameters: PluginParameters {
        /// The PoE types the report counts; rows of other types are left out of every fact and table.
        public var types: [PoEType] = PoEType.allCases

        public init(types: [PoEType] = PoEType.allCases) {
            self.types = types
        }

        enum CodingKeys: String, CodingKey {
            case types
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Parameters()
            types = try container.decodeIfPresent([PoEType].self, forKey: .types) ?? defaults.types
        }

        /// The default as YAML writes it, for `description.parameters`.
        static var defaultTypesYAML: String {
            "[" + Parameters().types.map(\.rawValue).joined(separator: ", ") + "]"
        }

        public func validate() -> [ParameterProblem] {
            var problems: [ParameterProblem] = []
            if types.isEmpty {
                problems.append(ParameterProblem(key: "types", message: "needs at least one PoE type"))
            }
            var seen: Set<PoEType> = []
            for type in types where !seen.insert(type).inserted {
                problems.append(ParameterProblem(key: "types", message: "'\(type.rawValue)' is listed twice"))
            }
            return problems
        }
    }
}
