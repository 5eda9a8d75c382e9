import Foundation

/// What `dtm-report run` and `validate` were asked to do.
public struct RunOptions: Sendable {
    public var configFile: URL
    /// The month to report on; nil gives each report the latest month with data.
    public var period: Period?
    /// Only these reports; empty for all.
    public var reportIDs: [String]
    /// Overrides `output:` of reports.yaml.
    public var outputFolder: URL?

    public init(configFile: URL, period: Period? = nil, reportIDs: [String] = [], outputFolder: URL? = nil) {
        self.configFile = configFile
        self.period = period
        self.reportIDs = reportIDs
        self.outputFolder = outputFolder
    }
}

/// Every file a run will write, computed in memory. Nothing is on disk yet.
public struct RunPlan: Sendable {
    /// The output folder (`out/`).
    public var outputRoot: URL
    public var outputs: [ReportOutput]
    /// Input columns read by their HXL hashtag rather than their name, once per file, for
    /// `validate` to show.
    public var columnsFoundByHashtag: [HashtagMatch] = []
}

/// The one validation and computation pass that `run` and `validate` share.
///
/// It reads the configuration, the templates and every input, checks them all and collects
/// every problem; only when there is none does it run the plugins and render the files, still
/// in memory. `run` then hands the plan to `OutputWriter`; `validate` stops here.
public enum ReportRun {
    public static let toolVersion = "0.1.0"

