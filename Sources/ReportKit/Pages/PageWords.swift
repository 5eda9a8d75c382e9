/// The words of the pages that are not a report's own: section headings, the link to the other
/// language, what an empty chart says (`vocabularies/page-words.csv`), and the headings of every
/// plugin's table columns (`vocabularies/table-headings.csv`). Words are data, as every word
/// list; a key or heading the pages need and the files lack is an error at `validate`.
public struct PageWords: Sendable {
    public static let wordsFile = "\(Vocabularies.folder)/page-words.csv"
    public static let headingsFile = "\(Vocabularies.folder)/table-headings.csv"
    /// The words the host itself prints; a page template may print any other key of the file too.
    static let required = ["language_name", "no_data", "index_title", "all_reports", "yes", "no", "other"]

    /// Every key of `page-words.csv` by language, in the order of the file.
    public var keys: [String]
    var words: [Language: [String: String]]
    /// Headings by `plugin/table/column` (`plugin/table/` for the table's own caption).
    var headings: [String: [Language: String]]

    func word(_ key: String, _ language: Language) -> String { words[language]?[key] ?? key }

    func heading(plugin: String, table: String, column: String = "", _ language: Language) -> String {
        (headings["\(plugin)/\(table)/\(column)"] ?? headings["\(plugin)/*/\(column)"])?[language] ?? column
    }

    /// A table's caption (`column` nil) or a column's heading: the definition's own when it gives
    /// one, else the headings file's, for this table or for every table of the plugin (`*`).
    func heading(plugin: String, table spec: TableSpec, column: String? = nil, _ language: Language) -> String {
        let own = column.map { name in spec.columns.first { $0.name == name }?.heading } ?? spec.caption
        return own?[language] ?? heading(plugin: plugin, table: spec.name, column: column ?? "", language)
    }

    /// Reads both files; every problem of both (a missing column, word or heading for the
    /// tables of `plugins`) is reported.
    static func load(words wordsBytes: [UInt8], wordsFile: String, headings headingsBytes: [UInt8], headingsFile: String,
                     languages: [Language], plugins: [PluginDescription]) -> Result<PageWords, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        var keys: [String] = []
        var words: [Language: [String: String]] = [:]
        var headings: [String: [Language: String]] = [:]
        switch VocabularyLoader.table(wordsBytes, file: wordsFile) {
        case .failure(let list): diagnostics += list.diagnostics
        case .success(let table):
            let columns = ["key"] + languages.map { "text_\($0.rawValue)" }
            let indexes = columns.map { column -> Int? in
                let index = table.index(of: column)
                if index == nil { diagnostics.append(.pageWordFileColumn(column, file: wordsFile, at: table.headerLocation)) }
                return index
            }
            if indexes.allSatisfy({ $0 != nil }) {
                for row in table.rows {
                    let key = table.cell(row, indexes[0]!).text
                    guard !key.isEmpty else { continue }
                    keys.append(key)
                    for (offset, language) in languages.enumerated() { words[language, default: [:]][key] = table.cell(row, indexes[offset + 1]!).text }
                }
                for key in required {
                    for language in languages where (words[language]?[key] ?? "").isEmpty {
                        diagnostics.append(.pageWordMissing(key, language: language, file: wordsFile))
                    }
                }
            }
        }
        switch VocabularyLoader.table(headingsBytes, file: headingsFile) {
        case .failure(let list): diagnostics += list.diagnostics
        case .success(let table):
            let columns = ["plugin", "table", "column"] + languages.map { "heading_\($0.rawValue)" }
            let indexes = columns.map { column -> Int? in
                let index = table.index(of: column)
                if index == nil { diagnostics.append(.pageWordFileColumn(column, file: headingsFile, at: table.headerLocation)) }
                return index
            }
            if indexes.allSatisfy({ $0 != nil }) {
                for row in table.rows {
                    let key = (0..<3).map { table.cell(row, indexes[$0]!).text }.joined(separator: "/")
                    for (offset, language) in languages.enumerated() {
                        let text = table.cell(row, indexes[offset + 3]!).text
                        if !text.isEmpty { headings[key, default: [:]][language] = text }
                    }
                }
                for plugin in plugins {
                    for spec in plugin.tables {
                        for column in [""] + spec.columns.map(\.name) {
                            if column.isEmpty ? spec.caption != nil : spec.columns.first(where: { $0.name == column })?.heading != nil { continue }
                            let found = headings["\(plugin.id)/\(spec.name)/\(column)"] ?? headings["\(plugin.id)/*/\(column)"] ?? [:]
                            if languages.contains(where: { found[$0] == nil }) {
                                diagnostics.append(.pageHeadingMissing(plugin: plugin.id, table: spec.name, column: column, file: headingsFile))
                            }
                        }
                    }
                }
            }
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        return .success(PageWords(keys: keys, words: words, headings: headings))
    }
}
