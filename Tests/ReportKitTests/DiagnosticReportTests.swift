import Testing
@testable import ReportKit

@Suite struct DiagnosticReportTests {
    let source = ["reports.yaml": ["version: 1", "reports:", "  - id: a", "    plugn: x", "\tbad: tab"]]

    func line(_ file: String, _ number: Int) -> String? {
        source[file].flatMap { number <= $0.count ? $0[number - 1] : nil }
    }

    @Test func showsTheLineAndACaretUnderTheColumn() {
        let list = DiagnosticList([
            Diagnostic("unknown key 'plugn'", at: SourceLocation(file: "reports.yaml", line: 4, column: 5), subject: "reports[0].plugn", suggestion: "plugin"),
        ])
        #expect(DiagnosticReport.text(list, limit: 50, sourceLine: line) == """
            reports.yaml:4:5: error: reports[0].plugn: unknown key 'plugn' (did you mean 'plugin'?)
                  plugn: x
                  ^
            1 error; nothing was written

            """)
    }

    @Test func showsTheLinesBeforeAndTheNoteUnderTheCaret() {
        var diagnostic = Diagnostic("this line is indented 2 spaces more than 'id' above it", at: SourceLocation(file: "reports.yaml", line: 4, column: 5))
        diagnostic.linesBefore = 2
        diagnostic.note = "reports.yaml:4:10: note: the YAML parser says: mapping values are not allowed in this context"
        #expect(DiagnosticReport.text(DiagnosticList([diagnostic]), limit: 50, sourceLine: line) == """
            reports.yaml:4:5: error: this line is indented 2 spaces more than 'id' above it
              reports:
                - id: a
                  plugn: x
                  ^
            reports.yaml:4:10: note: the YAML parser says: mapping values are not allowed in this context
            1 error; nothing was written

            """)
    }

    @Test func keepsTabsSoTheCaretLinesUp() {
        let list = DiagnosticList([Diagnostic("tab", at: SourceLocation(file: "reports.yaml", line: 5, column: 2))])
        #expect(DiagnosticReport.text(list, limit: 50, sourceLine: line).contains("  \tbad: tab\n  \t^\n"))
    }

    @Test func sortsByPositionAndCountsWhatItLeavesOut() {
        let list = DiagnosticList((1...60).reversed().map { Diagnostic("bad", at: SourceLocation(file: "data.csv", line: $0, column: 1)) }
            + [Diagnostic("no report 'x'", subject: "--report")])
        let lines = DiagnosticReport.text(list, limit: 50).split(separator: "\n")
        #expect(lines.first == "error: --report: no report 'x'")
        #expect(lines[1] == "data.csv:1:1: error: bad")
        #expect(lines[49] == "data.csv:49:1: error: bad")
        #expect(lines.suffix(2) == ["… and 11 more errors", "61 errors; nothing was written"])
    }

    @Test func showsAWindowOfALongLine() {
        let long = String(repeating: "a", count: 100) + "{{totl}}" + String(repeating: "b", count: 100)
        let list = DiagnosticList([Diagnostic("unknown fact 'totl'", at: SourceLocation(file: "t.md", line: 1, column: 101))])
        let text = DiagnosticReport.text(list, limit: 5) { _, _ in long }
        let shown = text.split(separator: "\n")[1], caret = text.split(separator: "\n")[2]
        #expect(shown.hasPrefix("  …"))
        #expect(shown.hasSuffix("…"))
        #expect(shown[shown.index(shown.startIndex, offsetBy: caret.count - 1)...].hasPrefix("{{totl}}"))
    }
}
