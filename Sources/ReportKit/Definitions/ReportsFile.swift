/// A value read from a configuration file, with where it was written.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where the value was written (the value's own position, not its key's); file only when
    /// the value is a default that the file does not spell out.
    public var location: SourceLocation
    /// The key path that messages name (`reports[0].inputs.movements`).
    public var keyPath: String

    /// A located value.
    public init(_ value: Value, at location: SourceLocation, keyPath: String) {
        self.value = value
        self.location = location
        self.keyPath = keyPath
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// `reports.yaml`, read and checked for shape: every report a monthly run makes.
///
/// Whether each report's plugin exists, and whether its inputs and parameters fit that plugin,
/// is checked afterwards by `DefinitionChecker`, once the registry is known.
public struct ReportsFile: Sendable {
    /// The format version; always 1 for a file that loaded.
    public var version: Int
    /// The output folder, relative to the folder of `reports.yaml` (`out` by default).
    public var output: Located<String>
    /// The languages every report is written in, in the order of the file.
    public var languages: [Language]
    /// The reports, in the order of the file.
    public var reports: [ReportDefinition]
    /// `page:`: the page template (HTML) every report is also published with, beside its
    /// Markdown, with the month's index; nil for no pages.
    public var page: Located<String>?

    /// A reports file.
    public init(version: Int, output: Located<String>, languages: [Language], reports: [ReportDefinition]) {
        self.version = version
        self.output = output
        self.languages = languages
        self.reports = reports
    }
}

/// One entry under `reports:`: which plugin makes it, from which files, with which parameters.
public struct ReportDefinition: Sendable {
    /// Kebab-case id, unique in the file; the report's output folder is named after it.
    public var id: Located<String>
    /// The id of the plugin that computes the report (checked against the registry later).
    public var plugin: Located<String>
    /// The report's title in each language of the file.
    public var title: [Language: String]
    /// The input files by name, in the order of the file. Paths are relative to the folder of
    /// `reports.yaml`.
    public var inputs: [InputReference]
    /// The `params:` mapping as written, or nil when absent (all defaults). Checked against the
    /// plugin's `ParameterSpec`s and decoded by `DefinitionChecker`.
    public var params: YAMLValue?
    /// The template file for each language of the file, relative to the folder of `reports.yaml`.
    public var templates: [Language: Located<String>]
    /// Where the report starts: its `-` in a block list.
    public var location: SourceLocation
    /// Where each key of the report was written (`inputs`, `params`…): problems about a whole
    /// mapping, such as a missing input, point there.
    public var keyLocations: [String: SourceLocation]
    /// The key path of the report (`reports[0]`); messages about its keys start with it.
    public var keyPath: String
    /// `absolute_inputs: true`: this report may read input files by absolute path, outside the
    /// folder of `reports.yaml` (data kept on a shared drive). Templates and outputs stay confined.
    public var allowsAbsoluteInputs: Bool
    /// `vocabularies:`: files that extend or replace the shipped vocabularies for this report.
    public var vocabularies: [VocabularyReference] = []
    /// `tags:`, in the order of the file: the groups `run --tag` selects by.
    public var tags: [Located<String>] = []
    /// False for `enabled: false`: the report is checked but not made (see `ReportsFile+Office.swift`).
    public var isEnabled = true
    /// `page:`: this report's own page template, in place of the file's.
    public var page: Located<String>?
    /// `charts:` as written: the charts of the report's pages, read by `ChartReader` against the plugin's tables.
    public var charts: YAMLValue?
    /// Where messages place `charts:`: the report's own key, or its entry under the top-level `charts:`.
    public var chartsKeyPath: String?

    /// A report definition.
    public init(id: Located<String>, plugin: Located<String>, title: [Language: String], inputs: [InputReference],
                params: YAMLValue?, templates: [Language: Located<String>], location: SourceLocation,
                keyLocations: [String: SourceLocation], keyPath: String, allowsAbsoluteInputs: Bool = false) {
        self.allowsAbsoluteInputs = allowsAbsoluteInputs
        self.id = id
        self.plugin = plugin
        self.title = title
        self.inputs = inputs
        self.params = params
        self.templates = templates
        self.location = location
        self.keyLocations = keyLocations
        self.keyPath = keyPath
    }

    /// The path given for input `name`, if any.
    public func input(named name: String) -> Located<String>? {
        inputs.first { $0.name == name }?.path
    }

    /// The inputs by name, for lookups where the file's order does not matter.
    public var inputPaths: [String: Located<String>] {
        Dictionary(inputs.map { ($0.name, $0.path) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where the `key` of this report was written, or the report's own position when absent.
    public func location(ofKey key: String) -> SourceLocation {
        keyLocations[key] ?? location
    }
}

/// One entry under `inputs:`.
public struct InputReference: Sendable, Hashable {
    /// The input's name, as the plugin declares it (`movements`).
    public var name: String
    /// Where the name was written.
    public var nameLocation: SourceLocation
    /// The file, relative to the folder of `reports.yaml`.
    public var path: Located<String>
    /// How the file's columns and rows feed the input, when the definition says so
    /// (`file:` with `columns:`, `wide:`…); nil for a file in the plugin's own format.
    public var mapping: InputMapping?

    /// An input reference.
    public init(name: String, nameLocation: SourceLocation, path: Located<String>, mapping: InputMapping? = nil) {
        self.name = name
        self.nameLocation = nameLocation
        self.path = path
        self.mapping = mapping
    }
}
