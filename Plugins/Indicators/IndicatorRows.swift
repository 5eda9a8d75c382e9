import ReportKit

/// What an indicators report keeps of its rows, whatever their number: for each measure and
/// breakdown, sums and row counts by day and group (and the distinct values a `distinct` measure
/// counts, by day and group). Memory grows with days × groups, never with rows; any window is
/// added up afterwards from the days it covers.
///
/// Its columns are known only from the definition: each is read through the key its declared
/// type gives (`DeclaredColumn`), and a group is the run's number of its value, the same in
/// every part of the file, so that the host joins parts by merging the accumulators.
public struct IndicatorRows: StreamingAggregate, KeepsPCodeForms {
    /// The sums of one day and group.
    struct Cell: Accumulator, Hashable {
        var rows = 0
        /// Rows whose value was collected (an optional count's empty cell is not).
        var known = 0
        var sum = 0

        @inline(__always)
        mutating func add(_ other: Cell) {
            rows &+= other.rows
            known &+= other.known
            sum += other.sum
        }

        mutating func merge(_ later: Cell) { add(later) }
    }

    /// What one accumulator adds up.
    enum Value: Sendable {
        case rows
        case count(Column<Count>)
        case optionalCount(Column<Count?>)
        case distinct(DeclaredColumn)

        var distinctColumn: DeclaredColumn? {
            if case .distinct(let column) = self { return column }
            return nil
        }
    }

    /// Rows a measure keeps: those whose group number in `column` is one of the accepted.
    struct Filter: Sendable {
        var column: DeclaredColumn
        /// By group number; a number past the end (a value no filter names) is not accepted.
        var accepted: [Bool]

        init(column: DeclaredColumn, values: [String]) {
            self.column = column
            let numbers = values.map(column.groupNumber(of:))
            accepted = [Bool](repeating: false, count: (numbers.max() ?? -1) + 1)
            for number in numbers { accepted[number] = true }
        }
    }

    /// A measure's rows, by day and by up to two group columns.
    struct GroupSums: Mergeable {
        let filters: [Filter]
        let by: [DeclaredColumn]
        let value: Value
        /// By `key(day:_:_:)`.
        var cells = Cells()
        /// `(key, value number)` pairs of a distinct measure.
        var distinct = DistinctPairs()
        /// The sums of the day being added, by group slot (`DenseDay`), all zero between batches.
        var daySums: [Cell] = []
        /// Whether a `(group slot, value)` pair of a distinct measure was seen on the day being added.
        var daySeen: [Bool] = []

        init(filters: [Filter], by: [DeclaredColumn], value: Value) {
            self.filters = filters
            self.by = by
            self.value = value
        }
    }

    struct DistinctKey: IntTableKey {
        var cell: Int
        var value: Int

        /// No key of a day and group is negative.
        static let vacant = DistinctKey(cell: Int.min, value: 0)

        @inline(__always)
        var bits: UInt { (UInt(bitPattern: cell) &* 0x9E37_79B9_7F4A_7C15) ^ UInt(bitPattern: value) }
    }

    /// The cells by `key(day:_:_:)`, in a table of this module (`IntTable`): ReportKit's
    /// `ByKey` and Swift's `Dictionary` hash an `Int` with SipHash and, across modules, through
    /// generic code.
    struct Cells: Accumulator, Sequence {
        var byKey = IntTable<Int, Cell>(empty: Cell())

        subscript(key: Int) -> Cell {
            get { byKey[key] }
            _modify { yield &byKey[key] }
        }

        func makeIterator() -> some IteratorProtocol<(key: Int, value: Cell)> { byKey.entries.makeIterator() }

        /// Sums add up in any order.
        mutating func merge(_ later: Cells) {
            byKey.merge(later.byKey) { $0.add($1) }
        }
    }

    /// The distinct `(day and group, value)` pairs of a distinct measure.
    struct DistinctPairs: Accumulator {
        var pairs = IntTable<DistinctKey, Void>(empty: ())

        mutating func insert(_ pair: DistinctKey) { pairs[pair] = () }

        mutating func merge(_ later: DistinctPairs) {
            pairs.merge(later.pairs) { _, _ in }
        }
    }

    let dateColumn: Column<Day>
    /// The days whose rows the accumulators add up: those the period's windows read. Every
    /// row still counts in `days`, which gives the months with data.
    let counted: IndicatorWindows.Range
    var accumulators: Declared<GroupSums>
    /// Rows by day.
    var days = ByDay<Sum>()
    /// Each P-code column's codes as the vocabulary writes them.
    public var pcodeForms = PCodeForms()

