import ReportKit

/// A report type declared in `reports.yaml` alone: the columns it reads, the window, the
/// measures (each a fact), the breakdowns (each a table) and the comparisons all come from the
/// definition's `params:`. Its description is derived for each definition
/// (`description(for:)`), so the template checker, `describe --report`, the JSON document and
/// the pages treat a report of it as any other.
public enum IndicatorsPlugin: ReportPlugin {
    public typealias Inputs = IndicatorRows

    /// The one word of the tables that no data gives: the row `other` of a breakdown with `top`.
    static let words = VocabularySpec(
        "indicator-words", forms: ["word"], keys: ["other"],
        "Words of indicators tables: `other`, the row that adds up the groups after a breakdown's top.")

    public static let description: PluginDescription = {
        var description = PluginDescription(
            id: "indicators",
            name: Label(en: "Indicators", fr: "Indicateurs"),
            summary: "A report type declared in reports.yaml alone: columns, window, measures, breakdowns and comparisons under `params:`.",
            inputs: [dataInput(columns: [], dateColumn: "alert_date")],
            parameters: Parameters.specs,
            facts: [], tables: [], vocabularies: [words])
        description.isShapedByParameters = true
        description.exampleParameters = [
            "columns:",
            "  alert_date: date",
            "  cause: {type: code, vocabulary: causes, heading: {en: \"TODO: heading\", fr: \"TODO : en-tête\"}}",
            "  individuals: count",
            "date: alert_date",
            "window: month",
            "measures:",
            "  alerts: rows",
            "  individuals: {sum: individuals, heading: {en: \"TODO: heading\", fr: \"TODO : en-tête\"}}",
            "breakdowns:",
            "  by_cause:",
            "    measure: individuals",
            "    by: cause",
            "    title: {en: \"TODO: caption in English\", fr: \"TODO : légende en français\"}",
        ]
        return description
    }()

    static func dataInput(columns: [ColumnSpec], dateColumn: String) -> InputSpec {
        InputSpec(name: "data", conventionalFileName: "ett_alerts.csv", required: true,
                  documentation: "The rows the report counts, one column for each declared under `columns:`.",
                  columns: columns, periodColumn: dateColumn)
    }

    /// The facts every indicators report has, whatever its measures.
    static func windowFactNames(compare: [IndicatorComparison]) -> [String] {
        ["has_data", "window_dates"] + compare.map { $0 == .previous ? "previous_dates" : "year_before_dates" }
    }

    /// The facts a measure gives, its own name first.
    static func factNames(of measure: IndicatorDefinition.Measure, compare: [IndicatorComparison]) -> [String] {
        facts(of: measure, compare: compare).map(\.name)
    }

    static func facts(of measure: IndicatorDefinition.Measure, compare: [IndicatorComparison]) -> [FactSpec] {
        let name = measure.name
        var optional = true
        var kind = FactKind.count
        switch measure.kind {
        case .rows, .distinct: optional = false
        case .sum: optional = false
        case .share: kind = .percent
        case .mean, .latest: break
        }
        if measure.digits != nil { kind = .decimal }
        var facts = [FactSpec(name, kind, measure.documentation, optional: optional)]
        if case .latest = measure.kind {
            facts.append(FactSpec("\(name)_date", .date, "The day \(name) is counted at: the latest at or before the window's end.", optional: true))
        }
        for comparison in compare {
            let (suffix, changeSuffix, window) = comparison == .previous
                ? ("previous", "change", "the previous window")
                : ("year_before", "year_change", "the same window a year before")
            facts.append(FactSpec("\(name)_\(suffix)", kind, "\(name) in \(window); absent when it has no row.", optional: true))
            if kind == .count {
                facts.append(FactSpec("\(name)_\(changeSuffix)", .change, "\(name) minus \(name)_\(suffix), with the relative change.", optional: true))
            }
        }
        return facts
    }

