import Foundation
import ReportKit

/// COVID-19 mobility impact: the operational status of points of entry (PoEs) at the period's
/// assessment, and what changed since the one before.
///
/// For the period, each PoE counts with its latest assessment inside the period (a month may
/// hold two biweekly rounds); `assessment_date` is the latest of those dates. Each PoE is
/// compared with its own latest earlier assessment, inside or before the period;
/// `previous_assessment_date` is the latest assessment of any PoE before `assessment_date` (the
/// round before), and a PoE that changed since an older assessment of its own is named with
/// that date in `reopened_earlier` / `closed_earlier`, so that the text never dates its change
/// to a round it was not part of.
public enum CovidMobilityPlugin: ReportPlugin {
    static let earlierFields: [FactSpec] = [
        FactSpec("name", .label, "The PoE's name."),
        FactSpec("previous_date", .date, "Its own previous assessment."),
    ]
    static let statusFields: [FactSpec] = [
        FactSpec("count", .count, "PoEs in that status."),
        FactSpec("share", .percent, "Their share of the PoEs assessed, a whole percent (largest remainder: the shares add up to 100 %)."),
        FactSpec("label_one", .label, "The status for a count whose plural category is `one` (the `singular` form of vocabulary `poe-statuses`)."),
        FactSpec("label_other", .label, "The status for a plural count (the `plural` form of vocabulary `poe-statuses`)."),
        FactSpec("is_first", .flag, "True for the first status listed."),
        FactSpec("is_last", .flag, "True for the last status listed."),
    ]

    static var typeFacts: [FactSpec] {
        PoEType.allCases.flatMap { type in
            [FactSpec("\(type.rawValue)_assessed", .count, "PoEs of type `\(type.rawValue)` assessed.", optional: true)]
                + PoEStatus.allCases.map { status in
                    FactSpec("\(type.rawValue)_\(status.rawValue)", .count,
                             "PoEs of type `\(type.rawValue)` whose status is `\(status.rawValue)`.", optional: true)
                }
        }
    }

