import ReportKit

/// One row of `displacement_events.csv`: people who moved from origin communes to destination
/// cercles between two days.
struct DisplacementEvent: Sendable, Hashable {
    var id: String
    var start: Day
    var end: Day
    var reportDate: Day
    var regionCode: String
    var regionName: String
    var communes: [String]
    var cercles: [String]
    var individuals: Int
    /// nil when the assessment did not collect households.
    var households: Int?
    var estimated: Bool
    /// The cause's key in vocabulary `causes`.
    var cause: String
    /// The line of the file the row starts on, for messages.
    var line: Int
}

/// The columns of `displacement_events.csv`, declared once.
enum EventRows {
    static let id = Column<Text>("event_id", hxl: "#event+code", "The event's id, unique in the file.")
    static let start = Column<Day>("date_start", hxl: "#date+start", "The first day of the movement.")
    static let end = Column<Day>("date_end", hxl: "#date+end", "The last day of the movement: it places the event in a period.")
    static let reportDate = Column<Day>("report_date", hxl: "#date+reported", "When the assessment was reported.")
    static let originCode = Column<Text>(
        "origin_adm1_code", hxl: "#adm1+code+origin",
        "Region (admin 1) P-code of origin, of the P-code vocabulary, which names the region.", pcode: PCodeColumn(level: 1))
    static let communes = Column<Text>("origin_communes", hxl: "#adm3+name+origin", "Communes of origin, joined by |.")
    static let cercles = Column<Text>("destination_cercles", hxl: "#adm2+name+dest", "Cercles of destination, joined by |.")
    static let individuals = Column<Count>("individuals", hxl: "#affected+idps+ind", "People who moved.")
    static let households = Column<Count?>("households", hxl: "#affected+idps+hh", "Households who moved; empty when not collected.")
    static let estimated = Column<Bool>("estimated", hxl: "#meta+estimate", "True when the counts are estimates.")
    static let cause = Column<Text>("cause", vocabulary: SituationReportsPlugin.causes.name, hxl: "#cause", "Why people moved.")
}

/// The columns of `population_movements.csv` the IDP stock is read from: the CMP's, and the
/// population, of which only `idps` rows are read.
enum StockRows {
    static let reportDate = CMPMovementColumns.reportDate
    static let adm1Code = CMPMovementColumns.adm1Code
    static let adm1Name = CMPMovementColumns.adm1Name
    static let population = Column<Population>("population", hxl: "#x_population", "Which population the row counts; only `idps` rows are read.")
    static let individuals = CMPMovementColumns.individuals
    static let households = CMPMovementColumns.households

    /// The populations the CMP counts, as the `population` column writes them.
    enum Population: String, CaseIterable, Sendable, ColumnChoice {
        case returnees
        case idps
        case returnedIDPs = "returned_idps"
    }
}

/// What the situation report keeps of its inputs, whatever their length: the events of the
/// period (without `--period`, of the latest month an event ended in: the month the host then
/// reports on), events and people by the month they ended in, the IDP stocks at each month's
/// latest report dates (`CMPStockMonths`), and what the checks of every row need.
///
/// Checks, on every row whatever its month (one bad row is a problem with the file, and a
/// monthly run should not depend on which month it looks at): `date_start` not after
/// `date_end`; at least one name in `origin_communes` and in `destination_cercles`; no
/// `event_id` twice (each id's rows are kept: the only part that grows with the file, one
/// reference an event). The host has checked `origin_adm1_code` against the P-code vocabulary,
/// which names the region: codes are looked up there, in either form, when the plugin computes;
/// called on its own, the plugin still refuses a code the vocabulary lacks, at its first row.
public struct EventRecords: StreamingAggregate {
    /// The month asked for; nil for the latest month an event ended in.
    let period: Period?
    var kept = AtLatest<Period, InRowOrder<KeptEvent>>()
    var months = ByMonth<MonthEvents>()
    var ids = Tally<Text, Occurrences>()
    /// The first row of each region code of origin, for a code the vocabulary lacks.
    var regions = Tally<Text, FirstSeen<Bool>>()
    var problems = InRowOrder<RowProblem>()
    var idpStocks = CMPStockMonths()

    /// Events that ended in a month, and the people they displaced.
    struct MonthEvents: Accumulator {
        var events = Sum()
        var individuals = Sum()
    }

    /// An event's row as read, its texts kept as the run numbers them.
    struct KeptEvent: Sendable {
        var id: Text
        var start: Day
        var end: Day
        var reportDate: Day
        var regionCode: Text
        var communes: [String]
        var cercles: [String]
        var individuals: Int
        var households: Int?
        var estimated: Bool
        var cause: Text
        var row: RowReference
    }

    /// A row's own problem, placed once the parts of the file are joined.
    struct RowProblem: Sendable {
        enum Kind: Sendable {
            case startAfterEnd(Day, Day)
            case noName(column: String, value: String, noun: String)
        }

