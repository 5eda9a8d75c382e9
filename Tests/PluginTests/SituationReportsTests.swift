import BuiltInPlugins
import Foundation
import ReportKit
import SituationReports
import Testing
import TestSupport

/// The situation-report plugin on tables built here, and its shipped templates rendered on the
/// results: the date-range forms, one and several events, estimated and exact counts, unknown
/// households, no event in the period, the IDP stock, region names and the data problems it
/// refuses.
@Suite struct SituationReportsTests {
    // MARK: Building inputs

    struct Event {
        var id = "E1"
        var start = "2017-02-22"
        var end = "2017-02-28"
        var reported = "2017-03-02"
        var region = "ML04"
        var communes = "Macina|Monipébougou"
        var cercles = "Niono|Macina"
        var individuals = 6455
        var households: Int? = 1123
        var estimated = true
        var cause = "insecurity"
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func events(_ rows: [Event]) -> InputTable {
        InputTable(
            file: "displacement_events.csv", rowCount: rows.count, lines: rows.indices.map { $0 + 2 },
            columns: [
                "event_id": .texts(rows.map(\.id)),
                "date_start": .dates(rows.map { day($0.start) }),
                "date_end": .dates(rows.map { day($0.end) }),
                "report_date": .dates(rows.map { day($0.reported) }),
                "origin_adm1_code": .texts(rows.map(\.region)),
                "origin_communes": .texts(rows.map(\.communes)),
                "destination_cercles": .texts(rows.map(\.cercles)),
                "individuals": .counts(rows.map(\.individuals)),
                "households": .optionalCounts(rows.map(\.households)),
                "estimated": .flags(rows.map(\.estimated)),
                "cause": .texts(rows.map(\.cause)),
            ])
    }

    /// Rows of `population_movements.csv`: (report date, code, name, population, individuals, households).
    static func movements(_ rows: [(String, String, String, String, Int, Int?)]) -> InputTable {
        InputTable(
            file: "population_movements.csv", rowCount: rows.count, lines: rows.indices.map { $0 + 2 },
            columns: [
                "report_date": .dates(rows.map { day($0.0) }),
                "adm1_code": .texts(rows.map(\.1)),
                "adm1_name": .texts(rows.map(\.2)),
                "population": .texts(rows.map(\.3)),
                "individuals": .counts(rows.map(\.4)),
                "households": .optionalCounts(rows.map(\.5)),
            ])
    }

    static func run(_ rows: [Event], movements: InputTable? = nil, period: String = "2017-02") throws(PluginFailure) -> ReportResult {
        var tables = ["events": events(rows)]
        if let movements { tables["movements"] = movements }
        let vocabularies: Vocabularies
        switch shippedVocabularies {
        case .success(let shipped): vocabularies = shipped
        case .failure(let error): throw PluginFailure("the shipped vocabularies do not load: \(error)")
        }
        return try SituationReportsPlugin.run(inputs: SituationReportsPlugin.inputs(tables, parameters: .init(), period: Period(iso: period)!),
                                              parameters: .init(), period: Period(iso: period)!, vocabularies: vocabularies)
    }

    static let shippedVocabularies = Result { try ShippedVocabularies.of(SituationReportsPlugin.description) }

    /// The shipped template of `language` rendered on `result`, with the host's facts.
    static func text(_ result: ReportResult, _ language: Language, period: String = "2017-02") throws -> String {
        let path = "templates/situation-report/sitrep.\(language.rawValue).md"
        let source = try String(contentsOf: Repository.url(path), encoding: .utf8)
        let template = try CompiledTemplate(text: source, file: path)
        var facts = result.facts
        facts["title"] = .label(Label(en: "Situation report", fr: "Rapport de situation"))
        facts["period"] = .month(Period(iso: period)!)
        return template.render(facts, language: language)
    }

    static func records(_ result: ReportResult) -> [[String: FactValue]] {
        guard case .records(let records) = result.facts["events"] else { return [] }
        return records
    }

    // MARK: The published sentences