    public static let description = PluginDescription(
        id: "covid-mobility",
        name: Label(en: "COVID-19 mobility impact", fr: "Impact de la COVID-19 sur la mobilité"),
        summary: "Points of entry by operational status at an assessment, with those that reopened or closed since the previous one.",
        inputs: [
            InputSpec(
                name: "poes",
                conventionalFileName: "poe_status.csv",
                documentation: "Points of entry and their operational status at each assessment.",
                columns: [PoERows.assessmentDate, PoERows.code, PoERows.name, PoERows.type, PoERows.adm1Code, PoERows.neighbourCountry,
                          PoERows.status, PoERows.restriction],
                periodColumn: PoERows.assessmentDate
            ),
        ],
        parameters: Parameters.specs,
        facts: [
            FactSpec("has_assessment", .flag, "True when a PoE of the selected types was assessed in the period."),
            FactSpec("latest_assessment_date", .date, "When the period has no assessment: the latest one before it, if any.", optional: true),
            FactSpec("assessment_date", .date, "The latest assessment date in the period (each PoE counts with its latest assessment in the period).", optional: true),
            FactSpec("poes_assessed", .count, "PoEs assessed in the period.", optional: true),
        ] + PoEStatus.allCases.flatMap { status in
            [
                FactSpec(status.rawValue, .count, "PoEs whose latest status in the period is `\(status.rawValue)`.", optional: true),
                FactSpec("\(status.rawValue)_share", .percent,
                         "Their share of the PoEs assessed, rounded to a whole percent by the largest-remainder method so that the four shares add up to 100 %; the JSON carries this rounded share (0.59), not the exact fraction.",
                         optional: true),
            ]
        } + [
            FactSpec("statuses", .records, "The statuses with at least one PoE, in the order fully_closed, partially_operational, fully_operational, unknown; a status with no PoE is left out.",
                     optional: true, fields: statusFields),
        ] + typeFacts + [
            FactSpec("main_restriction", .label, "The most frequent restriction other than `none` at the PoEs assessed, article included (vocabulary `restrictions`); ties go to the earlier one in the column's list; absent when every PoE has `none`.", optional: true),
            FactSpec("main_restriction_count", .count, "PoEs with the most frequent restriction.", optional: true),
            FactSpec("previous_assessment_date", .date, "The latest assessment of any PoE before assessment_date (each PoE is still compared with its own latest earlier assessment); absent when no PoE assessed now was assessed before.", optional: true),
            FactSpec("reopened_earlier", .records, "The PoEs of `reopened` whose own previous assessment is older than previous_assessment_date, with that date.", optional: true, fields: earlierFields),
            FactSpec("closed_earlier", .records, "The PoEs of `closed` whose own previous assessment is older than previous_assessment_date, with that date.", optional: true, fields: earlierFields),
            FactSpec("reopened", .list, "PoEs whose status rose since their previous assessment (fully_closed < partially_operational < fully_operational), by name.", optional: true),
            FactSpec("reopened_count", .count, "How many PoEs reopened.", optional: true),
            FactSpec("closed", .list, "PoEs whose status fell since their previous assessment, by name. A change from or to `unknown` is no change.", optional: true),
            FactSpec("closed_count", .count, "How many PoEs closed.", optional: true),
            FactSpec("first_assessed", .list, "PoEs assessed for the first time, by name: neither reopened nor closed.", optional: true),
            FactSpec("first_assessed_count", .count, "How many PoEs were assessed for the first time.", optional: true),
        ],
        tables: [
            TableSpec("poe_status", "Each PoE assessed in the period: its latest status in the period and the one before.", columns: [
                TableColumnSpec("poe_code", hxl: "#loc+code", "The PoE's id."),
                TableColumnSpec("poe_name", hxl: "#loc+name", "The PoE's name."),
                TableColumnSpec("type", hxl: "#loc+type", "airport, land_border, blue_border or internal_transit."),
                TableColumnSpec("adm1_code", hxl: "#adm1+code", "Region P-code."),
                TableColumnSpec("neighbour_country", hxl: "#country+code+dest", "ISO3 code of the neighbouring country; empty when none."),
                TableColumnSpec("status", hxl: "#status", "Status at the PoE's latest assessment in the period."),
                TableColumnSpec("previous_status", hxl: "#status+previous", "Status at its latest earlier assessment; empty when none."),
                TableColumnSpec("change", hxl: "#status+change", "reopened, closed, unchanged (also from or to unknown) or new (first assessment)."),
                TableColumnSpec("restriction", hxl: "#access+type", "The main restriction at the latest assessment."),
            ]),
            TableSpec("status_by_type", "PoEs assessed in the period by type and status, one row per selected type.", columns: [
                TableColumnSpec("type", hxl: "#loc+type", "The PoE type."),
                TableColumnSpec("label_en", hxl: "#loc+type+name+i_en", "The type in English (plural, vocabulary `poe-types`)."),
                TableColumnSpec("label_fr", hxl: "#loc+type+name+i_fr", "The type in French (plural, vocabulary `poe-types`)."),
            ] + PoEStatus.allCases.map { status in
                TableColumnSpec(status.rawValue, hxl: "#loc+num+\(status.rawValue)", "PoEs of this type whose status is \(status.rawValue).")
            }),
        ],
        vocabularies: [PoEType.vocabulary, PoEStatus.vocabulary, Restriction.vocabulary]
    )

    public static func makeInputs(parameters: Parameters, period: Period?) -> Assessments {
        Assessments(types: parameters.types, period: period)
    }