    public static func plan(_ options: RunOptions, registry: PluginRegistry) -> Result<RunPlan, DiagnosticList> {
        let project = ProjectFiles(configFile: options.configFile)
        let configName = project.display(options.configFile)
        // A configuration far over the limit is refused by its size, before it is read at all.
        let size = (try? FileManager.default.attributesOfItem(atPath: options.configFile.path))?[.size] as? Int
        if let size, size > ReportsFileLoader.maximumFileSize {
            return .failure(DiagnosticList([.reportsFileTooLarge(file: configName, size: size, limit: ReportsFileLoader.maximumFileSize)]))
        }
        guard let configData = FileManager.default.contents(atPath: options.configFile.path) else {
            return .failure(DiagnosticList([.configNotFound(configName)]))
        }
        let file: ReportsFile
        switch ReportsFileLoader.load(Array(configData), file: configName) {
        case .success(let loaded): file = loaded
        case .failure(let list): return .failure(list)
        }

        var diagnostics = DiagnosticCollector()
        let knownIDs = file.reports.map(\.id.value)
        for id in options.reportIDs where !knownIDs.contains(id) {
            diagnostics.add(.unknownReport(id, known: knownIDs))
        }
        let selected = options.reportIDs.isEmpty ? file.reports : file.reports.filter { options.reportIDs.contains($0.id.value) }

        var inputCache = InputCache(project: project)
        var prepared: [PreparedReport] = []
        for definition in selected {
            guard let plugin = registry.plugin(id: definition.plugin.value) else {
                diagnostics.add(contentsOf: DefinitionChecker.checkPlugin(of: definition, knownIDs: registry.ids).map { [$0] } ?? [])
                continue
            }
            if let report = diagnostics.collecting({ () throws(DiagnosticList) in
                try prepare(plugin, definition: definition, languages: file.languages, project: project, inputs: &inputCache)
            }) {
                prepared.append(report)
            }
        }
        let outputRoot: URL
        switch options.outputFolder.map(Result.success) ?? project.resolve(file.output) {
        case .success(let url):
            outputRoot = url
            diagnostics.add(contentsOf: checkOutputFolder(outputRoot, given: options.outputFolder != nil, file: file, reports: prepared, project: project))
        case .failure(let diagnostic):
            // A refused output folder is the one problem to report about it: checking what
            // lies inside a folder the run will never use would only add noise.
            diagnostics.add(diagnostic)
            outputRoot = project.root
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics.diagnostics)) }

        var outputs: [ReportOutput] = []
        for report in prepared {
            if let output = diagnostics.collecting({ () throws(Diagnostic) in
                try report.render(period: options.period, languages: file.languages)
            }) {
                outputs.append(output)
            }
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics.diagnostics)) }
        return .success(RunPlan(outputRoot: outputRoot, outputs: outputs, columnsFoundByHashtag: inputCache.columnsFoundByHashtag))
    }

    /// The output folder must be a folder (or not exist yet), and no file the run reads may
    /// be inside it: a run replaces whole period folders there.
    private static func checkOutputFolder(_ output: URL, given: Bool, file: ReportsFile, reports: [PreparedReport],
                                          project: ProjectFiles) -> [Diagnostic] {
        // A folder given on the command line is shown as the user most likely typed it:
        // relative to the project when it is inside it, never as a temporary machine path.
        let shown = given ? (project.isInside(output, project.root) ? project.display(output) : output.path) : file.output.value
        let location = given ? nil : file.output.location
        let subject = given ? "--out" : file.output.keyPath
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), !isFolder.boolValue {
            return [.outputIsAFile(shown, at: location, subject: subject)]
        }
        // A folder below a regular file can never be created; say so now, not when writing.
        var ancestor = output.deletingLastPathComponent().standardizedFileURL
        while ancestor.path.count > 1 {
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
                if isFolder.boolValue { break }
                let blocker = project.isInside(ancestor, project.root) ? project.display(ancestor) : ancestor.path
                return [.outputUnderAFile(shown, file: blocker, at: location, subject: subject)]
            }
            ancestor = ancestor.deletingLastPathComponent().standardizedFileURL
        }
        let read = reports.flatMap { $0.inputRecords.map(\.path) + $0.templateFiles }
        // One error for the folder, naming the first file: `output: .` would otherwise give one
        // line for every input and template of the project.
        let inside = Set(read).sorted().filter { project.isInside($0.hasPrefix("/") ? URL(fileURLWithPath: $0) : project.root.appendingPathComponent($0), output) }
        guard let first = inside.first else { return [] }
        return [.readInsideOutput(first, others: inside.count - 1, output: shown, at: location, subject: subject)]
    }

    /// Checks one definition against its plugin and reads what it needs. The plugin's type is
    /// opened here, so everything after works on the type-erased `PreparedReport`.
    private static func prepare<Plugin: ReportPlugin>(
        _ plugin: Plugin.Type, definition: ReportDefinition, languages: [Language], project: ProjectFiles, inputs: inout InputCache
    ) throws(DiagnosticList) -> PreparedReport {
        let description = Plugin.description
        var diagnostics = DiagnosticCollector()
        diagnostics.add(contentsOf: DefinitionChecker.check(definition, against: description))
        // Values are decoded only once every key and value passed the checks above.
        let parameters = diagnostics.isEmpty
            ? diagnostics.collecting { () throws(DiagnosticList) in try DefinitionChecker.decodeParameters(Plugin.Parameters.self, for: definition).get() }
            : nil

        let facts = HostFacts.specs + description.facts
        var templates: [Language: CompiledTemplate] = [:]
        for language in languages {
            guard let path = definition.templates[language] else { continue }  // the loader reported it
            let compiled = diagnostics.collecting { () throws(DiagnosticList) -> CompiledTemplate in
                let url = try project.resolve(path).get(or: DiagnosticList.init)
                let text = try decodeTemplate(project.read(url, namedAt: path).get(or: DiagnosticList.init), file: project.display(url))
                let problems = TemplateChecker.check(text, file: project.display(url), facts: facts)
                if !problems.isEmpty { throw DiagnosticList(problems) }
                return try CompiledTemplate(text: text, file: project.display(url))
            }
            templates[language] = compiled
        }

        var tables: [String: InputTable] = [:]
        var records: [InputRecord] = []
        for input in definition.inputs {
            guard let spec = description.input(named: input.name) else { continue }  // DefinitionChecker reported it
            if let read = diagnostics.collecting({ () throws(DiagnosticList) in try inputs.read(input.path, spec: spec, allowsAbsolute: definition.allowsAbsoluteInputs) }) {
                tables[input.name] = read.table
                records.append(InputRecord(name: input.name, path: read.table.file, sha256: read.sha256, size: read.size))
            }
        }
        try diagnostics.check()
        // Parameters are nil only when a diagnostic was collected, and `check()` threw then.
        guard let parameters else { throw DiagnosticList([]) }

        let pluginInputs = PluginInputs(tables)
        return PreparedReport(
            definition: definition,
            description: description,
            templates: templates,
            inputRecords: records.sorted { $0.name < $1.name },
            periodsWithData: { Plugin.periodsWithData(inputs: pluginInputs, parameters: parameters) },
            compute: { (period) throws(PluginFailure) in try Plugin.run(inputs: pluginInputs, parameters: parameters, period: period) }
        )
    }

    private static func decodeTemplate(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticList([.templateInvalidUTF8(at: firstInvalidUTF8(in: bytes, file: file))])
        }
        return text
    }

    /// Where the first byte sequence that is not UTF-8 starts: its line, and its column
    /// counted in Unicode scalars, as every other column in messages.
    static func firstInvalidUTF8(in bytes: [UInt8], file: String) -> SourceLocation {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return SourceLocation(file: file)
            case .error:
                return SourceLocation(file: file, line: line, column: column)
            }
        }
    }
}

extension Result {
    /// The success value, or the failure wrapped as another error type.
    func get<E: Error>(or wrap: (Failure) -> E) throws(E) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw wrap(error)
        }
    }
}

extension DiagnosticList {
    init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }
}

/// One report, checked and read, ready to compute for a period.
struct PreparedReport {
    let definition: ReportDefinition
    let description: PluginDescription
    let templates: [Language: CompiledTemplate]
    let inputRecords: [InputRecord]
    /// The template files, as shown in messages.
    var templateFiles: [String] { templates.values.map(\.file) }
    let periodsWithData: () -> Set<Period>
    let compute: (Period) throws(PluginFailure) -> ReportResult

