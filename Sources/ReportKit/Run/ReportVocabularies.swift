import Foundation

/// The vocabularies of each report of a run, read from the project's `vocabularies/` folder and
/// the files its definition adds under `vocabularies:`; each file is read once per run.
struct VocabularyFiles {
    let project: ProjectFiles
    /// Where the shipped files are looked for: the position of the report that needs them.
    private var tables: [URL: Result<VocabularyLoader.Table, DiagnosticList>] = [:]
    /// Problems already reported, so that two reports reading one file report it once.
    private var reported: Set<String> = []

    init(project: ProjectFiles) {
        self.project = project
    }

    /// The vocabularies `description` declares (and the P-codes when it reads any), as
    /// `definition` extends or replaces them.
    mutating func vocabularies(for definition: ReportDefinition, description: PluginDescription) -> Result<Vocabularies, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        let known = description.vocabularies.map(\.name) + (description.readsPCodes ? [VocabularyReference.pcodes] : [])
        var references: [String: VocabularyReference] = [:]
        for reference in definition.vocabularies {
            guard known.contains(reference.name.value) else {
                diagnostics.append(.definitionUnknownVocabulary(reference.name.value, plugin: description.id, known: known,
                                                                at: reference.name.location, subject: reference.name.keyPath))
                continue
            }
            references[reference.name.value] = reference
        }
        // Where a problem with a shipped file that no key names is reported: the report itself.
        let shipped = { (path: String) in Located(path, at: definition.location, keyPath: definition.keyPath) }
        var result = Vocabularies()
        for spec in description.vocabularies {
            let reference = references[spec.name]
            var files = reference?.files ?? []
            if reference?.mode != .replace {
                // A project without the shipped file is told once, whichever reports need it.
                guard FileManager.default.fileExists(atPath: project.root.appendingPathComponent(spec.defaultFile).path) else {
                    diagnostics.append(.vocabularyFileMissing(spec.defaultFile, vocabulary: spec.name))
                    continue
                }
                files.insert(shipped(spec.defaultFile), at: 0)
            }
            switch readTables(files).flatMap({ VocabularyLoader.wordList(spec, tables: $0) }) {
            case .success(let list): result.lists[spec.name] = list
            case .failure(let list): diagnostics += list.diagnostics
            }
        }
        if description.readsPCodes {
            let reference = references[VocabularyReference.pcodes]
            var files = reference?.files ?? []
            if reference?.mode != .replace {
                switch shippedPCodeFiles(shipped(Vocabularies.pcodeFolder)) {
                case .success(let found): files = found + files
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
            switch readTables(files).flatMap(VocabularyLoader.adminAreas) {
            case .success(let areas): result.areas = areas
            case .failure(let list): diagnostics += list.diagnostics
            }
        }
        let unreported = diagnostics.filter { reported.insert($0.description).inserted }
        if !diagnostics.isEmpty { return .failure(DiagnosticList(unreported)) }
        return .success(result)
    }

    /// The `.csv` files of `vocabularies/pcodes/`, by name.
    private func shippedPCodeFiles(_ folder: Located<String>) -> Result<[Located<String>], Diagnostic> {
        let url = project.root.appendingPathComponent(folder.value)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            return .failure(.vocabularyFolderNotFound(folder.value))
        }
        return .success(names.filter { $0.hasSuffix(".csv") }.sorted().map {
            Located("\(folder.value)/\($0)", at: folder.location, keyPath: folder.keyPath)
        })
    }

    private mutating func readTables(_ files: [Located<String>]) -> Result<[VocabularyLoader.Table], DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        var read: [VocabularyLoader.Table] = []
        for file in files {
            switch project.resolve(file) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let url):
                if tables[url] == nil {
                    tables[url] = project.read(url, namedAt: file).mapError { DiagnosticList($0) }
                        .flatMap { VocabularyLoader.table($0, file: project.display(url)) }
                }
                switch tables[url]! {
                case .success(let table): read.append(table)
                case .failure(let list): diagnostics += list.diagnostics
                }
            }
        }
        return diagnostics.isEmpty ? .success(read) : .failure(DiagnosticList(diagnostics))
    }
}

extension Vocabularies {
    /// The shipped vocabularies of `folder` (a project's `vocabularies/`) for a plugin, as a run
    /// reads them: for tests and tools that call a plugin without a `reports.yaml`.
    public static func load(for description: PluginDescription, projectFolder: URL) -> Result<Vocabularies, DiagnosticList> {
        var files = VocabularyFiles(project: ProjectFiles(configFile: projectFolder.appendingPathComponent("reports.yaml")))
        let definition = ReportDefinition(
            id: Located("vocabularies", at: SourceLocation(file: "reports.yaml"), keyPath: "reports[0].id"),
            plugin: Located(description.id, at: SourceLocation(file: "reports.yaml"), keyPath: "reports[0].plugin"),
            title: [:], inputs: [], params: nil, templates: [:], location: SourceLocation(file: "reports.yaml"),
            keyLocations: [:], keyPath: "reports[0]")
        return files.vocabularies(for: definition, description: description)
    }
}
