// Every message about reading a workbook (.xlsx) and finding a table in a file, in one place.

extension Diagnostic {
    // MARK: The workbook as a whole

    /// A spreadsheet format other than .xlsx.
    static func workbookFormatRefused(_ format: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("\(format) workbooks are not read: open the file in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV UTF-8",
                   at: location)
    }

    /// An .xlsx saved with a password: an OLE file holding an encrypted package.
    static func workbookEncrypted(at location: SourceLocation) -> Diagnostic {
        Diagnostic("the workbook is encrypted (saved with a password): open it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx, or save the sheet as CSV UTF-8",
                   at: location)
    }

    /// Not a readable ZIP archive, or a part missing or broken.
    static func workbookCorrupt(reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("not a readable .xlsx workbook: \(reason); save it again from Excel as .xlsx, or as CSV UTF-8", at: location)
    }

    /// An entry inflating past the limit: a ZIP bomb, or a sheet far beyond any real one.
    static func workbookEntryTooLarge(_ entry: String, limit: UInt64, at location: SourceLocation) -> Diagnostic {
        Diagnostic("entry \(entry) expands to more than \(byteCount(limit)): refused (split the sheet, or save it as CSV UTF-8)", at: location)
    }

    /// A shared-strings table with more strings than the limit.
    static func workbookTooManyStrings(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic("the shared-strings table holds more than \(limit) strings: refused (save the sheet as CSV UTF-8)", at: location)
    }

    /// `sheet:` names a sheet the workbook does not have.
    static func sheetNotFound(_ sheet: String, sheets: [String], suggestion: String?, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("the workbook has no sheet '\(sheet)'; its sheets: \(sheets.map { "'\($0)'" }.joined(separator: ", "))",
                   at: location, subject: subject, suggestion: suggestion)
    }

    /// `sheet:` gives a position past the last sheet.
    static func sheetPositionOutOfRange(_ position: Int, count: Int, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("the workbook has \(count) sheet\(count == 1 ? "" : "s"), no sheet \(position)", at: location, subject: subject)
    }

    /// The sheet or file has no row at all.
    static func sheetEmpty(at location: SourceLocation) -> Diagnostic {
        Diagnostic("the sheet has no rows", at: location)
    }

    private static func byteCount(_ bytes: UInt64) -> String {
        bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}

// MARK: Mappings in reports.yaml (`inputs: name: {file: …}`)

extension Diagnostic {
    static func mappingSheetPosition(_ position: Int, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("sheet positions count from 1, not \(position)", at: location, subject: subject)
    }

    static func mappingWideShape(at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("expected one column name (the column the groups fill) with its groups under it, as in 'population: {idps: {individuals: …}}'",
                   at: location, subject: subject)
    }

    static func mappingBadPattern(_ text: String, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'\(text)' is not a hashtag pattern: expected #tag with +attribute or -attribute parts (letters, digits, _), as in #affected+idps+ind; quote a header name that starts with #",
                   at: location, subject: subject)
    }

    static func mappingKeyWithoutSameKey(at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'key' says which rows are the same, for 'same_key': add same_key: sum or same_key: refuse", at: location, subject: subject)
    }