    public static func run(inputs: Assessments, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        let types = vocabularies[PoEType.vocabulary.name], statuses = vocabularies[PoEStatus.vocabulary.name]
        let restrictions = vocabularies[Restriction.vocabulary.name]
        let history = try AssessmentHistory(inputs, period: period)
        var facts: [String: FactValue] = [:]
        let current = history.poes.compactMap { poe in poe.latest(in: period).map { (poe, $0) } }

        guard !current.isEmpty else {
            facts["has_assessment"] = .flag(false)
            if let latest = history.dates.latest(before: period) {
                facts["latest_assessment_date"] = .date(latest)
            }
            return ReportResult(
                facts: facts, tables: ["poe_status": ResultTable(rows: []), "status_by_type": statusByType([], types: parameters.types, words: types)],
                dataThrough: facts["latest_assessment_date"]?.day)
        }

        facts["has_assessment"] = .flag(true)
        facts["assessment_date"] = .date(current.map { $0.1.date }.max()!)
        facts["poes_assessed"] = .count(current.count)

        // Statuses: counts, shares that add up to 100, and the records the sentence lists.
        let counts = PoEStatus.allCases.map { status in current.count { $0.1.status == status } }
        let percents = largestRemainderPercents(counts)
        var listed: [[String: FactValue]] = []
        for (index, status) in PoEStatus.allCases.enumerated() {
            facts[status.rawValue] = .count(counts[index])
            facts["\(status.rawValue)_share"] = .percent(Double(percents[index]) / 100)
            guard counts[index] > 0 else { continue }
            listed.append([
                "count": .count(counts[index]), "share": .percent(Double(percents[index]) / 100),
                "label_one": .label(statuses.label(status.rawValue, "singular")!),
                "label_other": .label(statuses.label(status.rawValue, "plural")!),
                "is_first": .flag(listed.isEmpty), "is_last": .flag(false),
            ])
        }
        listed[listed.count - 1]["is_last"] = .flag(true)
        facts["statuses"] = .records(listed)

        for type in PoEType.allCases {
            let ofType = current.filter { $0.0.type == type }
            facts["\(type.rawValue)_assessed"] = .count(ofType.count)
            for status in PoEStatus.allCases {
                facts["\(type.rawValue)_\(status.rawValue)"] = .count(ofType.count { $0.1.status == status })
            }
        }

        let restrictionCounts = Restriction.allCases.filter { $0 != .none }.map { restriction in
            (restriction, current.count { $0.1.restriction == restriction })
        }
        // Strictly more to replace: of equal counts, the first in the list's order stays.
        var main = restrictionCounts[0]
        for candidate in restrictionCounts.dropFirst() where candidate.1 > main.1 { main = candidate }
        if main.1 > 0 {
            facts["main_restriction"] = .label(restrictions.label(main.0.rawValue, "phrase")!)
            facts["main_restriction_count"] = .count(main.1)
        }

        // Changes since each PoE's own previous assessment.
        var rows: [[TableCell]] = []
        var reopened: [PoE] = [], closed: [PoE] = [], firstAssessed: [PoE] = []
        var previousDates: [Day] = []
        var ownPrevious: [String: Day] = [:]
        for (poe, assessment) in current.sorted(by: { $0.0.code < $1.0.code }) {
            let previous = poe.latest(before: assessment.date)
            let change = StatusChange(from: previous?.status, to: assessment.status)
            switch change {
            case .reopened: reopened.append(poe)
            case .closed: closed.append(poe)
            case .new: firstAssessed.append(poe)
            case .unchanged: break
            }
            if let previous {
                previousDates.append(previous.date)
                ownPrevious[poe.code] = previous.date
            }
            rows.append([
                .text(poe.code), .text(poe.name), .text(poe.type.rawValue), .text(poe.adm1Code),
                poe.neighbourCountry.isEmpty ? .empty : .text(poe.neighbourCountry),
                .text(assessment.status.rawValue), previous.map { .text($0.status.rawValue) } ?? .empty,
                .text(change.rawValue), .text(assessment.restriction.rawValue),
            ])
        }
        let assessmentDate = current.map { $0.1.date }.max()!
        if !previousDates.isEmpty, let previousDate = history.dates.last(where: { $0 < assessmentDate }) {
            facts["previous_assessment_date"] = .date(previousDate)
            func earlier(_ poes: [PoE]) -> FactValue {
                let records: [[String: FactValue]] = poes.sorted { $0.code < $1.code }.compactMap { poe in
                    guard let own = ownPrevious[poe.code], own < previousDate else { return nil }
                    return ["name": .label(Label(poe.name)), "previous_date": .date(own)]
                }
                return .records(records)
            }
            facts["reopened_earlier"] = earlier(reopened)
            facts["closed_earlier"] = earlier(closed)
            facts["reopened"] = names(reopened)
            facts["reopened_count"] = .count(reopened.count)
            facts["closed"] = names(closed)
            facts["closed_count"] = .count(closed.count)
            facts["first_assessed"] = names(firstAssessed)
            facts["first_assessed_count"] = .count(firstAssessed.count)
        }

        return ReportResult(
            facts: facts,
            tables: [
                "poe_status": ResultTable(rows: rows),
                "status_by_type": statusByType(current.map { ($0.0.type, $0.1.status) }, types: parameters.types, words: types),
            ], dataThrough: facts["assessment_date"]?.day)
    }

