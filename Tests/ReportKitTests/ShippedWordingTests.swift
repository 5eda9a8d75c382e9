import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// The shipped templates, read from `templates/` and rendered by the real `CompiledTemplate`,
/// for the cases an editor reads first: no data, zero, one, a single FMP, in both languages.
/// The facts are written here so that each case is exactly the one named.
@Suite struct ShippedWordingTests {
    private func render(_ path: String, _ facts: [String: FactValue], _ language: Language) throws -> String {
        let text = try String(contentsOf: Repository.url("templates/\(path).\(language.rawValue).md"), encoding: .utf8)
        var all = facts
        all["title"] = .label(Label("Title"))
        return try CompiledTemplate(text: text, file: path).render(all, language: language)
    }

    private func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func aMonthWithoutFlowDataSaysSoAndNeverZero() throws {
        let facts: [String: FactValue] = ["period": .month(Period(iso: "2020-04")!), "mostly_men": .flag(false)]
        let english = try render("flow-monitoring/monthly", facts, .en)
        let french = try render("flow-monitoring/monthly", facts, .fr)
        #expect(english == "# Title\n\nNo flow monitoring data are available for April 2020.\n")
        #expect(french == "# Title\n\nAucune donnée de suivi des flux n'est disponible pour avril 2020.\n")
    }

    /// One FMP, one individual a day on average, no unaccompanied child, all men and boys, no
    /// minors, nobody outgoing.
    private var snapshotZeroAndOne: [String: FactValue] {
        [
            "period": .month(Period(iso: "2021-01")!), "as_of": .date(day("2021-01-30")), "since": .date(day("2021-01-30")),
            "days": .count(1), "total": .count(10), "daily_average": .count(1), "incoming": .count(10), "outgoing": .count(0),
            "fmp_names": .list([Label("Alpha")]), "men_share": .percent(1), "minors_share": .percent(0),
            "mostly_men": .flag(true), "uac": .count(0), "uac_incomplete": .flag(false),
        ]
    }

    @Test func zeroAndAllHaveTheirOwnSentencesInEnglish() throws {
        let text = try render("flow-monitoring/snapshot", snapshotZeroAndOne, .en)
        #expect(text.contains("In all, 10 individuals were identified at the FMP of Alpha, an average of 1 individual per day."))
        #expect(text.contains("All of them were men and boys. None of them were minors."))
        #expect(text.contains("Of these individuals, 10 were incoming and none outgoing. No unaccompanied child was identified."))
        #expect(!text.contains("0%") && !text.contains(" 0 "))
    }

    @Test func zeroAndAllHaveTheirOwnSentencesInFrench() throws {
        let text = try render("flow-monitoring/snapshot", snapshotZeroAndOne, .fr)
        #expect(text.contains("Au total, 10 individus ont été identifiés au FMP d'Alpha, soit une moyenne d'un individu par jour."))
        #expect(text.contains("Tous étaient des hommes ou des garçons. Aucun n'était mineur."))
        #expect(text.contains("Parmi ces individus, on compte 10 individus rentrants et aucun individu sortant."))
        #expect(text.contains("Aucun enfant non accompagné n'a été identifié."))
        #expect(!text.contains("0\u{00A0}%") && !text.contains(" 0 "))
    }

