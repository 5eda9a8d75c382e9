import Foundation
import Testing
import TestSupport

/// The README and the docs point only at files the repository holds: a reader who clones it
/// must be able to follow every relative link, and a path given in code quotes that climbs out of
/// the repository (`../shared/…`) exists only on the machine it was written on.
@Suite struct DocumentationLinkTests {
    /// The Markdown files people read: every `*.md` but templates, golden outputs and fuzz seeds.
    static let documents: [String] = {
        let root = Repository.root.standardizedFileURL.path
        let skipped = ["/.", "/templates/", "/expected/", "/Golden/", "/Fuzz/corpus/"]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { path in path.hasSuffix(".md") && !path.hasPrefix(".") && !skipped.contains { ("/" + path).contains($0) } }
            .sorted()
    }()

    /// `[text](target)` targets that are not web addresses or anchors, without their `#anchor`,
    /// and code spans that start with `../`.
    static func relativeTargets(in text: String) -> [String] {
        var targets: [String] = []
        let link = /\]\(([^)\s]+)\)/
        for match in text.matches(of: link) {
            let target = String(match.output.1)
            if target.hasPrefix("#") || target.contains("://") || target.hasPrefix("mailto:") { continue }
            targets.append(String(target.prefix { $0 != "#" }))
        }
        let climbing = /`(\.\.\/[^`\s]+)`/
        targets += text.matches(of: climbing).map { String($0.output.1) }
        return targets
    }

    @Test func theDocumentsAreFound() {
        #expect(Self.documents.contains("README.md"))
        #expect(Self.documents.contains("docs/report-types.md"))
        #expect(!Self.documents.contains { $0.hasPrefix("templates/") })
    }

    @Test func theLinkFinderSeesLinksAndClimbingPaths() {
        let text = "See [the guide](docs/guide.md#start), [a site](https://example.org), [here](#top) and `../shared/x.md`."
        #expect(Self.relativeTargets(in: text) == ["docs/guide.md", "../shared/x.md"])
    }

    @Test(arguments: documents)
    func everyRelativeLinkResolvesInsideTheRepository(_ document: String) throws {
        let url = Repository.url(document)
        let text = try String(contentsOf: url, encoding: .utf8)
        let root = Repository.root.standardizedFileURL.path
        for target in Self.relativeTargets(in: text) {
            let resolved = url.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
            #expect(resolved.hasPrefix(root + "/") || resolved == root, "\(document): '\(target)' leads outside the repository")
            #expect(FileManager.default.fileExists(atPath: resolved), "\(document): '\(target)' does not exist")
        }
    }
}
