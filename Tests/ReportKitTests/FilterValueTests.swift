import Testing
@testable import ReportKit

/// A filter parameter (`fmps: [MEN-01]`) checked against the values its column holds: the
/// census the host takes while the file streams by, and the messages for values that match nothing.
@Suite struct FilterValueTests {
    static let spec = InputSpec(
        name: "observations", conventionalFileName: "obs.csv", documentation: "Rows.",
        columns: [
            ColumnSpec("date", .date, hxl: "#date", "Day."),
            ColumnSpec("code", .text, hxl: "#loc+code", "Code."),
            ColumnSpec("name", .text, hxl: "#loc+name", "Name."),
        ], periodColumn: "date")

    static let plugin = PluginDescription(
        id: "test-plugin", name: Label("Test"), summary: "A plugin for tests.", inputs: [spec],
        parameters: [ParameterSpec("codes", .list(.text), default: "[]", "Codes kept.").selecting("code", of: "observations", namedBy: "name")],
        facts: [], tables: [])

    /// Rows as (day, code, name), in one batch.
    static func batch(_ rows: [(String, String, String)]) -> RowBatch {
        let table = InputTable(
            file: "obs.csv", rowCount: rows.count, lines: rows.indices.map { $0 + 3 },
            columns: [
                "date": .dates(rows.map { Day(iso: $0.0)! }),
                "code": .texts(rows.map(\.1)),
                "name": .texts(rows.map(\.2)),
            ])
        return RowBatch(table, spec: spec)
    }

    static func census(_ parts: [[(String, String, String)]]) -> ColumnValues {
        var joined: ColumnValues?
        for part in parts {
            var census = ColumnValues(column: "code", nameColumn: "name", periodColumn: "date")
            census.add(batch(part))
            if joined == nil { joined = census } else { joined!.append(census) }
        }
        joined!.finish()
        return joined!
    }

    static let rows = [
        ("2017-01-05", "GAO-01", "Gao"), ("2017-01-06", "MEN-01", "Ménaka"), ("2017-02-01", "GAO-01", "Gao"),
        ("2017-03-01", "BEN-01", "Benena"),
    ]

    static func problems(_ codes: String, census: ColumnValues = census([rows])) throws -> [String] {
        let text = "version: 1\nlanguages: [en]\nreports:\n  - id: t\n    plugin: test-plugin\n    title: {en: T}\n    templates: {en: t.md}\n    inputs: {observations: obs.csv}\n    params:\n      codes: \(codes)\n"
        let definition = try #require(try ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml").get().reports.first)
        let written = WrittenSelection.all(in: definition, description: plugin)
        return written.flatMap { $0.check(against: census, file: "obs.csv").map(\.description) }
    }

    @Test func theCensusKeepsEveryValueItsFirstNameAndItsMonthsWhateverTheParts() {
        let whole = Self.census([Self.rows])
        let inParts = Self.census([Array(Self.rows.prefix(1)), Array(Self.rows.dropFirst(1).prefix(2)), Array(Self.rows.suffix(1))])
        for census in [whole, inParts] {
            #expect(census.values == ["GAO-01", "MEN-01", "BEN-01"])
            #expect(census.names == ["GAO-01": "Gao", "MEN-01": "Ménaka", "BEN-01": "Benena"])
            #expect(census.months["GAO-01"] == [Period(year: 2017, month: 1)!, Period(year: 2017, month: 2)!])
            #expect(census.months["BEN-01"] == [Period(year: 2017, month: 3)!])
        }
    }

    @Test func valuesThatMatchPassAndOthersSayWhatToWrite() throws {
        #expect(try Self.problems("[GAO-01, MEN-01]") == [])
        #expect(try Self.problems("[men-01]") == [
            "reports.yaml:10:15: error: reports[0].params.codes[0]: 'men-01' is not a value of column 'code' in obs.csv: values are matched exactly (did you mean 'MEN-01'?)",
        ])
        #expect(try Self.problems("[GAO-01, menaka]") == [
            "reports.yaml:10:23: error: reports[0].params.codes[1]: 'menaka' is a name in column 'name' of obs.csv, not a value of column 'code': write its code (did you mean 'MEN-01'?)",
        ])
        #expect(try Self.problems("[XYZ-99, GAO-1]") == [
            "reports.yaml:10:15: error: reports[0].params.codes[0]: 'XYZ-99' is not a value of column 'code' in obs.csv; its values are BEN-01, GAO-01, MEN-01",
            "reports.yaml:10:23: error: reports[0].params.codes[1]: 'GAO-1' is not a value of column 'code' in obs.csv; its values are BEN-01, GAO-01, MEN-01 (did you mean 'GAO-01'?)",
        ])
    }

    @Test func aFilterWithoutRowsInThePeriodIsAnErrorOnlyWhenOtherValuesHaveRows() throws {
        let text = "version: 1\nlanguages: [en]\nreports:\n  - id: t\n    plugin: test-plugin\n    title: {en: T}\n    templates: {en: t.md}\n    inputs: {observations: obs.csv}\n    params:\n      codes: [MEN-01]\n"
        let definition = try #require(try ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml").get().reports.first)
        let written = try #require(WrittenSelection.all(in: definition, description: Self.plugin).first)
        let census = Self.census([Self.rows])
        let location = SourceLocation(file: "reports.yaml", line: 10, column: 14)
        #expect(written.checkRows(in: Period(year: 2017, month: 1)!, found: census, file: "obs.csv", at: location, keyPath: "reports[0].params.codes") == nil)
        #expect(
            written.checkRows(in: Period(year: 2017, month: 2)!, found: census, file: "obs.csv", at: location, keyPath: "reports[0].params.codes")?.description
                == "reports.yaml:10:14: error: reports[0].params.codes: no row of obs.csv in 2017-02 has code 'MEN-01', so the report would count nothing; its rows are all in 2017-01")
        // A month without any row is the plugin's to report (no data), not the filter's fault.
        #expect(written.checkRows(in: Period(year: 2017, month: 5)!, found: census, file: "obs.csv", at: location, keyPath: "reports[0].params.codes") == nil)
    }
}
