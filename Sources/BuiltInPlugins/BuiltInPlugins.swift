import CovidMobility
import FlowMonitoring
import Indicators
import ReportKit
import ReturneeMovements
import SituationReports

/// Every report plugin, once, sorted by id. Registration is this list and nothing else: no
/// plugin registers itself as a side effect of being linked. A test fails when a folder under
/// `Plugins/` is missing here or two plugins share an id.
public enum BuiltInPlugins {
    public static let all: [any ReportPlugin.Type] = [
        CovidMobilityPlugin.self,
        FlowMonitoringPlugin.self,
        IndicatorsPlugin.self,
        ReturneeMovementsPlugin.self,
        SituationReportsPlugin.self,
    ]
}
