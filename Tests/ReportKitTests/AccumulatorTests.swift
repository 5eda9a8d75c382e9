import Testing
@testable import ReportKit

/// The plugin author's building blocks on their own: columns declared as typed keys, rows read
/// through them, texts numbered the same in every part, and the accumulators with their merge,
/// derived for a struct of them. A file split at every row must give what one reading gives.
@Suite struct AccumulatorTests {
    enum Kind: String, ColumnChoice {
        case incoming, outgoing, transit
    }

    enum Sample {
        static let date = Column<Day>("date", hxl: "#date", "The day.")
        static let code = Column<Text>("code", hxl: "#loc+code", "A place's code.")
        static let name = Column<Text>("name", hxl: "#loc+name", "A place's name.")
        static let kind = Column<Kind>("kind", hxl: "#x_kind", "Which way.")
        static let people = Column<Count>("people", hxl: "#affected", "People.")
        static let children = Column<Count?>("children", hxl: "#affected+children", "Children; empty when not counted.")
        static let note = Column<Text>("note", mayBeEmpty: true, hxl: "#meta", "A note.")
        static let spec = InputSpec(name: "rows", conventionalFileName: "rows.csv", documentation: "Rows.",
                                    columns: [date, code, name, kind, people, children, note], periodColumn: date)
    }

    /// What a plugin would keep: one of every accumulator, a constant, nested structs.
    struct SampleAggregate: StreamingAggregate {
        static let columnsRead: [any ColumnKey]? = [Sample.date, Sample.code, Sample.name, Sample.kind, Sample.people, Sample.children]

        struct Place: Accumulator {
            var people = Sum()
            var firstName = FirstSeen<Text>()
            var lastName = LastSeen<Text>()
        }

        /// A constant from the parameters: never merged.
        let smallest: Int
        var rows = Sum()
        var children = Sum()
        var rowsWithoutChildren = Sum()
        var latest = Maximum<DayNumber>()
        var earliest = Minimum<DayNumber>()
        var byKind = Tally<Kind, Sum>()
        var byPlace = Tally<Text, Place>()
        var byMonth = ByMonth<Tally<Text, Sum>>()
        var byDay = ByDay<Tally<Kind, Sum>>()

        init(smallest: Int) {
            self.smallest = smallest
        }

        mutating func add(_ rows: RowBatch) {
            let days = rows[Sample.date], codes = rows[Sample.code], names = rows[Sample.name]
            let kinds = rows[Sample.kind], people = rows[Sample.people], children = rows[Sample.children]
            for run in rows.monthRuns(of: Sample.date) {
                for row in run.rows where people[row] >= smallest {
                    self.rows += 1
                    if let counted = children[row] { self.children += counted } else { rowsWithoutChildren += 1 }
                    latest.see(days[row])
                    earliest.see(days[row])
                    byKind[kinds[row]] += people[row]
                    byPlace[codes[row]].people += people[row]
                    byPlace[codes[row]].firstName.see(names[row], at: rows.reference(ofRow: row))
                    byPlace[codes[row]].lastName.see(names[row], at: rows.reference(ofRow: row))
                    byMonth[run.month][codes[row]] += people[row]
                    byDay[days[row]][kinds[row]] += people[row]
                }
            }
        }

        /// Everything it holds, as text, to compare two readings.
        var summary: String {
            var lines = ["rows \(rows) children \(children) without \(rowsWithoutChildren) smallest \(smallest)",
                         "days \(earliest.value?.description ?? "-")…\(latest.value?.description ?? "-")"]
            lines += byKind.map { "kind \($0.key.rawValue) \($0.value)" }
            lines += byPlace.map { key, place in
                "place \(key) \(place.people) first \(place.firstName.value!) at \(place.firstName.row!.location) (row \(place.firstName.row!.position)) last \(place.lastName.value!) at \(place.lastName.row!.location)"
            }
            for (month, codes) in byMonth { lines += codes.map { "month \(month) \($0.key) \($0.value)" } }
            for (day, kinds) in byDay { lines += kinds.map { "day \(day) \($0.key.rawValue) \($0.value)" } }
            return lines.joined(separator: "\n")
        }
    }