    @Test func thePublishedFebruarySentenceInBothLanguages() throws {
        let result = try Self.run([Event()])
        let french = try Self.text(result, .fr)
        #expect(
            french.contains(
                "Entre le 22 et le 28 février, environ 6\u{202F}455 personnes se sont déplacées des villages et hameaux des communes de Macina et de Monipébougou à destination des villes, villages et hameaux des cercles de Niono et de Macina."
            ))
        let english = try Self.text(result, .en)
        #expect(
            english.contains(
                "Between 22 and 28 February, about 6,455 people moved from the villages and hamlets of the communes of Macina and Monipébougou to the towns, villages and hamlets of the cercles of Niono and Macina."
            ))
    }

    @Test func thePublishedIDPSentencesInBothLanguages() throws {
        let rows = [
            Event(id: "A", start: "2017-01-05", end: "2017-01-12", region: "ML06", individuals: 5219, households: 964, estimated: false),
            Event(id: "B", start: "2017-01-15", end: "2017-01-21", region: "ML10", individuals: 8898, households: 1601, estimated: false),
        ]
        let stock = Self.movements([
            ("2017-01-31", "ML06", "Tombouctou", "idps", 30000, 5000),
            ("2017-01-31", "ML10", "Ménaka", "idps", 5353, 1564),
            ("2017-01-31", "ML10", "Ménaka", "returnees", 999, nil),
        ])
        let result = try Self.run(rows, movements: stock, period: "2017-01")
        #expect(result.facts["idps"] == .count(35353))
        #expect(result.facts["idp_households"] == .count(6564))
        #expect(result.facts["idp_report_date"] == .date(Self.day("2017-01-31")))
        let french = try Self.text(result, .fr, period: "2017-01")
        #expect(
            french.contains(
                "35\u{202F}353 personnes déplacées internes (6\u{202F}564 ménages) ont été enregistrées et identifiées par le programme DTM dans l'ensemble des régions du Mali."
            ))
        #expect(
            french.contains(
                "\nLes nouveaux PDI sont au nombre de 14\u{202F}117 dans les régions de Ménaka et de Tombouctou. Tous ont été déplacés suite à la dégradation de la situation sécuritaire.\n"
            ))
        let english = try Self.text(result, .en, period: "2017-01")
        #expect(
            english.contains(
                "As of 31 January 2017, 35,353 internally displaced persons (6,564 households) had been registered and identified by the DTM programme in all regions of Mali."
            ))
        #expect(
            english.contains(
                "\nNew IDPs numbered 14,117 in the regions of Ménaka and Tombouctou. All of them were displaced following the deterioration of the security situation.\n"))
    }

    // MARK: Date ranges

    @Test(arguments: [
        ("2017-02-22", "2017-02-28", "Entre le 22 et le 28 février", "Between 22 and 28 February"),
        ("2017-01-28", "2017-02-03", "Du 28 janvier au 3 février", "From 28 January to 3 February"),
        ("2016-12-28", "2017-02-03", "Du 28 décembre 2016 au 3 février 2017", "From 28 December 2016 to 3 February 2017"),
        ("2017-02-14", "2017-02-14", "Le 14 février", "On 14 February"),
        ("2017-02-01", "2017-02-03", "Entre le 1er et le 3 février", "Between 1 and 3 February"),
    ])
    func dateRangesReadNaturally(start: String, end: String, french: String, english: String) throws {
        let result = try Self.run([Event(start: start, end: end)])
        #expect(Self.records(result).first?["dates"] == .dateRange(Self.day(start), Self.day(end)))
        #expect(try Self.text(result, .fr).contains("\n\(french), environ 6\u{202F}455 personnes"))
        #expect(try Self.text(result, .en).contains("\n\(english), about 6,455 people"))
    }

    @Test func anEventBelongsToThePeriodOfItsLastDay() throws {
        let rows = [
            Event(id: "JAN", start: "2017-01-20", end: "2017-01-31"), Event(id: "CROSS", start: "2017-01-28", end: "2017-02-03"),
            Event(id: "MAR", start: "2017-02-27", end: "2017-03-01"),
        ]
        let result = try Self.run(rows)
        #expect(Self.records(result).map { $0["event_id"] } == [.label(Label("CROSS"))])
        #expect(result.facts["event_count"] == .count(1))
        let periods = SituationReportsPlugin.periodsWithData(inputs: SituationReportsPlugin.inputs(["events": Self.events(rows)], parameters: .init()),
                                                             parameters: .init())
        #expect(periods == [Period(iso: "2017-01")!, Period(iso: "2017-02")!, Period(iso: "2017-03")!])
    }

    // MARK: One and several events

    @Test func oneEventOfOnePersonIsSingularEverywhere() throws {
        let row = Event(
            start: "2017-02-14", end: "2017-02-14", region: "ML10", communes: "Inékar", cercles: "Ansongo",
            individuals: 1, households: 1, estimated: false, cause: "flood")
        let stock = Self.movements([("2017-02-28", "ML10", "Ménaka", "idps", 1, 1)])
        let result = try Self.run([row], movements: stock)
        #expect(result.facts["event_count"] == .count(1))
        #expect(result.facts["new_idps"] == .count(1))
        #expect(result.facts["new_idp_regions"] == .list([Label("Ménaka")]))
        let french = try Self.text(result, .fr)
        #expect(
            french == """
                # Rapport de situation

                En février 2017, les évaluations rapides de la DNDS ont fait état d'un déplacement de populations.

                Le 14 février, une personne s'est déplacée des villages et hameaux de la commune d'Inékar à destination des villes, villages et hameaux du cercle d'Ansongo. Cela représente un ménage. Cette personne a été déplacée suite aux inondations dans la région de Ménaka.

                À la date du 28 février 2017, une personne déplacée interne (un ménage) a été enregistrée et identifiée par le programme DTM dans l'ensemble des régions du Mali.
                Une personne a été nouvellement déplacée dans la région de Ménaka, suite aux inondations.

                """)
        let english = try Self.text(result, .en)
        #expect(
            english == """
                # Situation report

                In February 2017, DNDS rapid assessments reported one displacement event.

                On 14 February, one person moved from the villages and hamlets of the commune of Inékar to the towns, villages and hamlets of the cercle of Ansongo. This represents one household. This person was displaced following floods in the region of Ménaka.

                As of 28 February 2017, one internally displaced person (one household) had been registered and identified by the DTM programme in all regions of Mali.
                One person was newly displaced in the region of Ménaka, following floods.

                """)
    }

    @Test func severalEventsAddUpByRegionAndCause() throws {
        let rows = [
            Event(
                id: "C", start: "2017-02-20", end: "2017-02-21", region: "ML07", individuals: 300, households: 50, estimated: false,
                cause: "conflict"),
            Event(
                id: "A", start: "2017-02-01", end: "2017-02-05", region: "ML05", individuals: 1000, households: 200, estimated: false,
                cause: "intercommunal"),
            Event(
                id: "B", start: "2017-02-10", end: "2017-02-12", region: "ML07", individuals: 900, households: 150, estimated: false,
                cause: "conflict"),
        ]
        let result = try Self.run(rows)
        #expect(Self.records(result).map { $0["event_id"] } == [.label(Label("A")), .label(Label("B")), .label(Label("C"))])
        #expect(result.facts["event_count"] == .count(3))
        #expect(result.facts["new_idps"] == .count(2200))
        #expect(result.facts["new_idp_households"] == .count(400))
        #expect(result.facts["new_idps_estimated"] == .flag(false))
        // Gao 1,200 before Mopti 1,000; conflict 1,200 before intercommunal 1,000.
        #expect(result.facts["new_idp_regions"] == .list([Label("Gao"), Label("Mopti")]))
        #expect(result.facts["main_cause"] == .label(Label(en: "armed conflict", fr: "conflit armé")))
        #expect(result.facts["new_idp_cause_count"] == .count(2))
        guard case .records(let causes)? = result.facts["new_idp_causes"] else {
            Issue.record("new_idp_causes is not a list of records")
            return
        }
        #expect(causes.map { $0["individuals"] } == [.count(1200), .count(1000)])
        #expect(causes.map { $0["is_first"] } == [.flag(true), .flag(false)])
        #expect(causes.map { $0["is_last"] } == [.flag(false), .flag(true)])
        #expect(
            result.tables["new_idps_by_region"]?.rows == [
                [.text("ML07"), .text("Gao"), .integer(1200), .integer(200)],
                [.text("ML05"), .text("Mopti"), .integer(1000), .integer(200)],
            ])
        #expect(
            try Self.text(result, .fr).contains(
                "\nLes nouveaux PDI sont au nombre de 2\u{202F}200 dans les régions de Gao et de Mopti. Parmi eux, 1\u{202F}200 ont été déplacés suite aux affrontements armés et 1\u{202F}000 suite aux violences intercommunautaires.\n"))
        #expect(
            try Self.text(result, .en).contains(
                "\nNew IDPs numbered 2,200 in the regions of Gao and Mopti. Of these, 1,200 were displaced following armed clashes and 1,000 following intercommunal violence.\n"))
        #expect(try Self.text(result, .en).contains("In February 2017, DNDS rapid assessments reported 3 displacement events."))
    }

    @Test func aTieBetweenCausesGoesToTheEarlierCauseAndRegionsToTheEarlierCode() throws {
        let rows = [
            Event(id: "A", region: "ML06", individuals: 500, cause: "flood"),
            Event(id: "B", region: "ML05", individuals: 500, cause: "insecurity"),
        ]
        let result = try Self.run(rows)
        #expect(result.facts["main_cause"] == .label(Label(en: "insecurity", fr: "insécurité")))
        #expect(
            result.facts["main_cause_phrase"]
                == .label(
                    Label(
                        en: "following the deterioration of the security situation",
                        fr: "suite à la dégradation de la situation sécuritaire")))
        #expect(result.facts["new_idp_regions"] == .list([Label("Mopti"), Label("Tombouctou")]))
    }

    // MARK: Estimated and exact counts, unknown households

    @Test func estimatedCountsSayAboutAndExactOnesDoNot() throws {
        let exact = try Self.run([Event(estimated: false)])
        #expect(exact.facts["new_idps_estimated"] == .flag(false))
        #expect(try Self.text(exact, .fr).contains("\nEntre le 22 et le 28 février, 6\u{202F}455 personnes se sont déplacées"))
        #expect(try Self.text(exact, .fr).contains(" Cela représente 1\u{202F}123 ménages."))
        #expect(try Self.text(exact, .fr).contains("\nLes nouveaux PDI sont au nombre de 6\u{202F}455 dans"))
        #expect(try Self.text(exact, .en).contains("\nBetween 22 and 28 February, 6,455 people moved"))
        #expect(try Self.text(exact, .en).contains(" This represents 1,123 households."))

        let estimated = try Self.run([Event(id: "A", estimated: false), Event(id: "B", individuals: 45, households: 9, estimated: true)])
        #expect(estimated.facts["new_idps_estimated"] == .flag(true))
        #expect(Self.records(estimated).map { $0["estimated"] } == [.flag(false), .flag(true)])
        #expect(try Self.text(estimated, .fr).contains(" Cela représente environ neuf ménages."))
        #expect(try Self.text(estimated, .fr).contains("\nLes nouveaux PDI sont au nombre d'environ 6\u{202F}500 dans"))
        #expect(try Self.text(estimated, .en).contains(" This represents about nine households."))
        #expect(try Self.text(estimated, .en).contains("\nNew IDPs numbered about 6,500 in"))
        #expect(estimated.tables["events"]?.rows.map { $0[10] } == [.flag(false), .flag(true)])
    }

    @Test func unknownHouseholdsAreLeftOutNotCountedAsZero() throws {
        let result = try Self.run([Event(id: "A", households: nil), Event(id: "B", start: "2017-02-01", end: "2017-02-02", households: 10)])
        let records = Self.records(result)
        #expect(records.map { $0["households"] } == [.count(10), nil])
        #expect(result.facts["new_idp_households"] == nil)
        #expect(result.tables["events"]?.rows.map { $0[9] } == [.integer(10), .empty])
        #expect(result.tables["new_idps_by_region"]?.rows == [[.text("ML04"), .text("Ségou"), .integer(12910), .empty]])
        let french = try Self.text(result, .fr)
        #expect(french.contains(" Cela représente environ dix ménages."))
        #expect(try Self.text(result, .en).components(separatedBy: "This represents").count == 2)
    }

    // MARK: No event

    @Test func aPeriodWithoutEventSaysSo() throws {
        let result = try Self.run([Event(start: "2017-01-20", end: "2017-01-31", households: nil)], period: "2017-02")
        #expect(result.facts["events"] == .records([]))
        #expect(result.facts["event_count"] == .count(0))
        #expect(result.facts["new_idps"] == .count(0))
        #expect(result.facts["new_idp_households"] == .count(0))
        #expect(result.facts["new_idp_regions"] == .list([]))
        #expect(result.facts["main_cause"] == nil)
        #expect(result.facts["main_cause_phrase"] == nil)
        #expect(result.tables["events"]?.rows == [])
        #expect(result.tables["new_idps_by_region"]?.rows == [])
        #expect(
            try Self.text(result, .fr) == """
                # Rapport de situation

                En février 2017, les évaluations rapides de la DNDS n'ont fait état d'aucun déplacement de populations.

                """)
        #expect(
            try Self.text(result, .en) == """
                # Situation report

                In February 2017, DNDS rapid assessments reported no displacement event.

                """)
    }

    @Test func withoutEventsTheIDPStockStillPrints() throws {
        let stock = Self.movements([("2017-02-28", "ML05", "Mopti", "idps", 8010, nil)])
        let result = try Self.run([], movements: stock)
        #expect(result.facts["idps"] == .count(8010))
        #expect(result.facts["idp_households"] == nil)
        #expect(
            try Self.text(result, .fr).hasSuffix(
                "\nÀ la date du 28 février 2017, 8\u{202F}010 personnes déplacées internes ont été enregistrées et identifiées par le programme DTM dans l'ensemble des régions du Mali.\n"
            ))
    }

    // MARK: The IDP stock

    @Test func theStockIsTheLatestIDPReportDateInThePeriod() throws {
        let stock = Self.movements([
            ("2017-02-10", "ML05", "Mopti", "idps", 100, 20),
            ("2017-02-20", "ML05", "Mopti", "idps", 200, 40),
            ("2017-02-20", "ML06", "Tombouctou", "idps", 300, 60),
            ("2017-02-27", "ML05", "Mopti", "returnees", 999, 99),
            ("2017-03-31", "ML05", "Mopti", "idps", 5000, 900),
        ])
        let result = try Self.run([Event()], movements: stock)
        #expect(result.facts["idp_report_date"] == .date(Self.day("2017-02-20")))
        #expect(result.facts["idps"] == .count(500))
        #expect(result.facts["idp_households"] == .count(100))

        let noIDPs = try Self.run([Event()], movements: Self.movements([("2017-03-31", "ML05", "Mopti", "idps", 5000, 900)]))
        #expect(noIDPs.facts["idps"] == nil)
        #expect(noIDPs.facts["idp_report_date"] == nil)
        #expect(try !Self.text(noIDPs, .fr).contains("enregistrées"))
    }

    @Test func withoutTheMovementsInputTheStockSentenceIsLeftOut() throws {
        let result = try Self.run([Event()])
        #expect(result.facts["idps"] == nil)
        let french = try Self.text(result, .fr)
        #expect(!french.contains("personnes déplacées internes"))
        #expect(
            french.hasSuffix(
                "\nLes nouveaux PDI sont au nombre d'environ 6\u{202F}455 dans la région de Ségou. Tous ont été déplacés suite à la dégradation de la situation sécuritaire.\n"))
    }

    // MARK: Names

    @Test func listsAreTrimmedAndKeepTheirOrderOnce() throws {
        let result = try Self.run([Event(communes: " Macina | Monipébougou|Macina||", cercles: "Niono")])
        let record = try #require(Self.records(result).first)
        #expect(record["origin_communes"] == .list([Label("Macina"), Label("Monipébougou")]))
        #expect(record["destination_cercles"] == .list([Label("Niono")]))
        #expect(result.tables["events"]?.rows.first?[6] == .text("Macina|Monipébougou"))
    }

    @Test func frenchElidesDeBeforeAVowel() throws {
        let result = try Self.run([Event(communes: "Anderamboukane|Inékar", cercles: "Ménaka")])
        let record = try #require(Self.records(result).first)
        #expect(record["origin_communes_of"] == .label(Label(en: "of ", fr: "d'")))
        #expect(record["destination_cercles_of"] == .label(Label(en: "of ", fr: "de ")))
        #expect(
            try Self.text(result, .fr).contains(
                "des communes d'Anderamboukane et d'Inékar à destination des villes, villages et hameaux du cercle de Ménaka."))
        let hombori = try Self.run([Event(communes: "Hombori", cercles: "Douentza")])
        #expect(try Self.text(hombori, .fr).contains("de la commune de Hombori"))
    }

    @Test func everyMaliRegionHasAName() throws {
        let names = ["Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal", "Bamako", "Ménaka"]
        for (index, name) in names.enumerated() {
            let code = String(format: "ML%02d", index + 1)
            let result = try Self.run([Event(region: code)])
            #expect(Self.records(result).first?["origin_region"] == .label(Label(name)), "\(code)")
        }
    }

    @Test func anotherCountrysRegionsAreNamedByTheVocabularyInEitherCodeForm() throws {
        let result = try Self.run([Event(region: "NER006")])
        #expect(result.facts["new_idp_regions"] == .list([Label("Tillabéri")]))
        #expect(result.tables["events"]?.rows.first?[4...5] == [.text("NE006"), .text("Tillabéri")])
        let agadez = try Self.run([Event(region: "NE001")])
        #expect(agadez.facts["new_idp_regions_of"] == .label(Label(en: "of ", fr: "d'")))
        #expect(try Self.text(agadez, .fr).contains("d'Agadez"))
    }

    // MARK: Data problems

    /// The host refuses an unknown code before the plugin runs (RunValidationTests); called
    /// directly, the plugin still refuses it rather than name a region wrongly.
    @Test func anUnknownCodeIsAFailureNamingIt() {
        let failure = #expect(throws: PluginFailure.self) { try Self.run([Event(region: "ML99")]) }
        #expect(failure?.problems.map(\.description) == [
            "displacement_events.csv:2: column 'origin_adm1_code': 'ML99' is not in the P-code vocabulary",
        ])
    }

    @Test func everyProblemOfTheFileIsCollected() {
        let rows = [
            Event(id: "A", start: "2017-03-01", end: "2017-02-28"),
            Event(id: "A", communes: "|", cercles: " "),
            Event(id: "B", start: "2016-05-01", end: "2016-05-31", region: "XX"),
            Event(id: "C", region: "YY"),
        ]
        // Each at its row, all of them: the host's report caps and counts them.
        let failure = #expect(throws: PluginFailure.self) { try Self.run(rows) }
        #expect(failure?.problems.map(\.description) == [
            "displacement_events.csv:2: column 'date_start': 2017-03-01 is after date_end 2017-02-28",
            "displacement_events.csv:3: column 'origin_communes': '|' names no commune",
            "displacement_events.csv:3: column 'destination_cercles': ' ' names no cercle",
            "displacement_events.csv:3: column 'event_id': 'A' is already on line 2",
            "displacement_events.csv:4: column 'origin_adm1_code': 'XX' is not in the P-code vocabulary",
            "displacement_events.csv:5: column 'origin_adm1_code': 'YY' is not in the P-code vocabulary",
        ])
    }

    // MARK: The shipped run

    /// The shipped `reports.yaml` on the shipped sample data writes the published sentences.
    @Test func theShippedRunWritesThePublishedFigures() throws {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        for period in ["2017-01", "2017-02"] {
            let options = RunOptions(
                configFile: folder.url.appendingPathComponent("reports.yaml"), period: Period(iso: period),
                reportIDs: ["dnds-sitrep"])
            let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
            try OutputWriter(root: plan.outputRoot, toolVersion: ReportRun.toolVersion).write(plan.outputs)
        }
        let february = try #require(folder.read("out/2017-02/dnds-sitrep/report.fr.md"))
        #expect(
            february.contains(
                "Entre le 22 et le 28 février, environ 6\u{202F}455 personnes se sont déplacées des villages et hameaux des communes de Macina et de Monipébougou à destination des villes, villages et hameaux des cercles de Niono et de Macina."
            ))
        let februaryEnglish = try #require(folder.read("out/2017-02/dnds-sitrep/report.en.md"))
        #expect(
            februaryEnglish.contains(
                "Between 22 and 28 February, about 6,455 people moved from the villages and hamlets of the communes of Macina and Monipébougou to the towns, villages and hamlets of the cercles of Niono and Macina."
            ))
        let january = try #require(folder.read("out/2017-01/dnds-sitrep/report.fr.md"))
        #expect(
            january.contains(
                "35\u{202F}353 personnes déplacées internes (6\u{202F}564 ménages) ont été enregistrées et identifiées par le programme DTM dans l'ensemble des régions du Mali."
            ))
        #expect(
            january.contains(
                "\nLes nouveaux PDI sont au nombre de 14\u{202F}117 dans les régions de Ménaka et de Tombouctou. Parmi eux, 12\u{202F}006 ont été déplacés suite à la dégradation de la situation sécuritaire et 2\u{202F}111 suite aux affrontements armés.\n"
            ))
        let januaryEnglish = try #require(folder.read("out/2017-01/dnds-sitrep/report.en.md"))
        #expect(
            januaryEnglish.contains(
                "35,353 internally displaced persons (6,564 households) had been registered and identified by the DTM programme in all regions of Mali."
            ))
        #expect(
            januaryEnglish.contains(
                "\nNew IDPs numbered 14,117 in the regions of Ménaka and Tombouctou. Of these, 12,006 were displaced following the deterioration of the security situation and 2,111 following armed clashes.\n"))
    }

    // MARK: The shipped templates

    @Test func theShippedTemplatesUseDeclaredFactsOnly() throws {
        for language in Language.allCases {
            let path = "templates/situation-report/sitrep.\(language.rawValue).md"
            let text = try String(contentsOf: Repository.url(path), encoding: .utf8)
            let problems = TemplateChecker.check(text, file: path, facts: HostFacts.specs + SituationReportsPlugin.description.facts)
            #expect(problems.isEmpty, "\(problems)")
        }
    }
}
