import ReportKit

/// What an `indicators` report is, read from its `params:`: the columns it reads, the measures
/// it computes and the breakdowns it tables. Read once the host has checked the top-level keys;
/// every problem is reported at its value in `reports.yaml`.
struct IndicatorDefinition: Sendable {
    /// How the cells of a declared column are read.
    enum ColumnKind: Sendable, Hashable {
        case date
        case count
        /// A count that may be empty (not collected): a sum over it is unknown as soon as one row is.
        case optionalCount
        /// A number that need not be whole (`1.5`), kept as millionths (`DecimalCell`).
        case decimal
        case text
        case optionalText
        case flag
        /// One of the listed values.
        case oneOf([String])
        /// A key of a vocabulary, named in the table by the vocabulary's form.
        case code(vocabulary: String, form: String)
        /// A P-code of the given admin level, named by the P-code vocabulary.
        case pcode(level: Int)

        /// Whether measures can add up, average or take the latest of its values.
        var isNumber: Bool { self == .count || self == .optionalCount || self == .decimal }
        /// Whether its values are groups: rows can be kept by them and broken down by them.
        var isGroup: Bool {
            switch self {
            case .date, .count, .optionalCount, .decimal: false
            default: true
            }
        }

        var displayName: String {
            switch self {
            case .date: "a date"
            case .count: "a count"
            case .optionalCount: "an optional count"
            case .decimal: "a decimal"
            case .text, .optionalText: "a text"
            case .flag: "a flag"
            case .oneOf: "a one_of"
            case .code: "a code"
            case .pcode: "a P-code"
            }
        }

        var columnType: ColumnType {
            switch self {
            case .date: .date
            case .count: .count
            case .optionalCount: .optionalCount
            case .decimal: .decimal
            case .text, .pcode: .text
            case .optionalText: .optionalText
            case .flag: .flag
            case .oneOf(let values): .choice(values)
            case .code(let vocabulary, _): .vocabulary(vocabulary)
            }
        }
    }

    struct Column: Sendable, Hashable {
        var name: String
        var kind: ColumnKind
        var hxl: String
        var documentation: String
        /// Its heading in the pages' tables.
        var heading: Label?

        /// As input `data` declares it.
        var spec: ColumnSpec {
            ColumnSpec(name, kind.columnType, hxl: hxl, documentation,
                       pcode: { if case .pcode(let level) = kind { PCodeColumn(level: level) } else { nil } }())
        }

        /// The key its cells are read through.
        var key: DeclaredColumn { DeclaredColumn(spec) }
    }

    /// Rows kept by a measure: the column's value is one of `values` (texts; `true`/`false` for flags).
    struct Filter: Sendable, Hashable {
        var column: String
        var values: [String]
    }

    enum MeasureKind: Sendable, Hashable {
        case rows
        case sum(String)
        case distinct(String)
        case mean(String)
        /// The sum over the rows of the latest day at or before the window's end: a stock.
        case latest(String)
        /// `part ÷ whole`, both measures.
        case share(part: String, whole: String)

        var keyword: String {
            switch self {
            case .rows: "rows"
            case .sum: "sum"
            case .distinct: "distinct"
            case .mean: "mean"
            case .latest: "latest"
            case .share: "share"
            }
        }
    }

    struct Measure: Sendable, Hashable {
        var name: String
        var kind: MeasureKind
        var filters: [Filter]
        var documentation: String
        var heading: Label?
        /// Digits after the decimal sign of a decimal value (a mean, a sum or latest of a
        /// decimal column); nil for a whole number.
        var digits: Int? = nil
    }

    struct Breakdown: Sendable, Hashable {
        var name: String
        var measure: String
        var by: [String]
        /// Rows named before the rest are added up as "other"; nil names every group.
        var top: Int?
        var documentation: String
        /// The table's caption on the pages.
        var title: Label?
    }

    var columns: [Column]
    var dateColumn: String
    var measures: [Measure]
    var breakdowns: [Breakdown]

    func column(_ name: String) -> Column? { columns.first { $0.name == name } }
    func measure(_ name: String) -> Measure? { measures.first { $0.name == name } }

    static let columnTypes = ["date", "count", "optional_count", "decimal", "text", "optional_text", "flag", "one_of", "code", "pcode"]
    static let measureKinds = ["rows", "sum", "distinct", "mean", "latest", "share"]
    static let topRange = 1...50
    /// Digits a decimal value may show after the decimal sign; one unless `digits:` says otherwise.
    static let digitsRange = 0...DecimalCell.fractionDigits
    static let defaultDigits = 1

