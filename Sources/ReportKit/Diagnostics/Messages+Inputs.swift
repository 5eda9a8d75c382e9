// Every message about reading an input CSV file, in one place: tests assert these exact texts,
// and a reviewer reads every wording a coordinator may see without hunting through the parser.

extension Diagnostic {
    // MARK: The file as a whole

    /// The file has no header row: 0 bytes, only a byte-order mark, or only blank lines.
    static func emptyInputFile(expectedColumns: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic("file is empty: expected a header row with columns \(expectedColumns.joined(separator: ", "))",
                   at: location)
    }

    /// The file does not exist at the path the definition gives.
    static func inputFileNotFound(at location: SourceLocation) -> Diagnostic {
        Diagnostic("file not found", at: location)
    }

    /// The file exists but could not be read (permissions, a folder, an I/O error).
    static func inputFileUnreadable(at location: SourceLocation) -> Diagnostic {
        Diagnostic("file cannot be read", at: location)
    }

    // MARK: Structure (the tokenizer)

    /// A `"` that opens a quoted cell is never closed; `location` is where it opened.
    static func unterminatedQuote(at location: SourceLocation) -> Diagnostic {
        Diagnostic("quote is never closed", at: location)
    }

    /// Something other than the delimiter or a line end follows a closing quote (`"abc"x`).
    static func characterAfterClosingQuote(_ character: String, delimiter: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("character '\(character)' after a closing quote: expected '\(delimiter)' or the end of the line",
                   at: location)
    }

    /// A NUL byte: the file is binary or UTF-16, not UTF-8 text.
    static func nulByte(at location: SourceLocation) -> Diagnostic {
        Diagnostic("NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)", at: location)
    }

    /// A record (outside quotes) longer than `CSVReader.maximumRecordLength`.
    static func lineTooLong(at location: SourceLocation) -> Diagnostic {
        Diagnostic("line is longer than 1 MiB", at: location)
    }

    /// A quoted cell still open after `CSVReader.maximumRecordLength` bytes: almost always a
    /// stray quote, so the message says so and points at the quote.
    static func quotedCellTooLong(at location: SourceLocation) -> Diagnostic {
        Diagnostic("quoted value is longer than 1 MiB (is a closing quote missing?)", at: location)
    }

    /// Bytes that are not UTF-8 in a cell that is read; `value` shows them as U+FFFD.
    static func invalidUTF8(_ value: String, column: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is not valid UTF-8 (save the file as CSV UTF-8)",
                   at: location, subject: column.map(inputColumnSubject) ?? "")
    }

    // MARK: The header

    /// A declared column that the header row does not name and that no HXL hashtag in row 2
    /// marks. `suggestion` is the nearest header name by edit distance.
    static func missingColumn(_ column: String, hashtag: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic("required column is missing from the header (no column named '\(column)' nor tagged \(hashtag))", at: location,
                   subject: inputColumnSubject(column), suggestion: suggestion)
    }

    /// A declared column that the header writes in another case or with other accents.
    static func columnNameDiffersInCase(_ column: String, header: String, hashtag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("the header says '\(header)'; names are matched exactly: write '\(column)', or tag the column \(hashtag) in an HXL row",
                   at: location, subject: inputColumnSubject(column))
    }

    /// The first line names no declared column while a later line does: a title above the header.
    static func titleRowsBeforeHeader(headerLine: Int, at location: SourceLocation) -> Diagnostic {
        let lines = location.line + 1 == headerLine ? "line \(location.line)" : "lines \(location.line) to \(headerLine - 1)"
        return Diagnostic("the header is on line \(headerLine), not on the first line: remove \(lines) (a title above the table) and save the file again",
                          at: location)
    }

    /// A declared column found by its hashtag, which two cells of the HXL row carry;
    /// `location` is the second one's header cell.
    static func duplicateHashtag(_ column: String, hashtag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("found by its hashtag \(hashtag) in more than one column: name one of them '\(column)'", at: location,
                   subject: inputColumnSubject(column))
    }

    /// A declared column named twice in the header; `location` is the second occurrence.
    static func duplicateColumn(_ column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("appears more than once in the header", at: location, subject: inputColumnSubject(column))
    }

    // MARK: Rows

    /// A row whose cell count differs from the header's.
    static func wrongCellCount(_ found: Int, expected: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic("row has \(found) \(found == 1 ? "cell" : "cells") but the header has \(expected)", at: location)
    }

    // MARK: Cells

    /// A required cell (date, count, text, choice, flag) that is empty.
    static func emptyCell(column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value is empty", at: location, subject: inputColumnSubject(column))
    }

    /// Not `YYYY-MM-DD` (optionally `T00:00:00`), or not a day of the calendar.
    static func notADate(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        let readings = Day.readings(ofOtherForm: value)
        return Diagnostic("value '\(displayedCellValue(value))' is not a date (YYYY-MM-DD)", at: location, subject: inputColumnSubject(column),
                          suggestion: readings.count == 1 ? readings[0].iso : nil)
    }

    /// Anything but ASCII digits in a count cell.
    static func notACount(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is not a count (a whole number ≥ 0 without separators)",
                   at: location, subject: inputColumnSubject(column))
    }

    /// More digits than `InputReader.maximumCountDigits`: no real count is that large, and
    /// refusing it keeps every sum far from `Int` overflow.
    static func countTooLarge(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is too large for a count (at most \(InputReader.maximumCountDigits) digits)",
                   at: location, subject: inputColumnSubject(column))
    }

    /// A value outside a choice column's list.
    static func notAChoice(_ value: String, allowed: [String], column: String, suggestion: String?,
                           at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is not one of \(allowed.joined(separator: ", "))",
                   at: location, subject: inputColumnSubject(column), suggestion: suggestion)
    }

    /// A flag cell that is not exactly `true` or `false`.
    static func notAFlag(_ value: String, column: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is not true or false", at: location, subject: inputColumnSubject(column),
                   suggestion: suggestion)
    }

    /// UTF-8 text that was decoded as Latin-1 and encoded again (`SÃ©gou`); `suggestion` is the
    /// repaired text when it could be recovered.
    static func doubleEncoded(_ value: String, column: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' looks double-encoded", at: location, subject: inputColumnSubject(column),
                   suggestion: suggestion)
    }

    // MARK: Helpers

    /// The longest value a message quotes, in Unicode scalars; a longer one is cut and ends with `…`.
    static let maximumDisplayedCellLength = 60

    static func inputColumnSubject(_ column: String) -> String {
        "column '\(column)'"
    }

    /// A cell value as a one-line message can show it: line breaks and tabs escaped, cut after
    /// `maximumDisplayedCellLength` scalars so that a runaway cell does not flood the terminal.
    static func displayedCellValue(_ value: String) -> String {
        var text = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == maximumDisplayedCellLength {
                text += "…"
                break
            }
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default: text.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return text
    }

    static func tooManyErrors(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic("stopped reading after \(limit) errors in this file; fix these and run again", at: location)
    }
}
