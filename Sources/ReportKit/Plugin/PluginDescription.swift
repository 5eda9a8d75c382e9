/// Everything a plugin is, in one static value: `plugins`, `describe`, template checks, input
/// reading and the generated documentation all read it.
public struct PluginDescription: Sendable {
    /// Kebab-case id used in `reports.yaml` (`returnee-movements`).
    public var id: String
    public var name: Label
    /// One line: what report this plugin makes.
    public var summary: String
    public var inputs: [InputSpec]
    public var parameters: [ParameterSpec]
    public var facts: [FactSpec]
    public var tables: [TableSpec]
    /// The word lists `run` reads its words from (`vocabularies/<name>.csv`).
    public var vocabularies: [VocabularySpec]
    /// True when the facts, tables, input columns and vocabularies of a report come from its
    /// `params:` (`ReportPlugin.description(for:)`): this static value then lists none of them,
    /// and `describe --report ID` shows what one definition produces.
    public var isShapedByParameters = false
    /// For a plugin shaped by its parameters: the lines of a small working `params:` (indented
    /// from the key), which `new-report` writes for a coordinator to adapt.
    public var exampleParameters: [String] = []

    public init(id: String, name: Label, summary: String, inputs: [InputSpec], parameters: [ParameterSpec],
                facts: [FactSpec], tables: [TableSpec], vocabularies: [VocabularySpec] = []) {
        self.vocabularies = vocabularies
        self.id = id
        self.name = name
        self.summary = summary
        self.inputs = inputs
        self.parameters = parameters
        self.facts = facts
        self.tables = tables
    }

    public func input(named name: String) -> InputSpec? { inputs.first { $0.name == name } }
    public func fact(named name: String) -> FactSpec? { facts.first { $0.name == name } }
    public func table(named name: String) -> TableSpec? { tables.first { $0.name == name } }
    public func vocabulary(named name: String) -> VocabularySpec? { vocabularies.first { $0.name == name } }

    /// Whether an input column holds P-codes, so that the host reads the P-code vocabulary.
    public var readsPCodes: Bool { inputs.contains { $0.columns.contains { $0.pcode != nil } } }
}

/// A parameter a report definition may set under `params:`.
public struct ParameterSpec: Sendable, Hashable {
    public var name: String
    public var type: ParameterType
    /// The value used when the key is absent, as YAML would write it, optionally followed by an
    /// explanation in parentheses (`[] (every FMP)`); `none (…)` when the absence itself is the
    /// default; nil when required.
    public var defaultValue: String?
    public var documentation: String

    /// The column whose values this parameter keeps, when it is a filter: the host checks every
    /// value given against the values the input actually has, so that a typo never makes a
    /// report of nothing.
    public var selects: ColumnSelection?

    public init(_ name: String, _ type: ParameterType, default defaultValue: String?, _ documentation: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.documentation = documentation
    }

    /// The default as a YAML value that reads back as that default: `~` for `none`, the text
    /// before an explanation otherwise; nil when required.
    public var defaultYAML: String? {
        guard let defaultValue else { return nil }
        let value = defaultValue.components(separatedBy: " (").first ?? defaultValue
        return value == "none" ? "~" : value
    }

    /// The explanation that follows the default, without its parentheses (`every FMP`).
    public var defaultExplanation: String? {
        guard let defaultValue, let open = defaultValue.range(of: " ("), defaultValue.hasSuffix(")") else { return nil }
        return String(defaultValue[open.upperBound..<defaultValue.index(before: defaultValue.endIndex)])
    }

    /// Whether `~` (null) may be written: when the default is the absence of a value.
    public var acceptsNull: Bool { defaultYAML == "~" }

    /// This parameter, declared as keeping the rows of `input` whose `column` holds one of its
    /// values; `namedBy` is a column that gives each value's name (`fmp_name` for `fmp_code`),
    /// so that a name written for a code is answered with the code. With `rowsInPeriod`, a
    /// period where the kept values have no row while others do is an error: the plugin would
    /// report zeros. Without, the plugin says itself that the period has no figures for them.
    public func selecting(_ column: String, of input: String, namedBy: String? = nil, rowsInPeriod: Bool = true) -> ParameterSpec {
        var spec = self
        spec.selects = ColumnSelection(input: input, column: column, nameColumn: namedBy, requiresRowsInPeriod: rowsInPeriod)
        return spec
    }
}

/// The input column a filter parameter selects values of.
public struct ColumnSelection: Sendable, Hashable {
    /// The input's name under `inputs:`.
    public var input: String
    public var column: String
    /// A column naming each value, for suggestions.
    public var nameColumn: String?
    /// Whether the kept values must have a row in the period when other values do.
    public var requiresRowsInPeriod: Bool

    public init(input: String, column: String, nameColumn: String? = nil, requiresRowsInPeriod: Bool = true) {
        self.input = input
        self.column = column
        self.nameColumn = nameColumn
        self.requiresRowsInPeriod = requiresRowsInPeriod
    }
}

/// The YAML shape a parameter accepts. The host checks values against it, with positions,
/// before the plugin's `Parameters` are decoded.
public indirect enum ParameterType: Sendable, Hashable {
    case choice([String])
    case integer(ClosedRange<Int>)
    case date
    case text
    /// `true` or `false`, exactly (never `yes`, `on`, `True`).
    case flag
    case list(ParameterType)
    /// A mapping of the plugin's own shape, which the plugin reads itself with every value's
    /// position (`YAMLValue`); the text names the shape for `describe` (`column: type`).
    case structure(String)

    public var displayName: String {
        switch self {
        case .choice(let values): "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .integer(let range): "integer from \(range.lowerBound) to \(range.upperBound)"
        case .date: "date (YYYY-MM-DD)"
        case .text: "text"
        case .flag: "`true` or `false`"
        case .list(let element): "list of \(element.displayName)"
        case .structure(let shape): "mapping (\(shape))"
        }
    }
}

/// A table a plugin produces; it becomes `<name>.csv` and `tables.<name>` in `report.json`.
public struct TableSpec: Sendable, Hashable {
    public var name: String
    public var documentation: String
    public var columns: [TableColumnSpec]
    /// The table's caption on the pages, when the definition gives it (`indicators`); otherwise
    /// `vocabularies/table-headings.csv` does.
    public var caption: Label?

    public init(_ name: String, _ documentation: String, columns: [TableColumnSpec]) {
        self.name = name
        self.documentation = documentation
        self.columns = columns
    }
}

/// A column of an output table, with the HXL hashtag written in the CSV's second row.
public struct TableColumnSpec: Sendable, Hashable {
    public var name: String
    public var hxl: String
    public var documentation: String
    /// The column's heading on the pages, when the definition gives it (`indicators`);
    /// otherwise `vocabularies/table-headings.csv` does.
    public var heading: Label?

    public init(_ name: String, hxl: String, _ documentation: String) {
        self.name = name
        self.hxl = hxl
        self.documentation = documentation
    }
}
