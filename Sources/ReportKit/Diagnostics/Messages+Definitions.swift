// Every message about `reports.yaml` and report definitions, in one place, so that tests assert
// exact texts and a reviewer sees every sentence a coordinator can meet. Names start with
// `yaml` (any YAML file), `reportsFile` (the file as a whole), `definition` (a report's keys)
// or `parameter` (its `params:`).

extension Diagnostic {
    // MARK: The file as a whole

    /// The file is larger than the loader accepts.
    public static func reportsFileTooLarge(file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic("the file is \(size) bytes; a reports file may be at most \(limit) bytes",
                   at: SourceLocation(file: file))
    }

    /// A byte sequence that is not UTF-8.
    public static func reportsFileInvalidUTF8(at location: SourceLocation, byte: UInt8) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Diagnostic("invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8",
                          at: location)
    }

    /// A character YAML does not allow anywhere in a file.
    public static func reportsFileControlCharacter(at location: SourceLocation, _ scalar: Unicode.Scalar) -> Diagnostic {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return Diagnostic("control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed in YAML",
                          at: location)
    }

    /// Nothing but comments and blank lines.
    public static func reportsFileEmpty(file: String) -> Diagnostic {
        Diagnostic("the file is empty; expected version, languages and reports", at: SourceLocation(file: file))
    }

    // MARK: YAML syntax and structure

    /// A tab in the indentation of a line: YAML forbids it, and editors show tabs at different widths.
    public static func yamlTabIndentation(at location: SourceLocation) -> Diagnostic {
        Diagnostic("tab character used for indentation; indent with spaces", at: location)
    }

    /// libyaml's own message, with its context (`while parsing a flow sequence at line 2, column 4`).
    public static func yamlSyntax(at location: SourceLocation, problem: String, context: String?, contextLine: Int, contextColumn: Int) -> Diagnostic {
        var message = "YAML syntax error: \(problem)"
        if let context, !context.isEmpty {
            message += " (\(context) at line \(contextLine), column \(contextColumn))"
        }
        return Diagnostic(message, at: location)
    }

    /// A syntax error in plain words at the line to fix, the lines above it shown for the
    /// indentation, and libyaml's own message kept as a note at its own position.
    public static func yamlSyntaxExplained(at location: SourceLocation, message: String, suggestion: String?,
                                           parser: Diagnostic) -> Diagnostic {
        var diagnostic = Diagnostic(message, at: location, suggestion: suggestion)
        let parserPlace = parser.location.map { "\($0): " } ?? ""
        diagnostic.note = "\(parserPlace)note: the YAML parser says: " + String(parser.message.dropFirst("YAML syntax error: ".count))
        diagnostic.linesBefore = 2
        return diagnostic
    }

    /// A tab where libyaml expected a space (after `-` or `:` at the start of a value).
    public static func yamlTabCharacter(at location: SourceLocation) -> Diagnostic {
        Diagnostic("tab character where YAML needs a space", at: location)
    }

    /// A Yams error without a position.
    public static func yamlUnreadable(file: String, detail: String) -> Diagnostic {
        Diagnostic("cannot read the YAML: \(detail)", at: SourceLocation(file: file))
    }

    /// Collections nested deeper than the loader accepts.
    public static func yamlTooDeep(at location: SourceLocation, subject: String = "", limit: Int) -> Diagnostic {
        Diagnostic("nesting is deeper than \(limit) levels", at: location, subject: subject)
    }

    /// More nodes than the budget, counting every use of an alias: the "billion laughs" attack, or
    /// a file that is not a reports file.
    public static func yamlTooManyNodes(at location: SourceLocation, limit: Int) -> Diagnostic {
        Diagnostic("the file has more than \(limit) YAML values once aliases (*name) are expanded; an alias may be repeating a large part of the file",
                   at: location)
    }

    /// A key that is an alias, a list, a mapping or an explicit `? ` key.
    public static func yamlComplexKey(at location: SourceLocation, found: String) -> Diagnostic {
        Diagnostic("keys must be plain text, not \(found)", at: location)
    }

    /// A key written twice in one mapping; YAML would silently keep one of the values.
    public static func yamlDuplicateKey(at location: SourceLocation, subject: String, key: String, firstLine: Int?) -> Diagnostic {
        Diagnostic("duplicate key '\(key)'" + (firstLine.map { " (first at line \($0))" } ?? ""), at: location, subject: subject)
    }

    /// A key the mapping does not accept, with the keys it does accept and the nearest of them.
    public static func yamlUnknownKey(at location: SourceLocation, subject: String, key: String, allowed: [String]) -> Diagnostic {
        Diagnostic("unknown key '\(key)'; " + allowedNames(near: key, in: allowed, noun: "keys", none: "no keys are allowed here"),
                   at: location, subject: subject, suggestion: Suggestion.nearest(to: key, in: allowed))
    }

    /// The most names an "allowed here" list shows in full; beyond it, the nearest this many.
    static let allowedNamesShown = 8

    /// "the keys allowed here are a, b, c" when there are few, "the nearest of the 12 keys
    /// allowed here are …" when there are many, so that an unknown name always shows what to write.
    static func allowedNames(near word: String, in allowed: [String], noun: String, none: String) -> String {
        if allowed.isEmpty { return none }
        if allowed.count <= allowedNamesShown {
            return "the \(noun) allowed here are \(allowed.joined(separator: ", "))"
        }
        let nearest = Suggestion.ranked(word, in: allowed).prefix(5)
        return "the nearest of the \(allowed.count) \(noun) allowed here are \(nearest.joined(separator: ", "))"
    }

    /// A required key that is absent; `location` is where the mapping is introduced.
    public static func yamlMissingKey(at location: SourceLocation, subject: String, key: String) -> Diagnostic {
        Diagnostic("missing key '\(key)'", at: location, subject: subject)
    }

    /// A value of the wrong shape (`expected a list, found a mapping`).
    public static func yamlWrongType(at location: SourceLocation, subject: String, expected: String, found: String) -> Diagnostic {
        Diagnostic("expected \(expected), found \(found)", at: location, subject: subject)
    }

    /// `~`, `null` or nothing where a value is needed.
    public static func yamlNull(at location: SourceLocation, subject: String, expected: String) -> Diagnostic {
        Diagnostic("value is null; expected \(expected)", at: location, subject: subject)
    }

    /// `""` where text is needed.
    public static func yamlEmpty(at location: SourceLocation, subject: String, expected: String) -> Diagnostic {
        Diagnostic("value is empty; expected \(expected)", at: location, subject: subject)
    }

    /// An empty list where at least one element is needed.
    public static func yamlEmptyList(at location: SourceLocation, subject: String, expected: String) -> Diagnostic {
        Diagnostic("the list is empty; expected at least one \(expected)", at: location, subject: subject)
    }

    // MARK: reports.yaml keys

    /// A format version from a newer dtm-report.
    public static func reportsFileVersionTooNew(at location: SourceLocation, version: Int, supported: Int) -> Diagnostic {
        Diagnostic("version \(version) is newer than this dtm-report understands (\(supported))", at: location, subject: "version")
    }

    /// A format version that never existed.
    public static func reportsFileVersionInvalid(at location: SourceLocation, version: Int, supported: Int) -> Diagnostic {
        Diagnostic("version \(version) does not exist; write version: \(supported)", at: location, subject: "version")
    }

    /// A language dtm-report does not write.
    public static func definitionUnknownLanguage(at location: SourceLocation, subject: String, language: String) -> Diagnostic {
        let known = Language.allCases.map(\.rawValue)
        return Diagnostic("unknown language '\(language)'; languages are \(known.joined(separator: " and "))",
                          at: location, subject: subject, suggestion: Suggestion.nearest(to: language, in: known))
    }

    /// The same language twice under `languages:`.
    public static func definitionDuplicateLanguage(at location: SourceLocation, subject: String, language: Language) -> Diagnostic {
        Diagnostic("language '\(language.rawValue)' is listed twice", at: location, subject: subject)
    }

    /// A title or template for a language the file does not list under `languages:`.
    public static func definitionLanguageNotListed(at location: SourceLocation, subject: String, language: Language, languages: [Language]) -> Diagnostic {
        Diagnostic("language '\(language.rawValue)' is not in languages (\(languages.map(\.rawValue).joined(separator: ", ")))",
                   at: location, subject: subject)
    }

    /// A report id that is not kebab-case.
    public static func definitionInvalidID(at location: SourceLocation, subject: String, id: String) -> Diagnostic {
        Diagnostic("'\(id)' is not a valid id: use lower-case letters, digits and single hyphens, as in 'cmp-returnees'",
                   at: location, subject: subject)
    }

    /// A report id already used by an earlier report.
    public static func definitionDuplicateID(at location: SourceLocation, subject: String, id: String, firstLine: Int) -> Diagnostic {
        Diagnostic("duplicate report id '\(id)' (first at line \(firstLine))", at: location, subject: subject)
    }

    /// An absolute path: outputs and definitions must not depend on the machine.
    public static func definitionAbsolutePath(at location: SourceLocation, subject: String, path: String) -> Diagnostic {
        Diagnostic("'\(path)' is an absolute path; write it relative to the folder of reports.yaml", at: location, subject: subject)
    }

    /// A language of the file without a title.
    public static func definitionMissingTitle(at location: SourceLocation, subject: String, language: Language) -> Diagnostic {
        Diagnostic("no title for language '\(language.rawValue)'", at: location, subject: subject)
    }

    /// A language of the file without a template.
    public static func definitionMissingTemplate(at location: SourceLocation, subject: String, language: Language) -> Diagnostic {
        Diagnostic("no template for language '\(language.rawValue)'", at: location, subject: subject)
    }

    // MARK: A definition against its plugin

    /// A plugin id the registry does not know, with the nearest known id.
    public static func definitionUnknownPlugin(at location: SourceLocation, subject: String, plugin: String, known: [String]) -> Diagnostic {
        Diagnostic("unknown plugin '\(plugin)'", at: location, subject: subject, suggestion: Suggestion.nearest(to: plugin, in: known))
    }

    /// An input the plugin does not read, with the nearest input it does read.
    public static func definitionUnknownInput(at location: SourceLocation, subject: String, input: String, plugin: String, known: [String]) -> Diagnostic {
        Diagnostic("unknown input '\(input)' for plugin '\(plugin)'; "
                   + allowedNames(near: input, in: known, noun: "inputs", none: "the plugin reads no inputs"),
                   at: location, subject: subject, suggestion: Suggestion.nearest(to: input, in: known))
    }

    /// A required input that is not given.
    public static func definitionMissingInput(at location: SourceLocation, subject: String, input: String, conventionalFileName: String) -> Diagnostic {
        Diagnostic("missing input '\(input)' (usually \(conventionalFileName))", at: location, subject: subject)
    }

    /// A parameter without a default that is not given.
    public static func parameterMissing(at location: SourceLocation, subject: String, parameter: String) -> Diagnostic {
        Diagnostic("missing parameter '\(parameter)', which has no default", at: location, subject: subject)
    }

    /// A value outside a parameter's choices, with the nearest choice.
    public static func parameterNotAChoice(at location: SourceLocation, subject: String, value: String, choices: [String]) -> Diagnostic {
        Diagnostic("'\(value)' is not one of: \(choices.joined(separator: ", "))", at: location, subject: subject,
                   suggestion: Suggestion.nearest(to: value, in: choices))
    }

    /// An integer outside its parameter's range.
    public static func parameterOutOfRange(at location: SourceLocation, subject: String, value: Int, range: ClosedRange<Int>) -> Diagnostic {
        Diagnostic("\(value) is out of range: expected an integer from \(range.lowerBound) to \(range.upperBound)",
                   at: location, subject: subject)
    }

    /// Text that is not a calendar day.
    /// Another form of a day is answered with its ISO form when only one day fits, and with
    /// both when day and month could be swapped.
    public static func parameterNotADate(at location: SourceLocation, subject: String, value: String) -> Diagnostic {
        let readings = Day.readings(ofOtherForm: value)
        if readings.count == 2 {
            return Diagnostic("'\(value)' is not a date: write YYYY-MM-DD, \(readings[0].iso) or \(readings[1].iso) (day and month could be either way round)",
                              at: location, subject: subject)
        }
        return Diagnostic("'\(value)' is not a date: write YYYY-MM-DD", at: location, subject: subject,
                          suggestion: readings.first?.iso)
    }

    /// `yes`, `True`, `on`, `"true"`… where a flag is expected: only plain `true` and `false` are booleans.
    public static func parameterNotABoolean(at location: SourceLocation, subject: String, value: String) -> Diagnostic {
        Diagnostic("'\(value)' is not a boolean: write true or false", at: location, subject: subject)
    }

    /// `YAMLDecoder` refused values the checks accepted: the plugin's `Parameters` and its
    /// `ParameterSpec`s disagree.
    public static func parameterDecodingFailed(at location: SourceLocation, subject: String, detail: String) -> Diagnostic {
        Diagnostic("cannot read the parameters: \(detail)", at: location, subject: subject)
    }

    /// A problem the plugin's `validate()` found, in the plugin's words.
    public static func parameterProblem(at location: SourceLocation, subject: String, message: String) -> Diagnostic {
        Diagnostic(message, at: location, subject: subject)
    }

    // MARK: Filters against the data

    /// A filter value that the column holds only in another case or with other accents.
    static func selectedValueDiffersInCase(at location: SourceLocation, subject: String, value: String, column: String,
                                           file: String, existing: String) -> Diagnostic {
        Diagnostic("'\(value)' is not a value of column '\(column)' in \(file): values are matched exactly",
                   at: location, subject: subject, suggestion: existing)
    }

    /// A filter value that is the name of one of the column's values, not the value itself.
    static func selectedValueIsAName(at location: SourceLocation, subject: String, value: String, column: String,
                                     nameColumn: String, file: String, code: String) -> Diagnostic {
        Diagnostic("'\(value)' is a name in column '\(nameColumn)' of \(file), not a value of column '\(column)': write its code",
                   at: location, subject: subject, suggestion: code)
    }

    /// A filter value that matches no row: it would leave its rows out of every figure.
    static func selectedValueNotFound(at location: SourceLocation, subject: String, value: String, column: String,
                                      file: String, existing: [String]) -> Diagnostic {
        let values: String
        if existing.count <= allowedNamesShown {
            values = "its values are " + existing.sorted().joined(separator: ", ")
        } else {
            values = "the nearest of its \(existing.count) values are " + Suggestion.ranked(value, in: existing).prefix(5).joined(separator: ", ")
        }
        return Diagnostic("'\(value)' is not a value of column '\(column)' in \(file); \(values)",
                          at: location, subject: subject, suggestion: Suggestion.nearest(to: value, in: existing))
    }

    /// Every filter value exists, but none has a row in the period, while others do.
    static func selectionHasNoRows(at location: SourceLocation, subject: String, values: [String], column: String, file: String,
                                   period: Period, first: Period?, last: Period?) -> Diagnostic {
        let named = values.map { "'\($0)'" }.joined(separator: ", ")
        let span = first.map { first in
            let last = last ?? first
            return first == last ? "; its rows are all in \(first)" : "; its rows run from \(first) to \(last)"
        } ?? ""
        return Diagnostic("no row of \(file) in \(period) has \(column) \(named), so the report would count nothing\(span)",
                          at: location, subject: subject)
    }
}
