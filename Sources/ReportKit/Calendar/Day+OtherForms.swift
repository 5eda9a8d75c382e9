import Foundation

extension Day {
    /// The days a date written in another form may mean: `2017/1/1` and `2017.01.01` (year
    /// first, then month), `1/1/2017`, `01-01-2017` and `13.1.2017` (year last: day and month in
    /// either order, as British, French and American spreadsheets write them). Empty when the
    /// text is no date at all; one day when the form is unambiguous; two when day and month
    /// could be swapped (`3/4/2017`).
    public static func readings(ofOtherForm text: String) -> [Day] {
        // With a time of day (`1/1/2017 08:15`) the value is not a day: no day is offered.
        let datePart = text.trimmingCharacters(in: .whitespaces)
        let separators: Set<Character> = ["/", "-", "."]
        guard let separator = datePart.first(where: { separators.contains($0) }) else { return [] }
        let parts = datePart.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return [] }
        if parts[0].count == 4 {
            return Day(year: a, month: b, day: c).map { [$0] } ?? []
        }
        guard parts[2].count == 4 else { return [] }
        let dayFirst = Day(year: c, month: b, day: a), monthFirst = Day(year: c, month: a, day: b)
        switch (dayFirst, monthFirst) {
        case let (x?, y?): return x == y ? [x] : [x, y]
        case let (x?, nil): return [x]
        case let (nil, y?): return [y]
        case (nil, nil): return []
        }
    }
}