    init(dateColumn: Column<Day>, accumulators: [GroupSums], counted: IndicatorWindows.Range) {
        self.dateColumn = dateColumn
        self.counted = counted
        self.accumulators = Declared(accumulators)
    }

    // MARK: Keys

    private static let dayOffset = 1 << 20
    private static let groupBits = 21
    private static let groupMask = (1 << 21) - 1

    @inline(__always)
    static func key(day: Int, _ first: Int, _ second: Int) -> Int {
        ((day + dayOffset) << (2 * groupBits)) | (first << groupBits) | second
    }

    static func parts(of key: Int) -> (day: Int, first: Int, second: Int) {
        ((key >> (2 * groupBits)) - dayOffset, (key >> groupBits) & groupMask, key & groupMask)
    }

    // MARK: Adding rows

    public mutating func add(_ rows: RowBatch) {
        let dayCells = rows[dateColumn]
        let days = dayCells.map(\.daysSinceEpoch)
        var runStart = 0
        for row in 0..<rows.count where row + 1 == rows.count || days[row + 1] != days[row] {
            self.days[DayNumber(daysSinceEpoch: days[row])] += row + 1 - runStart
            runStart = row + 1
        }
        // Rows of days no window reads are left out: a batch wholly outside at once, a batch
        // partly outside by a filter of its rows.
        guard let earliest = days.min(), let latest = days.max(), earliest <= counted.last, latest >= counted.first else { return }
        let countedRows = earliest >= counted.first && latest <= counted.last
            ? nil : days.map { $0 >= counted.first && $0 <= counted.last }
        // Every group column any accumulator reads, numbered once per batch, with the count
        // of numbers it holds (the largest one + 1).
        var numbers: [String: (numbers: [Int], count: Int)] = [:]
        func numbered(_ column: DeclaredColumn) -> (numbers: [Int], count: Int) {
            if let known = numbers[column.name] { return known }
            let read = column.groupNumbers(in: rows)
            let result = (read, (read.max() ?? -1) + 1)
            numbers[column.name] = result
            return result
        }
        // The values a distinct measure counts: a group's numbers, or a number or day itself
        // (with no count of values, so that its rows are added up by key).
        func distinctNumbers(_ column: DeclaredColumn) -> (numbers: [Int], count: Int) {
            switch column {
            case .text, .flag: numbered(column)
            case .count(let counts): (rows[counts], Int.max)
            // An empty cell is a value of its own, as an empty optional text is.
            case .optionalCount(let counts): (rows[counts].map { $0 ?? -1 }, Int.max)
            case .date(let dates): (rows[dates].map(\.daysSinceEpoch), Int.max)
            }
        }
        for index in accumulators.indices {
            // The accumulator's constants only: a copy of it would share its sums, which then
            // could not be changed in place.
            let filters = accumulators[index].filters, by = accumulators[index].by, value = accumulators[index].value
            // Rows a filter keeps, by each filter's column numbers.
            var kept = countedRows ?? [Bool](repeating: true, count: rows.count)
            for filter in filters {
                let values = numbered(filter.column).numbers
                let accepted = filter.accepted
                for row in 0..<rows.count where kept[row] {
                    let number = values[row]
                    kept[row] = number < accepted.count && accepted[number]
                }
            }
            let firstColumn = by.count > 0 ? numbered(by[0]) : nil
            let secondColumn = by.count > 1 ? numbered(by[1]) : nil
            let first = firstColumn?.numbers, second = secondColumn?.numbers
            // Group slots of this batch: a group's numbers as one index, first × second count.
            let secondCount = secondColumn?.count ?? 1
            let slots = (firstColumn?.count ?? 1) * secondCount
            let distinctColumn = value.distinctColumn.map(distinctNumbers)
            let distinctValues = distinctColumn?.numbers
            let valueCount = distinctColumn?.count ?? 1
            let (pairs, overflow) = slots.multipliedReportingOverflow(by: valueCount)
            if slots <= Self.denseSlots, !overflow, pairs <= Self.denseSlots {
                addDense(rows, accumulator: index, days: days, kept: kept, first: first, second: second, secondCount: secondCount,
                         slots: slots, distinctValues: distinctValues, valueCount: valueCount)
                continue
            }
            var cells = accumulators[index].cells
            accumulators[index].cells = Cells()
            // Rows of one day and group usually follow each other (files sorted by date): they are
            // added up in `pending` and written to the accumulator once, when the key changes.
            var pendingKey = Int.min, pending = Cell()
            func flush() {
                guard pendingKey != Int.min else { return }
                cells[pendingKey].add(pending)
            }
            @inline(__always) func move(to key: Int) {
                if key != pendingKey {
                    flush()
                    pendingKey = key
                    pending = Cell()
                }
            }
            switch value {
            case .rows:
                for row in 0..<rows.count where kept[row] {
                    move(to: Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0))
                    pending.rows += 1
                }
            case .count(let column):
                let counts = rows[column]
                for row in 0..<rows.count where kept[row] {
                    move(to: Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0))
                    pending.rows += 1
                    pending.known += 1
                    pending.sum += counts[row]
                }
            case .optionalCount(let column):
                let counts = rows[column]
                for row in 0..<rows.count where kept[row] {
                    move(to: Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0))
                    pending.rows += 1
                    if let count = counts[row] {
                        pending.known += 1
                        pending.sum += count
                    }
                }
            case .distinct:
                let values = distinctValues!
                var distinct = accumulators[index].distinct
                accumulators[index].distinct = DistinctPairs()
                var lastDistinct = DistinctKey(cell: Int.min, value: -1)
                for row in 0..<rows.count where kept[row] {
                    let key = Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0)
                    move(to: key)
                    pending.rows += 1
                    let pair = DistinctKey(cell: key, value: values[row])
                    if pair != lastDistinct {
                        distinct.insert(pair)
                        lastDistinct = pair
                    }
                }
                accumulators[index].distinct = distinct
            }
            flush()
            accumulators[index].cells = cells
        }
    }

    /// The most group slots (or group and value pairs of a distinct measure) added up in arrays;
    /// beyond, a batch is added up by key in the dictionaries directly.
    static let denseSlots = 1 << 16

    /// Adds a batch's kept rows to accumulator `index` a day at a time: each row's value goes to
    /// the array slot of its group (no hashing), and the day's touched slots are written to the
    /// accumulator by key when the day changes, once a day and group rather than once a row.
    private mutating func addDense(_ rows: RowBatch, accumulator index: Int, days: [Int], kept: [Bool], first: [Int]?, second: [Int]?,
                                   secondCount: Int, slots: Int, distinctValues: [Int]?, valueCount: Int) {
        // The day's arrays in a local struct, changed by its own mutating methods: local
        // functions capturing them would have every access checked at run time.
        var run = DenseDay(cells: accumulators[index].cells, distinct: accumulators[index].distinct,
                           sums: accumulators[index].daySums, seenPairs: accumulators[index].daySeen,
                           day: days.first ?? 0, secondCount: secondCount, valueCount: valueCount)
        accumulators[index].cells = Cells()
        accumulators[index].distinct = DistinctPairs()
        accumulators[index].daySums = []
        accumulators[index].daySeen = []
        if run.sums.count < slots { run.sums.append(contentsOf: repeatElement(Cell(), count: slots - run.sums.count)) }
        let pairs = distinctValues == nil ? 0 : slots * valueCount
        if run.seenPairs.count < pairs { run.seenPairs.append(contentsOf: repeatElement(false, count: pairs - run.seenPairs.count)) }
        switch accumulators[index].value {
        case .rows:
            for row in 0..<rows.count where kept[row] {
                run.enter(days[row], slot: (first?[row] ?? 0) &* secondCount &+ (second?[row] ?? 0))
            }
        case .count(let column):
            let counts = rows[column]
            for row in 0..<rows.count where kept[row] {
                let slot = (first?[row] ?? 0) &* secondCount &+ (second?[row] ?? 0)
                run.enter(days[row], slot: slot)
                run.sums[slot].known &+= 1
                run.sums[slot].sum += counts[row]
            }
        case .optionalCount(let column):
            let counts = rows[column]
            for row in 0..<rows.count where kept[row] {
                let slot = (first?[row] ?? 0) &* secondCount &+ (second?[row] ?? 0)
                run.enter(days[row], slot: slot)
                if let count = counts[row] {
                    run.sums[slot].known &+= 1
                    run.sums[slot].sum += count
                }
            }
        case .distinct:
            let values = distinctValues!
            for row in 0..<rows.count where kept[row] {
                let slot = (first?[row] ?? 0) &* secondCount &+ (second?[row] ?? 0)
                run.enter(days[row], slot: slot)
                run.see(slot &* valueCount &+ values[row])
            }
        }
        run.flush()
        accumulators[index].cells = run.cells
        accumulators[index].distinct = run.distinct
        accumulators[index].daySums = run.sums
        accumulators[index].daySeen = run.seenPairs
    }

    /// One accumulator's sums of the day being added, by group slot, and the accumulators
    /// they are written to when the day changes.
    private struct DenseDay {
        var cells: Cells
        var distinct: DistinctPairs
        var sums: [Cell]
        var seenPairs: [Bool]
        var touched: [Int] = []
        var seen: [Int] = []
        var day: Int
        let secondCount: Int
        let valueCount: Int

        /// A row of `rowDay` in group `slot`: the day's sums written first when the day changes.
        @inline(__always)
        mutating func enter(_ rowDay: Int, slot: Int) {
            if rowDay != day {
                flush()
                day = rowDay
            }
            if sums[slot].rows == 0 { touched.append(slot) }
            sums[slot].rows &+= 1
        }

        @inline(__always)
        mutating func see(_ pair: Int) {
            if !seenPairs[pair] {
                seenPairs[pair] = true
                seen.append(pair)
            }
        }

        mutating func flush() {
            for slot in touched {
                cells[IndicatorRows.key(day: day, slot / secondCount, slot % secondCount)].add(sums[slot])
                sums[slot] = Cell()
            }
            touched.removeAll(keepingCapacity: true)
            for pair in seen {
                let slot = pair / valueCount
                distinct.insert(DistinctKey(cell: IndicatorRows.key(day: day, slot / secondCount, slot % secondCount), value: pair % valueCount))
                seenPairs[pair] = false
            }
            seen.removeAll(keepingCapacity: true)
        }
    }

    // MARK: Reading

    /// The value of group number `number` of `column`, as the vocabulary writes a P-code.
    func text(_ number: Int, of column: DeclaredColumn) -> String {
        let value = column.groupValue(number)
        return pcodeForms[value, of: column.name]
    }

    /// One group of an accumulator: its texts, one per `by` column.
    typealias Group = [String]

    /// Whether a day of `first...last` has a row.
    func hasRows(first: Int, last: Int) -> Bool {
        days.days.contains { $0.daysSinceEpoch >= first && $0.daysSinceEpoch <= last }
    }

    /// The months with at least one row.
    var months: Set<Period> { Set(days.days.map(\.month)) }

    /// The cells of accumulator `index` for the days `first...last`, added up by group.
    func sums(_ index: Int, first: Int, last: Int) -> [Group: Cell] {
        var sums: [Int: Cell] = [:]
        for (key, cell) in accumulators[index].cells {
            let (day, a, b) = Self.parts(of: key)
            guard day >= first, day <= last else { continue }
            sums[Self.key(day: 0, a, b), default: Cell()].add(cell)
        }
        return named(sums, accumulator: accumulators[index])
    }

    /// Distinct values of accumulator `index` for the days `first...last`, by group; the
    /// count under key [] (every group) is the distinct values of the whole window.
    func distinctCounts(_ index: Int, first: Int, last: Int) -> (byGroup: [Group: Int], all: Int) {
        var values: [Int: Set<Int>] = [:]
        var all = Set<Int>()
        for (key, _) in accumulators[index].distinct.pairs.entries {
            let (day, a, b) = Self.parts(of: key.cell)
            guard day >= first, day <= last else { continue }
            values[Self.key(day: 0, a, b), default: []].insert(key.value)
            all.insert(key.value)
        }
        var counts: [Group: Int] = [:]
        for (key, set) in values { counts[group(of: key, accumulator: accumulators[index])] = set.count }
        return (counts, all.count)
    }

    /// The latest day at or before `last` with a row of accumulator `index`, and its cells by group.
    func latest(_ index: Int, atOrBefore last: Int) -> (day: Int, sums: [Group: Cell])? {
        var latest: Int?
        for (key, _) in accumulators[index].cells {
            let day = Self.parts(of: key).day
            if day <= last, day > (latest ?? Int.min) { latest = day }
        }
        guard let latest else { return nil }
        return (latest, sums(index, first: latest, last: latest))
    }

    private func named(_ sums: [Int: Cell], accumulator: GroupSums) -> [Group: Cell] {
        var named: [Group: Cell] = [:]
        for (key, cell) in sums { named[group(of: key, accumulator: accumulator)] = cell }
        return named
    }

    private func group(of key: Int, accumulator: GroupSums) -> Group {
        let (_, a, b) = Self.parts(of: key)
        return accumulator.by.enumerated().map { position, column in text(position == 0 ? a : b, of: column) }
    }

    /// The last day with a row at or before `last`; nil when there is none.
    func lastDay(atOrBefore last: Int) -> Int? {
        days.days.last { $0.daysSinceEpoch <= last }?.daysSinceEpoch
    }
}
