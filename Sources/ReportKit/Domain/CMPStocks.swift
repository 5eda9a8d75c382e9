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
        self.init(byDate: byDate)
    }

    init(byDate: [Day: [String: Region]]) {
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

/// One population's stocks in a CMP movements file, kept as its rows stream by, whatever the
/// file's length: for each month, its two latest report dates with the regions' stocks then.
/// That is all a report on any month asks of the file: the month's latest report date, the
/// report date before it (the month's second latest, or an earlier month's latest) and each
/// month's latest for the monthly history. Regions are kept by their code as the file writes
/// it; `CMPStocks(_:areas:)` puts them in the vocabulary's form, with its names.
public struct CMPStockMonths: Accumulator {
    /// One region's stock at one report date: rows of the region and date added up.
    public struct Stock: Accumulator {
        public var individuals = Sum()
        public var households = SumIfAllKnown()
        public init() {}
    }

    public var months = ByMonth<AtLatestTwo<DayNumber, Tally<Text, Stock>>>()

    public init() {}

    /// Adds a row of the population.
    public mutating func add(_ day: DayNumber, region: Text, individuals: Int, households: Int?) {
        months[day.month].update(day) { regions in
            regions[region].individuals += individuals
            regions[region].households += households
        }
    }

    /// Months with a report date.
    public var periods: Set<Period> { Set(months.months) }

    /// Adds the rows of `rows` (of `population_movements.csv`) whose `population` cell is
    /// `counted`.
    public mutating func add<Population: ColumnChoice>(_ rows: RowBatch, population column: Column<Population>, counting counted: Population) {
        let days = rows[CMPMovementColumns.reportDate], codes = rows[CMPMovementColumns.adm1Code], populations = rows[column]
        let individuals = rows[CMPMovementColumns.individuals], households = rows[CMPMovementColumns.households]
        for row in 0..<rows.count where populations[row] == counted {
            add(days[row], region: codes[row], individuals: individuals[row], households: households[row])
        }
    }
}

/// The columns of `population_movements.csv` the CMP stocks are read from, declared once for
/// every plugin that reads them. Each plugin declares the `population` column itself, with the
/// populations it counts and its own words for them.
public enum CMPMovementColumns {
    public static let reportDate = Column<Day>("report_date", hxl: "#date+reported", "The date the stock was counted.")
    public static let adm1Code = Column<Text>(
        "adm1_code", hxl: "#adm1+code", "Region (admin 1) P-code, of the P-code vocabulary.",
        pcode: PCodeColumn(level: 1, nameColumn: "adm1_name"))
    public static let adm1Name = Column<Text>(
        "adm1_name", hxl: "#adm1+name", "Region name, as the P-code vocabulary writes it (accents and case aside).")
    public static let individuals = Column<Count>("individuals", hxl: "#affected+ind", "People in the stock.")
    public static let households = Column<Count?>("households", hxl: "#affected+hh", "Households in the stock; empty when not collected.")
}

extension CMPStocks {
    /// The stocks `months` kept, each region under the vocabulary's code and name (the host
    /// checked every code and name of the file against `areas` before the plugin runs).
    public init(_ months: CMPStockMonths, areas: AdminAreas) {
        var byDate: [Day: [String: Region]] = [:]
        for (_, month) in months.months {
            for entry in month.entries {
                var regions: [String: Region] = [:]
                for (written, stock) in entry.value {
                    let area = areas.area(written.string)
                    let code = area?.code ?? written.string
                    var region = regions[code] ?? Region(name: area?.name ?? written.string, individuals: 0, households: 0)
                    region.individuals += stock.individuals.value
                    region.households = region.households.adding(stock.households.value)
                    regions[code] = region
                }
                byDate[entry.key.day] = regions
            }
        }
        self.init(byDate: byDate)
    }
}
