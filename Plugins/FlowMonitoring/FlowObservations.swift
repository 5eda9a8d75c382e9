import ReportKit

/// What flow monitoring keeps of the observations, whatever their number: sums by month, by
/// FMP, mode, nationality and destination, and two numbers a day for the daily series. Ten
/// years of daily counts at a hundred FMPs fit in a few megabytes; the rows are never kept.
///
/// The FMP filter and a cumulative window's first day are known before the first row, so rows
/// of other FMPs and rows before `since` are left out as they stream by; the month (or months)
/// counted is chosen afterwards, from what the file holds.
public struct FlowObservations: InputAggregate, KeepsPCodes {
    /// The sums of one month.
    struct Month: Sendable {
        var totals = FlowSums()
        /// By FMP number (`FlowObservations.fmps`).
        var fmps: [FMP] = []
        /// By nationality number.
        var nationalitiesIncoming: [Int] = []
        var nationalitiesOutgoing: [Int] = []
        /// Rows by nationality number: a nationality whose rows count nobody is still listed.
        var nationalityRows: [Int] = []
        /// By destination number.
        var destinations: [Int] = []
    }

    /// One FMP's sums in one month, and its name and region as its first row of the month
    /// gives them.
    struct FMP: Sendable {
        var incoming = 0
        var outgoing = 0
        /// The position of that first row among every row added, for the window's first.
        var firstRow = Int.max
        var name = ""
        var adm1 = ""
    }

    static let columns = ["date", "fmp_code", "fmp_name", "adm1_code", "direction", "destination_country",
                          "nationality", "transport_mode", "adult_m", "adult_f", "child_m", "child_f", "uac"]

    public static func columnsRead(from input: InputSpec) -> [String] { columns }

    /// FMP codes kept; empty keeps every FMP.
    let filter: Set<String>
    /// Rows before this day (days since 1970) are never counted.
    let since: Int?

    var fmps = TextIndex()
    var nationalities = TextIndex()
    var destinations = TextIndex()
    /// Whether each FMP number passes the filter.
    private var kept: [Bool] = []
    /// By month number (`Period.monthNumber`), from `firstMonth`.
    var months: [Month] = []
    var firstMonth = 0
    /// Individuals a day, in and out, and whether the day has rows at all, from `firstDay`.
    var dailyIncoming: [Int] = []
    var dailyOutgoing: [Int] = []
    var dayHasRows: [Bool] = []
    var firstDay = 0
    /// Months with a row of a kept FMP, `since` or not: the periods with data.
    var monthsWithRows: Set<Int> = []
    /// Rows added so far, kept or not: the position of the next one.
    private var rowsAdded = 0

    public init(parameters: FlowMonitoringPlugin.Parameters) {
        filter = Set(parameters.fmps)
        since = parameters.window == .cumulative ? parameters.since?.daysSinceEpoch : nil
    }

