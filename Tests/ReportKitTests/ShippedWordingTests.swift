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
        let cases: [(String, [String: FactValue])] = [("flow-monitoring/snapshot", snapshotZeroAndOne)]
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
