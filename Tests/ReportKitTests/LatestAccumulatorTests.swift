@testable import ReportKit
import Testing

/// The accumulators of what is not a sum (`AtLatest`, `AtLatestTwo`, `ByKey`, `InRowOrder`,
/// `Occurrences`, `SumIfAllKnown`) and `CMPStockMonths`: fed rows in any order they keep what
/// they say, and the rows cut in two parts at any row, merged, give what one value fed every
/// row holds.
@Suite struct LatestAccumulatorTests {
    /// (key, amount) rows, keys out of order, one repeated.
    let rows: [(Int, Int)] = [(5, 1), (2, 10), (9, 100), (5, 1000), (7, 10_000), (9, 3), (1, 7)]

    /// `fill` fed every row, and fed the rows before and from each cut, merged.
    func wholeAndCut<Value: Accumulator>(_ fill: (inout Value, (Int, Int)) -> Void) -> (whole: Value, cuts: [Value]) {
        var whole = Value()
        for row in rows { fill(&whole, row) }
        let cuts = (0...rows.count).map { cut -> Value in
            var first = Value(), second = Value()
            for row in rows[..<cut] { fill(&first, row) }
            for row in rows[cut...] { fill(&second, row) }
            first.merge(second)
            return first
        }
        return (whole, cuts)
    }

    @Test func atLatestKeepsTheGreatestKeysRows() {
        let (whole, cuts) = wholeAndCut { (latest: inout AtLatest<Int, Sum>, row) in latest.update(row.0) { $0 += row.1 } }
        #expect(whole.key == 9)
        #expect(whole.value.value == 103)
        for cut in cuts { #expect(cut.key == 9 && cut.value.value == 103) }
    }

    @Test func atLatestTwoKeepsTheTwoGreatestKeysRows() {
        let (whole, cuts) = wholeAndCut { (latest: inout AtLatestTwo<Int, Sum>, row) in latest.update(row.0) { $0 += row.1 } }
        #expect(whole.entries.map(\.key) == [9, 7])
        #expect(whole.entries.map(\.value.value) == [103, 10_000])
        for cut in cuts {
            #expect(cut.entries.map(\.key) == [9, 7])
            #expect(cut.entries.map(\.value.value) == [103, 10_000])
        }
        var one = AtLatestTwo<Int, Sum>()
        one.update(3) { $0 += 1 }
        #expect(one.entries.map(\.key) == [3])
        #expect(one.previous == nil)
    }

    @Test func byKeyAndInRowOrderMergeInRowOrder() {
        let (whole, cuts) = wholeAndCut { (byKey: inout ByKey<Int, InRowOrder<Int>>, row) in byKey[row.0 % 2].append(row.1) }
        #expect(Array(whole[1]) == [1, 100, 1000, 10_000, 3, 7])
        #expect(Array(whole[0]) == [10])
        for cut in cuts {
            #expect(Array(cut[1]) == Array(whole[1]))
            #expect(Array(cut[0]) == Array(whole[0]))
            #expect(cut.count == 2)
        }
    }

    @Test func sumIfAllKnownIsUnknownOnceARowIs() {
        var sum = SumIfAllKnown()
        #expect(sum.value == 0)
        sum += 4
        sum += 5
        #expect(sum.value == 9)
        var later = SumIfAllKnown()
        later += nil
        later += 1
        sum.merge(later)
        #expect(sum.value == nil)
    }

    @Test func occurrencesKeepTheFirstRowAndTheRepeatsInRowOrder() {
        let spec = InputSpec(name: "events", conventionalFileName: "events.csv", documentation: "Events.",
                             columns: [ColumnSpec("id", .text, hxl: "#event+code", "The id.")], periodColumn: "id")
        let ids = ["A", "B", "A", "C", "A", "B"]
        let table = InputTable(file: "events.csv", rowCount: ids.count, lines: Array(2..<(2 + ids.count)), columns: ["id": .texts(ids)])
        let batch = RowBatch(table, spec: spec)
        let references = (0..<ids.count).map { batch.reference(ofRow: $0) }
        func fill(_ range: Range<Int>) -> ByKey<String, Occurrences> {
            var occurrences = ByKey<String, Occurrences>()
            for row in range { occurrences[ids[row]].see(references[row]) }
            return occurrences
        }
        for cut in 0...ids.count {
            var merged = fill(0..<cut)
            merged.merge(fill(cut..<ids.count))
            #expect(merged["A"].first?.location.line == 2)
            #expect(merged["A"].repeats.map(\.location.line) == [4, 6])
            #expect(merged["B"].repeats.map(\.location.line) == [7])
            #expect(merged["C"].repeats.isEmpty)
        }
    }

    /// What a month's report asks of a CMP file, from the two latest report dates a month kept,
    /// whatever the order of the rows and wherever the file is cut.
    @Test func cmpStockMonthsKeepWhatEveryMonthsReportReads() {
        let region = Column<Text>("adm1_code", hxl: "#adm1+code", "Region.")
        let rows: [(String, String, Int, Int?)] = [
            ("2017-01-10", "ML07", 1, 1), ("2017-01-31", "MLI07", 100, 20), ("2017-01-31", "ML07", 50, nil), ("2017-01-20", "ML06", 7, 1),
            ("2016-12-31", "ML06", 10, 2), ("2017-01-31", "ML06", 30, 6), ("2017-03-05", "ML06", 3, 3),
        ]
        func fill(_ range: Range<Int>) -> CMPStockMonths {
            var months = CMPStockMonths()
            for (day, code, individuals, households) in rows[range] {
                months.add(Day(iso: day)!.number, region: Text(code, of: region), individuals: individuals, households: households)
            }
            return months
        }
        let areas = RollUpTests.areas
        for cut in 0...rows.count {
            var months = fill(0..<cut)
            months.merge(fill(cut..<rows.count))
            #expect(months.periods == [Period(iso: "2016-12")!, Period(iso: "2017-01")!, Period(iso: "2017-03")!])
            let stocks = CMPStocks(months, areas: areas)
            // January's two latest dates are kept, its first is not.
            #expect(stocks.dates.map(\.iso) == ["2016-12-31", "2017-01-20", "2017-01-31", "2017-03-05"])
            // MLI07 and ML07 are one region, Gao, as the vocabulary writes it.
            #expect(stocks.regions(at: Day(iso: "2017-01-31")!)["ML07"] == CMPStocks.Region(name: "Gao", individuals: 150, households: nil))
            #expect(stocks.total(at: Day(iso: "2017-01-31")!) == 180)
            #expect(stocks.households(at: Day(iso: "2016-12-31")!) == 2)
        }
    }
}
