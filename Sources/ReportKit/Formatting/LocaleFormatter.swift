import Foundation

/// Numbers, percents, dates and lists written the way each report language writes them.
///
/// Everything goes through Foundation's FormatStyles with an explicit locale, the Gregorian
/// calendar and the UTC time zone, so that the output never depends on the machine. The
/// locales are `en_GB` and `fr_FR`: `en_GB` because British English writes dates day first
/// (`30 April 2017`, as DTM reports do) and lists without a serial comma
/// (`Gao, Benena and Ménaka`), while grouping digits like American English (`58,315`).
///
/// What Foundation emits (swift-corelibs-foundation / ICU, checked by the tests):
///
/// | | English (`en_GB`) | French (`fr_FR`) |
/// |---|---|---|
/// | count | `58,315` | `58\u{202F}315` (narrow no-break space) |
/// | percent | `96%` | `96\u{00A0}%` (no-break space) |
/// | date | `30 April 2017` | `30 avril 2017` (lower-case month) |
/// | list | `Gao, Benena and Ménaka` | `Gao, Benena et Ménaka` |
///
/// Two things are not Foundation's: French writes the first day of a month as an ordinal,
/// `1er avril 2017`, which no CLDR date pattern expresses (the day field is numeric only), so
/// that one rule is applied after formatting; and `of_month_year` elides French `de` before a
/// vowel (`d'avril 2017`), which is grammar rather than formatting. The date-range phrases
/// (`between 22 and 28 February`) are report wording built from formatted parts.
///
/// The FormatStyles are built once per language and shared: building them per value costs far
/// more than formatting.
public struct LocaleFormatter: Sendable {
    /// The language this formatter writes.
    public let language: Language

    private var styles: Styles {
        switch language {
        case .en: Styles.english
        case .fr: Styles.french
        }
    }

    /// A formatter for `language`; cheap, the styles behind it are shared.
    public init(language: Language) {
        self.language = language
    }

    /// The locale used for `language`: `en_GB` or `fr_FR`.
    public var locale: Locale { styles.locale }

    // MARK: Numbers

    /// A whole number with the language's grouping: `58,315` / `58 315` (U+202F).
    public func count(_ value: Int) -> String {
        value.formatted(styles.count)
    }

    /// A whole number in words from zero to ten, as style guides want small numbers written
    /// (`one displacement event`, `un déplacement`, `une personne`), and in digits from eleven
    /// on (`count`). The words are ICU's spelled-out numbers for the locale; French `un` becomes
    /// `une` before a feminine noun, the one word of zero to ten that has a gender.
    public func countInWords(_ value: Int, feminine: Bool = false) -> String {
        guard (0...10).contains(value) else { return count(value) }
        let word = styles.wordsZeroToTen[value]
        return feminine && language == .fr && value == 1 ? "une" : word
    }

    /// A fraction as a percent (0.96 → `96%` / `96 %` with U+00A0), rounded half-even to
    /// `fractionDigits` decimals (0 or 1; other values are clamped to that range).
    public func percent(_ fraction: Double, fractionDigits: Int = 0) -> String {
        fraction.formatted(fractionDigits >= 1 ? styles.percentOneDecimal : styles.percentWhole)
    }

    /// A number with `fractionDigits` digits after the decimal sign (0 to 6), rounded half away
    /// from zero, with the language's grouping and decimal sign: `1,234.5` / `1 234,5`.
    public func decimal(_ value: Double, fractionDigits: Int) -> String {
        let digits = min(max(fractionDigits, 0), DecimalCell.fractionDigits)
        return value.formatted(styles.decimal.precision(.fractionLength(digits)))
    }

    // MARK: Dates

    /// The full date: `30 April 2017` / `30 avril 2017`, `1er avril 2017`.
    public func date(_ day: Day) -> String {
        firstOfMonth(day.date.formatted(styles.full), day: day)
    }

