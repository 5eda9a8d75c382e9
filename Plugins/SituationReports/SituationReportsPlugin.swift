import ReportKit

/// The DNDS situation report: the displacement events of the period (those whose last day falls
/// in it), who moved from which communes to which cercles, how many and why; the new IDPs they
/// make by region of origin; and, with the movements input, the IDP stock at the period's
/// latest report date.
public enum SituationReportsPlugin: ReportPlugin {

    /// The causes of displacement, with every word the reports use for them. Open: a report may
    /// add a cause to the vocabulary, and the `cause` column accepts it.
    static let causes = VocabularySpec(
        "causes", forms: ["name", "phrase"],
        "Causes of displacement (the `cause` column): `name` names a cause, `phrase` follows a number of people or \"displaced\"; the order breaks ties.")

    static let eventFields: [FactSpec] = [
        FactSpec("event_id", .label, "The event's id, the same in both languages."),
        FactSpec("dates", .dateRange, "From date_start to date_end: \"between 22 and 28 February\" / \"entre le 22 et le 28 février\"."),
        FactSpec("report_date", .date, "When the assessment was reported."),
        FactSpec("individuals", .count, "People who moved."),
        FactSpec("households", .count, "Households who moved; absent when not collected.", optional: true),
        FactSpec("estimated", .flag, "True when the counts are estimates (\"about\" / \"environ\")."),
        FactSpec("origin_communes", .list, "The communes people left, in the file's order."),
        FactSpec(
            "origin_communes_of", .label,
            "The preposition before origin_communes: `of ` / `de `, or `d'` before a vowel."),
        FactSpec("destination_cercles", .list, "The cercles people went to, in the file's order."),
        FactSpec(
            "destination_cercles_of", .label,
            "The preposition before destination_cercles: `of ` / `de `, or `d'` before a vowel."),
        FactSpec("origin_region", .label, "The region of origin, named by the P-code vocabulary from origin_adm1_code."),
        FactSpec("origin_region_of", .label, "The preposition before origin_region: `of ` / `de `, or `d'` before a vowel."),
        FactSpec("cause", .label, "The cause as a noun: the `name` form of vocabulary `causes`."),
        FactSpec("cause_phrase", .label, "The cause as a complement: the `phrase` form of vocabulary `causes`."),
    ]

    static let causeFields: [FactSpec] = [
        FactSpec("cause", .label, "The cause as a noun: the `name` form of vocabulary `causes`."),
        FactSpec("cause_phrase", .label, "The cause as a complement: the `phrase` form of vocabulary `causes`."),
        FactSpec("individuals", .count, "People the period's events of this cause displaced."),
        FactSpec("estimated", .flag, "True when one of these events' counts is an estimate."),
        FactSpec("is_first", .flag, "True for the first cause listed (the main cause)."),
        FactSpec("is_last", .flag, "True for the last cause listed."),
    ]

