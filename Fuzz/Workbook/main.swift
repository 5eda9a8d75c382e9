import Foundation
import FuzzDriver
import FuzzSupport
import ReportKit

exit(FuzzDriverRun(CommandLine.argc, CommandLine.unsafeArgv))

/// The file each input is written to: the workbook reader reads archives from files. A static, not a
/// global of this file: top-level globals of `main.swift` are set in order, after `exit` above.
enum Scratch {
    static let workbook = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-workbook-\(getpid()).xlsx")
}

/// libFuzzer entry point for the workbook reader: the first byte picks one of the plugins'
/// inputs, the rest is the .xlsx file. Reading must end in a table or in diagnostics, never in
/// a crash, a hang or memory past the limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (selector, bytes) = FuzzSupport.split(data, size)
    let spec = FuzzSupport.inputSpecs[selector % FuzzSupport.inputSpecs.count]
    guard FileManager.default.createFile(atPath: Scratch.workbook.path, contents: Data(bytes)) else { return 0 }
    switch InputReader.read(workbookAt: Scratch.workbook, file: "in.xlsx", spec: spec) {
    case .success(let table):
        precondition(table.lines.count == table.rowCount, "one line number per row")
    case .failure(let list):
        precondition(!list.diagnostics.isEmpty, "a failure names at least one problem")
        FuzzSupport.report(list, text: "")
    }
    return 0
}