    /// Day and month: `30 April` / `30 avril`, `1er avril`.
    public func dayMonth(_ day: Day) -> String {
        firstOfMonth(day.date.formatted(styles.dayMonth), day: day)
    }

    /// The day of the month alone: `30`; the first is `1` / `1er`.
    public func dayOfMonth(_ day: Day) -> String {
        firstOfMonth(day.date.formatted(styles.day), day: day)
    }

    /// The month's name: `April` / `avril`.
    public func monthName(_ period: Period) -> String {
        period.firstDay.date.formatted(styles.monthName)
    }

    /// Month and year: `April 2017` / `avril 2017`.
    public func monthYear(_ period: Period) -> String {
        period.firstDay.date.formatted(styles.monthYear)
    }

    /// "Of" month and year, to follow a noun: `of April 2017`; French `de février 2017` and,
    /// before a vowel, `d'avril 2017`, `d'août 2017`, `d'octobre 2016` (straight apostrophe, as
    /// the rest of the templates write it).
    public func ofMonthYear(_ period: Period) -> String {
        let monthYear = monthYear(period)
        switch language {
        case .en:
            return "of " + monthYear
        case .fr:
            // Elision before a vowel sound. Of the French month names only avril, août and
            // octobre start with a vowel, and none with a mute h, so the first letter decides.
            let first = monthYear.first.map { String($0).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) }
            return (first.map { "aeiouy".contains($0) } ?? false) ? "d'" + monthYear : "de " + monthYear
        }
    }

    /// The year as the language writes it in dates: `2017` (never grouped).
    public func year(_ period: Period) -> String {
        period.firstDay.date.formatted(styles.year)
    }

    /// Two days (both included) as a phrase that fits in a sentence:
    ///
    /// | | English | French |
    /// |---|---|---|
    /// | same day | `on 22 February` | `le 22 février` |
    /// | same month | `between 22 and 28 February` | `entre le 22 et le 28 février` |
    /// | same year | `from 28 January to 3 February` | `du 28 janvier au 3 février` |
    /// | across years | `from 28 December 2016 to 3 January 2017` | `du 28 décembre 2016 au 3 janvier 2017` |
    ///
    /// The year is left out within one year: the sentence around it names the period. The days
    /// are written as given; a plugin passes `start <= end`.
    public func dateRange(_ start: Day, _ end: Day) -> String {
        let sameYear = start.year == end.year
        let sameMonth = sameYear && start.month == end.month
        switch (language, start == end, sameMonth, sameYear) {
        case (.en, true, _, _): return "on \(dayMonth(start))"
        case (.en, false, true, _): return "between \(dayOfMonth(start)) and \(dayMonth(end))"
        case (.en, false, false, true): return "from \(dayMonth(start)) to \(dayMonth(end))"
        case (.en, false, false, false): return "from \(date(start)) to \(date(end))"
        case (.fr, true, _, _): return "le \(dayMonth(start))"
        case (.fr, false, true, _): return "entre le \(dayOfMonth(start)) et le \(dayMonth(end))"
        case (.fr, false, false, true): return "du \(dayMonth(start)) au \(dayMonth(end))"
        case (.fr, false, false, false): return "du \(date(start)) au \(date(end))"
        }
    }

    // MARK: Lists

    /// Names joined in the language's list style: `Gao`, `Gao and Benena`,
    /// `Gao, Benena and Ménaka` (no serial comma in `en_GB`) / `Gao et Benena`,
    /// `Gao, Benena et Ménaka`. An empty list is an empty string.
    public func list(_ names: [String]) -> String {
        names.formatted(styles.list)
    }

    /// The preposition a list of places takes.
    public enum ListPreposition: Sendable {
        /// `of Gao and Benena` / `de Gao et de Benena`, `d'Ansongo et de Gao`.
        case of
        /// `in Gao and Benena` / `à Gao et à Benena`.
        case `in`
    }

    /// Names after a preposition, as each language writes it: English says it once
    /// (`of Ansongo and Gao`), French repeats it before each name (`d'Ansongo et de Gao`,
    /// `à Gao et à Benena`), with `de` elided before a vowel. An empty list is an empty string.
    ///
    /// The elision follows the written first letter: a vowel, accented or not, elides; `h` and
    /// `y` do not, since the place names of the region read them as consonants (`de Hombori`,
    /// `de Yélimané`).
    public func list(_ names: [String], each preposition: ListPreposition) -> String {
        guard !names.isEmpty else { return "" }
        switch (language, preposition) {
        case (.en, .of): return "of " + list(names)
        case (.en, .in): return "in " + list(names)
        case (.fr, .of): return list(names.map { Self.startsWithVowel($0) ? "d'" + $0 : "de " + $0 })
        case (.fr, .in): return list(names.map { "à " + $0 })
        }
    }

    private static func startsWithVowel(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        let base = String(first).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return "aeiou".contains(base)
    }

    // MARK: Text

    /// `text` with its first letter in upper case, by the language's rules, to start a
    /// sentence: `between 22…` → `Between 22…`, `entre le 22…` → `Entre le 22…`.
    public func capitalizingFirstLetter(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first).uppercased(with: locale) + text.dropFirst()
    }

    /// French writes the first day of a month as the ordinal `1er`; CLDR date patterns only
    /// have a numeric day, so the formatted `1` that starts the text gets its suffix here.
    /// This is the one step of date formatting done after Foundation.
    private func firstOfMonth(_ formatted: String, day: Day) -> String {
        guard language == .fr, day.day == 1, formatted.hasPrefix("1") else { return formatted }
        let rest = formatted.dropFirst()
        guard rest.first.map({ !$0.isNumber }) ?? true else { return formatted }
        return "1er" + rest
    }
}

