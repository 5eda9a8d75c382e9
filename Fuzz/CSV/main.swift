import Foundation
import FuzzDriver
import FuzzSupport
import ReportKit

exit(FuzzDriverRun(CommandLine.argc, CommandLine.unsafeArgv))

/// libFuzzer entry point for the CSV reader: the first byte picks one of the plugins' inputs,
/// the rest is the file. Reading must end in a table or in diagnostics, never in a crash, and
/// the diagnostics must render with their source line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (selector, bytes) = FuzzSupport.split(data, size)
    let spec = FuzzSupport.inputSpecs[selector % FuzzSupport.inputSpecs.count]
    switch InputReader.read(bytes, file: spec.conventionalFileName, spec: spec) {
    case .success(let table):
        precondition(table.lines.count == table.rowCount, "one line number per row")
    case .failure(let list):
        precondition(!list.diagnostics.isEmpty, "a failure names at least one problem")
        FuzzSupport.report(list, text: String(decoding: bytes, as: UTF8.self))
    }
    return 0
}
