/// A kind of report. A plugin computes; it never formats for a language and never touches
/// the file system: the host reads its inputs, formats its facts and writes its outputs.
///
/// Adding one: a folder under `Plugins/`, a target in `Package.swift` and a line in
/// `BuiltInPlugins.all`.
public protocol ReportPlugin: Sendable {
    /// The plugin's typed parameters, decoded from the definition's `params:` once the host
    /// has checked every key and value against `description.parameters`.
    associatedtype Parameters: PluginParameters

    /// What the host builds from the inputs' rows for `run`: `PluginInputs` (the default), every
    /// row in typed columns; or the plugin's own `InputAggregate`, which keeps only what the
    /// plugin needs (sums by month, say) so that a file of any size fits in the same memory and
    /// is read in parallel parts.
    associatedtype Inputs: InputAggregate = PluginInputs

    /// What the plugin reads, accepts and produces.
    static var description: PluginDescription { get }

    /// What one report of this plugin reads and produces. The default is `description`; a plugin
    /// whose facts, tables and input columns are declared in `params:` (`isShapedByParameters`)
    /// derives them here from the decoded parameters.
    static func description(for parameters: Parameters) -> PluginDescription

    /// An empty `Inputs` for these parameters, before any row; the host makes one for each
    /// part of each input file it reads. `period` is the month of `--period`, so that an
    /// aggregate keeps only what that period needs; nil without it, when the host computes the
    /// report for its latest month with data (`periodsWithData`), which the aggregate may keep
    /// alone.
    static func makeInputs(parameters: Parameters, period: Period?) -> Inputs

    /// Turns the period's inputs into facts and tables. Inputs are already typed and checked
    /// against `description.inputs` (P-code columns hold the vocabulary's codes and names);
    /// `vocabularies` holds the word lists `description.vocabularies` declares, as the report
    /// extends them, and the P-codes. A `PluginFailure` reports every problem found instead of a
    /// result, each at its row, at a key of `params:` or about the data as a whole.
    static func run(inputs: Inputs, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure) -> ReportResult

    /// The months that have data for these parameters, so that a run without `--period`
    /// picks the latest. With `PluginInputs`, the default reads each required input's
    /// `periodColumn`.
    static func periodsWithData(inputs: Inputs, parameters: Parameters) -> Set<Period>
}

extension ReportPlugin {
    public static func description(for parameters: Parameters) -> PluginDescription { description }


    /// The description of `definition`'s report: `description(for:)` of its parameters when they
    /// decode; the static description otherwise (the checks then say what is wrong).
    /// Every problem of `definition.params`: keys and values against the declarations, then
    /// decoding and `validate()`, each with its position.
    public static func parameterProblems(of definition: ReportDefinition) -> [Diagnostic] {
        let problems = DefinitionChecker.checkParameters(definition, against: description)
        guard problems.isEmpty else { return problems }
        if case .failure(let list) = DefinitionChecker.decodeParameters(Parameters.self, for: definition) { return list.diagnostics }
        return []
    }

    public static func description(of definition: ReportDefinition) -> PluginDescription {
        guard description.isShapedByParameters,
              DefinitionChecker.checkParameters(definition, against: description).isEmpty,
              case .success(let parameters) = DefinitionChecker.decodeParameters(Parameters.self, for: definition)
        else { return description }
        return description(for: parameters)
    }
}

extension ReportPlugin where Inputs == PluginInputs {
    public static func makeInputs(parameters: Parameters, period: Period?) -> PluginInputs { PluginInputs() }

    public static func periodsWithData(inputs: PluginInputs, parameters: Parameters) -> Set<Period> {
        var periods = Set<Period>()
        for spec in description.inputs where spec.isRequired {
            guard let table = inputs[spec.name] else { continue }
            for day in table.dates(spec.periodColumn) { periods.insert(day.period) }
        }
        return periods
    }
}

/// A plugin's parameters: a struct whose properties are each declared once with `@Parameter`
/// (key, type, default, documentation), with the synthesized `Decodable`. Decoding runs after the
/// host has checked keys, types and choices against `specs`, and reads each property from the key
/// its declaration names; an absent key keeps the property's initial value.
public protocol PluginParameters: Decodable, Sendable {
    /// Every parameter at its default.
    init()

    /// Checks that involve several parameters at once, as swift-argument-parser's `validate()`.
    /// Each problem names the key it is about.
    func validate() -> [ParameterProblem]
}

