import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport
import Yams

/// `schemas/reports.schema.json`, which editors use as coordinators type: generated from the
/// registered plugins (a test fails when the committed file is stale), it accepts the shipped
/// `reports.yaml` and every example's, and refuses a misspelt key or parameter, a parameter of
/// another plugin and a value its parameter does not allow.
@Suite struct ReportsFileSchemaTests {
    static var descriptions: [PluginDescription] { BuiltInPlugins.all.map { $0.description } }
    static let schemaPath = "schemas/reports.schema.json"

    let validator = try! JSONSchemaValidator(schemaAt: Repository.url(schemaPath))

    /// A YAML file as an editor's YAML server reads it: YAML 1.2's core schema, where
    /// `2017-01-01` is text (not a timestamp); merge keys applied.
    static func load(_ text: String) throws -> Any? {
        try Yams.load(yaml: text, Resolver.default.removing(.timestamp))
    }

    func document(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: Repository.url(path), encoding: .utf8)
        return try #require(try Self.load(text) as? [String: Any])
    }

    @Test func theCommittedSchemaIsCurrent() throws {
        let committed = try #require(
            FileManager.default.contents(atPath: Repository.url(Self.schemaPath).path).map { String(decoding: $0, as: UTF8.self) },
            "\(Self.schemaPath) is missing: generate it with `\(ReportsSchema.regenerateCommand)`")
        let expected = String(decoding: ReportsSchema.bytes(Self.descriptions), as: UTF8.self)
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
            "\(Self.schemaPath) is stale: regenerate it with `\(ReportsSchema.regenerateCommand)` (\(firstDifference))")
    }

    @Test func theCommandWritesWhatTheTestExpects() throws {
        let folder = try TemporaryFolder()
        let outcome = try DTMReportBinary.run(["schema", "--output", "reports.schema.json"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.isEmpty)
        let written = try #require(folder.read("reports.schema.json"))
        #expect(written == String(decoding: ReportsSchema.bytes(Self.descriptions), as: UTF8.self))
        let printed = try DTMReportBinary.run(["schema"], in: folder.url)
        #expect(printed.stdout == written)
    }

    /// A key the loader learns (a new mapping key, a new report key) must be described in
    /// `ReportsSchema` too; until it is, the schema accepts anything there and this test fails.
    @Test func everyKeyTheLoaderReadsIsDescribed() {
        #expect(ReportsSchema.undescribedKeys(Self.descriptions) == [])
    }

    @Test func theSameDescriptionsGiveTheSameBytes() {
        #expect(ReportsSchema.bytes(Self.descriptions) == ReportsSchema.bytes(Self.descriptions))
    }

    @Test func everyParameterIsDescribedWithItsTypeAndDefault() throws {
        let schema = ReportsSchema.document(Self.descriptions)
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for description in Self.descriptions {
            let params = try #require(definitions["params-\(description.id)"] as? [String: Any], "no parameters of \(description.id)")
            let properties = try #require(params["properties"] as? [String: [String: Any]])
            #expect(Set(properties.keys) == Set(description.parameters.map(\.name)), "parameters of \(description.id)")
            for spec in description.parameters {
                let property = try #require(properties[spec.name])
                #expect((property["description"] as? String)?.hasPrefix(spec.documentation) == true, "\(description.id).\(spec.name)")
                if case .choice(let values) = spec.type {
                    #expect(property["enum"] as? [String] == values, "\(description.id).\(spec.name)")
                }
                if let defaultYAML = spec.defaultYAML, defaultYAML != "~" {
                    #expect(property["default"] != nil, "\(description.id).\(spec.name) has no default in the schema")
                }
            }
        }
    }

    @Test func acceptsTheShippedFileAndTheExamples() throws {
        for path in ["reports.yaml"] + PluginExampleFolders.all.map({ "\($0)/reports.yaml" }) {
            let problems = validator.validate(try document(path))
            #expect(problems.isEmpty, "\(path): \(problems)")
        }
    }

    @Test func theShippedFileNamesTheSchemaForEditors() throws {
        let text = try String(contentsOf: Repository.url("reports.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=\(Self.schemaPath)\n"))
    }

    @Test func refusesAMisspeltKeyAndAFutureVersion() throws {
        var file = try document("reports.yaml")
        file["version"] = 2
        var reports = try #require(file["reports"] as? [[String: Any]])
        reports[0]["plugn"] = reports[0].removeValue(forKey: "plugin")
        file["reports"] = reports
        #expect(
            Set(validator.validate(file)) == ["/version: expected 1", "/reports/0: missing 'plugin'", "/reports/0: unexpected 'plugn'"])
    }

    /// The shipped file with one report's `params` changed; the report is `fmp-monthly`
    /// (flow-monitoring) unless another is named.
    func problems(params: [String: Any], report id: String = "fmp-monthly") throws -> Set<String> {
        var file = try document("reports.yaml")
        var reports = try #require(file["reports"] as? [[String: Any]])
        let index = try #require(reports.firstIndex { $0["id"] as? String == id })
        reports[index]["params"] = params
        file["reports"] = reports
        return Set(validator.validate(file).map { $0.replacingOccurrences(of: "/reports/\(index)", with: "/reports/\(id)") })
    }

    @Test func refusesAWrongParameter() throws {
        #expect(try problems(params: ["window": "month"]).isEmpty)
        // A misspelt parameter, a value not among the choices, another plugin's parameter.
        #expect(try problems(params: ["windw": "month"]) == ["/reports/fmp-monthly/params: unexpected 'windw'"])
        #expect(
            try problems(params: ["window": "weekly"]) == [
                "/reports/fmp-monthly/params/window: weekly is not one of [\"month\", \"quarter\", \"cumulative\"]"
            ])
        #expect(try problems(params: ["population": "idps"]) == ["/reports/fmp-monthly/params: unexpected 'population'"])
        // An integer out of its range, text for a date, a list element that is not a choice.
        #expect(try problems(params: ["top": 21]) == ["/reports/fmp-monthly/params/top: 21 is more than 20"])
        // `since` is a date, or `~` for none.
        #expect(try problems(params: ["since": "June 2016"]) == ["/reports/fmp-monthly/params/since: matches none of the allowed shapes"])
        #expect(try problems(params: ["since": "2016-06-30"]).isEmpty)
        #expect(try problems(params: ["since": NSNull(), "fmps": ["GAO-01", 7]]).isEmpty)
        #expect(
            try problems(params: ["regions": 0], report: "cmp-returnees") == ["/reports/cmp-returnees/params/regions: 0 is less than 1"])
        #expect(
            try problems(params: ["types": ["airport", "sea"]], report: "covid-poe").map {
                $0.hasPrefix("/reports/covid-poe/params/types/1: sea is not one of")
            } == [true])
        #expect(try problems(params: ["types": ["airport", "land_border"]], report: "covid-poe").isEmpty)
    }

    @Test func refusesAnInputOrVocabularyThePluginDoesNotRead() throws {
        var file = try document("reports.yaml")
        var reports = try #require(file["reports"] as? [[String: Any]])
        reports[1]["inputs"] = ["observation": "data/sample/fmp_observations.csv"]
        reports[6]["vocabularies"] = ["cause": ["extend": "vocabularies/niger/causes.csv"]]
        file["reports"] = reports
        let problems = validator.validate(file)
        #expect(problems.contains { $0.hasPrefix("/reports/1/inputs/observation (name): observation is not one of") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("/reports/6/vocabularies/cause (name): cause is not one of") }, "\(problems)")
        #expect(problems.count == 2, "\(problems)")
    }

    /// A file that `include:` names has no `version:`: an editor checks it with the same schema.
    @Test func acceptsAnIncludedFile() throws {
        let included = try #require(
            try Self.load(
                """
                reports:
                  - id: fmp-gao
                    plugin: flow-monitoring
                    title: {en: Gao, fr: Gao}
                    params: {fmps: [GAO-01]}
                    templates: {en: ../t.en.md, fr: ../t.fr.md}
                """) as? [String: Any])
        #expect(validator.validate(included).isEmpty, "\(validator.validate(included))")
        var wrong = included
        wrong["languages"] = ["en"]
        #expect(validator.validate(wrong) == [": matches none of the allowed shapes"])
        wrong = included
        wrong["reports"] = [["id": "x", "plugin": "flow-monitoring", "title": ["en": "X"], "params": ["windw": "month"]]]
        #expect(validator.validate(wrong) == ["/reports/0/params: unexpected 'windw'"])
    }

    @Test func knowsTheKeysOfAnOffice() throws {
        var file = try document("reports.yaml")
        file["x-shared"] = ["anything": [1, 2]]
        file["defaults"] = [
            "params": ["flow-monitoring": ["window": "month", "top": 5]], "inputs": ["flow-monitoring": ["observations": "a.csv"]],
        ]
        file["include"] = ["offices/*.yaml"]
        var reports = try #require(file["reports"] as? [[String: Any]])
        reports[0]["tags"] = ["monthly", "mali"]
        reports[0]["enabled"] = false
        file["reports"] = reports
        #expect(validator.validate(file).isEmpty, "\(validator.validate(file))")
        // Languages may come from the defaults, reports from an included file.
        var moved = file
        moved["defaults"] = ["languages": moved.removeValue(forKey: "languages")!]
        moved.removeValue(forKey: "reports")
        #expect(validator.validate(moved).isEmpty, "\(validator.validate(moved))")
        moved.removeValue(forKey: "include")
        #expect(validator.validate(moved) == [": matches none of the allowed shapes"])

        var wrong = file
        wrong["defaults"] = ["params": ["flow-monitoring": ["windw": "month"], "flow-monitor": [:], "covid-mobility": NSNull()]]
        reports[1]["x-note"] = "below the top"
        reports[2]["enabled"] = "no"
        wrong["reports"] = reports
        #expect(
            Set(validator.validate(wrong)) == [
                "/defaults/params/flow-monitoring: unexpected 'windw'", "/defaults/params: unexpected 'flow-monitor'",
                "/defaults/params/covid-mobility: null is not object",
                "/reports/1: unexpected 'x-note'", "/reports/2/enabled: string is not boolean",
            ])
    }
}
