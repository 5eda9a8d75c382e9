// Messages about the ways an office shares definitions in `reports.yaml`: merge keys, `x-`
// blocks, `defaults:`, `tags:`, `enabled:` and `--tag`.

extension Diagnostic {
    /// `<<:` with a value that is not a mapping, or a list holding something else.
    public static func yamlMergeNotAMapping(at location: SourceLocation, subject: String, found: String) -> Diagnostic {
        Diagnostic("a merge key takes a mapping or a list of mappings (`<<: *base`), found \(found)", at: location, subject: subject)
    }

    /// An `x-` key below the top level, where it would hide a misspelt key.
    public static func yamlExtensionKeyBelowTop(at location: SourceLocation, subject: String, key: String) -> Diagnostic {
        Diagnostic("unknown key '\(key)'; keys starting with 'x-' are accepted only at the top level of the file, to hold shared blocks",
                   at: location, subject: subject)
    }

    /// A message about a value a merge key brought in: its position is the anchored block, so
    /// the message also says where it was merged.
    static func merged(_ diagnostic: Diagnostic, into report: String?, at location: SourceLocation) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.message += " (merged into " + (report.map { "report '\($0)'" } ?? "the mapping") + " at \(location))"
        return diagnostic
    }

    /// A message about a value a report inherited from `defaults:`.
    static func inherited(_ diagnostic: Diagnostic, by report: String?) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.message += " (a default, inherited by " + (report.map { "report '\($0)'" } ?? "a report") + ")"
        return diagnostic
    }

    /// The same default given twice with different values.
    public static func definitionConflictingDefaults(at location: SourceLocation, subject: String, first: SourceLocation) -> Diagnostic {
        Diagnostic("conflicting defaults: also set, to another value, at \(first); keep one", at: location, subject: subject)
    }

    /// `defaults:` for a plugin that no report uses: most likely a misspelt plugin id.
    public static func definitionDefaultsForUnusedPlugin(at location: SourceLocation, subject: String, plugin: String, used: [String]) -> Diagnostic {
        Diagnostic("no report uses plugin '\(plugin)'", at: location, subject: subject, suggestion: Suggestion.nearest(to: plugin, in: used))
    }

    /// A tag that is not kebab-case, or repeated.
    public static func definitionInvalidTag(at location: SourceLocation, subject: String, tag: String) -> Diagnostic {
        Diagnostic("invalid tag '\(tag)'; use lowercase letters, digits and single hyphens, as in 'monthly' or 'niger-2024'",
                   at: location, subject: subject)
    }

    /// The same tag twice on one report.
    public static func definitionDuplicateTag(at location: SourceLocation, subject: String, tag: String) -> Diagnostic {
        Diagnostic("tag '\(tag)' is listed twice", at: location, subject: subject)
    }

    /// `enabled:` that is not `true` or `false`.
    public static func definitionEnabledNotBoolean(at location: SourceLocation, subject: String, found: String) -> Diagnostic {
        Diagnostic("expected true or false, found \(found)", at: location, subject: subject)
    }

    /// `--tag` that no report has.
    static func unknownTag(_ tag: String, known: [String]) -> Diagnostic {
        let list = known.isEmpty ? "no report has tags" : "the tags are " + known.map { "'\($0)'" }.joined(separator: ", ")
        return Diagnostic("no report has tag '\(tag)'; \(list)", subject: "--tag", suggestion: Suggestion.nearest(to: tag, in: known))
    }
}

extension Diagnostic {
    /// The configuration file is missing, for commands outside ReportKit (`list`).
    public static func reportsFileNotFound(_ file: String, nearest: String?) -> Diagnostic {
        configNotFound(file, nearest: nearest)
    }
}

// MARK: include

extension Diagnostic {
    /// `include:` where the loader was given text without its folder.
    static func includeWithoutFolder(at location: SourceLocation) -> Diagnostic {
        Diagnostic("include: needs the folder of the file; this command reads the file alone", at: location, subject: "include")
    }

    /// An included file that is not there, or a pattern that matches no file.
    public static func includeNotFound(at location: SourceLocation, subject: String, pattern: String) -> Diagnostic {
        Diagnostic(pattern.contains("*") ? "no file matches '\(pattern)'" : "no file '\(pattern)'; paths are relative to the file that includes it",
                   at: location, subject: subject)
    }

    /// An included file outside the folder of reports.yaml (by `..` or a link).
    public static func includeOutsideFolder(at location: SourceLocation, subject: String, pattern: String) -> Diagnostic {
        Diagnostic("'\(pattern)' leads outside the folder of reports.yaml; included files must be inside it", at: location, subject: subject)
    }

    /// `*` in a folder of a pattern.
    public static func includePatternInFolder(at location: SourceLocation, subject: String, pattern: String) -> Diagnostic {
        Diagnostic("'\(pattern)': only the file name of a pattern may have '*' (as in reports/*.yaml)", at: location, subject: subject)
    }

    /// A file that includes itself, directly or through others.
    public static func includeCycle(at location: SourceLocation, subject: String, chain: [String]) -> Diagnostic {
        Diagnostic("include cycle: \(chain.joined(separator: " → "))", at: location, subject: subject)
    }

    /// The node budget, spent over all included files together.
    public static func yamlTooManyNodesInAll(at location: SourceLocation, limit: Int) -> Diagnostic {
        var diagnostic = yamlTooManyNodes(at: location, limit: limit)
        diagnostic.message += " (counting reports.yaml and every file it includes)"
        return diagnostic
    }

    /// A file included a second time.
    public static func includeTwice(at location: SourceLocation, subject: String, path: String, first: SourceLocation) -> Diagnostic {
        Diagnostic("'\(path)' is already included, at \(first)", at: location, subject: subject)
    }

    /// A report id defined in two files.
    public static func includeDuplicateID(at location: SourceLocation, id: String, first: SourceLocation) -> Diagnostic {
        Diagnostic("duplicate report id '\(id)' (first at \(first))", at: location, subject: "id")
    }
}
