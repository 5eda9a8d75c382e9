import Foundation
import Testing
@testable import ReportKit

/// The example of the format's documentation; the tests below break it one way at a time.
private let validFile = """
    version: 1
    output: out
    languages: [en, fr]
    reports:
      - id: cmp-returnees
        plugin: returnee-movements
        title:
          en: "Mali — Population Movements Report"
          fr: "Mali — Rapport sur les Mouvements de Populations"
        inputs:
          movements: data/sample/population_movements.csv
        params:
          population: returnees
        templates:
          en: templates/returnee-movements/summary.en.md
          fr: templates/returnee-movements/summary.fr.md

    """

/// A second report, to append to `validFile`.
private let secondReport = """
      - id: second
        plugin: flow-monitoring
        title: {en: Flows, fr: Flux}
        inputs: {flows: flows.csv}
        templates: {en: a.en.md, fr: a.fr.md}

    """

private func load(_ text: String) -> Result<ReportsFile, DiagnosticList> {
    ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml")
}

/// The messages of a file that must not load, one per line, as a terminal shows them.
private func errors(_ text: String) -> [String] {
    errors(bytes: Array(text.utf8))
}

private func errors(bytes: [UInt8]) -> [String] {
    switch ReportsFileLoader.load(bytes, file: "reports.yaml") {
    case .success: ["unexpectedly loaded"]
    case .failure(let list): list.diagnostics.map(\.description)
    }
}

/// `validFile` with `old` replaced by `new`, failing the test when `old` is not there.
private func edited(_ old: String, _ new: String, in text: String = validFile) -> String {
    #expect(text.contains(old), "'\(old)' is not in the file")
    return text.replacingOccurrences(of: old, with: new)
}

@Suite struct ReportsFileLoaderTests {
    // MARK: A valid file

    @Test func loadsTheDocumentedExampleWithPositions() throws {
        let file = try load(validFile).get()
        #expect(file.version == 1)
        #expect(file.output == Located("out", at: SourceLocation(file: "reports.yaml", line: 2, column: 9), keyPath: "output"))
        #expect(file.languages == [.en, .fr])
        #expect(file.reports.count == 1)
        let report = try #require(file.reports.first)
        #expect(report.id == Located("cmp-returnees", at: SourceLocation(file: "reports.yaml", line: 5, column: 9), keyPath: "reports[0].id"))
        #expect(report.plugin.value == "returnee-movements")
        #expect(report.plugin.location.description == "reports.yaml:6:13")
        #expect(report.location.description == "reports.yaml:5:3")
        #expect(report.keyPath == "reports[0]")
        #expect(report.title == [.en: "Mali — Population Movements Report", .fr: "Mali — Rapport sur les Mouvements de Populations"])
        #expect(report.inputs.map(\.name) == ["movements"])
        #expect(report.input(named: "movements")?.value == "data/sample/population_movements.csv")
        #expect(report.input(named: "movements")?.location.description == "reports.yaml:11:18")
        #expect(report.input(named: "movements")?.keyPath == "reports[0].inputs.movements")
        #expect(report.inputs.first?.nameLocation.description == "reports.yaml:11:7")
        #expect(report.location(ofKey: "inputs").description == "reports.yaml:10:5")
        #expect(report.params?.pair("population")?.value.scalar?.text == "returnees")
        #expect(report.params?.pair("population")?.keyLocation.description == "reports.yaml:13:7")
        #expect(report.templates[.fr]?.value == "templates/returnee-movements/summary.fr.md")
        #expect(report.templates[.fr]?.location.description == "reports.yaml:16:11")
    }

    @Test func outputDefaultsToOutAndParamsMayBeAbsent() throws {
        let text = edited("output: out\n", "", in: edited("    params:\n      population: returnees\n", ""))
        let file = try load(text).get()
        #expect(file.output.value == "out")
        #expect(file.output.location.description == "reports.yaml")
        #expect(file.reports[0].params == nil)
    }

