/// The languages reports are written in.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case en
    case fr

    public static func < (lhs: Language, rhs: Language) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A name with its English and French forms: a region, a country, a transport mode, a cause.
public struct Label: Sendable, Hashable, Codable {
    public var en: String
    public var fr: String

    public init(en: String, fr: String) {
        self.en = en
        self.fr = fr
    }

    /// A proper name that is written the same in both languages (`Tombouctou`, `Gao`).
    public init(_ name: String) {
        self.init(en: name, fr: name)
    }

    public subscript(language: Language) -> String {
        switch language {
        case .en: en
        case .fr: fr
        }
    }
}

/// A typed value a plugin computes, before any language is chosen.
///
/// The host turns each fact into text for each language (see `FactKind` for what templates can
/// read from each kind); the JSON output carries the raw value.
public enum FactValue: Sendable, Hashable {
    /// A whole number of people, households, points, days.
    case count(Int)
    /// A share, as a fraction (0.96 is 96 %).
    case percent(Double)
    /// A number that need not be whole (a mean, a sum of decimals), shown with `digits`
    /// digits after the decimal sign (`2.4` / `2,4`); the JSON document carries the value.
    case decimal(Double, digits: Int)
    /// A calendar day.
    case date(Day)
    /// A calendar month.
    case month(Period)
    /// Two days, both included, as in "between 22 and 28 February".
    case dateRange(Day, Day)
    /// Names to be joined in the language's list style ("Ménaka et Tombouctou").
    case list([Label])
    /// A signed difference, with the relative change when it is defined (nil when the base is 0).
    case change(Int, relative: Double?)
    /// One name in both languages.
    case label(Label)
    /// A yes/no that wording depends on (`estimated`, `uac_incomplete`).
    case flag(Bool)
    /// A list of records (events, for instance), each a set of facts declared by `FactSpec.fields`.
    case records([[String: FactValue]])

    /// The day of a date fact, nil for the other kinds.
    public var day: Day? {
        if case .date(let day) = self { return day }
        return nil
    }

    public var kind: FactKind {
        switch self {
        case .count: .count
        case .percent: .percent
        case .decimal: .decimal
        case .date: .date
        case .month: .month
        case .dateRange: .dateRange
        case .list: .list
        case .change: .change
        case .label: .label
        case .flag: .flag
        case .records: .records
        }
    }
}

/// The kinds of fact, each with the forms a template can use.
///
/// `{{total}}` renders a fact's main text; `{{total.one}}` and the other children listed in
/// `children` give the other forms and the flags that wording depends on.
public enum FactKind: String, Sendable, Hashable, CaseIterable, Codable {
    case count
    case percent
    case decimal
    case date
    case month
    case dateRange = "date_range"
    case list
    case change
    case label
    case flag
    case records

    /// The names a template can read below a fact of this kind, as `{{fact.child}}`, with one
    /// line of documentation each. `describe` prints them.
    public var children: KeyValuePairs<String, String> {
        switch self {
        case .count:
            ["raw": "digits without grouping (58315)", "one": "true when the language's plural rule says singular (French: 0 and 1)",
             "other": "true when plural", "zero": "true when the count is 0",
             "in_words": "zero to ten in words, digits above (one / un)",
             "in_words_feminine": "the same before a feminine noun (one / une)"]
        case .percent:
            ["raw": "the fraction as a decimal number (0.96)", "none": "true when the fraction is exactly 0",
             "all": "true when the fraction is exactly 1"]
        case .decimal:
            ["raw": "the number as shown, with a point and no grouping (2.4)", "zero": "true when the number is exactly 0"]
        case .date:
            ["full": "30 April 2017 / 30 avril 2017", "day_month": "30 April / 30 avril", "day": "30 (1st of the month: 1 / 1er)",
             "month_name": "April / avril", "month_year": "April 2017 / avril 2017", "of_month_year": "of April 2017 / d'avril 2017",
             "year": "2017", "iso": "2017-04-30"]
        case .month:
            ["month_name": "April / avril", "month_year": "April 2017 / avril 2017", "of_month_year": "of April 2017 / d'avril 2017",
             "year": "2017", "iso": "2017-04"]
        case .dateRange:
            ["capitalized": "the phrase with a capital first letter, to start a sentence", "start": "the first day (a date)",
             "end": "the last day (a date)", "days": "calendar days from start to end, both included (a count)"]
        case .list:
            ["count": "how many names (a count)", "one": "true when there is one name", "other": "true when there are several names",
             "items": "the names, to iterate with {{#fact.items}}{{name}}{{/fact.items}}", "first": "the first name",
             "of_each": "the names after 'of', repeated in French: of Ansongo and Gao / d'Ansongo et de Gao",
             "in_each": "the names after 'in', repeated in French: in Gao and Benena / à Gao et à Benena"]
        case .change:
            ["abs": "the absolute difference (907)", "increase": "true when the value went up", "decrease": "true when it went down",
             "unchanged": "true when it did not change", "one": "true when the absolute difference is singular",
             "other": "true when it is plural", "percent": "the absolute relative change (1.6% / 1,6 %), absent when the base is 0"]
        case .label, .flag, .records:
            [:]
        }
    }

    /// Whether `{{fact}}` itself prints something. Flags and records are only for sections.
    public var rendersAsText: Bool {
        switch self {
        case .flag, .records: false
        default: true
        }
    }
}

/// A fact a plugin declares: templates may only use declared facts, and the host checks that
/// a plugin's results match its declarations.
public struct FactSpec: Sendable, Hashable {
    public var name: String
    public var kind: FactKind
    /// One line for coordinators: what the value means and where it comes from.
    public var documentation: String
    /// An optional fact may be absent (no earlier report date, households not collected);
    /// templates use it inside `{{#fact}}…{{/fact}}` and say what applies otherwise in `{{^fact}}`.
    public var isOptional: Bool
    /// For `records`: the facts each record holds.
    public var fields: [FactSpec]

    public init(_ name: String, _ kind: FactKind, _ documentation: String, optional: Bool = false, fields: [FactSpec] = []) {
        self.name = name
        self.kind = kind
        self.documentation = documentation
        self.isOptional = optional
        self.fields = fields
    }
}
