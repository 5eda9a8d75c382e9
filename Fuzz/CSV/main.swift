import Foundation
import FuzzDriver
import FuzzSupport
import ReportKit

exit(FuzzDriverRun(CommandLine.argc, CommandLine.unsafeArgv))

/// libFuzzer entry point for the CSV reader and the vocabulary loader: the first byte picks one
/// of the plugins' inputs, the rest is the file (read also as a vocabulary file). Reading must end in a table or in diagnostics, never in a crash, and
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
    fuzzVocabulary(bytes)
    return 0
}

/// The same bytes as a vocabulary file: a word list, then a P-code file. Each ends in a
/// vocabulary or in diagnostics that render.
func fuzzVocabulary(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    switch VocabularyLoader.table(bytes, file: "vocabulary.csv") {
    case .failure(let list):
        precondition(!list.diagnostics.isEmpty, "a failure names at least one problem")
        FuzzSupport.report(list, text: text)
    case .success(let table):
        let spec = VocabularySpec("words", forms: ["name"], otherColumns: ["unknown"], keys: nil, "Fuzzing.")
        if case .failure(let list) = VocabularyLoader.wordList(spec, tables: [table]) { FuzzSupport.report(list, text: text) }
        switch VocabularyLoader.adminAreas([table]) {
        case .success(let areas):
            for row in table.rows.prefix(8) { for cell in row { _ = areas.area(cell.text); _ = areas.nearest(to: cell.text) } }
        case .failure(let list):
            FuzzSupport.report(list, text: text)
        }
    }
}
