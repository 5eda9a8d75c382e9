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
        subcommands: [Run.self, Validate.self, Plugins.self, Describe.self, NewReport.self, Reference.self, ScanInput.self]
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

extension Period: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every report of the month: English and French text, CSV tables and a JSON document.",
        discussion: """
            Outputs land in <out>/<period>/<report-id>/, with <out>/<period>/manifest.json. Everything is \
            checked first; when anything is wrong, every problem is printed, nothing is written and the exit \
            code is 1. Earlier outputs are replaced only once the new ones are complete.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("The month to report on. Without it, each report takes the latest month with data.", valueName: "YYYY-MM"))
    var period: Period?

    @Option(name: .customLong("report"), help: ArgumentHelp("Only this report (repeatable).", valueName: "id"))
    var reports: [String] = []

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder, instead of `output:` in the configuration.", valueName: "dir"))
    var outputFolder: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let progress = ProgressLine.start(quiet: reading.quiet)
        let runOptions = RunOptions(
            configFile: options.configURL, period: period, reportIDs: reports,
            outputFolder: outputFolder.map { URL(fileURLWithPath: $0).standardizedFileURL },
            threads: reading.threads, progress: progress?.progress
        )
        let planned = Result { try planOrExit(runOptions) }
        progress?.stop()
        let plan = try planned.get()
        do {
            try OutputWriter(root: plan.outputRoot, toolVersion: ReportRun.toolVersion).write(plan.outputs)
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        guard !reading.quiet else { return }
        let shownRoot = outputFolder ?? plan.outputRoot.relativePath(from: options.configURL.deletingLastPathComponent())
        for output in plan.outputs {
            print("wrote \(shownRoot)/\(output.period)/\(output.id)/ (\(output.files.map(\.name).joined(separator: ", ")))")
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the configuration, templates and every input cell, writing nothing.",
        discussion: "Runs everything `run` checks and computes, in memory. Exit code 0 when all is well, 1 otherwise."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("The month to check. Without it, each report takes the latest month with data.", valueName: "YYYY-MM"))
    var period: Period?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let progress = ProgressLine.start(quiet: reading.quiet)
        let planned = Result {
            try planOrExit(RunOptions(configFile: options.configURL, period: period, threads: reading.threads, progress: progress?.progress))
        }
        progress?.stop()
        let plan = try planned.get()
        for match in plan.columnsFoundByHashtag { print(match.note) }
        for note in plan.inputNotes { print(note) }
        let count = plan.outputs.count
        print("ok: \(count) report\(count == 1 ? "" : "s") checked, nothing written")
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
        abstract: "Show a plugin's inputs, parameters, facts and tables: what a template can use."
    )

    @Argument(help: "A plugin id, as `dtm-report plugins` lists them.")
    var plugin: String

    func validate() throws {
        guard registry.plugin(id: plugin) != nil else {
            let suggestion = Suggestion.nearest(to: plugin, in: registry.ids).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("unknown plugin '\(plugin)'\(suggestion); known: \(registry.ids.joined(separator: ", "))")
        }
    }

    func run() {
        print(PluginReference.text(registry.plugin(id: plugin)!.description), terminator: "")
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
