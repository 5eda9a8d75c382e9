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

/// The events file, read and checked as a whole.
///
/// Checks, on every row whatever its month (one bad row is a problem with the file, and a
/// monthly run should not depend on which month it looks at): `date_start` not after
/// `date_end`; at least one name in `origin_communes` and in `destination_cercles`; no
/// `event_id` twice. The host has checked `origin_adm1_code` against the P-code vocabulary,
/// which names the region. Every problem is collected, each at its row, into one
/// `PluginFailure`: the host reports them all, under its usual cap.
struct EventFile {
    /// Every event of the file, in file order.
    let events: [DisplacementEvent]

    init(_ table: InputTable, areas: AdminAreas) throws(PluginFailure) {
        let ids = table.texts("event_id"), starts = table.dates("date_start"), ends = table.dates("date_end")
        let reportDates = table.dates("report_date"), codes = table.texts("origin_adm1_code")
        let communes = table.texts("origin_communes"), cercles = table.texts("destination_cercles")
        let individuals = table.counts("individuals"), households = table.optionalCounts("households")
        let estimated = table.flags("estimated"), causes = table.texts("cause")

        var problems: [PluginProblem] = []
        var firstLine: [String: Int] = [:]
        var events: [DisplacementEvent] = []
        events.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let line = table.lines[row]
            let at = table.place(ofRow: row)
            if starts[row] > ends[row] {
                problems.append(.dayAfter("date_start", starts[row], "date_end", ends[row], at: at))
            }
            let origin = Self.names(communes[row]), destination = Self.names(cercles[row])
            if origin.isEmpty { problems.append(.namesNothing("origin_communes", value: communes[row], noun: "commune", at: at)) }
            if destination.isEmpty { problems.append(.namesNothing("destination_cercles", value: cercles[row], noun: "cercle", at: at)) }
            if let earlier = firstLine[ids[row]] {
                problems.append(.alreadyOnLine("event_id", value: ids[row], line: earlier, at: at))
            } else {
                firstLine[ids[row]] = line
            }
            let code = codes[row]
            // The host checked every code against the vocabulary before the plugin ran.
            guard let region = areas.area(code) else {
                problems.append(.notAPCode("origin_adm1_code", value: code, at: at))
                continue
            }
            events.append(
                DisplacementEvent(
                    id: ids[row], start: starts[row], end: ends[row], reportDate: reportDates[row], regionCode: region.code,
                    regionName: region.name, communes: origin, cercles: destination, individuals: individuals[row],
                    households: households[row], estimated: estimated[row], cause: causes[row], line: line))
        }
        guard problems.isEmpty else { throw PluginFailure(problems) }
        self.events = events
    }

    /// The events whose last day falls in `period`, by first day, then last day, then id.
    func events(in period: Period) -> [DisplacementEvent] {
        events.filter { period.contains($0.end) }.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) }
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
