import BuiltInPlugins
import CovidMobility
import Foundation
import ReportKit
import Testing
import TestSupport

@Suite struct CovidMobilityTests {
    /// One assessment row: date, code, name, type, status, restriction (region and neighbour
    /// are filled in).
    typealias Row = (date: String, code: String, name: String, type: String, status: String, restriction: String)

    func inputs(_ rows: [Row], parameters: CovidMobilityPlugin.Parameters = .init(), period: Period? = nil) -> Assessments {
        CovidMobilityPlugin.inputs(["poes": table(rows)], parameters: parameters, period: period)
    }

    func table(_ rows: [Row]) -> InputTable {
        InputTable(
            file: "poe_status.csv", rowCount: rows.count, lines: Array(3..<(3 + rows.count)),
            columns: [
                "assessment_date": .dates(rows.map { Day(iso: $0.date)! }),
                "poe_code": .texts(rows.map(\.code)),
                "poe_name": .texts(rows.map(\.name)),
                "poe_type": .texts(rows.map(\.type)),
                "adm1_code": .texts(rows.map { _ in "ML03" }),
                "neighbour_country": .texts(rows.map { $0.type == "airport" || $0.type == "internal_transit" ? "" : "BFA" }),
                "status": .texts(rows.map(\.status)),
                "restriction": .texts(rows.map(\.restriction)),
            ])
    }

    func run(_ rows: [Row], period: String, parameters: CovidMobilityPlugin.Parameters = .init()) throws -> ReportResult {
        try CovidMobilityPlugin.run(
            inputs: inputs(rows, parameters: parameters, period: Period(iso: period)!), parameters: parameters, period: Period(iso: period)!,
            vocabularies: ShippedVocabularies.of(CovidMobilityPlugin.description))
    }

    func day(_ iso: String) -> FactValue { .date(Day(iso: iso)!) }

    /// `count` PoEs of one type and status on one date, coded `prefix-1`, `prefix-2`…
    func poes(_ count: Int, on date: String, prefix: String, type: String = "land_border", status: String,
              restriction: String = "entry_ban") -> [Row] {
        (1...count).map { (date, "\(prefix)-\($0)", "\(prefix) \($0)", type, status, restriction) }
    }

    // MARK: Shares that add up

    @Test func largestRemainderKeepsTheSumAt100() {
        // The published example: plain rounding gives the same here.
        #expect(largestRemainderPercents([20, 9, 5]) == [59, 26, 15])
        // Plain rounding: 65 + 21 + 15 = 101. Remainders of 22 and 5 are equal (24/34) and beat 7's (20/34).
        #expect(largestRemainderPercents([22, 7, 5]) == [65, 20, 15])
        // Plain rounding: 29 + 35 + 32 + 3 = 99.
        #expect(largestRemainderPercents([10, 12, 11, 1]) == [30, 35, 32, 3])
        // Equal remainders and equal counts: the earlier status gets the point.
        #expect(largestRemainderPercents([1, 1, 1]) == [34, 33, 33])
        #expect(largestRemainderPercents([0, 3, 0, 0]) == [0, 100, 0, 0])
        #expect(largestRemainderPercents([0, 0, 0, 0]) == [0, 0, 0, 0])
        #expect(largestRemainderPercents([1, 2, 3, 1]).reduce(0, +) == 100)
    }

