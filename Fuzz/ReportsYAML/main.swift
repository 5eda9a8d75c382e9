import Foundation
import FuzzDriver
import FuzzSupport
import ReportKit

exit(FuzzDriverRun(CommandLine.argc, CommandLine.unsafeArgv))

/// libFuzzer entry point for the reports.yaml loader: the whole input is the file. A file that
/// loads is checked against the plugins it names, as `validate` does, parameters decoded
/// (`indicators` reads its `params:` structures there).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportsYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    switch ReportsFileLoader.load(bytes, file: "reports.yaml") {
    case .success(let file):
        var diagnostics = DefinitionChecker.checkPlugins(in: file, knownIDs: FuzzSupport.descriptions.map(\.id))
        for definition in file.reports { diagnostics += FuzzSupport.check(definition) }
        if !diagnostics.isEmpty { FuzzSupport.report(DiagnosticList(diagnostics), text: text) }
    case .failure(let list):
        precondition(!list.diagnostics.isEmpty, "a failure names at least one problem")
        FuzzSupport.report(list, text: text)
    }
    return 0
}