    struct Row {
        var date: String
        var code = "GAO-01"
        var name = "Gao"
        var kind = "incoming"
        var people = 1
        var children: Int? = 0
    }

    static let rows: [Row] = [
        Row(date: "2017-03-30", code: "MEN-01", name: "Ménaka", people: 4),
        Row(date: "2017-03-31", name: "Gao (old name)", kind: "outgoing", people: 2, children: nil),
        Row(date: "2017-02-27", code: "BEN-01", name: "Benena", kind: "transit", people: 7),
        Row(date: "2017-04-01", people: 5, children: 2),
        Row(date: "2017-04-01", code: "MEN-01", name: "Ménaka ville", kind: "outgoing", people: 0),
        Row(date: "2017-01-15", code: "BEN-01", name: "Bénéna", people: 3),
        Row(date: "2017-04-02", name: "Gao", kind: "transit", people: 6, children: 1),
    ]

    /// `rows` as one batch whose lines count from `firstLine`.
    static func batch(_ rows: ArraySlice<Row>, firstLine: Int) -> RowBatch {
        let table = InputTable(
            file: "rows.csv", rowCount: rows.count, lines: rows.indices.map { $0 - rows.startIndex + firstLine },
            columns: [
                "date": .dates(rows.map { Day(iso: $0.date)! }),
                "code": .texts(rows.map(\.code)),
                "name": .texts(rows.map(\.name)),
                "kind": .texts(rows.map(\.kind)),
                "people": .counts(rows.map(\.people)),
                "children": .optionalCounts(rows.map(\.children)),
            ])
        return RowBatch(table, spec: Sample.spec)
    }

    /// The rows read as the host reads a file in parts: one aggregate per part, each part's
    /// lines counted from 1 (the header and HXL rows are lines 1 and 2 of the file), joined.
    static func read(splitAt cuts: [Int], smallest: Int = 0) -> SampleAggregate {
        read(rows, splitAt: cuts) { SampleAggregate(smallest: smallest) }
    }

    static func read<Aggregate: StreamingAggregate>(_ rows: [Row], splitAt cuts: [Int], _ make: () -> Aggregate) -> Aggregate {
        let bounds = [0] + cuts + [rows.count]
        let boxes = zip(bounds, bounds.dropFirst()).map { start, end in
            let box = TypedAggregateBox(make())
            box.add(batch(rows[start..<end], firstLine: start == 0 ? 3 : 1))
            return box
        }
        for (index, box) in boxes.enumerated().dropFirst() { boxes[0].append(box, lineOffset: bounds[index] + 2) }
        boxes[0].finish()
        return boxes[0].value
    }

    @Test func keysDeclareTheInputAndItsTypes() {
        #expect(Sample.spec.columns.map(\.name) == ["date", "code", "name", "kind", "people", "children", "note"])
        #expect(Sample.spec.columns.map(\.type) == [.date, .text, .text, .choice(["incoming", "outgoing", "transit"]), .count, .optionalCount, .optionalText])
        #expect(Sample.spec.periodColumn == "date")
        #expect(Sample.kind.spec.hxl == "#x_kind")
        #expect(SampleAggregate.columnsRead(from: Sample.spec) == ["date", "code", "name", "kind", "people", "children"])
        #expect(Kind.allCases.map(\.caseIndex) == [0, 1, 2])
    }

    @Test func rowsAreReadThroughTheKeys() {
        let rows = Self.batch(Self.rows[0..<3], firstLine: 3)
        #expect(rows[Sample.date].map(\.description) == ["2017-03-30", "2017-03-31", "2017-02-27"])
        #expect(rows[Sample.date][2].month == Period(year: 2017, month: 2)!)
        #expect(rows[Sample.code].map(\.string) == ["MEN-01", "GAO-01", "BEN-01"])
        #expect(Array(rows[Sample.kind]) == [.incoming, .outgoing, .transit])
        #expect(rows[Sample.people] == [4, 2, 7])
        #expect(rows[Sample.children] == [0, nil, 0])
        #expect(rows.reference(ofRow: 1).location == SourceLocation(file: "rows.csv", line: 4))
        #expect(rows.monthRuns(of: Sample.date).map(\.month) == [Period(year: 2017, month: 3)!, Period(year: 2017, month: 2)!])
        #expect(rows.monthRuns(of: Sample.date).map(\.rows) == [0..<2, 2..<3])
    }

