/// Reads `charts:` of a report against its plugin's tables, with the position of every mistake:
/// an unknown key, kind, table or column (each with the nearest name), a chart of numbers drawn
/// from a text column, a colour that is not one, a title missing a language.
enum ChartReader {
    static let keys = ["kind", "table", "labels", "columns", "title", "colours"]

    static func read(_ value: YAMLValue, keyPath: String, languages: [Language], description: PluginDescription) -> Result<[ChartSpec], DiagnosticList> {
        var yaml = YAMLReader()
        var charts: [ChartSpec] = []
        guard let items = yaml.sequence(value, path: keyPath) else { return .failure(DiagnosticList(yaml.diagnostics)) }
        for (index, item) in items.enumerated() {
            if let chart = readChart(item, keyPath: "\(keyPath)[\(index)]", languages: languages, description: description, yaml: &yaml) {
                charts.append(chart)
            }
        }
        return yaml.diagnostics.isEmpty ? .success(charts) : .failure(DiagnosticList(yaml.diagnostics))
    }

    private static func readChart(_ item: YAMLValue, keyPath: String, languages: [Language], description: PluginDescription,
                                  yaml: inout YAMLReader) -> ChartSpec? {
        guard let fields = yaml.mapping(item, path: keyPath, allowed: keys, required: ["kind", "table", "labels", "columns", "title"],
                                        owner: item.location) else { return nil }
        let before = yaml.diagnostics.count
        var kind: ChartSpec.Kind?
        if let pair = fields["kind"], let text = yaml.text(pair.value, path: "\(keyPath).kind") {
            kind = ChartSpec.Kind(rawValue: text)
            if kind == nil { yaml.add(.chartUnknownKind(text, at: pair.value.location, subject: "\(keyPath).kind")) }
        }
        var table: TableSpec?
        if let pair = fields["table"], let name = yaml.text(pair.value, path: "\(keyPath).table") {
            table = description.table(named: name)
            if table == nil {
                yaml.add(.chartUnknownTable(name, plugin: description.id, tables: description.tables.map(\.name), at: pair.value.location,
                                            subject: "\(keyPath).table"))
            }
        }
        func column(_ value: YAMLValue, path: String) -> TableColumnSpec? {
            guard let name = yaml.text(value, path: path, expected: "a column") else { return nil }
            guard let table else { return nil }  // the table's own error says why
            guard let found = table.columns.first(where: { $0.name == name }) else {
                yaml.add(.chartUnknownColumn(name, table: table.name, columns: table.columns.map(\.name), at: value.location, subject: path))
                return nil
            }
            return found
        }
        var labels: [Language: String] = [:]
        if let pair = fields["labels"] {
            let path = "\(keyPath).labels"
            if let entries = pair.value.mapping {
                for entry in entries {
                    guard let language = Language(rawValue: entry.key), languages.contains(language) else {
                        yaml.add(.definitionUnknownLanguage(at: entry.keyLocation, subject: "\(path).\(entry.key)", language: entry.key))
                        continue
                    }
                    if let found = column(entry.value, path: "\(path).\(entry.key)") { labels[language] = found.name }
                }
                for language in languages where !entries.contains(where: { $0.key == language.rawValue }) {
                    yaml.add(.chartMissingLanguage(language, at: pair.keyLocation, subject: path))
                }
            } else if let found = column(pair.value, path: path) {
                for language in languages { labels[language] = found.name }
            }
        }
        var columns: [String] = []
        if let pair = fields["columns"], let items = yaml.sequence(pair.value, path: "\(keyPath).columns") {
            if items.isEmpty { yaml.add(.yamlEmptyList(at: pair.value.location, subject: "\(keyPath).columns", expected: "column")) }
            for (index, item) in items.enumerated() {
                let path = "\(keyPath).columns[\(index)]"
                guard let found = column(item, path: path) else { continue }
                if !found.holdsNumbers, let kind, let table {
                    yaml.add(.chartTextColumn(found.name, kind: kind, numbers: table.columns.filter(\.holdsNumbers).map(\.name),
                                              at: item.location, subject: path))
                }
                columns.append(found.name)
            }
            if kind == .share, items.count > 1 {
                yaml.add(.chartShareOfOneColumn(count: items.count, at: pair.value.location, subject: "\(keyPath).columns"))
            }
        }
        var title: [Language: String] = [:]
        if let pair = fields["title"], let entries = yaml.mappingPairs(pair.value, path: "\(keyPath).title") {
            for entry in entries {
                guard let language = Language(rawValue: entry.key), languages.contains(language) else {
                    yaml.add(.definitionUnknownLanguage(at: entry.keyLocation, subject: "\(keyPath).title.\(entry.key)", language: entry.key))
                    continue
                }
                if let text = yaml.text(entry.value, path: "\(keyPath).title.\(entry.key)") { title[language] = text }
            }
            for language in languages where !entries.contains(where: { $0.key == language.rawValue }) {
                yaml.add(.chartMissingLanguage(language, at: pair.keyLocation, subject: "\(keyPath).title"))
            }
        }
        var colours: [String] = []
        if let pair = fields["colours"], let items = yaml.sequence(pair.value, path: "\(keyPath).colours") {
            for (index, item) in items.enumerated() {
                let path = "\(keyPath).colours[\(index)]"
                guard let text = yaml.text(item, path: path, expected: "a colour") else { continue }
                if ChartPalette.isColour(text) { colours.append(text) } else { yaml.add(.chartBadColour(text, at: item.location, subject: path)) }
            }
        }
        guard yaml.diagnostics.count == before, let kind, let table else { return nil }
        return ChartSpec(kind: kind, table: table.name, labels: labels, columns: columns, title: title, colours: colours,
                         location: item.location, keyPath: keyPath)
    }
}