    @Test func keepsTheOrderOfInputsAndReports() throws {
        let text = edited("      movements: data/sample/population_movements.csv\n",
                          "      zeta: z.csv\n      alpha: a.csv\n      mid: m.csv\n") + secondReport
        let file = try load(text).get()
        #expect(file.reports.map(\.id.value) == ["cmp-returnees", "second"])
        #expect(file.reports[0].inputs.map(\.name) == ["zeta", "alpha", "mid"])
        #expect(file.reports[1].location.description == "reports.yaml:19:3")
        #expect(file.reports[1].title == [.en: "Flows", .fr: "Flux"])
    }

    @Test func acceptsWindowsLineEndingsAndAByteOrderMark() throws {
        let text = validFile.replacingOccurrences(of: "\n", with: "\r\n")
        let file = try ReportsFileLoader.load([0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "reports.yaml").get()
        #expect(file.reports[0].plugin.location.description == "reports.yaml:6:13")
    }

    @Test func quotedTextAndApostrophesStayText() throws {
        let text = edited(#"fr: "Mali — Rapport sur les Mouvements de Populations""#, "fr: Rapport sur l'évolution [mai] {x}")
        let file = try load(text).get()
        #expect(file.reports[0].title[.fr] == "Rapport sur l'évolution [mai] {x}")
    }

    @Test func ordinaryYAMLPassesThePrescan() throws {
        let text = """
            # The monthly run. It's edited by coordinators: "quotes" and [brackets] in comments are fine.
            version: 1
            languages:
              - en   # first
              - fr
            reports:
              - id: cmp-returnees
                plugin: returnee-movements
                title:
                  en: |
                    Mali [returnees] {May}
                      'indented' "text": with colon
                  fr: >-
                    Rapport sur l'évolution
                    des retours # pas un commentaire
                inputs: {
                  movements: "data/sample/population movements.csv",
                  locations: 'data/l''s.csv'
                }
                params:
                  regions: [Gao,
                    Ménaka, "Tombouctou"]
                  note: a#b c:d
                templates: &templates
                  en: t.en.md
                  fr: t.fr.md
              - id: second
                plugin: flow-monitoring
                title: {en: "Flows: \\"all\\"", fr: 'Flux'}
                inputs: {flows: flows.csv}
                templates: *templates

            """
        let file = try load(text).get()
        #expect(file.reports[0].title[.en] == "Mali [returnees] {May}\n  'indented' \"text\": with colon\n")
        #expect(file.reports[0].title[.fr] == "Rapport sur l'évolution des retours # pas un commentaire")
        #expect(file.reports[0].inputs.map(\.path.value) == ["data/sample/population movements.csv", "data/l's.csv"])
        #expect(file.reports[0].params?.pair("note")?.value.scalar?.text == "a#b c:d")
        #expect(file.reports[1].title[.en] == "Flows: \"all\"")
        #expect(file.reports[1].templates[.fr]?.value == "t.fr.md")
        #expect(file.reports[1].location.description == "reports.yaml:27:3")
    }

    // MARK: Syntax

    @Test func syntaxErrorInWordsWithLibyamlsPositionAndContextAsANote() {
        let problem = ReportsFileLoader.load(Array(edited("languages: [en, fr]", "languages: [en, fr").utf8), file: "reports.yaml")
        guard case .failure(let list) = problem else { Issue.record("loaded"); return }
        #expect(list.diagnostics.map(\.description) == [
            "reports.yaml:3:12: error: the '[' on this line is never closed: end the list with ']' on the same line",
        ])
        #expect(list.diagnostics.map(\.note) == [
            "reports.yaml:4:8: note: the YAML parser says: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 12)",
        ])
    }

    @Test func tabIndentation() {
        #expect(errors(edited("    plugin: returnee-movements", "  \t plugin: returnee-movements")) == [
            "reports.yaml:6:3: error: tab character used for indentation; indent with spaces",
        ])
    }

    @Test func everyTabIndentedLineIsReported() {
        let text = edited("    plugin: returnee-movements", "\tplugin: returnee-movements",
                          in: edited("      en: templates/returnee-movements/summary.en.md", "\t\ten: templates/returnee-movements/summary.en.md"))
        #expect(errors(text) == [
            "reports.yaml:6:1: error: tab character used for indentation; indent with spaces",
            "reports.yaml:15:1: error: tab character used for indentation; indent with spaces",
        ])
    }

    @Test func emptyFile() {
        #expect(errors("# nothing yet\n") == ["reports.yaml: error: the file is empty; expected version, languages and reports"])
    }

    @Test func secondDocument() {
        #expect(errors(validFile + "---\nversion: 1\n") == [
            "reports.yaml:17:1: error: YAML syntax error: but found another document (expected a single document in the stream at line 1, column 1)",
        ])
    }

    // MARK: Keys

    @Test func unknownTopLevelKeyWithSuggestion() {
        #expect(errors(edited("output: out", "outptu: out")) == [
            "reports.yaml:2:1: error: outptu: unknown key 'outptu'; the keys allowed here are version, output, languages, reports, page, charts, defaults, include (did you mean 'output'?)",
        ])
    }

    /// Keys read before the strict reader (`defaults:`, `include:`, `tags:`, `enabled:`) are
    /// keys allowed at their place: a misspelling of one is told the right one.
    @Test func aMisspeltKeyOfAnOfficeIsToldTheRightOne() {
        #expect(errors(edited("output: out", "defualts:\n  output: out")) == [
            "reports.yaml:2:1: error: defualts: unknown key 'defualts'; the keys allowed here are version, output, languages, reports, page, charts, defaults, include (did you mean 'defaults'?)",
        ])
        #expect(errors(edited("    plugin: returnee-movements", "    plugin: returnee-movements\n    tag: [mali]")) == [
            "reports.yaml:7:5: error: reports[0].tag: unknown key 'tag'; the nearest of the 12 keys allowed here are tags, page, id, title, charts (did you mean 'tags'?)",
        ])
    }

    @Test func misspeltReportKeyIsOneErrorThatSuggestsTheRealOne() {
        #expect(errors(edited("    plugin: returnee-movements", "    plugn: returnee-movements")) == [
            "reports.yaml:6:5: error: reports[0].plugn: unknown key 'plugn'; the nearest of the 12 keys allowed here are plugin, page, tags, id, inputs (did you mean 'plugin'?)",
        ])
        // A missing key that no unknown key resembles is still reported.
        #expect(errors(edited("    plugin: returnee-movements", "    colour: returnee-movements")) == [
            "reports.yaml:5:3: error: reports[0]: missing key 'plugin'",
            "reports.yaml:6:5: error: reports[0].colour: unknown key 'colour'; the nearest of the 12 keys allowed here are charts, id, inputs, page, params",
        ])
    }

    @Test func unknownKeyWithoutAnyCloseKey() {
        #expect(errors(edited("    plugin: returnee-movements", "    plugin: returnee-movements\n    colour: blue")) == [
            "reports.yaml:7:5: error: reports[0].colour: unknown key 'colour'; the nearest of the 12 keys allowed here are charts, id, inputs, page, params",
        ])
    }

    @Test func unknownLanguageUnderTitleAndTemplates() {
        let text = edited("      en: \"Mali", "      EN: \"Mali", in: edited("      fr: templates", "      fra: templates"))
        #expect(errors(text) == [
            "reports.yaml:7:5: error: reports[0].title: no title for language 'en'",
            "reports.yaml:8:7: error: reports[0].title.EN: unknown language 'EN'; languages are en and fr (did you mean 'en'?)",
            "reports.yaml:14:5: error: reports[0].templates: no template for language 'fr'",
            "reports.yaml:16:7: error: reports[0].templates.fra: unknown language 'fra'; languages are en and fr (did you mean 'fr'?)",
        ])
    }

    @Test func unknownLanguageUnderLanguages() {
        #expect(errors(edited("languages: [en, fr]", "languages: [en, de]")) == [
            "reports.yaml:3:17: error: languages[1]: unknown language 'de'; languages are en and fr",
        ])
    }

    @Test func duplicateLanguage() {
        #expect(errors(edited("languages: [en, fr]", "languages: [en, fr, en]")) == [
            "reports.yaml:3:21: error: languages[2]: language 'en' is listed twice",
        ])
    }

    @Test func missingTopLevelKeys() {
        #expect(errors(edited("version: 1\n", "", in: edited("languages: [en, fr]\n", ""))) == [
            "reports.yaml:1:1: error: missing key 'version'",
            "reports.yaml:1:1: error: missing key 'languages'",
        ])
    }

    @Test func missingReportKeys() {
        let text = edited("    templates:\n      en: templates/returnee-movements/summary.en.md\n      fr: templates/returnee-movements/summary.fr.md\n", "",
                          in: edited("    inputs:\n      movements: data/sample/population_movements.csv\n", ""))
        #expect(errors(text) == [
            "reports.yaml:5:3: error: reports[0]: missing key 'inputs'",
            "reports.yaml:5:3: error: reports[0]: missing key 'templates'",
        ])
    }

    @Test func missingTemplateLanguage() {
        #expect(errors(edited("      fr: templates/returnee-movements/summary.fr.md\n", "")) == [
            "reports.yaml:14:5: error: reports[0].templates: no template for language 'fr'",
        ])
    }

    @Test func titleOrTemplateForALanguageNotListed() {
        #expect(errors(edited("languages: [en, fr]", "languages: [en]")) == [
            "reports.yaml:9:7: error: reports[0].title.fr: language 'fr' is not in languages (en)",
            "reports.yaml:16:7: error: reports[0].templates.fr: language 'fr' is not in languages (en)",
        ])
    }

    // MARK: Types

    @Test func wrongTypes() {
        let text = edited("    inputs:\n      movements: data/sample/population_movements.csv\n", "    inputs: data.csv\n",
                          in: edited("languages: [en, fr]", "languages: en"))
        #expect(errors(text) == [
            "reports.yaml:3:12: error: languages: expected a list, found text 'en' (did you mean '[en]'?)",
            "reports.yaml:10:13: error: reports[0].inputs: expected a mapping, found text 'data.csv'",
        ])
    }

    @Test func reportsMustBeAList() {
        #expect(errors("version: 1\nlanguages: [en]\nreports:\n  id: x\n") == [
            "reports.yaml:4:3: error: reports: expected a list, found a mapping",
        ])
    }

    @Test func rootMustBeAMapping() {
        #expect(errors("- version: 1\n") == ["reports.yaml:1:1: error: expected a mapping, found a list"])
    }

    @Test func emptyLists() {
        #expect(errors("version: 1\nlanguages: []\nreports: []\n") == [
            "reports.yaml:2:12: error: languages: the list is empty; expected at least one language",
            "reports.yaml:3:10: error: reports: the list is empty; expected at least one report",
        ])
    }

    @Test func nullAndEmptyValues() {
        let text = edited("    plugin: returnee-movements", "    plugin: ~",
                          in: edited(#"en: "Mali — Population Movements Report""#, #"en: """#,
                                     in: edited("      movements: data/sample/population_movements.csv", "      movements:")))
        #expect(errors(text) == [
            "reports.yaml:6:13: error: reports[0].plugin: value is null; expected text",
            "reports.yaml:8:11: error: reports[0].title.en: value is empty; expected text",
            "reports.yaml:11:17: error: reports[0].inputs.movements: value is null; expected a path",
        ])
    }

    /// `params:` with every line under it commented out says what leaving `params:` out says.
    @Test func paramsWithNothingUnderItIsNoParameters() throws {
        let text = edited("    params:\n      population: returnees\n", "    params:\n    # population: idps\n")
        let file = try ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml").get()
        #expect(file.reports[0].params == nil)
        #expect(errors(edited("    params:\n      population: returnees\n", "    params: []\n")) == [
            "reports.yaml:12:13: error: reports[0].params: expected a mapping, found a list",
        ])
    }

    @Test func versionTwoIsTooNew() {
        #expect(errors(edited("version: 1", "version: 2")) == [
            "reports.yaml:1:10: error: version: version 2 is newer than this dtm-report understands (1)",
        ])
    }

    @Test func versionMustBeTheIntegerOne() {
        #expect(errors(edited("version: 1", #"version: "1""#)) == [
            "reports.yaml:1:10: error: version: expected an integer, found quoted text '1'",
        ])
        #expect(errors(edited("version: 1", "version: 1.0")) == [
            "reports.yaml:1:10: error: version: expected an integer, found text '1.0'",
        ])
        #expect(errors(edited("version: 1", "version: 0")) == [
            "reports.yaml:1:10: error: version: version 0 does not exist; write version: 1",
        ])
    }

    @Test func absolutePaths() {
        let text = edited("output: out", "output: /tmp/out",
                          in: edited("movements: data/sample", "movements: C:\\data\\sample"))
        #expect(errors(text) == [
            "reports.yaml:2:9: error: output: '/tmp/out' is an absolute path; write it relative to the folder of reports.yaml",
            #"reports.yaml:11:18: error: reports[0].inputs.movements: 'C:\data\sample/population_movements.csv' is an absolute path; write it relative to the folder of reports.yaml"#,
        ])
    }

    // MARK: Duplicates and ids

    @Test func duplicateKeyAtTheSecondOccurrence() {
        #expect(errors(edited("    title:", "    plugin: other\n    title:")) == [
            "reports.yaml:7:5: error: reports[0].plugin: duplicate key 'plugin' (first at line 6)",
        ])
    }

    @Test func everyDuplicateKeyIsReported() {
        let text = edited("output: out", "output: out\noutput: again",
                          in: edited("      population: returnees", "      population: returnees\n      'population': idps\n      population: all"))
        #expect(errors(text) == [
            "reports.yaml:3:1: error: output: duplicate key 'output' (first at line 2)",
            "reports.yaml:15:7: error: reports[0].params.population: duplicate key 'population' (first at line 14)",
            "reports.yaml:16:7: error: reports[0].params.population: duplicate key 'population' (first at line 14)",
        ])
    }

    @Test func duplicateKeyInAFlowMapping() {
        #expect(errors(validFile + secondReport.replacingOccurrences(of: "{flows: flows.csv}", with: "{flows: a.csv, flows: b.csv}")) == [
            "reports.yaml:20:28: error: reports[1].inputs.flows: duplicate key 'flows' (first at line 20)",
        ])
    }

    @Test func duplicateReportIDNamesTheFirstLine() {
        #expect(errors(validFile + secondReport.replacingOccurrences(of: "id: second", with: "id: cmp-returnees")) == [
            "reports.yaml:17:9: error: reports[1].id: duplicate report id 'cmp-returnees' (first at line 5)",
        ])
    }

    @Test(arguments: ["Cmp-Returnees", "cmp_returnees", "cmp--returnees", "-cmp", "cmp-", "cmp returnees"])
    func invalidID(id: String) {
        #expect(errors(edited("id: cmp-returnees", "id: \(id)")) == [
            "reports.yaml:5:9: error: reports[0].id: '\(id)' is not a valid id: use lower-case letters, digits and single hyphens, as in 'cmp-returnees'",
        ])
    }

    // MARK: Bytes and limits

    @Test func invalidUTF8() {
        var bytes = Array(validFile.utf8)
        let line8 = Array("version: 1\noutput: out\nlanguages: [en, fr]\nreports:\n  - id: cmp-returnees\n    plugin: returnee-movements\n    title:\n      en: \"Mali — ".utf8)
        bytes[line8.count] = 0xFF
        #expect(errors(bytes: bytes) == ["reports.yaml:8:19: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8"])
        #expect(errors(bytes: [0xFF, 0xFE] + Array("v".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == [
            "reports.yaml:1:1: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8",
        ])
    }

    @Test func controlCharacter() {
        #expect(errors(edited("output: out", "output: o\u{1}ut")) == [
            "reports.yaml:2:10: error: control character U+0001 is not allowed in YAML",
        ])
    }

    @Test func oversizeFile() {
        let bytes = Array(validFile.utf8) + Array(repeating: UInt8(ascii: "#"), count: ReportsFileLoader.maximumFileSize)
        #expect(errors(bytes: bytes) == [
            "reports.yaml: error: the file is \(bytes.count) bytes; a reports file may be at most 1048576 bytes",
        ])
    }

    @Test func billionLaughsIsRefused() {
        // Ten levels of ten aliases: 10^10 strings in a few hundred bytes.
        var text = "version: 1\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "lol\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(errors(text) == [
            "reports.yaml:2:27: error: the file has more than 10000 YAML values once aliases (*name) are expanded; an alias may be repeating a large part of the file",
        ])
    }

    @Test func anAliasAsAKeyIsRefusedBeforeYamsHashesIt() {
        #expect(errors("a: &x [1, 2]\n*x : 3\n? [1]\n: 4\n[2]: 5\n") == [
            "reports.yaml:2:1: error: keys must be plain text, not an alias",
            "reports.yaml:3:1: error: keys must be plain text, not an explicit '?' key",
            "reports.yaml:5:3: error: keys must be plain text, not a list or mapping",
        ])
    }

    @Test func aliasesWithinTheBudgetAreFine() throws {
        let text = edited("    templates:\n      en: templates/returnee-movements/summary.en.md\n      fr: templates/returnee-movements/summary.fr.md\n",
                          "    templates: &t\n      en: templates/returnee-movements/summary.en.md\n      fr: templates/returnee-movements/summary.fr.md\n")
            + secondReport.replacingOccurrences(of: "templates: {en: a.en.md, fr: a.fr.md}", with: "templates: *t")
        let file = try load(text).get()
        #expect(file.reports[1].templates[.en]?.value == "templates/returnee-movements/summary.en.md")
    }

    @Test func nestingTenThousandDeepIsRefusedWithoutCrashing() {
        let flow = "version: 1\nx: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(errors(flow) == ["reports.yaml:2:131: error: nesting is deeper than 64 levels"])
        let block = "version: 1\nx:\n  " + String(repeating: "- ", count: 10_000) + "x\n"
        #expect(errors(block) == ["reports.yaml:3:255: error: nesting is deeper than 64 levels"])
        let mappings = "version: 1\nx: " + String(repeating: "{a: ", count: 10_000) + String(repeating: "}", count: 10_000) + "\n"
        #expect(errors(mappings) == ["reports.yaml:2:512: error: nesting is deeper than 64 levels"])
    }

    @Test func closingBracketsInPlainTextDoNotHideNesting() {
        // `]` inside plain text closes nothing; counting it would let the next line nest unseen.
        let text = "version: 1\na: x" + String(repeating: "]", count: 10_000) + "\nb: |\n  ]]]]\nc: "
            + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(errors(text) == ["reports.yaml:5:131: error: nesting is deeper than 64 levels"])
    }

    @Test func nestingJustPastTheLimitIsFoundOnTheTree() {
        let text = "version: 1\nx: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        let path = "x" + String(repeating: "[0]", count: 63)
        #expect(errors(text) == ["reports.yaml:2:67: error: \(path): nesting is deeper than 64 levels"])
    }

    // MARK: Everything at once

    @Test func collectsEveryErrorOfTheFile() {
        var text = edited("version: 1", "version: 2")
        text = edited("    plugin: returnee-movements", "    plugn: returnee-movements", in: text)
        text = edited("      fr: templates/returnee-movements/summary.fr.md\n", "", in: text)
        text += secondReport.replacingOccurrences(of: "id: second", with: "id: Second")
            .replacingOccurrences(of: "title: {en: Flows, fr: Flux}", with: "title: {en: Flows, fr: ~}")
        #expect(errors(text) == [
            "reports.yaml:1:10: error: version: version 2 is newer than this dtm-report understands (1)",
            "reports.yaml:6:5: error: reports[0].plugn: unknown key 'plugn'; the nearest of the 12 keys allowed here are plugin, page, tags, id, inputs (did you mean 'plugin'?)",
            "reports.yaml:14:5: error: reports[0].templates: no template for language 'fr'",
            "reports.yaml:16:9: error: reports[1].id: 'Second' is not a valid id: use lower-case letters, digits and single hyphens, as in 'cmp-returnees'",
            "reports.yaml:18:28: error: reports[1].title.fr: value is null; expected text",
        ])
    }
}
