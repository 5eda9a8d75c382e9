import BuiltInPlugins
import ReportKit

/// What the fuzz targets share: the plugins' descriptions to check against, facts to render
/// templates with, and the diagnostics' text as a user would read it.
public enum FuzzSupport {
    /// Every built-in plugin's description, in registry order.
    public static let descriptions: [PluginDescription] = BuiltInPlugins.all.map { $0.description }

    /// Every built-in plugin type, in registry order.
    public static let plugins: [any ReportPlugin.Type] = BuiltInPlugins.all

    /// Every problem of `definition` against its plugin, as `validate` finds them before reading
    /// inputs: inputs and parameter keys, then the parameters decoded and validated (for
    /// `indicators`, its `params:` structures read by its own parser), then the inputs against
    /// the description the parameters shape, and a template stub of that description.
    public static func check(_ definition: ReportDefinition) -> [Diagnostic] {
        guard let plugin = plugins.first(where: { $0.description.id == definition.plugin.value }) else { return [] }
        let problems = plugin.parameterProblems(of: definition)
        guard problems.isEmpty else {
            return DefinitionChecker.checkInputs(definition, against: plugin.description, mappings: !plugin.description.isShapedByParameters)
                + problems
        }
        let shaped = plugin.description(of: definition)
        for language in Language.allCases { _ = PluginReference.templateStub(shaped, language: language) }
        return DefinitionChecker.checkInputs(definition, against: shaped)
    }

    /// Loads `bytes` as a reports.yaml and checks what loads as `validate` does before reading
    /// inputs: the plugins it names, then each definition (`check(_:)`); renders every problem
    /// found. What the two YAML targets do with the file they make.
    public static func loadAndCheck(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch ReportsFileLoader.load(bytes, file: "reports.yaml") {
        case .success(let file):
            var diagnostics = DefinitionChecker.checkPlugins(in: file, knownIDs: descriptions.map(\.id))
            for definition in file.reports { diagnostics += check(definition) }
            if !diagnostics.isEmpty { report(DiagnosticList(diagnostics), text: text) }
        case .failure(let list):
            precondition(!list.diagnostics.isEmpty, "a failure names at least one problem")
            report(list, text: text)
        }
    }

    /// Every input every plugin reads, in registry order.
    public static let inputSpecs: [InputSpec] = descriptions.flatMap(\.inputs)

    /// Splits a fuzz input into a selector (its first byte, 0 for an empty input) and the rest,
    /// so that one corpus file names both what it is checked against and the bytes themselves.
    public static func split(_ data: UnsafePointer<UInt8>, _ size: Int) -> (selector: Int, bytes: [UInt8]) {
        let all = UnsafeBufferPointer(start: data, count: size)
        guard let first = all.first else { return (0, []) }
        return (Int(first), Array(all.dropFirst()))
    }

    /// Renders `list` the way the command line does, with the offending line taken from `text`
    /// (the file the diagnostics point into), so that carets and line lookups are exercised too.
    @discardableResult
    public static func report(_ list: DiagnosticList, text: String) -> String {
        var source = text
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return DiagnosticReport.text(list, limit: 50) { _, number in
            guard number >= 1, number <= lines.count else { return nil }
            let line = lines[number - 1]
            return String(line.hasSuffix("\r") ? line.dropLast() : line)
        }
    }

    /// A plausible value for every fact in `specs` (optional ones included), so that every
    /// section and child name a template may use resolves to something.
    public static func sampleFacts(_ specs: [FactSpec]) -> [String: FactValue] {
        var facts: [String: FactValue] = [:]
        for spec in specs { facts[spec.name] = sampleValue(spec) }
        return facts
    }

    private static func sampleValue(_ spec: FactSpec) -> FactValue {
        let start = Day(year: 2020, month: 2, day: 29)!
        let end = Day(year: 2020, month: 3, day: 1)!
        switch spec.kind {
        case .count: return .count(1_234_567)
        case .percent: return .percent(0.125)
        case .decimal: return .decimal(-1_234.55, digits: 2)
        case .date: return .date(start)
        case .month: return .month(Period(year: 2020, month: 2)!)
        case .dateRange: return .dateRange(start, end)
        case .list: return .list([Label("Gao"), Label(en: "Ménaka region", fr: "région de Ménaka")])
        case .change: return .change(-907, relative: -0.016)
        case .label: return .label(Label(en: "Timbuktu", fr: "Tombouctou"))
        case .flag: return .flag(true)
        case .records: return .records([sampleFacts(spec.fields), sampleFacts(spec.fields)])
        }
    }
}
