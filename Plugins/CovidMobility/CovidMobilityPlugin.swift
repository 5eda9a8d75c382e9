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
                columns: [
                    ColumnSpec("assessment_date", .date, hxl: "#date+reported", "The day the PoE was assessed."),
                    ColumnSpec("poe_code", .text, hxl: "#loc+code", "The PoE's id; one row per PoE and assessment date."),
                    ColumnSpec("poe_name", .text, hxl: "#loc+name", "The PoE's name; the latest row's name is used."),
                    ColumnSpec("poe_type", .choice(PoEType.allCases.map(\.rawValue)), hxl: "#loc+type", "The kind of PoE."),
                    ColumnSpec("adm1_code", .text, hxl: "#adm1+code", "Region P-code, of the P-code vocabulary.", pcode: PCodeColumn(level: 1)),
                    ColumnSpec("neighbour_country", .optionalText, hxl: "#country+code+dest", "ISO3 code of the country across the border; empty for airports and internal points."),
                    ColumnSpec("status", .choice(PoEStatus.allCases.map(\.rawValue)), hxl: "#status", "Operational status at the assessment."),
                    ColumnSpec("restriction", .choice(Restriction.allCases.map(\.rawValue)), hxl: "#access+type", "The main restriction in force."),
                ],
                periodColumn: "assessment_date"
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

    public static func run(inputs: PluginInputs, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        let types = vocabularies[PoEType.vocabulary.name], statuses = vocabularies[PoEStatus.vocabulary.name]
        let restrictions = vocabularies[Restriction.vocabulary.name]
        let history = try Assessments(inputs["poes"]!, types: parameters.types)
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

    /// Months with an assessment of the selected types. Read from the rows directly, so that a
    /// file with a problem still gets a period and `run` reports the problem itself.
    public static func periodsWithData(inputs: PluginInputs, parameters: Parameters) -> Set<Period> {
        let table = inputs["poes"]!, dates = table.dates("assessment_date"), types = table.texts("poe_type")
        let selected = Set(parameters.types.map(\.rawValue))
        return Set((0..<table.rowCount).filter { selected.contains(types[$0]) }.map { dates[$0].period })
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
struct Assessment {
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
    /// Ascending by date, one per date.
    var assessments: [Assessment]

    func latest(in period: Period) -> Assessment? { assessments.last { period.contains($0.date) } }

    func latest(before day: Day) -> Assessment? { assessments.last { $0.date < day } }
}

/// The rows of the PoE file, of the selected types, grouped by PoE.
struct Assessments {
    /// By code, in code order.
    let poes: [PoE]
    /// Every assessment date, ascending, without repeats.
    let dates: [Day]

    init(_ table: InputTable, types: [PoEType]) throws(PluginFailure) {
        let dates = table.dates("assessment_date"), codes = table.texts("poe_code"), names = table.texts("poe_name")
        let typeCells = table.texts("poe_type"), regions = table.texts("adm1_code"), neighbours = table.texts("neighbour_country")
        let statuses = table.texts("status"), restrictions = table.texts("restriction")
        let selected = Set(types)
        var byCode: [String: (poe: PoE, rows: [Int])] = [:]
        // The host has checked every cell against the column's choices, so these always succeed.
        let rows = (0..<table.rowCount).filter { selected.contains(PoEType(rawValue: typeCells[$0])!) }
        // Ascending by date, file order within a day: the latest row gives a PoE's name.
        for row in rows.sorted(by: { (dates[$0], $0) < (dates[$1], $1) }) {
            let assessment = Assessment(date: dates[row], status: PoEStatus(rawValue: statuses[row])!,
                                        restriction: Restriction(rawValue: restrictions[row])!)
            var entry = byCode[codes[row]] ?? (PoE(code: codes[row], name: names[row], type: .airport, adm1Code: "", neighbourCountry: "", assessments: []), [])
            if let last = entry.poe.assessments.last, last.date == assessment.date {
                throw PluginFailure([.assessedTwice("poe_code", what: "point of entry '\(codes[row])'", day: assessment.date,
                                                   firstLine: table.lines[entry.rows.last!], at: table.place(ofRow: row))])
            }
            entry.poe.name = names[row]
            entry.poe.type = PoEType(rawValue: typeCells[row])!
            entry.poe.adm1Code = regions[row]
            entry.poe.neighbourCountry = neighbours[row]
            entry.poe.assessments.append(assessment)
            entry.rows.append(row)
            byCode[codes[row]] = entry
        }
        poes = byCode.keys.sorted().map { byCode[$0]!.poe }
        self.dates = Array(Set(rows.map { dates[$0] })).sorted()
    }
}
