import Foundation
import Testing
@testable import ReportKit

/// Merge keys, `x-` blocks, `defaults:`, `tags:` and `enabled:` of `reports.yaml`.
@Suite struct ReportsFileOfficeTests {
    private func load(_ text: String) -> Result<ReportsFile, DiagnosticList> {
        ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml")
    }

    private func errors(_ text: String) -> [String] {
        switch load(text) {
        case .success: ["unexpectedly loaded"]
        case .failure(let list): list.diagnostics.map(\.description)
        }
    }

    /// Two flow-monitoring reports sharing a block through an `x-` key and merge keys.
    private let shared = """
        version: 1
        languages: [en, fr]
        x-fmp: &fmp
          plugin: flow-monitoring
          inputs: {observations: data/fmp.csv}
          templates: {en: fmp.en.md, fr: fmp.fr.md}
        x-titles: &titles
          title: {en: Flows, fr: Flux}
        reports:
          - <<: [*fmp, *titles]
            id: fmp-monthly
            params: {window: month}
          - <<: *fmp
            id: fmp-snapshot
            title: {en: Snapshot, fr: Aperçu}
            templates: {en: snap.en.md, fr: snap.fr.md}

        """

    @Test func mergeKeysAndExtensionBlocks() throws {
        let file = try load(shared).get()
        #expect(file.reports.map(\.id.value) == ["fmp-monthly", "fmp-snapshot"])
        let monthly = file.reports[0], snapshot = file.reports[1]
        #expect(monthly.plugin.value == "flow-monitoring")
        // A merged value keeps the position it was written at, in the shared block.
        #expect(monthly.plugin.location.description == "reports.yaml:4:11")
        #expect(monthly.input(named: "observations")?.value == "data/fmp.csv")
        #expect(monthly.title[.fr] == "Flux")
        #expect(monthly.templates[.en]?.value == "fmp.en.md")
        // The report's own keys win over merged ones.
        #expect(snapshot.title[.en] == "Snapshot")
        #expect(snapshot.templates[.en]?.value == "snap.en.md")
        #expect(snapshot.templates[.en]?.location.line == 16)
    }

    @Test func firstMergedMappingWinsOverLaterOnes() throws {
        let text = shared.replacingOccurrences(of: "x-titles: &titles\n  title: {en: Flows, fr: Flux}",
                                               with: "x-titles: &titles\n  title: {en: Flows, fr: Flux}\n  plugin: other")
        let file = try load(text).get()
        #expect(file.reports[0].plugin.value == "flow-monitoring")
    }

    @Test func aQuotedMergeKeyIsAnOrdinaryKey() {
        let text = shared.replacingOccurrences(of: "  - <<: *fmp", with: "  - '<<': *fmp")
        #expect(errors(text).contains("reports.yaml:13:5: error: reports[1].<<: unknown key '<<'; the nearest of the 12 keys allowed here are id, page, tags, title, charts"))
    }

    @Test func aMergedValueThatIsNotAMapping() {
        let text = shared.replacingOccurrences(of: "  - <<: *fmp\n", with: "  - <<: [*fmp, plain]\n")
        #expect(errors(text) == ["reports.yaml:13:16: error: reports[1].<<[1]: a merge key takes a mapping or a list of mappings (`<<: *base`), found text 'plain'"])
        let scalar = "version: 1\nlanguages: [en]\nx-name: &name fmp\nreports:\n  - <<: *name\n    id: a\n"
        #expect(errors(scalar).first == "reports.yaml:3:9: error: reports[0].<<: a merge key takes a mapping or a list of mappings (`<<: *base`), found text 'fmp'")
    }

