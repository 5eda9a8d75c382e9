import ReportKit

/// Placeholder until the plugin is written: registered so that the registry, the package and
/// the tests already know it.
public enum SituationReportsPlugin: ReportPlugin {
    public static let description = PluginDescription(
        id: "situation-report",
        name: Label(en: "Situation report", fr: "Rapport de situation"),
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
