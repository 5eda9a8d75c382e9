/// Reads `reports.yaml` strictly, with the position of every value, and collects every problem
/// of the file before giving up.
///
/// The steps, each refusing what the next could not survive: a size limit; UTF-8 and YAML's
/// character set; a pre-scan for tab indentation, excessive nesting and non-text keys (see
/// `YAMLPrescan`); Yams' composition; a copy of the tree under a node budget that counts alias
/// expansions (see `YAMLComposer`); and strict typing of every key.
public enum ReportsFileLoader {
    /// The only format version this dtm-report reads.
    public static let supportedVersion = 1
    /// Larger files are refused before parsing: a reports file is a few kilobytes, and libyaml
    /// holds the whole text in memory.
    public static let maximumFileSize = 1 << 20
    /// The most YAML values a file may have once aliases are expanded. A file with a hundred
    /// reports has about three thousand; a "billion laughs" file of a few hundred bytes is refused
    /// after ten thousand steps, in milliseconds.
    public static let nodeBudget = 10_000
    /// The deepest nesting accepted. reports.yaml needs six levels.
    public static let maximumDepth = 64
    /// The nesting at which the pre-scan refuses the text before Yams composes it. The pre-scan
    /// estimates on the high side, so it allows twice `maximumDepth`; the exact check on the
    /// tree reports anything deeper than `maximumDepth`. Yams recurses once per level, and 128
    /// levels are far from any stack's limit.
    public static let prescanDepthLimit = 2 * maximumDepth
    /// The default of `output:`.
    public static let defaultOutput = "out"

    static let topLevelKeys = ["version", "output", "languages", "reports", "page", "charts"]
    static let reportKeys = ["id", "plugin", "title", "inputs", "params", "templates", "absolute_inputs", "vocabularies", "page", "charts"]
    /// The keys a coordinator may write, as a misspelt key's message lists them: `defaults:` and
    /// `include:` (at the top), `tags:` and `enabled:` (in a report) are taken out of the tree
    /// before the strict reader sees it, but are keys allowed there all the same.
    static let writtenTopLevelKeys = topLevelKeys + ["defaults", "include"]
    static let writtenReportKeys = reportKeys + ["tags", "enabled"]

    /// Reads a reports file. `file` names it in messages (`reports.yaml`); `includes` is its
    /// folder, where `include:` reads (without it, `include:` is an error).
    public static func load(_ bytes: [UInt8], file: String, includes: IncludeFolder? = nil) -> Result<ReportsFile, DiagnosticList> {
        loadWithSources(bytes, file: file, includes: includes).map(\.file)
    }

    /// `load`, keeping the tree the file was read from and where each value came from, for
    /// `describe --report` (see `EffectiveDefinition`).
    public static func loadWithSources(_ bytes: [UInt8], file: String, includes: IncludeFolder? = nil) -> Result<LoadedReportsFile, DiagnosticList> {
        guard bytes.count <= maximumFileSize else {
            return .failure(DiagnosticList([.reportsFileTooLarge(file: file, size: bytes.count, limit: maximumFileSize)]))
        }
        let text: YAMLSourceText
        switch YAMLSourceText.decode(bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return .failure(DiagnosticList([diagnostic]))
        }
        let prescan = YAMLPrescan.check(text, depthLimit: prescanDepthLimit, reportedLimit: maximumDepth)
        guard prescan.isEmpty else { return .failure(DiagnosticList(prescan)) }

        var composer = YAMLComposer(text: text, nodeBudget: nodeBudget, depthLimit: maximumDepth)
        let composed = composer.compose()
        var reader = ReportsFileReader(text: text)
        for diagnostic in composer.diagnostics { reader.yaml.add(diagnostic) }
        guard let composed else {
            if composer.diagnostics.isEmpty { reader.yaml.add(.reportsFileEmpty(file: file)) }
            return .failure(reader.sortedDiagnostics)
        }
        // Merge keys, `x-` blocks, `defaults:` and groups: see `OfficePreparation`.
        var resolution = IncludeResolution(folder: includes, usedBytes: bytes.count, usedNodes: composer.visited)
        let whole = resolution.resolve(composed, file: file)
        var office = OfficePreparation()
        let root = office.prepare(whole)
        for diagnostic in resolution.diagnostics + office.diagnostics { reader.yaml.add(diagnostic) }
        if var reportsFile = reader.read(root), reader.yaml.diagnostics.isEmpty {
            office.applyGroups(to: &reportsFile)
            return .success(LoadedReportsFile(file: reportsFile, whole: whole, prepared: root,
                                              mergedKeys: composer.mergedKeys + resolution.mergedKeys, inheritedPaths: office.inheritedPaths))
        }
        return .failure(DiagnosticList(reader.sortedDiagnostics.diagnostics.map {
            OfficePreparation.explain($0, root: whole, merged: composer.mergedKeys + resolution.mergedKeys, inherited: office.inheritedPaths)
        }))
    }
}