    public static func description(for parameters: Parameters) -> PluginDescription {
        guard case (let definition?, _) = IndicatorDefinition.read(parameters) else { return description }
        var derived = description
        derived.inputs = [dataInput(columns: definition.columns.map(\.spec), dateColumn: definition.dateColumn)]
        var facts = [
            FactSpec("has_data", .flag, "True when the window has at least one row."),
            parameters.window == .cumulative
                ? FactSpec("window_dates", .dateRange, "The days counted: `since` to the period's last day; absent when the period ends before `since`.", optional: true)
                : FactSpec("window_dates", .dateRange, "The days counted: the window, up to the period's last day."),
        ]
        for comparison in parameters.compare {
            facts.append(comparison == .previous
                ? FactSpec("previous_dates", .dateRange, "The days of the previous window, which the _previous facts count.")
                : FactSpec("year_before_dates", .dateRange, "The days of the same window a year before, which the _year_before facts count."))
        }
        for measure in definition.measures { facts += Self.facts(of: measure, compare: parameters.compare) }
        var vocabularies = [words]
        var tables: [TableSpec] = []
        for breakdown in definition.breakdowns {
            facts.append(FactSpec("\(breakdown.name)_top", .list,
                                  "The groups of \(breakdown.name) with the largest \(breakdown.measure), largest first (then by code)"
                                  + (breakdown.top.map { ", the first \($0)" } ?? "") + "; absent when every one is 0.", optional: true))
            tables.append(table(breakdown, definition: definition, compare: parameters.compare))
        }
        for column in definition.columns {
            guard case .code(let name, let form) = column.kind else { continue }
            if let index = vocabularies.firstIndex(where: { $0.name == name }) {
                if !vocabularies[index].forms.contains(form) {
                    let spec = vocabularies[index]
                    vocabularies[index] = VocabularySpec(name, forms: spec.forms + [form], keys: spec.keys, spec.documentation)
                }
            } else {
                vocabularies.append(VocabularySpec(name, forms: [form], "The names of column `\(column.name)`'s codes, form `\(form)`."))
            }
        }
        derived.facts = facts
        derived.tables = tables
        derived.vocabularies = vocabularies
        return derived
    }

    static func table(_ breakdown: IndicatorDefinition.Breakdown, definition: IndicatorDefinition, compare: [IndicatorComparison]) -> TableSpec {
        var columns: [TableColumnSpec] = []
        func column(_ name: String, hxl: String, _ documentation: String, heading: Label?) -> TableColumnSpec {
            var spec = TableColumnSpec(name, hxl: hxl, documentation)
            spec.heading = heading
            return spec
        }
        let headings = breakdown.by.compactMap { definition.column($0)!.heading }
        let groupHeading = headings.count == breakdown.by.count
            ? Label(en: headings.map(\.en).joined(separator: " – "), fr: headings.map(\.fr).joined(separator: " – ")) : nil
        for name in breakdown.by {
            let declared = definition.column(name)!
            columns.append(column(name, hxl: declared.hxl, "The value of \(name) (`other` for the rest).", heading: declared.heading))
        }
        let base = definition.column(breakdown.by[0])!.hxl.split(separator: "+").first.map(String.init) ?? "#x_group"
        columns.append(column("label_en", hxl: "\(base)+name+i_en", "The group in English.", heading: groupHeading))
        columns.append(column("label_fr", hxl: "\(base)+name+i_fr", "The group in French.", heading: groupHeading))
        let measure = definition.measure(breakdown.measure)!
        let hxl = measureHashtag(measure, definition: definition)
        columns.append(column(measure.name, hxl: hxl, measure.documentation, heading: measure.heading))
        columns.append(TableColumnSpec("share", hxl: "#indicator+pct+num", "The group's share of \(measure.name), a whole percent; the shares add up to 100 (largest remainder)."))
        if compare.contains(.previous) {
            columns.append(TableColumnSpec("previous", hxl: "\(hxl)+previous", "\(measure.name) in the previous window; empty when the group had no row."))
            columns.append(TableColumnSpec("change", hxl: "\(hxl)+change", "\(measure.name) minus previous; empty without previous."))
        }
        var spec = TableSpec(breakdown.name, breakdown.documentation, columns: columns)
        spec.caption = breakdown.title
        return spec
    }

    /// A measure column's hashtag: its column's for a sum or a stock, a counted indicator otherwise.
    static func measureHashtag(_ measure: IndicatorDefinition.Measure, definition: IndicatorDefinition) -> String {
        switch measure.kind {
        case .sum(let column), .latest(let column), .mean(let column): definition.column(column)!.hxl
        default: "#indicator+num+\(measure.name)"
        }
    }

    // MARK: Reading

    /// The accumulators of a definition: one per measure that counts rows, one per breakdown.
    static func accumulators(_ definition: IndicatorDefinition) -> (list: [IndicatorRows.GroupSums], measures: [String: Int], breakdowns: [String: Int]) {
        var list: [IndicatorRows.GroupSums] = []
        var measures: [String: Int] = [:], breakdowns: [String: Int] = [:]
        func key(_ column: String) -> DeclaredColumn { definition.column(column)!.key }
        func value(_ measure: IndicatorDefinition.Measure) -> IndicatorRows.Value? {
            switch measure.kind {
            case .rows: return .rows
            case .distinct(let column): return .distinct(key(column))
            case .sum(let column), .mean(let column), .latest(let column):
                // The definition's reader allows only number columns here.
                switch key(column) {
                case .count(let counts): return .count(counts)
                case .optionalCount(let counts): return .optionalCount(counts)
                default: preconditionFailure("measure '\(measure.name)' adds up column '\(column)', not a number")
                }
            case .share: return nil
            }
        }
        func filters(_ measure: IndicatorDefinition.Measure) -> [IndicatorRows.Filter] {
            measure.filters.map { IndicatorRows.Filter(column: key($0.column), values: $0.values) }
        }
        for measure in definition.measures {
            guard let value = value(measure) else { continue }
            measures[measure.name] = list.count
            list.append(IndicatorRows.GroupSums(filters: filters(measure), by: [], value: value))
        }
        for breakdown in definition.breakdowns {
            let measure = definition.measure(breakdown.measure)!
            breakdowns[breakdown.name] = list.count
            list.append(IndicatorRows.GroupSums(filters: filters(measure), by: breakdown.by.map(key), value: value(measure)!))
        }
        return (list, measures, breakdowns)
    }