    /// The definition of `parameters`, or every problem found in it.
    static func read(_ parameters: IndicatorsPlugin.Parameters) -> (IndicatorDefinition?, [ParameterProblem]) {
        var reader = Reader()
        let definition = reader.read(parameters)
        return (reader.problems.isEmpty ? definition : nil, reader.problems)
    }
}

/// Reads the structures of `params:` into an `IndicatorDefinition`, collecting every problem.
private struct Reader {
    var problems: [ParameterProblem] = []
    typealias Definition = IndicatorDefinition

    mutating func read(_ parameters: IndicatorsPlugin.Parameters) -> Definition {
        let columns = readColumns(parameters.columns)
        let known = columns.map(\.name)
        let byName = Dictionary(columns.map { ($0.name, $0) }) { first, _ in first }

        // The date column.
        var dateColumn = ""
        if let date = parameters.date {
            dateColumn = date
            if let column = byName[date] {
                if column.kind != .date {
                    problems.append(.indicatorDateNotADate("date", column: date, type: column.kind.displayName,
                                                           dates: columns.filter { $0.kind == .date }.map(\.name), at: nil))
                }
            } else if parameters.columns != nil {
                problems.append(ParameterProblem(
                    key: "date", message: "column '\(date)' is not declared under 'columns'"
                        + (Suggestion.nearest(to: date, in: known).map { " (did you mean '\($0)'?)" } ?? "")))
            }
        } else {
            problems.append(.required("date", by: "every window", meaning: "the date column that places a row in a period"))
        }

        let measures = readMeasures(parameters.measures, columns: byName)
        let breakdowns = readBreakdowns(parameters.breakdowns, columns: byName, measures: measures)
        checkNames(parameters, measures: measures, breakdowns: breakdowns)
        return Definition(columns: columns, dateColumn: dateColumn, measures: measures, breakdowns: breakdowns)
    }

    // MARK: Columns

    mutating func readColumns(_ value: YAMLValue?) -> [Definition.Column] {
        guard let value else {
            problems.append(.required("columns", by: "an indicators report", meaning: "the columns it reads, each with its type"))
            return []
        }
        var columns: [Definition.Column] = []
        for pair in value.mapping ?? [] {
            let key = "columns.\(pair.key)"
            checkName(pair.key, key: key, at: pair.keyLocation)
            var typeValue: YAMLValue? = pair.value
            var hxl = "#x_\(pair.key)"
            var documentation = ""
            var vocabulary: String?, form = "name", level: Int?
            var values: [String]?
            var heading: Label?
            if let mapping = pair.value.mapping {
                typeValue = nil
                for item in mapping {
                    let itemKey = "\(key).\(item.key)"
                    switch item.key {
                    case "type": typeValue = item.value
                    case "hxl": if let text = text(item.value, key: itemKey) { hxl = text }
                    case "about": if let text = text(item.value, key: itemKey) { documentation = text }
                    case "vocabulary": vocabulary = text(item.value, key: itemKey)
                    case "form": if let text = text(item.value, key: itemKey) { form = text }
                    case "level": level = integer(item.value, key: itemKey, in: 1...4)
                    case "values": values = texts(item.value, key: itemKey)
                    case "heading": heading = label(item.value, key: itemKey)
                    default:
                        problems.append(.indicatorUnknownKey(key, found: item.key, allowed: ["type", "hxl", "about", "heading", "vocabulary", "form", "level", "values"],
                                                             at: item.keyLocation))
                    }
                }
                guard typeValue != nil else {
                    problems.append(.indicatorMissingKey(key, missing: "type", meaning: "one of \(Definition.columnTypes.joined(separator: ", "))",
                                                         at: pair.value.location))
                    continue
                }
            }
            guard let typeValue, let type = text(typeValue, key: key) else { continue }
            let kind: Definition.ColumnKind
            switch type {
            case "date": kind = .date
            case "count": kind = .count
            case "optional_count": kind = .optionalCount
            case "decimal": kind = .decimal
            case "text": kind = .text
            case "optional_text": kind = .optionalText
            case "flag": kind = .flag
            case "one_of":
                guard let values, !values.isEmpty else {
                    problems.append(.indicatorMissingKey(key, missing: "values", meaning: "the list of values the column may hold", at: typeValue.location))
                    continue
                }
                kind = .oneOf(values)
            case "code":
                guard let vocabulary else {
                    problems.append(.indicatorMissingKey(key, missing: "vocabulary", meaning: "the vocabulary whose keys the column holds (vocabularies/NAME.csv)",
                                                         at: typeValue.location))
                    continue
                }
                kind = .code(vocabulary: vocabulary, form: form)
            case "pcode":
                guard let level else {
                    problems.append(.indicatorMissingKey(key, missing: "level", meaning: "the admin level of its P-codes (1 for regions, 2 for cercles)",
                                                         at: typeValue.location))
                    continue
                }
                kind = .pcode(level: level)
            default:
                problems.append(.indicatorUnknownColumnType(key, type: type, types: Definition.columnTypes, at: typeValue.location))
                continue
            }
            if documentation.isEmpty { documentation = "Declared by the definition (\(type))." }
            columns.append(Definition.Column(name: pair.key, kind: kind, hxl: hxl, documentation: documentation, heading: heading))
        }
        if value.mapping?.isEmpty == true {
            problems.append(.empty("columns", needs: "column"))
        }
        return columns
    }

