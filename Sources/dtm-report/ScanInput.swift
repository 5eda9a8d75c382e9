import ArgumentParser
import Foundation
import ReportKit

/// `dtm-report scan-input`: reads and checks one input file as a plugin would, keeping nothing,
/// and prints how long that took as JSON. Hidden: it is the benchmarks' measure of the reader
/// alone, without the plugin's sums, the checksum or the writing of reports.
struct ScanInput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan-input",
        abstract: "Read and check one input file as a plugin reads it, and print the time it took (for Benchmarks/).",
        shouldDisplay: false
    )

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The plugin whose input it is.", valueName: "id"))
    var plugin: String

    @Option(help: ArgumentHelp("The input's name in the plugin's description.", valueName: "name"))
    var input: String

    @Option(help: ArgumentHelp("Threads that read the file in parts.", valueName: "n"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        guard let found = registry.plugin(id: plugin) else {
            throw ValidationError("unknown plugin '\(plugin)'; known: \(registry.ids.joined(separator: ", "))")
        }
        guard let spec = found.description.input(named: input) else {
            throw ValidationError("plugin '\(plugin)' has no input '\(input)'; it has: \(found.description.inputs.map(\.name).joined(separator: ", "))")
        }
        let url = URL(fileURLWithPath: file)
        let started = ContinuousClock.now
        let result = InputReader.scan(contentsOf: url, file: file, spec: spec, columns: columnsRead(by: found, from: spec),
                                      threads: max(1, threads))
        let elapsed = ContinuousClock.now - started
        switch result {
        case .failure(let list):
            printError(DiagnosticReport.text(list, limit: 50, sourceLine: { _, _ in nil }))
            throw ExitCode.failure
        case .success(let rows):
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(#"{"bytes": \#(size), "rows": \#(rows), "seconds": \#(seconds), "threads": \#(max(1, threads))}"#)
        }
    }

    private func columnsRead<Plugin: ReportPlugin>(by plugin: Plugin.Type, from spec: InputSpec) -> [String] {
        Plugin.Inputs.columnsRead(from: spec)
    }
}
