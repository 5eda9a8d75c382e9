import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// `docs/plugins.md` is generated from the plugins' descriptions and the shipped templates; these
/// tests fail when it no longer matches them, and name the command that regenerates it.
@Suite struct GeneratedDocsTests {
    static var descriptions: [PluginDescription] { BuiltInPlugins.all.map { $0.description } }

    static func generated() -> String {
        PluginReference.markdown(
            descriptions, templates: PluginReference.templateExamples(in: Repository.root, pluginIDs: descriptions.map(\.id)),
            reports: ShapedReport.all(in: Repository.root, registry: PluginRegistry(BuiltInPlugins.all)))
    }

    @Test func thePluginReferenceIsCurrent() throws {
        let committed = try #require(
            FileManager.default.contents(atPath: Repository.url("docs/plugins.md").path).map { String(decoding: $0, as: UTF8.self) },
            "docs/plugins.md is missing: generate it with `\(PluginReference.regenerateCommand)`")
        let expected = Self.generated()
        let firstDifference =
            zip(
                committed.split(separator: "\n", omittingEmptySubsequences: false),
                expected.split(separator: "\n", omittingEmptySubsequences: false)
            )
            .enumerated().first { $0.element.0 != $0.element.1 }
            .map { "first difference at line \($0.offset + 1):\n  committed: \($0.element.0)\n  generated: \($0.element.1)" }
            ?? "the lengths differ"
        #expect(
            committed == expected,
            "docs/plugins.md is stale: regenerate it with `\(PluginReference.regenerateCommand)` (\(firstDifference))")
    }

    @Test func theCommandWritesWhatTheTestExpects() throws {
        let folder = try TemporaryFolder()
        // The shipped definitions too: the reports of a plugin shaped by its parameters are listed.
        try Repository.copy(["templates", "vocabularies", "reports.yaml", "Plugins"], into: folder)
        let outcome = try DTMReportBinary.run(["reference", "--output", "plugins.md"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.isEmpty)
        let written = try #require(folder.read("plugins.md"))
        #expect(written == Self.generated())
        let printed = try DTMReportBinary.run(["reference"], in: folder.url)
        #expect(printed.stdout == written)
    }

    @Test func everyPluginFactTableAndTemplateIsInTheReference() throws {
        let text = Self.generated()
        for description in Self.descriptions {
            #expect(text.contains("\n## \(description.id)\n"), "no section for \(description.id)")
            for input in description.inputs {
                for column in input.columns {
                    #expect(text.contains("| `\(column.name)` | "), "input column \(column.name) of \(description.id)")
                }
            }
            for parameter in description.parameters {
                #expect(
                    text.contains("| `\(parameter.name)` | \(parameter.type.displayName) | "),
                    "parameter \(parameter.name) of \(description.id)")
            }
            for fact in description.facts {
                #expect(
                    text.contains(
                        "| `\(fact.name)` | [\(fact.kind.rawValue)](#\(fact.kind.rawValue)) | \(fact.isOptional ? "yes" : "") | "),
                    "fact \(fact.name) of \(description.id)")
            }
            for table in description.tables {
                #expect(text.contains("\n#### `\(table.name)`\n"), "table \(table.name) of \(description.id)")
            }
        }
        for template in try FileManager.default.subpathsOfDirectory(atPath: Repository.url("templates").path).filter({ $0.hasSuffix(".md") }
        ) {
            let content = try String(contentsOf: Repository.url("templates/\(template)"), encoding: .utf8)
            #expect(text.contains("`templates/\(template)`:\n\n```mustache\n\(content)```\n"), "template \(template) as it is")
        }
        for kind in FactKind.allCases {
            #expect(text.contains("\n### `\(kind.rawValue)`\n"), "kind \(kind.rawValue)")
        }
    }

    @Test func aTemplateWithBackticksGetsALongerFence() {
        let description = PluginDescription(
            id: "example", name: Label("Example"), summary: "An example.", inputs: [], parameters: [],
            facts: [], tables: [])
        let text = PluginReference.markdown(
            [description], templates: ["example": [TemplateExample(path: "templates/example/a.en.md", text: "Code: ```{{title}}```\n")]])
        #expect(text.contains("`templates/example/a.en.md`:\n\n````mustache\nCode: ```{{title}}```\n````\n"))
        #expect(text.contains("### Parameters (under `params:`)\n\nNone.\n"))
    }

    @Test func theSameDescriptionsGiveTheSameBytes() {
        #expect(Self.generated() == Self.generated())
    }
}
