import Foundation
import Testing
import TestSupport

/// The folders of ReportKit depend on each other one way: the plugin contract on the inputs it
/// reads, the run on both, never back. A type declared in one folder and named in the code of
/// another is a dependency; two folders naming each other's types are a cycle.
@Suite struct LayoutTests {
    /// Top-level types declared in each folder of Sources/ReportKit, and the capitalised words
    /// of its code (comments left out).
    static func scan() throws -> (declared: [String: Set<String>], named: [String: Set<String>]) {
        let root = Repository.url("Sources/ReportKit")
        var declared: [String: Set<String>] = [:], named: [String: Set<String>] = [:]
        let declaration = /^(?:public |internal |package )?(?:final )?(?:struct|enum|protocol|class|typealias|actor) (\w+)/
        for folder in try FileManager.default.contentsOfDirectory(atPath: root.path) {
            let url = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: url.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    if let match = line.prefixMatch(of: declaration) { declared[folder, default: []].insert(String(match.1)) }
                    let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    for word in code.matches(of: /\b[A-Z]\w*/) { named[folder, default: []].insert(String(word.0)) }
                }
            }
        }
        return (declared, named)
    }

    @Test(arguments: [("Plugin", "Inputs"), ("Inputs", "Run"), ("Plugin", "Run"), ("Accumulators", "Inputs")])
    func noCycleBetween(_ first: String, _ second: String) throws {
        let (declared, named) = try Self.scan()
        #expect(declared[first]?.isEmpty == false && declared[second]?.isEmpty == false, "no folder \(first) or \(second)")
        let forward = named[first, default: []].intersection(declared[second, default: []])
        let backward = named[second, default: []].intersection(declared[first, default: []])
        #expect(forward.isEmpty || backward.isEmpty,
                "\(first) names \(forward.sorted()) of \(second), and \(second) names \(backward.sorted()) of \(first)")
    }

    @Test func theGeneratorsAreOutOfThePluginContract() throws {
        let (declared, _) = try Self.scan()
        #expect(declared["Plugin", default: []].isDisjoint(with: ["PluginReference", "TemplateExample"]))
    }
}
