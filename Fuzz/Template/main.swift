import Foundation
import FuzzDriver
import FuzzSupport
import ReportKit

exit(FuzzDriverRun(CommandLine.argc, CommandLine.unsafeArgv))

/// libFuzzer entry point for templates: the first byte picks a plugin, whose facts the rest of
/// the input (the template) is checked against. A template that passes is compiled and rendered
/// in both languages with a value for every fact.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (selector, bytes) = FuzzSupport.split(data, size)
    let description = FuzzSupport.descriptions[selector % FuzzSupport.descriptions.count]
    let text = String(decoding: bytes, as: UTF8.self)
    let file = "templates/\(description.id)/fuzz.en.md"
    let problems = TemplateChecker.check(text, file: file, facts: description.facts)
    guard problems.isEmpty else {
        FuzzSupport.report(DiagnosticList(problems), text: text)
        return 0
    }
    do throws(DiagnosticList) {
        let template = try CompiledTemplate(text: text, file: file)
        let facts = FuzzSupport.sampleFacts(description.facts)
        for language in Language.allCases {
            precondition(template.render(facts, language: language).hasSuffix("\n"), "a report ends with a line break")
        }
    } catch {
        FuzzSupport.report(error, text: text)
    }
    return 0
}
