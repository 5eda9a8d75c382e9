// Every message about vocabulary files (vocabularies/*.csv, vocabularies/pcodes/*.csv), the
// `vocabularies:` key of reports.yaml, and the P-code columns of inputs checked against them.

extension Diagnostic {
    // MARK: Vocabulary files

    static func vocabularyTooLarge(file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic("vocabulary file is \(size) bytes; at most \(limit) are read", at: SourceLocation(file: file))
    }

    static func vocabularyInvalidUTF8(at location: SourceLocation) -> Diagnostic {
        Diagnostic("value is not valid UTF-8 (save the file as CSV UTF-8)", at: location)
    }

    static func vocabularyNoHashtagRow(at location: SourceLocation, limit: Int) -> Diagnostic {
        Diagnostic(
            "no HXL hashtag row in the first \(limit) rows: a vocabulary file has a header row and, under it, a row of hashtags (#country+code, …); notes may come above the header",
            at: location)
    }

    static func vocabularyMissingColumn(_ column: String, vocabulary: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic("the header has no column '\(column)', which vocabulary '\(vocabulary)' needs", at: location,
                   subject: "column '\(column)'", suggestion: suggestion)
    }

    static func vocabularyEmptyCell(column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value is empty", at: location, subject: "column '\(column)'")
    }

    static func vocabularyDuplicateKey(_ key: String, firstLine: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic("key '\(displayedCellValue(key))' is already on line \(firstLine)", at: location, subject: "column 'key'")
    }