/// The FormatStyles of one language, built once.
private struct Styles: Sendable {
    let locale: Locale
    let count: IntegerFormatStyle<Int>
    let percentWhole: FloatingPointFormatStyle<Double>.Percent
    let percentOneDecimal: FloatingPointFormatStyle<Double>.Percent
    let decimal: FloatingPointFormatStyle<Double>
    let full: Date.FormatStyle
    let dayMonth: Date.FormatStyle
    let day: Date.FormatStyle
    let monthName: Date.FormatStyle
    let monthYear: Date.FormatStyle
    let year: Date.FormatStyle
    let list: ListFormatStyle<StringStyle, [String]>
    /// "zero" to "ten" / "zéro" to "dix", spelled out once by ICU (`NumberFormatter` is not
    /// `Sendable`, so the words are kept rather than the formatter).
    let wordsZeroToTen: [String]

    static let english = Styles(localeIdentifier: "en_GB")
    static let french = Styles(localeIdentifier: "fr_FR")

    init(localeIdentifier: String) {
        let locale = Locale(identifier: localeIdentifier)
        let utc = TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        calendar.locale = locale
        self.locale = locale
        count = IntegerFormatStyle<Int>(locale: locale)
        percentWhole = FloatingPointFormatStyle<Double>.Percent(locale: locale).precision(.fractionLength(0))
        percentOneDecimal = FloatingPointFormatStyle<Double>.Percent(locale: locale).precision(.fractionLength(1))
        decimal = FloatingPointFormatStyle<Double>(locale: locale).rounded(rule: .toNearestOrAwayFromZero)
        let base = Date.FormatStyle(date: .omitted, time: .omitted, locale: locale, calendar: calendar, timeZone: utc)
        full = base.day().month(.wide).year()
        dayMonth = base.day().month(.wide)
        day = base.day()
        monthName = base.month(.wide)
        monthYear = base.month(.wide).year()
        year = base.year()
        list = ListFormatStyle<StringStyle, [String]>.list(type: .and).locale(locale)
        let spellOut = NumberFormatter()
        spellOut.locale = locale
        spellOut.numberStyle = .spellOut
        wordsZeroToTen = (0...10).map { spellOut.string(from: NSNumber(value: $0)) ?? String($0) }
    }
}