    public static let description = PluginDescription(
        id: "situation-report",
        name: Label(en: "Situation report", fr: "Rapport de situation"),
        summary: "DNDS displacement events of the period (by their last day), the new IDPs by region of origin and the IDP stock.",
        inputs: [
            InputSpec(
                name: "events",
                conventionalFileName: "displacement_events.csv",
                documentation: "DNDS rapid assessments: one row per displacement event, from origin communes to destination cercles.",
                columns: [
                    EventRows.id, EventRows.start, EventRows.end, EventRows.reportDate, EventRows.originCode, EventRows.communes,
                    EventRows.cercles, EventRows.individuals, EventRows.households, EventRows.estimated, EventRows.cause,
                ],
                periodColumn: EventRows.end
            ),
            InputSpec(
                name: "movements",
                conventionalFileName: "population_movements.csv",
                required: false,
                documentation:
                    "CMP stocks by region at each report date: its `idps` rows give the IDP stock.",
                columns: [
                    StockRows.reportDate, StockRows.adm1Code, StockRows.adm1Name, StockRows.population, StockRows.individuals,
                    StockRows.households,
                ],
                periodColumn: StockRows.reportDate
            ),
        ],
        parameters: Parameters.specs,
        facts: [
            FactSpec(
                "events", .records, "The period's events (date_end in the period), by first day, last day and id.", fields: eventFields),
            FactSpec("event_count", .count, "How many events the period has (0 when none)."),
            FactSpec("new_idps", .count, "People displaced by the period's events (new IDPs)."),
            FactSpec(
                "new_idp_households", .count,
                "Households displaced by the period's events; absent when one of them did not collect households.",
                optional: true),
            FactSpec("new_idps_estimated", .flag, "True when at least one of the period's counts is an estimate."),
            FactSpec(
                "new_idp_regions", .list,
                "The regions of origin of the period's events, most people first (ties by P-code); empty when none."),
            FactSpec("new_idp_regions_of", .label, "The preposition before new_idp_regions: `of ` / `de `, or `d'` before a vowel."),
            FactSpec(
                "main_cause", .label,
                "The cause that displaced the most people in the period (ties in the order of vocabulary `causes`), as a noun; absent when no event.",
                optional: true),
            FactSpec(
                "main_cause_phrase", .label,
                "The main cause as a complement (the `phrase` form of vocabulary `causes`); absent when no event.",
                optional: true),
            FactSpec(
                "new_idp_causes", .records,
                "The causes of the period's events with the people each displaced, most people first (ties in the order of vocabulary `causes`); empty when no event.",
                fields: causeFields),
            FactSpec("new_idp_cause_count", .count, "How many causes the period's events have (0 when none)."),
            FactSpec(
                "idp_report_date", .date, "The latest `idps` report date of the movements input inside the period; absent without it.",
                optional: true),
            FactSpec("idps", .count, "IDPs in the stock at idp_report_date, all regions.", optional: true),
            FactSpec("idp_households", .count, "Their households; absent unless every row of that date has them.", optional: true),
        ],
        tables: [
            TableSpec(
                "events", "The period's events, in the order of the text.",
                columns: [
                    TableColumnSpec("event_id", hxl: "#event+code", "The event's id."),
                    TableColumnSpec("date_start", hxl: "#date+start", "First day of the movement."),
                    TableColumnSpec("date_end", hxl: "#date+end", "Last day of the movement."),
                    TableColumnSpec("report_date", hxl: "#date+reported", "When the assessment was reported."),
                    TableColumnSpec("origin_adm1_code", hxl: "#adm1+code+origin", "Region P-code of origin."),
                    TableColumnSpec("origin_adm1_name", hxl: "#adm1+name+origin", "Region of origin."),
                    TableColumnSpec("origin_communes", hxl: "#adm3+name+origin", "Communes of origin, joined by |."),
                    TableColumnSpec("destination_cercles", hxl: "#adm2+name+dest", "Cercles of destination, joined by |."),
                    TableColumnSpec("individuals", hxl: "#affected+idps+ind", "People who moved."),
                    TableColumnSpec("households", hxl: "#affected+idps+hh", "Households who moved; empty when not collected."),
                    TableColumnSpec("estimated", hxl: "#meta+estimate", "true when the counts are estimates."),
                    TableColumnSpec("cause", hxl: "#cause", "The cause's key in vocabulary `causes`."),
                ]),
            TableSpec(
                "new_idps_by_region", "New IDPs of the period by region of origin, most people first.",
                columns: [
                    TableColumnSpec("adm1_code", hxl: "#adm1+code+origin", "Region P-code of origin."),
                    TableColumnSpec("adm1_name", hxl: "#adm1+name+origin", "Region of origin."),
                    TableColumnSpec("individuals", hxl: "#affected+idps+ind", "People displaced from the region in the period."),
                    TableColumnSpec(
                        "households", hxl: "#affected+idps+hh",
                        "Their households; empty when one of the region's events did not collect them."),
                ]),
            TableSpec(
                "monthly",
                "The 12 months up to the period, oldest first. Events are counted by the month they ended in, as the period's are; a month before the file's first event has empty cells (the file does not cover it), a later month without an event has 0. The IDP stock is the movements input's at the month's latest `idps` report date, empty without one.",
                columns: [
                    TableColumnSpec("month", hxl: "#date+month", "The month (2017-04)."),
                    TableColumnSpec("events", hxl: "#event+num", "Displacement events that ended in the month."),
                    TableColumnSpec("new_idps", hxl: "#affected+idps+ind+new", "People those events displaced."),
                    TableColumnSpec("idps", hxl: "#affected+idps+ind", "IDPs in the stock at the month's latest report date; empty when none or without a movements input."),
                ]),
        ],
        vocabularies: [causes]
    )

    public static func makeInputs(parameters: Parameters, period: Period?) -> EventRecords { EventRecords(period: period) }

    /// The months an event ended in, as the default of a plugin that keeps rows reads them.
    public static func periodsWithData(inputs: EventRecords, parameters: Parameters) -> Set<Period> { Set(inputs.months.months) }