    static func vocabularyKeyNotThePlugins(_ key: String, vocabulary: String, keys: [String], suggestion: String?,
                                           at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "key '\(displayedCellValue(key))' is not one of the plugin's: vocabulary '\(vocabulary)' can reword \(keys.joined(separator: ", ")), not add a key",
            at: location, subject: "column 'key'", suggestion: suggestion)
    }

    static func vocabularyKeyMissing(_ key: String, vocabulary: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("no row for key '\(key)': the plugin needs the words of every key of vocabulary '\(vocabulary)'", at: location)
    }

    static func vocabularyNotALevel(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is not an admin level (1, 2, …)", at: location, subject: "column 'Admin Level'")
    }

    static func vocabularyNotACountryCode(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is not an ISO 3166-1 alpha-3 country code (MLI, NER)", at: location,
                   subject: "column 'Location'")
    }

    static func vocabularyDuplicatePCode(_ code: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        let earlier = first.file == location.file ? "line \(first.line)" : "\(first.file):\(first.line)"
        return Diagnostic("P-code '\(displayedCellValue(code))' is already listed on \(earlier)", at: location, subject: "column 'P-Code'")
    }

    static func vocabularyWrongCountryParent(_ parent: String, country: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("the parent of an admin 1 area is its country, '\(country)', not '\(displayedCellValue(parent))'", at: location,
                   subject: "column 'Parent P-Code'", suggestion: country)
    }

    static func vocabularyUnknownParent(_ parent: String, level: Int, nearest: [AdminArea], at location: SourceLocation) -> Diagnostic {
        Diagnostic("P-code '\(displayedCellValue(parent))' is not an admin \(level - 1) area of the vocabulary\(nearestText(nearest))",
                   at: location, subject: "column 'Parent P-Code'")
    }

    static func vocabularyFolderNotFound(_ folder: String) -> Diagnostic {
        Diagnostic("folder of the P-code vocabulary not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
                   at: SourceLocation(file: folder + "/"))
    }

    static func vocabularyFileMissing(_ file: String, vocabulary: String) -> Diagnostic {
        Diagnostic("file of vocabulary '\(vocabulary)' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
                   at: SourceLocation(file: file))
    }

    // MARK: reports.yaml

    static func vocabularyModeNotOne(at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("give exactly one of 'extend' (files added to the shipped vocabulary) or 'replace' (files read instead of it)",
                   at: location, subject: subject)
    }

    static func definitionUnknownVocabulary(_ name: String, plugin: String, known: [String], at location: SourceLocation,
                                            subject: String) -> Diagnostic {
        let list = known.isEmpty ? "it reads none" : "it reads \(known.joined(separator: ", "))"
        return Diagnostic("plugin '\(plugin)' reads no vocabulary '\(name)'; \(list)", at: location, subject: subject,
                          suggestion: Suggestion.nearest(to: name, in: known))
    }

    // MARK: P-code columns of inputs

    static func pcodeUnknown(_ code: String, level: Int, file: String, nearest: [AdminArea], column: String,
                             at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "P-code '\(displayedCellValue(code))' is not an admin \(level) area of the vocabulary (add its row to \(file)\(file.hasSuffix("/") ? "<country>.csv" : "") or extend pcodes under the report's vocabularies:)\(nearestText(nearest))",
            at: location, subject: inputColumnSubject(column))
    }

    static func pcodeWrongLevel(_ code: String, area: AdminArea, level: Int, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "P-code '\(displayedCellValue(code))' is the admin \(area.level) area \(area.name) (\(area.file)); the column holds admin \(level) codes",
            at: location, subject: inputColumnSubject(column))
    }

    /// A `roll_up` code the vocabulary does not list: its parents are unknown.
    static func pcodeRollUpUnknown(_ code: String, level: Int, file: String, nearest: [AdminArea], column: String,
                                   at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "P-code '\(displayedCellValue(code))' has no parent in the vocabulary, so roll_up cannot find its admin \(level) area (add its row, with its Parent P-Code, to \(file)\(file.hasSuffix("/") ? "<country>.csv" : "") or extend pcodes under the report's vocabularies:)\(nearestText(nearest))",
            at: location, subject: inputColumnSubject(column))
    }

    /// A `roll_up` code whose chain of parents stops before the column's level.
    static func pcodeRollUpNoParent(_ area: AdminArea, level: Int, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "P-code '\(area.code)' (admin \(area.level), \(area.name)) has no parent of admin \(level) in the vocabulary: its Parent P-Code '\(area.parent)' in \(area.file) is not an area above it",
            at: location, subject: inputColumnSubject(column))
    }

    /// A `roll_up` code of a level above the column's: it cannot be divided among areas.
    static func pcodeRollUpAbove(_ code: String, area: AdminArea, level: Int, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "P-code '\(displayedCellValue(code))' is the admin \(area.level) area \(area.name), above admin \(level): roll_up adds areas up, it cannot divide one; leave such rows out with keep:",
            at: location, subject: inputColumnSubject(column))
    }

    static func pcodeNameMismatch(_ name: String, area: AdminArea, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("name '\(displayedCellValue(name))' is not the name of \(area.code) in \(area.file)", at: location,
                   subject: inputColumnSubject(column), suggestion: area.name)
    }

    /// "; nearest: ML07 Gao, ML06 Tombouctou".
    static func nearestText(_ nearest: [AdminArea]) -> String {
        nearest.isEmpty ? "" : "; nearest: " + nearest.map { "\($0.code) \($0.name)" }.joined(separator: ", ")
    }
}

extension Note {
    static func pcodeNameAsVocabulary(_ name: String, area: AdminArea, column: String, at location: SourceLocation) -> Note {
        Note("'\(Diagnostic.displayedCellValue(name))' written '\(area.name)', as \(area.file) names \(area.code)", at: location,
             subject: Diagnostic.inputColumnSubject(column))
    }

    static func pcodeNameNearSpelling(_ name: String, area: AdminArea, column: String, at location: SourceLocation) -> Note {
        Note("'\(Diagnostic.displayedCellValue(name))' written '\(area.name)', as \(area.file) names \(area.code) (the file spells it differently)",
             at: location, subject: Diagnostic.inputColumnSubject(column))
    }

    static func pcodesInVocabularyForm(_ listed: [String], more: Int, column: String, at location: SourceLocation) -> Note {
        Note("P-codes read in the vocabulary's form: \(listed.joined(separator: ", "))\(more > 0 ? " and \(more) more" : "")", at: location,
             subject: Diagnostic.inputColumnSubject(column))
    }
}
