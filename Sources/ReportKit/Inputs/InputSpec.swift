/// An input file a plugin reads, named in `reports.yaml` under `inputs:`.
public struct InputSpec: Sendable {
    /// The key under `inputs:` (`movements`).
    public var name: String
    /// The file name the formats document gives (`population_movements.csv`).
    public var conventionalFileName: String
    public var isRequired: Bool
    public var documentation: String
    public var columns: [ColumnSpec]
    /// The date column that places a row in a month: the run's default period is the latest
    /// month found there.
    public var periodColumn: String

    public init(name: String, conventionalFileName: String, required: Bool = true, documentation: String,
                columns: [ColumnSpec], periodColumn: String) {
        self.name = name
        self.conventionalFileName = conventionalFileName
        self.isRequired = required
        self.documentation = documentation
        self.columns = columns
        self.periodColumn = periodColumn
    }

    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }
}

/// A column of an input file. Header names are matched exactly after trimming spaces.
public struct ColumnSpec: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    /// The HXL hashtag the column carries in HDX exports (`#adm1+code`).
    public var hxl: String
    public var documentation: String
    /// Set when the cells are P-codes: the host checks them against the P-code vocabulary and
    /// hands the plugin the vocabulary's form.
    public var pcode: PCodeColumn?

    public init(_ name: String, _ type: ColumnType, hxl: String, _ documentation: String, pcode: PCodeColumn? = nil) {
        self.name = name
        self.type = type
        self.hxl = hxl
        self.documentation = documentation
        self.pcode = pcode
    }

    /// Columns read alike are equal whatever their documentation says, so that two plugins
    /// reading one file share its reading (`population_movements.csv`, documented differently by
    /// the returnee and the situation reports, is read once).
    public static func == (lhs: ColumnSpec, rhs: ColumnSpec) -> Bool {
        (lhs.name, lhs.type, lhs.hxl, lhs.pcode) == (rhs.name, rhs.type, rhs.hxl, rhs.pcode)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(hxl)
        hasher.combine(pcode)
    }
}

/// How the cells of an input column are read. A cell that does not fit is an error naming
/// file, line, column and value.
public enum ColumnType: Sendable, Hashable {
    /// `YYYY-MM-DD`, optionally `T00:00:00`.
    case date
    /// A whole number ≥ 0 without separators; the cell must not be empty.
    case count
    /// A whole number ≥ 0, or an empty cell meaning "not collected" (never read as 0).
    case optionalCount
    /// A number with a decimal point (`12`, `1.5`, `-0.25`): at most 9 digits before the point
    /// and 6 after, no separators, never empty. `1,5` is refused, with `1.5` suggested: in a
    /// DTM export a comma is as often a thousands separator as a French decimal comma. The
    /// cells arrive in a batch as counts of millionths (`RowBatch.counts`, `DecimalCell.scale`),
    /// so that sums are exact and the same whatever the order rows are added in.
    case decimal
    /// Any non-empty text.
    case text
    /// Any text, possibly empty.
    case optionalText
    /// One of the listed values, exactly.
    case choice([String])
    /// `true` or `false`, exactly.
    case flag
    /// One of the keys of the named vocabulary, exactly: the host reads them as a `choice` of
    /// the report's vocabulary, so that a report extending the vocabulary extends the column.
    case vocabulary(String)

    /// Whether the cells are numbers that rows with the same key add up (`same_key: sum`).
    public var isNumber: Bool {
        switch self {
        case .count, .optionalCount, .decimal: true
        default: false
        }
    }

    /// How `describe` names the type.
    public var displayName: String {
        switch self {
        case .date: "date (YYYY-MM-DD)"
        case .count: "count"
        case .optionalCount: "count, empty = not collected"
        case .decimal: "decimal number (1.5)"
        case .text: "text"
        case .optionalText: "text, may be empty"
        case .choice(let values): "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .flag: "`true` or `false`"
        case .vocabulary(let name): "a key of vocabulary `\(name)`"
        }
    }
}
