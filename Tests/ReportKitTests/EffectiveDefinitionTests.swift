import Foundation
import Testing

@testable import ReportKit

/// `describe --report`: a report after merge keys and defaults, each value with its origin.
@Suite struct EffectiveDefinitionTests {
    let plugin = PluginDescription(
        id: "flow-monitoring", name: Label("Flows"), summary: "Flows.", inputs: [],
        parameters: [
            ParameterSpec("window", .choice(["month", "cumulative"]), default: "month", "The window."),
            ParameterSpec("since", .date, default: "none (required with window: cumulative)", "The first day."),
            ParameterSpec("top", .integer(1...20), default: "5", "How many."),
        ],
        facts: [], tables: [])

    let text = """
        version: 1
        x-fmp: &fmp
          plugin: flow-monitoring
          templates: {en: fmp.en.md, fr: fmp.fr.md}
        x-titles: &titles
          title: {en: Flows, fr: "Flux : mois"}
        defaults:
          languages: [en, fr]
          inputs:
            flow-monitoring: {observations: data/fmp.csv}
          params:
            flow-monitoring: {top: 3}
        reports:
          - <<: [*fmp, *titles]
            id: fmp-monthly
            params: {window: cumulative, since: 2016-06-30}
            tags: [monthly]
            templates: {en: own.en.md, fr: own.fr.md}

        """

    func lines() throws -> [String] {
        let loaded = try ReportsFileLoader.loadWithSources(Array(text.utf8), file: "reports.yaml").get()
        let definition = try #require(EffectiveDefinition.of("fmp-monthly", in: loaded, plugin: plugin))
        #expect(EffectiveDefinition.of("fmp-montly", in: loaded, plugin: plugin) == nil)
        // Without the alignment: the text, then the origin.
        return definition.text.split(separator: "\n").dropFirst().map {
            $0.replacingOccurrences(of: #" +# "#, with: " # ", options: .regularExpression)
        }
    }

    @Test func eachValueSaysWhereItCameFrom() throws {
        #expect(
            try lines() == [
                "id: fmp-monthly # reports.yaml:15",
                "plugin: flow-monitoring # reports.yaml:3, merged at reports.yaml:14",
                "tags: [monthly] # reports.yaml:17",
                "enabled: true # default of dtm-report",
                "title:",
                "  en: Flows # reports.yaml:6, merged at reports.yaml:14",
                "  fr: \"Flux : mois\" # reports.yaml:6, merged at reports.yaml:14",
                "inputs:",
                "  observations: data/fmp.csv # reports.yaml:10, from defaults",
                "params:",
                "  window: cumulative # reports.yaml:16",
                "  since: 2016-06-30 # reports.yaml:16",
                "  top: 3 # reports.yaml:12, from defaults",
                "templates:",
                "  en: own.en.md # reports.yaml:18",
                "  fr: own.fr.md # reports.yaml:18",
                "languages: [en, fr] # reports.yaml:8, from defaults",
                "output: out # default of dtm-report",
            ])
    }

    @Test func aParameterLeftOutShowsThePluginsDefault() throws {
        let loaded = try ReportsFileLoader.loadWithSources(
            Array(text.replacingOccurrences(of: "window: cumulative, since: 2016-06-30", with: "top: 4").utf8), file: "reports.yaml"
        ).get()
        let definition = try #require(EffectiveDefinition.of("fmp-monthly", in: loaded, plugin: plugin))
        let params = definition.lines.filter { $0.depth == 1 && ["window", "since", "top"].contains($0.key) }
        #expect(params.map(\.key) == ["top", "window", "since"])
        #expect(params.map(\.value) == ["4", "month", "~"])
        #expect(params[1].origin == .pluginDefault(plugin: "flow-monitoring", explanation: nil))
        #expect(params[2].origin?.description == "default of plugin flow-monitoring: required with window: cumulative")
    }
}
