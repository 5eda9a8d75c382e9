import Foundation
import TestSupport

extension BadInput {
    /// `describe --report`: a report the file does not have, a definition with a problem, and
    /// both a plugin and a report asked for.
    static let describeCases: [BadInput] = [
        BadInput(
            kind: .commandLine, name: "describe --report with an id the file does not have", mutate: { _ in },
            errors: ["error: --report: no report 'fmp-montly' in the configuration (did you mean 'fmp-monthly'?)"],
            arguments: ["describe", "--report", "fmp-montly"]),
        BadInput(
            kind: .yaml, name: "describe --report of a definition with a misspelt parameter",
            mutate: { try $0.replace("      window: month\n", with: "      windw: month\n") },
            errors: [
                "reports.yaml:28:7: error: reports[1].params.windw: unknown key 'windw'; the keys allowed here are window, since, fmps, top (did you mean 'window'?)"
            ],
            arguments: ["describe", "--report", "fmp-monthly"]),
        BadInput(
            kind: .commandLine, name: "describe with both a plugin and --report", mutate: { _ in },
            errors: ["Error: give a plugin id or --report, not both"],
            arguments: ["describe", "flow-monitoring", "--report", "fmp-monthly"], status: 64),
    ]
}