    /// A month where a single FMP reported, with less than one individual a day on average.
    @Test func aSingleFMPAndLessThanOneADay() throws {
        var facts: [String: FactValue] = [
            "period": .month(Period(iso: "2016-06")!), "as_of": .date(day("2016-06-30")), "days": .count(30),
            "total": .count(5), "daily_average": .count(0), "incoming": .count(1), "outgoing": .count(4),
            "active_fmps": .count(1), "fmp_names": .list([Label("Ménaka")]), "mostly_men": .flag(true), "uac": .count(1),
            "uac_incomplete": .flag(false),
        ]
        let english = try render("flow-monitoring/monthly", facts, .en)
        #expect(english.contains("DTM identified 1 incoming individual and 4 outgoing individuals"))
        #expect(
            english.contains("The active FMP is in Ménaka. On average, fewer than one individual was identified per day (5 in 30 days)."))
        #expect(english.contains("DTM identified one unaccompanied child."))
        let french = try render("flow-monitoring/monthly", facts, .fr)
        #expect(french.contains("identifiés au seul FMP actif."))
        #expect(
            french.contains("Le FMP actif se trouve à Ménaka. En moyenne, moins d'un individu a été identifié par jour (5 en 30 jours)."))
        #expect(french.contains("La DTM a identifié un enfant non accompagné."))
        facts["fmp_names"] = .list([Label("Gao"), Label("Ansongo")])
        facts["active_fmps"] = .count(2)
        #expect(try render("flow-monitoring/monthly", facts, .fr).contains("Les FMP actifs se trouvent à Gao et à Ansongo."))
    }

    @Test func oneEventOnePersonOneHousehold() throws {
        let facts: [String: FactValue] = [
            "period": .month(Period(iso: "2021-03")!), "event_count": .count(1),
            "events": .records([
                [
                    "dates": .dateRange(day("2021-03-01"), day("2021-03-01")), "estimated": .flag(false), "individuals": .count(1),
                    "households": .count(1), "origin_communes": .list([Label("Inékar")]),
                    "destination_cercles": .list([Label("Ansongo"), Label("Ménaka")]),
                    "cause_phrase": .label(Label(en: "following floods", fr: "suite aux inondations")),
                    "origin_region": .label(Label("Ménaka")), "origin_region_of": .label(Label(en: "of ", fr: "de ")),
                ]
            ]),
        ]
        let english = try render("situation-report/sitrep", facts, .en)
        #expect(english.contains("In March 2021, DNDS rapid assessments reported one displacement event."))
        #expect(english.contains("On 1 March, one person moved from the villages and hamlets of the commune of Inékar"))
        #expect(english.contains("This represents one household. This person was displaced following floods"))
        let french = try render("situation-report/sitrep", facts, .fr)
        #expect(french.contains("ont fait état d'un déplacement de populations."))
        #expect(french.contains("Le 1er mars, une personne s'est déplacée des villages et hameaux de la commune d'Inékar"))
        #expect(french.contains("des cercles d'Ansongo et de Ménaka. Cela représente un ménage."))
    }

    @Test func noEventIsNotOneEvent() throws {
        let facts: [String: FactValue] = ["period": .month(Period(iso: "2021-04")!), "event_count": .count(0), "events": .records([])]
        #expect(try render("situation-report/sitrep", facts, .en).contains("reported no displacement event."))
        #expect(try render("situation-report/sitrep", facts, .fr).contains("n'ont fait état d'aucun déplacement de populations."))
    }

    /// A point of entry assessed for the first time, and the only one assessed.
    @Test func aNewPointOfEntryAndTheOnlyOne() throws {
        let status: [String: FactValue] = [
            "count": .count(1), "label_one": .label(Label(en: "fully operational", fr: "pleinement opérationnel")),
            "label_other": .label(Label(en: "fully operational", fr: "pleinement opérationnels")), "share": .percent(1),
            "is_first": .flag(true), "is_last": .flag(true),
        ]
        let facts: [String: FactValue] = [
            "period": .month(Period(iso: "2021-04")!), "assessment_date": .date(day("2021-04-01")), "poes_assessed": .count(1),
            "statuses": .records([status]), "previous_assessment_date": .date(day("2021-02-05")), "reopened_count": .count(0),
            "closed_count": .count(0), "first_assessed_count": .count(1), "first_assessed": .list([Label("Kangaba")]),
            "reopened": .list([]), "closed": .list([]),
        ]
        let english = try render("covid-mobility/poe-status", facts, .en)
        #expect(english.contains("As of 1 April 2021, the only point of entry assessed in Mali was fully operational."))
        #expect(english.contains("For the first time, one point of entry was assessed: Kangaba."))
        let french = try render("covid-mobility/poe-status", facts, .fr)
        #expect(french.contains("Au 1er avril 2021, le seul point d'entrée évalué au Mali était pleinement opérationnel."))
        #expect(french.contains("Pour la première fois, un point d'entrée a été évalué (Kangaba)."))
    }

    /// The causes of the period's new IDPs, as the situation report's plugin gives them.
    private func cause(_ en: String, _ fr: String, _ individuals: Int, estimated: Bool = false, first: Bool, last: Bool)
        -> [String: FactValue]
    {
        [
            "cause": .label(Label(en: en, fr: fr)), "cause_phrase": .label(Label(en: en, fr: fr)), "individuals": .count(individuals),
            "estimated": .flag(estimated), "is_first": .flag(first), "is_last": .flag(last),
        ]
    }

    private func sitrepSummary(_ causes: [[String: FactValue]], newIDPs: Int, estimated: Bool) -> [String: FactValue] {
        [
            "period": .month(Period(iso: "2017-02")!), "event_count": .count(causes.count), "events": .records([]),
            "new_idps": .count(newIDPs), "new_idps_estimated": .flag(estimated),
            "new_idp_regions": .list([Label("Ségou"), Label("Mopti"), Label("Ansongo")]),
            "main_cause": causes[0]["cause"]!, "main_cause_phrase": causes[0]["cause_phrase"]!,
            "new_idp_causes": .records(causes), "new_idp_cause_count": .count(causes.count),
        ]
    }

    /// The new-IDP line is a sentence with a verb that gives each cause with its figure, in the
    /// Mali and the Niger templates.
    @Test(arguments: ["situation-report/sitrep", "situation-report/sitrep-niger"])
    func theNewIDPSummaryGivesEachCauseWithItsFigure(_ template: String) throws {
        let facts = sitrepSummary(
            [
                cause("following floods", "suite aux inondations", 6455, estimated: true, first: true, last: false),
                cause("following armed clashes", "suite aux affrontements armés", 1248, first: false, last: false),
                cause("following intercommunal violence", "suite aux violences intercommunautaires", 534, first: false, last: true),
            ], newIDPs: 8237, estimated: true)
        let english = try render(template, facts, .en)
        #expect(
            english.contains(
                "New IDPs numbered about 8,237 in the regions of Ségou, Mopti and Ansongo. Of these, about 6,455 were displaced following floods, 1,248 following armed clashes and 534 following intercommunal violence."
            ), Comment(rawValue: english))
        let french = try render(template, facts, .fr)
        #expect(
            french.contains(
                "Les nouveaux PDI sont au nombre d'environ 8\u{202F}237 dans les régions de Ségou, de Mopti et d'Ansongo. Parmi eux, environ 6\u{202F}455 ont été déplacés suite aux inondations, 1\u{202F}248 suite aux affrontements armés et 534 suite aux violences intercommunautaires."
            ), Comment(rawValue: french))
    }

    @Test(arguments: ["situation-report/sitrep", "situation-report/sitrep-niger"])
    func oneCauseDisplacedThemAll(_ template: String) throws {
        let facts = sitrepSummary(
            [cause("following floods", "suite aux inondations", 2890, first: true, last: true)], newIDPs: 2890, estimated: false)
        #expect(
            try render(template, facts, .en).contains(
                "New IDPs numbered 2,890 in the regions of Ségou, Mopti and Ansongo. All of them were displaced following floods."))
        #expect(
            try render(template, facts, .fr).contains(
                "Les nouveaux PDI sont au nombre de 2\u{202F}890 dans les régions de Ségou, de Mopti et d'Ansongo. Tous ont été déplacés suite aux inondations."
            ))
    }

    /// The Niger templates: one event, one person, one household, in words, and the comma after
    /// the dates whether or not the figures are estimates.
    @Test func nigerOneEventOnePersonOneHousehold() throws {
        var event: [String: FactValue] = [
            "dates": .dateRange(day("2023-05-02"), day("2023-05-06")), "estimated": .flag(false), "individuals": .count(1),
            "households": .count(1), "origin_communes": .list([Label("Anzourou"), Label("Inatès")]),
            "destination_cercles": .list([Label("Ayérou")]),
            "cause_phrase": .label(Label(en: "following floods", fr: "suite aux inondations")),
            "origin_region": .label(Label("Tillabéri")), "origin_region_of": .label(Label(en: "of ", fr: "de ")),
        ]
        var facts: [String: FactValue] = [
            "period": .month(Period(iso: "2023-05")!), "event_count": .count(1), "events": .records([event]),
            "idp_report_date": .date(day("2023-05-31")), "idps": .count(1), "idp_households": .count(1),
        ]
        let english = try render("situation-report/sitrep-niger", facts, .en)
        #expect(english.contains("In May 2023, DTM rapid assessments reported one displacement event."))
        #expect(english.contains("Between 2 and 6 May, one person moved from the villages and hamlets of the communes of Anzourou and Inatès"))
        #expect(english.contains("This represents one household. This person was displaced"))
        #expect(english.contains("As of 31 May 2023, one internally displaced person (one household) had been registered"))
        let french = try render("situation-report/sitrep-niger", facts, .fr)
        #expect(french.contains("ont fait état d'un déplacement de populations."), Comment(rawValue: french))
        #expect(french.contains("Entre le 2 et le 6 mai, une personne s'est déplacée des villages et hameaux des communes d'Anzourou et d'Inatès"))
        #expect(french.contains("du département d'Ayérou. Cela représente un ménage."))
        #expect(french.contains("une personne déplacée interne (un ménage) a été enregistrée et identifiée"))
        event["estimated"] = .flag(true)
        event["individuals"] = .count(40)
        facts["events"] = .records([event])
        #expect(try render("situation-report/sitrep-niger", facts, .fr).contains("Entre le 2 et le 6 mai, environ 40 personnes"))
    }

    /// The stock reports (CMP, DTM files, Niger): one region, one person, one household, a change
    /// of one, and the first report date, in both languages.
    private func stockFacts(total: Int, regions: [String], regionCount: Int) -> [String: FactValue] {
        [
            "period": .month(Period(iso: "2021-03")!), "report_date": .date(day("2021-03-31")), "total": .count(total),
            "households": .count(1), "regions": .list(regions.map { Label($0) }), "region_count": .count(regionCount),
            "population": .label(Label(en: "returnees", fr: "rapatriés")),
            "population_singular": .label(Label(en: "returnee", fr: "rapatrié")), "previous_is_older": .flag(false),
        ]
    }

    @Test(arguments: ["returnee-movements/summary", "returnee-movements/dtm", "returnee-movements/idps-niger"])
    func oneRegionIsNotTheLargest(_ template: String) throws {
        let several = stockFacts(total: 1502, regions: ["Ménaka"], regionCount: 1)
        let english = try render(template, several, .en)
        #expect(english.contains("These figures represent one household."), Comment(rawValue: english))
        #expect(english.contains("These figures cover only the region of Ménaka."), Comment(rawValue: english))
        #expect(!english.contains("largest"))
        let french = try render(template, several, .fr)
        #expect(french.contains("Ces chiffres représentent un ménage."))
        #expect(french.contains("Ces chiffres ne concernent que la région de Ménaka."), Comment(rawValue: french))
        #expect(french.contains("il n'existe aucun chiffre antérieur auquel comparer ce total."))
        #expect(!french.contains("plus grand"))

        let one = stockFacts(total: 1, regions: ["Ansongo"], regionCount: 1)
        #expect(try render(template, one, .en).contains("These figures cover only the region of Ansongo."))
        #expect(try render(template, one, .fr).contains("Ces chiffres ne concernent que la région d'Ansongo."))

        // The top regions of more than one.
        let top = stockFacts(total: 1502, regions: ["Ansongo"], regionCount: 4)
        #expect(try render(template, top, .en).contains("The largest number is in the"))
        #expect(try render(template, top, .fr).contains("Le plus grand nombre se trouve dans la région"))
    }

    @Test func frenchRegionListsRepeatThePreposition() throws {
        let facts = stockFacts(total: 1502, regions: ["Ansongo", "Gao", "Kidal"], regionCount: 5)
        for template in ["returnee-movements/summary", "returnee-movements/dtm"] {
            #expect(
                try render(template, facts, .fr).contains(
                    "Les plus grands nombres se trouvent dans les régions d'Ansongo, de Gao et de Kidal."))
            #expect(try render(template, facts, .en).contains("The largest numbers are in the regions of Ansongo, Gao and Kidal."))
        }
    }

    @Test(arguments: ["returnee-movements/summary", "returnee-movements/dtm", "returnee-movements/idps-niger"])
    func aChangeOfOnePerson(_ template: String) throws {
        var facts = stockFacts(total: 1502, regions: ["Gao"], regionCount: 3)
        facts["previous_report_date"] = .date(day("2021-02-28"))
        facts["previous_total"] = .count(1501)
        facts["change"] = .change(1, relative: 1.0 / 1501)
        #expect(try render(template, facts, .en).contains("an increase of one person compared with February 2021"))
        #expect(
            try render(template, facts, .fr).contains(
                "ce qui correspond à une augmentation d'une personne par rapport aux données de février 2021"))
        facts["change"] = .change(-2, relative: -2.0 / 1504)
        facts["previous_total"] = .count(1504)
        #expect(try render(template, facts, .fr).contains("une diminution de 2 personnes par rapport"))
    }

    /// A month or a quarter where nobody went one way: "none", never "0 individu sortant".
    @Test func nobodyOneWayIsNoneInBothLanguages() throws {
        var month: [String: FactValue] = [
            "period": .month(Period(iso: "2016-06")!), "as_of": .date(day("2016-06-30")), "days": .count(30),
            "total": .count(60), "daily_average": .count(2), "incoming": .count(60), "outgoing": .count(0),
            "active_fmps": .count(1), "fmp_names": .list([Label("Ansongo")]), "mostly_men": .flag(true),
        ]
        #expect(
            try render("flow-monitoring/monthly", month, .en).contains(
                "DTM identified 60 incoming individuals and no outgoing individuals at the flow monitoring points (FMPs)"))
        #expect(
            try render("flow-monitoring/monthly", month, .fr).contains(
                "Au cours de cette collecte de données, 60 individus rentrants ont été identifiés au seul FMP actif, et aucun individu sortant."))
        month["incoming"] = .count(0)
        month["outgoing"] = .count(1)
        month["total"] = .count(1)
        #expect(try render("flow-monitoring/monthly", month, .en).contains("DTM identified no incoming individuals and 1 outgoing individual at"))
        #expect(
            try render("flow-monitoring/monthly", month, .fr).contains(
                "Au cours de cette collecte de données, 1 individu sortant a été identifié au seul FMP actif, et aucun individu rentrant."))

        let quarter: [String: FactValue] = [
            "period": .month(Period(iso: "2017-03")!), "as_of": .date(day("2017-03-31")), "since": .date(day("2017-01-01")),
            "days": .count(90), "total": .count(12), "daily_average": .count(0), "incoming": .count(0), "outgoing": .count(12),
            "fmp_names": .list([Label("Ansongo"), Label("Gao")]), "mostly_men": .flag(true),
        ]
        let english = try render("flow-monitoring/quarter", quarter, .en)
        #expect(
            english.contains(
                "12 individuals were identified at the flow monitoring points (FMPs) of Ansongo and Gao: none incoming and 12 outgoing, an average of fewer than one individual per day."
            ), Comment(rawValue: english))
        let french = try render("flow-monitoring/quarter", quarter, .fr)
        #expect(
            french.contains(
                "12 individus ont été identifiés aux points de suivi des flux (FMP) d'Ansongo et de Gao, dont aucun rentrant et 12 sortants, soit une moyenne de moins d'un individu par jour."
            ), Comment(rawValue: french))
    }

    /// A month without figures gives the latest ones; in French without "de" before a figure.
    @Test(arguments: ["returnee-movements/summary", "returnee-movements/dtm", "returnee-movements/idps-niger"])
    func theLatestFiguresOfAnEarlierMonth(_ template: String) throws {
        let facts: [String: FactValue] = [
            "period": .month(Period(iso: "2017-03")!), "latest_report_date": .date(day("2017-02-28")), "latest_total": .count(1),
            "population": .label(Label(en: "returnees", fr: "rapatriés")),
            "population_singular": .label(Label(en: "returnee", fr: "rapatrié")), "previous_is_older": .flag(false),
        ]
        #expect(try render(template, facts, .en).contains("The latest, as of 28 February 2017, counted 1 returnee."))
        let french = try render(template, facts, .fr)
        #expect(french.contains("Au 28 février 2017, date des derniers chiffres, "), Comment(rawValue: french))
        #expect(french.contains(" avait comptabilisé 1 rapatrié.") || french.contains(" avaient comptabilisé 1 rapatrié."))
        #expect(!french.contains("de 1 "))
    }

    /// A snapshot whose last counts are years older than its period says so first, in the past.
    @Test func oldDataAreSaidToBeOld() throws {
        var facts = snapshotZeroAndOne
        facts["period"] = .month(Period(iso: "2020-08")!)
        facts["data_through"] = .date(day("2017-04-30"))
        facts["data_is_old"] = .flag(true)
        let english = try render("flow-monitoring/snapshot", facts, .en)
        #expect(english.hasPrefix("# Title\n\nNo flow monitoring data have been collected since 30 April 2017. Cumulative figures since"))
        let french = try render("flow-monitoring/snapshot", facts, .fr)
        #expect(
            french.hasPrefix(
                "# Title\n\nAucune donnée de suivi des flux n'a été collectée depuis le 30 avril 2017. Chiffres cumulés depuis"))
        facts["data_is_old"] = .flag(false)
        #expect(!(try render("flow-monitoring/snapshot", facts, .en)).contains("have been collected"))
    }

    /// No rendered sentence of these cases starts with a digit.
    @Test func noSentenceStartsWithADigit() throws {
        let cases: [(String, [String: FactValue])] = [
            ("flow-monitoring/snapshot", snapshotZeroAndOne),
            ("returnee-movements/dtm", stockFacts(total: 1, regions: ["Gao"], regionCount: 1)),
            ("returnee-movements/idps-niger", stockFacts(total: 1, regions: ["Gao"], regionCount: 1)),
            (
                "situation-report/sitrep-niger",
                sitrepSummary(
                    [cause("following floods", "suite aux inondations", 2, first: true, last: false),
                     cause("for other reasons", "pour d'autres raisons", 1, first: false, last: true)], newIDPs: 3, estimated: false)
            ),
        ]
        for (path, facts) in cases {
            for language in Language.allCases {
                let text = try render(path, facts, language)
                #expect(text.firstMatch(of: #/(^|[.!?] )[0-9]/#.anchorsMatchLineEndings()) == nil, Comment(rawValue: text))
            }
        }
    }

    /// Every text the shipped run and the plugin examples write (their golden files, which the
    /// end-to-end tests keep equal to what the templates produce): no sentence starts with a
    /// figure.
    @Test func noWrittenReportStartsASentenceWithADigit() throws {
        let manager = FileManager.default
        var texts: [String] = []
        for folder in ["Tests/EndToEndTests/Golden", "Plugins"] {
            let root = Repository.url(folder)
            for path in try manager.subpathsOfDirectory(atPath: root.path)
            where path.hasSuffix(".md") && path.split(separator: "/").last?.hasPrefix("report.") == true {
                texts.append(path)
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                let starts = text.matches(of: #/(^|[.!?] )[0-9][^.\n]*/#.anchorsMatchLineEndings()).map { String($0.output.0) }
                #expect(starts.isEmpty, "\(folder)/\(path): \(starts)")
            }
        }
        #expect(texts.count >= 40)
    }
}
