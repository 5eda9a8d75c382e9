import ReportKit

/// What an indicators report keeps of its rows, whatever their number: for each measure and
/// breakdown, sums and row counts by day and group (and the distinct values a `distinct` measure
/// counts, by day and group). Memory grows with days × groups, never with rows; any window is
/// added up afterwards from the days it covers.
public struct IndicatorRows: InputAggregate, KeepsPCodes {
    /// The sums of one day and group.
    struct Cell: Sendable, Hashable {
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
    }

    /// What one accumulator adds up.
    enum Value: Sendable, Hashable {
        case rows
        case count(String)
        case optionalCount(String)
        case distinct(String)

        var isDistinct: Bool {
            if case .distinct = self { return true }
            return false
        }

        /// The column it reads; nil for rows.
        var column: String? {
            switch self {
            case .rows: nil
            case .count(let column), .optionalCount(let column), .distinct(let column): column
            }
        }
    }

    /// A measure's rows, by day and by up to two group columns.
    struct Accumulator: Sendable {
        var filters: [IndicatorDefinition.Filter]
        var by: [String]
        var value: Value
        /// By `key(day:_:_:)`.
        var cells: [Int64: Cell] = [:]
        /// `(key, value number)` pairs of a distinct measure.
        var distinct: Set<DistinctKey> = []
        /// The sums of the day being added, by group slot (`DenseDay`), all zero between batches.
        var daySums: [Cell] = []
        /// Whether a `(group slot, value)` pair of a distinct measure was seen on the day being added.
        var daySeen: [Bool] = []
    }

    struct DistinctKey: Sendable, Hashable {
        var cell: Int64
        var value: Int32
    }

    /// Text columns read as numbers, each with its own index of texts.
    var texts: [String: TextIndex] = [:]
    var accumulators: [Accumulator]
    /// Days (since 1970) with at least one row.
    var days: Set<Int32> = []
    let dateColumn: String
    let flagColumns: Set<String>
    /// Each P-code column's codes as the vocabulary writes them.
    var pcodeForms: [String: [String: String]] = [:]

    init(definition: IndicatorDefinition, accumulators: [Accumulator]) {
        self.dateColumn = definition.dateColumn
        self.accumulators = accumulators
        self.flagColumns = Set(definition.columns.filter { $0.kind == .flag }.map(\.name))
    }

    // MARK: Keys

    private static let dayOffset: Int64 = 1 << 20
    private static let groupBits: Int64 = 21
    private static let groupMask: Int64 = (1 << 21) - 1

    @inline(__always)
    static func key(day: Int32, _ first: Int, _ second: Int) -> Int64 {
        ((Int64(day) + dayOffset) << (2 * groupBits)) | (Int64(first) << groupBits) | Int64(second)
    }

    static func parts(of key: Int64) -> (day: Int32, first: Int, second: Int) {
        (Int32((key >> (2 * groupBits)) - dayOffset), Int((key >> groupBits) & groupMask), Int(key & groupMask))
    }

    // MARK: Adding rows

