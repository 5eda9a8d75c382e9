import Testing
@testable import ReportKit

/// YAML syntax errors in plain words, at the line to fix, with libyaml's own message as a note:
/// each case is the real loader on a small reports file with one mistake.
@Suite struct YAMLSyntaxExplainerTests {
    static let valid = """
        version: 1
        languages: [en]
        reports:
          - id: gao
            plugin: flow-monitoring
            title:
              en: "Gao"
            inputs:
              observations: obs.csv
            params:
              window: month
              top: 3
            templates:
              en: t.md

        """

    /// The error and note lines for `valid` with `old` replaced by `new`.
    static func lines(_ old: String, _ new: String) throws -> [String] {
        #expect(Self.valid.contains(old))
        let text = Self.valid.replacingOccurrences(of: old, with: new)
        switch ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml") {
        case .success: return []
        case .failure(let list): return list.diagnostics.flatMap { [$0.description] + ($0.note.map { [$0] } ?? []) }
        }
    }

    @Test func aColonInAValueAsksForQuotes() throws {
        #expect(try Self.lines("en: \"Gao\"", "en: Gao: first quarter") == [
            "reports.yaml:7:11: error: a value containing ': ' must be in quotes (did you mean 'en: \"Gao: first quarter\"'?)",
            "reports.yaml:7:14: note: the YAML parser says: mapping values are not allowed in this context",
        ])
    }

    @Test func aLineIndentedMoreThanAKeyWithAValue() throws {
        #expect(try Self.lines("      top: 3", "       top: 3") == [
            "reports.yaml:12:8: error: this line is indented 1 space more than 'window' above it, which already has a value: line it up with 'window'",
            "reports.yaml:12:11: note: the YAML parser says: mapping values are not allowed in this context",
        ])
    }

    /// A key whose value below is named by an anchor (`inputs: &shared`) opens a block like
    /// `inputs:`: a mistake further down is explained where it is, not at the anchor's block.
    @Test func anAnchoredBlockAboveIsNotAValue() throws {
        let anchored = "    inputs: &shared\n      observations: obs.csv\n    params: !!map\n      window: month\n      top: 3"
        #expect(try Self.lines("    inputs:\n      observations: obs.csv\n    params:\n      window: month\n      top: 3",
                               anchored.replacingOccurrences(of: "      top: 3", with: "       top: 3")) == [
            "reports.yaml:12:8: error: this line is indented 1 space more than 'window' above it, which already has a value: line it up with 'window'",
            "reports.yaml:12:11: note: the YAML parser says: mapping values are not allowed in this context",
        ])
    }

    @Test func aListItemWithoutItsDash() throws {
        #expect(try Self.lines("  - id: gao", "  id: gao") == [
            "reports.yaml:5:5: error: this line is indented 2 spaces more than 'id' above it, which already has a value: line it up with 'id', or, if 'id' starts a list item, write '- id'",
            "reports.yaml:5:11: note: the YAML parser says: mapping values are not allowed in this context",
        ])
    }

    @Test func aLineBetweenTwoLevels() throws {
        #expect(try Self.lines("      top: 3", "     top: 3") == [
            "reports.yaml:12:6: error: this line is indented 1 space more than 'params' on line 10 and 1 space less than 'window' on line 11: line it up with the keys it belongs with",
            "reports.yaml:12:6: note: the YAML parser says: did not find expected key (while parsing a block mapping at line 4, column 5)",
        ])
    }

    @Test func aLineLessIndentedThanTheKeyBeforeIt() throws {
        #expect(try Self.lines("    templates:\n      en: t.md\n", "    templates:\n       en: t.md\n      fr: u.md\n") == [
            "reports.yaml:15:7: error: this line is indented 1 space less than 'en' on line 14; the keys of one mapping must line up",
            "reports.yaml:15:7: note: the YAML parser says: did not find expected key (while parsing a block mapping at line 4, column 5)",
        ])
    }

    @Test func aListItemOutOfLine() throws {
        #expect(try Self.lines("  - id: gao", "   - id: gao\n  - id: kidal") .first?.hasPrefix("reports.yaml:") ?? false)
        #expect(try Self.lines("    templates:\n      en: t.md\n", "    templates:\n      en: t.md\n   - id: kidal\n") == [
            "reports.yaml:15:4: error: this line is indented 1 space more than the list items above it ('- id', line 4)",
            "reports.yaml:15:4: note: the YAML parser says: did not find expected '-' indicator (while parsing a block collection at line 4, column 3)",
        ])
    }

    @Test func aKeyWithoutItsColon() throws {
        #expect(try Self.lines("    plugin: flow-monitoring", "    plugin flow-monitoring") == [
            "reports.yaml:5:5: error: this line has no ':' after its key (did you mean 'plugin: flow-monitoring'?)",
            "reports.yaml:6:5: note: the YAML parser says: could not find expected ':' (while scanning a simple key at line 5, column 5)",
        ])
    }

    @Test func anUnclosedListAndQuote() throws {
        #expect(try Self.lines("languages: [en]", "languages: [en") == [
            "reports.yaml:2:12: error: the '[' on this line is never closed: end the list with ']' on the same line",
            "reports.yaml:3:8: note: the YAML parser says: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 12)",
        ])
        #expect(try Self.lines("en: \"Gao\"", "en: \"Gao") == [
            "reports.yaml:7:11: error: the quote that starts here is never closed: end the text with the same quote",
            "reports.yaml:15:1: note: the YAML parser says: found unexpected end of stream (while scanning a quoted scalar at line 7, column 11)",
        ])
        // Closed by the quote of a later value, the text runs on until libyaml stops elsewhere.
        #expect(try Self.lines("en: \"Gao\"", "en: \"Gao\n      fr: \"Gao\"") == [
            "reports.yaml:7:11: error: the quote that starts here is not closed on its line: end the text with '\"'",
            "reports.yaml:8:12: note: the YAML parser says: did not find expected key (while parsing a block mapping at line 7, column 7)",
        ])
    }

    @Test func whatNoExplanationFitsKeepsTheParsersWords() throws {
        let lines = try Self.lines("languages: [en]", "languages: [en]]")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("reports.yaml:2:16: error: YAML syntax error: ") ?? false, Comment(rawValue: lines.joined(separator: "\n")))
    }
}
