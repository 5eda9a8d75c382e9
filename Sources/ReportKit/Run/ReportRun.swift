import Foundation

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
        var inputs = InputScans(project: project, threads: options.threads, progress: options.progress, tuning: options.tuning,
                                readLog: options.inputReads)
        var vocabularies = VocabularyFiles(project: project)
        var pending: [PendingReport] = []
        // Pages: the words, headings and page templates, then each report's charts.
        var pluginIDs: Set<String> = []
        // A plugin shaped by its parameters has one description per report; the others one in all.
        let descriptions = selected.compactMap { definition in registry.plugin(id: definition.plugin.value)?.description(of: definition) }
            .filter { $0.isShapedByParameters || pluginIDs.insert($0.id).inserted }
        var pageSetup: PageSetup?
        switch PageSetup.load(file: file, reports: selected, plugins: descriptions, project: project) {
        case .success(let setup): pageSetup = setup
        case .failure(let list): diagnostics.add(contentsOf: list.diagnostics)
        }
        var charts: [String: [ChartSpec]] = [:]
        for definition in selected {
            guard let value = definition.charts, let plugin = registry.plugin(id: definition.plugin.value) else { continue }
            // Tables declared in parameters that do not read are not there to check charts against.
            if plugin.description.isShapedByParameters, !plugin.parameterProblems(of: definition).isEmpty { continue }
            switch ChartReader.read(value, keyPath: definition.chartsKeyPath ?? "\(definition.keyPath).charts", languages: file.languages,
                                    description: plugin.description(of: definition)) {
            case .success(let read): charts[definition.id.value] = read
            case .failure(let list): diagnostics.add(contentsOf: list.diagnostics)
            }
        }
        for definition in selected {
            guard let plugin = registry.plugin(id: definition.plugin.value) else {
                pending.append(PendingReport(diagnostics: DefinitionChecker.checkPlugin(of: definition, knownIDs: registry.ids).map { [$0] } ?? []))
                continue
            }
            pending.append(prepare(plugin, definition: definition, languages: file.languages, period: options.period, project: project,
                                   inputs: &inputs, vocabularies: &vocabularies))
        }
        var prepared: [PreparedReport] = []
        var reportedByCompletion: Set<String> = []
        for report in pending {
            diagnostics.add(contentsOf: report.diagnostics)
            let read = report.inputs.map { inputs.read($0) }
            var records: [InputRecord] = []
            var aggregates: [any AggregateBox] = []
            var tableColumns: [String: TableColumns] = [:]
            for (request, result) in zip(report.inputs, read) {
                switch result {
                case .success(let read):
                    records.append(InputRecord(name: request.consumer.input, path: read.file, sha256: read.sha256, size: read.size))
                    aggregates.append(read.aggregate)
                    if let columns = read.tableColumns { tableColumns[read.file] = columns }
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
            var censuses: [CensusRead] = []
            for (spec, request) in report.censuses {
                // A file that could not be read has said why through the report's own request.
                guard case .success(let read) = inputs.read(request) else { continue }
                censuses.append(CensusRead(spec: spec, file: read.file, census: (read.aggregate as! TypedAggregateBox<PCodeCensus>).value,
                                           columnsFoundByHashtag: read.columnsFoundByHashtag, tableColumns: read.tableColumns))
            }
            guard censuses.count == report.censuses.count else { continue }
            switch complete(records.sorted { $0.name < $1.name }, aggregates, tableColumns, censuses) {
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
        if options.stopsBeforeComputing {
            var plan = RunPlan(outputRoot: outputRoot, outputs: [], disabled: selection.disabled)
            for report in prepared {
                plan.latestMonths[report.definition.id.value] = report.periodsWithData().max()
            }
            return .success(plan)
        }

        var outputs: [ReportOutput] = []
        // Two reports reading one file report a plugin's problem with a row of it once.
        var reportedByPlugins: Set<String> = []
        for report in prepared {
            do {
                outputs.append(try report.render(period: options.period, languages: file.languages))
            } catch {
                diagnostics.add(contentsOf: error.diagnostics.filter { reportedByPlugins.insert($0.description).inserted })
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
        _ plugin: Plugin.Type, definition: ReportDefinition, languages: [Language], period: Period?, project: ProjectFiles,
        inputs: inout InputScans,
        vocabularies vocabularyFiles: inout VocabularyFiles
    ) -> PendingReport {
        var diagnostics = DiagnosticCollector()
        diagnostics.add(contentsOf: DefinitionChecker.checkParameters(definition, against: Plugin.description))
        // Values are decoded only once every key and value passed the checks above.
        let parameters = diagnostics.isEmpty
            ? diagnostics.collecting { () throws(DiagnosticList) in try DefinitionChecker.decodeParameters(Plugin.Parameters.self, for: definition).get() }
            : nil
        // A plugin shaped by its parameters declares its columns, facts and tables there: without
        // them, only the input names can be checked, and the templates not at all.
        let description = parameters.map(Plugin.description(for:)) ?? Plugin.description
        let shapeUnknown = Plugin.description.isShapedByParameters && parameters == nil
        diagnostics.add(contentsOf: DefinitionChecker.checkInputs(definition, against: description, mappings: !shapeUnknown))
        let vocabularies = shapeUnknown ? nil : diagnostics.collecting { () throws(DiagnosticList) in
            try vocabularyFiles.vocabularies(for: definition, description: description).get()
        }

        let facts = HostFacts.specs + description.facts
        var templates: [Language: CompiledTemplate] = [:]
        for language in languages where !shapeUnknown {
            guard let path = definition.templates[language] else { continue }  // the loader reported it
            let compiled = diagnostics.collecting { () throws(DiagnosticList) -> CompiledTemplate in
                let url = try project.resolve(path).get(or: DiagnosticList.init)
                let text = try decodeTemplate(project.read(url, namedAt: path).get(or: DiagnosticList.init), file: project.display(url))
                let problems = TemplateChecker.check(text, file: project.display(url), facts: facts)
                if !problems.isEmpty { throw DiagnosticList(problems) }
                return try CompiledTemplate(text: text, file: project.display(url), languages: [language])
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
                if let parameters { TypedAggregateBox(Plugin.makeInputs(parameters: parameters, period: period)) } else { TypedAggregateBox(DiscardedRows()) }
            }
            // A roll-up follows the report's P-codes to the parent areas while the file is read.
            let areas = input.mapping?.rollUp.isEmpty == false ? vocabularies?.areas : nil
            requests.append(inputs.request(input.path, spec: spec, mapping: input.mapping, areas: areas,
                                           allowsAbsolute: definition.allowsAbsoluteInputs, consumer: consumer))
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
            let areas = input.mapping?.rollUp.isEmpty == false ? vocabularies.areas : nil
            let request = inputs.request(input.path, spec: spec, mapping: input.mapping, areas: areas, allowsAbsolute: definition.allowsAbsoluteInputs,
                                         consumer: consumer)
            selections.append((written, request))
        }

        // P-code columns of an aggregate that keeps no rows: their codes gathered by a census.
        var censuses: [(InputSpec, InputRequest)] = []
        if description.readsPCodes, Plugin.Inputs.self != PluginInputs.self {
            for input in definition.inputs {
                guard let declared = description.input(named: input.name) else { continue }
                let spec = declared.resolvingVocabularies(vocabularies)
                let read = Set(Plugin.Inputs.columnsRead(from: spec))
                let columns = spec.columns.filter { $0.pcode != nil && read.contains($0.name) }
                guard !columns.isEmpty else { continue }
                // A name column is checked with its codes when the aggregate reads it.
                var nameColumns: [String: String] = [:]
                for column in columns {
                    if let name = column.pcode?.nameColumn, read.contains(name) { nameColumns[column.name] = name }
                }
                let census = PCodeCensus(columns: columns.map(\.name), nameColumns: nameColumns)
                let consumer = InputConsumer(input: spec.name, columns: census.columnsRead) { TypedAggregateBox(census) }
                let areas = input.mapping?.rollUp.isEmpty == false ? vocabularies.areas : nil
                censuses.append((spec, inputs.request(input.path, spec: spec, mapping: input.mapping, areas: areas,
                                                      allowsAbsolute: definition.allowsAbsoluteInputs, consumer: consumer)))
            }
        }

        let complete = { (records: [InputRecord], aggregates: [any AggregateBox], tableColumns: [String: TableColumns], censuses: [CensusRead])
            -> Result<PreparedReport, DiagnosticList> in
            var pluginInputs = (aggregates[0] as! TypedAggregateBox<Plugin.Inputs>).value
            for aggregate in aggregates.dropFirst() { pluginInputs.combine((aggregate as! TypedAggregateBox<Plugin.Inputs>).value) }
            // P-code columns: checked and written in the vocabulary's form before the plugin sees them.
            var notes: [Note] = []
            if description.readsPCodes, let rows = pluginInputs as? PluginInputs {
                let checked = PCodeCheck.apply(to: rows, description: description, areas: vocabularies.areas, root: project.root,
                                               tableColumns: tableColumns)
                guard checked.diagnostics.isEmpty else { return .failure(DiagnosticList(checked.diagnostics)) }
                pluginInputs = checked.inputs as! Plugin.Inputs
                notes = checked.notes
            }
            var problems: [Diagnostic] = []
            for census in censuses {
                let checked = PCodeCheck.apply(to: census.census, spec: census.spec, file: census.file, areas: vocabularies.areas,
                                               root: project.root, columnsFoundByHashtag: census.columnsFoundByHashtag,
                                               tableColumns: census.tableColumns.map { [census.file: $0] } ?? [:])
                problems += checked.outcome.diagnostics
                notes += checked.outcome.notes
                guard var keeping = pluginInputs as? any KeepsPCodes else { continue }
                for (column, form) in checked.forms.sorted(by: { $0.key < $1.key }) { keeping.writePCodes(of: column, as: form) }
                pluginInputs = keeping as! Plugin.Inputs
            }
            guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
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
        return PendingReport(diagnostics: diagnostics.diagnostics, inputs: requests, selections: selections, censuses: censuses,
                             complete: complete)
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
