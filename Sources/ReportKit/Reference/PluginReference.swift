import Foundation

/// A plugin's description as text for coordinators: what `dtm-report describe` prints.
public enum PluginReference {
    public static func text(_ description: PluginDescription) -> String {
        var lines: [String] = []
        lines.append("\(description.id): \(description.name.en) / \(description.name.fr)")
        lines.append(description.summary)
        lines.append("")
        lines.append("Inputs (under `inputs:`)")
        for input in description.inputs {
            lines.append("  \(input.name)\(input.isRequired ? "" : " (optional)"): \(input.conventionalFileName). \(input.documentation)")
            for column in input.columns {
                lines.append("    \(column.name) [\(column.type.displayName)] \(column.hxl): \(column.documentation)")
            }
        }
        lines.append("")
        lines.append("Parameters (under `params:`)")
        for parameter in description.parameters {
            let defaultText = parameter.defaultValue.map { "default \($0)" } ?? "required"
            lines.append("  \(parameter.name) [\(parameter.type.displayName); \(defaultText)]: \(parameter.documentation)")
        }
        if description.parameters.isEmpty { lines.append("  none") }
        lines.append("")
        lines.append("Facts (in templates as {{name}}; forms below a fact as {{name.form}})")
        for fact in HostFacts.specs + description.facts {
            appendFact(fact, indent: "  ", to: &lines)
        }
        if !description.vocabularies.isEmpty || description.readsPCodes {
            lines.append("")
            lines.append("Vocabularies (under `vocabularies:` to extend or replace)")
            for vocabulary in description.vocabularies {
                let keys = vocabulary.keys.map { "; keys \($0.joined(separator: ", ")), reworded only" } ?? "; open: rows add keys"
                lines.append("  \(vocabulary.name): \(vocabulary.defaultFile), columns key, \(vocabulary.columns.joined(separator: ", "))\(keys). \(vocabulary.documentation)")
            }
            if description.readsPCodes {
                lines.append("  \(VocabularyReference.pcodes): \(Vocabularies.pcodeFolder)/*.csv, the P-codes its P-code columns are checked against.")
            }
        }
        lines.append("")
        lines.append("Tables (each written as <name>.csv and under `tables` in report.json)")
        for table in description.tables {
            lines.append("  \(table.name): \(table.documentation)")
            for column in table.columns {
                lines.append("    \(column.name) \(column.hxl): \(column.documentation)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func appendFact(_ fact: FactSpec, indent: String, to lines: inout [String]) {
        lines.append("\(indent)\(fact.name) [\(fact.kind.rawValue)\(fact.isOptional ? ", may be absent" : "")]: \(fact.documentation)")
        for (child, documentation) in fact.kind.children {
            lines.append("\(indent)    .\(child): \(documentation)")
        }
        for field in fact.fields {
            appendFact(field, indent: indent + "    ", to: &lines)
        }
    }
}

// MARK: - Generated reference (docs/plugins.md)

/// A report of the shipped files whose plugin is shaped by its parameters, with the description
/// its definition derives.
public struct ShapedReport: Sendable {
    public var id: String
    /// Where it is defined (`reports.yaml`, `Plugins/Indicators/Examples/cmp-returnee-stock/reports.yaml`).
    public var source: String
    public var description: PluginDescription

    /// The reports of `reports.yaml` and of every plugin example under `folder` whose plugin is
    /// shaped by its parameters, by plugin id, in file order.
    public static func all(in folder: URL, registry: PluginRegistry) -> [String: [ShapedReport]] {
        var files = ["reports.yaml"]
        let plugins = folder.appendingPathComponent("Plugins")
        for plugin in ((try? FileManager.default.contentsOfDirectory(atPath: plugins.path)) ?? []).sorted() {
            let examples = plugins.appendingPathComponent(plugin).appendingPathComponent("Examples")
            for example in ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).sorted() {
                files.append("Plugins/\(plugin)/Examples/\(example)/reports.yaml")
            }
        }
        var reports: [String: [ShapedReport]] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  case .success(let loaded) = ReportsFileLoader.load(Array(data), file: file) else { continue }
            for definition in loaded.reports {
                guard let plugin = registry.plugin(id: definition.plugin.value), plugin.description.isShapedByParameters else { continue }
                reports[plugin.description.id, default: []].append(
                    ShapedReport(id: definition.id.value, source: file, description: plugin.description(of: definition)))
            }
        }
        return reports
    }
}

/// A shipped template, shown in the generated reference as it is.
public struct TemplateExample: Sendable, Hashable {
    /// The path from the project's folder (`templates/flow-monitoring/monthly.en.md`).
    public var path: String
    /// The file's text, exactly.
    public var text: String