    // MARK: Measures

    mutating func readMeasures(_ value: YAMLValue?, columns: [String: Definition.Column]) -> [Definition.Measure] {
        guard let value else {
            problems.append(.required("measures", by: "an indicators report", meaning: "what it counts, each measure a fact of its own"))
            return []
        }
        let pairs = value.mapping ?? []
        if pairs.isEmpty { problems.append(.empty("measures", needs: "measure")) }
        let names = pairs.map(\.key)
        var measures: [Definition.Measure] = []
        // Shares are checked once every measure is known.
        var shares: [(pair: YAMLPair, part: YAMLValue, whole: YAMLValue?)] = []
        for pair in pairs {
            let key = "measures.\(pair.key)"
            checkName(pair.key, key: key, at: pair.keyLocation)
            // `alerts: rows` is the short form of a measure without options.
            if let scalar = pair.value.scalar {
                guard scalar.text == "rows" else {
                    problems.append(.indicatorExpected(key, "'rows' or a mapping such as {sum: individuals}", at: pair.value.location))
                    continue
                }
                measures.append(Definition.Measure(name: pair.key, kind: .rows, filters: [], documentation: "Rows in the window."))
                continue
            }
            guard let mapping = pair.value.mapping else {
                problems.append(.indicatorExpected(key, "'rows' or a mapping such as {sum: individuals}", at: pair.value.location))
                continue
            }
            let kinds = mapping.filter { Definition.measureKinds.contains($0.key) }
            let options = ["where", "of", "about", "heading", "digits"]
            for item in mapping where !Definition.measureKinds.contains(item.key) && !options.contains(item.key) {
                problems.append(.indicatorUnknownKey(key, found: item.key, allowed: Definition.measureKinds + options, at: item.keyLocation))
            }
            guard kinds.count == 1, let kindPair = kinds.first else {
                problems.append(.indicatorMeasureKind(key, found: kinds.map(\.key), kinds: Definition.measureKinds, at: pair.value.location))
                continue
            }
            let filters = readFilters(mapping.first { $0.key == "where" }?.value, key: "\(key).where", columns: columns)
            var documentation = mapping.first { $0.key == "about" }.flatMap { text($0.value, key: "\(key).about") } ?? ""
            let kindKey = "\(key).\(kindPair.key)"
            let kind: Definition.MeasureKind
            switch kindPair.key {
            case "rows":
                kind = .rows
            case "share":
                if let digitsPair = mapping.first(where: { $0.key == "digits" }) {
                    problems.append(.indicatorDigitsNotDecimal("\(key).digits", measure: pair.key, kind: "share", at: digitsPair.keyLocation))
                }
                shares.append((pair, kindPair.value, mapping.first { $0.key == "of" }?.value))
                continue
            default:
                guard let column = text(kindPair.value, key: kindKey) else { continue }
                guard let declared = columns[column] else {
                    problems.append(.indicatorUndeclaredColumn(kindKey, column: column, declared: columns.keys.sorted(), at: kindPair.value.location))
                    continue
                }
                switch kindPair.key {
                case "distinct":
                    kind = .distinct(column)
                default:
                    guard declared.kind.isNumber else {
                        problems.append(.indicatorNotNumeric(kindKey, measure: pair.key, column: column, type: declared.kind.displayName,
                                                             numeric: columns.values.filter(\.kind.isNumber).map(\.name).sorted(),
                                                             at: kindPair.value.location))
                        continue
                    }
                    kind = kindPair.key == "sum" ? .sum(column) : kindPair.key == "mean" ? .mean(column) : .latest(column)
                }
            }
            // A mean, and a sum or stock of decimals, is a decimal with digits after the point.
            let isDecimal: Bool = switch kind {
            case .mean: true
            case .sum(let column), .latest(let column): columns[column]?.kind == .decimal
            default: false
            }
            var digits = isDecimal ? Definition.defaultDigits : nil
            if let digitsPair = mapping.first(where: { $0.key == "digits" }) {
                if isDecimal {
                    digits = integer(digitsPair.value, key: "\(key).digits", in: Definition.digitsRange) ?? digits
                } else {
                    problems.append(.indicatorDigitsNotDecimal("\(key).digits", measure: pair.key, kind: kind.keyword, at: digitsPair.keyLocation))
                }
            }
            if documentation.isEmpty { documentation = Self.documentation(of: kind, filters: filters, digits: digits) }
            let heading = mapping.first { $0.key == "heading" }.flatMap { label($0.value, key: "\(key).heading") }
            measures.append(Definition.Measure(name: pair.key, kind: kind, filters: filters, documentation: documentation, heading: heading,
                                               digits: digits))
        }
        for share in shares {
            let key = "measures.\(share.pair.key)"
            guard let part = text(share.part, key: "\(key).share") else { continue }
            guard let wholeValue = share.whole else {
                problems.append(.indicatorMissingKey(key, missing: "of", meaning: "the measure the share is of", at: share.pair.value.location))
                continue
            }
            guard let whole = text(wholeValue, key: "\(key).of") else { continue }
            var valid = true
            for (name, value, subKey) in [(part, share.part, "share"), (whole, wholeValue, "of")] {
                guard names.contains(name) else {
                    problems.append(.indicatorUnknownMeasure("\(key).\(subKey)", measure: name, measures: names.filter { $0 != share.pair.key },
                                                             at: value.location))
                    valid = false
                    continue
                }
                if shares.contains(where: { $0.pair.key == name }) || name == share.pair.key {
                    problems.append(.indicatorShareOfShare("\(key).\(subKey)", measure: name, at: value.location))
                    valid = false
                } else if case .mean? = measures.first(where: { $0.name == name })?.kind {
                    problems.append(.indicatorShareOfShare("\(key).\(subKey)", measure: name, at: value.location))
                    valid = false
                }
            }
            guard valid else { continue }
            let about = share.pair.value.pair("about").flatMap { text($0.value, key: "\(key).about") }
            measures.append(Definition.Measure(name: share.pair.key, kind: .share(part: part, whole: whole), filters: [],
                                               documentation: about ?? "\(part) ÷ \(whole); absent when \(whole) is 0."))
        }
        // In the order written, so that facts and the reference follow the definition.
        return measures.sorted { a, b in names.firstIndex(of: a.name)! < names.firstIndex(of: b.name)! }
    }

