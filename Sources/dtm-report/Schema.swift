import ArgumentParser
import Foundation
import ReportKit

/// `dtm-report schema`: the JSON Schema of reports.yaml for the plugins of this build.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the JSON Schema of reports.yaml (schemas/reports.schema.json) for the registered plugins.",
        discussion: """
            Every key reports.yaml accepts, and each plugin's parameters (types, allowed values, defaults), \
            inputs and vocabularies, chosen by the report's `plugin:`. Editors with a YAML language server \
            read it from the `# yaml-language-server: $schema=…` line of reports.yaml. The repository's \
            schemas/reports.schema.json is this output: `\(ReportsSchema.regenerateCommand)`.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of the standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let bytes = ReportsSchema.bytes(registry.plugins.map { $0.description })
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output, relativeTo: folder), options: .atomic)
        } catch {
            printError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}
