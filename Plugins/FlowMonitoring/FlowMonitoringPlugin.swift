import ReportKit

/// Flow monitoring: travellers counted at flow monitoring points (FMPs), in and out, for the
/// month of the period or cumulatively since a day, with modes, nationalities, destinations and
/// demography.
///
/// Windows: `month` counts the period's calendar month, and its daily average divides by the
/// month's calendar days. `cumulative` counts from `since` to the last day with observations in
/// the period, both included, and `quarter` the same from the first day of the period's calendar
/// quarter: a snapshot is "as of" the last day counted (a snapshot for
/// November 2016 whose last counts are of 29 November covers 30 June–29 November, 153 days).
public enum FlowMonitoringPlugin: ReportPlugin {
    public static let description = PluginDescription(
        id: "flow-monitoring",
        name: Label(en: "Flow monitoring", fr: "Suivi des flux"),
        summary: "Travellers counted at flow monitoring points: in and out, modes, nationalities, destinations, demography; monthly, quarterly or cumulative.",
        inputs: [
            Observation.input,
        ],
        parameters: Parameters.specs,
        facts: [
            FactSpec("has_data", .flag, "True when the window has at least one observation."),
            FactSpec("cumulative", .flag, "True for a window counted from a first day (`cumulative`, `quarter`), false for a month."),
            FactSpec("window_dates", .dateRange, "The days counted: the month, or `since` to the last day with counts (the period's last day when there is none). Absent when the period ends before `since`.", optional: true),
            FactSpec("since", .date, "The first day of a cumulative or quarter window.", optional: true),
            FactSpec("as_of", .date, "The last day with observations in the window; absent when there is none.", optional: true),
            FactSpec("days", .count, "Calendar days of `window_dates`, both ends included.", optional: true),
            FactSpec(
                "daily_average", .count,
                "total ÷ days (÷ average_days when counting began inside the window), rounded half up to a whole number.", optional: true),
            FactSpec(
                "counted_from", .date,
                "The first day with observations, when it is after the window's first day (monitoring began or resumed inside the window); absent otherwise.",
                optional: true),
            FactSpec("average_days", .count, "With counted_from: the days from it to the window's end, which daily_average divides by.", optional: true),
            FactSpec("incoming", .count, "Incoming individuals (adults and children)."),
            FactSpec("outgoing", .count, "Outgoing individuals."),
            FactSpec("total", .count, "Incoming plus outgoing individuals."),
            FactSpec("men", .count, "Men and boys (adult_m + child_m)."),
            FactSpec("minors", .count, "Children (child_m + child_f)."),
            FactSpec("men_share", .percent, "men ÷ total; absent when total is 0.", optional: true),
            FactSpec("minors_share", .percent, "minors ÷ total; absent when total is 0.", optional: true),
            FactSpec("mostly_men", .flag, "True when men are more than half of the individuals."),
            FactSpec("uac", .count, "Unaccompanied children, over the rows that recorded them; absent when no row did.", optional: true),
            FactSpec("uac_incomplete", .flag, "True when some rows of the window did not record unaccompanied children (so `uac` is a minimum)."),
            FactSpec("active_fmps", .count, "FMPs with at least one observation in the window."),
            FactSpec("fmp_names", .list, "Names of the active FMPs, most individuals first."),
            FactSpec("main_mode_incoming", .label, "Main transport mode of incoming individuals, the `plural` form of vocabulary `transport-modes`; modes within 5 % of the largest (at least 95 % of its count) are named together, largest first, joined by `/`. Absent when nobody came in.", optional: true),
            FactSpec("main_mode_outgoing", .label, "Main transport mode of outgoing individuals, as main_mode_incoming.", optional: true),
            FactSpec("top_nationalities", .list, "The most frequent countries of nationality, as a sentence names them (the `phrase` form of vocabulary `countries`), most individuals first, as many as `top`; unknown left out. Absent when there is none.", optional: true),
            FactSpec("top_destinations", .list, "The most frequent destination countries, as top_nationalities.", optional: true),
            FactSpec("previous_month", .month, "Month windows: the month before, when it has observations.", optional: true),
            FactSpec("previous_total", .count, "Individuals in the previous month.", optional: true),
            FactSpec("previous_active_fmps", .count, "FMPs with observations in the previous month.", optional: true),
            FactSpec(
                "previous_fewer_fmps", .flag,
                "True when the previous month had observations from fewer FMPs than this one: a change then compares unlike coverage."),
            FactSpec("previous_incoming", .count, "Incoming individuals in the previous month.", optional: true),
            FactSpec("previous_outgoing", .count, "Outgoing individuals in the previous month.", optional: true),
            FactSpec("total_change", .change, "total minus previous_total, with the relative change.", optional: true),
            FactSpec("incoming_change", .change, "incoming minus previous_incoming, with the relative change.", optional: true),
            FactSpec("outgoing_change", .change, "outgoing minus previous_outgoing, with the relative change.", optional: true),
        ],
        tables: [
            TableSpec("by_fmp", "Individuals by FMP, by FMP code.", columns: [
                TableColumnSpec("fmp_code", hxl: "#loc+code", "FMP id."),
                TableColumnSpec("fmp_name", hxl: "#loc+name", "FMP name."),
                TableColumnSpec("adm1", hxl: "#adm1+code", "Region P-code of the FMP."),
                TableColumnSpec("incoming", hxl: "#affected+ind+incoming", "Incoming individuals."),
                TableColumnSpec("outgoing", hxl: "#affected+ind+outgoing", "Outgoing individuals."),
            ]),
            TableSpec("by_transport_mode", "Individuals by transport mode, modes with travellers only, in the formats document's order.", columns: [
                TableColumnSpec("mode", hxl: "#x_transport", "Mode code (bus)."),
                TableColumnSpec("label_en", hxl: "#x_transport+name+i_en", "Mode in English."),
                TableColumnSpec("label_fr", hxl: "#x_transport+name+i_fr", "Mode in French."),
                TableColumnSpec("incoming", hxl: "#affected+ind+incoming", "Incoming individuals."),
                TableColumnSpec("outgoing", hxl: "#affected+ind+outgoing", "Outgoing individuals."),
            ]),
            TableSpec("by_nationality", "Individuals by nationality, most individuals first (then by code).", columns: [
                TableColumnSpec("nationality", hxl: "#country+code+nationality", "ISO3 code (the unknown country's code included)."),
                TableColumnSpec("label_en", hxl: "#country+name+i_en", "Country in English."),
                TableColumnSpec("label_fr", hxl: "#country+name+i_fr", "Country in French."),
                TableColumnSpec("incoming", hxl: "#affected+ind+incoming", "Incoming individuals."),
                TableColumnSpec("outgoing", hxl: "#affected+ind+outgoing", "Outgoing individuals."),
            ]),
            TableSpec("daily", "Every day of the window: the series a chart draws. Empty cells on days without any observation (not collected).", columns: [
                TableColumnSpec("date", hxl: "#date", "The day."),
                TableColumnSpec("incoming", hxl: "#affected+ind+incoming", "Incoming individuals that day."),
                TableColumnSpec("outgoing", hxl: "#affected+ind+outgoing", "Outgoing individuals that day."),
            ]),
            TableSpec(
                "monthly",
                "The 12 months up to the period, oldest first, whatever the window: the history a line chart draws. Empty cells for a month without any observation (not collected); a cumulative window's months before `since` are left out, and the month of `since` counts from that day.",
                columns: [
                    TableColumnSpec("month", hxl: "#date+month", "The month (2017-04)."),
                    TableColumnSpec("incoming", hxl: "#affected+ind+incoming", "Incoming individuals that month."),
                    TableColumnSpec("outgoing", hxl: "#affected+ind+outgoing", "Outgoing individuals that month."),
                    TableColumnSpec("active_fmps", hxl: "#loc+fmp+num", "FMPs with at least one observation that month."),
                ]),
        ],
        vocabularies: [TransportMode.vocabulary, Countries.vocabulary]
    )

