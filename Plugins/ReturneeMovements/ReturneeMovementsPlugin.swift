import ReportKit

/// The Commission Mouvement de Populations' figures: the stock of one population (returnees by
/// default) at the period's latest report date, compared with the latest earlier report date.
public enum ReturneeMovementsPlugin: ReportPlugin {
    static let populations = VocabularySpec(
        "populations", forms: ["plural", "singular"], keys: Population.allCases.map(\.rawValue),
        "The populations' nouns: `plural` as in \"58,315 returnees\", `singular` for a count whose plural category is `one`.")

    public static let description = PluginDescription(
        id: "returnee-movements",
        name: Label(en: "Returnee movements", fr: "Mouvements de retour"),
        summary: "CMP stocks of one population (parameter `population`) by region at a report date, with the change since the previous one.",
        inputs: [
            InputSpec(
                name: "movements",
                conventionalFileName: "population_movements.csv",
                documentation: "Cumulative stocks by region at each report date (CMP).",
                columns: [Movements.reportDate, Movements.adm1Code, Movements.adm1Name, Movements.population, Movements.individuals,
                          Movements.households],
                periodColumn: Movements.reportDate
            ),
        ],
        parameters: Parameters.specs,
        facts: [
            FactSpec("population", .label, "The population reported on, plural (the `plural` form of vocabulary `populations`)."),
            FactSpec("population_singular", .label, "The same noun in the singular, for a count whose plural category is `one`."),
            FactSpec("has_figures", .flag, "True when the period has a report date for this population."),
            FactSpec("report_date", .date, "The latest report date inside the period.", optional: true),
            FactSpec("total", .count, "People in the stock at the report date, all regions.", optional: true),
            FactSpec("households", .count, "Households at the report date; absent unless every row of that date has them.", optional: true),
            FactSpec("region_count", .count, "Regions with a figure at the report date.", optional: true),
            FactSpec("regions", .list, "The regions with the largest stocks, largest first (as many as the `regions` parameter); absent when every stock is 0.", optional: true),
            FactSpec("previous_report_date", .date, "The latest report date before the period's; absent when there is none.", optional: true),
            FactSpec("previous_is_older", .flag, "True when previous_report_date is before the previous month: no figures were published in between."),
            FactSpec("previous_total", .count, "People in the stock at the previous report date.", optional: true),
            FactSpec("change", .change, "The total minus the previous total.", optional: true),
            FactSpec("latest_report_date", .date, "When the period has no report date: the latest one before it, if any.", optional: true),
            FactSpec("latest_total", .count, "When the period has no report date: the stock at the latest earlier one.", optional: true),
        ],
        tables: [
            TableSpec("by_region", "The stock by region at the report date and the previous one.", columns: [
                TableColumnSpec("adm1_code", hxl: "#adm1+code", "Region P-code."),
                TableColumnSpec("adm1_name", hxl: "#adm1+name", "Region name."),
                TableColumnSpec("individuals", hxl: "#affected+ind", "People at the report date."),
                TableColumnSpec("previous", hxl: "#affected+ind+previous", "People at the previous report date; empty when none."),
                TableColumnSpec("change", hxl: "#affected+ind+change", "individuals minus previous; empty when there is no previous figure."),
            ]),
            TableSpec(
                "monthly", "The 12 months up to the period, oldest first: the stock at each month's latest report date, all regions. Empty cells for a month without a report date (not counted).",
                columns: [
                    TableColumnSpec("month", hxl: "#date+month", "The month (2017-04)."),
                    TableColumnSpec("report_date", hxl: "#date+reported", "The month's latest report date; empty when none."),
                    TableColumnSpec("individuals", hxl: "#affected+ind", "People in the stock at that date; empty when none."),
                ]),
        ],
        vocabularies: [populations]
    )

    public static func makeInputs(parameters: Parameters, period: Period?) -> PopulationStocks { PopulationStocks(population: parameters.population) }

