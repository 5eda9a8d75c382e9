import Foundation

/// What `dtm-report run` and `validate` were asked to do.
public struct RunOptions: Sendable {
    public var configFile: URL
    /// The month to report on; nil gives each report the latest month with data.
    public var period: Period?
    /// Only these reports; empty for all.
    public var reportIDs: [String]
    /// Only the reports with one of these tags (`--tag`); empty for all. With `reportIDs`, a
    /// report is selected by either.
    public var tags: [String] = []
    /// Overrides `output:` of reports.yaml.
    public var outputFolder: URL?
    /// Threads that read a large input in parts; 1 reads every file on one thread.
    public var threads: Int
    /// Counts the bytes of input read, for a progress line; nil when nobody shows one.
    public var progress: ScanProgress?
    /// How files are split and read; the tests change it.
    var tuning = InputScan.Tuning.standard

    public init(configFile: URL, period: Period? = nil, reportIDs: [String] = [], outputFolder: URL? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: ScanProgress? = nil) {
        self.configFile = configFile
        self.period = period
        self.reportIDs = reportIDs
        self.outputFolder = outputFolder
        self.threads = max(1, threads)
        self.progress = progress
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
    /// What the run did that stops nothing (names written as the vocabulary writes them), in
    /// file order, for `validate` and `run` to print.
    public var notes: [Note] = []
    /// What the mappings of inputs applied (columns fed, rows kept, dropped, summed), once per
    /// file read, for `validate` to show.
    public var inputNotes: [String] = []
    /// The selected reports left out because of `enabled: false`, in the order of the file.
    public var disabled: [String] = []
    /// The month's index pages, when the file names a page template (`page:`).
    public var monthIndex: PageRenderer?
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
            return .failure(DiagnosticList([.configNotFound(configName, nearest: nearestYAMLFile(to: options.configFile))]))
        }
        let file: ReportsFile
        switch ReportsFileLoader.load(Array(configData), file: configName, includes: IncludeFolder(configFile: options.configFile)) {
        case .success(let loaded): file = loaded
        case .failure(let list): return .failure(list)
        }

        var diagnostics = DiagnosticCollector()
        let knownIDs = file.reports.map(\.id.value)
        for id in options.reportIDs where !knownIDs.contains(id) {
            diagnostics.add(.unknownReport(id, known: knownIDs))
        }
        let selection = ReportSelection.select(file, reportIDs: options.reportIDs, tags: options.tags)
        diagnostics.add(contentsOf: selection.diagnostics)
        let selected = selection.reports