extension PluginParameters {
    public func validate() -> [ParameterProblem] { [] }

    /// The `@Parameter` declarations, in the order of the properties: the plugin's
    /// `description.parameters`.
    public static var specs: [ParameterSpec] { declarations.map(\.declaration.spec) }

    /// Each `@Parameter` property with its label (`window` for `@Parameter var window`).
    static var declarations: [(label: String, declaration: any DeclaredParameter)] {
        Mirror(reflecting: Self()).children.compactMap { child in
            guard let label = child.label, let declaration = child.value as? any DeclaredParameter else { return nil }
            return (label.hasPrefix("_") ? String(label.dropFirst()) : label, declaration)
        }
    }
}

/// A problem with a definition's parameters that only the plugin can see; the host reports it
/// at the key's line in `reports.yaml`. Its text comes from `Messages+Plugins.swift`.
public struct ParameterProblem: Sendable, Hashable {
    /// The key below `params:`; a dotted path (`measures.alerts.sum`) inside a structure.
    public var key: String
    public var message: String
    /// Where the value is in `reports.yaml`, for a problem inside a structure parameter (the
    /// host cannot find a nested key's line by its name); nil for a key of `params:` itself.
    public var location: SourceLocation?

    public init(key: String, message: String, at location: SourceLocation? = nil) {
        self.key = key
        self.message = message
        self.location = location
    }
}

/// What a plugin reports instead of a result: every problem it found, each at its place. The
/// host reports them as it reports its own, with their positions, under its cap and count.
public struct PluginFailure: Error, Sendable, Hashable {
    public var problems: [PluginProblem]

    public init(_ problems: [PluginProblem]) {
        self.problems = problems
    }

    /// One problem with the data as a whole (no report date in the file at all, say).
    public init(_ message: String) {
        self.init([PluginProblem(message: message)])
    }
}

/// One problem a plugin found, at its place: a row of an input file, a key of `params:`, or
/// (nil) the data as a whole. Texts are made in `Messages+Plugins.swift`.
public struct PluginProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Place: Sendable, Hashable {
        /// A row of an input file: `InputTable.place(ofRow:)`.
        case row(SourceLocation)
        /// A key of the definition's `params:`; the host finds its line.
        case parameter(String)
    }

    public var place: Place?
    /// The column of the row the problem is about, when there is one.
    public var column: String?
    public var message: String

    public init(at place: Place? = nil, column: String? = nil, message: String) {
        self.place = place
        self.column = column
        self.message = message
    }

    /// A parameter problem found while computing, at its key.
    public init(_ problem: ParameterProblem) {
        self.init(at: .parameter(problem.key), message: problem.message)
    }

    /// As a test reads it: `file:line: column 'x': message`, `params.key: message`.
    public var description: String {
        let subject = column.map { "column '\($0)': " } ?? ""
        switch place {
        case .row(let location)?: return "\(location): \(subject)\(message)"
        case .parameter(let key)?: return "params.\(key): \(message)"
        case nil: return subject + message
        }
    }
}

/// What a plugin computes for one period: facts for the text, tables for CSV and JSON.
/// Nothing here depends on a language.
public struct ReportResult: Sendable, Hashable {
    public var facts: [String: FactValue]
    public var tables: [String: ResultTable]
    /// The last day the report's inputs have data for, up to the end of the period, or nil when
    /// they have none. The host gives it to every template as `data_through` and `data_is_old`,
    /// so that a report says when its figures are older than its period.
    public var dataThrough: Day?

    public init(facts: [String: FactValue], tables: [String: ResultTable], dataThrough: Day? = nil) {
        self.facts = facts
        self.tables = tables
        self.dataThrough = dataThrough
    }
}

/// The rows of one output table, in the column order of its `TableSpec`.
public struct ResultTable: Sendable, Hashable {
    public var rows: [[TableCell]]

    public init(rows: [[TableCell]]) {
        self.rows = rows
    }
}

/// One cell of an output table. CSV writes numbers without separators, days and months in ISO
/// form (`2017-04-30`, `2017-04`).
public enum TableCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    case day(Day)
    /// A calendar month, as a monthly history table's rows name them.
    case month(Period)
    case flag(Bool)
    /// Not collected or not applicable: an empty CSV cell and `null` in JSON.
    case empty
}
