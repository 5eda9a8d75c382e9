import Testing
@testable import ReportKit

/// Columns a plugin's parameters declare: the typed key made at run time from a spec, rows read
/// through it, group numbers the same in every part, and accumulators held one per declared item.
@Suite struct DeclaredColumnTests {
    typealias Sample = AccumulatorTests.Sample

    @Test func aSpecGivesTheKeyItsTypeIsReadAs() {
        func kind(_ type: ColumnType) -> String {
            switch DeclaredColumn(ColumnSpec("c", type, hxl: "#x_c", "A column.")) {
            case .date: "date"
            case .count: "count"
            case .optionalCount: "optional count"
            case .text: "text"
            case .flag: "flag"
            }
        }
        #expect(kind(.date) == "date")
        #expect(kind(.count) == "count")
        #expect(kind(.decimal) == "count")
        #expect(kind(.optionalCount) == "optional count")
        #expect([ColumnType.text, .optionalText, .choice(["a"]), .vocabulary("causes")].map(kind) == ["text", "text", "text", "text"])
        #expect(kind(.flag) == "flag")
        let spec = ColumnSpec("c", .decimal, hxl: "#x_c", "A column.")
        #expect(DeclaredColumn(spec).spec == spec)
        #expect(DeclaredColumn(spec).name == "c")
        #expect(!DeclaredColumn(spec).isGroup)
    }

    @Test func rowsAreReadThroughADeclaredKey() {
        let rows = AccumulatorTests.batch(AccumulatorTests.rows[0..<3], firstLine: 3)
        guard case .count(let people) = DeclaredColumn(Sample.people.spec), case .date(let date) = DeclaredColumn(Sample.date.spec),
              case .optionalCount(let children) = DeclaredColumn(Sample.children.spec)
        else {
            Issue.record("a declared column of the wrong type")
            return
        }
        #expect(rows[people] == [4, 2, 7])
        #expect(rows[date].map(\.description) == ["2017-03-30", "2017-03-31", "2017-02-27"])
        #expect(rows[children] == [0, nil, 0])
    }

    @Test func groupNumbersAreTheSameInEveryPart() {
        let code = DeclaredColumn(Sample.code.spec)
        #expect(code.isGroup)
        // Two parts, each numbering its texts from 0 in its own table.
        let first = code.groupNumbers(in: AccumulatorTests.batch(AccumulatorTests.rows[0..<2], firstLine: 3))
        let second = code.groupNumbers(in: AccumulatorTests.batch(AccumulatorTests.rows[2..<4], firstLine: 1))
        #expect(first[1] == second[1])  // GAO-01 in both
        #expect(first[0] != first[1])
        #expect(code.groupValue(first[1]) == "GAO-01")
        #expect(code.groupValue(first[0]) == "MEN-01")
        #expect(code.groupNumber(of: "GAO-01") == first[1])
        // A choice column's values are texts too.
        let kind = DeclaredColumn(Sample.kind.spec)
        let kinds = kind.groupNumbers(in: AccumulatorTests.batch(AccumulatorTests.rows[0..<3], firstLine: 3))
        #expect(kinds.map(kind.groupValue) == ["incoming", "outgoing", "transit"])
        let flag = DeclaredColumn(ColumnSpec("answered", .flag, hxl: "#x_answered", "Answered."))
        #expect(flag.groupNumber(of: "true") == 1 && flag.groupNumber(of: "false") == 0)
        #expect(flag.groupValue(1) == "true" && flag.groupValue(0) == "false")
    }

    /// People by a column named in the parameters, for each of several declared smallest counts.
    struct DeclaredSums: StreamingAggregate {
        let groups: DeclaredColumn
        let smallest: [Int]
        var measures: Declared<ByKey<Int, Sum>>
        var rows = Sum()

        init(groups: ColumnSpec, smallest: [Int]) {
            self.groups = DeclaredColumn(groups)
            self.smallest = smallest
            measures = Declared(smallest.map { _ in ByKey() })
        }

        mutating func add(_ rows: RowBatch) {
            let groups = self.groups.groupNumbers(in: rows), people = rows[Sample.people]
            for index in measures.indices {
                for row in 0..<rows.count where people[row] >= smallest[index] { measures[index][groups[row]] += people[row] }
            }
            self.rows += rows.count
        }

        var summary: [[String: Int]] {
            measures.map { sums in Dictionary(uniqueKeysWithValues: sums.map { (groups.groupValue($0.key), $0.value.value) }) }
        }
    }

    @Test func accumulatorsDeclaredByTheParametersMergeOneByOne() {
        func read(splitAt cut: Int?) -> DeclaredSums {
            let bounds = [0] + (cut.map { [$0] } ?? []) + [AccumulatorTests.rows.count]
            let boxes = zip(bounds, bounds.dropFirst()).map { start, end in
                let box = TypedAggregateBox(DeclaredSums(groups: Sample.name.spec, smallest: [0, 4]))
                box.add(AccumulatorTests.batch(AccumulatorTests.rows[start..<end], firstLine: start == 0 ? 3 : 1))
                return box
            }
            for (index, box) in boxes.enumerated().dropFirst() { boxes[0].append(box, lineOffset: bounds[index] + 2) }
            boxes[0].finish()
            return boxes[0].value
        }
        let whole = read(splitAt: nil)
        #expect(whole.measures.count == 2)
        #expect(whole.rows.value == AccumulatorTests.rows.count)
        #expect(whole.summary[0] == ["Ménaka": 4, "Gao (old name)": 2, "Benena": 7, "Gao": 11, "Ménaka ville": 0, "Bénéna": 3])
        #expect(whole.summary[1] == ["Ménaka": 4, "Benena": 7, "Gao": 11])
        for cut in 1..<AccumulatorTests.rows.count {
            let split = read(splitAt: cut)
            #expect(split.summary == whole.summary, "split at row \(cut)")
            #expect(split.rows == whole.rows)
        }
    }
}
