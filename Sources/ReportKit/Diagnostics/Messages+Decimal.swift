// The messages about a `decimal` cell of an input, in one place.

extension Diagnostic {
    /// A value of a decimal column that is no number.
    static func notADecimal(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is not a decimal number (digits with a point, such as 12 or 1.5, without separators)",
                   at: location, subject: inputColumnSubject(column))
    }

    /// A decimal written with a comma: refused, since `1,500` is 1.5 or 1500 depending on who wrote it.
    static func decimalComma(_ value: String, suggestion: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' has a decimal comma: write the decimal point as a point "
                   + "(did you mean '\(suggestion)'?); a comma is refused because 1,500 means 1.5 in French and 1500 in English",
                   at: location, subject: inputColumnSubject(column))
    }

    /// More digits after the point than a decimal keeps.
    static func decimalTooPrecise(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' has more than \(DecimalCell.fractionDigits) digits after the point: round it in the source",
                   at: location, subject: inputColumnSubject(column))
    }

    /// More digits before the point than a decimal allows.
    static func decimalTooLarge(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("value '\(displayedCellValue(value))' is too large for a decimal (at most \(DecimalCell.integerDigits) digits before the point)",
                   at: location, subject: inputColumnSubject(column))
    }
}
