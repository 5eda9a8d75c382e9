import ReportKit

/// The observations of one window (and the month before it), added up in one pass over the
/// columns: plain arrays indexed by mode or day, dictionaries keyed by the codes of the file.
/// No string is built per row.
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

    var incoming = 0
    var outgoing = 0
    var men = 0
    var minors = 0
    /// Unaccompanied children of the rows that recorded them.
    var uac = 0
    var rowsWithUAC = 0
    var rowsWithoutUAC = 0
    var rows = 0
    /// The last day with a row in the window, as days since 1970.
    var lastDay: Int?
    var fmps: [String: FMP] = [:]
    /// Indexed by `TransportMode.index`.
    var modesIncoming = [Int](repeating: 0, count: TransportMode.allCases.count)
    var modesOutgoing = [Int](repeating: 0, count: TransportMode.allCases.count)
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

    var total: Int { incoming + outgoing }

    /// Adds up the rows of `table` whose date is in `first...last` (days since 1970), and those in
    /// `previous` when given, keeping only the FMPs in `filter` when it is not empty.
    init(_ table: InputTable, first: Int, last: Int, previous: ClosedRange<Int>?, filter: Set<String>) {
        let span = max(0, last - first + 1)
        dailyIncoming = [Int](repeating: 0, count: span)
        dailyOutgoing = [Int](repeating: 0, count: span)
        dayHasRows = [Bool](repeating: false, count: span)

        let dates = table.dates("date"), codes = table.texts("fmp_code"), names = table.texts("fmp_name")
        let adm1 = table.texts("adm1_code"), directions = table.texts("direction")
        let destinationColumn = table.texts("destination_country"), nationalityColumn = table.texts("nationality")
        let modeColumn = table.texts("transport_mode")
        let adultM = table.counts("adult_m"), adultF = table.counts("adult_f")
        let childM = table.counts("child_m"), childF = table.counts("child_f")
        let uacColumn = table.optionalCounts("uac")
        var modeIndex: [String: Int] = [:]
        for mode in TransportMode.allCases { modeIndex[mode.rawValue] = mode.index }

        for row in 0..<table.rowCount {
            if !filter.isEmpty && !filter.contains(codes[row]) { continue }
            let day = dates[row].daysSinceEpoch
            let individuals = adultM[row] + adultF[row] + childM[row] + childF[row]
            let isIncoming = directions[row] == "incoming"
            if day < first || day > last {
                if let previous, previous.contains(day) {
                    if isIncoming { previousIncoming += individuals } else { previousOutgoing += individuals }
                    previousRows += 1
                }
                continue
            }
            rows += 1
            lastDay = max(lastDay ?? day, day)
            men += adultM[row] + childM[row]
            minors += childM[row] + childF[row]
            if let uac = uacColumn[row] {
                self.uac += uac
                rowsWithUAC += 1
            } else {
                rowsWithoutUAC += 1
            }
            let mode = modeIndex[modeColumn[row]]!  // the reader checked the vocabulary
            let offset = day - first
            dayHasRows[offset] = true
            var fmp = fmps[codes[row]] ?? FMP(code: codes[row], name: names[row], adm1: adm1[row])
            if isIncoming {
                incoming += individuals
                modesIncoming[mode] += individuals
                dailyIncoming[offset] += individuals
                fmp.incoming += individuals
                nationalities[nationalityColumn[row], default: Directions()].incoming += individuals
            } else {
                outgoing += individuals
                modesOutgoing[mode] += individuals
                dailyOutgoing[offset] += individuals
                fmp.outgoing += individuals
                nationalities[nationalityColumn[row], default: Directions()].outgoing += individuals
            }
            fmps[codes[row]] = fmp
            destinations[destinationColumn[row], default: 0] += individuals
        }
    }

    /// The modes named as main: every mode whose count is at least 95 % of the largest (so two
    /// modes "within 5 % of each other" are both named), largest first, then in the order of
    /// `TransportMode.allCases`. Empty when nobody travelled in that direction.
    static func mainModes(_ counts: [Int]) -> [TransportMode] {
        guard let largest = counts.max(), largest > 0 else { return [] }
        return TransportMode.allCases
            .filter { counts[$0.index] * 100 >= largest * 95 }
            .sorted { (counts[$0.index], $1.index) > (counts[$1.index], $0.index) }
    }

    /// `total ÷ days`, rounded half up (10.5 → 11), in whole numbers only.
    static func dailyAverage(total: Int, days: Int) -> Int {
        (2 * total + days) / (2 * days)
    }

    /// The `count` codes with the most individuals, largest first (then by code), leaving out
    /// the unknown country `OOO`.
    static func top(_ totals: [String: Int], count: Int) -> [String] {
        totals.filter { $0.key != Countries.unknown && $0.value > 0 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(count).map(\.key)
    }
}