    public static func makeInputs(parameters: Parameters, period: Period?) -> FlowObservations {
        FlowObservations(parameters: parameters, period: period)
    }

    public static func run(inputs: FlowObservations, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        let modes = vocabularies[TransportMode.vocabulary.name], countries = vocabularies[Countries.vocabulary.name]
        // A quarter is counted as a cumulative window from the quarter's first day.
        let cumulative = parameters.window != .month
        let first: Day
        var previous: Period?
        switch parameters.window {
        case .cumulative:
            guard let since = parameters.since else { throw PluginFailure([PluginProblem(Parameters.sinceRequired)]) }
            first = since
        case .quarter:
            first = period.quarterFirstDay
        case .month:
            first = period.firstDay
            previous = period.previous
        }
        let firstNumber = first.daysSinceEpoch, lastNumber = period.lastDay.daysSinceEpoch
        let counts = FlowCounts(inputs, first: first, last: period.lastDay, previous: previous)

        var facts: [String: FactValue] = [
            "has_data": .flag(counts.rows.value > 0),
            "cumulative": .flag(cumulative),
            "incoming": .count(counts.incoming),
            "outgoing": .count(counts.outgoing),
            "total": .count(counts.total),
            "men": .count(counts.men.value),
            "minors": .count(counts.minors.value),
            "mostly_men": .flag(counts.men.value * 2 > counts.total),
            "uac_incomplete": .flag(counts.uac.unknownRows > 0),
            "active_fmps": .count(counts.fmps.count),
            "previous_fewer_fmps": .flag(!cumulative && (counts.previous.map { $0.fmps.count < counts.fmps.count } ?? false)),
        ]
        if cumulative { facts["since"] = .date(first) }

        // The window ends on the month's last day, or for a cumulative window on the last day
        // with observations ("as of"), or the period's last day when there is none.
        let lastCounted = counts.lastDay.value?.daysSinceEpoch
        let end = cumulative ? (lastCounted ?? lastNumber) : lastNumber
        let windowDays = end >= firstNumber ? day(first, plus: 0...(end - firstNumber)) : []
        if let windowEnd = windowDays.last {
            facts["window_dates"] = .dateRange(first, windowEnd)
            facts["days"] = .count(windowDays.count)
            // Counting that began inside the window: the average is over the days from its first
            // day, not over days when nobody was there to count.
            let firstCounted = counts.dayHasRows.firstIndex(of: true) ?? 0
            let averagedDays = windowDays.count - firstCounted
            facts["daily_average"] = .count(FlowCounts.dailyAverage(total: counts.total, days: averagedDays))
            if firstCounted > 0 {
                facts["counted_from"] = .date(windowDays[firstCounted])
                facts["average_days"] = .count(averagedDays)
            }
        }
        if let lastCounted { facts["as_of"] = .date(windowDays[lastCounted - firstNumber]) }

        if counts.total > 0 {
            facts["men_share"] = .percent(Double(counts.men.value) / Double(counts.total))
            facts["minors_share"] = .percent(Double(counts.minors.value) / Double(counts.total))
        }
        if counts.uac.knownRows > 0 { facts["uac"] = .count(counts.uac.value) }

        let fmps = counts.fmps.values.rankedLargestFirst(by: \.total, thenBy: \.code)
        facts["fmp_names"] = .list(fmps.map { Label($0.name) })
        let modesIncoming = counts.modes.reduce(into: [:]) { $0[$1.key] = $1.value.incoming.value }
        let modesOutgoing = counts.modes.reduce(into: [:]) { $0[$1.key] = $1.value.outgoing.value }
        let incomingModes = FlowCounts.mainModes(modesIncoming)
        if !incomingModes.isEmpty { facts["main_mode_incoming"] = .label(TransportMode.joined(incomingModes, in: modes)) }
        let outgoingModes = FlowCounts.mainModes(modesOutgoing)
        if !outgoingModes.isEmpty { facts["main_mode_outgoing"] = .label(TransportMode.joined(outgoingModes, in: modes)) }
        let unknown = Countries.unknown(in: countries)
        let nationalities = FlowCounts.top(counts.nationalities.mapValues(\.total), count: parameters.top, leavingOut: unknown)
        if !nationalities.isEmpty { facts["top_nationalities"] = .list(nationalities.map { Countries.phrase($0, in: countries) }) }
        let destinations = FlowCounts.top(counts.destinations, count: parameters.top, leavingOut: unknown)
        if !destinations.isEmpty { facts["top_destinations"] = .list(destinations.map { Countries.phrase($0, in: countries) }) }

        if !cumulative, let previous = counts.previous {
            let previousIncoming = previous.flow.incoming.value, previousOutgoing = previous.flow.outgoing.value
            facts["previous_month"] = .month(period.previous)
            facts["previous_total"] = .count(previous.flow.total)
            facts["previous_active_fmps"] = .count(previous.fmps.count)
            facts["previous_incoming"] = .count(previousIncoming)
            facts["previous_outgoing"] = .count(previousOutgoing)
            facts["total_change"] = .change(from: previous.flow.total, to: counts.total)
            facts["incoming_change"] = .change(from: previousIncoming, to: counts.incoming)
            facts["outgoing_change"] = .change(from: previousOutgoing, to: counts.outgoing)
        }

        let byFMP: [[TableCell]] = counts.fmps.keys.sorted().map { code in
            let fmp = counts.fmps[code]!
            return [.text(fmp.code), .text(fmp.name), .text(fmp.adm1), .integer(fmp.incoming), .integer(fmp.outgoing)]
        }
        let byMode: [[TableCell]] = TransportMode.allCases.compactMap { mode in
            let incoming = modesIncoming[mode, default: 0], outgoing = modesOutgoing[mode, default: 0]
            guard incoming + outgoing > 0 else { return nil }
            let name = mode.name(in: modes)
            return [.text(mode.rawValue), .text(name.en), .text(name.fr), .integer(incoming), .integer(outgoing)]
        }
        let byNationality: [[TableCell]] = counts.nationalities.rankedLargestFirst(by: \.value.total, thenBy: \.key).map { code, value in
            let name = Countries.name(code, in: countries)
            return [.text(code), .text(name.en), .text(name.fr), .integer(value.incoming), .integer(value.outgoing)]
        }
        let daily: [[TableCell]] = windowDays.enumerated().map { offset, day in
            guard counts.dayHasRows[offset] else { return [.day(day), .empty, .empty] }
            return [.day(day), .integer(counts.dailyIncoming[offset]), .integer(counts.dailyOutgoing[offset])]
        }
        // Months before a cumulative window's `since` were never added up: they are left out
        // rather than shown as months without observations.
        let sinceMonth = cumulative ? first.monthNumber : Int.min
        let monthly: [[TableCell]] = period.history().filter { $0.monthNumber >= sinceMonth }.map { month in
            guard let counted = inputs.months[ifMet: month] else { return [.month(month), .empty, .empty, .empty] }
            return [.month(month), .integer(counted.flow.incoming.value), .integer(counted.flow.outgoing.value), .integer(counted.fmps.count)]
        }
        return ReportResult(facts: facts, tables: [
            "by_fmp": ResultTable(rows: byFMP),
            "by_transport_mode": ResultTable(rows: byMode),
            "by_nationality": ResultTable(rows: byNationality),
            "daily": ResultTable(rows: daily),
            "monthly": ResultTable(rows: monthly),
        ], dataThrough: facts["as_of"]?.day)
    }

    /// Months with observations of the kept FMPs.
    public static func periodsWithData(inputs: FlowObservations, parameters: Parameters) -> Set<Period> {
        Set(inputs.rowsByMonth.months)
    }

    /// The days `start + n` for each `n` of `offsets` (ascending from 0), walking the calendar.
    private static func day(_ start: Day, plus offsets: ClosedRange<Int>) -> [Day] {
        var days: [Day] = []
        days.reserveCapacity(offsets.count)
        var current = start
        for _ in offsets {
            days.append(current)
            current = Day(year: current.year, month: current.month, day: current.day + 1)
                ?? Day(year: current.year, month: current.month + 1, day: 1)
                ?? Day(year: current.year + 1, month: 1, day: 1)!
        }
        return days
    }
}
