import Foundation
import FuzzDriver
import FuzzSupport

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
    FuzzSupport.loadAndCheck(Array(text.utf8))
    return 0
}
