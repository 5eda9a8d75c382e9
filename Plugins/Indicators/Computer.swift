import ReportKit

/// The measures and breakdowns of one definition, computed from the kept sums for a window.
struct Computer {
    let inputs: IndicatorRows
    let definition: IndicatorDefinition
    let measureIndexes: [String: Int]

    /// A measure's value in a window: the fact, and the day a stock is counted at.
    struct Value {
        var fact: FactValue
        var day: Int?
    }

    func hasRows(in window: IndicatorWindows.Range) -> Bool {
        inputs.hasRows(first: window.first, last: window.last)
    }

    func value(_ measure: IndicatorDefinition.Measure, in window: IndicatorWindows.Range?) -> Value? {
        if case .share(let part, let whole) = measure.kind {
            guard let numerator = value(definition.measure(part)!, in: window).flatMap({ Self.number($0.fact) }),
                  let denominator = value(definition.measure(whole)!, in: window).flatMap({ Self.number($0.fact) }), denominator > 0
            else { return nil }
            return Value(fact: .percent(numerator / denominator))
        }
        let index = measureIndexes[measure.name]!
        if case .latest = measure.kind {
            // A stock needs no row inside the window: it is the latest count at or before its end.
            let end = window?.last ?? Int.min
            guard let latest = inputs.latest(index, atOrBefore: end) else { return nil }
            guard let total = Self.total(latest.sums.values) else { return nil }
            return Value(fact: fact(total, measure), day: latest.day)
        }
        let sums = window.map { inputs.sums(index, first: $0.first, last: $0.last) } ?? [:]
        let rows = sums.values.reduce(0) { $0 + $1.rows }
        switch measure.kind {
        case .rows:
            return Value(fact: .count(rows))
        case .sum:
            return Self.total(sums.values).map { Value(fact: fact($0, measure)) }
        case .distinct:
            let all = window.map { inputs.distinctCounts(index, first: $0.first, last: $0.last).all } ?? 0
            return Value(fact: .count(all))
        case .mean(let column):
            let known = sums.values.reduce(0) { $0 + $1.known }, sum = sums.values.reduce(0) { $0 + $1.sum }
            guard known > 0 else { return nil }
            // The sum is exact (whole numbers, or millionths of a decimal column): one division,
            // the same on every run; the digits shown are the template's rounding.
            let unit = definition.column(column)!.kind == .decimal ? Double(DecimalCell.scale) : 1
            return Value(fact: .decimal(Double(sum) / Double(known) / unit, digits: measure.digits ?? IndicatorDefinition.defaultDigits))
        case .latest, .share:
            return nil
        }
    }

    /// A sum of `measure`'s column as its fact: a count, or a decimal for millionths of a decimal column.
    func fact(_ total: Int, _ measure: IndicatorDefinition.Measure) -> FactValue {
        guard let digits = measure.digits else { return .count(total) }
        return .decimal(DecimalCell.value(ofMillionths: total), digits: digits)
    }

    /// A count's or a decimal's value, for a share.
    static func number(_ fact: FactValue) -> Double? {
        switch fact {
        case .count(let count): Double(count)
        case .decimal(let value, _): value
        default: nil
        }
    }

    /// A breakdown's cell for a sum of `measure`: a whole number, or a decimal of millionths
    /// rounded to the measure's digits.
    func cell(_ total: Int, _ measure: IndicatorDefinition.Measure) -> TableCell {
        guard let digits = measure.digits else { return .integer(total) }
        // Rounded in whole numbers, half away from zero, so that the cell is the text shows.
        let unit = (digits..<DecimalCell.fractionDigits).reduce(1) { value, _ in value * 10 }
        let rounded = (total.magnitude + UInt(unit / 2)) / UInt(unit)
        let shown = (0..<digits).reduce(1) { value, _ in value * 10 }
        return .decimal(Double(total < 0 ? -Int(rounded) : Int(rounded)) / Double(shown))
    }

    /// The sum of the cells, nil when one row did not collect the value.
    static func total(_ cells: some Sequence<IndicatorRows.Cell>) -> Int? {
        var total = 0
        for cell in cells {
            guard cell.known == cell.rows else { return nil }
            total += cell.sum
        }
        return total
    }