    public mutating func add(_ rows: RowBatch) {
        let days = rows.days("date"), fmpNumbers = fmps.numbers(of: rows.texts("fmp_code"))
        let names = rows.texts("fmp_name"), adm1 = rows.texts("adm1_code")
        let directions = rows.choices("direction"), modes = rows.choices("transport_mode")
        let nationalityNumbers = nationalities.numbers(of: rows.texts("nationality"))
        let destinationNumbers = destinations.numbers(of: rows.texts("destination_country"))
        let adultM = rows.counts("adult_m"), adultF = rows.counts("adult_f")
        let childM = rows.counts("child_m"), childF = rows.counts("child_f")
        let uacColumn = rows.optionalCounts("uac")
        let incomingIndex = Int32(FlowObservations.incoming)
        while kept.count < fmps.count { kept.append(filter.isEmpty || filter.contains(fmps.texts[kept.count])) }
        let kept = self.kept
        let since = self.since ?? Int.min

        // A month's rows at a time (a file sorted by date has one or two months a batch): the
        // month's sums are taken out of `months` and grown once, so that the loop over its
        // rows adds to arrays of its own rather than through `months[month]` for every sum.
        var cachedDay = Int.min, cachedMonth = 0
        var runStart = 0
        while runStart < rows.count {
            // The run: the rows up to the next one of another month; the days it counts.
            var runEnd = runStart
            var runMonth = Int.min, hasKept = false
            var firstCounted = Int.max, lastCounted = Int.min
            while runEnd < rows.count {
                let day = Int(days[runEnd])
                if day != cachedDay {
                    cachedDay = day
                    cachedMonth = Day(daysSinceEpoch: day).monthNumber
                }
                if runMonth == Int.min { runMonth = cachedMonth } else if cachedMonth != runMonth { break }
                if kept[fmpNumbers[runEnd]] {
                    hasKept = true
                    if day >= since {
                        firstCounted = min(firstCounted, day)
                        lastCounted = max(lastCounted, day)
                    }
                }
                runEnd += 1
            }
            defer { runStart = runEnd }
            // Months with a row of a kept FMP, `since` or not: the periods with data.
            if hasKept { monthsWithRows.insert(runMonth) }
            guard firstCounted <= lastCounted else { continue }

            let slot = slot(forMonth: runMonth)
            _ = self.slot(forDay: firstCounted)
            _ = self.slot(forDay: lastCounted)
            let firstDay = self.firstDay
            var month = Month()
            swap(&month, &months[slot])
            var dailyIncoming: [Int] = [], dailyOutgoing: [Int] = [], dayHasRows: [Bool] = []
            swap(&dailyIncoming, &self.dailyIncoming)
            swap(&dailyOutgoing, &self.dailyOutgoing)
            swap(&dayHasRows, &self.dayHasRows)
            grow(&month.fmps, to: fmps.count, with: FMP())
            grow(&month.nationalitiesIncoming, to: nationalities.count, with: 0)
            grow(&month.nationalitiesOutgoing, to: nationalities.count, with: 0)
            grow(&month.nationalityRows, to: nationalities.count, with: 0)
            grow(&month.destinations, to: destinations.count, with: 0)
            var totals = month.totals
            var modesIncoming = totals.modesIncoming, modesOutgoing = totals.modesOutgoing
            totals.modesIncoming = []
            totals.modesOutgoing = []
            var lastDay = totals.lastDay ?? Int.min

            for row in runStart..<runEnd {
                let fmp = fmpNumbers[row]
                guard kept[fmp] else { continue }
                let day = Int(days[row])
                if day < since { continue }
                let individuals = adultM[row] + adultF[row] + childM[row] + childF[row]
                let mode = Int(modes[row])
                let nationality = nationalityNumbers[row], destination = destinationNumbers[row]
                let dayIndex = day - firstDay

                totals.rows += 1
                lastDay = max(lastDay, day)
                totals.men += adultM[row] + childM[row]
                totals.minors += childM[row] + childF[row]
                if let uac = uacColumn[row] {
                    totals.uac += uac
                    totals.rowsWithUAC += 1
                } else {
                    totals.rowsWithoutUAC += 1
                }
                if month.fmps[fmp].firstRow == Int.max {
                    month.fmps[fmp].firstRow = rowsAdded + row
                    month.fmps[fmp].name = names[row]
                    month.fmps[fmp].adm1 = adm1[row]
                }
                month.nationalityRows[nationality] += 1
                dayHasRows[dayIndex] = true
                if directions[row] == incomingIndex {
                    totals.incoming += individuals
                    modesIncoming[mode] += individuals
                    month.fmps[fmp].incoming += individuals
                    month.nationalitiesIncoming[nationality] += individuals
                    dailyIncoming[dayIndex] += individuals
                } else {
                    totals.outgoing += individuals
                    modesOutgoing[mode] += individuals
                    month.fmps[fmp].outgoing += individuals
                    month.nationalitiesOutgoing[nationality] += individuals
                    dailyOutgoing[dayIndex] += individuals
                }
                month.destinations[destination] += individuals
            }

            totals.lastDay = lastDay
            totals.modesIncoming = modesIncoming
            totals.modesOutgoing = modesOutgoing
            month.totals = totals
            swap(&month, &months[slot])
            swap(&dailyIncoming, &self.dailyIncoming)
            swap(&dailyOutgoing, &self.dailyOutgoing)
            swap(&dayHasRows, &self.dayHasRows)
        }
        rowsAdded += rows.count
    }

