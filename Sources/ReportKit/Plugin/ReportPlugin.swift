/// A kind of report. A plugin computes; it never formats for a language and never touches
/// the file system: the host reads its inputs, formats its facts and writes its outputs.
///
/// Adding one: a folder under `Plugins/`, a target in `Package.swift` and a line in
/// `BuiltInPlugins.all`.
public protocol ReportPlugin: Sendable {
    /// The plugin's typed parameters, decoded from the definition's `params:` once the host
    /// has checked every key and value against `description.parameters`.
    associatedtype Parameters: PluginParameters

    /// What the plugin reads, accepts and produces.
    static var description: PluginDescription { get }

    /// Turns the period's inputs into facts and tables. Inputs are already typed and checked
    /// against `description.inputs`; a `PluginFailure` reports a problem with the data as a
    /// whole (for instance no report date in the file at all).
    static func run(inputs: PluginInputs, parameters: Parameters, period: Period) throws(PluginFailure) -> ReportResult

    /// The months that have data for these parameters, so that a run without `--period`
    /// picks the latest. The default reads each required input's `periodColumn`.
    static func periodsWithData(inputs: PluginInputs, parameters: Parameters) -> Set<Period>
}

extension ReportPlugin {
    public static func periodsWithData(inputs: PluginInputs, parameters: Parameters) -> Set<Period> {
        var periods = Set<Period>()
        for spec in description.inputs where spec.isRequired {
            guard let table = inputs[spec.name] else { continue }
            for day in table.dates(spec.periodColumn) { periods.insert(day.period) }
        }
        return periods
    }
}

/// A plugin's parameters. Decoding runs after the host has checked keys, types and choices, so
/// `init(from:)` only supplies the documented defaults for absent keys.
public protocol PluginParameters: Decodable, Sendable {
    /// Checks that involve several parameters at once, as swift-argument-parser's `validate()`.
    /// Each problem names the key it is about.
    func validate() -> [ParameterProblem]
}

extension PluginParameters {
    public func validate() -> [ParameterProblem] { [] }
}

/// A problem with a definition's parameters that only the plugin can see.
public struct ParameterProblem: Sendable, Hashable {
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}

/// A problem with the data as a whole that a plugin reports instead of a result.
public struct PluginFailure: Error, Sendable, Hashable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// The inputs of one report, read and typed, by their names under `inputs:`.
public struct PluginInputs: Sendable {
    public var tables: [String: InputTable]

    public init(_ tables: [String: InputTable]) {
        self.tables = tables
    }

    public subscript(name: String) -> InputTable? { tables[name] }
}

/// What a plugin computes for one period: facts for the text, tables for CSV and JSON.
/// Nothing here depends on a language.
public struct ReportResult: Sendable, Hashable {
    public var facts: [String: FactValue]
    public var tables: [String: ResultTable]

    public init(facts: [String: FactValue], tables: [String: ResultTable]) {
        self.facts = facts
        self.tables = tables
    }
}

/// The rows of one output table, in the column order of its `TableSpec`.
public struct ResultTable: Sendable, Hashable {
    public var rows: [[TableCell]]

    public init(rows: [[TableCell]]) {
        self.rows = rows
    }
}

/// One cell of an output table. CSV writes numbers without separators and days in ISO form.
public enum TableCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    case day(Day)
    case flag(Bool)
    /// Not collected or not applicable: an empty CSV cell and `null` in JSON.
    case empty
}