    public mutating func add(_ rows: RowBatch) {
        let days = rows.days(dateColumn)
        var lastDay = Int32.min
        for day in days where day != lastDay {
            self.days.insert(day)
            lastDay = day
        }
        // Every text column any accumulator reads, numbered once per batch.
        var numbers: [String: [Int]] = [:]
        func numbered(_ column: String) -> [Int] {
            if let known = numbers[column] { return known }
            let read: [Int]
            if flagColumns.contains(column) {
                read = rows.flags(column).map { $0 ? 1 : 0 }
            } else {
                var index = texts[column] ?? TextIndex()
                read = index.numbers(of: rows.texts(column))
                texts[column] = index
            }
            numbers[column] = read
            return read
        }
        for index in accumulators.indices {
            let accumulator = accumulators[index]
            // Rows a filter keeps, by each filter's column numbers.
            var kept = [Bool](repeating: true, count: rows.count)
            for filter in accumulator.filters {
                let values = numbered(filter.column)
                let accepted = acceptedNumbers(filter)
                for row in 0..<rows.count where kept[row] { kept[row] = accepted[values[row]] }
            }
            let first = accumulator.by.count > 0 ? numbered(accumulator.by[0]) : nil
            let second = accumulator.by.count > 1 ? numbered(accumulator.by[1]) : nil
            // Group slots of this batch: a group's numbers as one index, first × second count.
            func groupCount(_ column: String) -> Int { flagColumns.contains(column) ? 2 : texts[column]?.count ?? 0 }
            let secondCount = accumulator.by.count > 1 ? groupCount(accumulator.by[1]) : 1
            let slots = (accumulator.by.count > 0 ? groupCount(accumulator.by[0]) : 1) * secondCount
            // A distinct measure's values numbered first, so that their count includes this batch's.
            let distinctValues = accumulator.value.isDistinct ? numbered(accumulator.value.column!) : nil
            let valueCount = accumulator.value.isDistinct ? groupCount(accumulator.value.column!) : 1
            let (pairs, overflow) = slots.multipliedReportingOverflow(by: valueCount)
            if slots <= Self.denseSlots, !overflow, pairs <= Self.denseSlots {
                addDense(rows, accumulator: index, days: days, kept: kept, first: first, second: second, secondCount: secondCount,
                         slots: slots, distinctValues: distinctValues, valueCount: valueCount)
                continue
            }
            var cells = accumulators[index].cells
            accumulators[index].cells = [:]
            // Rows of one day and group usually follow each other (files sorted by date): they are
            // added up in `pending` and written to the dictionary once, when the key changes.
            var pendingKey = Int64.min, pending = Cell()
            func flush() {
                guard pendingKey != Int64.min else { return }
                var cell = cells[pendingKey] ?? Cell()
                cell.rows += pending.rows
                cell.known += pending.known
                cell.sum += pending.sum
                cells[pendingKey] = cell
            }
            @inline(__always) func move(to key: Int64) {
                if key != pendingKey {
                    flush()
                    pendingKey = key
                    pending = Cell()
                }
            }
            switch accumulator.value {
            case .rows:
                for row in 0..<rows.count where kept[row] {
                    move(to: Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0))
                    pending.rows += 1
                }
            case .count(let column):
                let counts = rows.counts(column)
                for row in 0..<rows.count where kept[row] {
                    move(to: Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0))
                    pending.rows += 1
                    pending.known += 1
                    pending.sum += counts[row]
                }
            case .optionalCount(let column):
                let counts = rows.optionalCounts(column)
                for row in 0..<rows.count where kept[row] {
                    move(to: Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0))
                    pending.rows += 1
                    if let count = counts[row] {
                        pending.known += 1
                        pending.sum += count
                    }
                }
            case .distinct(let column):
                let values = numbered(column)
                var distinct = accumulators[index].distinct
                accumulators[index].distinct = []
                var lastDistinct = DistinctKey(cell: Int64.min, value: -1)
                for row in 0..<rows.count where kept[row] {
                    let key = Self.key(day: days[row], first?[row] ?? 0, second?[row] ?? 0)
                    move(to: key)
                    pending.rows += 1
                    let value = DistinctKey(cell: key, value: Int32(values[row]))
                    if value != lastDistinct {
                        distinct.insert(value)
                        lastDistinct = value
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
    /// dictionary by key when the day changes, once a day and group rather than once a row.
    private mutating func addDense(_ rows: RowBatch, accumulator index: Int, days: [Int32], kept: [Bool], first: [Int]?, second: [Int]?,
                                   secondCount: Int, slots: Int, distinctValues: [Int]?, valueCount: Int) {
        // The day's arrays in a local struct, changed by its own mutating methods: local
        // functions capturing them would have every access checked at run time.
        var run = DenseDay(cells: accumulators[index].cells, distinct: accumulators[index].distinct,
                           sums: accumulators[index].daySums, seenPairs: accumulators[index].daySeen,
                           day: days.first ?? 0, secondCount: secondCount, valueCount: valueCount)
        accumulators[index].cells = [:]
        accumulators[index].distinct = []
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
            let counts = rows.counts(column)
            for row in 0..<rows.count where kept[row] {
                let slot = (first?[row] ?? 0) &* secondCount &+ (second?[row] ?? 0)
                run.enter(days[row], slot: slot)
                run.sums[slot].known &+= 1
                run.sums[slot].sum += counts[row]
            }
        case .optionalCount(let column):
            let counts = rows.optionalCounts(column)
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

    /// One accumulator's sums of the day being added, by group slot, and the dictionaries
    /// they are written to when the day changes.
    private struct DenseDay {
        var cells: [Int64: Cell]
        var distinct: Set<DistinctKey>
        var sums: [Cell]
        var seenPairs: [Bool]
        var touched: [Int] = []
        var seen: [Int] = []
        var day: Int32
        let secondCount: Int
        let valueCount: Int

        /// A row of `rowDay` in group `slot`: the day's sums written first when the day changes.
        @inline(__always)
        mutating func enter(_ rowDay: Int32, slot: Int) {
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
                cells[IndicatorRows.key(day: day, slot / secondCount, slot % secondCount), default: Cell()].add(sums[slot])
                sums[slot] = Cell()
            }
            touched.removeAll(keepingCapacity: true)
            for pair in seen {
                let slot = pair / valueCount
                distinct.insert(DistinctKey(cell: IndicatorRows.key(day: day, slot / secondCount, slot % secondCount), value: Int32(pair % valueCount)))
                seenPairs[pair] = false
            }
            seen.removeAll(keepingCapacity: true)
        }
    }

    /// Whether each number of the filter's column is one of its values.
    private func acceptedNumbers(_ filter: IndicatorDefinition.Filter) -> [Bool] {
        if flagColumns.contains(filter.column) { return [filter.values.contains("false"), filter.values.contains("true")] }
        let values = Set(filter.values)
        return (texts[filter.column]?.texts ?? []).map(values.contains)
    }

    public mutating func append(_ later: IndicatorRows) {
        var maps: [String: [Int]] = [:]
        for (column, index) in later.texts {
            var ours = texts[column] ?? TextIndex()
            maps[column] = ours.absorb(index)
            texts[column] = ours
        }
        days.formUnion(later.days)
        for index in accumulators.indices {
            let theirs = later.accumulators[index]
            let firstMap = theirs.by.count > 0 && !flagColumns.contains(theirs.by[0]) ? maps[theirs.by[0]] : nil
            let secondMap = theirs.by.count > 1 && !flagColumns.contains(theirs.by[1]) ? maps[theirs.by[1]] : nil
            func moved(_ key: Int64) -> Int64 {
                let (day, first, second) = Self.parts(of: key)
                return Self.key(day: day, firstMap?[first] ?? first, secondMap?[second] ?? second)
            }
            for (key, cell) in theirs.cells {
                let target = moved(key)
                var ours = accumulators[index].cells[target] ?? Cell()
                ours.rows += cell.rows
                ours.known += cell.known
                ours.sum += cell.sum
                accumulators[index].cells[target] = ours
            }
            if case .distinct(let column) = theirs.value {
                let valueMap = flagColumns.contains(column) ? nil : maps[column]
                for key in theirs.distinct {
                    accumulators[index].distinct.insert(DistinctKey(cell: moved(key.cell), value: Int32(valueMap?[Int(key.value)] ?? Int(key.value))))
                }
            }
        }
    }

    public mutating func writePCodes(of column: String, as form: [String: String]) {
        pcodeForms[column] = form
    }

    // MARK: Reading

    /// The text of group number `number` of `column`, as the vocabulary writes a P-code.
    func text(_ number: Int, of column: String) -> String {
        if flagColumns.contains(column) { return number == 1 ? "true" : "false" }
        let text = texts[column]!.texts[number]
        return pcodeForms[column]?[text] ?? text
    }

    /// One group of an accumulator: its texts, one per `by` column.
    typealias Group = [String]

    /// The cells of accumulator `index` for the days `first...last`, added up by group.
    func sums(_ index: Int, first: Int, last: Int) -> [Group: Cell] {
        var sums: [Int64: Cell] = [:]
        for (key, cell) in accumulators[index].cells {
            let (day, a, b) = Self.parts(of: key)
            guard day >= first, day <= last else { continue }
            let group = Self.key(day: 0, a, b)
            var sum = sums[group] ?? Cell()
            sum.rows += cell.rows
            sum.known += cell.known
            sum.sum += cell.sum
            sums[group] = sum
        }
        return named(sums, accumulator: accumulators[index])
    }

    /// Distinct values of accumulator `index` for the days `first...last`, by group; the
    /// count under key [] (every group) is the distinct values of the whole window.
    func distinctCounts(_ index: Int, first: Int, last: Int) -> (byGroup: [Group: Int], all: Int) {
        var values: [Int64: Set<Int32>] = [:]
        var all = Set<Int32>()
        for key in accumulators[index].distinct {
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
        var latest: Int32?
        for key in accumulators[index].cells.keys {
            let day = Self.parts(of: key).day
            if day <= last, day > (latest ?? Int32.min) { latest = day }
        }
        guard let latest else { return nil }
        return (Int(latest), sums(index, first: Int(latest), last: Int(latest)))
    }

    private func named(_ sums: [Int64: Cell], accumulator: Accumulator) -> [Group: Cell] {
        var named: [Group: Cell] = [:]
        for (key, cell) in sums { named[group(of: key, accumulator: accumulator)] = cell }
        return named
    }

    private func group(of key: Int64, accumulator: Accumulator) -> Group {
        let (_, a, b) = Self.parts(of: key)
        return accumulator.by.enumerated().map { position, column in text(position == 0 ? a : b, of: column) }
    }

    /// The last day with a row at or before `last`; nil when there is none.
    func lastDay(atOrBefore last: Int) -> Int? {
        days.lazy.map(Int.init).filter { $0 <= last }.max()
    }
}