    static func documentation(of kind: Definition.MeasureKind, filters: [Definition.Filter], digits: Int?) -> String {
        let rows = filters.isEmpty ? "rows" : "rows where " + filters.map { "\($0.column) is \($0.values.joined(separator: " or "))" }.joined(separator: " and ")
        return switch kind {
        case .rows: "Number of \(rows) in the window."
        case .sum(let column): "Sum of \(column) over the \(rows) of the window" + (digits.map { ", to \(places($0))" } ?? "") + "."
        case .distinct(let column): "Number of distinct values of \(column) in the \(rows) of the window."
        case .mean(let column): "Mean of \(column) over the \(rows) of the window, to \(Self.places(digits ?? Definition.defaultDigits)); absent without rows."
        case .latest(let column): "Sum of \(column) over the \(rows) of the latest day at or before the window's end (a stock)"
            + (digits.map { ", to \(places($0))" } ?? "") + "; absent without one."
        case .share(let part, let whole): "\(part) ÷ \(whole)."
        }
    }

    /// `1 decimal place`, `2 decimal places`, `0 decimal places`.
    static func places(_ digits: Int) -> String {
        digits == 1 ? "1 decimal place" : "\(digits) decimal places"
    }

    mutating func readFilters(_ value: YAMLValue?, key: String, columns: [String: Definition.Column]) -> [Definition.Filter] {
        guard let value else { return [] }
        guard let pairs = value.mapping else {
            problems.append(.indicatorExpected(key, "a mapping of column: value (or [values])", at: value.location))
            return []
        }
        var filters: [Definition.Filter] = []
        for pair in pairs {
            let filterKey = "\(key).\(pair.key)"
            guard let column = columns[pair.key] else {
                problems.append(.indicatorUndeclaredColumn(filterKey, column: pair.key, declared: columns.keys.sorted(), at: pair.keyLocation))
                continue
            }
            guard column.kind.isGroup else {
                problems.append(.indicatorFilterOnValue(filterKey, column: pair.key, type: column.kind.displayName, at: pair.keyLocation))
                continue
            }
            guard let values = pair.value.sequence == nil ? text(pair.value, key: filterKey).map({ [$0] }) : texts(pair.value, key: filterKey) else { continue }
            let allowed: [String]? = switch column.kind {
            case .oneOf(let values): values
            case .flag: ["true", "false"]
            default: nil
            }
            if let allowed {
                for value in values where !allowed.contains(value) {
                    problems.append(.indicatorFilterValue(filterKey, value: value, column: pair.key, values: allowed, at: pair.value.location))
                }
            }
            filters.append(Definition.Filter(column: pair.key, values: values))
        }
        return filters
    }