        // First every definition and template is checked, and what each report reads is
        // listed; then each input file is read once, for every report that reads it.
        var inputs = InputScans(project: project, threads: options.threads, progress: options.progress, tuning: options.tuning)
        var vocabularies = VocabularyFiles(project: project)
        var pending: [PendingReport] = []
        // Pages: the words, headings and page templates, then each report's charts.
        var pluginIDs: Set<String> = []
        let descriptions = selected.compactMap { registry.plugin(id: $0.plugin.value)?.description }.filter { pluginIDs.insert($0.id).inserted }
        var pageSetup: PageSetup?
        switch PageSetup.load(file: file, reports: selected, plugins: descriptions, project: project) {
        case .success(let setup): pageSetup = setup
        case .failure(let list): diagnostics.add(contentsOf: list.diagnostics)
        }
        var charts: [String: [ChartSpec]] = [:]
        for definition in selected {
            guard let value = definition.charts, let plugin = registry.plugin(id: definition.plugin.value) else { continue }
            switch ChartReader.read(value, keyPath: definition.chartsKeyPath ?? "\(definition.keyPath).charts", languages: file.languages, description: plugin.description) {
            case .success(let read): charts[definition.id.value] = read
            case .failure(let list): diagnostics.add(contentsOf: list.diagnostics)
            }
        }
        for definition in selected {
            guard let plugin = registry.plugin(id: definition.plugin.value) else {
                pending.append(PendingReport(diagnostics: DefinitionChecker.checkPlugin(of: definition, knownIDs: registry.ids).map { [$0] } ?? []))
                continue
            }
            pending.append(prepare(plugin, definition: definition, languages: file.languages, project: project, inputs: &inputs,
                                   vocabularies: &vocabularies))
        }
        var prepared: [PreparedReport] = []
        var reportedByCompletion: Set<String> = []
        for report in pending {
            diagnostics.add(contentsOf: report.diagnostics)
            let read = report.inputs.map { inputs.read($0) }
            var records: [InputRecord] = []
            var aggregates: [any AggregateBox] = []
            for (request, result) in zip(report.inputs, read) {
                switch result {
                case .success(let read):
                    records.append(InputRecord(name: request.consumer.input, path: read.file, sha256: read.sha256, size: read.size))
                    aggregates.append(read.aggregate)
                case .failure(let list):
                    diagnostics.add(contentsOf: list.diagnostics)
                }
            }
            var filters: [FilterCensus] = []
            for (written, request) in report.selections {
                let census = inputs.read(request)
                guard case .success(let read) = census else {
                    // A file that could not be read has said why already, through the report's own
                    // request; a census that fails where that request did not must not drop the
                    // report without a word.
                    if case .failure(let list) = census, aggregates.count == report.inputs.count { diagnostics.add(contentsOf: list.diagnostics) }
                    continue
                }
                let found = (read.aggregate as! TypedAggregateBox<ColumnValues>).value
                let problems = written.check(against: found, file: read.file)
                diagnostics.add(contentsOf: problems)
                filters.append(FilterCensus(written: written, found: found, file: read.file))
            }
            guard report.diagnostics.isEmpty, filters.count == report.selections.count, aggregates.count == report.inputs.count,
                  let complete = report.complete else { continue }
            switch complete(records.sorted { $0.name < $1.name }, aggregates) {
            case .success(var ready):
                ready.filters = filters
                ready.pages = pageSetup?.renderer(for: ready.definition)
                ready.charts = charts[ready.definition.id.value] ?? []
                prepared.append(ready)
            // Two reports reading one file report its P-code problems once.
            case .failure(let list): diagnostics.add(contentsOf: list.diagnostics.filter { reportedByCompletion.insert($0.description).inserted })
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
        let notes = Array(Set(prepared.flatMap(\.notes))).sorted()
        return .success(RunPlan(outputRoot: outputRoot, outputs: outputs, columnsFoundByHashtag: inputs.columnsFoundByHashtag,
                                notes: notes, inputNotes: inputs.notes, disabled: selection.disabled, monthIndex: pageSetup?.indexRenderer))
    }

    /// The YAML file of the folder of `missing` whose name is nearest to its name, as the user
    /// wrote the path (`config/report.yaml` → `config/reports.yaml`).
    public static func nearestYAMLFile(to missing: URL) -> String? {
        let folder = missing.deletingLastPathComponent()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
        return Suggestion.ranked(missing.lastPathComponent, in: names).first
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
        let read = reports.flatMap { $0.inputRecords.map(\.path) + $0.templateFiles + $0.vocabularyFiles }
        // One error for the folder, naming the first file: `output: .` would otherwise give one
        // line for every input and template of the project.
        let inside = Set(read).sorted().filter { project.isInside($0.hasPrefix("/") ? URL(fileURLWithPath: $0) : project.root.appendingPathComponent($0), output) }
        guard let first = inside.first else { return [] }
        return [.readInsideOutput(first, others: inside.count - 1, output: shown, at: location, subject: subject)]
    }

    /// Checks one definition against its plugin and lists what it reads. The plugin's type is
    /// opened here, so everything after works on the type-erased `PendingReport`.
    private static func prepare<Plugin: ReportPlugin>(
        _ plugin: Plugin.Type, definition: ReportDefinition, languages: [Language], project: ProjectFiles, inputs: inout InputScans,
        vocabularies vocabularyFiles: inout VocabularyFiles
    ) -> PendingReport {
        let description = Plugin.description
        var diagnostics = DiagnosticCollector()
        diagnostics.add(contentsOf: DefinitionChecker.check(definition, against: description))
        let vocabularies = diagnostics.collecting { () throws(DiagnosticList) in
            try vocabularyFiles.vocabularies(for: definition, description: description).get()
        }
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

        var requests: [InputRequest] = []
        for input in definition.inputs {
            guard let declared = description.input(named: input.name) else { continue }  // DefinitionChecker reported it
            let spec = declared.resolvingVocabularies(vocabularies)
            // Without parameters nothing will be computed: the file is still read, for its
            // problems, into an aggregate that keeps nothing.
            let consumer = InputConsumer(input: spec.name, columns: Plugin.Inputs.columnsRead(from: spec)) {
                if let parameters { TypedAggregateBox(Plugin.makeInputs(parameters: parameters)) } else { TypedAggregateBox(DiscardedRows()) }
            }
            requests.append(inputs.request(input.path, spec: spec, mapping: input.mapping, allowsAbsolute: definition.allowsAbsoluteInputs,
                                           consumer: consumer))
        }
        guard let parameters, let vocabularies else { return PendingReport(diagnostics: diagnostics.diagnostics, inputs: requests) }

        // A filter written in the definition is checked against the values its column holds.
        var selections: [(WrittenSelection, InputRequest)] = []
        for written in WrittenSelection.all(in: definition, description: description) {
            guard let input = definition.inputs.first(where: { $0.name == written.selection.input }),
                  let declared = description.input(named: written.selection.input) else { continue }
            let spec = declared.resolvingVocabularies(vocabularies)
            let selection = written.selection
            let census = ColumnValues(column: selection.column, nameColumn: selection.nameColumn, periodColumn: spec.periodColumn)
            let consumer = InputConsumer(input: spec.name, columns: census.columns) { TypedAggregateBox(census) }
            // Read through the same mapping as the report's own request, so that both share one reading.
            let request = inputs.request(input.path, spec: spec, mapping: input.mapping, allowsAbsolute: definition.allowsAbsoluteInputs, consumer: consumer)
            selections.append((written, request))
        }

        let complete = { (records: [InputRecord], aggregates: [any AggregateBox]) -> Result<PreparedReport, DiagnosticList> in
            var pluginInputs = (aggregates[0] as! TypedAggregateBox<Plugin.Inputs>).value
            for aggregate in aggregates.dropFirst() { pluginInputs.append((aggregate as! TypedAggregateBox<Plugin.Inputs>).value) }
            // P-code columns: checked and written in the vocabulary's form before the plugin sees them.
            var notes: [Note] = []
            if description.readsPCodes, let rows = pluginInputs as? PluginInputs {
                let checked = PCodeCheck.apply(to: rows, description: description, areas: vocabularies.areas, root: project.root)
                guard checked.diagnostics.isEmpty else { return .failure(DiagnosticList(checked.diagnostics)) }
                pluginInputs = checked.inputs as! Plugin.Inputs
                notes = checked.notes
            }
            let ready = pluginInputs
            return .success(PreparedReport(
                definition: definition,
                description: description,
                templates: templates,
                inputRecords: records,
                notes: notes,
                vocabularyFiles: vocabularies.lists.values.flatMap(\.files) + vocabularies.areas.sources,
                periodsWithData: { Plugin.periodsWithData(inputs: ready, parameters: parameters) },
                compute: { (period) throws(PluginFailure) in
                    try Plugin.run(inputs: ready, parameters: parameters, period: period, vocabularies: vocabularies)
                }
            ))
        }
        return PendingReport(diagnostics: diagnostics.diagnostics, inputs: requests, selections: selections, complete: complete)
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
    let notes: [Note]
    /// The template files, as shown in messages.
    var templateFiles: [String] { templates.values.map(\.file) }
    /// The vocabulary files the report read, as shown in messages.
    let vocabularyFiles: [String]
    let periodsWithData: () -> Set<Period>
    let compute: (Period) throws(PluginFailure) -> ReportResult
    /// The filters the definition writes, with the values their columns hold.
    var filters: [FilterCensus] = []
    /// The renderer of the report's pages; nil when it has none.
    var pages: PageRenderer?
    var charts: [ChartSpec] = []

    /// Runs the plugin, checks its result against its description and renders every file.
    func render(period requested: Period?, languages: [Language]) throws(Diagnostic) -> ReportOutput {
        guard let period = requested ?? periodsWithData().max() else {
            throw .noPeriodWithData(report: definition.id.value, at: definition.location)
        }
        for filter in filters {
            let location = definition.params?.pair(filter.written.spec.name)?.value.location ?? definition.location
            if let problem = filter.written.checkRows(in: period, found: filter.found, file: filter.file, at: location,
                                                      keyPath: "\(definition.keyPath).params.\(filter.written.spec.name)") {
                throw problem
            }
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

        let facts = result.facts.merging(HostFacts.values(title: definition.title, period: period, dataThrough: result.dataThrough)) { plugin, _ in plugin }
        var texts: [Language: String] = [:]
        var files: [OutputFile] = []
        for language in languages {
            guard let template = templates[language] else { continue }
            let text = template.render(facts, language: language)
            texts[language] = text
            files.append(OutputFile(name: "report.\(language.rawValue).md", bytes: Array(text.utf8)))
        }
        if let pages {
            for language in languages {
                guard let text = texts[language] else { continue }
                let page = pages.reportPage(title: definition.title[language] ?? definition.id.value, period: period, language: language,
                                            markdown: text, result: result, description: description, charts: charts)
                files.append(OutputFile(name: "report.\(language.rawValue).html", bytes: Array(page.utf8)))
            }
        }
        for spec in description.tables {
            files.append(OutputFile(name: "\(spec.name).csv", bytes: CSVWriter.write(result.tables[spec.name]!, spec: spec)))
        }
        let document = JSONDocument.report(id: definition.id.value, plugin: description.id, period: period, title: definition.title,
                                           result: result, description: description, texts: texts)
        files.append(OutputFile(name: "report.json", bytes: JSONDocument.bytes(document)))
        var output = ReportOutput(id: definition.id.value, plugin: description.id, period: period, inputs: inputRecords, files: files)
        output.titles = definition.title
        return output
    }
}

/// A report whose definition and templates are checked, waiting for its inputs to be read.
struct PendingReport {
    var diagnostics: [Diagnostic]
    var inputs: [InputRequest] = []
    /// The filters the definition writes, each with the request for its column's values.
    var selections: [(WrittenSelection, InputRequest)] = []
    /// Builds the report from its inputs' records and aggregates (in the order of `inputs`);
    /// nil when the definition has problems.
    var complete: (([InputRecord], [any AggregateBox]) -> Result<PreparedReport, DiagnosticList>)?
}

/// One input of one report: the file it names and the aggregate it wants.
struct InputRequest {
    /// The scan that reads the file, or why it cannot be read.
    var scan: Result<Int, Diagnostic>
    /// The consumer's index in its scan.
    var consumer: InputConsumer
    var index: Int
}

/// An aggregate that keeps nothing: the rows of a report that will not be computed, read only
/// for their problems.
struct DiscardedRows: InputAggregate {
    mutating func add(_ rows: RowBatch) {}
    mutating func append(_ later: DiscardedRows) {}
}

/// Inputs read once per run: every report reading a file with the same columns declared gets
/// its aggregate from the same pass over it.
struct InputScans {
    struct Read {
        var file: String
        var aggregate: any AggregateBox
        var sha256: String
        var size: Int
    }

    private struct Scan {
        var url: URL
        var path: Located<String>
        var spec: InputSpec
        var mapping: InputMapping?
        var consumers: [InputConsumer] = []
        var output: Result<InputScan.Output, DiagnosticList>?
    }

    let project: ProjectFiles
    let threads: Int
    let progress: ScanProgress?
    let tuning: InputScan.Tuning
    private var scans: [Scan] = []
    /// Problems already reported, so that a second report reading the same file (with the same
    /// columns or others) repeats none of them.
    private var reported: Set<String> = []

    init(project: ProjectFiles, threads: Int, progress: ScanProgress?, tuning: InputScan.Tuning) {
        self.project = project
        self.threads = threads
        self.progress = progress
        self.tuning = tuning
    }

    /// The columns of every file read that were found by hashtag, each once: files by name,
    /// columns in the plugin's order.
    var columnsFoundByHashtag: [HashtagMatch] {
        let lists = scans.compactMap { (try? $0.output?.get())?.columnsFoundByHashtag }.filter { !$0.isEmpty }
        var seen = Set<HashtagMatch>()
        return lists.sorted { ($0[0].file, $0.map(\.column).joined(separator: ",")) < ($1[0].file, $1.map(\.column).joined(separator: ",")) }
            .flatMap { $0 }
            .filter { seen.insert($0).inserted }
    }

    /// Registers a report's input; nothing is read yet.
    mutating func request(_ path: Located<String>, spec: InputSpec, mapping: InputMapping? = nil, allowsAbsolute: Bool,
                          consumer: InputConsumer) -> InputRequest {
        switch project.resolve(path, allowsAbsolute: allowsAbsolute) {
        case .failure(let diagnostic):
            return InputRequest(scan: .failure(diagnostic), consumer: consumer, index: 0)
        case .success(let url):
            let index = scans.firstIndex { $0.url == url && $0.spec.columns == spec.columns && $0.mapping == mapping }
                ?? { scans.append(Scan(url: url, path: path, spec: spec, mapping: mapping)); return scans.count - 1 }()
            scans[index].consumers.append(consumer)
            return InputRequest(scan: .success(index), consumer: consumer, index: scans[index].consumers.count - 1)
        }
    }

    /// The request's aggregate, reading its file (for every report that reads it) the first
    /// time a report asks.
    mutating func read(_ request: InputRequest) -> Result<Read, DiagnosticList> {
        let index: Int
        switch request.scan {
        case .failure(let diagnostic): return .failure(DiagnosticList(unreported([diagnostic])))
        case .success(let found): index = found
        }
        if scans[index].output == nil { scans[index].output = scan(scans[index]) }
        switch scans[index].output! {
        case .success(let output):
            return .success(Read(file: project.display(scans[index].url), aggregate: output.aggregates[request.index],
                                 sha256: output.sha256, size: output.size))
        case .failure(let list):
            return .failure(DiagnosticList(unreported(list.diagnostics)))
        }
    }

    /// The notes of every file read, in the order of the files.
    var notes: [String] {
        var seen = Set<String>()
        return scans.flatMap { (try? $0.output?.get())?.notes ?? [] }.filter { seen.insert($0).inserted }
    }

    /// A table without rows is refused, as a CSV file without rows is.
    private static func checkRows(_ output: InputScan.Output, file: String) -> Result<InputScan.Output, DiagnosticList> {
        output.rowCount == 0 ? .failure(DiagnosticList(.inputHasNoRows(at: SourceLocation(file: file)))) : .success(output)
    }

    private mutating func unreported(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { reported.insert($0.description).inserted }
    }

    private func scan(_ scan: Scan) -> Result<InputScan.Output, DiagnosticList> {
        let file = project.display(scan.url)
        let opened: ProjectFiles.OpenFile
        switch project.open(scan.url, namedAt: scan.path) {
        case .success(let file): opened = file
        case .failure(let diagnostic): return .failure(DiagnosticList(diagnostic))
        }
        defer { close(opened.descriptor) }
        progress?.expect(opened.size)
        // A workbook, a mapped file or a table below line 1: read row by row on one thread,
        // its bytes counted for the progress line when the reading ends.
        if Workbook.isWorkbook(scan.url) {
            defer { progress?.advance(opened.size) }
            return MappedScan.scanWorkbook(url: scan.url, file: file, spec: scan.spec, mapping: scan.mapping, consumers: scan.consumers)
                .flatMap { Self.checkRows($0, file: file) }
        }
        if scan.mapping != nil || MappedScan.csvTableIsElsewhere(descriptor: opened.descriptor, size: opened.size, file: file) {
            defer { progress?.advance(opened.size) }
            return MappedScan.scanCSV(descriptor: opened.descriptor, size: opened.size, url: scan.url, file: file, spec: scan.spec,
                                      mapping: scan.mapping, consumers: scan.consumers)
                .flatMap { Self.checkRows($0, file: file) }
        }
        let output = InputScan.scan(descriptor: opened.descriptor, size: opened.size, file: file, spec: scan.spec,
                                    consumers: scan.consumers, threads: threads, progress: progress, tuning: tuning)
        // The reading and the checksum cover the first `size` bytes; a file that changed meanwhile
        // (appended to, rewritten, replaced) gives reports of a version that no longer exists.
        guard project.isUnchanged(opened, at: scan.url) else {
            return .failure(DiagnosticList(.inputChangedWhileRead(at: SourceLocation(file: file))))
        }
        // A header without rows is an export that went wrong far more often than a month
        // without data: no report should be written from it.
        if case .success(let read) = output, read.rowCount == 0 {
            return .failure(DiagnosticList(.inputHasNoRows(at: SourceLocation(file: file, line: 1))))
        }
        return output
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

/// A filter of a report and the values its column holds, for the check of the period's rows.
struct FilterCensus {
    let written: WrittenSelection
    let found: ColumnValues
    let file: String
}

extension InputSpec {
    /// The spec as this report reads the file: each vocabulary column becomes a `choice` of the
    /// report's vocabulary (its keys, shipped and added), read with the positions and
    /// suggestions of any choice. Without vocabularies (they failed to load and were reported)
    /// the column is read as text, for the file's other problems.
    func resolvingVocabularies(_ vocabularies: Vocabularies?) -> InputSpec {
        var spec = self
        for index in spec.columns.indices {
            guard case .vocabulary(let name) = spec.columns[index].type else { continue }
            spec.columns[index].type = vocabularies?.lists[name].map { .choice($0.keys) } ?? .text
        }
        return spec
    }
}
