import ReportKit

/// The populations the CMP counts, with the words the reports use for them.
public enum Population: String, CaseIterable, Sendable, Decodable {
    case returnees
    case idps
    case returnedIDPs = "returned_idps"

    /// The plural noun, as in "58,315 returnees".
    var label: Label {
        switch self {
        case .returnees: Label(en: "returnees", fr: "rapatriés")
        case .idps: Label(en: "internally displaced persons", fr: "personnes déplacées internes")
        case .returnedIDPs: Label(en: "returned IDPs", fr: "personnes retournées")
        }
    }

    /// The singular noun, as in "1 returnee" (French: also "0 rapatrié").
    var singularLabel: Label {
        switch self {
        case .returnees: Label(en: "returnee", fr: "rapatrié")
        case .idps: Label(en: "internally displaced person", fr: "personne déplacée interne")
        case .returnedIDPs: Label(en: "returned IDP", fr: "personne retournée")
        }
    }
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