    public static func makeInputs(parameters: Parameters, period: Period?) -> IndicatorRows {
        // The host decodes parameters only once `validate()` found no problem, so the definition reads.
        let definition = IndicatorDefinition.read(parameters).0!
        guard case .date(let dateColumn) = definition.column(definition.dateColumn)!.key else {
            preconditionFailure("the date column '\(definition.dateColumn)' is not a date")
        }
        // With a period, only the days its windows read are added up, as flow monitoring does;
        // without, the host asks for the latest month with data, and any may be the one.
        let counted = period.map { IndicatorWindows.counted(parameters, period: $0, hasStock: definition.measures.contains(where: isStock)) }
        return IndicatorRows(dateColumn: dateColumn, accumulators: accumulators(definition).list,
                             counted: counted ?? IndicatorWindows.Range(first: Int.min, last: Int.max))
    }

    public static func periodsWithData(inputs: IndicatorRows, parameters: Parameters) -> Set<Period> {
        inputs.months
    }

    // MARK: Computing

    public static func run(inputs: IndicatorRows, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        let definition = IndicatorDefinition.read(parameters).0!
        let indexes = accumulators(definition)
        let window = IndicatorWindows.window(parameters, ending: period)
        let computer = Computer(inputs: inputs, definition: definition, measureIndexes: indexes.measures)
        var facts: [String: FactValue] = [:]
        let hasData = window.map(computer.hasRows(in:)) ?? false
        facts["has_data"] = .flag(hasData)
        if let window { facts["window_dates"] = .dateRange(Day(daysSinceEpoch: window.first), Day(daysSinceEpoch: window.last)) }
        var comparisons: [(IndicatorComparison, IndicatorWindows.Range?)] = []
        for comparison in parameters.compare {
            let earlierPeriod = IndicatorWindows.earlierPeriod(parameters, comparison, than: period)
            let earlier = IndicatorWindows.window(parameters, ending: earlierPeriod)
            comparisons.append((comparison, earlier))
            // A window that is empty (a cumulative window before its `since`) is named by its last day.
            let range = earlier ?? IndicatorWindows.Range(first: earlierPeriod.lastDay.daysSinceEpoch, last: earlierPeriod.lastDay.daysSinceEpoch)
            facts[comparison == .previous ? "previous_dates" : "year_before_dates"] =
                .dateRange(Day(daysSinceEpoch: range.first), Day(daysSinceEpoch: range.last))
        }

        for measure in definition.measures {
            let current = computer.value(measure, in: window)
            if let value = current?.fact { facts[measure.name] = value }
            if let day = current?.day { facts["\(measure.name)_date"] = .date(Day(daysSinceEpoch: day)) }
            for (comparison, earlier) in comparisons {
                let (suffix, changeSuffix) = comparison == .previous ? ("previous", "change") : ("year_before", "year_change")
                guard let earlier, computer.hasRows(in: earlier) || isStock(measure), let before = computer.value(measure, in: earlier) else { continue }
                facts["\(measure.name)_\(suffix)"] = before.fact
                if case .count(let now)? = current?.fact, case .count(let then) = before.fact {
                    facts["\(measure.name)_\(changeSuffix)"] = .change(from: then, to: now)
                }
            }
        }
        var tables: [String: ResultTable] = [:]
        let previous = comparisons.first { $0.0 == .previous }?.1
        for breakdown in definition.breakdowns {
            let made = computer.breakdown(breakdown, index: indexes.breakdowns[breakdown.name]!, window: window, previous: previous,
                                          comparing: parameters.compare.contains(.previous), vocabularies: vocabularies)
            tables[breakdown.name] = made.table
            if !made.top.isEmpty { facts["\(breakdown.name)_top"] = .list(made.top) }
        }
        let dataThrough = window.flatMap { inputs.lastDay(atOrBefore: $0.last) }.map(Day.init(daysSinceEpoch:))
        return ReportResult(facts: facts, tables: tables, dataThrough: dataThrough)
    }

    static func isStock(_ measure: IndicatorDefinition.Measure) -> Bool {
        if case .latest = measure.kind { return true }
        return false
    }
}
