/// How a published file feeds a plugin's input, written in `reports.yaml` under the input's
/// name instead of a bare path:
///
/// ```yaml
/// inputs:
///   movements:
///     file: data/sample/mli_baseline_assessment.xlsx
///     sheet: Baseline Assessment          # name or position; default: the first with hashtags
///     columns:                            # plugin column: header name or hashtag pattern
///       report_date: "#date+occurred"
///       adm1_code: Admin 1 pcode
///     wide:                               # column groups become rows
///       population:                       #   keyed by this plugin column
///         idps: {individuals: "#affected+idps+ind", households: "#affected+idps+hh"}
///     values: {population: idps}          # constants for columns the file lacks
///     keep: {assessmentType: BA}          # row filters on the file's columns
///     same_key: sum                       # or refuse; rows equal but for their counts
///     roll_up: [adm1_code]                # codes of communes become their region's, rows summed
///     date_format: dd/mm/yyyy             # dates written as text in another form
/// ```
///
/// Every key keeps its position; `DefinitionChecker` checks the plugin columns named here
/// against the plugin's description, and the reader resolves the file's columns when it has
/// found the table.
public struct InputMapping: Sendable, Hashable {
    public enum SheetChoice: Sendable, Hashable {
        case name(String)
        /// 1-based, in the workbook's order.
        case position(Int)
    }

    /// What to do with rows whose key columns are equal.
    public enum SameKey: String, Sendable, Hashable, CaseIterable {
        /// Counts added up, other columns from the first row (a roll-up).
        case sum
        /// An error naming both rows.
        case refuse
    }

    /// A column of the file: by its header name, or by an HXL hashtag pattern (`#affected+idps`).
    public struct Source: Sendable, Hashable, CustomStringConvertible {
        public var text: String
        public var location: SourceLocation
        public var keyPath: String

        public init(text: String, location: SourceLocation, keyPath: String) {
            self.text = text
            self.location = location
            self.keyPath = keyPath
        }

        /// The hashtag pattern, when the text is one.
        public var pattern: HXLPattern? { HXLPattern(text) }
        public var description: String { text }
    }

    /// One group of `wide:`: the value of the key column, and the plugin columns its file columns feed.
    public struct Group: Sendable, Hashable {
        public var value: Located<String>
        public var columns: [String: Source]
        public var columnOrder: [String]
    }

    public var sheet: Located<SheetChoice>?
    /// Plugin column → file column, in the file's order of keys.
    public var columns: [(column: String, location: SourceLocation, source: Source)]
    /// The plugin column `wide:` fills with each group's name, and the groups.
    public var wideKey: Located<String>?
    public var groups: [Group]
    /// Plugin column → constant text, decoded by the column's type.
    public var values: [(column: String, location: SourceLocation, value: Located<String>)]
    /// File column → the values a row must have to be kept.
    public var keep: [(source: Source, values: [String])]
    public var sameKey: Located<SameKey>?
    /// The plugin columns that make rows "the same"; nil for every column that is not a count.
    public var key: [Located<String>]?
    public var dateFormat: Located<DateFormat>?
    /// P-code columns whose file codes may be of a lower admin level (communes, wards): each
    /// code becomes its ancestor at the column's level by the vocabulary's parent codes, and
    /// rows are summed as with `same_key: sum`.
    public var rollUp: [Located<String>] = []
    /// Where the mapping starts, and its key path (`reports[0].inputs.movements`).
    public var location: SourceLocation
    public var keyPath: String

    /// Mappings are the same when written at the same place: reports that share one through a
    /// YAML alias (`movements: *baseline`) read the file once.
    public static func == (lhs: InputMapping, rhs: InputMapping) -> Bool {
        lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
    }

    /// What rows with the same key become: `same_key`, else a sum when `roll_up` is written.
    public var rowsWithSameKey: SameKey? {
        sameKey?.value ?? (rollUp.isEmpty ? nil : .sum)
    }