        var kind: Kind
        var row: RowReference

        var problem: PluginProblem {
            switch kind {
            case .startAfterEnd(let start, let end): .dayAfter(EventRows.start.name, start, EventRows.end.name, end, at: row.location)
            case .noName(let column, let value, let noun): .namesNothing(column, value: value, noun: noun, at: row.location)
            }
        }
    }

    public static let columnsRead: [any ColumnKey]? = [
        EventRows.id, EventRows.start, EventRows.end, EventRows.reportDate, EventRows.originCode, EventRows.communes, EventRows.cercles,
        EventRows.individuals, EventRows.households, EventRows.estimated, EventRows.cause,
        StockRows.reportDate, StockRows.adm1Code, StockRows.adm1Name, StockRows.population, StockRows.individuals, StockRows.households,
    ]

    init(period: Period?) {
        self.period = period
    }

    public mutating func add(_ rows: RowBatch) {
        if rows.input == "movements" { addStocks(rows) } else { addEvents(rows) }
    }

    private mutating func addEvents(_ rows: RowBatch) {
        let ids = rows[EventRows.id], starts = rows[EventRows.start], ends = rows[EventRows.end]
        let reportDates = rows[EventRows.reportDate], codes = rows[EventRows.originCode]
        let communes = rows[EventRows.communes], cercles = rows[EventRows.cercles]
        let individuals = rows[EventRows.individuals], households = rows[EventRows.households]
        let estimated = rows[EventRows.estimated], causes = rows[EventRows.cause]
        for row in 0..<rows.count {
            let reference = rows.reference(ofRow: row)
            let start = starts[row].day, end = ends[row].day
            if start > end { problems.append(RowProblem(kind: .startAfterEnd(start, end), row: reference)) }
            let origin = EventRecords.names(communes[row].string), destination = EventRecords.names(cercles[row].string)
            if origin.isEmpty {
                problems.append(RowProblem(kind: .noName(column: EventRows.communes.name, value: communes[row].string, noun: "commune"), row: reference))
            }
            if destination.isEmpty {
                problems.append(RowProblem(kind: .noName(column: EventRows.cercles.name, value: cercles[row].string, noun: "cercle"), row: reference))
            }
            self.ids[ids[row]].see(reference)
            regions[codes[row]].see(true, at: reference)
            let month = end.period
            months[month].events += 1
            months[month].individuals += individuals[row]
            if let period, month != period { continue }
            kept.update(month) {
                $0.append(KeptEvent(
                    id: ids[row], start: start, end: end, reportDate: reportDates[row].day, regionCode: codes[row], communes: origin,
                    cercles: destination, individuals: individuals[row], households: households[row], estimated: estimated[row],
                    cause: causes[row], row: reference))
            }
        }
    }

    private mutating func addStocks(_ rows: RowBatch) {
        idpStocks.add(rows, population: StockRows.population, counting: .idps)
    }

    /// The events whose last day falls in `period`, by first day, then last day, then id, once
    /// every row of the file is checked: every problem is collected, each at its row, into one
    /// `PluginFailure` that the host reports under its usual cap.
    func events(in period: Period, areas: AdminAreas) throws(PluginFailure) -> [DisplacementEvent] {
        // Made without a period, the aggregate kept the latest month an event ended in: the one
        // the host reports on without `--period`.
        precondition((self.period ?? months.months.last ?? period) == period, "the events were kept for another month than \(period)")
        var problems = self.problems.map(\.problem)
        for (id, rows) in ids {
            guard let first = rows.first else { continue }
            for repeated in rows.repeats {
                problems.append(.alreadyOnLine(EventRows.id.name, value: id.string, line: first.location.line, at: repeated.location))
            }
        }
        // The host checked every code against the vocabulary before the plugin ran.
        for (code, first) in regions where areas.area(code.string) == nil {
            problems.append(.notAPCode(EventRows.originCode.name, value: code.string, at: first.row!.location))
        }
        var events: [DisplacementEvent] = []
        if kept.key == period {
            for event in kept.value {
                guard let region = areas.area(event.regionCode.string) else { continue }
                events.append(
                    DisplacementEvent(
                        id: event.id.string, start: event.start, end: event.end, reportDate: event.reportDate, regionCode: region.code,
                        regionName: region.name, communes: event.communes, cercles: event.cercles, individuals: event.individuals,
                        households: event.households, estimated: event.estimated, cause: event.cause.string,
                        line: event.row.location.line))
            }
        }
        guard problems.isEmpty else { throw PluginFailure(problems) }
        return events.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) }
    }

    /// Names of a `|`-joined cell, trimmed, empty ones dropped, each kept once in first order.
    static func names(_ cell: String) -> [String] {
        var seen = Set<String>()
        return cell.split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (Foundation-free).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