    /// The measure of a breakdown by group in a window, nil for a group whose value is unknown.
    func groups(_ measure: IndicatorDefinition.Measure, index: Int, in window: IndicatorWindows.Range?) -> [IndicatorRows.Group: Int?] {
        guard let window else { return [:] }
        switch measure.kind {
        case .latest:
            guard let latest = inputs.latest(index, atOrBefore: window.last) else { return [:] }
            return latest.sums.mapValues { $0.known == $0.rows ? $0.sum : nil }
        case .distinct:
            return inputs.distinctCounts(index, first: window.first, last: window.last).byGroup.mapValues { $0 }
        case .rows:
            return inputs.sums(index, first: window.first, last: window.last).mapValues { $0.rows }
        default:
            return inputs.sums(index, first: window.first, last: window.last).mapValues { $0.known == $0.rows ? $0.sum : nil }
        }
    }

    /// One breakdown's table and the groups its text names.
    func breakdown(_ breakdown: IndicatorDefinition.Breakdown, index: Int, window: IndicatorWindows.Range?, previous: IndicatorWindows.Range?,
                   comparing: Bool, vocabularies: Vocabularies) -> (table: ResultTable, top: [Label]) {
        let measure = definition.measure(breakdown.measure)!
        let current = groups(measure, index: index, in: window)
        let before = comparing ? groups(measure, index: index, in: previous) : [:]
        let ranked = current.keys.rankedLargestFirst(by: { current[$0]!! ?? 0 }, thenBy: { $0.joined(separator: "\u{1F}") })
        let named = breakdown.top.map { Array(ranked.prefix($0)) } ?? ranked
        let rest = Array(ranked.dropFirst(named.count))
        let top = named.filter { (current[$0]!! ?? 0) > 0 }.map { label(of: $0, breakdown: breakdown, vocabularies: vocabularies) }

        struct Row {
            var codes: [String]
            var label: Label
            var value: Int?
            var previous: Int??
        }
        var rows = named.map { group in
            Row(codes: group, label: label(of: group, breakdown: breakdown, vocabularies: vocabularies), value: current[group]!,
                previous: comparing ? .some(before[group] ?? nil) : .none)
        }
        if !rest.isEmpty {
            let values = rest.map { current[$0]! }
            let earlier = rest.compactMap { before[$0] }
            let other = vocabularies[IndicatorsPlugin.words.name].label("other", "word") ?? Label("other")
            rows.append(Row(codes: breakdown.by.map { _ in "other" }, label: other,
                            value: values.contains { $0 == nil } ? nil : values.reduce(0) { $0 + $1! },
                            previous: comparing ? .some(earlier.isEmpty || earlier.contains { $0 == nil } ? nil : earlier.reduce(0) { $0 + $1! }) : .none))
        }
        let shares = largestRemainderPercents(rows.map { $0.value ?? 0 })
        let cells: [[TableCell]] = zip(rows, shares).map { row, share in
            var cells: [TableCell] = row.codes.map { .text($0) }
            cells += [.text(row.label.en), .text(row.label.fr), row.value.map { cell($0, measure) } ?? .empty, .integer(share)]
            if case .some(let previous) = row.previous {
                cells.append(previous.map { cell($0, measure) } ?? .empty)
                if let value = row.value, let previous { cells.append(cell(value - previous, measure)) } else { cells.append(.empty) }
            }
            return cells
        }
        return (ResultTable(rows: cells), top)
    }

    /// A group's name in both languages: a vocabulary's form for a code, the P-code vocabulary's
    /// name for a P-code, the value itself otherwise; two columns joined by a dash.
    func label(of group: IndicatorRows.Group, breakdown: IndicatorDefinition.Breakdown, vocabularies: Vocabularies) -> Label {
        let labels = zip(breakdown.by, group).map { column, value -> Label in
            switch definition.column(column)!.kind {
            case .code(let vocabulary, let form): vocabularies[vocabulary].label(value, form) ?? Label(value)
            case .pcode: vocabularies.areas.area(value).map { Label($0.name) } ?? Label(value)
            default: Label(value)
            }
        }
        return Label(en: labels.map(\.en).joined(separator: " – "), fr: labels.map(\.fr).joined(separator: " – "))
    }
}
