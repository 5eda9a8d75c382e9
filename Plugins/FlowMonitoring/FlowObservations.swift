import ReportKit

/// What flow monitoring keeps of the observations, whatever their number: sums by month, by
/// FMP, mode, nationality and destination, and two numbers a day for the daily series. Ten
/// years of daily counts at a hundred FMPs fit in a few megabytes; the rows are never kept.
///
/// The FMP filter, a cumulative window's first day and, with `--period`, the period are known
/// before the first row: rows of other FMPs, and rows no figure of the period counts, are left
/// out as they stream by. The host joins the parts of a file read on several threads.
public struct FlowObservations: StreamingAggregate, KeepsPCodeForms {
    public static let columnsRead: [any ColumnKey]? = [
        Observation.date, Observation.fmpCode, Observation.fmpName, Observation.adm1Code, Observation.direction,
        Observation.destinationCountry, Observation.nationality, Observation.transportMode,
        Observation.adultM, Observation.adultF, Observation.childM, Observation.childF, Observation.uac,
    ]

    /// Individuals in and out.
    struct Flow: Accumulator {
        var incoming = Sum()
        var outgoing = Sum()
        var total: Int { incoming.value + outgoing.value }

        mutating func add(_ individuals: Int, _ direction: Direction) {
            if direction == .incoming { incoming += individuals } else { outgoing += individuals }
        }
    }

    struct FMP: Accumulator {
        var flow = Flow()
        /// Its name and region as its first row writes them.
        var place = FirstSeen<(name: Text, adm1: Text)>()
    }

    /// The sums of a month, or of a window's months merged.
    struct Month: Accumulator {
        var rows = Sum()
        var flow = Flow()
        /// Men and boys; boys and girls.
        var men = Sum()
        var minors = Sum()
        /// Unaccompanied children, over the rows that recorded them.
        var uac = SumOfKnown()
        var lastDay = Maximum<DayNumber>()
        var modes = Tally<TransportMode, Flow>()
        var fmps = Tally<Text, FMP>()
        /// A nationality whose rows count nobody is still listed.
        var nationalities = Tally<Text, Flow>()
        var destinations = Tally<Text, Sum>()
    }

    /// FMP codes kept; nil keeps every FMP.
    let kept: TextSet?
    /// The days counted: from a cumulative window's `since`; with a period, only what its
    /// window, previous month and monthly history need.
    let counted: DayWindow

    var months = ByMonth<Month>()
    /// A day met has rows, whatever they add up to.
    var days = ByDay<Flow>()
    /// Rows of the kept FMPs by month, counted or not: the periods with data.
    var rowsByMonth = ByMonth<Sum>()
    /// Region codes are kept as the file writes them, and read through the vocabulary's forms.
    public var pcodeForms = PCodeForms()

    init(parameters: FlowMonitoringPlugin.Parameters, period: Period?) {
        kept = parameters.fmps.isEmpty ? nil : TextSet(parameters.fmps, of: Observation.fmpCode)
        let since = parameters.window == .cumulative ? parameters.since : period?.history().first?.firstDay
        counted = DayWindow(from: since, through: period?.lastDay)
    }

    public mutating func add(_ rows: RowBatch) {
        let days = rows[Observation.date], codes = rows[Observation.fmpCode]
        let names = rows[Observation.fmpName], regions = rows[Observation.adm1Code]
        let directions = rows[Observation.direction], modes = rows[Observation.transportMode]
        let nationalities = rows[Observation.nationality], destinations = rows[Observation.destinationCountry]
        let adultM = rows[Observation.adultM], adultF = rows[Observation.adultF]
        let childM = rows[Observation.childM], childF = rows[Observation.childF], uacs = rows[Observation.uac]

        let filtered = kept != nil, kept = self.kept ?? TextSet([], of: Observation.fmpCode)
        for run in rows.monthRuns(of: Observation.date) {
            // A month's sums taken out once a run, added to, and put back.
            var month = months[run.month]
            var keptRows = 0
            for row in run.rows {
                let code = codes[row]
                if filtered, !kept.contains(code) { continue }
                keptRows += 1
                let day = days[row], direction = directions[row]
                guard counted.contains(day) else { continue }
                let individuals = adultM[row] + adultF[row] + childM[row] + childF[row]
                month.rows += 1
                month.lastDay.see(day)
                month.men += adultM[row] + childM[row]
                month.minors += childM[row] + childF[row]
                month.uac += uacs[row]
                month.flow.add(individuals, direction)
                month.modes[modes[row]].add(individuals, direction)
                month.fmps[code].flow.add(individuals, direction)
                month.fmps[code].place.see((names[row], regions[row]), at: rows.reference(ofRow: row))
                month.nationalities[nationalities[row]].add(individuals, direction)
                month.destinations[destinations[row]] += individuals
                self.days[day].add(individuals, direction)
            }
            if keptRows > 0 { rowsByMonth[run.month] += keptRows }
            if month.rows.value > 0 { months[run.month] = month }
        }
    }
}
