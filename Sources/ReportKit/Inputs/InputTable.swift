/// One input file, read and typed: one array per column the plugin declared, in file order.
///
/// Columnar storage keeps each column in one contiguous array of its own type, so a plugin
/// aggregates without dictionaries or strings per row. Blank lines and the HXL row are not rows.
public struct InputTable: Sendable, Hashable {
    /// The file as messages show it (relative to the folder of `reports.yaml`).
    public let file: String
    public let rowCount: Int
    /// The 1-based line where each row starts, for messages about a row.
    public let lines: [Int]
    public let columns: [String: InputColumn]
    /// The declared columns that the header names otherwise, found by their HXL hashtag.
    public internal(set) var columnsFoundByHashtag: [HashtagMatch]

    public init(file: String, rowCount: Int, lines: [Int], columns: [String: InputColumn],
                columnsFoundByHashtag: [HashtagMatch] = []) {
        self.file = file
        self.rowCount = rowCount
        self.lines = lines
        self.columns = columns
        self.columnsFoundByHashtag = columnsFoundByHashtag
    }

    /// A table of no rows, with every declared column.
    init(empty spec: InputSpec, file: String) {
        var columns: [String: InputColumn] = [:]
        for column in spec.columns {
            columns[column.name] = switch column.type {
            case .date: .dates([])
            case .count, .decimal: .counts([])
            case .optionalCount: .optionalCounts([])
            case .text, .optionalText, .choice, .vocabulary: .texts([])
            case .flag: .flags([])
            }
        }
        self.init(file: file, rowCount: 0, lines: [], columns: columns)
    }

    // A wrong name or type below is a bug in the plugin, not in the user's data: the plugin's
    // description declares the columns, and the generic plugin tests read every one of them.

    /// Where row `row` is, for a plugin's `PluginProblem`: the file and the line it starts on.
    public func place(ofRow row: Int) -> SourceLocation {
        SourceLocation(file: file, line: lines[row])
    }

    public func dates(_ name: String) -> [Day] {
        guard case .dates(let values) = columns[name] else { preconditionFailure("no date column '\(name)' in \(file)") }
        return values
    }

    public func counts(_ name: String) -> [Int] {
        guard case .counts(let values) = columns[name] else { preconditionFailure("no count column '\(name)' in \(file)") }
        return values
    }

    public func optionalCounts(_ name: String) -> [Int?] {
        guard case .optionalCounts(let values) = columns[name] else { preconditionFailure("no optional count column '\(name)' in \(file)") }
        return values
    }

    /// Text, optional text and choice columns.
    public func texts(_ name: String) -> [String] {
        guard case .texts(let values) = columns[name] else { preconditionFailure("no text column '\(name)' in \(file)") }
        return values
    }

    public func flags(_ name: String) -> [Bool] {
        guard case .flags(let values) = columns[name] else { preconditionFailure("no flag column '\(name)' in \(file)") }
        return values
    }
}

/// The typed cells of one column.
public enum InputColumn: Sendable, Hashable {
    case dates([Day])
    case counts([Int])
    case optionalCounts([Int?])
    case texts([String])
    case flags([Bool])
}