    // MARK: Breakdowns

    mutating func readBreakdowns(_ value: YAMLValue?, columns: [String: Definition.Column], measures: [Definition.Measure]) -> [Definition.Breakdown] {
        guard let value else { return [] }
        var breakdowns: [Definition.Breakdown] = []
        let allowed = ["measure", "by", "top", "about", "title"]
        for pair in value.mapping ?? [] {
            let key = "breakdowns.\(pair.key)"
            checkName(pair.key, key: key, at: pair.keyLocation)
            guard let mapping = pair.value.mapping else {
                problems.append(.indicatorExpected(key, "a mapping such as {measure: individuals, by: cercle, top: 5}", at: pair.value.location))
                continue
            }
            for item in mapping where !allowed.contains(item.key) {
                problems.append(.indicatorUnknownKey(key, found: item.key, allowed: allowed, at: item.keyLocation))
            }
            guard let measureValue = pair.value.pair("measure")?.value else {
                problems.append(.indicatorMissingKey(key, missing: "measure", meaning: "the measure it breaks down", at: pair.value.location))
                continue
            }
            guard let byValue = pair.value.pair("by")?.value else {
                problems.append(.indicatorMissingKey(key, missing: "by", meaning: "the column (or two) it breaks down by", at: pair.value.location))
                continue
            }
            guard let measureName = text(measureValue, key: "\(key).measure") else { continue }
            var valid = true
            if let measure = measures.first(where: { $0.name == measureName }) {
                switch measure.kind {
                case .share, .mean:
                    problems.append(.indicatorBreakdownOfRatio("\(key).measure", measure: measureName, kind: measure.kind.keyword, at: measureValue.location))
                    valid = false
                default: break
                }
            } else {
                problems.append(.indicatorUnknownMeasure("\(key).measure", measure: measureName, measures: measures.map(\.name), at: measureValue.location))
                valid = false
            }
            guard let by = byValue.sequence == nil ? text(byValue, key: "\(key).by").map({ [$0] }) : texts(byValue, key: "\(key).by") else { continue }
            if by.isEmpty || by.count > 2 {
                problems.append(.indicatorExpected("\(key).by", "one column or a list of two", at: byValue.location))
                valid = false
            }
            let groups = columns.values.filter(\.kind.isGroup).map(\.name).sorted()
            for column in by {
                guard let declared = columns[column] else {
                    problems.append(.indicatorUndeclaredColumn("\(key).by", column: column, declared: columns.keys.sorted(), at: byValue.location))
                    valid = false
                    continue
                }
                if !declared.kind.isGroup {
                    problems.append(.indicatorBreakdownOnValue("\(key).by", column: column, type: declared.kind.displayName, groups: groups, at: byValue.location))
                    valid = false
                }
            }
            if Set(by).count != by.count {
                problems.append(.listedTwice("\(key).by", value: by[0], noun: "column"))
                valid = false
            }
            var top: Int?
            if let topValue = pair.value.pair("top")?.value {
                top = integer(topValue, key: "\(key).top", in: Definition.topRange)
                if top == nil { valid = false }
            }
            let about = pair.value.pair("about").flatMap { text($0.value, key: "\(key).about") }
            let title = pair.value.pair("title").flatMap { label($0.value, key: "\(key).title") }
            guard valid else { continue }
            let documentation = about ?? "\(measureName) by \(by.joined(separator: " and ")), largest first"
                + (top.map { ", the first \($0) then the rest as other" } ?? "") + "."
            breakdowns.append(Definition.Breakdown(name: pair.key, measure: measureName, by: by, top: top, documentation: documentation, title: title))
        }
        return breakdowns
    }

