import ArgumentParser
import Foundation
import ReportKit

struct Reference: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the reference of every plugin as Markdown (docs/plugins.md).",
        discussion: """
            Generated from the plugins' descriptions and the templates under templates/<plugin-id>/ of the \
            current folder. The repository's docs/plugins.md is this output: \
            `\(PluginReference.regenerateCommand)`.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of the standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let descriptions = registry.plugins.map { $0.description }
        let text = PluginReference.markdown(
            descriptions, templates: PluginReference.templateExamples(in: folder, pluginIDs: descriptions.map(\.id)),
            reports: ShapedReport.all(in: folder, registry: registry))
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output, relativeTo: folder), options: .atomic)
        } catch {
            printError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}
