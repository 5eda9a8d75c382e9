import ArgumentParser
import BuiltInPlugins
import Foundation
import ReportKit

@main
struct DTMReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dtm-report",
        abstract: "Turns displacement-tracking data into the monthly DTM reports, in English and French.",
        version: ReportRun.toolVersion,
        subcommands: [Run.self, Validate.self, Verify.self, ListReports.self, Plugins.self, Describe.self, NewReport.self, Reference.self, Schema.self, ScanInput.self]
    )
}

/// The registry every command uses.
let registry = PluginRegistry(BuiltInPlugins.all)

/// Options shared by the commands that read reports.yaml.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The report definitions.", valueName: "file"))
    var config: String = "reports.yaml"

    var configURL: URL {
        URL(fileURLWithPath: config, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}

extension Array {
    /// The array, or an array of `element` alone when it is empty.
    func orIfEmpty(_ element: Element) -> [Element] { isEmpty ? [element] : self }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every report of the month: English and French text, CSV tables and a JSON document.",
        discussion: """
            Outputs land in <out>/<period>/<report-id>/, with <out>/<period>/manifest.json. Everything is \
            checked first; when anything is wrong, every problem is printed, nothing is written and the exit \
            code is 1. Earlier outputs are replaced only once the new ones are complete. One run at a time \
            writes a month: a run that finds another writing the same month into the same folder waits for \
            it (and says so), or with --no-wait stops at once with exit code 75.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("The month to report on; repeated, or a range YYYY-MM...YYYY-MM, each month in turn. Without it, each report takes the latest month with data.", valueName: "YYYY-MM"))
    var period: [PeriodOption] = []

    @Option(name: .customLong("report"), help: ArgumentHelp("Only this report, even when disabled (repeatable).", valueName: "id"))
    var reports: [String] = []

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only the enabled reports with this tag (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder, instead of `output:` in the configuration.", valueName: "dir"))
    var outputFolder: String?

    @Flag(help: "When another run is writing one of the months, stop at once (exit code 75) instead of waiting for it.")
    var noWait = false

    @Flag(help: "Also print each report's HTML pages to PDF (report.en.pdf) with headless Chromium; without Chromium, stop before writing anything.")
    var pdf = false

    @OptionGroup var reading: ReadingOptions

    /// The exit code of a run that stopped because another run was writing its month (EX_TEMPFAIL).
    static let busyExitCode: Int32 = 75

    func validate() throws {
        _ = try PeriodOption.months(of: period)
    }

    func run() throws {
        let started = Date()
        // Chromium is looked for first: a run that cannot print its PDFs writes nothing.
        var printer: PDFPrinter?
        if pdf {
            guard let found = PDFPrinter.find() else {
                printError(PDFPrinter.missingMessage)
                throw ExitCode.failure
            }
            printer = found
        }
        // Several months (a backfill) are all checked before any is written.
        var plans: [RunPlan] = []
        for month in try PeriodOption.months(of: period).map(Optional.some).orIfEmpty(nil) {
            let progress = ProgressLine.start(quiet: reading.quiet)
            var runOptions = RunOptions(
                configFile: options.configURL, period: month, reportIDs: reports,
                outputFolder: outputFolder.map { URL(fileURLWithPath: $0).standardizedFileURL },
                threads: reading.threads, progress: progress?.progress
            )
            runOptions.tags = tags
            let planned = Result { try planOrExit(runOptions) }
            progress?.stop()
            plans.append(try planned.get())
        }
        // Standard output lists what was written; notes go with the messages, on standard error.
        // The files are the same for every month, and so are their notes.
        printDisabledNotes(plans[0])
        if !reading.quiet { for note in plans[0].notes { printError(note.description) } }
        if let printer {
            guard plans.allSatisfy({ $0.outputs.allSatisfy { $0.files.contains { $0.name.hasSuffix(".html") } } }) else {
                printError("error: --pdf prints the HTML pages, and the reports have none: name a page template with 'page: templates/page.html' in the configuration; nothing was written")
                throw ExitCode.failure
            }
            for index in plans.indices {
                do {
                    try printer.addPDFs(to: &plans[index].outputs, root: plans[index].outputRoot)
                } catch {
                    printError(error.description)
                    throw ExitCode.failure
                }
            }
        }
        for plan in plans {
            let shownRoot = outputFolder ?? plan.outputRoot.relativePath(from: options.configURL.deletingLastPathComponent())
            var writer = OutputWriter(root: plan.outputRoot, toolVersion: ReportRun.toolVersion, holder: .current(started: started))
            writer.displayRoot = shownRoot
            writer.waitForOtherRuns = !noWait
            writer.onWait = { printError("\(shownRoot): \($0)") }
            writer.onWarning = { printError($0) }
            if let index = plan.monthIndex { writer.monthFiles = { index.indexFiles(period: $0, reports: $1) } }
            do {
                try writer.write(plan.outputs)
            } catch {
                printError("\(error)")
                throw error.kind == .busy ? ExitCode(Self.busyExitCode) : ExitCode.failure
            }
            guard !reading.quiet else { continue }
            for output in plan.outputs {
                print("wrote \(shownRoot)/\(output.period)/\(output.id)/ (\(output.files.map(\.name).joined(separator: ", ")))")
            }
            if let index = plan.monthIndex {
                for period in Set(plan.outputs.map(\.period)).sorted() {
                    print("wrote \(shownRoot)/\(period)/ (\(index.languages.map { "index.\($0.rawValue).html" }.joined(separator: ", ")))")
                }
            }
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the configuration, templates and every input cell, writing nothing.",
        discussion: "Runs everything `run` checks and computes, in memory. Exit code 0 when all is well, 1 otherwise."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("The month to check; repeated, or a range YYYY-MM...YYYY-MM, each month in turn. Without it, each report takes the latest month with data.", valueName: "YYYY-MM"))
    var period: [PeriodOption] = []

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only the enabled reports with this tag (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        _ = try PeriodOption.months(of: period)
    }

    func run() throws {
        var plans: [RunPlan] = []
        for month in try PeriodOption.months(of: period).map(Optional.some).orIfEmpty(nil) {
            let progress = ProgressLine.start(quiet: reading.quiet)
            let planned = Result {
                var runOptions = RunOptions(configFile: options.configURL, period: month, threads: reading.threads, progress: progress?.progress)
                runOptions.tags = tags
                return try planOrExit(runOptions)
            }
            progress?.stop()
            plans.append(try planned.get())
        }
        // The notes are the same for every month: the files are the same.
        printDisabledNotes(plans[0])
        for match in plans[0].columnsFoundByHashtag { print(match.note) }
        for note in plans[0].inputNotes { print(note) }
        for note in plans[0].notes { print(note) }
        let count = plans.reduce(0) { $0 + $1.outputs.count }
        print("ok: \(count) report\(count == 1 ? "" : "s") checked\(plans.count > 1 ? " over \(plans.count) months" : ""), nothing written")
    }
}

struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the report plugins: id, English and French names, summary.")

    func run() {
        for plugin in registry.plugins {
            let description = plugin.description
            print("\(description.id)\n  \(description.name.en) / \(description.name.fr)\n  \(description.summary)")
        }
    }
}

struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a plugin's inputs, parameters, facts and tables, or with --report the effective definition of one report.",
        discussion: """
            With --report ID: the report as a run reads it, after include, merge keys and defaults, with the \
            plugin's defaults for the parameters it does not set; each value is followed by where it came \
            from (file:line of reports.yaml or of an included file, or the default of the plugin). The \
            definition is checked as `validate` checks it, without reading the inputs.
            """
    )

    @Argument(help: "A plugin id, as `dtm-report plugins` lists them.")
    var plugin: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("The report of the configuration to show.", valueName: "id"))
    var report: String?

    @OptionGroup var options: ConfigOptions

    func validate() throws {
        switch (plugin, report) {
        case (nil, nil):
            throw ValidationError("give a plugin id, or --report ID for a report of the configuration")
        case (.some, .some):
            throw ValidationError("give a plugin id or --report, not both")
        case (let plugin?, nil):
            guard registry.plugin(id: plugin) != nil else {
                let suggestion = Suggestion.nearest(to: plugin, in: registry.ids).map { " (did you mean '\($0)'?)" } ?? ""
                throw ValidationError("unknown plugin '\(plugin)'\(suggestion); known: \(registry.ids.joined(separator: ", "))")
            }
        case (nil, .some):
            break
        }
    }

    func run() throws {
        guard let report else {
            print(PluginReference.text(registry.plugin(id: plugin!)!.description), terminator: "")
            return
        }
        let url = options.configURL
        let name = url.relativePath(from: url.deletingLastPathComponent())
        let sources = SourceLines(folder: url.deletingLastPathComponent())
        func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
            printError(DiagnosticReport.text(DiagnosticList(diagnostics), limit: 50, sourceLine: sources.line))
            return ExitCode.failure
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw fail([.reportsFileNotFound(name, nearest: ReportRun.nearestYAMLFile(to: url))])
        }
        let loaded: LoadedReportsFile
        switch ReportsFileLoader.loadWithSources(Array(data), file: name, includes: IncludeFolder(configFile: url)) {
        case .success(let file): loaded = file
        case .failure(let list): throw fail(list.diagnostics)
        }
        guard let definition = loaded.file.reports.first(where: { $0.id.value == report }) else {
            throw fail([.unknownReport(report, known: loaded.file.reports.map(\.id.value))])
        }
        guard let pluginType = registry.plugin(id: definition.plugin.value) else {
            throw fail(DefinitionChecker.checkPlugin(of: definition, knownIDs: registry.ids).map { [$0] } ?? [])
        }
        var problems = pluginType.parameterProblems(of: definition)
        guard problems.isEmpty else { throw fail(problems) }
        // A plugin shaped by its parameters: the facts and tables this definition produces.
        let plugin = pluginType.description(of: definition)
        problems = DefinitionChecker.checkInputs(definition, against: plugin)
        guard problems.isEmpty else { throw fail(problems) }
        print(EffectiveDefinition.of(report, in: loaded, plugin: plugin)!.text, terminator: "")
        if plugin.isShapedByParameters {
            print("\n# what this definition produces\n" + PluginReference.text(plugin), terminator: "")
        }
    }
}

/// Runs the shared validation pass; on problems prints them (the first 50 and a count of the
/// rest) and exits with code 1.
func planOrExit(_ options: RunOptions) throws -> RunPlan {
    switch ReportRun.plan(options, registry: registry) {
    case .success(let plan):
        return plan
    case .failure(let list):
        let sources = SourceLines(folder: options.configFile.deletingLastPathComponent())
        printError(DiagnosticReport.text(list, limit: 50, sourceLine: sources.line))
        throw ExitCode.failure
    }
}

/// One note a disabled report left out, on standard error: the run did not make it, on purpose.
func printDisabledNotes(_ plan: RunPlan) {
    for id in plan.disabled {
        printError("note: report '\(id)' is disabled (enabled: false); skipped")
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

extension URL {
    /// This path relative to `base` when it is inside it, for messages; else the path itself.
    func relativePath(from base: URL) -> String {
        let path = standardizedFileURL.path, basePath = base.standardizedFileURL.path
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Lines of the files that diagnostics name (relative to the folder of reports.yaml), read again
/// to show the line under each message. Large files are not read a second time.
final class SourceLines {
    static let maximumFileSize = 4 << 20
    let folder: URL
    private var files: [String: [Substring]] = [:]

    init(folder: URL) {
        self.folder = folder
    }

    func line(_ file: String, _ number: Int) -> String? {
        if files[file] == nil {
            let url = folder.appendingPathComponent(file)
            guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size <= Self.maximumFileSize,
                  let data = FileManager.default.contents(atPath: url.path) else { return nil }
            // Split the bytes, not the characters: Swift reads "\r\n" as one character, so a
            // CRLF file would not split on "\n".
            var bytes = Array(data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            files[file] = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring(String(decoding: $0, as: UTF8.self)) }
        }
        guard let lines = files[file], number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check published month folders against their manifest.json before sharing them.",
        discussion: """
            Each month folder must hold every file its manifest lists, with the size and SHA-256 listed, \
            and no other file; every report must have its texts and its JSON. A FOLDER is a month folder \
            (out/2017-04) or an output folder, whose months are all checked; without one, every month \
            under out/. With --inputs, the inputs each report was computed from must still have the \
            checksums recorded (paths relative to the folder of --config). Exit code 0 when everything \
            is intact, 1 otherwise, with a line for each file and what is wrong with it.
            """
    )

    @Argument(help: ArgumentHelp("Month folders, or output folders holding months.", valueName: "folder"))
    var folders: [String] = []

    @Flag(help: "Also check that the inputs each report was computed from are unchanged.")
    var inputs = false

    @Option(help: ArgumentHelp("The report definitions, whose folder the recorded input paths are relative to (with --inputs).", valueName: "file"))
    var config: String = "reports.yaml"

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let projectFolder = URL(fileURLWithPath: config, relativeTo: current).absoluteURL.standardizedFileURL.deletingLastPathComponent()
        var months: [(url: URL, shown: String)] = []
        var problems: [String] = []
        for folder in folders.isEmpty ? ["out"] : folders {
            let shown = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
            let url = URL(fileURLWithPath: folder, relativeTo: current).standardizedFileURL
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                problems.append("\(shown): error: \(VerifyMessage.noSuchFolder)")
                continue
            }
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) || Period(iso: url.lastPathComponent) != nil {
                months.append((url, shown))
            } else {
                let found = MonthVerifier.months(in: url)
                if found.isEmpty { problems.append("\(shown): error: \(VerifyMessage.noMonths)") }
                months += found.map { ($0, "\(shown)/\($0.lastPathComponent)") }
            }
        }
        for month in months {
            let outcome = MonthVerifier.verify(month.url, shown: month.shown, inputsFolder: inputs ? projectFolder : nil) {
                URL(fileURLWithPath: $0, relativeTo: projectFolder).standardizedFileURL.relativePath(from: current)
            }
            if outcome.problems.isEmpty {
                print("ok: \(month.shown): \(VerifyMessage.intact(reports: outcome.reportCount, files: outcome.fileCount, inputs: inputs))")
            }
            problems += outcome.problems.map(\.description)
        }
        guard problems.isEmpty else {
            printError(problems.joined(separator: "\n"))
            printError(VerifyMessage.problemCount(problems.count))
            throw ExitCode.failure
        }
    }
}
