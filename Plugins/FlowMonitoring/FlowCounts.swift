import ReportKit

/// The observations of one window (and the month before it): the sums of its months in
/// `FlowObservations`, added up by code. The window's totals are `sums`, read as properties of
/// the counts themselves (`counts.incoming`).
@dynamicMemberLookup
struct FlowCounts {
    /// One FMP's totals.
    struct FMP {
        var code: String
        var name: String
        var adm1: String
        var incoming = 0
        var outgoing = 0
        var total: Int { incoming + outgoing }
    }

    /// Incoming and outgoing individuals for one code (nationality, destination).
    struct Directions {
        var incoming = 0
        var outgoing = 0
        var total: Int { incoming + outgoing }
    }

    var sums = FlowSums()
    var fmps: [String: FMP] = [:]
    var nationalities: [String: Directions] = [:]
    var destinations: [String: Int] = [:]
    /// Indexed by day from the window's first day; `dayHasRows` tells a day without rows (not
    /// collected) from a day whose rows add up to 0.
    var dailyIncoming: [Int]
    var dailyOutgoing: [Int]
    var dayHasRows: [Bool]

    /// The month before a month window, with the same FMP filter.
    var previousIncoming = 0
    var previousOutgoing = 0
    var previousRows = 0
    /// FMPs with observations in the previous month.
    var previousFMPs = 0

    subscript<Value>(dynamicMember keyPath: KeyPath<FlowSums, Value>) -> Value { sums[keyPath: keyPath] }

    /// The sums of the days `first...last` (days since 1970), which are whole months or run
    /// from a cumulative window's `since` (the rows before it were never added), and of the
    /// month `previous` when given.
    init(_ observations: FlowObservations, first: Int, last: Int, previous: Period?) {
        let span = max(0, last - first + 1)
        dailyIncoming = [Int](repeating: 0, count: span)
        dailyOutgoing = [Int](repeating: 0, count: span)
        dayHasRows = [Bool](repeating: false, count: span)
        guard span > 0 else { return }

        var firstRows: [String: Int] = [:]
        for month in Day(daysSinceEpoch: first).monthNumber...Day(daysSinceEpoch: last).monthNumber {
            guard let counted = observations.month(month) else { continue }
            sums.add(counted.totals)
            for (number, sum) in counted.fmps.enumerated() where sum.firstRow != Int.max {
                let code = observations.fmps.texts[number]
                var fmp = fmps[code] ?? FMP(code: code, name: sum.name, adm1: sum.adm1)
                // Name and region as the window's first row of the FMP gives them.
                if sum.firstRow < firstRows[code, default: Int.max] {
                    fmp.name = sum.name
                    fmp.adm1 = sum.adm1
                    firstRows[code] = sum.firstRow
                }
                fmp.incoming += sum.incoming
                fmp.outgoing += sum.outgoing
                fmps[code] = fmp
            }
            for (number, rows) in counted.nationalityRows.enumerated() where rows > 0 {
                let code = observations.nationalities.texts[number]
                nationalities[code, default: Directions()].incoming += counted.nationalitiesIncoming[number]
                nationalities[code, default: Directions()].outgoing += counted.nationalitiesOutgoing[number]
            }
            for (number, count) in counted.destinations.enumerated() {
                destinations[observations.destinations.texts[number], default: 0] += count
            }
        }
        for offset in 0..<span {
            let index = first + offset - observations.firstDay
            guard index >= 0, index < observations.dayHasRows.count, observations.dayHasRows[index] else { continue }
            dayHasRows[offset] = true
            dailyIncoming[offset] = observations.dailyIncoming[index]
            dailyOutgoing[offset] = observations.dailyOutgoing[index]
        }
        if let previous, let counted = observations.month(previous.monthNumber) {
            previousIncoming = counted.totals.incoming
            previousOutgoing = counted.totals.outgoing
            previousRows = counted.totals.rows
            previousFMPs = counted.fmps.filter { $0.firstRow != Int.max }.count
        }
    }

    /// The modes named as main: every mode whose count is at least 95 % of the largest (so two
    /// modes "within 5 % of each other" are both named), largest first, then in the order of
    /// `TransportMode.allCases`. Empty when nobody travelled in that direction.
    static func mainModes(_ counts: [Int]) -> [TransportMode] {
        guard let largest = counts.max(), largest > 0 else { return [] }
        return TransportMode.allCases
            .filter { counts[$0.index] * 100 >= largest * 95 }
            .rankedLargestFirst(by: { counts[$0.index] }, thenBy: \.index)
    }

    /// `total ÷ days`, rounded half up (10.5 → 11), in whole numbers only.
    static func dailyAverage(total: Int, days: Int) -> Int {
        (2 * total + days) / (2 * days)
    }

    /// The `count` codes with the most individuals, largest first (then by code), leaving out
    /// the codes of an unknown country.
    static func top(_ totals: [String: Int], count: Int, leavingOut unknown: Set<String>) -> [String] {
        totals.filter { !unknown.contains($0.key) && $0.value > 0 }
            .rankedLargestFirst(by: \.value, thenBy: \.key)
            .prefix(count).map(\.key)
    }
}
