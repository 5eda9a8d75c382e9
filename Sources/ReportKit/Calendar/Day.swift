import Foundation

/// A calendar day in the proleptic Gregorian calendar, without time or time zone.
///
/// Input dates are days (`2017-04-30`); keeping them as three integers avoids every time zone
/// trap of `Date`. `date` converts to a `Date` at midnight UTC for Foundation's formatters.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid day, or nil (`2017-02-30`, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T00:00:00` (as spreadsheets export dates).
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10 || (utf8.count == 19 && String(decoding: utf8[10...], as: UTF8.self) == "T00:00:00"),
              utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let year = Day.digits(utf8[0..<4]), let month = Day.digits(utf8[5..<7]),
              let day = Day.digits(utf8[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2017-04-30`.
    public var iso: String { isoText(year: year, month: month, day: day) }

    public var description: String { iso }

    public var period: Period { Period(year: year, month: month)! }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` after 1970-01-01 (before it when negative), by the days-from-civil
    /// algorithm: the inverse of `daysSinceEpoch`, for a day number in 0001-01-01…9999-12-31.
    public init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Calendar days from `self` to `other`, counting both ends (`2016-06-30`…`2016-11-29` is 153).
    public func daysThrough(_ other: Day) -> Int {
        other.daysSinceEpoch - daysSinceEpoch + 1
    }

    /// Midnight UTC of this day, for Foundation's date formatters.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date (YYYY-MM-DD)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A reporting period: one calendar month, written `YYYY-MM`.
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
    public var dayCount: Int { Day.daysIn(month: month, year: year) }

    public func contains(_ day: Day) -> Bool {
        day.year == year && day.month == month
    }

    public var previous: Period {
        month == 1 ? Period(year: year - 1, month: 12)! : Period(year: year, month: month - 1)!
    }

    public var next: Period {
        month == 12 ? Period(year: year + 1, month: 1)! : Period(year: year, month: month + 1)!
    }

    /// `2017-04`.
    public var iso: String { isoText(year: year, month: month, day: nil) }

    public var description: String { iso }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = Period(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a month (YYYY-MM)"))
        }
        self = period
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// `YYYY-MM-DD`, or `YYYY-MM` without a day: the machine form of dates in CSV tables, JSON
/// documents and file names, not a text for readers (those go through FormatStyles). Written
/// digit by digit: a daily table has thousands of them, and `String(format:)` cost a tenth of
/// a small run. The fields are always in range (a year of 1 to 9999), so the widths are exact.
private func isoText(year: Int, month: Int, day: Int?) -> String {
    let count = day == nil ? 7 : 10
    return String(unsafeUninitializedCapacity: count) { text in
        func put(_ value: Int, width: Int, at offset: Int) {
            var rest = value
            for index in (offset..<offset + width).reversed() {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(year, width: 4, at: 0)
        text[4] = UInt8(ascii: "-")
        put(month, width: 2, at: 5)
        if let day {
            text[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
        }
        return count
    }
}