    /// Months with an assessment of the selected types, whatever the problems of the file, so
    /// that a file with a problem still gets a period and `run` reports the problem itself.
    public static func periodsWithData(inputs: Assessments, parameters: Parameters) -> Set<Period> {
        Set(inputs.dates.months)
    }

    /// PoE names in alphabetical order, accents and case aside (Kourémalé before Koury), then by
    /// the name as written and the code, so that the order never depends on the file's.
    private static func names(_ poes: [PoE]) -> FactValue {
        let sorted = poes.sorted { a, b in
            let ka = a.name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            let kb = b.name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            return (ka, a.name, a.code) < (kb, b.name, b.code)
        }
        return .list(sorted.map { Label($0.name) })
    }

    private static func statusByType(_ assessed: [(PoEType, PoEStatus)], types: [PoEType], words: Vocabulary) -> ResultTable {
        let rows: [[TableCell]] = PoEType.allCases.filter(types.contains).map { type in
            let label = words.label(type.rawValue, "plural")!
            return [.text(type.rawValue), .text(label.en), .text(label.fr)]
                + PoEStatus.allCases.map { status in .integer(assessed.count { $0 == (type, status) }) }
        }
        return ResultTable(rows: rows)
    }
}

/// One assessment of one PoE.
struct Assessment: Sendable {
    var date: Day
    var status: PoEStatus
    var restriction: Restriction
}

/// A point of entry with its assessments in date order. Name, type, region and neighbour are
/// those of its latest row in the file's date order.
struct PoE {
    var code: String
    var name: String
    var type: PoEType
    var adm1Code: String
    var neighbourCountry: String
    /// Ascending by date, one per date: its two latest up to the end of the period.
    var assessments: [Assessment]

    func latest(in period: Period) -> Assessment? { assessments.last { period.contains($0.date) } }

    func latest(before day: Day) -> Assessment? { assessments.last { $0.date < day } }
}

/// The PoEs and assessment dates of the selected types, as `run` reads them.
struct AssessmentHistory {
    /// By code, in code order.
    let poes: [PoE]
    /// The assessment dates kept (each month's two latest), ascending: enough for the latest
    /// date before a period and the latest before any kept assessment.
    let dates: [Day]

    /// The PoEs of `inputs`, once its rows are checked: a point of entry assessed twice on one
    /// day is the first problem in date order (file order within a day).
    init(_ inputs: Assessments, period: Period) throws(PluginFailure) {
        // Made without a period, the aggregate kept the latest assessments: those of the latest
        // month with one, the one the host reports on without `--period`.
        precondition((inputs.period ?? inputs.dates.months.last ?? period) == period, "the assessments were kept for another month than \(period)")
        var twice: (code: Text, day: DayNumber, first: SourceLocation, repeated: SourceLocation)?
        for (code, poe) in inputs.poes {
            guard let found = poe.days.firstRepeat else { continue }
            // Rows of one file: in the file's order as their lines are.
            if twice.map({ (found.day, found.repeated.line) < ($0.day, $0.repeated.line) }) ?? true {
                twice = (code, found.day, found.first, found.repeated)
            }
        }
        if let twice {
            throw PluginFailure([.assessedTwice("poe_code", what: "point of entry '\(twice.code.string)'", day: twice.day.day,
                                                firstLine: twice.first.line, at: twice.repeated)])
        }
        poes = inputs.poes.compactMap { code, poe -> PoE? in
            guard let attributes = poe.attributes.value.value else { return nil }
            return PoE(
                code: code.string, name: attributes.name.string, type: attributes.type,
                adm1Code: inputs.pcodeForms[attributes.adm1Code, of: PoERows.adm1Code],
                neighbourCountry: attributes.neighbourCountry.string,
                assessments: poe.latest.entries.reversed().compactMap { $0.value.value })
        }
        dates = inputs.dates.flatMap { $0.value.entries.map(\.key.day) }.sorted()
    }
}

