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
    func render(period requested: Period?, languages: [Language]) throws(DiagnosticList) -> ReportOutput {
        guard let period = requested ?? periodsWithData().max() else {
            throw DiagnosticList(.noPeriodWithData(report: definition.id.value, at: definition.location))
        }
        for filter in filters {
            let location = definition.params?.pair(filter.written.spec.name)?.value.location ?? definition.location
            if let problem = filter.written.checkRows(in: period, found: filter.found, file: filter.file, at: location,
                                                      keyPath: "\(definition.keyPath).params.\(filter.written.spec.name)") {
                throw DiagnosticList(problem)
            }
        }
        let result: ReportResult
        do {
            result = try compute(period)
        } catch {
            throw DiagnosticList(error.problems.map { .pluginProblem($0, definition: definition, period: period) })
        }
        if let problem = ResultContract.firstViolation(of: result, against: description) {
            throw DiagnosticList(.pluginBrokeContract(description.id, problem: problem))
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
    /// For a plugin whose aggregate keeps no rows: each input's P-code census.
    var censuses: [(InputSpec, InputRequest)] = []
    /// Builds the report from its inputs' records and aggregates (in the order of `inputs`),
    /// where their columns are, and their P-code censuses; nil when the definition has problems.
    var complete: (([InputRecord], [any AggregateBox], [String: TableColumns], [CensusRead]) -> Result<PreparedReport, DiagnosticList>)?
}

/// The P-codes an input held, gathered for a plugin whose aggregate keeps no rows.
struct CensusRead {
    var spec: InputSpec
    var file: String
    var census: PCodeCensus
    var columnsFoundByHashtag: [HashtagMatch]
    var tableColumns: TableColumns?
}

/// A filter of a report and the values its column holds, for the check of the period's rows.
struct FilterCensus {
    let written: WrittenSelection
    let found: ColumnValues
    let file: String
}
