/// What the `indicators` plugin says about a definition: each problem at the value it is about
/// in `reports.yaml` (the definition's columns, measures and breakdowns are structures the host
/// cannot place by their key alone), with a suggestion where one fits.
extension ParameterProblem {
    private static func suggesting(_ word: String, in candidates: [String]) -> String {
        Suggestion.nearest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func listed(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// A name the definition makes a fact or a table of, which templates could not write.
    public static func indicatorBadName(_ key: String, name: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(name)' cannot name a fact or a table: use lower-case letters, digits and _, starting with a letter",
                         at: location)
    }

    /// A column type that is not one of the types a column may have.
    public static func indicatorUnknownColumnType(_ key: String, type: String, types: [String], at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(type)' is not a column type\(suggesting(type, in: types)); types: \(types.joined(separator: ", "))",
                         at: location)
    }

    /// A key of a structure that the structure does not have.
    public static func indicatorUnknownKey(_ key: String, found: String, allowed: [String], at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "unknown key '\(found)'\(suggesting(found, in: allowed)); allowed: \(allowed.joined(separator: ", "))",
                         at: location)
    }

    /// A value of the wrong shape inside a structure.
    public static func indicatorExpected(_ key: String, _ expected: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "expected \(expected)", at: location)
    }

    /// A key a structure needs and does not have.
    public static func indicatorMissingKey(_ key: String, missing: String, meaning: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "needs '\(missing)', \(meaning)", at: location)
    }

    /// A column named that `columns:` does not declare.
    public static func indicatorUndeclaredColumn(_ key: String, column: String, declared: [String], at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "column '\(column)' is not declared under 'columns'\(suggesting(column, in: declared)); declared: \(listed(declared))",
                         at: location)
    }

    /// A measure that adds up, averages or takes the latest value of a column that holds no numbers.
    public static func indicatorNotNumeric(_ key: String, measure: String, column: String, type: String, numeric: [String],
                                           at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(measure)' needs a number column (a count or a decimal), and '\(column)' is \(type); number columns: \(listed(numeric))",
                         at: location)
    }

    /// `digits:` on a measure whose value is not a decimal: only a decimal shows digits after the point.
    public static func indicatorDigitsNotDecimal(_ key: String, measure: String, kind: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'digits' is only for a decimal value: a mean, or a sum or latest of a decimal column ('\(measure)' is a \(kind))",
                         at: location)
    }

    /// A breakdown by a column whose values are numbers or days, not groups.
    public static func indicatorBreakdownOnValue(_ key: String, column: String, type: String, groups: [String], at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "cannot break down by '\(column)', \(type) column: its values are not groups; columns to break down by: \(listed(groups))",
                         at: location)
    }

    /// A measure named that the definition does not declare.
    public static func indicatorUnknownMeasure(_ key: String, measure: String, measures: [String], at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "no measure '\(measure)'\(suggesting(measure, in: measures)); measures: \(listed(measures))", at: location)
    }

    /// A share of a share, or of a measure that is not a number of things.
    public static func indicatorShareOfShare(_ key: String, measure: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(measure)' is a share; a share is of two counts (a sum, rows, distinct values or a latest value)",
                         at: location)
    }

    /// A breakdown of a measure that does not add up by group.
    public static func indicatorBreakdownOfRatio(_ key: String, measure: String, kind: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(measure)' is a \(kind), which does not add up by group; break down a sum, rows, distinct values or a latest value",
                         at: location)
    }

    /// Two facts or tables of one name.
    public static func indicatorNameTwice(_ key: String, name: String, first: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(name)' is already the name of \(first); every fact and table needs a name of its own", at: location)
    }

    /// The date column is not declared, or not a date.
    public static func indicatorDateNotADate(_ key: String, column: String, type: String, dates: [String], at location: SourceLocation?) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(column)' is \(type), not a date column; date columns: \(listed(dates))", at: location)
    }

    /// A filter value that the column cannot hold.
    public static func indicatorFilterValue(_ key: String, value: String, column: String, values: [String], at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "'\(value)' is not a value of '\(column)'\(suggesting(value, in: values)); values: \(values.joined(separator: ", "))",
                         at: location)
    }

    /// A filter on a column whose values are numbers or days.
    public static func indicatorFilterOnValue(_ key: String, column: String, type: String, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "cannot keep rows by '\(column)', \(type) column; filters name text, code, choice or flag columns",
                         at: location)
    }

    /// A measure with no kind, or with two.
    public static func indicatorMeasureKind(_ key: String, found: [String], kinds: [String], at location: SourceLocation) -> ParameterProblem {
        let what = found.isEmpty ? "no kind" : "two kinds (\(found.joined(separator: ", ")))"
        return ParameterProblem(key: key, message: "a measure has one kind, and this one has \(what); kinds: \(kinds.joined(separator: ", "))", at: location)
    }

    /// A number outside its range.
    public static func indicatorOutOfRange(_ key: String, value: String, range: ClosedRange<Int>, at location: SourceLocation) -> ParameterProblem {
        ParameterProblem(key: key, message: "\(value) is not a whole number from \(range.lowerBound) to \(range.upperBound)", at: location)
    }
}
