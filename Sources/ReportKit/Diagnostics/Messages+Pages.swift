/// The messages about pages: `charts:` in `reports.yaml`, the page template, its word files.
extension Diagnostic {
    static func chartUnknownKind(_ kind: String, at location: SourceLocation, subject: String) -> Diagnostic {
        let kinds = ChartSpec.Kind.allCases.map(\.rawValue)
        return Diagnostic("unknown chart kind '\(kind)'; the kinds are \(kinds.joined(separator: ", "))", at: location, subject: subject,
                          suggestion: Suggestion.nearest(to: kind, in: kinds))
    }

    static func chartUnknownTable(_ name: String, plugin: String, tables: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("plugin '\(plugin)' has no table '\(name)'; its tables are \(tables.joined(separator: ", "))", at: location, subject: subject,
                   suggestion: Suggestion.nearest(to: name, in: tables))
    }

    static func chartUnknownColumn(_ name: String, table: String, columns: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("table '\(table)' has no column '\(name)'; its columns are \(columns.joined(separator: ", "))", at: location,
                   subject: subject, suggestion: Suggestion.nearest(to: name, in: columns))
    }

    static func chartTextColumn(_ name: String, kind: ChartSpec.Kind, numbers: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        let choice = numbers.isEmpty ? "the table has no column of numbers" : "its columns of numbers are \(numbers.joined(separator: ", "))"
        return Diagnostic("column '\(name)' holds text, and a \(kind.rawValue) chart draws numbers; \(choice)", at: location, subject: subject,
                          suggestion: Suggestion.nearest(to: name, in: numbers))
    }

    static func chartShareOfOneColumn(count: Int, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("a share chart divides one column among the rows; \(count) columns are given: draw the others in charts of their own",
                   at: location, subject: subject)
    }

    static func chartBadColour(_ text: String, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'\(YAMLReader.excerpt(text))' is not a colour: write '#RRGGBB' in hexadecimal, as '#0072B2'", at: location, subject: subject)
    }

    static func chartMissingLanguage(_ language: Language, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("no entry for language '\(language.rawValue)'", at: location, subject: subject)
    }

    static func chartsUnknownReport(_ id: String, known: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("no report has the id '\(id)'; charts are listed under a report's id", at: location, subject: subject,
                   suggestion: Suggestion.nearest(to: id, in: known))
    }

    static func chartsTwice(_ id: String, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("report '\(id)' has charts of its own (its 'charts:' key); keep them in one place", at: location, subject: subject)
    }

    static func pageWordMissing(_ key: String, language: Language, file: String) -> Diagnostic {
        Diagnostic("no '\(key)' in \(language.rawValue): the pages need it", at: SourceLocation(file: file), subject: key)
    }

    static func pageHeadingMissing(plugin: String, table: String, column: String, file: String) -> Diagnostic {
        let what = column.isEmpty ? "table '\(table)'" : "column '\(column)' of table '\(table)'"
        return Diagnostic("no heading for \(what) of plugin '\(plugin)': add a row \(plugin),\(table),\(column),…", at: SourceLocation(file: file))
    }

    static func pageWordFileColumn(_ column: String, file: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("the file has no column '\(column)'", at: location)
    }
}
