import Foundation
import Testing
@testable import ReportKit
import TestSupport

/// Columns found by their HXL hashtag when the header names them otherwise, as in files
/// exported from HDX.
@Suite struct InputHXLTests {
    static let spec = InputSpec(
        name: "movements", conventionalFileName: "population_movements.csv", documentation: "Test input.",
        columns: [
            ColumnSpec("report_date", .date, hxl: "#date+reported", "Day of the count."),
            ColumnSpec("adm1_code", .text, hxl: "#adm1+code", "Region P-code."),
            ColumnSpec("individuals", .count, hxl: "#affected+ind", "People."),
        ],
        periodColumn: "report_date")

    static func read(_ text: String) -> Result<InputTable, DiagnosticList> {
        InputReader.read(Array(text.utf8), file: "in.csv", spec: spec)
    }

    static func errors(_ text: String) -> [String] {
        switch read(text) {
        case .success: return []
        case .failure(let list): return list.diagnostics.map(\.description)
        }
    }

    // MARK: Hashtags compared as HXL compares them

    @Test(arguments: ["#adm1+code", "#ADM1+Code", "#adm1 +code", " #adm1 + code ", "#adm1+code+code", "#adm1+pcode"])
    func isTheDeclaredHashtag(_ text: String) throws {
        let hashtag: HXLHashtag = try #require(HXLHashtag(text))
        #expect(hashtag == HXLHashtag("#adm1+code"))
    }

    @Test(arguments: ["#adm1", "#adm1+code+origin", "#adm2+code", "#adm1+name"])
    func isAnotherHashtag(_ text: String) throws {
        let hashtag: HXLHashtag = try #require(HXLHashtag(text))
        #expect(hashtag != HXLHashtag("#adm1+code"))
    }

    @Test(arguments: ["", "adm1+code", "#", "#adm1+", "#adm1++code", "#adm 1", "#adm1+co-de"])
    func isNoHashtag(_ text: String) {
        #expect(HXLHashtag(text) == nil)
    }

    @Test func attributesAreASortedSet() throws {
        let hashtag: HXLHashtag = try #require(HXLHashtag("#Affected +M+ind+m"))
        #expect(hashtag.description == "#affected+ind+m")
    }

    // MARK: Reading

    @Test func readsColumnsByHashtagAndListsThem() throws {
        let table = try Self.read("""
            Date of report,Admin 1 P-Code,individuals
            #date +reported,#adm1+pcode,#affected+ind
            2017-03-31,ML06,120
            2017-03-31,ML07,80

            """).get()
        #expect(table.dates("report_date") == [Day(year: 2017, month: 3, day: 31), Day(year: 2017, month: 3, day: 31)])
        #expect(table.texts("adm1_code") == ["ML06", "ML07"])
        #expect(table.counts("individuals") == [120, 80])
        #expect(table.columnsFoundByHashtag.map(\.note) == [
            "in.csv: note: column 'report_date' read from 'Date of report' (#date +reported)",
            "in.csv: note: column 'adm1_code' read from 'Admin 1 P-Code' (#adm1+pcode)",
        ])
    }

    @Test func aColumnNamedAsDeclaredWinsOverAHashtag() throws {
        // `individuals` is named; the other column tagged #affected+ind is not read.
        let table = try Self.read("""
            report_date,adm1_code,people,individuals
            #date+reported,#adm1+code,#affected+ind,#affected+ind
            2017-03-31,ML06,5,120

            """).get()
        #expect(table.counts("individuals") == [120])
        #expect(table.columnsFoundByHashtag.isEmpty)
    }

    @Test func aCellNamingAnotherDeclaredColumnIsNotTakenForItsHashtag() {
        // `adm1_code` carries #date+reported by mistake: it stays adm1_code.
        #expect(Self.errors("""
            day,adm1_code,individuals
            #date,#date+reported,#affected+ind
            2017-03-31,ML06,120

            """) == [
            "in.csv:1: error: column 'report_date': required column is missing from the header (no column named 'report_date' nor tagged #date+reported)",
        ])
    }

    @Test func noHXLRowLeavesTheColumnMissingWithItsHashtagInTheMessage() {
        #expect(Self.errors("Date of report,adm1_code,individuals\n2017-03-31,ML06,120\n") == [
            "in.csv:1: error: column 'report_date': required column is missing from the header (no column named 'report_date' nor tagged #date+reported)",
        ])
    }

    @Test func anotherAttributeSetIsNotTheColumn() {
        #expect(Self.errors("""
            report_date,origin,individuals
            #date+reported,#adm1+code+origin,#affected+ind
            2017-03-31,ML06,120

            """) == [
            "in.csv:1: error: column 'adm1_code': required column is missing from the header (no column named 'adm1_code' nor tagged #adm1+code)",
        ])
    }

    @Test func twoColumnsWithTheHashtagAreAnError() {
        #expect(Self.errors("""
            report_date,Region,Region code,individuals
            #date+reported,#adm1+code,#adm1 +code,#affected+ind
            2017-03-31,ML06,ML06,120

            """) == [
            "in.csv:1:20: error: column 'adm1_code': found by its hashtag #adm1+code in more than one column: name one of them 'adm1_code'",
        ])
    }

    @Test func theHXLRowAfterBlankLinesIsFound() throws {
        let table = try Self.read("Date of report,adm1_code,individuals\n\n#date+reported,#adm1+code,#affected+ind\n2017-03-31,ML06,120\n").get()
        #expect(table.rowCount == 1)
        #expect(table.columnsFoundByHashtag.map(\.header) == ["Date of report"])
    }

    @Test func cellsOfAColumnFoundByHashtagAreCheckedUnderItsDeclaredName() {
        #expect(Self.errors("""
            Date of report,adm1_code,individuals
            #date+reported,#adm1+code,#affected+ind
            2017-02-30,ML06,120

            """) == [
            "in.csv:3:1: error: column 'report_date': value '2017-02-30' is not a date (YYYY-MM-DD)",
        ])
    }

    // MARK: What validate shows

    @Test func validatePrintsEveryColumnReadByHashtag() throws {
        let folder = try TemporaryFolder()
        let example = Repository.url("Plugins/ReturneeMovements/Examples/hdx-export-read-by-hashtag")
        for name in ["reports.yaml", "population_movements.csv"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        try Repository.copy(["templates", "vocabularies"], into: folder)
        let outcome = try DTMReportBinary.run(["validate", "--period", "2017-03"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout == """
            population_movements.csv: note: column 'report_date' read from 'Date of report' (#date +reported)
            population_movements.csv: note: column 'adm1_code' read from 'Admin 1 P-Code' (#adm1+pcode)
            population_movements.csv: note: column 'adm1_name' read from 'Admin 1' (#adm1 +name)
            population_movements.csv: note: column 'population' read from 'Population group' (#x_population)
            population_movements.csv: note: column 'individuals' read from 'Individuals' (#affected +ind)
            population_movements.csv: note: column 'households' read from 'Households' (#affected +hh)
            ok: 1 report checked, nothing written

            """)
        #expect(outcome.stderr.isEmpty)
    }
}