    static func mappingRollUpRefused(at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'roll_up' adds up the rows of each area: it cannot go with same_key: refuse; write same_key: sum or leave same_key out",
                   at: location, subject: subject)
    }

    /// `roll_up` names a column that holds no P-codes.
    static func mappingRollUpNotPCode(_ column: String, pcodeColumns: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        let list = pcodeColumns.isEmpty ? "this input has none" : "this input's are \(pcodeColumns.joined(separator: ", "))"
        return Diagnostic("column '\(column)' holds no P-codes: 'roll_up' names P-code columns; \(list)", at: location, subject: subject,
                          suggestion: Suggestion.nearest(to: column, in: pcodeColumns))
    }

    static func mappingDateFormat(_ text: String, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'\(text)' is not a date form: expected dd, mm and yyyy separated by /, - or ., as in dd/mm/yyyy", at: location, subject: subject)
    }

    /// A mapping names a column the plugin does not declare.
    static func mappingUnknownColumn(_ column: String, input: String, known: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("input '\(input)' has no column '\(column)'; its columns: \(known.joined(separator: ", "))", at: location, subject: subject,
                   suggestion: Suggestion.nearest(to: column, in: known))
    }

    /// A plugin column fed twice (by `columns:` and `values:`, say).
    static func mappingColumnTwice(_ column: String, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("column '\(column)' is given more than once in this input's mapping", at: location, subject: subject)
    }

    /// The groups of `wide:` do not feed the same columns.
    static func mappingGroupsUnequal(_ group: String, columns: [String], first: String, firstColumns: [String],
                                     at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("group '\(group)' gives \(columns.joined(separator: ", ")) but group '\(first)' gives \(firstColumns.joined(separator: ", ")): every group must give the same columns",
                   at: location, subject: subject)
    }

    /// A `wide:` key column that is a count: group names are texts.
    static func mappingWideKeyType(_ column: String, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("column '\(column)' is a count: the groups of 'wide' name a text or choice column", at: location, subject: subject)
    }

    /// A group name or a constant that is not a choice of its column.
    static func mappingNotAChoice(_ value: String, column: String, choices: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'\(value)' is not a value of column '\(column)': expected one of \(choices.joined(separator: ", "))", at: location,
                   subject: subject, suggestion: Suggestion.nearest(to: value, in: choices))
    }

    /// A constant that does not fit its column's type.
    static func mappingBadConstant(_ value: String, column: String, expected: String, at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'\(value)' does not fit column '\(column)': expected \(expected)", at: location, subject: subject)
    }
}

// MARK: Cells of a workbook or of a mapped file

extension Diagnostic {
    /// A formula whose cached value is an error (`#N/A`, `#DIV/0!`).
    static func cellFormulaError(_ code: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(code)' is a formula error: fix the formula in the workbook", at: location, subject: inputColumnSubject(column))
    }

    /// A number cell not formatted as a date where a date is expected.
    static func cellNumberNotDate(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(value)' is a number, not a date: format the column as a date in Excel", at: location, subject: inputColumnSubject(column))
    }

    /// A text cell of a workbook where a date is expected, in no form the definition declares.
    static func cellTextNotDate(_ value: String, column: String, format: DateFormat?, at location: SourceLocation) -> Diagnostic {
        let remedy = format.map { "it is neither YYYY-MM-DD nor \($0)" } ?? "format the column as a date in Excel, or declare its form with date_format (as in date_format: dd/mm/yyyy)"
        return Diagnostic("value '\(displayedCellValue(value))' is text, not a date: \(remedy)", at: location, subject: inputColumnSubject(column))
    }

    /// A text cell of a workbook where a count is expected.
    static func cellTextNotNumber(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is text, not a number: convert the column to numbers in Excel", at: location,
                   subject: inputColumnSubject(column))
    }

    /// A number or boolean cell of a workbook where a code or name is expected.
    static func cellNumberNotText(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(value)' is a number where a code or name is expected (a number loses leading zeros): format the column as Text in Excel",
                   at: location, subject: inputColumnSubject(column))
    }

    /// A column a mapping names that the table does not have.
    static func mappedColumnMissing(_ source: String, column: String, table: String, suggestion: String?, candidates: [String],
                                    at location: SourceLocation, subject: String) -> Diagnostic {
        let near = candidates.isEmpty ? "" : "; nearest: \(candidates.map { "'\($0)'" }.joined(separator: ", "))"
        return Diagnostic("\(table) has no column \(source.hasPrefix("#") ? "tagged" : "named") '\(source)' (for column '\(column)')\(near)",
                          at: location, subject: subject, suggestion: suggestion)
    }

    /// A hashtag pattern or header name that several columns answer.
    static func mappedColumnAmbiguous(_ source: String, matches: [String], at location: SourceLocation, subject: String) -> Diagnostic {
        Diagnostic("'\(source)' matches several columns: \(matches.joined(separator: ", ")); name one by its header, or exclude attributes (#tag+attr-other)",
                   at: location, subject: subject)
    }

    /// Two rows with the same key under `same_key: refuse`.
    static func sameKeyRefused(_ key: String, firstRow: SourceLocation, at location: SourceLocation) -> Diagnostic {
        Diagnostic("row has the same \(key) as \(firstRow) (same_key: refuse); add them up with same_key: sum, or remove one", at: location)
    }

    /// A row shorter or longer than its header, in a mapped CSV file.
    static func mappedCellCount(_ found: Int, expected: Int, at location: SourceLocation) -> Diagnostic {
        wrongCellCount(found, expected: expected, at: location)
    }
}