    /// A template example.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

extension PluginReference {
    /// The command that writes `docs/plugins.md`; the generated file and the test that keeps it
    /// current both name it.
    public static let regenerateCommand = "swift run dtm-report reference --output docs/plugins.md"

    /// The templates of each plugin under `templates/<plugin-id>/` of `folder`, every `.md` file
    /// sorted by name, keyed by plugin id. A plugin without a folder has none.
    public static func templateExamples(in folder: URL, pluginIDs: [String]) -> [String: [TemplateExample]] {
        var examples: [String: [TemplateExample]] = [:]
        for id in pluginIDs {
            let directory = folder.appendingPathComponent("templates").appendingPathComponent(id)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".md") }
                .sorted()
            examples[id] = names.compactMap { name in
                FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map {
                    TemplateExample(path: "templates/\(id)/\(name)", text: String(decoding: $0, as: UTF8.self))
                }
            }
        }
        return examples
    }

    /// The reference of every plugin as Markdown: inputs and columns, parameters with defaults,
    /// facts with the forms of their kinds, tables, and each shipped template. The same
    /// descriptions and templates give the same bytes.
    public static func markdown(_ descriptions: [PluginDescription], templates: [String: [TemplateExample]],
                                reports: [String: [ShapedReport]] = [:]) -> String {
        var lines: [String] = [
            "# Plugins",
            "",
            "<!-- Generated from the plugins' descriptions and the templates under templates/ by",
            "     `\(regenerateCommand)`. Do not edit by hand: a test fails when it is stale. -->",
            "",
            "What each report plugin reads, the parameters a definition sets under `params:`, the facts its templates can",
            "use and the tables it writes. `dtm-report describe PLUGIN` prints the same for one plugin; `docs/report-types.md`",
            "shows how to define a new report type with them.",
            "",
        ]
        for description in descriptions {
            lines.append("- [`\(description.id)`](#\(description.id)): \(cell(description.summary))")
        }
        lines.append("- [Kinds of fact and their forms](#kinds-of-fact-and-their-forms)")
        for description in descriptions {
            lines.append("")
            appendMarkdown(description, templates: templates[description.id] ?? [], reports: reports[description.id] ?? [], to: &lines)
        }
        lines.append("")
        lines.append("## Kinds of fact and their forms")
        lines.append("")
        lines.append("`{{fact}}` prints a fact as text in the template's language; `{{fact.form}}` reads one of the forms below.")
        lines.append("Forms that are true or false, flags and records are for sections: `{{#total.one}}…{{/total.one}}`.")
        lines.append(
            "A fact that may be absent is used inside `{{#fact}}…{{/fact}}`, with `{{^fact}}…{{/fact}}` for what applies otherwise.")
        for kind in FactKind.allCases {
            lines.append("")
            lines.append("### `\(kind.rawValue)`")
            lines.append("")
            lines.append(kindSummary(kind))
            if !kind.children.isEmpty {
                lines.append("")
                lines.append("| form | what it gives |")
                lines.append("|---|---|")
                for (child, documentation) in kind.children {
                    lines.append("| `.\(child)` | \(cell(documentation)) |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func appendMarkdown(_ description: PluginDescription, templates: [TemplateExample], reports: [ShapedReport],
                                       to lines: inout [String]) {
        lines.append("## \(description.id)")
        lines.append("")
        lines.append("**\(description.name.en)** / **\(description.name.fr)**: \(description.summary)")
        lines.append("")
        if description.isShapedByParameters {
            lines.append("Its input's columns, its facts and its tables are declared by each definition's `params:`; the reports shipped")
            lines.append("below show what each definition produces, as `dtm-report describe --report ID` prints it.")
            lines.append("")
        }
        lines.append("### Inputs (under `inputs:`)")
        for input in description.inputs where !description.isShapedByParameters {
            lines.append("")
            lines.append("#### `\(input.name)`\(input.isRequired ? "" : " (optional)")")
            lines.append("")
            lines.append(
                "Conventionally `\(input.conventionalFileName)`. \(input.documentation) The month of a row is its `\(input.periodColumn)`.")
            lines.append("")
            lines.append("| column | type | HXL | meaning |")
            lines.append("|---|---|---|---|")
            for column in input.columns {
                lines.append("| `\(column.name)` | \(cell(column.type.displayName)) | `\(column.hxl)` | \(cell(column.documentation)) |")
            }
        }
        if description.isShapedByParameters {
            for input in description.inputs {
                lines.append("")
                lines.append("- `\(input.name)`: \(input.documentation)")
            }
        }
        lines.append("")
        lines.append("### Parameters (under `params:`)")
        lines.append("")
        if description.parameters.isEmpty {
            lines.append("None.")
        } else {
            lines.append("| parameter | type | default | meaning |")
            lines.append("|---|---|---|---|")
            for parameter in description.parameters {
                lines.append(
                    "| `\(parameter.name)` | \(cell(parameter.type.displayName)) | \(cell(parameter.defaultValue ?? "required")) | \(cell(parameter.documentation)) |"
                )
            }
        }
        lines.append("")
        lines.append("### Facts")
        lines.append("")
        lines.append("`title`, `period`, `data_through` and `data_is_old` come from the run; the others from the plugin. Forms are read as `{{fact.form}}`.")
        lines.append("")
        lines.append("| fact | kind | may be absent | forms | meaning |")
        lines.append("|---|---|---|---|---|")
        for fact in HostFacts.specs + description.facts {
            appendFactRow(fact, prefix: "", to: &lines)
        }
        if !description.vocabularies.isEmpty || description.readsPCodes {
            lines.append("")
            lines.append("### Vocabularies (under `vocabularies:` to extend or replace)")
            lines.append("")
            lines.append("| vocabulary | file | columns | keys | what the words are for |")
            lines.append("|---|---|---|---|---|")
            for vocabulary in description.vocabularies {
                let keys = vocabulary.keys.map { "the plugin's (reworded only): " + $0.map { "`\($0)`" }.joined(separator: ", ") } ?? "open: a row adds one"
                lines.append(
                    "| `\(vocabulary.name)` | `\(vocabulary.defaultFile)` | \((["key"] + vocabulary.columns).map { "`\($0)`" }.joined(separator: ", ")) | \(keys) | \(cell(vocabulary.documentation)) |")
            }
            if description.readsPCodes {
                let columns = VocabularyLoader.PCodeColumns.all.map { "`\($0)`" }.joined(separator: ", ")
                lines.append(
                    "| `\(VocabularyReference.pcodes)` | `\(Vocabularies.pcodeFolder)/*.csv` | \(columns) | open: a row adds a P-code | The P-codes (admin 1 and 2, names, parents) the P-code columns are checked against. |")
            }
        }
        if description.isShapedByParameters {
            appendShapedReports(reports, to: &lines)
        }
        lines.append("")
        lines.append("### Tables")
        appendTables(description.tables, level: "####", to: &lines)
        lines.append("")
        lines.append("### Templates")
        if templates.isEmpty {
            lines.append("")
            lines.append("None shipped.")
        }
        for template in templates {
            lines.append("")
            lines.append("`\(template.path)`:")
            lines.append("")
            let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: template.text) + 1))
            lines.append(fence + "mustache")
            lines.append(template.text.hasSuffix("\n") ? String(template.text.dropLast()) : template.text)
            lines.append(fence)
        }
    }

    /// What each shipped definition of a plugin shaped by its parameters reads and produces.
    private static func appendShapedReports(_ reports: [ShapedReport], to lines: inout [String]) {
        lines.append("")
        lines.append("### Shipped reports of this kind")
        if reports.isEmpty {
            lines.append("")
            lines.append("None shipped.")
        }
        for report in reports {
            lines.append("")
            lines.append("#### `\(report.id)` (\(report.source))")
            for input in report.description.inputs {
                lines.append("")
                lines.append("Input `\(input.name)`, the month of a row is its `\(input.periodColumn)`:")
                lines.append("")
                lines.append("| column | type | HXL | meaning |")
                lines.append("|---|---|---|---|")
                for column in input.columns {
                    lines.append("| `\(column.name)` | \(cell(column.type.displayName)) | `\(column.hxl)` | \(cell(column.documentation)) |")
                }
            }
            lines.append("")
            lines.append("Facts (besides the run's):")
            lines.append("")
            lines.append("| fact | kind | may be absent | forms | meaning |")
            lines.append("|---|---|---|---|---|")
            for fact in report.description.facts {
                appendFactRow(fact, prefix: "", to: &lines)
            }
            appendTables(report.description.tables, level: "#####", to: &lines)
        }
    }

    private static func appendTables(_ tables: [TableSpec], level: String, to lines: inout [String]) {
        for table in tables {
            lines.append("")
            lines.append("\(level) `\(table.name)`")
            lines.append("")
            lines.append("\(table.documentation) Written as `\(table.name).csv` and under `tables.\(table.name)` in `report.json`.")
            lines.append("")
            lines.append("| column | HXL | meaning |")
            lines.append("|---|---|---|")
            for column in table.columns {
                lines.append("| `\(column.name)` | `\(column.hxl)` | \(cell(column.documentation)) |")
            }
        }
    }

    private static func appendFactRow(_ fact: FactSpec, prefix: String, to lines: inout [String]) {
        let forms = fact.kind.children.map { "`.\($0.key)`" }.joined(separator: " ")
        let name = prefix.isEmpty ? "`\(fact.name)`" : "`\(fact.name)` in `{{#\(prefix)}}`"
        lines.append(
            "| \(name) | [\(fact.kind.rawValue)](#\(fact.kind.rawValue)) | \(fact.isOptional ? "yes" : "") | \(forms) | \(cell(fact.documentation)) |"
        )
        for field in fact.fields {
            appendFactRow(field, prefix: prefix.isEmpty ? fact.name : prefix + "." + fact.name, to: &lines)
        }
    }

    private static func kindSummary(_ kind: FactKind) -> String {
        switch kind {
        case .count: "A whole number: `58,315` / `58 315`."
        case .percent: "A share: `96%` / `96 %`."
        case .decimal: "A number that need not be whole, with the digits after the decimal sign its fact says: `1,234.5` / `1 234,5`."
        case .date: "A day: `30 April 2017` / `30 avril 2017`."
        case .month: "A month: `April 2017` / `avril 2017`."
        case .dateRange:
            "Two days, both included, as a phrase: `between 22 and 28 February` / `entre le 22 et le 28 février`, `from 28 January to 3 February` / `du 28 janvier au 3 février`."
        case .list: "Names joined in the language's list style: `Ménaka and Tombouctou` / `Ménaka et Tombouctou`."
        case .change:
            "A difference with its direction and relative change: `907` (with `.increase`, `.decrease`, `.unchanged` to choose the words)."
        case .label: "One name in the template's language: `buses` / `bus`."
        case .flag: "True or false: only for sections, `{{#flag}}…{{/flag}}` and `{{^flag}}…{{/flag}}`."
        case .records: "A list of records, each with the facts listed under it: `{{#records}}…{{/records}}` repeats for each."
        }
    }

    /// Text for one Markdown table cell: a `|` would end the cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

// MARK: - Template stubs (dtm-report new-report)

extension PluginReference {
    /// A template for a new report of the plugin `description`: every fact it offers, one a line,
    /// and its tables named in comments at the end,
    /// each used the way the template checker accepts (a fact that may be absent inside its own
    /// section, flags and records as sections), so that `dtm-report validate` passes on it as it
    /// is. The coordinator keeps what the report says and deletes the rest.
    public static func templateStub(_ description: PluginDescription, language: Language) -> String {
        let words = StubWords(language)
        var lines: [String] = [
            "{{! \(words.header(description.id)) }}",
            "# {{title}}",
            "",
        ]
        for fact in HostFacts.specs.filter({ $0.name != "title" }) + description.facts {
            lines.append("{{! \(fact.name) (\(fact.kind.rawValue)): \(commentText(fact.documentation)) }}")
            lines.append("- \(fact.name):" + (fact.kind == .records ? "" : " ") + stubUse(fact, words: words))
            if fact.kind == .records {
                let fields = fact.fields.map { "\($0.name): \(stubUse($0, words: words))" }
                lines.append("{{#\(fact.name)}}")
                lines.append("  - " + fields.joined(separator: "; "))
                lines.append("{{/\(fact.name)}}")
            }
        }
        // Tables are written next to the text (NAME.csv, report.json, the page); the template
        // only names them, so that the coordinator knows what the report holds.
        for table in description.tables {
            lines.append("{{! table \(table.name) (\(table.name).csv): \(commentText(table.documentation)) }}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How the stub writes one fact after its name.
    private static func stubUse(_ fact: FactSpec, words: StubWords) -> String {
        let name = fact.name
        switch fact.kind {
        case .flag:
            return "{{#\(name)}}\(words.yes){{/\(name)}}{{^\(name)}}\(words.no){{/\(name)}}"
        case .records:
            return "{{^\(name)}} \(words.none){{/\(name)}}"
        default:
            // Counts and changes are shown with their one-tag form first: the form a coordinator
            // keeps, with placeholder words to replace.
            let use =
                switch fact.kind {
                case .count: "{{\(name) | \(words.countForm)}}"
                case .change: "{{\(name) | change}}"
                default: "{{\(name)}}"
                }
            return fact.isOptional ? "{{#\(name)}}\(use){{/\(name)}}{{^\(name)}}\(words.absent){{/\(name)}}" : use
        }
    }

    /// A documentation line as a Mustache comment's text: `}}` would end the comment.
    private static func commentText(_ text: String) -> String {
        text.replacingOccurrences(of: "}}", with: "} }")
    }

    private struct StubWords {
        var yes: String, no: String, none: String, absent: String
        /// The agreement form a count is shown with, words to replace.
        var countForm: String
        var header: (String) -> String

        init(_ language: Language) {
            switch language {
            case .en:
                (yes, no, none, absent) = ("yes", "no", "none", "(absent)")
                countForm = "# person / # people"
                header = { id in
                    "Stub from `dtm-report new-report`: every fact the plugin \(id) offers, one a line. Write the report's text with the ones it needs and delete the rest, one sentence a line. A count takes its noun in the same tag as its number, as the lines below show (`total | # person / # people` between the braces), and a change its phrase (`total_change | change`). `dtm-report describe \(id)` lists the forms of each fact, docs/report-types.md shows how."
                }
            case .fr:
                (yes, no, none, absent) = ("oui", "non", "aucun", "(absent)")
                countForm = "# personne / # personnes"
                header = { id in
                    "Modèle de départ écrit par `dtm-report new-report` : chaque fait que le plugin \(id) fournit, un par ligne. Écrivez le texte du rapport avec ceux dont il a besoin et supprimez les autres, une phrase par ligne. Un nombre prend son nom dans la balise de sa valeur, comme le montrent les lignes ci-dessous (`total | # personne / # personnes` entre les accolades), et une variation sa tournure (`total_change | change`). `dtm-report describe \(id)` donne les formes de chaque fait, docs/report-types.md explique la marche à suivre."
                }
            }
        }
    }
}