/// The typed reading of a composed reports file.
private struct ReportsFileReader {
    let text: YAMLSourceText
    var yaml = YAMLReader()

    init(text: YAMLSourceText) {
        self.text = text
    }

    /// In the order of the file, so that a coordinator fixes from the top; stable for equal
    /// positions, so that messages about one place keep the order they were found in.
    var sortedDiagnostics: DiagnosticList {
        let sorted = yaml.diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): a.offset < b.offset
            case (nil, _): true
            case (_, nil): false
            case let (l?, r?): l == r ? a.offset < b.offset : l < r
            }
        }
        return DiagnosticList(sorted.map(\.element))
    }

    mutating func read(_ root: YAMLValue) -> ReportsFile? {
        guard let fields = yaml.mapping(root, path: "", allowed: ReportsFileLoader.writtenTopLevelKeys,
                                        required: ["version", "languages", "reports"], owner: root.location) else { return nil }
        var version: Int?
        if let pair = fields["version"], let number = yaml.integer(pair.value, path: "version") {
            if number > ReportsFileLoader.supportedVersion {
                yaml.add(.reportsFileVersionTooNew(at: pair.value.location, version: number, supported: ReportsFileLoader.supportedVersion))
            } else if number < ReportsFileLoader.supportedVersion {
                yaml.add(.reportsFileVersionInvalid(at: pair.value.location, version: number, supported: ReportsFileLoader.supportedVersion))
            } else {
                version = number
            }
        }
        var output: Located<String>? = Located(ReportsFileLoader.defaultOutput, at: SourceLocation(file: text.file), keyPath: "output")
        if let pair = fields["output"] {
            output = path(pair.value, keyPath: "output")
        }
        let languages = fields["languages"].flatMap { readLanguages($0.value) }
        var reports: [ReportDefinition] = []
        var reportsFailed = fields["reports"] == nil
        if let pair = fields["reports"], let items = yaml.sequence(pair.value, path: "reports") {
            if items.isEmpty {
                yaml.add(.yamlEmptyList(at: pair.value.location, subject: "reports", expected: "report"))
            }
            var firstLines: [String: Int] = [:]
            for (index, item) in items.enumerated() {
                if let report = readReport(item, index: index, languages: languages, firstLines: &firstLines) {
                    reports.append(report)
                } else {
                    reportsFailed = true
                }
            }
        }
        // `page:`: the page template every report is also published with as HTML (see `Pages/`).
        var page: Located<String>?
        var pageFailed = false
        if let pair = fields["page"] {
            page = path(pair.value, keyPath: "page")
            pageFailed = page == nil
        }
        // `charts:` at the top: each report's charts by its id, for a file that keeps them together.
        if let pair = fields["charts"], let entries = yaml.mappingPairs(pair.value, path: "charts") {
            for entry in entries {
                guard let index = reports.firstIndex(where: { $0.id.value == entry.key }) else {
                    if !reportsFailed {
                        yaml.add(.chartsUnknownReport(entry.key, known: reports.map(\.id.value), at: entry.keyLocation, subject: "charts.\(entry.key)"))
                    }
                    continue
                }
                if reports[index].charts != nil {
                    yaml.add(.chartsTwice(entry.key, at: entry.keyLocation, subject: "charts.\(entry.key)"))
                } else if yaml.sequence(entry.value, path: "charts.\(entry.key)") != nil {
                    reports[index].charts = entry.value
                    reports[index].chartsKeyPath = "charts.\(entry.key)"
                }
            }
        } else if fields["charts"] != nil {
            pageFailed = true
        }
        guard let version, let output, let languages, !reportsFailed, !pageFailed else { return nil }
        var reportsFile = ReportsFile(version: version, output: output, languages: languages, reports: reports)
        reportsFile.page = page
        return reportsFile
    }

    /// The languages, in the file's order; nil (reported) when any is unknown or repeated.
    mutating func readLanguages(_ value: YAMLValue) -> [Language]? {
        guard let items = yaml.sequence(value, path: "languages") else { return nil }
        if items.isEmpty {
            yaml.add(.yamlEmptyList(at: value.location, subject: "languages", expected: "language"))
            return nil
        }
        var languages: [Language] = []
        var valid = true
        for (index, item) in items.enumerated() {
            let path = "languages[\(index)]"
            guard let language = readLanguage(item, path: path) else {
                valid = false
                continue
            }
            if languages.contains(language) {
                yaml.add(.definitionDuplicateLanguage(at: item.location, subject: path, language: language))
                valid = false
            } else {
                languages.append(language)
            }
        }
        return valid ? languages : nil
    }

    mutating func readLanguage(_ value: YAMLValue, path: String) -> Language? {
        guard let name = yaml.text(value, path: path, expected: "a language") else { return nil }
        guard let language = Language(rawValue: name) else {
            yaml.add(.definitionUnknownLanguage(at: value.location, subject: path, language: name))
            return nil
        }
        return language
    }

    /// A relative path, or an absolute one (`/…`) where the report opted in with `absolute_inputs: true`.
    mutating func path(_ value: YAMLValue, keyPath: String, allowsAbsolute: Bool = false) -> Located<String>? {
        guard let path = yaml.text(value, path: keyPath, expected: "a path") else { return nil }
        guard !Self.isAbsolute(path) || (allowsAbsolute && path.hasPrefix("/")) else {
            yaml.add(.definitionAbsolutePath(at: value.location, subject: keyPath, path: path))
            return nil
        }
        return Located(path, at: value.location, keyPath: keyPath)
    }

    /// `/x`, `\x`, `~/x` and `C:\x` would tie the definitions to one machine.
    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~") { return true }
        let characters = Array(path.prefix(3))
        return characters.count >= 2 && characters[0].isLetter && characters[0].isASCII && characters[1] == ":"
    }

    /// Kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
    static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    mutating func readReport(_ item: YAMLValue, index: Int, languages: [Language]?, firstLines: inout [String: Int]) -> ReportDefinition? {
        let base = "reports[\(index)]"
        let location = text.dashBefore(item.location) ?? item.location
        guard let fields = yaml.mapping(item, path: base, allowed: ReportsFileLoader.writtenReportKeys,
                                        required: ["id", "plugin", "title", "inputs", "templates"], owner: location) else { return nil }
        var failed = false
        var id: Located<String>?
        if let pair = fields["id"], let value = yaml.text(pair.value, path: "\(base).id") {
            if !Self.isKebabCase(value) {
                yaml.add(.definitionInvalidID(at: pair.value.location, subject: "\(base).id", id: value))
            } else if let firstLine = firstLines[value] {
                yaml.add(.definitionDuplicateID(at: pair.value.location, subject: "\(base).id", id: value, firstLine: firstLine))
            } else {
                firstLines[value] = pair.value.location.line
                id = Located(value, at: pair.value.location, keyPath: "\(base).id")
            }
        }
        var plugin: Located<String>?
        if let pair = fields["plugin"], let value = yaml.text(pair.value, path: "\(base).plugin") {
            plugin = Located(value, at: pair.value.location, keyPath: "\(base).plugin")
        }
        var title: [Language: String] = [:]
        if let pair = fields["title"] {
            if let entries = readPerLanguage(pair, path: "\(base).title", languages: languages, missing: Diagnostic.definitionMissingTitle(at:subject:language:),
                                             read: { reader, value, path in reader.yaml.text(value, path: path) }) {
                title = entries
            } else {
                failed = true
            }
        }
        var allowsAbsoluteInputs = false
        if let pair = fields["absolute_inputs"] {
            if let scalar = pair.value.scalar, scalar.isPlain, scalar.text == "true" || scalar.text == "false" {
                allowsAbsoluteInputs = scalar.text == "true"
            } else {
                yaml.add(.parameterNotABoolean(at: pair.value.location, subject: "\(base).absolute_inputs",
                                               value: YAMLReader.excerpt(pair.value.scalar?.text ?? "")))
                failed = true
            }
        }
        var inputs: [InputReference] = []
        var pathProblems: [Diagnostic] = []
        if let pair = fields["inputs"], let entries = yaml.mappingPairs(pair.value, path: "\(base).inputs") {
            for entry in entries {
                let keyPath = "\(base).inputs.\(entry.key)"
                if entry.value.mapping != nil {
                    var file: Located<String>?
                    var paths: [Located<String>?] = []
                    var reader = yaml
                    let mapping = InputMappingReader.read(entry.value, keyPath: keyPath, yaml: &reader, file: &file) { value, path in
                        var inner = self
                        let located = inner.path(value, keyPath: path, allowsAbsolute: allowsAbsoluteInputs)
                        paths.append(located)
                        for diagnostic in inner.yaml.diagnostics.dropFirst(self.yaml.diagnostics.count) { pathProblems.append(diagnostic) }
                        return located
                    }
                    yaml = reader
                    for diagnostic in pathProblems { yaml.add(diagnostic) }
                    pathProblems.removeAll()
                    if let mapping, let file {
                        inputs.append(InputReference(name: entry.key, nameLocation: entry.keyLocation, path: file, mapping: mapping))
                    } else {
                        failed = true
                    }
                } else if let located = path(entry.value, keyPath: keyPath, allowsAbsolute: allowsAbsoluteInputs) {
                    inputs.append(InputReference(name: entry.key, nameLocation: entry.keyLocation, path: located))
                } else {
                    failed = true
                }
            }
        } else if fields["inputs"] != nil {
            failed = true
        }
        var params: YAMLValue?
        if let pair = fields["params"], pair.value.isNull {
            // `params:` with nothing under it (every line below commented out) is no parameters.
            params = nil
        } else if let pair = fields["params"], yaml.mappingPairs(pair.value, path: "\(base).params") != nil {
            params = pair.value
        } else if fields["params"] != nil {
            failed = true
        }
        var templates: [Language: Located<String>] = [:]
        if let pair = fields["templates"] {
            if let entries = readPerLanguage(pair, path: "\(base).templates", languages: languages, missing: Diagnostic.definitionMissingTemplate(at:subject:language:),
                                             read: { reader, value, path in reader.path(value, keyPath: path) }) {
                templates = entries
            } else {
                failed = true
            }
        }
        var vocabularies: [VocabularyReference] = []
        if let pair = fields["vocabularies"] {
            // Vocabulary files are project files, like templates: never an absolute path.
            let readPath: (inout YAMLReader, YAMLValue, String) -> Located<String>? = { yaml, value, keyPath in
                guard let path = yaml.text(value, path: keyPath, expected: "a path") else { return nil }
                guard !ReportsFileReader.isAbsolute(path) else {
                    yaml.add(.definitionAbsolutePath(at: value.location, subject: keyPath, path: path))
                    return nil
                }
                return Located(path, at: value.location, keyPath: keyPath)
            }
            if let references = VocabularyReference.read(pair.value, keyPath: "\(base).vocabularies", yaml: &yaml, path: readPath) {
                vocabularies = references
            } else {
                failed = true
            }
        }
        // `page:` (this report's own page template) and `charts:` (checked against the plugin's
        // tables by `ChartReader`, once the plugin is known).
        var page: Located<String>?
        if let pair = fields["page"] {
            page = path(pair.value, keyPath: "\(base).page")
            if page == nil { failed = true }
        }
        var charts: YAMLValue?
        if let pair = fields["charts"] {
            if yaml.sequence(pair.value, path: "\(base).charts") != nil { charts = pair.value } else { failed = true }
        }
        guard !failed, let id, let plugin, fields["title"] != nil, fields["inputs"] != nil, fields["templates"] != nil else { return nil }
        var definition = ReportDefinition(id: id, plugin: plugin, title: title, inputs: inputs, params: params, templates: templates,
                                          location: location, keyLocations: fields.mapValues(\.keyLocation), keyPath: base,
                                          allowsAbsoluteInputs: allowsAbsoluteInputs)
        definition.vocabularies = vocabularies
        definition.page = page
        definition.charts = charts
        return definition
    }

    /// A mapping with one entry per language of the file (`title:`, `templates:`). Unknown
    /// languages, languages the file does not list, and listed languages without an entry are
    /// all reported; nil when any was.
    mutating func readPerLanguage<Value>(
        _ pair: YAMLPair, path: String, languages: [Language]?,
        missing: (SourceLocation, String, Language) -> Diagnostic,
        read: (inout ReportsFileReader, YAMLValue, String) -> Value?
    ) -> [Language: Value]? {
        guard let entries = yaml.mappingPairs(pair.value, path: path) else { return nil }
        var result: [Language: Value] = [:]
        var valid = true
        for entry in entries {
            let keyPath = "\(path).\(entry.key)"
            guard let language = Language(rawValue: entry.key) else {
                yaml.add(.definitionUnknownLanguage(at: entry.keyLocation, subject: keyPath, language: entry.key))
                valid = false
                continue
            }
            if let languages, !languages.contains(language) {
                yaml.add(.definitionLanguageNotListed(at: entry.keyLocation, subject: keyPath, language: language, languages: languages))
                valid = false
                continue
            }
            if let value = read(&self, entry.value, keyPath) {
                result[language] = value
            } else {
                valid = false
            }
        }
        // Without a valid `languages:` there is nothing to compare with; that key's own error says why.
        for language in languages ?? [] where !entries.contains(where: { $0.key == language.rawValue }) {
            yaml.add(missing(pair.keyLocation, path, language))
            valid = false
        }
        return valid ? result : nil
    }
}