    /// The plugin columns this mapping names, with where, in the file's order.
    var namedColumns: [(column: String, location: SourceLocation, keyPath: String)] {
        var named = columns.map { ($0.column, $0.location, "\(keyPath).columns.\($0.column)") }
        if let wideKey { named.append((wideKey.value, wideKey.location, wideKey.keyPath)) }
        for group in groups {
            for column in group.columnOrder {
                named.append((column, group.columns[column]!.location, "\(group.value.keyPath).\(column)"))
            }
        }
        named += values.map { ($0.column, $0.location, "\(keyPath).values.\($0.column)") }
        named += (key ?? []).map { ($0.value, $0.location, $0.keyPath) }
        named += rollUp.map { ($0.value, $0.location, $0.keyPath) }
        return named
    }
}

/// A date form written as text, declared as `date_format: dd/mm/yyyy`: day, month and year
/// (`d`/`dd`, `m`/`mm`, `yyyy`) in any order, separated by `/`, `-`, `.` or a space.
public struct DateFormat: Sendable, Hashable, CustomStringConvertible {
    enum Part: Hashable { case day, month, year }
    let parts: [Part]
    let separator: Character
    public let description: String

    public init?(_ text: String) {
        guard let separator = text.first(where: { "/-. ".contains($0) }) else { return nil }
        let pieces = text.lowercased().split(separator: separator, omittingEmptySubsequences: false)
        var parts: [Part] = []
        for piece in pieces {
            switch piece {
            case "d", "dd": parts.append(.day)
            case "m", "mm": parts.append(.month)
            case "yyyy": parts.append(.year)
            default: return nil
            }
        }
        guard parts.count == 3, Set(parts).count == 3 else { return nil }
        self.parts = parts
        self.separator = separator
        description = text
    }

    /// The day `text` gives in this form (a time after a space or `T` is ignored).
    func day(_ text: String) -> Day? {
        let date = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? text
        let pieces = separator == " " ? text.split(separator: " ").prefix(3).map(String.init)
            : date.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == 3 else { return nil }
        var day = 0, month = 0, year = 0
        for (part, piece) in zip(parts, pieces) {
            guard !piece.isEmpty, piece.count <= (part == .year ? 4 : 2), piece.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let number = Int(piece) else { return nil }
            switch part {
            case .day: day = number
            case .month: month = number
            case .year:
                guard piece.count == 4 else { return nil }
                year = number
            }
        }
        return Day(year: year, month: month, day: day)
    }
}

/// An HXL tag pattern, as HXL tools match columns: `#tag` with attributes that must be present
/// (`+attr`), attributes that must be absent (`-attr`), in any order, and a final `!` that
/// allows no other attribute. `#affected+idps` matches `#affected+idps+ind`;
/// `#adm1+name-origin` matches `#adm1+name` and not `#adm1+name+origin`.
public struct HXLPattern: Sendable, Hashable, CustomStringConvertible {
    public let tag: String
    public let included: Set<String>
    public let excluded: Set<String>
    public let isAbsolute: Bool
    public let description: String

    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        guard body.hasPrefix("#") else { return nil }
        isAbsolute = body.hasSuffix("!")
        if isAbsolute { body = body.dropLast() }
        body = body.dropFirst()
        var tag = "", current = "", sign: Character = " "
        var included = Set<String>(), excluded = Set<String>()
        func close() -> Bool {
            let name = current.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return false }
            switch sign {
            case " ": tag = name
            case "+": included.insert(HXLHashtag.attributeAliases[name] ?? name)
            default: excluded.insert(HXLHashtag.attributeAliases[name] ?? name)
            }
            current = ""
            return true
        }
        for character in body {
            if character == "+" || character == "-" {
                guard close() else { return nil }
                sign = character
            } else {
                current.append(character)
            }
        }
        guard close(), included.isDisjoint(with: excluded) else { return nil }
        self.tag = tag
        self.included = included
        self.excluded = excluded
        description = text
    }

    public func matches(_ hashtag: HXLHashtag) -> Bool {
        hashtag.tag == tag && included.isSubset(of: hashtag.attributes) && excluded.isDisjoint(with: hashtag.attributes)
            && (!isAbsolute || hashtag.attributes == included)
    }
}

