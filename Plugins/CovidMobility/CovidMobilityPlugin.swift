import ReportKit

/// Placeholder until the plugin is written: registered so that the registry, the package and
/// the tests already know it.
public enum CovidMobilityPlugin: ReportPlugin {
    public static let description = PluginDescription(
        id: "covid-mobility",
        name: Label(en: "COVID-19 mobility impact", fr: "Impact de la COVID-19 sur la mobilité"),
        summary: "Not written yet.",
        inputs: [],
        parameters: [],
        facts: [],
        tables: []
    )

    public struct Parameters: PluginParameters {}

    public static func run(inputs: PluginInputs, parameters: Parameters, period: Period) throws(PluginFailure) -> ReportResult {
        ReportResult(facts: [:], tables: [:])
    }
}