    @Test func textsAreTheSameInEveryPartAndEveryColumnAlike() {
        // Two batches as two parts read them: each numbers its texts from 0 in its own table.
        let first = Self.batch(Self.rows[0..<2], firstLine: 3)[Sample.code]
        let second = Self.batch(Self.rows[2..<4], firstLine: 1)[Sample.code]
        #expect(first[1] == second[1])  // GAO-01, numbered 1 in one part and 1 in the other
        #expect(first[0] != second[1])
        #expect(Text("GAO-01", of: Sample.code) == second[1])
        // A text of another column compares by its characters.
        #expect(Text("GAO-01", of: Sample.name) == first[1])
        #expect(Text("GAO-01", of: Sample.name).hashValue == first[1].hashValue)
        #expect(Text("ABC", of: Sample.name) < first[1])
        let kept = TextSet(["GAO-01", "none"], of: Sample.code)
        #expect(kept.contains(first[1]) && !kept.contains(first[0]))
    }

    @Test func aFileReadInPartsGivesWhatOneReadingGives() {
        let whole = Self.read(splitAt: [])
        #expect(whole.summary.contains("place GAO-01 13 first Gao (old name) at rows.csv:4 (row 1) last Gao at rows.csv:9"))
        #expect(whole.summary.contains("days 2017-01-15…2017-04-02"))
        #expect(whole.byMonth.months == (1...4).map { Period(year: 2017, month: $0)! })
        for cut in 1..<Self.rows.count {
            #expect(Self.read(splitAt: [cut]).summary == whole.summary, "split at row \(cut)")
        }
        #expect(Self.read(splitAt: [1, 2, 3, 4, 5, 6]).summary == whole.summary)
        #expect(Self.read(splitAt: [2, 5], smallest: 3).summary == Self.read(splitAt: [], smallest: 3).summary)
        #expect(Self.read(splitAt: [3], smallest: 3).smallest == 3)
    }

    @Test func accumulatorsMergeAsTheirRowsWouldAdd() {
        var sum: Sum = 2
        sum += 3
        sum.merge(Sum(4))
        #expect(sum.value == 9)

        var uac = SumOfKnown()
        uac += 2
        uac += nil
        var laterUAC = SumOfKnown()
        laterUAC += 3
        uac.merge(laterUAC)
        #expect((uac.value, uac.knownRows, uac.unknownRows) == (5, 2, 1))

        var latest = Maximum<Int>()
        latest.merge(Maximum())
        #expect(latest.value == nil)
        latest.see(3)
        var later = Maximum<Int>()
        later.see(2)
        latest.merge(later)
        #expect(latest.value == 3)

        var tally = Tally<Kind, Sum>()
        tally[.transit] += 2
        var laterTally = Tally<Kind, Sum>()
        laterTally[.incoming] += 1
        laterTally[.transit] += 1
        tally.merge(laterTally)
        #expect(tally.keys == [.incoming, .transit])
        #expect(tally.sums == [.incoming: 1, .transit: 3])
        #expect(!tally.contains(.outgoing) && tally[.outgoing].value == 0 && tally.count == 2)

        // Months and days grow at either end, in any order of the rows.
        var months = ByMonth<Sum>()
        for month in [5, 3, 9, 1] { months[Period(year: 2020, month: month)!] += month }
        var laterMonths = ByMonth<Sum>()
        laterMonths[Period(year: 2019, month: 12)!] += 1
        laterMonths[Period(year: 2020, month: 3)!] += 1
        months.merge(laterMonths)
        #expect(months.map(\.month.description) == ["2019-12", "2020-01", "2020-03", "2020-05", "2020-09"])
        #expect(months.map(\.value.value) == [1, 1, 4, 5, 9])
        #expect(!months.contains(Period(year: 2020, month: 4)!))

        var days = ByDay<Sum>()
        let day = Day(iso: "2020-03-01")!.number
        for offset in [0, -40, 3, -41, 400] { days[day.advanced(by: offset)] += 1 }
        #expect(days.days.map { day.distance(to: $0) } == [-41, -40, 0, 3, 400])
        #expect(days[day.advanced(by: 1)].value == 0 && !days.contains(day.advanced(by: 1)))
    }

