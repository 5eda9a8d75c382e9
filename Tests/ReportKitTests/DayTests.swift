import Foundation
import Testing
@testable import ReportKit

@Suite struct DayTests {
    @Test func parsesISODaysAndSpreadsheetMidnight() {
        #expect(Day(iso: "2017-04-30") == Day(year: 2017, month: 4, day: 30))
        #expect(Day(iso: "2017-04-30T00:00:00") == Day(year: 2017, month: 4, day: 30))
    }

    @Test(arguments: ["2017-02-30", "2017-13-01", "30/04/2017", "42855", "2017-4-30", "2017-04-30T12:00:00", "", "0000-01-01", "２０１７-04-30"])
    func refusesWhatIsNotADay(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(Day(iso: "2016-02-29") != nil)
        #expect(Day(iso: "2017-02-29") == nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "1900-02-29") == nil)
    }

    @Test func countsCalendarDaysBothEndsIncluded() {
        // The published snapshot: monitoring from 2016-06-30 to the end of November 2016 is 153 days.
        #expect(Day(iso: "2016-06-30")!.daysThrough(Day(iso: "2016-11-29")!) == 153)
        #expect(Day(iso: "2017-04-30")!.daysThrough(Day(iso: "2017-04-30")!) == 1)
        #expect(Day(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(Day(iso: "2017-04-30")!.date.timeIntervalSince1970 == 1_493_510_400)
    }

    @Test func periods() {
        let april = Period(iso: "2017-04")!
        #expect(april.firstDay.iso == "2017-04-01")
        #expect(april.lastDay.iso == "2017-04-30")
        #expect(Period(iso: "2017-01")!.previous.iso == "2016-12")
        #expect(Period(iso: "2016-12")!.next.iso == "2017-01")
        #expect(Period(iso: "2016-02")!.dayCount == 29)
        #expect(april.contains(Day(iso: "2017-04-30")!))
        #expect(!april.contains(Day(iso: "2017-05-01")!))
        for bad in ["2017-4", "2017-13", "17-04", "2017-04-01", "2017/04"] {
            #expect(Period(iso: bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: [("2017-01", "2017-01-01"), ("2017-02", "2017-01-01"), ("2017-03", "2017-01-01"), ("2017-04", "2017-04-01"),
                      ("2017-06", "2017-04-01"), ("2017-07", "2017-07-01"), ("2017-09", "2017-07-01"), ("2017-10", "2017-10-01"),
                      ("2016-12", "2016-10-01")])
    func quarterStartsOnItsFirstMonth(period: String, first: String) {
        #expect(Period(iso: period)!.quarterFirstDay.iso == first)
        #expect(Period(iso: period)!.quarterFirstMonth.iso == String(first.prefix(7)))
    }

    /// The ISO forms against `String(format:)` with zero padding, for every day of years of
    /// one to four digits, and back through the parsers.
    @Test(arguments: [1, 9, 10, 99, 100, 999, 1000, 2016, 2017, 9999])
    func isoFormsArePaddedAndReadBack(year: Int) {
        for month in 1...12 {
            let period = Period(year: year, month: month)!
            #expect(period.iso == String(format: "%04d-%02d", year, month))
            #expect(Period(iso: period.iso) == period)
            for day in 1...Day.daysIn(month: month, year: year) {
                let date = Day(year: year, month: month, day: day)!
                #expect(date.iso == String(format: "%04d-%02d-%02d", year, month, day))
                #expect(Day(iso: date.iso) == date)
            }
        }
    }
}
