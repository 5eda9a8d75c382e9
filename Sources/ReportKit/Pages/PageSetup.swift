/// What a run needs to write pages, read and checked once before any input: the words, the
/// headings, every page template named (`page:` of the file and of reports).
struct PageSetup: Sendable {
    var words: PageWords
    /// Page templates by their path as written.
    var templates: [String: PageTemplate]
    /// `page:` of the file: the default of every report, and the layout of the month's index.
    var fileTemplate: String?
    var languages: [Language]

    /// The renderer of a report's pages, nil when it has none.
    func renderer(for definition: ReportDefinition) -> PageRenderer? {
        guard let path = definition.page?.value ?? fileTemplate, let template = templates[path] else { return nil }
        return PageRenderer(template: template, words: words, languages: languages)
    }

    /// The renderer of the month's index, when the file names a page template.
    var indexRenderer: PageRenderer? {
        fileTemplate.flatMap { templates[$0] }.map { PageRenderer(template: $0, words: words, languages: languages) }
    }

    /// Nil without diagnostics when no report has pages.
    static func load(file: ReportsFile, reports: [ReportDefinition], plugins: [PluginDescription],
                     project: ProjectFiles) -> Result<PageSetup?, DiagnosticList> {
        let paths = ([file.page] + reports.map { $0.page ?? file.page }).compactMap { $0 }
        guard !paths.isEmpty else { return .success(nil) }
        var diagnostics: [Diagnostic] = []
        func bytes(of path: Located<String>) -> [UInt8]? {
            switch project.resolve(path).flatMap({ project.read($0, namedAt: path) }) {
            case .success(let bytes): return bytes
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
        let source = SourceLocation(file: project.display(project.root.appendingPathComponent(file.page?.location.file ?? "reports.yaml")))
        let wordsPath = Located(PageWords.wordsFile, at: file.page?.location ?? source, keyPath: file.page?.keyPath ?? "page")
        let headingsPath = Located(PageWords.headingsFile, at: file.page?.location ?? source, keyPath: file.page?.keyPath ?? "page")
        var words: PageWords?
        if let wordsBytes = bytes(of: wordsPath), let headingsBytes = bytes(of: headingsPath) {
            switch PageWords.load(words: wordsBytes, wordsFile: PageWords.wordsFile, headings: headingsBytes, headingsFile: PageWords.headingsFile,
                                  languages: file.languages, plugins: plugins) {
            case .success(let loaded): words = loaded
            case .failure(let list): diagnostics += list.diagnostics
            }
        }
        var templates: [String: PageTemplate] = [:]
        var seen: Set<String> = []
        for path in paths where seen.insert(path.value).inserted {
            guard let bytes = bytes(of: path) else { continue }
            let shown = project.resolve(path).map(project.display).value(or: path.value)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(.templateInvalidUTF8(at: ReportRun.firstInvalidUTF8(in: bytes, file: shown)))
                continue
            }
            // Without the words, which are placeholders too, only the template's syntax is checked:
            // every name would be reported against a list that failed to load.
            guard let words else {
                diagnostics += TemplateChecker.syntaxDiagnostics(text, file: shown)
                continue
            }
            do {
                templates[path.value] = try PageTemplate(text: text, file: shown, words: words.keys)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty, let words else { return .failure(DiagnosticList(diagnostics)) }
        return .success(PageSetup(words: words, templates: templates, fileTemplate: file.page?.value, languages: file.languages))
    }
}

extension Result {
    fileprivate func value(or fallback: Success) -> Success {
        (try? get()) ?? fallback
    }
}
