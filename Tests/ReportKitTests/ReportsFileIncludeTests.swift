import Foundation
import Testing
@testable import ReportKit

/// `include:` of `reports.yaml`, on real files in a temporary folder.
@Suite struct ReportsFileIncludeTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("include-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("niger"), withIntermediateDirectories: true)
    }

    func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(path))
    }

    func load(_ text: String) throws -> Result<ReportsFile, DiagnosticList> {
        try write(text, "reports.yaml")
        return ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml", includes: IncludeFolder(configFile: folder.appendingPathComponent("reports.yaml")))
    }

    func errors(_ text: String) throws -> [String] {
        switch try load(text) {
        case .success: ["unexpectedly loaded"]
        case .failure(let list): list.diagnostics.map(\.description)
        }
    }

    static let root = """
        version: 1
        languages: [en]
        defaults:
          params:
            flow-monitoring: {top: 3}
        include: [niger/*.yaml]
        reports:
          - id: mali
            plugin: flow-monitoring
            title: {en: Mali}
            inputs: {observations: data/mali.csv}
            templates: {en: fmp.en.md}

        """

    static let niger = """
        defaults:
          inputs:
            flow-monitoring: {observations: data/niger.csv}
        reports:
          - id: niger
            plugin: flow-monitoring
            title: {en: Niger}
            templates: {en: ../fmp.en.md}

        """

    @Test func includedReportsWithPathsRelativeToTheirFile() throws {
        try write(Self.niger, "niger/a.yaml")
        try write("reports: [{id: niger-b, plugin: flow-monitoring, title: {en: B}, templates: {en: b.md}}]\n", "niger/b.yaml")
        try write("not included\n", "niger/notes.txt")
        let file = try load(Self.root).get()
        #expect(file.reports.map(\.id.value) == ["mali", "niger", "niger-b"])
        let niger = file.reports[1]
        #expect(niger.input(named: "observations")?.value == "niger/data/niger.csv")
        #expect(niger.input(named: "observations")?.location.description == "niger/a.yaml:3:37")
        #expect(niger.templates[.en]?.value == "fmp.en.md")
        #expect(niger.params?.pair("top")?.value.scalar?.text == "3")
        // The defaults of an included file are every report's: the Mali report inherits nothing
        // it sets itself, and its own input stays.
        #expect(file.reports[0].input(named: "observations")?.value == "data/mali.csv")
        #expect(file.reports[2].templates[.en]?.value == "niger/b.md")
    }

    @Test func positionsInMessagesAreInTheRightFile() throws {
        try write(Self.niger.replacingOccurrences(of: "title: {en: Niger}", with: "titel: {en: Niger}"), "niger/a.yaml")
        let messages = try errors(Self.root)
        #expect(messages.contains { $0.hasPrefix("niger/a.yaml:7:5: error: reports[1].titel: unknown key 'titel'") }, "\(messages)")
    }

    @Test func anIDDefinedTwiceNamesBothPlaces() throws {
        try write(Self.niger.replacingOccurrences(of: "id: niger", with: "id: mali"), "niger/a.yaml")
        #expect(try errors(Self.root) == ["niger/a.yaml:5:9: error: id: duplicate report id 'mali' (first at reports.yaml:8:9)"])
    }

    @Test func missingOutsideAndCyclicIncludes() throws {
        try write(Self.niger + "include: [../reports.yaml, ../../x.yaml, none.yaml, '*.yml']\n", "niger/a.yaml")
        let messages = try errors(Self.root)
        #expect(messages == [
            "niger/a.yaml:9:11: error: include[0]: include cycle: reports.yaml → niger/a.yaml → reports.yaml",
            "niger/a.yaml:9:28: error: include[1]: '../../x.yaml' leads outside the folder of reports.yaml; included files must be inside it",
            "niger/a.yaml:9:42: error: include[2]: no file 'none.yaml'; paths are relative to the file that includes it",
            "niger/a.yaml:9:53: error: include[3]: no file matches '*.yml'",
        ], "\(messages)")
    }

    @Test func conflictingDefaultsAcrossFiles() throws {
        try write(Self.niger.replacingOccurrences(of: "defaults:\n", with: "defaults:\n  params:\n    flow-monitoring: {top: 5}\n"), "niger/a.yaml")
        #expect(try errors(Self.root) == [
            "niger/a.yaml:3:23: error: defaults.params.flow-monitoring.top: conflicting defaults: also set, to another value, at reports.yaml:5:23; keep one",
        ])
    }

    @Test func theNodeBudgetIsForAllFilesTogether() throws {
        let big = (0..<60).map { "x-\($0): [" + Array(repeating: "1", count: 90).joined(separator: ", ") + "]" }.joined(separator: "\n")
        try write(big + "\nreports: []\n", "niger/a.yaml")
        try write(big + "\nreports: []\n", "niger/b.yaml")
        let messages = try errors(Self.root)
        #expect(messages.contains { $0.hasPrefix("niger/b.yaml:") && $0.contains("more than 10000 YAML values") }, "\(messages)")
    }
}
