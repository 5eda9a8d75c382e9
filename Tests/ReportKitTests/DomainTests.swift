import Testing
@testable import ReportKit

/// The computations several plugins share: optional sums, changes, rankings, month numbers,
/// latest dates and the CMP stocks.
@Suite struct DomainTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func anUnknownCountMakesTheSumUnknown() {
        #expect(Optional(3).adding(4) == 7)
        #expect(Optional(3).adding(nil) == nil)
        #expect(Int?.none.adding(4) == nil)
        #expect([1, 2, 3].map(Optional.some).sumIfAllKnown == 6)
        #expect([1, nil, 3].sumIfAllKnown == nil)
        #expect([Int?]().sumIfAllKnown == 0)
    }

    @Test func aChangeHasItsRelativeChangeUnlessTheBaseIsZero() {
        #expect(FactValue.change(from: 80, to: 100) == .change(20, relative: 0.25))
        #expect(FactValue.change(from: 100, to: 80) == .change(-20, relative: -0.2))
        #expect(FactValue.change(from: 0, to: 5) == .change(5, relative: nil))
        #expect(relativeChange(from: 4, to: 4) == 0)
    }

    @Test func rankingIsLargestFirstThenByKey() {
        let sizes = [("b", 5), ("a", 5), ("c", 9), ("d", 0)]
        #expect(sizes.rankedLargestFirst(by: \.1, thenBy: \.0).map(\.0) == ["c", "a", "b", "d"])
        // The file's order never decides a tie.
        #expect(sizes.reversed().rankedLargestFirst(by: \.1, thenBy: \.0).map(\.0) == ["c", "a", "b", "d"])
    }

    @Test func monthNumbersAreConsecutiveAcrossYears() {
        let december = Period(iso: "2016-12")!, january = Period(iso: "2017-01")!
        #expect(january.monthNumber == december.monthNumber + 1)
        #expect(Period(monthNumber: january.monthNumber) == january)
        #expect(Period(monthNumber: december.monthNumber) == december)
        #expect(Self.day("2017-01-31").monthNumber == january.monthNumber)
        #expect(Period(iso: "2016-11")!.through(Period(iso: "2017-02")!).map(\.iso) == ["2016-11", "2016-12", "2017-01", "2017-02"])
        #expect(january.through(december).isEmpty)
    }

    @Test func aHistoryIsTheTwelveMonthsUpToItsPeriodAcrossYears() {
        let march = Period(iso: "2017-03")!
        #expect(march.history().map(\.iso) == [
            "2016-04", "2016-05", "2016-06", "2016-07", "2016-08", "2016-09", "2016-10", "2016-11", "2016-12", "2017-01",
            "2017-02", "2017-03",
        ])
        #expect(march.history(months: 1) == [march])
    }

    /// A period that ends before a cumulative window's `since` counts no day, and stops nothing.
    @Test func aDayWindowIsOpenWithoutABoundAndEmptyWhenItEndsBeforeItStarts() throws {
        let january = try #require(Day(year: 2017, month: 1, day: 1)), december = try #require(Day(year: 2016, month: 12, day: 31))
        let empty = DayWindow(from: january, through: december)
        #expect(!empty.contains(DayNumber(january)) && !empty.contains(DayNumber(december)))
        #expect(DayWindow(from: december, through: january).contains(DayNumber(january)))
        #expect(DayWindow(from: nil, through: december).contains(DayNumber(december)))
        #expect(!DayWindow(from: january, through: nil).contains(DayNumber(december)))
    }

    @Test func latestDayBeforeOrInAPeriodInAnyOrder() {
        let days = ["2017-03-15", "2017-01-31", "2017-02-01", "2017-02-28", "2016-12-31"].map(Self.day)
        let february = Period(iso: "2017-02")!
        #expect(days.latest(before: february) == Self.day("2017-01-31"))
        #expect(days.latest(in: february) == Self.day("2017-02-28"))
        #expect(days.latest(before: Period(iso: "2016-12")!) == nil)
        #expect(days.latest(in: Period(iso: "2017-04")!) == nil)
    }

    @Test func cmpStocksAddRowsOfOneRegionAndDateAndKeepHouseholdsOnlyWhenAllHaveThem() {
        let rows: [(String, String, String, String, Int, Int?)] = [
            ("2017-01-31", "ML07", "Gao", "idps", 100, 20),
            ("2017-01-31", "ML07", "Gao", "idps", 50, nil),
            ("2017-01-31", "ML06", "Tombouctou", "idps", 30, 6),
            ("2017-01-31", "ML06", "Tombouctou", "returnees", 999, 1),
            ("2016-12-31", "ML06", "Tombouctou", "idps", 10, 2),
        ]
        let table = InputTable(file: "population_movements.csv", rowCount: rows.count, lines: Array(2..<(2 + rows.count)), columns: [
            "report_date": .dates(rows.map { Self.day($0.0) }), "adm1_code": .texts(rows.map(\.1)), "adm1_name": .texts(rows.map(\.2)),
            "population": .texts(rows.map(\.3)), "individuals": .counts(rows.map(\.4)), "households": .optionalCounts(rows.map(\.5)),
        ])
        let stocks = CMPStocks(table, population: "idps")
        #expect(stocks.dates == [Self.day("2016-12-31"), Self.day("2017-01-31")])
        #expect(stocks.total(at: Self.day("2017-01-31")) == 180)
        #expect(stocks.regions(at: Self.day("2017-01-31"))["ML07"] == CMPStocks.Region(name: "Gao", individuals: 150, households: nil))
        #expect(stocks.households(at: Self.day("2017-01-31")) == nil)
        #expect(stocks.households(at: Self.day("2016-12-31")) == 2)
        #expect(stocks.total(at: Self.day("2017-02-28")) == 0)
        #expect(CMPStocks(table, population: "returnees").total(at: Self.day("2017-01-31")) == 999)

        // A month without a report date has no stock, not a stock of 0.
        let months = Period(iso: "2016-11")!.through(Period(iso: "2017-01")!)
        #expect(stocks.historyRows(months) == [
            [.month(months[0]), .empty, .empty],
            [.month(months[1]), .day(Self.day("2016-12-31")), .integer(10)],
            [.month(months[2]), .day(Self.day("2017-01-31")), .integer(180)],
        ])
    }
}