    /// What the check that a place has one row a day keeps: the earliest day met twice, its
    /// first row's line and its second row, the same in every cut of the rows.
    @Test func oneRowADayNamesTheSameRowsInEveryCut() {
        struct Days: StreamingAggregate {
            static let columnsRead: [any ColumnKey]? = [Sample.date, Sample.code]
            var byPlace = Tally<Text, OneRowADay>()

            mutating func add(_ rows: RowBatch) {
                let days = rows[Sample.date], codes = rows[Sample.code]
                for row in 0..<rows.count { byPlace[codes[row]].see(days[row], at: rows.reference(ofRow: row)) }
            }

            var summary: String {
                byPlace.map { code, days in
                    guard let found = days.firstRepeat else { return "\(code) once a day" }
                    return "\(code) \(found.day) at \(found.first) and \(found.repeated)"
                }.joined(separator: "\n")
            }
        }
        let rows = [
            Row(date: "2017-03-01", code: "A"), Row(date: "2017-03-02", code: "A"), Row(date: "2017-03-01", code: "B"),
            Row(date: "2017-03-02", code: "A"), Row(date: "2017-02-01", code: "B"), Row(date: "2017-03-01", code: "A"),
            Row(date: "2017-03-01", code: "A"), Row(date: "2017-02-01", code: "B"), Row(date: "1969-12-01", code: "C"),
            Row(date: "2017-03-01", code: "C"), Row(date: "1969-12-01", code: "C"), Row(date: "2017-03-03", code: "D"),
        ]
        let whole = Self.read(rows, splitAt: []) { Days() }.summary
        #expect(whole == """
            A 2017-03-01 at rows.csv:3 and rows.csv:8
            B 2017-02-01 at rows.csv:7 and rows.csv:10
            C 1969-12-01 at rows.csv:11 and rows.csv:13
            D once a day
            """)
        for first in 1..<rows.count {
            #expect(Self.read(rows, splitAt: [first]) { Days() }.summary == whole, "split at row \(first)")
            for second in first + 1..<rows.count {
                #expect(Self.read(rows, splitAt: [first, second]) { Days() }.summary == whole, "split at rows \(first), \(second)")
            }
        }
        #expect(Self.read(rows, splitAt: Array(1..<rows.count)) { Days() }.summary == whole)
    }

    /// An aggregate that keeps P-codes as text reads them in the vocabulary's form that the host
    /// writes, column by column.
    @Test func codesKeptAsTextAreReadInTheVocabularysForm() {
        struct Codes: StreamingAggregate, KeepsPCodeForms {
            var pcodeForms = PCodeForms()
            mutating func add(_ rows: RowBatch) {}
        }
        var codes = Codes()
        codes.writePCodes(of: "code", as: ["MLI07": "ML07"])
        codes.writePCodes(of: "name", as: ["GAO-01": "Gao"])
        #expect(codes.pcodeForms[Text("MLI07", of: Sample.code), of: Sample.code] == "ML07")
        #expect(codes.pcodeForms[Text("GAO-01", of: Sample.code), of: Sample.code] == "GAO-01")
        #expect(codes.pcodeForms[Text("GAO-01", of: Sample.name), of: Sample.name] == "Gao")
    }

    /// The old contract still holds: an aggregate of its own joins parts and inputs with
    /// `append`, unless it says otherwise.
    @Test func combiningInputsIsAppendingByDefault() {
        struct Rows: InputAggregate {
            var log: [String] = []
            mutating func add(_ rows: RowBatch) { log.append("add \(rows.count)") }
            mutating func append(_ later: Rows) { log += ["append"] + later.log }
        }
        var first = Rows()
        first.add(Self.batch(Self.rows[0..<1], firstLine: 3))
        var other = Rows()
        other.add(Self.batch(Self.rows[0..<2], firstLine: 3))
        first.combine(other)
        #expect(first.log == ["add 1", "append", "add 2"])
    }
}
