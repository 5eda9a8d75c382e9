import ReportKit

/// The populations the CMP counts. Their words are in vocabulary `populations`
/// (`vocabularies/populations.csv`): `plural` and `singular`.
public enum Population: String, CaseIterable, Sendable, Decodable {
    case returnees
    case idps
    case returnedIDPs = "returned_idps"
}

extension ReturneeMovementsPlugin {
    /// `params:` of a returnee-movements report. The defaults here are the ones
    /// `description.parameters` documents.
    public struct Parameters: PluginParameters {
        public var population: Population = .returnees
        public var regions: Int = 3

        public init(population: Population = .returnees, regions: Int = 3) {
            self.population = population
            self.regions = regions
        }

        enum CodingKeys: String, CodingKey {
            case population, regions
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Parameters()
            population = try container.decodeIfPresent(Population.self, forKey: .population) ?? defaults.population
            regions = try container.decodeIfPresent(Int.self, forKey: .regions) ?? defaults.regions
        }
    }
}
