import ReportKit
import ReturneeMovements
import Testing
import TestSupport

@Suite struct ReturneeMovementsTests {
    /// Rows: (report date, region code, region name, population, individuals, households).
    func inputs(_ rows: [(String, String, String, String, Int, Int?)], parameters: ReturneeMovementsPlugin.Parameters = .init())
        -> PopulationStocks
    {
        ReturneeMovementsPlugin.inputs(["movements": table(rows)], parameters: parameters)
    }

    func table(_ rows: [(String, String, String, String, Int, Int?)]) -> InputTable {
        InputTable(
            file: "population_movements.csv", rowCount: rows.count, lines: Array(2..<(2 + rows.count)),
            columns: [
                "report_date": .dates(rows.map { Day(iso: $0.0)! }),
                "adm1_code": .texts(rows.map(\.1)),
                "adm1_name": .texts(rows.map(\.2)),
                "population": .texts(rows.map(\.3)),
                "individuals": .counts(rows.map(\.4)),
                "households": .optionalCounts(rows.map(\.5)),
            ])
    }

    func run(_ rows: [(String, String, String, String, Int, Int?)], period: String,
             parameters: ReturneeMovementsPlugin.Parameters = .init()) throws -> ReportResult {
        try ReturneeMovementsPlugin.run(
            inputs: inputs(rows, parameters: parameters), parameters: parameters, period: Period(iso: period)!,
            vocabularies: ShippedVocabularies.of(ReturneeMovementsPlugin.description))
    }

    let rows: [(String, String, String, String, Int, Int?)] = [
        ("2017-02-28", "ML06", "Tombouctou", "returnees", 100, 20),
        ("2017-02-28", "ML07", "Gao", "returnees", 50, 10),
        ("2017-03-31", "ML07", "Gao", "idps", 9_000, 1_000),
        ("2017-04-30", "ML06", "Tombouctou", "returnees", 90, 18),
        ("2017-04-30", "ML07", "Gao", "returnees", 40, 8),
        ("2017-04-30", "ML07", "Gao", "returnees", 30, nil),
    ]

    @Test func comparesWithTheLatestEarlierDateOfTheSamePopulation() throws {
        let result = try run(rows, period: "2017-04")
        #expect(result.facts["report_date"] == .date(Day(iso: "2017-04-30")!))
        // Two partners' rows for Gao on one date add up.
        #expect(result.facts["total"] == .count(160))
        // The IDP count of March is no comparison point for returnees.
        #expect(result.facts["previous_report_date"] == .date(Day(iso: "2017-02-28")!))
        #expect(result.facts["previous_total"] == .count(150))
        #expect(result.facts["change"] == .change(10, relative: 10.0 / 150.0))
        #expect(result.facts["regions"] == .list([Label("Tombouctou"), Label("Gao")]))
        #expect(result.tables["by_region"]?.rows == [
            [.text("ML06"), .text("Tombouctou"), .integer(90), .integer(100), .integer(-10)],
            [.text("ML07"), .text("Gao"), .integer(70), .integer(50), .integer(20)],
        ])
    }

    @Test func householdsOnlyWhenEveryRowHasThem() throws {
        #expect(try run(rows, period: "2017-04").facts["households"] == nil)
        #expect(try run(rows, period: "2017-02").facts["households"] == .count(30))
    }

    @Test func theFirstReportDateHasNothingToCompareWith() throws {
        let result = try run(rows, period: "2017-02")
        #expect(result.facts["previous_report_date"] == nil)
        #expect(result.facts["change"] == nil)
        #expect(result.tables["by_region"]?.rows.first == [.text("ML06"), .text("Tombouctou"), .integer(100), .empty, .empty])
    }

    @Test func aMonthWithoutFiguresNamesTheLatestEarlierOne() throws {
        let result = try run(rows, period: "2017-03")
        #expect(result.facts["has_figures"] == .flag(false))
        #expect(result.facts["report_date"] == nil)
        #expect(result.facts["latest_report_date"] == .date(Day(iso: "2017-02-28")!))
        #expect(result.facts["latest_total"] == .count(150))
        #expect(result.tables["by_region"]?.rows == [])
        #expect(try run(rows, period: "2017-01").facts["latest_report_date"] == nil)
    }

    @Test func anotherPopulationAndFewerRegions() throws {
        let result = try run(rows, period: "2017-03", parameters: .init(population: .idps, regions: 1))
        #expect(result.facts["total"] == .count(9_000))
        #expect(result.facts["population"] == .label(Label(en: "internally displaced persons", fr: "personnes déplacées internes")))
        #expect(result.facts["regions"] == .list([Label("Gao")]))
    }

    @Test func regionsWithNoOneLeftAreNotAmongTheLargest() throws {
        let empty: [(String, String, String, String, Int, Int?)] = [("2017-04-30", "ML06", "Tombouctou", "returnees", 0, 0)]
        #expect(try run(empty + [("2017-04-30", "ML07", "Gao", "returnees", 5, 1)], period: "2017-04").facts["regions"] == .list([Label("Gao")]))
        #expect(try run(empty, period: "2017-04").facts["regions"] == nil)
    }

    @Test func theDefaultPeriodIsTheLatestMonthOfThePopulation() {
        #expect(ReturneeMovementsPlugin.periodsWithData(inputs: inputs(rows), parameters: .init()) == [Period(iso: "2017-02")!, Period(iso: "2017-04")!])
        #expect(ReturneeMovementsPlugin.periodsWithData(inputs: inputs(rows, parameters: .init(population: .idps)), parameters: .init(population: .idps)) == [Period(iso: "2017-03")!])
    }
}

extension ReturneeMovementsPlugin.Parameters {
    /// The declared defaults, with the values given.
    init(population: Population? = nil, regions: Int? = nil) {
        self.init()
        if let population { self.population = population }
        if let regions { self.regions = regions }
    }
}
