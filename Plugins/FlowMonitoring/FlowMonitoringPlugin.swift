import ReportKit

/// Placeholder until the plugin is written: registered so that the registry, the package and
/// the tests already know it.
public enum FlowMonitoringPlugin: ReportPlugin {
    public static let description = PluginDescription(
        id: "flow-monitoring",
        name: Label(en: "Flow monitoring", fr: "Suivi des flux"),
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
