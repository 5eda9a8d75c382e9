import ArgumentParser
import Foundation
import ReportKit

/// `dtm-report list`: what reports.yaml defines, as the run sees it (after merge keys,
/// defaults and includes), and the month a run would report on for each: the latest with data
/// in its inputs, read as `validate` reads them.
struct ListReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the reports of the configuration: id, plugin, tags, inputs, whether enabled, and the latest month with data.",
        discussion: """
            The latest month with data is the month `run` reports on without --period; finding it reads every \
            input, as `validate` does. A report whose definition, templates or inputs have a problem shows \
            `unknown`: `validate` names the problem.
            """
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
        let latest = Self.latestMonths(of: file.reports.map(\.id.value), config: url)
        for report in file.reports {
            print("\(report.id.value)\(report.isEnabled ? "" : " (disabled)")")
            print("  plugin: \(report.plugin.value)")
            if !report.tags.isEmpty { print("  tags: \(report.tags.map(\.value).joined(separator: ", "))") }
            for input in report.inputs {
                print("  input \(input.name): \(input.path.value)")
            }
            let month = latest[report.id.value].map { $0.map(\.iso) ?? "none" } ?? "unknown (validate names the problem)"
            print("  latest month with data: \(month)")
        }
    }

    /// Each report's latest month with data (nil: none), for the reports that check; a report
    /// with a problem is missing. One pass for all; when that fails, one pass per report, so that
    /// a problem in one leaves the others' months known.
    static func latestMonths(of ids: [String], config: URL) -> [String: Period?] {
        func pass(_ ids: [String]) -> [String: Period?]? {
            var options = RunOptions(configFile: config, reportIDs: ids)
            options.stopsBeforeComputing = true
            guard case .success(let plan) = ReportRun.plan(options, registry: registry) else { return nil }
            return Dictionary(uniqueKeysWithValues: ids.map { ($0, plan.latestMonths[$0]) })
        }
        if let months = pass(ids) { return months }
        var months: [String: Period?] = [:]
        for id in ids {
            if let month = pass([id])?[id] { months[id] = month }
        }
        return months
    }
}