    /// Runs the plugin, checks its result against its description and renders every file.
    func render(period requested: Period?, languages: [Language]) throws(Diagnostic) -> ReportOutput {
        guard let period = requested ?? periodsWithData().max() else {
            throw .noPeriodWithData(report: definition.id.value, at: definition.location)
        }
        let result: ReportResult
        do {
            result = try compute(period)
        } catch {
            throw .pluginFailed(error, report: definition.id.value, period: period, at: definition.location)
        }
        if let problem = ResultContract.firstViolation(of: result, against: description) {
            throw .pluginBrokeContract(description.id, problem: problem)
        }

        let facts = result.facts.merging(HostFacts.values(title: definition.title, period: period)) { plugin, _ in plugin }
        var texts: [Language: String] = [:]
        var files: [OutputFile] = []
        for language in languages {
            guard let template = templates[language] else { continue }
            let text = template.render(facts, language: language)
            texts[language] = text
            files.append(OutputFile(name: "report.\(language.rawValue).md", bytes: Array(text.utf8)))
        }
        for spec in description.tables {
            files.append(OutputFile(name: "\(spec.name).csv", bytes: CSVWriter.write(result.tables[spec.name]!, spec: spec)))
        }
        let document = JSONDocument.report(id: definition.id.value, plugin: description.id, period: period, title: definition.title,
                                           result: result, description: description, texts: texts)
        files.append(OutputFile(name: "report.json", bytes: JSONDocument.bytes(document)))
        return ReportOutput(id: definition.id.value, plugin: description.id, period: period, inputs: inputRecords, files: files)
    }
}

/// Inputs read once per run: a file two reports read with the same columns is parsed once.
struct InputCache {
    struct Entry {
        var table: InputTable
        var sha256: String
        var size: Int
    }

    let project: ProjectFiles
    private var entries: [String: Result<Entry, DiagnosticList>] = [:]
    /// Problems already reported, so that a second report reading the same file (with the same
    /// columns or others) repeats none of them.
    private var reported: Set<String> = []

    /// The columns of every file read that were found by hashtag, each once: files by name,
    /// columns in the plugin's order.
    var columnsFoundByHashtag: [HashtagMatch] {
        let lists = entries.values.compactMap { (try? $0.get())?.table.columnsFoundByHashtag }.filter { !$0.isEmpty }
        var seen = Set<HashtagMatch>()
        return lists.sorted { ($0[0].file, $0.map(\.column).joined(separator: ",")) < ($1[0].file, $1.map(\.column).joined(separator: ",")) }
            .flatMap { $0 }
            .filter { seen.insert($0).inserted }
    }

    init(project: ProjectFiles) {
        self.project = project
    }

    mutating func read(_ path: Located<String>, spec: InputSpec, allowsAbsolute: Bool) throws(DiagnosticList) -> Entry {
        let url = try project.resolve(path, allowsAbsolute: allowsAbsolute).get(or: DiagnosticList.init)
        let key = "\(url.path)\u{0}\(spec.columns)"
        let result = entries[key] ?? {
            let loaded = Result<Entry, DiagnosticList> { () throws(DiagnosticList) in
                let bytes = try project.read(url, namedAt: path).get(or: DiagnosticList.init)
                let table = try InputReader.read(bytes, file: project.display(url), spec: spec).get()
                // A header without rows is an export that went wrong far more often than a
                // month without data: no report should be written from it.
                guard table.rowCount > 0 else { throw DiagnosticList(.inputHasNoRows(at: SourceLocation(file: table.file, line: 1))) }
                return Entry(table: table, sha256: SHA256.hexDigest(of: bytes), size: bytes.count)
            }
            entries[key] = loaded
            return loaded
        }()
        switch result {
        case .success(let entry): return entry
        case .failure(let list):
            throw DiagnosticList(list.diagnostics.filter { reported.insert($0.description).inserted })
        }
    }
}

/// The checks a plugin's result must pass before anything is rendered: the facts and tables
/// its description declares, of the declared kinds and widths.
enum ResultContract {
    static func firstViolation(of result: ReportResult, against description: PluginDescription) -> String? {
        for spec in description.facts {
            guard let value = result.facts[spec.name] else {
                if spec.isOptional { continue }
                return "fact '\(spec.name)' is missing"
            }
            if value.kind != spec.kind { return "fact '\(spec.name)' is a \(value.kind.rawValue), declared \(spec.kind.rawValue)" }
        }
        for name in result.facts.keys.sorted() where description.fact(named: name) == nil {
            return "fact '\(name)' is not declared"
        }
        for spec in description.tables {
            guard let table = result.tables[spec.name] else { return "table '\(spec.name)' is missing" }
            if let row = table.rows.first(where: { $0.count != spec.columns.count }) {
                return "table '\(spec.name)' has a row of \(row.count) cells for \(spec.columns.count) columns"
            }
        }
        for name in result.tables.keys.sorted() where description.table(named: name) == nil {
            return "table '\(name)' is not declared"
        }
        return nil
    }
}
