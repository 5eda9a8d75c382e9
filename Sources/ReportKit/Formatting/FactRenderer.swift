import Mustache

/// A fact formatted for one language, as a template sees it: `{{total}}` prints `text`,
/// `{{total.one}}` reads a child.
///
/// Mustache asks a value either for its text (`MustacheCustomRenderable`) or for a child by
/// name (`MustacheParent`); a plain dictionary could only do the second, a string only the
/// first. A section over it (`{{#previous_total}}…{{/previous_total}}`) always renders, since
/// an absent fact is left out of the context rather than made "empty".
public struct RenderedFact: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    /// What `{{fact}}` prints.
    public let text: String
    /// What `{{fact.name}}` reads: text, `Bool`, another `RenderedFact` or an array of
    /// dictionaries; exactly the names `FactKind.children` documents.
    public let children: [String: Any]

    /// A fact printing `text`, with `children`.
    public init(text: String, children: [String: Any] = [:]) {
        self.text = text
        self.children = children
    }

    /// The child called `name`, or nil so that Mustache keeps looking in the enclosing scopes.
    public func child(named name: String) -> Any? { children[name] }

    /// The main text, unescaped (templates are plain text).
    public var renderText: String { text }

    /// Never null: absent facts are not in the context at all.
    public var isNull: Bool { false }

    /// The main text.
    public var description: String { text }
}

/// Turns a plugin's facts into the object a Mustache template renders, for one language.
///
/// Each fact becomes what `FactKind.children` promises: a `RenderedFact` with its main text and
/// children for the kinds that print, a `Bool` for a flag, an array of record contexts for
/// records. An optional fact that is absent is simply not in the dictionary.
public struct FactRenderer: Sendable {
    /// The language facts are written in.
    public let language: Language
    private let formatter: LocaleFormatter

    /// A renderer for `language`.
    public init(language: Language) {
        self.language = language
        self.formatter = LocaleFormatter(language: language)
    }

    /// The Mustache context for `facts`: one entry per fact, keyed by the fact's name.
    public func context(_ facts: [String: FactValue]) -> [String: Any] {
        facts.mapValues(value)
    }

    /// One fact as a template sees it.
    public func value(_ fact: FactValue) -> Any {
        switch fact {
        case .count(let value):
            return count(value)
        case .percent(let fraction):
            // `none` and `all` are exact: 0.4 % prints `0%` but is not none, and the sentence for
            // "none" or "all" must never be written for a share that only rounds to it.
            return RenderedFact(
                text: formatter.percent(fraction),
                children: ["raw": String(fraction), "none": fraction == 0, "all": fraction == 1])
        case .decimal(let value, let digits):
            return RenderedFact(
                text: formatter.decimal(value, fractionDigits: digits),
                children: ["raw": MachineNumber.text(value, fractionDigits: digits), "zero": value == 0])
        case .date(let day):
            return date(day)
        case .month(let period):
            return RenderedFact(text: formatter.monthYear(period), children: monthChildren(period))
        case .dateRange(let start, let end):
            let phrase = formatter.dateRange(start, end)
            return RenderedFact(
                text: phrase,
                children: [
                    "capitalized": formatter.capitalizingFirstLetter(phrase),
                    "start": date(start),
                    "end": date(end),
                    "days": count(start.daysThrough(end)),
                ])
        case .list(let labels):
            let names = labels.map { $0[language] }
            return RenderedFact(
                text: formatter.list(names),
                children: [
                    "count": count(names.count),
                    "one": names.count == 1,
                    "other": names.count != 1,
                    "items": names.map { ["name": $0] },
                    // An empty list has no first name; printing nothing is the least surprising.
                    "first": names.first ?? "",
                    "of_each": formatter.list(names, each: .of),
                    "in_each": formatter.list(names, each: .in),
                ])
        case .change(let difference, let relative):
            let absolute = formatter.count(Int(difference.magnitude))
            let plural = PluralRule.category(of: difference, in: language)
            var children: [String: Any] = [
                "abs": absolute,
                "increase": difference > 0,
                "decrease": difference < 0,
                "unchanged": difference == 0,
                "one": plural == .one,
                "other": plural == .other,
            ]
            if let relative {
                children["percent"] = changePercent(relative)
            }
            return RenderedFact(text: absolute, children: children)
        case .label(let label):
            return RenderedFact(text: label[language])
        case .flag(let value):
            return value
        case .records(let records):
            return records.map(context)
        }
    }

    /// The relative change, unsigned (the wording says which way): one decimal below 10 %
    /// (`1.6%` / `1,6 %`), where a whole percent would hide most of the change, and whole
    /// percents from 10 % up (`25%`). The threshold is applied to the rounded value, so 9.96 %
    /// reads `10%` rather than `10.0%`.
    private func changePercent(_ relative: Double) -> String {
        let magnitude = relative.magnitude
        let oneDecimal = (magnitude * 1000).rounded() < 100
        return formatter.percent(magnitude, fractionDigits: oneDecimal ? 1 : 0)
    }

    private func count(_ value: Int) -> RenderedFact {
        let plural = PluralRule.category(of: value, in: language)
        return RenderedFact(
            text: formatter.count(value),
            children: [
                "raw": String(value),
                "one": plural == .one,
                "other": plural == .other,
                "zero": value == 0,
                "in_words": formatter.countInWords(value),
                "in_words_feminine": formatter.countInWords(value, feminine: true),
            ])
    }

    private func date(_ day: Day) -> RenderedFact {
        var children = monthChildren(day.period)
        children["full"] = formatter.date(day)
        children["day_month"] = formatter.dayMonth(day)
        children["day"] = formatter.dayOfMonth(day)
        children["iso"] = day.iso
        return RenderedFact(text: formatter.date(day), children: children)
    }

    private func monthChildren(_ period: Period) -> [String: Any] {
        [
            "month_name": formatter.monthName(period),
            "month_year": formatter.monthYear(period),
            "of_month_year": formatter.ofMonthYear(period),
            "year": formatter.year(period),
            "iso": period.iso,
        ]
    }
}
