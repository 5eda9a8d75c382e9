import Foundation
import FuzzDriver
import FuzzSupport
import ReportKit

exit(FuzzDriverRun(CommandLine.argc, CommandLine.unsafeArgv))

/// The definition every input is the `params:` of: an `indicators` report with nothing else to
/// get wrong, so that mutations land in the structures the plugin's own parser reads.
private let head = """
    reports:
      - id: fuzz
        plugin: indicators
        title: {en: Fuzz, fr: Fuzz}
        inputs: {data: data.csv}
        templates: {en: fuzz.en.md, fr: fuzz.fr.md}
        params:

    """

/// libFuzzer entry point for the `indicators` parameters: the input is the text under
/// `params:` (columns, date, window, measures, breakdowns, compare), indented into the
/// definition above, loaded, decoded and read by `IndicatorDefinition`, its description derived.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndicatorsParams(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let params = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let text = head + params.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n") + "\n"
    switch ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml") {
    case .success(let file):
        var diagnostics: [Diagnostic] = []
        for definition in file.reports { diagnostics += FuzzSupport.check(definition) }
        if !diagnostics.isEmpty { FuzzSupport.report(DiagnosticList(diagnostics), text: text) }
    case .failure(let list):
        precondition(!list.diagnostics.isEmpty, "a failure names at least one problem")
        FuzzSupport.report(list, text: text)
    }
    return 0
}