/// Reads an input given as a mapping (`file:`, `sheet:`, `columns:`…), every key checked with
/// its position, unknown keys with the nearest known one.
enum InputMappingReader {
    static let keys = ["file", "sheet", "columns", "wide", "values", "keep", "same_key", "key", "roll_up", "date_format"]

    /// The mapping, or nil (reported) when any key is wrong; `path` is read by the caller's rules.
    static func read(_ value: YAMLValue, keyPath: String, yaml: inout YAMLReader, file: inout Located<String>?,
                     readPath: (YAMLValue, String) -> Located<String>?) -> InputMapping? {
        guard let fields = yaml.mapping(value, path: keyPath, allowed: keys, required: ["file"], owner: value.location) else { return nil }
        let before = yaml.diagnostics.count
        if let pair = fields["file"] { file = readPath(pair.value, "\(keyPath).file") }
        var mapping = InputMapping(sheet: nil, columns: [], wideKey: nil, groups: [], values: [], keep: [], sameKey: nil, key: nil,
                                   dateFormat: nil, location: value.location, keyPath: keyPath)
        if let pair = fields["sheet"] {
            let path = "\(keyPath).sheet"
            if let position = YAMLReader.integer(pair.value) {
                if position < 1 {
                    yaml.add(.mappingSheetPosition(position, at: pair.value.location, subject: path))
                } else {
                    mapping.sheet = Located(.position(position), at: pair.value.location, keyPath: path)
                }
            } else if let name = yaml.text(pair.value, path: path, expected: "a sheet name or position") {
                mapping.sheet = Located(.name(name), at: pair.value.location, keyPath: path)
            }
        }
        if let pair = fields["columns"], let entries = yaml.mappingPairs(pair.value, path: "\(keyPath).columns") {
            for entry in entries {
                if let source = source(entry.value, keyPath: "\(keyPath).columns.\(entry.key)", yaml: &yaml) {
                    mapping.columns.append((entry.key, entry.keyLocation, source))
                }
            }
        }
        if let pair = fields["wide"], let entries = yaml.mappingPairs(pair.value, path: "\(keyPath).wide") {
            if entries.count != 1 {
                yaml.add(.mappingWideShape(at: pair.value.location, subject: "\(keyPath).wide"))
            } else if let entry = entries.first {
                let widePath = "\(keyPath).wide.\(entry.key)"
                mapping.wideKey = Located(entry.key, at: entry.keyLocation, keyPath: widePath)
                if let groups = yaml.mappingPairs(entry.value, path: widePath) {
                    for group in groups {
                        let groupPath = "\(widePath).\(group.key)"
                        guard let columns = yaml.mappingPairs(group.value, path: groupPath) else { continue }
                        var sources: [String: InputMapping.Source] = [:]
                        var order: [String] = []
                        for column in columns {
                            if let source = source(column.value, keyPath: "\(groupPath).\(column.key)", yaml: &yaml) {
                                sources[column.key] = InputMapping.Source(text: source.text, location: column.keyLocation, keyPath: source.keyPath)
                                order.append(column.key)
                            }
                        }
                        mapping.groups.append(InputMapping.Group(value: Located(group.key, at: group.keyLocation, keyPath: groupPath),
                                                                 columns: sources, columnOrder: order))
                    }
                    if groups.isEmpty { yaml.add(.yamlEmptyList(at: entry.value.location, subject: widePath, expected: "group")) }
                }
            }
        }
        if let pair = fields["values"], let entries = yaml.mappingPairs(pair.value, path: "\(keyPath).values") {
            for entry in entries {
                let path = "\(keyPath).values.\(entry.key)"
                if let text = yaml.text(entry.value, path: path, expected: "a value") {
                    mapping.values.append((entry.key, entry.keyLocation, Located(text, at: entry.value.location, keyPath: path)))
                }
            }
        }
        if let pair = fields["keep"], let entries = yaml.mappingPairs(pair.value, path: "\(keyPath).keep") {
            for entry in entries {
                let path = "\(keyPath).keep.\(entry.key)"
                let items = entry.value.sequence ?? [entry.value]
                var values: [String] = []
                for (index, item) in items.enumerated() {
                    if let text = yaml.text(item, path: entry.value.sequence == nil ? path : "\(path)[\(index)]", expected: "a value") {
                        values.append(text)
                    }
                }
                if items.isEmpty { yaml.add(.yamlEmptyList(at: entry.value.location, subject: path, expected: "value")) }
                mapping.keep.append((InputMapping.Source(text: entry.key, location: entry.keyLocation, keyPath: path), values))
            }
        }
        if let pair = fields["same_key"], let text = yaml.text(pair.value, path: "\(keyPath).same_key", expected: "sum or refuse") {
            if let choice = InputMapping.SameKey(rawValue: text) {
                mapping.sameKey = Located(choice, at: pair.value.location, keyPath: "\(keyPath).same_key")
            } else {
                yaml.add(.parameterNotAChoice(at: pair.value.location, subject: "\(keyPath).same_key", value: text,
                                              choices: InputMapping.SameKey.allCases.map(\.rawValue)))
            }
        }
        if let pair = fields["key"], let items = yaml.sequence(pair.value, path: "\(keyPath).key") {
            var key: [Located<String>] = []
            for (index, item) in items.enumerated() {
                let path = "\(keyPath).key[\(index)]"
                if let text = yaml.text(item, path: path, expected: "a column") { key.append(Located(text, at: item.location, keyPath: path)) }
            }
            if items.isEmpty { yaml.add(.yamlEmptyList(at: pair.value.location, subject: "\(keyPath).key", expected: "column")) }
            mapping.key = key
            if fields["same_key"] == nil, fields["roll_up"] == nil { yaml.add(.mappingKeyWithoutSameKey(at: pair.keyLocation, subject: "\(keyPath).key")) }
        }
        if let pair = fields["roll_up"] {
            let path = "\(keyPath).roll_up"
            let items = pair.value.sequence ?? [pair.value]
            for (index, item) in items.enumerated() {
                let itemPath = pair.value.sequence == nil ? path : "\(path)[\(index)]"
                if let text = yaml.text(item, path: itemPath, expected: "a P-code column") {
                    mapping.rollUp.append(Located(text, at: item.location, keyPath: itemPath))
                }
            }
            if items.isEmpty { yaml.add(.yamlEmptyList(at: pair.value.location, subject: path, expected: "column")) }
            if let sameKey = mapping.sameKey, sameKey.value == .refuse {
                yaml.add(.mappingRollUpRefused(at: sameKey.location, subject: sameKey.keyPath))
            }
        }
        if let pair = fields["date_format"], let text = yaml.text(pair.value, path: "\(keyPath).date_format", expected: "a date form") {
            if let format = DateFormat(text) {
                mapping.dateFormat = Located(format, at: pair.value.location, keyPath: "\(keyPath).date_format")
            } else {
                yaml.add(.mappingDateFormat(text, at: pair.value.location, subject: "\(keyPath).date_format"))
            }
        }
        return yaml.diagnostics.count == before ? mapping : nil
    }