    public static func run(inputs: EventRecords, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        let events = try inputs.events(in: period, areas: vocabularies.areas)
        let causes = vocabularies[Self.causes.name]

        var facts: [String: FactValue] = [
            "events": .records(events.map { record($0, causes: causes) }),
            "event_count": .count(events.count),
            "new_idps": .count(events.reduce(0) { $0 + $1.individuals }),
            "new_idps_estimated": .flag(events.contains(where: \.estimated)),
        ]
        if let households = events.map(\.households).sumIfAllKnown { facts["new_idp_households"] = .count(households) }

        let regions = byRegion(events)
        facts["new_idp_regions"] = .list(regions.map { Label($0.name) })
        facts["new_idp_regions_of"] = .label(Preposition.of(regions.first?.name))
        let byCause = byCause(events, order: causes.keys)
        if let cause = byCause.first?.cause {
            facts["main_cause"] = .label(causes.label(cause, "name")!)
            facts["main_cause_phrase"] = .label(causes.label(cause, "phrase")!)
        }
        facts["new_idp_causes"] = .records(
            byCause.enumerated().map { index, total in
                [
                    "cause": .label(causes.label(total.cause, "name")!),
                    "cause_phrase": .label(causes.label(total.cause, "phrase")!),
                    "individuals": .count(total.individuals),
                    "estimated": .flag(total.estimated),
                    "is_first": .flag(index == 0),
                    "is_last": .flag(index == byCause.count - 1),
                ]
            })
        facts["new_idp_cause_count"] = .count(byCause.count)
        let stocks = CMPStocks(inputs.idpStocks, areas: vocabularies.areas)
        if let date = stocks.dates.latest(in: period) {
            facts["idp_report_date"] = .date(date)
            facts["idps"] = .count(stocks.total(at: date))
            if let households = stocks.households(at: date) { facts["idp_households"] = .count(households) }
        }

        let eventRows: [[TableCell]] = events.map { event in
            [
                .text(event.id), .day(event.start), .day(event.end), .day(event.reportDate), .text(event.regionCode),
                .text(event.regionName),
                .text(event.communes.joined(separator: "|")), .text(event.cercles.joined(separator: "|")), .integer(event.individuals),
                event.households.map(TableCell.integer) ?? .empty, .flag(event.estimated), .text(event.cause),
            ]
        }
        let regionRows: [[TableCell]] = regions.map { region in
            [.text(region.code), .text(region.name), .integer(region.individuals), region.households.map(TableCell.integer) ?? .empty]
        }
        let months = period.history()
        let stockHistory = stocks.history(months)
        // The file covers the months from its first event's on: before it, nothing is known.
        let firstMonth = inputs.months.months.first?.monthNumber ?? Int.max
        let monthlyRows: [[TableCell]] = months.enumerated().map { offset, month in
            let stock = stockHistory[offset].individuals.map(TableCell.integer) ?? .empty
            guard month.monthNumber >= firstMonth else { return [.month(month), .empty, .empty, stock] }
            let ended = inputs.months[month]
            return [.month(month), .integer(ended.events.value), .integer(ended.individuals.value), stock]
        }
        return ReportResult(
            facts: facts,
            tables: [
                "events": ResultTable(rows: eventRows), "new_idps_by_region": ResultTable(rows: regionRows),
                "monthly": ResultTable(rows: monthlyRows),
            ],
            // The displacement stock is the input read for the period; the events are dated by
            // when they happened, not by when they were reported.
            dataThrough: facts["idp_report_date"]?.day)
    }

    /// One event as the template sees it inside `{{#events}}`.
    static func record(_ event: DisplacementEvent, causes: Vocabulary) -> [String: FactValue] {
        var fields: [String: FactValue] = [
            "event_id": .label(Label(event.id)),
            "dates": .dateRange(event.start, event.end),
            "report_date": .date(event.reportDate),
            "individuals": .count(event.individuals),
            "estimated": .flag(event.estimated),
            "origin_communes": .list(event.communes.map { Label($0) }),
            "destination_cercles": .list(event.cercles.map { Label($0) }),
            "origin_communes_of": .label(Preposition.of(event.communes.first)),
            "destination_cercles_of": .label(Preposition.of(event.cercles.first)),
            "origin_region": .label(Label(event.regionName)),
            "origin_region_of": .label(Preposition.of(event.regionName)),
            "cause": .label(causes.label(event.cause, "name")!),
            "cause_phrase": .label(causes.label(event.cause, "phrase")!),
        ]
        if let households = event.households { fields["households"] = .count(households) }
        return fields
    }

    struct RegionTotal {
        var code: String
        var name: String
        var individuals: Int
        var households: Int?
    }

    /// New IDPs by region of origin, most people first, ties by P-code.
    static func byRegion(_ events: [DisplacementEvent]) -> [RegionTotal] {
        var regions: [String: RegionTotal] = [:]
        for event in events {
            var region =
                regions[event.regionCode] ?? RegionTotal(code: event.regionCode, name: event.regionName, individuals: 0, households: 0)
            region.individuals += event.individuals
            region.households = region.households.adding(event.households)
            regions[event.regionCode] = region
        }
        return regions.values.rankedLargestFirst(by: \.individuals, thenBy: \.code)
    }

    struct CauseTotal {
        var cause: String
        var individuals: Int
        var estimated: Bool
    }

    /// The people each cause displaced, most first; ties go to the earlier cause of `order`, so
    /// that the first is the main cause.
    static func byCause(_ events: [DisplacementEvent], order: [String]) -> [CauseTotal] {
        var totals: [String: CauseTotal] = [:]
        for event in events {
            var total = totals[event.cause] ?? CauseTotal(cause: event.cause, individuals: 0, estimated: false)
            total.individuals += event.individuals
            total.estimated = total.estimated || event.estimated
            totals[event.cause] = total
        }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return totals.values.sorted { ($1.individuals, rank[$0.cause] ?? .max) < ($0.individuals, rank[$1.cause] ?? .max) }
    }
}