/// The columns of `poe_status.csv`, declared once.
enum PoERows {
    static let assessmentDate = Column<Day>("assessment_date", hxl: "#date+reported", "The day the PoE was assessed.")
    static let code = Column<Text>("poe_code", hxl: "#loc+code", "The PoE's id; one row per PoE and assessment date.")
    static let name = Column<Text>("poe_name", hxl: "#loc+name", "The PoE's name; the latest row's name is used.")
    static let type = Column<PoEType>("poe_type", hxl: "#loc+type", "The kind of PoE.")
    static let adm1Code = Column<Text>("adm1_code", hxl: "#adm1+code", "Region P-code, of the P-code vocabulary.", pcode: PCodeColumn(level: 1))
    static let neighbourCountry = Column<Text>(
        "neighbour_country", mayBeEmpty: true, hxl: "#country+code+dest",
        "ISO3 code of the country across the border; empty for airports and internal points.")
    static let status = Column<PoEStatus>("status", hxl: "#status", "Operational status at the assessment.")
    static let restriction = Column<Restriction>("restriction", hxl: "#access+type", "The main restriction in force.")
}

/// What the report keeps of the PoE file, whatever its length: for each PoE of the selected
/// types, its latest row's name, type, region and neighbour and its two latest assessments up to
/// the end of the period (the period's latest and the one before it); each month's two latest
/// assessment dates; and, for the check that a PoE has one row a day, the days of each PoE
/// (`OneRowADay`: a bit a day and 8 bytes a PoE and day met, the only part that grows with the
/// file).
///
/// Without `--period` the host reports on the latest month with an assessment, and every row is
/// up to its end.
public struct Assessments: StreamingAggregate, KeepsPCodeForms {
    /// The selected types.
    let types: Set<PoEType>
    /// The month asked for; nil for the latest month with data.
    let period: Period?
    var poes = Tally<Text, PoEAssessments>()
    /// Every assessment date of the selected types: each month's two latest.
    var dates = ByMonth<AtLatestTwo<DayNumber, Sum>>()
    /// Region codes are kept as the file writes them, and read through the vocabulary's forms.
    public var pcodeForms = PCodeForms()

    struct PoEAssessments: Accumulator {
        /// Its latest row in date order (file order within a day) gives its name and place.
        var attributes = AtLatest<DatedRow, FirstSeen<Attributes>>()
        /// Its two latest assessments up to the end of the period.
        var latest = AtLatestTwo<DayNumber, FirstSeen<Assessment>>()
        /// Every day it was assessed on, for the check of one row a day.
        var days = OneRowADay()
    }

    struct Attributes: Sendable {
        var name: Text
        var type: PoEType
        var adm1Code: Text
        var neighbourCountry: Text
    }

    /// A row in date order, then file order.
    struct DatedRow: Comparable, Sendable {
        var day: DayNumber
        var row: RowReference
        static func < (a: DatedRow, b: DatedRow) -> Bool { (a.day, a.row) < (b.day, b.row) }
    }

    init(types: [PoEType], period: Period?) {
        self.types = Set(types)
        self.period = period
    }

    public mutating func add(_ rows: RowBatch) {
        let days = rows[PoERows.assessmentDate], codes = rows[PoERows.code], names = rows[PoERows.name]
        let types = rows[PoERows.type], regions = rows[PoERows.adm1Code], neighbours = rows[PoERows.neighbourCountry]
        let statuses = rows[PoERows.status], restrictions = rows[PoERows.restriction]
        let through = period.map { DayNumber($0.lastDay) }
        for row in 0..<rows.count where self.types.contains(types[row]) {
            let day = days[row], code = codes[row], reference = rows.reference(ofRow: row)
            dates[day.month].update(day) { $0 += 1 }
            poes[code].days.see(day, at: reference)
            poes[code].attributes.update(DatedRow(day: day, row: reference)) {
                $0.see(Attributes(name: names[row], type: types[row], adm1Code: regions[row], neighbourCountry: neighbours[row]), at: reference)
            }
            if let through, through < day { continue }
            poes[code].latest.update(day) {
                $0.see(Assessment(date: day.day, status: statuses[row], restriction: restrictions[row]), at: reference)
            }
        }
    }
}
