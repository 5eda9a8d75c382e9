import Testing
@testable import ReportKit

@Suite struct CSVWriterTests {
    let spec = TableSpec("t", "test", columns: [
        TableColumnSpec("name", hxl: "#adm1+name", ""), TableColumnSpec("n", hxl: "#affected+ind", ""),
        TableColumnSpec("when", hxl: "#date", ""), TableColumnSpec("share", hxl: "#indicator+pct", ""),
    ])

    func csv(_ rows: [[TableCell]]) -> String {
        String(decoding: CSVWriter.write(ResultTable(rows: rows), spec: spec), as: UTF8.self)
    }

    @Test func headerThenHXLRowThenRowsWithLF() {
        #expect(csv([[.text("Ségou"), .integer(58315), .day(Day(iso: "2017-04-30")!), .decimal(0.96)]])
            == "name,n,when,share\n#adm1+name,#affected+ind,#date,#indicator+pct\nSégou,58315,2017-04-30,0.96\n")
    }

    @Test func quotesDelimitersQuotesAndLineBreaks() {
        #expect(csv([[.text("Gao, \"Gare\"\nnord"), .empty, .empty, .empty]]).hasSuffix("\"Gao, \"\"Gare\"\"\nnord\",,,\n"))
    }

    @Test(arguments: ["=1+1", "+33", "-2", "@SUM(A1)", "\tx"])
    func neutralisesFormulaCells(text: String) {
        #expect(csv([[.text(text), .empty, .empty, .empty]]).contains("'\(text)"))
    }

    @Test func negativeNumbersStayNumbers() {
        #expect(csv([[.text("a"), .integer(-1190), .empty, .decimal(-0.5)]]).hasSuffix("a,-1190,,-0.5\n"))
    }

    @Test func decimalsHaveNoExponentOrGrouping() {
        #expect(CSVWriter.cellText(.decimal(1234567.125)) == "1234567.125")
        #expect(CSVWriter.cellText(.decimal(0.0000001)) == "0")
        #expect(CSVWriter.cellText(.flag(true)) == "true")
    }
}
