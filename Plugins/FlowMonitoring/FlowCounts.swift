import ReportKit

/// The observations of one window (and the month before it): the sums of its months in
/// `FlowObservations` merged, by code. The window's totals are `sums`, read as properties of
/// the counts themselves (`counts.rows`).
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

    var sums = FlowObservations.Month()
    var fmps: [String: FMP] = [:]
    var nationalities: [String: Directions] = [:]
    var destinations: [String: Int] = [:]
    /// Indexed by day from the window's first day; `dayHasRows` tells a day without rows (not
    /// collected) from a day whose rows add up to 0.
    var dailyIncoming: [Int]
    var dailyOutgoing: [Int]
    var dayHasRows: [Bool]

    /// The month before a month window, with the same FMP filter.
    var previous: FlowObservations.Month?

    subscript<Value>(dynamicMember keyPath: KeyPath<FlowObservations.Month, Value>) -> Value { sums[keyPath: keyPath] }

    var incoming: Int { sums.flow.incoming.value }
    var outgoing: Int { sums.flow.outgoing.value }
    var total: Int { sums.flow.total }

    /// The sums of the days `first...last`, which are whole months or run from a cumulative
    /// window's `since` (the rows before it were never added), and of the month `previous`
    /// when given.
    init(_ observations: FlowObservations, first: Day, last: Day, previous: Period?) {
        let firstNumber = first.number, span = max(0, first.number.distance(to: last.number) + 1)
        dailyIncoming = [Int](repeating: 0, count: span)
        dailyOutgoing = [Int](repeating: 0, count: span)
        dayHasRows = [Bool](repeating: false, count: span)
        guard span > 0 else { return }

        // Merging the months keeps each FMP's place as the window's first row of it gives it.
        for month in first.period.through(last.period) {
            if let counted = observations.months[ifMet: month] { sums.merge(counted) }
        }
        for (code, fmp) in sums.fmps {
            let place = fmp.place.value!
            fmps[code.string] = FMP(code: code.string, name: place.name.string, adm1: observations.pcodeForms[place.adm1, of: Observation.adm1Code],
                                    incoming: fmp.flow.incoming.value, outgoing: fmp.flow.outgoing.value)
        }
        for (code, flow) in sums.nationalities {
            nationalities[code.string] = Directions(incoming: flow.incoming.value, outgoing: flow.outgoing.value)
        }
        for (code, sum) in sums.destinations { destinations[code.string] = sum.value }
        for offset in 0..<span where observations.days.contains(firstNumber.advanced(by: offset)) {
            let flow = observations.days[firstNumber.advanced(by: offset)]
            dayHasRows[offset] = true
            dailyIncoming[offset] = flow.incoming.value
            dailyOutgoing[offset] = flow.outgoing.value
        }
        if let previous { self.previous = observations.months[ifMet: previous] }
    }

    /// The modes named as main: every mode whose count is at least 95 % of the largest (so two
    /// modes "within 5 % of each other" are both named), largest first, then in the order of
    /// `TransportMode.allCases`. Empty when nobody travelled in that direction.
    static func mainModes(_ counts: [TransportMode: Int]) -> [TransportMode] {
        guard let largest = counts.values.max(), largest > 0 else { return [] }
        return TransportMode.allCases
            .filter { counts[$0, default: 0] * 100 >= largest * 95 }
            .rankedLargestFirst(by: { counts[$0, default: 0] }, thenBy: \.caseIndex)
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