    public mutating func append(_ later: FlowObservations) {
        let fmpMap = fmps.absorb(later.fmps)
        let nationalityMap = nationalities.absorb(later.nationalities)
        let destinationMap = destinations.absorb(later.destinations)
        while kept.count < fmps.count { kept.append(filter.isEmpty || filter.contains(fmps.texts[kept.count])) }
        monthsWithRows.formUnion(later.monthsWithRows)
        for (offset, theirs) in later.months.enumerated() where theirs.totals.rows > 0 {
            let month = slot(forMonth: later.firstMonth + offset)
            var ours = months[month]
            ours.totals.add(theirs.totals)
            grow(&ours.fmps, to: fmps.count, with: FMP())
            for (number, fmp) in theirs.fmps.enumerated() where fmp.firstRow != Int.max {
                let target = fmpMap[number]
                ours.fmps[target].incoming += fmp.incoming
                ours.fmps[target].outgoing += fmp.outgoing
                if ours.fmps[target].firstRow == Int.max {
                    ours.fmps[target].firstRow = rowsAdded + fmp.firstRow
                    ours.fmps[target].name = fmp.name
                    ours.fmps[target].adm1 = fmp.adm1
                }
            }
            grow(&ours.nationalitiesIncoming, to: nationalities.count, with: 0)
            grow(&ours.nationalitiesOutgoing, to: nationalities.count, with: 0)
            grow(&ours.nationalityRows, to: nationalities.count, with: 0)
            for (number, count) in theirs.nationalityRows.enumerated() { ours.nationalityRows[nationalityMap[number]] += count }
            for (number, count) in theirs.nationalitiesIncoming.enumerated() { ours.nationalitiesIncoming[nationalityMap[number]] += count }
            for (number, count) in theirs.nationalitiesOutgoing.enumerated() { ours.nationalitiesOutgoing[nationalityMap[number]] += count }
            grow(&ours.destinations, to: destinations.count, with: 0)
            for (number, count) in theirs.destinations.enumerated() { ours.destinations[destinationMap[number]] += count }
            months[month] = ours
        }
        for (offset, hasRows) in later.dayHasRows.enumerated() where hasRows {
            let day = slot(forDay: later.firstDay + offset)
            dayHasRows[day] = true
            dailyIncoming[day] += later.dailyIncoming[offset]
            dailyOutgoing[day] += later.dailyOutgoing[offset]
        }
        rowsAdded += later.rowsAdded
    }

    /// The index of `month` in `months`, growing the array (at either end) to hold it.
    private mutating func slot(forMonth month: Int) -> Int {
        if months.isEmpty { firstMonth = month }
        if month < firstMonth {
            months.insert(contentsOf: repeatElement(Month(), count: firstMonth - month), at: 0)
            firstMonth = month
        }
        if month - firstMonth >= months.count {
            months.append(contentsOf: repeatElement(Month(), count: month - firstMonth - months.count + 1))
        }
        return month - firstMonth
    }

    /// The index of `day` in the daily arrays, growing them (at either end) to hold it.
    @inline(__always)
    private mutating func slot(forDay day: Int) -> Int {
        let index = day - firstDay
        if index >= 0, index < dayHasRows.count { return index }
        if dayHasRows.isEmpty {
            firstDay = day
        } else if day < firstDay {
            let added = firstDay - day
            dailyIncoming.insert(contentsOf: repeatElement(0, count: added), at: 0)
            dailyOutgoing.insert(contentsOf: repeatElement(0, count: added), at: 0)
            dayHasRows.insert(contentsOf: repeatElement(false, count: added), at: 0)
            firstDay = day
            return 0
        }
        let needed = day - firstDay + 1 - dayHasRows.count
        dailyIncoming.append(contentsOf: repeatElement(0, count: needed))
        dailyOutgoing.append(contentsOf: repeatElement(0, count: needed))
        dayHasRows.append(contentsOf: repeatElement(false, count: needed))
        return day - firstDay
    }

    @inline(__always)
    private func grow<Element>(_ array: inout [Element], to count: Int, with value: Element) {
        if array.count < count { array.append(contentsOf: repeatElement(value, count: count - array.count)) }
    }

    /// The FMPs' region codes as the P-code vocabulary writes them, once the host checked them.
    public mutating func writePCodes(of column: String, as form: [String: String]) {
        guard column == "adm1_code" else { return }
        for month in months.indices {
            for fmp in months[month].fmps.indices {
                if let written = form[months[month].fmps[fmp].adm1] { months[month].fmps[fmp].adm1 = written }
            }
        }
    }

    /// The index of `incoming` among the direction column's declared choices.
    static let incoming = 0

    /// The sums of `month` (a `Period.monthNumber`), or nil when it has no row.
    func month(_ month: Int) -> Month? {
        let index = month - firstMonth
        guard index >= 0, index < months.count, months[index].totals.rows > 0 else { return nil }
        return months[index]
    }
}
