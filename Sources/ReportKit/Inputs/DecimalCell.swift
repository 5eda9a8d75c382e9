/// How a `decimal` cell is read: `12`, `1.5`, `-0.25`, at most 9 digits before the point and
/// 6 after, no separators, no exponent. The value is kept as a whole number of millionths, so
/// that sums are exact integers, the same whatever order the parts of a file are added in.
///
/// A comma is refused, with the value written with a point suggested: `1,500` is 1.5 in a
/// French export and 1500 in an English one, and guessing would be a silent wrong figure.
public enum DecimalCell {
    /// Digits kept after the point.
    public static let fractionDigits = 6
    /// What one unit is worth in the kept whole numbers: a cell `1.5` is `1_500_000`.
    public static let scale = 1_000_000
    /// Digits allowed before the point: with the six after, fifteen digits in all, as a count.
    public static let integerDigits = 9

    /// Why a cell is not a decimal.
    public enum Problem: Error, Sendable, Equatable {
        /// Not a number at all (`n/a`, `1e3`, `1.2.3`).
        case notADecimal
        /// A number written with a decimal comma (`1,5`): the value with a point.
        case comma(suggestion: String)
        /// More than `fractionDigits` digits after the point.
        case tooPrecise
        /// More than `integerDigits` digits before the point.
        case tooLarge

        /// The message for `value` in `column`.
        func diagnostic(_ value: String, column: String, at location: SourceLocation) -> Diagnostic {
            switch self {
            case .notADecimal: .notADecimal(value, column: column, at: location)
            case .comma(let suggestion): .decimalComma(value, suggestion: suggestion, column: column, at: location)
            case .tooPrecise: .decimalTooPrecise(value, column: column, at: location)
            case .tooLarge: .decimalTooLarge(value, column: column, at: location)
            }
        }
    }

    /// The millionths `value` holds, or why it holds none. An empty value is `notADecimal`;
    /// callers say "empty" themselves.
    @inline(__always)
    public static func read(_ value: UnsafeBufferPointer<UInt8>) -> Result<Int, Problem> {
        guard let base = value.baseAddress, value.count > 0 else { return .failure(.notADecimal) }
        var index = 0
        let negative = base[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var whole = 0, wholeDigits = 0
        while index < value.count, base[index] &- UInt8(ascii: "0") < 10 {
            whole = whole &* 10 &+ Int(base[index] &- UInt8(ascii: "0"))
            wholeDigits &+= 1
            index &+= 1
        }
        var fraction = 0, fractionDigits = 0
        var separator: UInt8 = 0
        if index < value.count, base[index] == UInt8(ascii: ".") || base[index] == UInt8(ascii: ",") {
            separator = base[index]
            index &+= 1
            while index < value.count, base[index] &- UInt8(ascii: "0") < 10 {
                if fractionDigits < Self.fractionDigits { fraction = fraction &* 10 &+ Int(base[index] &- UInt8(ascii: "0")) }
                fractionDigits &+= 1
                index &+= 1
            }
            if fractionDigits == 0 { return .failure(.notADecimal) }
        }
        guard index == value.count, wholeDigits > 0 else { return .failure(.notADecimal) }
        if separator == UInt8(ascii: ",") {
            var written = String(decoding: value, as: UTF8.self)
            written.replace(",", with: ".")
            return .failure(.comma(suggestion: written))
        }
        guard wholeDigits <= integerDigits else { return .failure(.tooLarge) }
        guard fractionDigits <= Self.fractionDigits else { return .failure(.tooPrecise) }
        for _ in fractionDigits..<Self.fractionDigits { fraction &*= 10 }
        let millionths = whole &* scale &+ fraction
        return .success(negative ? -millionths : millionths)
    }

    /// A workbook's number as millionths, rounded half away from zero; nil when it has more
    /// than `integerDigits` digits before the point (or is not finite).
    public static func millionths(of number: Double) -> Int? {
        guard number.isFinite, number.magnitude < 1e9 else { return nil }
        return Int((number * Double(scale)).rounded())
    }

    /// The value of `millionths` as a number.
    public static func value(ofMillionths millionths: Int) -> Double {
        Double(millionths) / Double(scale)
    }
}