    public static func run(inputs: PopulationStocks, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        let stocks = CMPStocks(inputs.stocks, areas: vocabularies.areas)
        let words = vocabularies[populations.name]
        var facts: [String: FactValue] = [
            "previous_is_older": .flag(false),
            "population": .label(words.label(parameters.population.rawValue, "plural")!),
            "population_singular": .label(words.label(parameters.population.rawValue, "singular")!),
        ]
        guard let reportDate = stocks.dates.latest(in: period) else {
            facts["has_figures"] = .flag(false)
            if let latest = stocks.dates.latest(before: period) {
                facts["latest_report_date"] = .date(latest)
                facts["latest_total"] = .count(stocks.total(at: latest))
            }
            return ReportResult(
                facts: facts, tables: ["by_region": ResultTable(rows: []), "monthly": ResultTable(rows: stocks.historyRows(period.history()))],
                dataThrough: facts["latest_report_date"]?.day)
        }
        let previousDate = stocks.dates.last { $0 < reportDate }
        let current = stocks.regions(at: reportDate)
        let previous = previousDate.map { stocks.regions(at: $0) } ?? [:]
        let total = stocks.total(at: reportDate)

        facts["has_figures"] = .flag(true)
        facts["report_date"] = .date(reportDate)
        facts["total"] = .count(total)
        facts["region_count"] = .count(current.count)
        if let households = stocks.households(at: reportDate) { facts["households"] = .count(households) }
        // A region whose stock fell to 0 is not among "the largest numbers".
        let largest = current.values.filter { $0.individuals > 0 }.rankedLargestFirst(by: \.individuals, thenBy: \.name)
        if !largest.isEmpty { facts["regions"] = .list(largest.prefix(parameters.regions).map { Label($0.name) }) }
        if let previousDate {
            let previousTotal = stocks.total(at: previousDate)
            facts["previous_report_date"] = .date(previousDate)
            facts["previous_is_older"] = .flag(previousDate < period.previous.firstDay)
            facts["previous_total"] = .count(previousTotal)
            facts["change"] = .change(from: previousTotal, to: total)
        }

        let rows: [[TableCell]] = current.keys.sorted().map { code in
            let region = current[code]!
            let before = previous[code]?.individuals
            return [
                .text(code), .text(region.name), .integer(region.individuals),
                before.map(TableCell.integer) ?? .empty,
                before.map { .integer(region.individuals - $0) } ?? .empty,
            ]
        }
        return ReportResult(
            facts: facts, tables: ["by_region": ResultTable(rows: rows), "monthly": ResultTable(rows: stocks.historyRows(period.history()))],
            dataThrough: reportDate)
    }

    /// Report dates of this population only: an IDP count on another date is no comparison point
    /// for returnees.
    public static func periodsWithData(inputs: PopulationStocks, parameters: Parameters) -> Set<Period> {
        inputs.stocks.periods
    }
}

/// The columns of `population_movements.csv`: the CMP's, and the population this report counts.
enum Movements {
    static let reportDate = CMPMovementColumns.reportDate
    static let adm1Code = CMPMovementColumns.adm1Code
    static let adm1Name = CMPMovementColumns.adm1Name
    static let population = Column<Population>("population", hxl: "#x_population", "Which population the row counts.")
    static let individuals = CMPMovementColumns.individuals
    static let households = CMPMovementColumns.households
}

/// What the report keeps of the movements file: the stocks of its population at each month's
/// two latest report dates (`CMPStockMonths`), whatever the file's length. The host checks the
/// region codes and names of every row; the plugin puts codes in the vocabulary's form and names
/// regions from it when it computes (`CMPStocks(_:areas:)`).
public struct PopulationStocks: StreamingAggregate {
    public static let columnsRead: [any ColumnKey]? = [
        Movements.reportDate, Movements.adm1Code, Movements.adm1Name, Movements.population, Movements.individuals, Movements.households,
    ]

    let population: Population
    var stocks = CMPStockMonths()

    init(population: Population) {
        self.population = population
    }

    public mutating func add(_ rows: RowBatch) {
        stocks.add(rows, population: Movements.population, counting: population)
    }
}
