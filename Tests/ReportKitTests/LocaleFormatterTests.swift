import Testing
import ReportKit

/// Exact strings, with the space characters Foundation emits written as escapes: a test that
/// compared with a plain space would pass on nothing and fail on everything.
@Suite struct LocaleFormatterTests {
    let en = LocaleFormatter(language: .en)
    let fr = LocaleFormatter(language: .fr)

    private func day(_ iso: String) -> Day { Day(iso: iso)! }
    private func month(_ iso: String) -> Period { Period(iso: iso)! }

    @Test func localesAreExplicit() {
        #expect(en.locale.identifier == "en_GB")
        #expect(fr.locale.identifier == "fr_FR")
    }

    @Test func countsGroupDigits() {
        #expect(en.count(58_315) == "58,315")
        #expect(fr.count(58_315) == "58\u{202F}315")  // narrow no-break space, as fr_FR gives
        #expect(fr.count(1_000_000) == "1\u{202F}000\u{202F}000")
        #expect(en.count(907) == "907")
        #expect(fr.count(0) == "0")
        #expect(en.count(-1_190) == "-1,190")
    }

    @Test func percentsAreWholeByDefault() {
        #expect(en.percent(0.96) == "96%")
        #expect(fr.percent(0.96) == "96\u{00A0}%")  // no-break space (U+00A0) before %, not U+202F
        #expect(en.percent(0.05) == "5%")
        #expect(en.percent(1) == "100%")
        #expect(en.percent(0.0158, fractionDigits: 1) == "1.6%")
        #expect(fr.percent(0.0158, fractionDigits: 1) == "1,6\u{00A0}%")
    }

    @Test func pluralRules() {
        #expect(PluralRule.category(of: 0, in: .fr) == .one)
        #expect(PluralRule.category(of: 1, in: .fr) == .one)
        #expect(PluralRule.category(of: 2, in: .fr) == .other)
        #expect(PluralRule.category(of: 1_000_000, in: .fr) == .other)
        #expect(PluralRule.category(of: 0, in: .en) == .other)
        #expect(PluralRule.category(of: 1, in: .en) == .one)
        #expect(PluralRule.category(of: 2, in: .en) == .other)
        #expect(PluralRule.category(of: -1, in: .en) == .one)
        #expect(PluralRule.category(of: -2, in: .fr) == .other)
    }

    @Test func fullDates() {
        #expect(en.date(day("2017-04-30")) == "30 April 2017")
        #expect(fr.date(day("2017-04-30")) == "30 avril 2017")
        #expect(en.date(day("2016-10-31")) == "31 October 2016")
        #expect(fr.date(day("2016-10-31")) == "31 octobre 2016")
        #expect(en.date(day("2017-04-01")) == "1 April 2017")
        #expect(fr.date(day("2017-04-01")) == "1er avril 2017")
        #expect(fr.date(day("2017-08-01")) == "1er août 2017")
        #expect(fr.date(day("2017-04-10")) == "10 avril 2017")  // only the 1st is an ordinal
        #expect(en.date(day("2016-02-29")) == "29 February 2016")
    }

    @Test func frenchMonthsAreLowerCase() {
        let names = [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre",
        ]
        for (index, name) in names.enumerated() {
            #expect(fr.monthName(Period(year: 2017, month: index + 1)!) == name)
        }
        #expect(en.monthName(month("2017-02")) == "February")
    }

    @Test func dateParts() {
        #expect(en.dayMonth(day("2017-04-30")) == "30 April")
        #expect(fr.dayMonth(day("2017-04-30")) == "30 avril")
        #expect(fr.dayMonth(day("2017-04-01")) == "1er avril")
        #expect(en.dayOfMonth(day("2017-04-01")) == "1")
        #expect(fr.dayOfMonth(day("2017-04-01")) == "1er")
        #expect(fr.dayOfMonth(day("2017-04-22")) == "22")
        #expect(en.monthYear(month("2017-04")) == "April 2017")
        #expect(fr.monthYear(month("2017-04")) == "avril 2017")
        #expect(en.year(month("2017-04")) == "2017")
        #expect(fr.year(month("2017-04")) == "2017")
    }

    @Test func ofMonthYearElidesBeforeVowels() {
        #expect(en.ofMonthYear(month("2017-04")) == "of April 2017")
        #expect(fr.ofMonthYear(month("2017-02")) == "de février 2017")
        #expect(fr.ofMonthYear(month("2017-04")) == "d'avril 2017")
        #expect(fr.ofMonthYear(month("2017-08")) == "d'août 2017")
        #expect(fr.ofMonthYear(month("2016-10")) == "d'octobre 2016")
        #expect(fr.ofMonthYear(month("2016-09")) == "de septembre 2016")
        #expect(fr.ofMonthYear(month("2016-12")) == "de décembre 2016")
    }

    @Test func dateRangesInFourForms() {
        // Same day.
        #expect(en.dateRange(day("2017-02-22"), day("2017-02-22")) == "on 22 February")
        #expect(fr.dateRange(day("2017-02-22"), day("2017-02-22")) == "le 22 février")
        #expect(fr.dateRange(day("2017-02-01"), day("2017-02-01")) == "le 1er février")
        // Same month.
        #expect(en.dateRange(day("2017-02-22"), day("2017-02-28")) == "between 22 and 28 February")
        #expect(fr.dateRange(day("2017-02-22"), day("2017-02-28")) == "entre le 22 et le 28 février")
        #expect(fr.dateRange(day("2017-02-01"), day("2017-02-07")) == "entre le 1er et le 7 février")
        // Across months of one year.
        #expect(en.dateRange(day("2017-01-28"), day("2017-02-03")) == "from 28 January to 3 February")
        #expect(fr.dateRange(day("2017-01-28"), day("2017-02-03")) == "du 28 janvier au 3 février")
        #expect(fr.dateRange(day("2017-01-28"), day("2017-02-01")) == "du 28 janvier au 1er février")
        // Across years.
        #expect(en.dateRange(day("2016-12-28"), day("2017-01-03")) == "from 28 December 2016 to 3 January 2017")
        #expect(fr.dateRange(day("2016-12-28"), day("2017-01-03")) == "du 28 décembre 2016 au 3 janvier 2017")
        // Same month number in different years is not "the same month".
        #expect(en.dateRange(day("2016-02-22"), day("2017-02-28")) == "from 22 February 2016 to 28 February 2017")
    }

    @Test func lists() {
        #expect(en.list([]) == "")
        #expect(en.list(["Gao"]) == "Gao")
        #expect(fr.list(["Gao"]) == "Gao")
        #expect(en.list(["Gao", "Benena"]) == "Gao and Benena")
        #expect(fr.list(["Gao", "Benena"]) == "Gao et Benena")
        // en_GB: no serial (Oxford) comma; en_US would give "Gao, Benena, and Ménaka".
        #expect(en.list(["Gao", "Benena", "Ménaka"]) == "Gao, Benena and Ménaka")
        #expect(fr.list(["Gao", "Benena", "Ménaka"]) == "Gao, Benena et Ménaka")
    }

    @Test func capitalizingFirstLetter() {
        #expect(en.capitalizingFirstLetter("between 22 and 28 February") == "Between 22 and 28 February")
        #expect(fr.capitalizingFirstLetter("entre le 22 et le 28 février") == "Entre le 22 et le 28 février")
        #expect(fr.capitalizingFirstLetter("été") == "Été")
        #expect(fr.capitalizingFirstLetter("") == "")
    }
}
