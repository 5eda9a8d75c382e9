import ArgumentParser
import Foundation
import ReportKit

struct NewReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-report",
        abstract: "Add a report type to reports.yaml, with English and French template stubs.",
        discussion: """
            Adds a definition for the plugin after the last report of `reports:` (before any top-level key that \
            follows it, such as `page:` or `charts:`), keeping the rest of the file as it is: the inputs of an earlier report of the same plugin (or data/<conventional file name>), \
            the parameters at their defaults as comments, TODO titles. Writes \
            templates/<plugin-id>/<id>.<language>.md listing every fact the plugin offers (for a plugin shaped by its \
            parameters, such as `indicators`, the facts and tables of the definition added), which `validate` \
            accepts as they are. Refuses an id already defined and template files that exist.
            """
    )

    @Option(help: ArgumentHelp("The plugin that computes the report, as `dtm-report plugins` lists them.", valueName: "id"))
    var plugin: String

    @Option(help: ArgumentHelp("The new report's id, kebab-case (fmp-quarter-gao).", valueName: "id"))
    var id: String

    @OptionGroup var options: ConfigOptions

    func validate() throws {
        guard registry.plugin(id: plugin) != nil else {
            let suggestion = Suggestion.nearest(to: plugin, in: registry.ids).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("unknown plugin '\(plugin)'\(suggestion); known: \(registry.ids.joined(separator: ", "))")
        }
        guard id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil else {
            throw ValidationError(
                "report id '\(id)' is not kebab-case: lower-case letters and digits, words joined by '-' (fmp-quarter-gao)")
        }
    }

    func run() throws {
        let description = registry.plugin(id: plugin)!.description
        let configURL = options.configURL
        let folder = configURL.deletingLastPathComponent()
        let shownConfig = options.config
        guard let data = FileManager.default.contents(atPath: configURL.path) else {
            let missing = Diagnostic.configNotFound(shownConfig, nearest: ReportRun.nearestYAMLFile(to: configURL))
            printError(DiagnosticReport.text(DiagnosticList([missing]), limit: 50))
            throw ExitCode.failure
        }
        let fileName = configURL.lastPathComponent
        let file: ReportsFile
        switch ReportsFileLoader.load(Array(data), file: fileName) {
        case .success(let loaded):
            file = loaded
        case .failure(let list):
            printError(DiagnosticReport.text(list, limit: 50, sourceLine: SourceLines(folder: folder).line))
            printError("error: \(shownConfig) has problems; fix them before adding a report")
            throw ExitCode.failure
        }
        if let existing = file.reports.first(where: { $0.id.value == id }) {
            printError("\(existing.id.location): error: \(existing.id.keyPath): a report '\(id)' is already defined; choose another id")
            throw ExitCode.failure
        }
        let templatePaths = file.languages.map { ($0, "templates/\(description.id)/\(id).\($0.rawValue).md") }
        let existingTemplates = templatePaths.map(\.1).filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        guard existingTemplates.isEmpty else {
            for path in existingTemplates {
                printError("error: \(path) already exists; new-report does not overwrite a template (choose another id or move the file)")
            }
            throw ExitCode.failure
        }

        let text = String(decoding: data, as: UTF8.self)
        let block = definitionBlock(description, file: file, templates: templatePaths, indent: Self.reportIndent(in: text))
        let updated = Self.inserting(block, afterTheReportsOf: text)
        // Where the block lands is found from the text's lines, not from YAML: read the result
        // back before writing anything, and refuse a file where it is not the last report.
        guard case .success(let reread) = ReportsFileLoader.load(Array(updated.utf8), file: fileName),
            let added = reread.reports.last, added.id.value == id, added.plugin.value == description.id,
            reread.reports.count == file.reports.count + 1
        else {
            printError("error: cannot add a report to \(shownConfig): `reports:` must be a top-level block list (`  - id: …`)")
            throw ExitCode.failure
        }

        // A plugin shaped by its parameters (`indicators`) produces the facts and tables of the
        // definition just added: the stubs list those, as `validate` will check them.
        let shaped = registry.plugin(id: plugin)!.description(of: added)
        do {
            for (language, path) in templatePaths {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(PluginReference.templateStub(shaped, language: language).utf8).write(to: url, options: .withoutOverwriting)
            }
            try Data(updated.utf8).write(to: configURL, options: .atomic)
        } catch {
            printError("error: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        print("added report '\(id)' (plugin \(description.id)) after the last report of \(shownConfig)")
        for (_, path) in templatePaths {
            print("wrote \(path)")
        }
        print(
            "next: set its title and params in \(shownConfig), write the templates, then `dtm-report validate` and `dtm-report run --report \(id)`"
        )
    }

    /// `text` with `block` after the last line of the top-level `reports:` list. The shipped file
    /// and an office's files keep other top-level keys after the reports (`page:`, `charts:`,
    /// `defaults:`), in the order their authors chose, so the block goes before the first of them
    /// rather than at the end of the file; the blank lines and unindented comments just above that
    /// key stay with it, as they describe it. Without a key after `reports:`, the block ends the file.
    static func inserting(_ block: String, afterTheReportsOf text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        func isTopLevelKey(_ line: String) -> Bool {
            guard let first = line.first else { return false }
            return first != " " && first != "\t" && first != "#" && first != "-"
        }
        guard let reportsLine = lines.firstIndex(where: { $0.wholeMatch(of: /reports *:[ \t]*(#.*)?/) != nil }),
            let nextKey = lines[(reportsLine + 1)...].firstIndex(where: isTopLevelKey)
        else {
            return (text.isEmpty || text.hasSuffix("\n") ? text : text + "\n") + block
        }
        var insertion = nextKey
        while insertion - 1 > reportsLine, lines[insertion - 1].allSatisfy(\.isWhitespace) || lines[insertion - 1].hasPrefix("#") {
            insertion -= 1
        }
        let head = lines[..<insertion].map { $0 + "\n" }.joined()
        let tail = lines[insertion...].map { $0 + "\n" }.joined()
        return head + block + (text.hasSuffix("\n") ? tail : String(tail.dropLast()))
    }

    /// The indentation of the `- id:` lines of the file (two spaces in the shipped file).
    static func reportIndent(in text: String) -> String {
        for line in text.split(separator: "\n") {
            if let match = line.wholeMatch(of: /( *)- +id:.*/) { return String(match.1) }
        }
        return "  "
    }

    /// The YAML text of the new definition, ending with a line feed.
    func definitionBlock(_ description: PluginDescription, file: ReportsFile, templates: [(Language, String)], indent: String) -> String {
        let key = indent + "  ", value = indent + "    "
        // Inputs: the files an earlier report of the same plugin reads, else the formats
        // document's file name under data/.
        let earlier = file.reports.first { $0.plugin.value == description.id }
        var lines = ["\(indent)- id: \(id)", "\(key)plugin: \(description.id)", "\(key)title:"]
        for language in file.languages {
            let placeholder = language == .fr ? "TODO : titre en français" : "TODO: title in English"
            lines.append("\(value)\(language.rawValue): \"\(placeholder)\"")
        }
        lines.append("\(key)inputs:")
        for input in description.inputs {
            if let path = earlier?.inputs.first(where: { $0.name == input.name })?.path.value {
                lines.append("\(value)\(input.name): \(Self.yamlScalar(path))")
            } else if input.isRequired {
                lines.append("\(value)\(input.name): data/\(input.conventionalFileName)")
            } else {
                lines.append("\(value)# \(input.name): data/\(input.conventionalFileName)    # optional")
            }
        }
        if !description.exampleParameters.isEmpty {
            // A plugin shaped by its parameters needs them: a small working example to adapt.
            lines.append("\(key)## a small definition to adapt; `dtm-report describe \(description.id)` explains each key,")
            lines.append("\(key)## `dtm-report describe --report \(id)` lists the facts and tables it produces.")
            lines.append("\(key)params:")
            lines += description.exampleParameters.map { "\(key)  \($0)" }
        } else if !description.parameters.isEmpty {
            // Every commented line reads as YAML once its `#` is removed: explanations are
            // comments of their own (`##`) or follow the value after `#`.
            lines.append("\(key)## every parameter at its default; uncomment `params:` and a line to change one.")
            lines.append("\(key)## `dtm-report describe \(description.id)` explains each.")
            lines.append("\(key)# params:")
            for parameter in description.parameters {
                let explanation = parameter.defaultYAML == nil ? "required" : parameter.defaultExplanation
                let value = parameter.defaultYAML ?? Self.example(of: parameter.type)
                lines.append("\(key)#   \(parameter.name): \(value)" + (explanation.map { "    # \($0)" } ?? ""))
            }
        }
        lines.append("\(key)templates:")
        for (language, path) in templates {
            lines.append("\(value)\(language.rawValue): \(path)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value of `type` for a required parameter, which has no default to show.
    static func example(of type: ParameterType) -> String {
        switch type {
        case .choice(let choices): choices.first ?? "~"
        case .integer(let range): String(range.lowerBound)
        case .date: "2017-01-01"
        case .text: "\"\""
        case .flag: "false"
        case .list: "[]"
        case .structure: "{}"
        }
    }

    /// A path as a YAML plain scalar when that reads back as the same text, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        if text.wholeMatch(of: /[A-Za-z0-9_][A-Za-z0-9_.\/-]*/) != nil { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