    @Test func shareFactsAreTheRoundedFractionsAndAddUpTo100() throws {
        // 22, 7 and 5 of 34, where rounding each share on its own would give 101 %.
        let rows = poes(22, on: "2020-04-23", prefix: "C", status: "fully_closed")
            + poes(7, on: "2020-04-23", prefix: "P", status: "partially_operational", restriction: "cargo_only")
            + poes(5, on: "2020-04-23", prefix: "F", type: "internal_transit", status: "fully_operational", restriction: "health_screening")
        let result = try run(rows, period: "2020-04")
        #expect(result.facts["poes_assessed"] == .count(34))
        #expect(result.facts["fully_closed"] == .count(22))
        #expect(result.facts["fully_closed_share"] == .percent(0.65))
        #expect(result.facts["partially_operational_share"] == .percent(0.20))
        #expect(result.facts["fully_operational_share"] == .percent(0.15))
        #expect(result.facts["unknown"] == .count(0))
        #expect(result.facts["unknown_share"] == .percent(0))
        // The sentence lists the statuses with PoEs only; the last one is flagged for "and".
        guard case .records(let statuses) = result.facts["statuses"] else {
            Issue.record("statuses is not records")
            return
        }
        #expect(statuses.map { $0["count"] } == [.count(22), .count(7), .count(5)])
        #expect(statuses.map { $0["share"] } == [.percent(0.65), .percent(0.20), .percent(0.15)])
        #expect(statuses.map { $0["is_first"] } == [.flag(true), .flag(false), .flag(false)])
        #expect(statuses.map { $0["is_last"] } == [.flag(false), .flag(false), .flag(true)])
        #expect(statuses[0]["label_one"] == .label(Label(en: "fully closed", fr: "complètement fermé")))
        #expect(statuses[0]["label_other"] == .label(Label(en: "fully closed", fr: "complètement fermés")))
        // By type and status.
        #expect(result.facts["land_border_assessed"] == .count(29))
        #expect(result.facts["land_border_fully_closed"] == .count(22))
        #expect(result.facts["internal_transit_fully_operational"] == .count(5))
        #expect(result.facts["airport_assessed"] == .count(0))
        #expect(result.facts["main_restriction"] == .label(Label(en: "an entry ban", fr: "l'interdiction d'entrée")))
        #expect(result.facts["main_restriction_count"] == .count(22))
        #expect(result.tables["status_by_type"]?.rows == [
            [.text("airport"), .text("airports"), .text("aéroports"), .integer(0), .integer(0), .integer(0), .integer(0)],
            [.text("land_border"), .text("land border crossings"), .text("points de passage terrestres"), .integer(22), .integer(7), .integer(0), .integer(0)],
            [.text("blue_border"), .text("blue border crossings"), .text("points de passage fluviaux"), .integer(0), .integer(0), .integer(0), .integer(0)],
            [.text("internal_transit"), .text("internal transit points"), .text("points de transit internes"), .integer(0), .integer(0), .integer(5), .integer(0)],
        ])
    }

    // MARK: Reopened and closed

    let twoRounds: [Row] = [
        ("2020-04-23", "MLI-POE-013", "Koury", "land_border", "fully_closed", "entry_ban"),
        ("2020-04-23", "MLI-POE-012", "Heremakono", "land_border", "fully_closed", "entry_ban"),
        ("2020-04-23", "MLI-POE-011", "Kourémalé", "land_border", "fully_operational", "none"),
        ("2020-04-23", "MLI-POE-022", "Labbezanga", "land_border", "partially_operational", "cargo_only"),
        ("2020-04-23", "MLI-POE-023", "Anderamboukane", "land_border", "fully_closed", "entry_ban"),
        ("2020-04-23", "MLI-POE-001", "Bamako-Sénou", "airport", "partially_operational", "cargo_only"),
        ("2020-05-07", "MLI-POE-013", "Koury", "land_border", "partially_operational", "cargo_only"),
        ("2020-05-07", "MLI-POE-012", "Heremakono", "land_border", "fully_operational", "health_screening"),
        ("2020-05-07", "MLI-POE-011", "Kourémalé", "land_border", "partially_operational", "cargo_only"),
        ("2020-05-07", "MLI-POE-022", "Labbezanga", "land_border", "fully_closed", "other"),
        ("2020-05-07", "MLI-POE-023", "Anderamboukane", "land_border", "unknown", "other"),
        ("2020-05-07", "MLI-POE-001", "Bamako-Sénou", "airport", "partially_operational", "cargo_only"),
    ]

    @Test func reopenedAndClosedSinceThePreviousAssessment() throws {
        let result = try run(twoRounds, period: "2020-05")
        #expect(result.facts["assessment_date"] == day("2020-05-07"))
        #expect(result.facts["previous_assessment_date"] == day("2020-04-23"))
        // Alphabetical by name, accents aside.
        #expect(result.facts["reopened"] == .list([Label("Heremakono"), Label("Koury")]))
        #expect(result.facts["reopened_count"] == .count(2))
        #expect(result.facts["closed"] == .list([Label("Kourémalé"), Label("Labbezanga")]))
        #expect(result.facts["closed_count"] == .count(2))
        #expect(result.facts["first_assessed"] == .list([]))
        #expect(result.facts["first_assessed_count"] == .count(0))
        // Ordered by code; fully closed → unknown is no change.
        #expect(result.tables["poe_status"]?.rows.map { [$0[0], $0[5], $0[6], $0[7]] } == [
            [.text("MLI-POE-001"), .text("partially_operational"), .text("partially_operational"), .text("unchanged")],
            [.text("MLI-POE-011"), .text("partially_operational"), .text("fully_operational"), .text("closed")],
            [.text("MLI-POE-012"), .text("fully_operational"), .text("fully_closed"), .text("reopened")],
            [.text("MLI-POE-013"), .text("partially_operational"), .text("fully_closed"), .text("reopened")],
            [.text("MLI-POE-022"), .text("fully_closed"), .text("partially_operational"), .text("closed")],
            [.text("MLI-POE-023"), .text("unknown"), .text("fully_closed"), .text("unchanged")],
        ])
        #expect(result.tables["poe_status"]?.rows.first == [
            .text("MLI-POE-001"), .text("Bamako-Sénou"), .text("airport"), .text("ML03"), .empty,
            .text("partially_operational"), .text("partially_operational"), .text("unchanged"), .text("cargo_only"),
        ])
    }

    @Test func unknownToAStatusIsNoChange() throws {
        let rows: [Row] = [
            ("2020-07-16", "A", "Anderamboukane", "land_border", "unknown", "other"),
            ("2020-08-27", "A", "Anderamboukane", "land_border", "fully_operational", "none"),
        ]
        let result = try run(rows, period: "2020-08")
        #expect(result.facts["reopened"] == .list([]))
        #expect(result.facts["closed"] == .list([]))
        #expect(result.tables["poe_status"]?.rows.first?[7] == .text("unchanged"))
        // Every PoE has `none`: no most frequent restriction.
        #expect(result.facts["main_restriction"] == nil)
        #expect(result.facts["main_restriction_count"] == nil)
    }

    // MARK: First assessments

    @Test func aPoEAssessedForTheFirstTimeIsNeitherReopenedNorClosed() throws {
        let rows = twoRounds + [("2020-05-07", "MLI-POE-034", "Sogoniko", "internal_transit", "fully_operational", "quarantine")]
        let result = try run(rows, period: "2020-05")
        #expect(result.facts["poes_assessed"] == .count(7))
        #expect(result.facts["first_assessed"] == .list([Label("Sogoniko")]))
        #expect(result.facts["first_assessed_count"] == .count(1))
        #expect(result.facts["reopened"] == .list([Label("Heremakono"), Label("Koury")]))
        #expect(result.facts["closed_count"] == .count(2))
        #expect(result.tables["poe_status"]?.rows.last == [
            .text("MLI-POE-034"), .text("Sogoniko"), .text("internal_transit"), .text("ML03"), .empty,
            .text("fully_operational"), .empty, .text("new"), .text("quarantine"),
        ])
    }

    @Test func noEarlierAssessmentMeansNoComparison() throws {
        let result = try run(twoRounds, period: "2020-04")
        #expect(result.facts["has_assessment"] == .flag(true))
        #expect(result.facts["assessment_date"] == day("2020-04-23"))
        #expect(result.facts["poes_assessed"] == .count(6))
        for name in ["previous_assessment_date", "reopened", "reopened_count", "closed", "closed_count", "first_assessed", "first_assessed_count"] {
            #expect(result.facts[name] == nil, "\(name) should be absent")
        }
        #expect(result.tables["poe_status"]?.rows.allSatisfy { $0[6] == .empty && $0[7] == .text("new") } == true)
    }

    // MARK: Dates

    @Test func eachPoECountsWithItsLatestAssessmentInThePeriod() throws {
        let rows: [Row] = [
            ("2020-03-12", "A", "Diboli", "land_border", "fully_operational", "none"),
            ("2020-03-12", "B", "Gogui", "land_border", "fully_operational", "none"),
            ("2020-04-09", "A", "Diboli", "land_border", "fully_closed", "entry_ban"),
            ("2020-04-23", "A", "Diboli", "land_border", "partially_operational", "cargo_only"),
            ("2020-04-09", "B", "Gogui", "land_border", "fully_closed", "entry_ban"),
        ]
        let result = try run(rows, period: "2020-04")
        // Two rounds in April: Diboli counts with 23 April, Gogui with 9 April.
        #expect(result.facts["assessment_date"] == day("2020-04-23"))
        #expect(result.facts["partially_operational"] == .count(1))
        #expect(result.facts["fully_closed"] == .count(1))
        // Diboli is compared with 9 April (inside the period), Gogui with 12 March: the latest wins.
        #expect(result.facts["previous_assessment_date"] == day("2020-04-09"))
        #expect(result.facts["reopened"] == .list([Label("Diboli")]))
        #expect(result.facts["closed"] == .list([Label("Gogui")]))
    }

    @Test func aPeriodWithoutAssessmentNamesTheLatestEarlierOne() throws {
        let result = try run(twoRounds, period: "2020-06")
        #expect(result.facts["has_assessment"] == .flag(false))
        #expect(result.facts["latest_assessment_date"] == day("2020-05-07"))
        #expect(result.facts["assessment_date"] == nil)
        #expect(result.tables["poe_status"]?.rows == [])
        #expect(result.tables["status_by_type"]?.rows.count == 4)
        let before = try run(twoRounds, period: "2020-03")
        #expect(before.facts["latest_assessment_date"] == nil)
    }

    @Test func aPoEAssessedTwiceOnOneDayIsAFailure() {
        let rows = twoRounds + [("2020-05-07", "MLI-POE-013", "Koury", "land_border", "fully_closed", "entry_ban")]
        let failure = #expect(throws: PluginFailure.self) { try run(rows, period: "2020-05") }
        #expect(failure?.problems.map(\.description) == [
            "poe_status.csv:15: column 'poe_code': point of entry 'MLI-POE-013' is assessed twice on 2020-05-07 (also on line 9)",
        ])
        // The months are still known, so that a run without --period reports the problem itself.
        #expect(CovidMobilityPlugin.periodsWithData(inputs: inputs(rows), parameters: .init()) == [Period(iso: "2020-04")!, Period(iso: "2020-05")!])
    }

    // MARK: Parameters and restrictions

    @Test func typesLeaveOtherPoEsOut() throws {
        let result = try run(twoRounds, period: "2020-05", parameters: .init(types: [.airport]))
        #expect(result.facts["poes_assessed"] == .count(1))
        #expect(result.facts["reopened"] == .list([]))
        #expect(result.tables["status_by_type"]?.rows.map { $0[0] } == [.text("airport")])
        let periods = CovidMobilityPlugin.periodsWithData(inputs: inputs(twoRounds, parameters: .init(types: [.blueBorder])), parameters: .init(types: [.blueBorder]))
        #expect(periods.isEmpty)
        #expect(CovidMobilityPlugin.Parameters(types: []).validate().map(\.message) == ["needs at least one PoE type"])
        #expect(CovidMobilityPlugin.Parameters(types: [.airport, .airport]).validate().map(\.message) == ["'airport' is listed twice"])
    }

    @Test func aTieBetweenRestrictionsGoesToTheEarlierOne() throws {
        let rows: [Row] = [
            ("2020-05-07", "A", "Diboli", "land_border", "partially_operational", "cargo_only"),
            ("2020-05-07", "B", "Gogui", "land_border", "fully_closed", "entry_ban"),
            ("2020-05-07", "C", "Nara", "land_border", "fully_operational", "none"),
            ("2020-05-07", "D", "Léré", "land_border", "fully_operational", "none"),
        ]
        let result = try run(rows, period: "2020-05")
        #expect(result.facts["main_restriction"] == .label(Label(en: "an entry ban", fr: "l'interdiction d'entrée")))
        #expect(result.facts["main_restriction_count"] == .count(1))
    }

    // MARK: The shipped report

    /// The shipped `reports.yaml` on the sample data, in memory: the report's text for a period.
    func shippedText(_ period: String, _ language: Language) throws -> String {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: Period(iso: period), reportIDs: ["covid-poe"])
        let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
        let file = try #require(plan.outputs.first?.files.first { $0.name == "report.\(language.rawValue).md" })
        return String(decoding: file.bytes, as: UTF8.self)
    }

    @Test func theSampleDataGivesTheExampleSentence() throws {
        #expect(try shippedText("2020-05", .en).contains(
            "As of 7 May 2020, of the 34 points of entry assessed in Mali, 20 were fully closed (59%), 9 partially operational (26%) and 5 fully operational (15%). Since the previous assessment on 23 April 2020, 2 points of entry reopened: Heremakono and Koury."))
        #expect(try shippedText("2020-05", .fr).contains(
            "Au 7 mai 2020, sur les 34 points d'entrée évalués au Mali, 20 étaient complètement fermés (59\u{00A0}%), 9 partiellement opérationnels (26\u{00A0}%) et 5 pleinement opérationnels (15\u{00A0}%). Depuis l'évaluation précédente du 23 avril 2020, 2 points d'entrée ont rouvert (Heremakono et Koury)."))
        // April: plain rounding would give 65 + 21 + 15 = 101.
        #expect(try shippedText("2020-04", .en).contains("22 were fully closed (65%), 7 partially operational (20%) and 5 fully operational (15%)"))
        // The air borders reopened on 25 July, the land borders on 31 July.
        #expect(try shippedText("2020-07", .en).contains("5 points of entry reopened: Bamako-Sénou, Gao, Kayes, Mopti and Tombouctou."))
        #expect(try shippedText("2020-08", .fr).contains("un point d'entrée a rouvert (Kangaba). Au cours de la même période, un point d'entrée a été fermé (Labbezanga)."))
        // The first assessment: no comparison sentence.
        #expect(try !shippedText("2020-03", .en).contains("previous assessment"))
    }
}

extension CovidMobilityPlugin.Parameters {
    /// The declared defaults, with the types given.
    init(types: [PoEType]) {
        self.init()
        self.types = types
    }
}
