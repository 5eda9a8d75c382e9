import ReportKit

/// The populations the CMP counts. Their words are in vocabulary `populations`
/// (`vocabularies/populations.csv`): `plural` and `singular`.
public enum Population: String, CaseIterable, Sendable, Decodable, ParameterChoice, ColumnChoice {
    case returnees
    case idps
    case returnedIDPs = "returned_idps"
}

extension ReturneeMovementsPlugin {
    /// `params:` of a returnee-movements report, each declared once: key, type, default and
    /// documentation (`description.parameters` is `Parameters.specs`).
    public struct Parameters: PluginParameters {
        // A month without figures for this population says so and gives the latest earlier ones.
        @Parameter("population", "The population to report on.", selecting: .column("population", of: "movements", rowsInPeriod: false))
        public var population: Population = .returnees

        @Parameter("regions", in: 1...20, "How many regions with the largest stocks the text names.")
        public var regions = 3

        public init() {}
    }
}