    /// A header name or a hashtag pattern; a text starting with `#` must be a valid pattern.
    private static func source(_ value: YAMLValue, keyPath: String, yaml: inout YAMLReader) -> InputMapping.Source? {
        guard let text = yaml.text(value, path: keyPath, expected: "a header name or a hashtag") else { return nil }
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("#"), HXLPattern(text) == nil {
            yaml.add(.mappingBadPattern(text, at: value.location, subject: keyPath))
            return nil
        }
        return InputMapping.Source(text: text, location: value.location, keyPath: keyPath)
    }
}

/// Checks a mapping against the input the plugin declares: every column it names exists (with
/// the nearest name), none is given twice, the groups of `wide:` give the same columns, group
/// names and constants fit their column's type.
enum MappingChecker {
    static func check(_ mapping: InputMapping, input spec: InputSpec) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let known = spec.columns.map(\.name)
        for named in mapping.namedColumns where !known.contains(named.column) {
            diagnostics.append(.mappingUnknownColumn(named.column, input: spec.name, known: known, at: named.location, subject: named.keyPath))
        }
        // Each plugin column is fed once: by `columns:`, by a constant, or by `wide:`.
        var fedBy: [String: String] = [:]
        func feed(_ column: String, by origin: String, at location: SourceLocation, keyPath: String) {
            if fedBy[column] != nil, fedBy[column] != origin {
                diagnostics.append(.mappingColumnTwice(column, at: location, subject: keyPath))
            }
            fedBy[column] = origin
        }
        for given in mapping.columns { feed(given.column, by: "columns", at: given.location, keyPath: "\(mapping.keyPath).columns.\(given.column)") }
        for constant in mapping.values { feed(constant.column, by: "values", at: constant.location, keyPath: "\(mapping.keyPath).values.\(constant.column)") }
        if let wideKey = mapping.wideKey {
            feed(wideKey.value, by: "wide", at: wideKey.location, keyPath: wideKey.keyPath)
            for group in mapping.groups {
                for column in group.columnOrder {
                    feed(column, by: "wide", at: group.columns[column]!.location, keyPath: "\(group.value.keyPath).\(column)")
                }
            }
            if let first = mapping.groups.first {
                for group in mapping.groups.dropFirst() where Set(group.columnOrder) != Set(first.columnOrder) {
                    diagnostics.append(.mappingGroupsUnequal(group.value.value, columns: group.columnOrder, first: first.value.value,
                                                             firstColumns: first.columnOrder, at: group.value.location, subject: group.value.keyPath))
                }
            }
            if let column = spec.columns.first(where: { $0.name == wideKey.value }) {
                switch column.type {
                case .choice(let choices):
                    for group in mapping.groups where !choices.contains(group.value.value) {
                        diagnostics.append(.mappingNotAChoice(group.value.value, column: column.name, choices: choices,
                                                              at: group.value.location, subject: group.value.keyPath))
                    }
                case .text, .optionalText: break
                default: diagnostics.append(.mappingWideKeyType(column.name, at: wideKey.location, subject: wideKey.keyPath))
                }
            }
        }
        for rolled in mapping.rollUp {
            guard let column = spec.columns.first(where: { $0.name == rolled.value }), column.pcode == nil else { continue }
            diagnostics.append(.mappingRollUpNotPCode(column.name, pcodeColumns: spec.columns.filter { $0.pcode != nil }.map(\.name),
                                                      at: rolled.location, subject: rolled.keyPath))
        }
        for constant in mapping.values {
            guard let column = spec.columns.first(where: { $0.name == constant.column }) else { continue }
            let decoder = CellDecoder(column: column, dateFormat: mapping.dateFormat?.value, uses1904: nil)
            guard case .failure = decoder.decode(.text(constant.value.value), at: constant.value.location) else { continue }
            if case .choice(let choices) = column.type {
                diagnostics.append(.mappingNotAChoice(constant.value.value, column: column.name, choices: choices,
                                                      at: constant.value.location, subject: constant.value.keyPath))
            } else {
                diagnostics.append(.mappingBadConstant(constant.value.value, column: column.name, expected: column.type.displayName,
                                                       at: constant.value.location, subject: constant.value.keyPath))
            }
        }
        return diagnostics
    }
}
