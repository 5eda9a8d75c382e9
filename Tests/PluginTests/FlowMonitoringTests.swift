import BuiltInPlugins
import FlowMonitoring
import Foundation
import ReportKit
import Testing
import TestSupport

/// The flow monitoring plugin on tables built here: the main-mode tie rule on both sides of its
/// boundary, the rounding of the daily average, the cumulative window "as of" its last day, a month
/// without data, unrecorded unaccompanied children, and the FMP filter.
@Suite struct FlowMonitoringTests {
    /// One observation row; only what a test varies has to be given.
    struct Row {
        var date: String
        var fmp = "GAO-01"
        var name = "Gao"
        var direction = "incoming"
        var nationality = "GIN"
        var destination = "DZA"
        var mode = "bus"
        var men = 1
        var women = 0
        var boys = 0
        var girls = 0
        var uac: Int? = 0
    }

    static func table(_ rows: [Row]) -> InputTable {
        InputTable(
            file: "fmp_observations.csv", rowCount: rows.count, lines: rows.indices.map { $0 + 3 },
            columns: [
                "date": .dates(rows.map { Day(iso: $0.date)! }),
                "fmp_code": .texts(rows.map(\.fmp)),
                "fmp_name": .texts(rows.map(\.name)),
                "adm1_code": .texts(rows.map { _ in "ML07" }),
                "adm1_name": .texts(rows.map { _ in "Gao" }),
                "direction": .texts(rows.map(\.direction)),
                "origin_country": .texts(rows.map { _ in "MLI" }),
                "destination_country": .texts(rows.map(\.destination)),
                "nationality": .texts(rows.map(\.nationality)),
                "transport_mode": .texts(rows.map(\.mode)),
                "adult_m": .counts(rows.map(\.men)),
                "adult_f": .counts(rows.map(\.women)),
                "child_m": .counts(rows.map(\.boys)),
                "child_f": .counts(rows.map(\.girls)),
                "uac": .optionalCounts(rows.map(\.uac)),
            ])
    }

    /// The plugin's aggregate, fed `rows` as the host would feed it a file's rows.
    static func observations(_ rows: [Row], _ parameters: FlowMonitoringPlugin.Parameters) -> FlowObservations {
        var observations = FlowMonitoringPlugin.makeInputs(parameters: parameters, period: nil)
        observations.add(RowBatch(table(rows), spec: FlowMonitoringPlugin.description.inputs[0]))
        observations.finish()
        return observations
    }

    static func run(_ rows: [Row], _ parameters: FlowMonitoringPlugin.Parameters = .init(), period: String) throws -> ReportResult {
        try FlowMonitoringPlugin.run(
            inputs: observations(rows, parameters), parameters: parameters, period: Period(iso: period)!,
            vocabularies: ShippedVocabularies.of(FlowMonitoringPlugin.description))
    }