    @Test func anErrorInAMergedValuePointsAtItsLineAndNamesTheReport() {
        let text = shared.replacingOccurrences(of: "inputs: {observations: data/fmp.csv}", with: "inputs: {observations: /data/fmp.csv}")
        #expect(errors(text) == [
            "reports.yaml:5:26: error: reports[0].inputs.observations: '/data/fmp.csv' is an absolute path; write it relative to the folder of reports.yaml (merged into report 'fmp-monthly' at reports.yaml:10:5)",
            "reports.yaml:5:26: error: reports[1].inputs.observations: '/data/fmp.csv' is an absolute path; write it relative to the folder of reports.yaml (merged into report 'fmp-snapshot' at reports.yaml:13:5)",
        ])
    }

    @Test func extensionKeysAreOnlyAcceptedAtTheTopLevel() {
        let text = shared.replacingOccurrences(of: "    id: fmp-monthly\n", with: "    id: fmp-monthly\n    x-note: draft\n")
        #expect(errors(text) == [
            "reports.yaml:12:5: error: reports[0].x-note: unknown key 'x-note'; keys starting with 'x-' are accepted only at the top level of the file, to hold shared blocks",
        ])
    }

    @Test func theAliasBudgetCountsMergedValues() {
        var text = "version: 1\nlanguages: [en]\nx-a: &a [" + Array(repeating: "x", count: 100).joined(separator: ", ") + "]\n"
        text += "x-b: &b {" + (0..<100).map { "k\($0): *a" }.joined(separator: ", ") + "}\n"
        text += "reports:\n  - <<: *b\n"
        #expect(errors(text).first?.contains("more than 10000 YAML values") == true, "\(errors(text))")
    }

    // MARK: defaults

    private let withDefaults = """
        version: 1
        defaults:
          languages: [en, fr]
          output: reports-out
          inputs:
            flow-monitoring: {observations: data/fmp.csv}
          params:
            flow-monitoring: {window: month, since: 2016-06-30}
          templates:
            flow-monitoring: {en: fmp.en.md, fr: fmp.fr.md}
        reports:
          - id: fmp-monthly
            plugin: flow-monitoring
            title: {en: Flows, fr: Flux}
          - id: fmp-snapshot
            plugin: flow-monitoring
            title: {en: Snapshot, fr: Aperçu}
            params: {window: cumulative}
            templates: {en: snap.en.md}
            tags: [quarterly, mali]
            enabled: false

        """

    @Test func reportsInheritDefaultsEntryByEntry() throws {
        let file = try load(withDefaults).get()
        #expect(file.languages == [.en, .fr])
        #expect(file.output.value == "reports-out")
        #expect(file.output.location.description == "reports.yaml:4:11")
        let monthly = file.reports[0], snapshot = file.reports[1]
        #expect(monthly.input(named: "observations")?.location.description == "reports.yaml:6:37")
        #expect(monthly.params?.pair("window")?.value.scalar?.text == "month")
        #expect(monthly.templates[.fr]?.value == "fmp.fr.md")
        #expect(snapshot.params?.pair("window")?.value.scalar?.text == "cumulative")
        #expect(snapshot.params?.pair("since")?.value.scalar?.text == "2016-06-30")
        #expect(snapshot.templates[.en]?.value == "snap.en.md")
        #expect(snapshot.templates[.fr]?.value == "fmp.fr.md")
        #expect(monthly.tags.isEmpty && monthly.isEnabled)
        #expect(snapshot.tags.map(\.value) == ["quarterly", "mali"])
        #expect(snapshot.tags.first?.location.description == "reports.yaml:20:12")
        #expect(!snapshot.isEnabled)
    }

    @Test func conflictingDefaultsAreRefusedWithBothPlaces() {
        let text = withDefaults.replacingOccurrences(of: "version: 1\n", with: "version: 1\nlanguages: [en]\n")
        #expect(errors(text).first == "reports.yaml:4:3: error: defaults.languages: conflicting defaults: also set, to another value, at reports.yaml:2:1; keep one")
        let same = withDefaults.replacingOccurrences(of: "version: 1\n", with: "version: 1\nlanguages: [en, fr]\n")
        #expect((try? load(same).get()) != nil)
    }

    @Test func defaultsForAPluginNoReportUses() {
        let text = withDefaults.replacingOccurrences(of: "  params:\n    flow-monitoring:", with: "  params:\n    flow-monitorin:")
        #expect(errors(text) == [
            "reports.yaml:8:5: error: defaults.params.flow-monitorin: no report uses plugin 'flow-monitorin' (did you mean 'flow-monitoring'?)",
        ])
    }

    @Test func anErrorInAnInheritedValueNamesTheReport() {
        let text = withDefaults.replacingOccurrences(of: "{en: fmp.en.md, fr: fmp.fr.md}", with: "{en: fmp.en.md, fr: /fmp.fr.md}")
        #expect(errors(text) == [
            "reports.yaml:10:42: error: reports[0].templates.fr: '/fmp.fr.md' is an absolute path; write it relative to the folder of reports.yaml (a default, inherited by report 'fmp-monthly')",
            "reports.yaml:10:42: error: reports[1].templates.fr: '/fmp.fr.md' is an absolute path; write it relative to the folder of reports.yaml (a default, inherited by report 'fmp-snapshot')",
        ])
    }

    @Test func unknownKeyUnderDefaults() {
        let text = withDefaults.replacingOccurrences(of: "  output: reports-out\n", with: "  outptu: reports-out\n")
        #expect(errors(text).first == "reports.yaml:4:3: error: defaults.outptu: unknown key 'outptu'; the keys allowed here are output, languages, inputs, params, templates (did you mean 'output'?)")
    }

    // MARK: tags and enabled

    @Test func badTagsAndEnabled() {
        let text = withDefaults.replacingOccurrences(of: "tags: [quarterly, mali]", with: "tags: [Quarterly, mali, mali]")
            .replacingOccurrences(of: "enabled: false", with: "enabled: no")
        #expect(errors(text) == [
            "reports.yaml:20:12: error: reports[1].tags[0]: invalid tag 'Quarterly'; use lowercase letters, digits and single hyphens, as in 'monthly' or 'niger-2024'",
            "reports.yaml:20:29: error: reports[1].tags[2]: tag 'mali' is listed twice",
            "reports.yaml:21:14: error: reports[1].enabled: expected true or false, found text 'no'",
        ])
    }
}
