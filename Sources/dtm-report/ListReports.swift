import ArgumentParser
import Foundation
import ReportKit

/// `dtm-report list`: what reports.yaml defines, as the run sees it (after merge keys,
/// defaults and includes), without reading any input.
struct ListReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the reports of the configuration: id, plugin, tags, inputs and whether enabled.",
        discussion: "Reads reports.yaml only; `validate` checks the plugins, templates and inputs."
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let url = options.configURL
        let name = url.relativePath(from: url.deletingLastPathComponent())
        guard let data = FileManager.default.contents(atPath: url.path) else {
            printError(DiagnosticReport.text(DiagnosticList([.reportsFileNotFound(name, nearest: ReportRun.nearestYAMLFile(to: url))]), limit: 50))
            throw ExitCode.failure
        }
        let file: ReportsFile
        switch ReportsFileLoader.load(Array(data), file: name, includes: IncludeFolder(configFile: url)) {
        case .success(let loaded):
            file = loaded
        case .failure(let list):
            let sources = SourceLines(folder: url.deletingLastPathComponent())
            printError(DiagnosticReport.text(list, limit: 50, sourceLine: sources.line))
            throw ExitCode.failure
        }
        for report in file.reports {
            print("\(report.id.value)\(report.isEnabled ? "" : " (disabled)")")
            print("  plugin: \(report.plugin.value)")
            if !report.tags.isEmpty { print("  tags: \(report.tags.map(\.value).joined(separator: ", "))") }
            for input in report.inputs {
                print("  input \(input.name): \(input.path.value)")
            }
        }
    }
}