    // MARK: Names

    /// Every fact and table the definition makes, with what made it, so that two never share a name.
    mutating func checkNames(_ parameters: IndicatorsPlugin.Parameters, measures: [Definition.Measure], breakdowns: [Definition.Breakdown]) {
        var owners: [String: String] = [:]
        for fact in HostFacts.specs.map(\.name) + IndicatorsPlugin.windowFactNames(compare: parameters.compare) {
            owners[fact] = "a fact every indicators report has"
        }
        func claim(_ name: String, by owner: String, key: String, at location: SourceLocation?) {
            if let first = owners[name] {
                problems.append(.indicatorNameTwice(key, name: name, first: first, at: location ?? SourceLocation(file: "")))
            } else {
                owners[name] = owner
            }
        }
        let measurePairs = parameters.measures?.mapping ?? []
        for measure in measures {
            let location = measurePairs.first { $0.key == measure.name }?.keyLocation
            for fact in IndicatorsPlugin.factNames(of: measure, compare: parameters.compare) {
                claim(fact, by: fact == measure.name ? "measure '\(measure.name)'" : "a fact of measure '\(measure.name)'",
                      key: "measures.\(measure.name)", at: location)
            }
        }
        let breakdownPairs = parameters.breakdowns?.mapping ?? []
        for breakdown in breakdowns {
            let location = breakdownPairs.first { $0.key == breakdown.name }?.keyLocation
            claim(breakdown.name, by: "breakdown '\(breakdown.name)'", key: "breakdowns.\(breakdown.name)", at: location)
            claim("\(breakdown.name)_top", by: "a fact of breakdown '\(breakdown.name)'", key: "breakdowns.\(breakdown.name)", at: location)
        }
    }

    mutating func checkName(_ name: String, key: String, at location: SourceLocation) {
        if name.wholeMatch(of: /[a-z][a-z0-9_]*/) == nil {
            problems.append(.indicatorBadName(key, name: name, at: location))
        }
    }

    // MARK: Scalars

    mutating func text(_ value: YAMLValue, key: String) -> String? {
        guard let scalar = value.scalar, !value.isNull, !scalar.text.isEmpty else {
            problems.append(.indicatorExpected(key, "a text", at: value.location))
            return nil
        }
        return scalar.text
    }

    /// `{en: …, fr: …}`: words of the pages, in both languages.
    mutating func label(_ value: YAMLValue, key: String) -> Label? {
        guard let en = value.pair("en")?.value, let fr = value.pair("fr")?.value, value.mapping?.count == 2 else {
            problems.append(.indicatorExpected(key, "a mapping {en: …, fr: …}", at: value.location))
            return nil
        }
        guard let english = text(en, key: "\(key).en"), let french = text(fr, key: "\(key).fr") else { return nil }
        return Label(en: english, fr: french)
    }

    mutating func texts(_ value: YAMLValue, key: String) -> [String]? {
        guard let elements = value.sequence else {
            problems.append(.indicatorExpected(key, "a list such as [a, b]", at: value.location))
            return nil
        }
        let read = elements.compactMap { text($0, key: key) }
        return read.count == elements.count ? read : nil
    }

    mutating func integer(_ value: YAMLValue, key: String, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = value.scalar, scalar.isPlain, let number = Int(scalar.text) else {
            problems.append(.indicatorExpected(key, "a whole number", at: value.location))
            return nil
        }
        guard range.contains(number) else {
            problems.append(.indicatorOutOfRange(key, value: scalar.text, range: range, at: value.location))
            return nil
        }
        return number
    }
}