    static func text(_ result: ReportResult, template: String, language: Language, period: String) throws -> String {
        let url = Repository.url("templates/flow-monitoring/\(template).\(language.rawValue).md")
        let compiled = try CompiledTemplate(text: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        var facts = result.facts
        facts["title"] = .label(Label("Title"))
        facts["period"] = .month(Period(iso: period)!)
        return compiled.render(facts, language: language)
    }

    // MARK: Main mode: modes whose count is at least 95 % of the largest are named together

    @Test func aModeAt95PercentOfTheLargestIsNamedWithIt() throws {
        let result = try Self.run([
            Row(date: "2017-03-01", direction: "outgoing", mode: "truck", men: 100),
            Row(date: "2017-03-02", direction: "outgoing", mode: "bus", men: 95),
            Row(date: "2017-03-03", direction: "outgoing", mode: "car", men: 94),
        ], period: "2017-03")
        #expect(result.facts["main_mode_outgoing"] == .label(Label(en: "trucks/buses", fr: "camions/bus")))
        #expect(result.facts["main_mode_incoming"] == nil)
    }

    @Test func aModeBelow95PercentOfTheLargestIsNotNamed() throws {
        let result = try Self.run([
            Row(date: "2017-03-01", mode: "bus", men: 200),
            Row(date: "2017-03-02", mode: "truck", men: 189),
        ], period: "2017-03")
        #expect(result.facts["main_mode_incoming"] == .label(Label(en: "buses", fr: "bus")))
    }

    @Test func equalModesAreNamedInTheVocabularyOrder() throws {
        let result = try Self.run([
            Row(date: "2017-03-01", mode: "motorcycle", men: 10),
            Row(date: "2017-03-02", mode: "car", men: 10),
        ], period: "2017-03")
        #expect(result.facts["main_mode_incoming"] == .label(Label(en: "cars/motorcycles", fr: "voitures/motos")))
    }

    // MARK: Daily average and the cumulative window

    @Test func theDailyAverageRoundsHalfUp() throws {
        let since = FlowMonitoringPlugin.Parameters(window: .cumulative, since: Day(iso: "2021-01-01"))
        let half = try Self.run([Row(date: "2021-01-01", men: 11), Row(date: "2021-01-02", men: 10)], since, period: "2021-01")
        #expect(half.facts["days"] == .count(2))
        #expect(half.facts["daily_average"] == .count(11))  // 21 / 2 = 10.5
        let below = try Self.run([Row(date: "2021-01-01", men: 31), Row(date: "2021-01-04", men: 10)], since, period: "2021-01")
        #expect(below.facts["days"] == .count(4))
        #expect(below.facts["daily_average"] == .count(10))  // 41 / 4 = 10.25
        let month = try Self.run([Row(date: "2021-02-10", men: 42)], period: "2021-02")
        #expect(month.facts["days"] == .count(28))
        #expect(month.facts["daily_average"] == .count(2))  // 42 / 28 = 1.5
    }

    @Test func aCumulativeWindowEndsOnItsLastDayWithCounts() throws {
        let parameters = FlowMonitoringPlugin.Parameters(window: .cumulative, since: Day(iso: "2016-06-30"))
        let result = try Self.run([
            Row(date: "2016-06-29", men: 1000),
            Row(date: "2016-06-30", men: 10_000),
            Row(date: "2016-11-29", men: 6_083),
            Row(date: "2016-12-01", men: 1000),
        ], parameters, period: "2016-11")
        #expect(result.facts["total"] == .count(16_083))
        #expect(result.facts["since"] == .date(Day(iso: "2016-06-30")!))
        #expect(result.facts["as_of"] == .date(Day(iso: "2016-11-29")!))
        #expect(result.facts["window_dates"] == .dateRange(Day(iso: "2016-06-30")!, Day(iso: "2016-11-29")!))
        #expect(result.facts["days"] == .count(153))
        #expect(result.facts["daily_average"] == .count(105))
        #expect(result.facts["previous_month"] == nil)
        #expect(result.tables["daily"]?.rows.count == 153)
        #expect(result.tables["daily"]?.rows[1] == [.day(Day(iso: "2016-07-01")!), .empty, .empty])
    }

    // MARK: A month without data

    @Test func aMonthWithoutDataIsAReportThatSaysSo() throws {
        let result = try Self.run([Row(date: "2017-02-10", men: 5)], period: "2017-03")
        #expect(result.facts["has_data"] == .flag(false))
        #expect(result.facts["total"] == .count(0))
        #expect(result.facts["active_fmps"] == .count(0))
        #expect(result.facts["as_of"] == nil)
        #expect(result.facts["men_share"] == nil)
        #expect(result.facts["main_mode_incoming"] == nil)
        #expect(result.facts["top_nationalities"] == nil)
        #expect(result.facts["days"] == .count(31))
        #expect(result.tables["by_fmp"]?.rows == [])
        #expect(result.tables["daily"]?.rows.count == 31)
        let english = try Self.text(result, template: "monthly", language: .en, period: "2017-03")
        #expect(english == "# Title\n\nNo flow monitoring data are available for March 2017.\n")
        let french = try Self.text(result, template: "monthly", language: .fr, period: "2017-03")
        #expect(french == "# Title\n\nAucune donnée de suivi des flux n'est disponible pour mars 2017.\n")
    }

    @Test func aSnapshotBeforeItsFirstDayHasNoWindow() throws {
        let parameters = FlowMonitoringPlugin.Parameters(window: .cumulative, since: Day(iso: "2016-06-30"))
        let result = try Self.run([Row(date: "2016-07-01")], parameters, period: "2016-05")
        #expect(result.facts["has_data"] == .flag(false))
        #expect(result.facts["window_dates"] == nil)
        #expect(result.facts["days"] == nil)
        #expect(result.tables["daily"]?.rows == [])
    }

    // MARK: Unaccompanied children

    @Test func unrecordedUnaccompaniedChildrenAreFlaggedNotCountedAsZero() throws {
        let some = try Self.run([
            Row(date: "2017-03-01", boys: 3, uac: 2),
            Row(date: "2017-03-02", boys: 4, uac: nil),
        ], period: "2017-03")
        #expect(some.facts["uac"] == .count(2))
        #expect(some.facts["uac_incomplete"] == .flag(true))
        let none = try Self.run([Row(date: "2017-03-02", boys: 4, uac: nil)], period: "2017-03")
        #expect(none.facts["uac"] == nil)
        #expect(none.facts["uac_incomplete"] == .flag(true))
        let all = try Self.run([Row(date: "2017-03-02", boys: 4, uac: 1)], period: "2017-03")
        #expect(all.facts["uac"] == .count(1))
        #expect(all.facts["uac_incomplete"] == .flag(false))
        #expect(try Self.text(some, template: "monthly", language: .en, period: "2017-03")
            .contains(" DTM identified two unaccompanied children (at least, as some counts did not record unaccompanied children)."))
        #expect(try Self.text(none, template: "monthly", language: .fr, period: "2017-03")
            .contains(" Les enfants non accompagnés n'ont pas été relevés."))
    }

    // MARK: FMP filter

    @Test func theFMPFilterLeavesOtherFMPsOutOfEveryFigure() throws {
        let rows = [
            Row(date: "2017-02-01", fmp: "GAO-01", name: "Gao", men: 10),
            Row(date: "2017-02-01", fmp: "MEN-01", name: "Ménaka", men: 1000),
            Row(date: "2017-03-01", fmp: "GAO-01", name: "Gao", direction: "outgoing", men: 20, boys: 5),
            Row(date: "2017-03-01", fmp: "BEN-01", name: "Benena", nationality: "SEN", men: 7),
            Row(date: "2017-03-02", fmp: "MEN-01", name: "Ménaka", nationality: "NER", mode: "truck", men: 500),
            Row(date: "2017-04-01", fmp: "MEN-01", name: "Ménaka", men: 1),
        ]
        let parameters = FlowMonitoringPlugin.Parameters(fmps: ["GAO-01", "BEN-01"], top: 5)
        let result = try Self.run(rows, parameters, period: "2017-03")
        #expect(result.facts["incoming"] == .count(7))
        #expect(result.facts["outgoing"] == .count(25))
        #expect(result.facts["active_fmps"] == .count(2))
        #expect(result.facts["fmp_names"] == .list([Label("Gao"), Label("Benena")]))
        #expect(result.facts["minors_share"] == .percent(5.0 / 32.0))
        #expect(result.facts["main_mode_incoming"] == .label(Label(en: "buses", fr: "bus")))
        #expect(result.facts["top_nationalities"] == .list([Label(en: "Guinea", fr: "la Guinée"), Label(en: "Senegal", fr: "le Sénégal")]))
        #expect(result.facts["previous_total"] == .count(10))
        #expect(result.facts["total_change"] == .change(22, relative: 2.2))
        #expect(result.tables["by_fmp"]?.rows.map { $0[0] } == [.text("BEN-01"), .text("GAO-01")])
        let inputs = Self.observations(rows, parameters)
        #expect(FlowMonitoringPlugin.periodsWithData(inputs: inputs, parameters: parameters) == [Period(iso: "2017-02")!, Period(iso: "2017-03")!])
    }

    // MARK: Rows in any order, and the period known before reading

    /// A window's FMP names are those of its first row in the file, whatever month that row is
    /// of: the months' first rows are compared in file order, not in the order of the months.
    @Test func anFMPIsNamedAsTheWindowsFirstRowInTheFileNamesIt() throws {
        let parameters = FlowMonitoringPlugin.Parameters(window: .cumulative, since: Day(iso: "2017-01-01"))
        let result = try Self.run([
            Row(date: "2017-03-02", name: "Gao (March)", men: 2),
            Row(date: "2017-02-01", name: "Gao (February)", men: 1),
        ], parameters, period: "2017-03")
        #expect(result.facts["fmp_names"] == .list([Label("Gao (March)")]))
        #expect(result.tables["by_fmp"]?.rows == [[.text("GAO-01"), .text("Gao (March)"), .text("ML07"), .integer(3), .integer(0)]])
    }

    /// With `--period`, the aggregate is made knowing the period and keeps only what it needs;
    /// the report is the one computed from an aggregate that kept everything.
    @Test func thePeriodKnownBeforeReadingGivesTheSameReport() throws {
        var rows: [Row] = []
        for (index, month) in ["2015-02", "2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2017-03", "2017-01"].enumerated() {
            rows.append(Row(date: "\(month)-0\(index % 9 + 1)", fmp: index % 2 == 0 ? "GAO-01" : "MEN-01", name: "FMP \(index)",
                            direction: index % 3 == 0 ? "outgoing" : "incoming", nationality: index % 2 == 0 ? "GIN" : "SEN", men: index + 1))
        }
        let windows = [
            FlowMonitoringPlugin.Parameters(), FlowMonitoringPlugin.Parameters(window: .quarter),
            FlowMonitoringPlugin.Parameters(window: .cumulative, since: Day(iso: "2016-01-15")),
            FlowMonitoringPlugin.Parameters(fmps: ["MEN-01"]),
        ]
        for parameters in windows {
            for period in ["2016-02", "2016-04", "2017-01", "2017-03"].map({ Period(iso: $0)! }) {
                var told = FlowMonitoringPlugin.makeInputs(parameters: parameters, period: period)
                told.add(RowBatch(Self.table(rows), spec: FlowMonitoringPlugin.description.inputs[0]))
                let vocabularies = try ShippedVocabularies.of(FlowMonitoringPlugin.description)
                let expected = try FlowMonitoringPlugin.run(inputs: Self.observations(rows, parameters), parameters: parameters, period: period,
                                                            vocabularies: vocabularies)
                #expect(try FlowMonitoringPlugin.run(inputs: told, parameters: parameters, period: period, vocabularies: vocabularies) == expected,
                        "\(parameters.window) \(period)")
                #expect(FlowMonitoringPlugin.periodsWithData(inputs: told, parameters: parameters)
                    == FlowMonitoringPlugin.periodsWithData(inputs: Self.observations(rows, parameters), parameters: parameters))
            }
        }
    }

    // MARK: The published figures, from the shipped reports.yaml and sample data

    static func shippedText(_ report: String, period: String, language: Language) throws -> String {
        let options = RunOptions(configFile: Repository.url("reports.yaml"), period: Period(iso: period), reportIDs: [report])
        let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
        let file = try #require(plan.outputs.first?.files.first { $0.name == "report.\(language.rawValue).md" })
        return String(decoding: file.bytes, as: UTF8.self)
    }

    @Test func thePublishedMonthlySentencesComeOutOfTheComputation() throws {
        #expect(try Self.shippedText("fmp-monthly", period: "2017-03", language: .en).contains(
            "DTM identified 283 incoming individuals and 2,371 outgoing individuals at the flow monitoring points (FMPs) in Mali during this reporting period. The main modes of transportation for arrival and departure were, respectively, buses and trucks/buses."))
        #expect(try Self.shippedText("fmp-monthly", period: "2017-02", language: .fr).contains(
            "Au cours de cette collecte de données, 223 individus sortants et 2\u{202F}254 individus rentrants ont été identifiés aux 3 FMP actifs."))
        #expect(try Self.shippedText("fmp-monthly", period: "2017-01", language: .fr).contains(
            "265 individus sortants et 2\u{202F}306 individus rentrants ont été identifiés aux 3 FMP actifs."))
    }

    /// Monitoring that began on the month's last day: the average is over that one day, and the
    /// text says from when, in both languages.
    @Test func anFMPThatBeganCountingInsideTheMonthIsAveragedFromItsFirstDay() throws {
        let result = try Self.run([Row(date: "2016-06-30", men: 60), Row(date: "2016-06-30", direction: "outgoing", men: 45)], period: "2016-06")
        #expect(result.facts["days"] == .count(30))
        #expect(result.facts["counted_from"] == .date(Day(iso: "2016-06-30")!))
        #expect(result.facts["average_days"] == .count(1))
        #expect(result.facts["daily_average"] == .count(105))
        #expect(try Self.text(result, template: "monthly", language: .en, period: "2016-06").contains(
            "On average, 105 individuals were identified per day since counting began on 30 June (105 in 1 day)."))
        #expect(try Self.text(result, template: "monthly", language: .fr, period: "2016-06").contains(
            "En moyenne, 105 individus ont été identifiés par jour depuis le début des comptages, le 30 juin (105 en 1 jour)."))
        let wholeMonth = try Self.run([Row(date: "2016-06-01", men: 60), Row(date: "2016-06-30", men: 45)], period: "2016-06")
        #expect(wholeMonth.facts["counted_from"] == nil)
        #expect(wholeMonth.facts["daily_average"] == .count(4))
    }

    /// A month compared with one where fewer FMPs reported says so, in both languages.
    @Test func aComparisonWithFewerFMPsSaysSo() throws {
        let rows = [
            Row(date: "2017-01-10", men: 5), Row(date: "2017-02-10", men: 4),
            Row(date: "2017-02-11", fmp: "MEN-01", name: "Ménaka", men: 3),
        ]
        let result = try Self.run(rows, period: "2017-02")
        #expect(result.facts["previous_active_fmps"] == .count(1))
        #expect(result.facts["previous_fewer_fmps"] == .flag(true))
        #expect(try Self.text(result, template: "monthly", language: .en, period: "2017-02").contains(
            "Compared with January 2017 (5 individuals, with one active FMP against 2 this month), the total rose by 2 (40%)"))
        #expect(try Self.text(result, template: "monthly", language: .fr, period: "2017-02").contains(
            "Par rapport à janvier 2017 (5 individus, avec un seul FMP actif contre 2 ce mois-ci), le total a augmenté de 2 (40\u{00A0}%)."))
        let same = try Self.run([Row(date: "2017-01-10", men: 5), Row(date: "2017-02-10", men: 4)], period: "2017-02")
        #expect(same.facts["previous_fewer_fmps"] == .flag(false))
        #expect(try !Self.text(same, template: "monthly", language: .en, period: "2017-02").contains("this month)"))
    }

    @Test func thePublishedSnapshotSentencesComeOutOfTheComputation() throws {
        #expect(try Self.shippedText("fmp-snapshot", period: "2016-11", language: .en).contains(
            "In all, 16,083 individuals were identified at the FMPs of Gao and Benena, an average of 105 individuals per day. Most of them were men and boys (96%). Minors (boys and girls) made up 5%."))
        #expect(try Self.shippedText("fmp-snapshot", period: "2016-11", language: .fr).contains(
            "Au total, 16\u{202F}083 individus ont été identifiés aux FMP de Gao et de Benena, soit une moyenne de 105 individus par jour. La plupart étaient des hommes et des garçons (96\u{00A0}%). Les mineurs (garçons et filles) en représentaient 5\u{00A0}%."))
    }

    // MARK: Parameters

    @Test func parametersCheckWindowAndSinceTogether() {
        typealias Parameters = FlowMonitoringPlugin.Parameters
        #expect(Parameters(window: .cumulative).validate().map(\.key) == ["since"])
        #expect(Parameters(window: .month, since: Day(iso: "2016-06-30")).validate().map(\.key) == ["since"])
        #expect(Parameters(window: .cumulative, since: Day(iso: "2016-06-30")).validate().isEmpty)
        #expect(Parameters(fmps: ["GAO-01", "GAO-01"]).validate().map(\.message) == ["FMP code 'GAO-01' is listed twice"])
        #expect(Parameters().validate().isEmpty)
    }
}

extension FlowMonitoringPlugin.Parameters {
    /// The declared defaults, with the values given.
    init(window: Window? = nil, since: Day? = nil, fmps: [String]? = nil, top: Int? = nil) {
        self.init()
        if let window { self.window = window }
        if let since { self.since = since }
        if let fmps { self.fmps = fmps }
        if let top { self.top = top }
    }
}
