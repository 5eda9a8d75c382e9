import Foundation
import FuzzDriver
import FuzzSupport

exit(FuzzDriverRun(CommandLine.argc, CommandLine.unsafeArgv))

/// libFuzzer entry point for the reports.yaml loader: the whole input is the file. A file that
/// loads is checked against the plugins it names, as `validate` does, parameters decoded
/// (`indicators` reads its `params:` structures there).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportsYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzSupport.loadAndCheck(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
