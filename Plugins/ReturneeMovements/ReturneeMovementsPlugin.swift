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
                columns: [
                    ColumnSpec("report_date", .date, hxl: "#date+reported", "The date the stock was counted."),
                    ColumnSpec(
                        "adm1_code", .text, hxl: "#adm1+code", "Region (admin 1) P-code, of the P-code vocabulary.",
                        pcode: PCodeColumn(level: 1, nameColumn: "adm1_name")),
                    ColumnSpec("adm1_name", .text, hxl: "#adm1+name", "Region name, as the P-code vocabulary writes it (accents and case aside)."),
                    ColumnSpec("population", .choice(Population.allCases.map(\.rawValue)), hxl: "#x_population", "Which population the row counts."),
                    ColumnSpec("individuals", .count, hxl: "#affected+ind", "People in the stock."),
                    ColumnSpec("households", .optionalCount, hxl: "#affected+hh", "Households in the stock; empty when not collected."),
                ],
                periodColumn: "report_date"
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
        ],
        vocabularies: [populations]
    )

    public static func run(inputs: PluginInputs, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        let stocks = Stocks(inputs["movements"]!, population: parameters.population)
        let words = vocabularies[populations.name]
        var facts: [String: FactValue] = [
            "previous_is_older": .flag(false),
            "population": .label(words.label(parameters.population.rawValue, "plural")!),
            "population_singular": .label(words.label(parameters.population.rawValue, "singular")!),
        ]
        guard let reportDate = stocks.dates.last(where: period.contains) else {
            facts["has_figures"] = .flag(false)
            if let latest = stocks.dates.last(where: { $0 < period.firstDay }) {
                facts["latest_report_date"] = .date(latest)
                facts["latest_total"] = .count(stocks.total(at: latest))
            }
            return ReportResult(facts: facts, tables: ["by_region": ResultTable(rows: [])], dataThrough: facts["latest_report_date"]?.day)
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
        let largest = current.values.filter { $0.individuals > 0 }.sorted { ($0.individuals, $1.name) > ($1.individuals, $0.name) }
        if !largest.isEmpty { facts["regions"] = .list(largest.prefix(parameters.regions).map { Label($0.name) }) }
        if let previousDate {
            let previousTotal = stocks.total(at: previousDate)
            facts["previous_report_date"] = .date(previousDate)
            facts["previous_is_older"] = .flag(previousDate < period.previous.firstDay)
            facts["previous_total"] = .count(previousTotal)
            facts["change"] = .change(total - previousTotal, relative: previousTotal == 0 ? nil : Double(total - previousTotal) / Double(previousTotal))
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
        return ReportResult(facts: facts, tables: ["by_region": ResultTable(rows: rows)], dataThrough: reportDate)
    }

    /// Report dates of this population only: an IDP count on another date is no comparison point
    /// for returnees.
    public static func periodsWithData(inputs: PluginInputs, parameters: Parameters) -> Set<Period> {
        Set(Stocks(inputs["movements"]!, population: parameters.population).dates.map(\.period))
    }
}

/// One population's rows of the movements file, by report date and region.
struct Stocks {
    struct Region {
        var name: String
        var individuals: Int
        /// nil as soon as one row of the region at that date did not collect households.
        var households: Int?
    }

    /// Report dates, ascending.
    let dates: [Day]
    private let byDate: [Day: [String: Region]]

    init(_ table: InputTable, population: Population) {
        let dates = table.dates("report_date"), codes = table.texts("adm1_code"), names = table.texts("adm1_name")
        let populations = table.texts("population"), individuals = table.counts("individuals")
        let households = table.optionalCounts("households")
        var byDate: [Day: [String: Region]] = [:]
        for row in 0..<table.rowCount where populations[row] == population.rawValue {
            // Several rows for one region and date (partners reporting separately) add up.
            var region = byDate[dates[row], default: [:]][codes[row]] ?? Region(name: names[row], individuals: 0, households: 0)
            region.individuals += individuals[row]
            region.households = region.households.flatMap { sum in households[row].map { sum + $0 } }
            byDate[dates[row], default: [:]][codes[row]] = region
        }
        self.byDate = byDate
        self.dates = byDate.keys.sorted()
    }

    func regions(at date: Day) -> [String: Region] { byDate[date] ?? [:] }

    func total(at date: Day) -> Int { regions(at: date).values.reduce(0) { $0 + $1.individuals } }

    func households(at date: Day) -> Int? {
        regions(at: date).values.reduce(Optional(0)) { sum, region in sum.flatMap { total in region.households.map { total + $0 } } }
    }
}
