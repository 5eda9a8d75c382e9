/// What plugins say about their parameters and their data, each problem at its place: a key of
/// `params:` (the host finds its line) or a row of an input file.
extension ParameterProblem {
    /// A parameter that a value of another makes necessary: "a cumulative window needs 'since',
    /// the first day it counts (YYYY-MM-DD)".
    public static func required(_ key: String, by condition: String, meaning: String) -> ParameterProblem {
        ParameterProblem(key: key, message: "\(condition) needs '\(key)', \(meaning)")
    }

    /// A parameter that only a value of another allows: "'since' only applies to 'window:
    /// cumulative'; a month window counts its calendar month".
    public static func onlyWith(_ key: String, setting: String, otherwise: String) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(key)' only applies to '\(setting)'; \(otherwise)")
    }

    /// A list parameter naming a value twice; `noun` names what the values are (`FMP code`).
    public static func listedTwice(_ key: String, value: String, noun: String? = nil) -> ParameterProblem {
        ParameterProblem(key: key, message: (noun.map { "\($0) " } ?? "") + "'\(value)' is listed twice")
    }

    /// An empty list where the report needs one value at least.
    public static func empty(_ key: String, needs noun: String) -> ParameterProblem {
        ParameterProblem(key: key, message: "needs at least one \(noun)")
    }
}

extension PluginProblem {
    /// A day of a row after another day of the same row that must not precede it.
    public static func dayAfter(_ column: String, _ day: Day, _ laterColumn: String, _ later: Day, at row: SourceLocation) -> PluginProblem {
        PluginProblem(at: .row(row), column: column, message: "\(day.iso) is after \(laterColumn) \(later.iso)")
    }

    /// A `|`-joined cell with no name in it; `noun` is what it should name (`commune`).
    public static func namesNothing(_ column: String, value: String, noun: String, at row: SourceLocation) -> PluginProblem {
        PluginProblem(at: .row(row), column: column, message: "'\(value)' names no \(noun)")
    }

    /// A value that must be unique in the file, on a second row.
    public static func alreadyOnLine(_ column: String, value: String, line: Int, at row: SourceLocation) -> PluginProblem {
        PluginProblem(at: .row(row), column: column, message: "'\(value)' is already on line \(line)")
    }

    /// A P-code the vocabulary does not have (the host checks them first; a plugin called
    /// directly still refuses one rather than name a region wrongly).
    public static func notAPCode(_ column: String, value: String, at row: SourceLocation) -> PluginProblem {
        PluginProblem(at: .row(row), column: column, message: "'\(value)' is not in the P-code vocabulary")
    }

    /// A second row for one thing on one day: `what` is the thing (`point of entry 'MLI-POE-013'`).
    public static func assessedTwice(_ column: String, what: String, day: Day, firstLine: Int, at row: SourceLocation) -> PluginProblem {
        PluginProblem(at: .row(row), column: column, message: "\(what) is assessed twice on \(day.iso) (also on line \(firstLine))")
    }
}
