/// One population's stocks in a CMP movements file (`population_movements.csv`): people (and
/// households) by report date and region. Both the returnee report and the situation report's
/// IDP stock read it, so it is computed here, once.
///
/// Several rows for one region and date (partners reporting separately) add up; households are
/// unknown (nil) as soon as one of the rows added did not collect them.
public struct CMPStocks: Sendable {
    public struct Region: Sendable, Hashable {
        public var name: String
        public var individuals: Int
        /// nil as soon as one row of the region at that date did not collect households.
        public var households: Int?
    }

    /// The columns read, as the formats document names them.
    public static let columns = ["report_date", "adm1_code", "adm1_name", "population", "individuals", "households"]

    /// Report dates of this population, ascending.
    public let dates: [Day]
    private let byDate: [Day: [String: Region]]

    /// The rows of `table` whose `population` is `population`.
    public init(_ table: InputTable, population: String) {
        let dates = table.dates("report_date"), codes = table.texts("adm1_code"), names = table.texts("adm1_name")
        let populations = table.texts("population"), individuals = table.counts("individuals")
        let households = table.optionalCounts("households")
        var byDate: [Day: [String: Region]] = [:]
        for row in 0..<table.rowCount where populations[row] == population {
            var region = byDate[dates[row], default: [:]][codes[row]] ?? Region(name: names[row], individuals: 0, households: 0)
            region.individuals += individuals[row]
            region.households = region.households.adding(households[row])
            byDate[dates[row], default: [:]][codes[row]] = region
        }
        self.byDate = byDate
        self.dates = byDate.keys.sorted()
    }

    /// The regions' stocks at `date`, by P-code; empty when the date has no row.
    public func regions(at date: Day) -> [String: Region] { byDate[date] ?? [:] }

    /// People in the stock at `date`, all regions.
    public func total(at date: Day) -> Int { regions(at: date).values.reduce(0) { $0 + $1.individuals } }

    /// Households at `date`, all regions; nil unless every row of that date has them.
    public func households(at date: Day) -> Int? { regions(at: date).values.map(\.households).sumIfAllKnown }

    /// Each month's latest report date and the stock then, all regions: the rows of a monthly
    /// history. A month without a report date has none (the stock was not counted), never 0.
    public func history(_ months: [Period]) -> [(month: Period, date: Day?, individuals: Int?)] {
        months.map { month in
            guard let date = dates.latest(in: month) else { return (month, nil, nil) }
            return (month, date, total(at: date))
        }
    }

    /// The table rows of `history`: the month, its report date and the stock, or empty cells.
    public func historyRows(_ months: [Period]) -> [[TableCell]] {
        history(months).map { month, date, individuals in
            [.month(month), date.map(TableCell.day) ?? .empty, individuals.map(TableCell.integer) ?? .empty]
        }
    }
}
