import Foundation

/// One report's use of an input file during a scan.
struct InputConsumer: Sendable {
    /// The input's name in the plugin's description.
    let input: String
    /// The declared columns the consumer's aggregate reads.
    let columns: [String]
    /// A new, empty aggregate: one for each part of the file.
    let makeAggregate: @Sendable () -> any AggregateBox
}

/// An `InputAggregate` of any type, for the scan, which feeds several plugins at once.
protocol AggregateBox: AnyObject, Sendable {
    func add(_ rows: RowBatch)
    /// Appends a box of the same type that gathered the rows after this one's; their lines
    /// count from `lineOffset` + 1.
    func append(_ later: any AggregateBox, lineOffset: Int)
    func finish()
}

final class TypedAggregateBox<Aggregate: InputAggregate>: AggregateBox, @unchecked Sendable {
    // One thread at a time: the scan's part that fills it, then the one that joins the parts.
    var value: Aggregate
    /// Where this part starts in the file, for the references to its rows.
    private let origin = RowOrigin()
    /// The run's numbers of this part's texts.
    private let texts = StableTextCache()
    /// Rows added, and appended from later parts.
    private var rowCount = 0

    init(_ value: Aggregate) {
        self.value = value
    }

    func add(_ rows: RowBatch) {
        var rows = rows
        rows.origin = origin
        rows.textCache = texts
        rowCount += rows.count
        value.add(rows)
    }

    func append(_ later: any AggregateBox, lineOffset: Int) {
        let laterBox = later as! TypedAggregateBox<Aggregate>
        laterBox.origin.lineOffset = lineOffset
        laterBox.origin.rowOffset = rowCount
        rowCount += laterBox.rowCount
        var rows = laterBox.value
        // Only the host's own table collector and P-code census keep line numbers.
        if lineOffset != 0, var tables = rows as? PluginInputs {
            tables.shiftLines(by: lineOffset)
            rows = tables as! Aggregate
        }
        if lineOffset != 0, var census = rows as? PCodeCensus {
            census.shiftLines(by: lineOffset)
            rows = census as! Aggregate
        }
        value.append(rows)
    }

    func finish() {
        value.finish()
    }
}

/// Bytes of input read so far in a run, for a progress line. Shared by the threads that read.
public final class ScanProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total = 0

    public init() {}

    func expect(_ bytes: Int) {
        lock.withLock { total += bytes }
    }

    func advance(_ bytes: Int) {
        lock.withLock { done += bytes }
    }

    /// Bytes read and bytes to read.
    public var state: (done: Int, total: Int) {
        lock.withLock { (done, total) }
    }
}

/// One pass over one input file for every report that reads it: the header, then every row,
/// converted once and handed to each report's aggregate.
///
/// A large file is read in parts on several threads: the parts start after a line break
/// found near equal offsets, each is read like a whole file (its own window, symbol tables
/// and aggregates), and the aggregates are joined in file order. A part's start is a guess (a
/// quoted cell may hold a line break); it is proved when the part before ends exactly there.
/// When a guess is wrong, or any part found a problem, the file is read again on one thread,
/// so results and messages are those of the one-thread reading, to the byte.
enum InputScan {
    /// Rows per batch: enough that handing a batch over costs nothing per row, few enough
    /// that a batch stays in the core's cache.
    static let batchSize = 4_096
    /// Settings the tests change, to split small files and to compare the fast path for plain
    /// lines with the tokenizer alone.
    struct Tuning: Sendable {
        /// The least bytes a part of a file is worth a thread for.
        var minimumPartSize = 8 << 20
        /// Whether plain lines take the fast path (`CSVReader.nextPlainLines`).
        var plainLines = true

        static let standard = Tuning()
    }

    struct Output {
        /// One aggregate per consumer, joined and finished.
        var aggregates: [any AggregateBox]
        var rowCount: Int
        var sha256: String
        var size: Int
        var columnsFoundByHashtag: [HashtagMatch]
        /// The parts the file was read in: 1 on one thread.
        var parts = 1
        /// Whether the file was read again by the tokenizer alone, the plain-line path having
        /// met a line it does not read (a cell that does not fit): what the tests check the
        /// fast path against, since its outcome is the same either way.
        var readAgainByTheTokenizer = false
        /// What a mapping applied, for `validate` to print (`file: note: …`).
        var notes: [String] = []
        /// For a table read row by row (a workbook, a mapped file): where its columns are.
        var tableColumns: TableColumns?
    }

    /// Reads the open file `descriptor` of `size` bytes with up to `threads` threads.
    static func scan(descriptor: Int32, size: Int, file: String, spec: InputSpec, consumers: [InputConsumer],
                     threads: Int, progress: ScanProgress?, checksum: Bool = true, tuning: Tuning = .standard) -> Result<Output, DiagnosticList> {
        scan(InputFile(descriptor: descriptor, size: size, name: file), file: file, spec: spec, consumers: consumers, threads: threads,
             progress: progress, checksum: checksum, tuning: tuning)
    }

    /// Reads `input` with up to `threads` threads; `firstWindow`, when given, holds the file's
    /// first bytes, already read. The checksum is computed from the bytes the reading brings in
    /// (`InputFile`), so the file is read once.
    static func scan(_ input: InputFile, file: String, spec: InputSpec, consumers: [InputConsumer], threads: Int,
                     progress: ScanProgress?, checksum: Bool = true, tuning: Tuning = .standard,
                     firstWindow: ByteWindow? = nil) -> Result<Output, DiagnosticList> {
        input.hashes = checksum
        var unused = firstWindow
        var reading = read(file: file, spec: spec, consumers: consumers, threads: threads, progress: progress, tuning: tuning) { start, end in
            if start == 0, let window = unused {
                unused = nil
                return window
            }
            return ByteWindow(file: input, from: start, to: end ?? input.size)
        } findLineStart: { offset in
            lineStart(after: offset, in: input)
        } partEnded: {
            // A part that stopped before its end left bytes unread: the digest reads them.
            input.keepInOrderOnly()
        }
        guard checksum else { return reading }
        guard let digest = input.digest() else {
            return .failure(DiagnosticList([.inputFileUnreadable(at: SourceLocation(file: file))]))
        }
        reading = reading.map { output in
            var output = output
            output.sha256 = digest
            output.size = input.size
            return output
        }
        return reading
    }

    /// Reads `bytes`, already in memory, on the calling thread.
    static func scan(bytes: [UInt8], file: String, spec: InputSpec, consumers: [InputConsumer],
                     tuning: Tuning = .standard) -> Result<Output, DiagnosticList> {
        let window = ByteWindow(bytes: bytes)
        return read(file: file, spec: spec, consumers: consumers, threads: 1, progress: nil, tuning: tuning) { _, _ in window } findLineStart: { _ in nil } partEnded: {}
            .map { output in
                var output = output
                output.sha256 = SHA256.hexDigest(of: bytes)
                output.size = bytes.count
                return output
            }
    }

    private static func read(file: String, spec: InputSpec, consumers: [InputConsumer], threads: Int, progress: ScanProgress?,
                             tuning: Tuning, window: (Int, Int?) -> ByteWindow, findLineStart: (Int) -> Int?,
                             partEnded: @escaping @Sendable () -> Void) -> Result<Output, DiagnosticList> {
        // In parts on several threads; else on one thread; else, when a plain line did not fit,
        // by the tokenizer alone, which words every message.
        if threads > 1,
           let output = read(file: file, spec: spec, consumers: consumers, threads: threads, progress: progress, tuning: tuning,
                             window: window, findLineStart: findLineStart, partEnded: partEnded, fallBack: true) {
            return output
        }
        if tuning.plainLines,
           let output = read(file: file, spec: spec, consumers: consumers, threads: 1, progress: progress, tuning: tuning,
                             window: window, findLineStart: findLineStart, partEnded: partEnded, fallBack: true) {
            return output
        }
        var exact = tuning
        exact.plainLines = false
        return read(file: file, spec: spec, consumers: consumers, threads: 1, progress: progress, tuning: exact,
                    window: window, findLineStart: findLineStart, partEnded: partEnded, fallBack: false)!
            .map { output in
                var output = output
                output.readAgainByTheTokenizer = tuning.plainLines
                return output
            }
    }

    /// One reading of the file. With `fallBack`, nil when a part's start proved wrong or any part
    /// found a problem: the caller reads again on one thread.
    ///
    /// On several threads the file is cut into parts of about `Tuning.minimumPartSize` bytes,
    /// each read by its own window that stops at the part's end, so every byte is read once;
    /// the threads take the parts in file order, and a finished part is joined to the ones
    /// before it as soon as they are all finished, so what the parts keep stays bounded.
    private static func read(file: String, spec: InputSpec, consumers: [InputConsumer], threads: Int, progress: ScanProgress?,
                             tuning: Tuning, window: (Int, Int?) -> ByteWindow, findLineStart: (Int) -> Int?,
                             partEnded: @escaping @Sendable () -> Void, fallBack: Bool) -> Result<Output, DiagnosticList>? {
        var reader = CSVReader(window: window(0, nil), file: file)
        var diagnostics: [Diagnostic] = []
        var record = CSVRecord()
        guard reader.nextRecord(into: &record) else {
            reader.moveDiagnostics(into: &diagnostics)
            if diagnostics.isEmpty {
                diagnostics.append(.emptyInputFile(expectedColumns: spec.columns.map(\.name), at: SourceLocation(file: file)))
            }
            return .failure(DiagnosticList(diagnostics))
        }
        reader.moveDiagnostics(into: &diagnostics)
        // A header with a broken structure would only produce misleading messages about
        // missing columns and cell counts.
        guard record.isWellFormed else { return .failure(DiagnosticList(diagnostics)) }

        let header = HeaderMatch(header: record, reader: reader, spec: spec, diagnostics: &diagnostics)
        // Every row would have the wrong number of cells for a title taken as the header.
        guard !header.startsWithTitle else { return .failure(DiagnosticList(diagnostics)) }
        let read = Set(consumers.flatMap(\.columns))
        let columns = spec.columns.filter { read.contains($0.name) }.compactMap { column in
            header.index(of: column.name).map { (spec: column, headerIndex: $0) }
        }
        let layout = RowLayout(file: file, headerCellCount: record.cells.count, columns: columns)

        // Parts: the first goes on with the reader that read the header.
        let end = reader.window.endOffset
        var starts = [reader.fileOffset]
        let dataSize = end - reader.fileOffset
        let parts = threads > 1 ? max(1, dataSize / max(1, tuning.minimumPartSize)) : 1
        // The first part's window already holds bytes up to here: the second part starts after
        // them, so that no byte is read twice (unless the whole file is already there).
        let alreadyRead = reader.window.fileOffset + reader.window.count
        for part in 1..<parts {
            var nominal = reader.fileOffset + dataSize * part / parts
            if alreadyRead < end { nominal = max(nominal, alreadyRead) }
            guard let start = findLineStart(max(nominal, starts.last! + 1)), start > starts.last!, start < end else { break }
            starts.append(start)
        }
        let ends = Array(starts.dropFirst()) + [end]
        let partStarts = starts
        // A file the first window holds whole is not read again: each part gets a copy of its
        // bytes. Else each thread keeps one window, refilled from the file part after part.
        let copies: [ByteWindow?] = starts.indices.map { index in
            index > 0 && alreadyRead >= end ? ByteWindow(copying: reader.window, from: starts[index], to: ends[index]) : nil
        }
        if starts.count > 1 {
            reader.stopOffset = starts[1]
            reader.window.limit(to: starts[1])
        }

        let runs = (0..<starts.count).map { _ in PartRun(consumers: consumers) }
        let queue = PartQueue(runs: runs, starts: starts)
        let first = runs[0]
        let delimiter = reader.delimiter
        /// Reads the parts the queue hands out.
        @Sendable func readParts(window kept: ByteWindow?) {
            while let index = queue.next() {
                let owned: ByteWindow
                if let copy = copies[index] {
                    owned = copy
                } else {
                    owned = kept!
                    owned.reset(from: partStarts[index], to: ends[index])
                }
                var partReader = CSVReader(window: owned, file: file, line: 1, delimiter: delimiter)
                partReader.stopOffset = ends[index]
                runs[index].read(&partReader, layout: layout, isFirstPart: false, plainLines: tuning.plainLines, progress: progress)
                if owned.fileOffset + owned.count < ends[index] { partEnded() }
                queue.finished(index)
            }
        }
        // The first part is this thread's, with the reader that read the header.
        _ = queue.next()
        var others: [Thread] = []
        let finished = DispatchGroup()
        for _ in 1..<min(threads, starts.count) {
            finished.enter()
            let kept = copies[1] == nil ? window(starts[1], ends[1]) : nil
            let thread = Thread {
                readParts(window: kept)
                finished.leave()
            }
            thread.stackSize = 1 << 20
            others.append(thread)
        }
        others.forEach { $0.start() }
        first.diagnostics = diagnostics
        first.read(&reader, layout: layout, isFirstPart: true, plainLines: tuning.plainLines, progress: progress)
        if reader.window.fileOffset + reader.window.count < ends[0] { partEnded() }
        queue.finished(0)
        readParts(window: reader.window)
        finished.wait()

        if fallBack {
            let proved = (1..<starts.count).allSatisfy { runs[$0 - 1].endOffset == starts[$0] && !runs[$0 - 1].stoppedEarly }
            let problems = starts.count > 1 && runs.contains { !$0.diagnostics.isEmpty }
            if !proved || problems || runs.contains(where: \.needsExactReading) {
                progress?.advance(-runs.reduce(0) { $0 + $1.bytesRead })
                partEnded()
                return nil
            }
        }
        if !first.diagnostics.isEmpty { return .failure(DiagnosticList(first.diagnostics)) }

        queue.joinAll()
        runs[0].aggregates.forEach { $0.finish() }
        return .success(Output(aggregates: runs[0].aggregates, rowCount: runs.reduce(0) { $0 + $1.rowCount },
                               sha256: "", size: 0, columnsFoundByHashtag: header.columnsFoundByHashtag, parts: runs.count))
    }

    /// The offset just after the first line feed at or after `offset`; nil when there is none
    /// within a few megabytes (a file of very long lines is not worth splitting). The bytes
    /// looked at are read again by the part they belong to, so they are kept from the digest;
    /// the first read is small, since a line is short.
    private static func lineStart(after offset: Int, in input: InputFile) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var position = offset
        var wanted = 256
        while position < min(input.size, offset + (4 << 20)) {
            let count = buffer.withUnsafeMutableBytes {
                input.read(into: $0.baseAddress!, count: min(wanted, input.size - position), at: position, hashed: false)
            }
            guard count > 0 else { return nil }
            if let index = buffer[0..<count].firstIndex(of: CSVReader.lineFeed) { return position + index + 1 }
            position += count
            wanted = buffer.count
        }
        return nil
    }
}

/// The parts of one reading, handed to the threads in file order, and joined in that order as
/// soon as a part and every part before it are finished.
private final class PartQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let runs: [PartRun]
    private let starts: [Int]
    private var nextIndex = 0
    private var isFinished: [Bool]
    /// Parts before this one are joined to the first.
    private var joined = 1
    private var lineOffset = 0
    /// A part found a problem or ended elsewhere than where the next starts: the reading is
    /// done again, nothing more is joined.
    private var failed = false

    init(runs: [PartRun], starts: [Int]) {
        self.runs = runs
        self.starts = starts
        isFinished = Array(repeating: false, count: runs.count)
    }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < runs.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finished(_ index: Int) {
        lock.withLock {
            isFinished[index] = true
            joinFinished()
        }
    }

    /// Joins every part left; all are finished.
    func joinAll() {
        lock.withLock { joinFinished() }
    }

    private func joinFinished() {
        guard runs.count > 1 else { return }
        while !failed, joined < runs.count, isFinished[joined - 1], isFinished[joined] {
            let before = runs[joined - 1], part = runs[joined]
            guard before.endOffset == starts[joined], !before.stoppedEarly, !before.needsExactReading, !part.needsExactReading,
                  before.diagnostics.isEmpty, part.diagnostics.isEmpty, runs[0].diagnostics.isEmpty else {
                failed = true
                return
            }
            lineOffset += before.endLine - 1
            for (consumer, aggregate) in runs[0].aggregates.enumerated() {
                aggregate.append(part.aggregates[consumer], lineOffset: lineOffset)
            }
            // The part's rows are in the first now.
            part.aggregates = []
            joined += 1
        }
    }
}

/// The columns a scan converts, and where they are in each row.
struct RowLayout: Sendable {
    let file: String
    let headerCellCount: Int
    let columns: [(spec: ColumnSpec, headerIndex: Int)]
}

/// The reading of one part of a file: its rows, converted and handed to its aggregates.
private final class PartRun: @unchecked Sendable {
    let consumers: [InputConsumer]
    var aggregates: [any AggregateBox]
    var diagnostics: [Diagnostic] = []
    var rowCount = 0
    /// Where the part's last record ended, and the line after it.
    var endOffset = 0
    var endLine = 1
    var bytesRead = 0
    /// Reading stopped at the limit of errors, before the end of the part.
    var stoppedEarly = false
    /// A plain line had a cell that does not fit: the fast path says nothing about it, so the
    /// file must be read again without it, for the messages in their order.
    var needsExactReading = false

    init(consumers: [InputConsumer]) {
        self.consumers = consumers
        aggregates = consumers.map { $0.makeAggregate() }
    }

    /// Reads the part. Plain lines (nearly all) are indexed by `CSVReader.nextPlainLines` and
    /// converted a batch at a time, column by column; the row after the header (perhaps the HXL
    /// row) and every other record go through the tokenizer, row by row, with their messages.
    func read(_ reader: inout CSVReader, layout: RowLayout, isFirstPart: Bool, plainLines: Bool, progress: ScanProgress?) {
        // Locals rather than the object's properties in the loop: a property of a class is
        // checked for exclusive access at every use.
        var diagnostics = self.diagnostics
        var rowCount = 0, bytesRead = 0, needsExactReading = false
        defer {
            self.diagnostics = diagnostics
            self.rowCount = rowCount
            self.bytesRead = bytesRead
            self.needsExactReading = needsExactReading
        }
        // Through a pointer: an array's subscript would check its uniqueness for every cell.
        let decoders = UnsafeMutableBufferPointer<ColumnDecoder>.allocate(capacity: layout.columns.count)
        _ = decoders.initialize(from: layout.columns.map { ColumnDecoder($0.spec, headerIndex: $0.headerIndex) })
        // The cells of the plain lines not converted yet: start and end offsets in the window,
        // row after row (one row's cells side by side: columns a batch apart would put every
        // store of a row in the same cache set).
        let batchSize = InputScan.batchSize
        let cellCount = layout.headerCellCount
        // Every cell of a line is indexed when the columns read are at least half of them: the
        // offsets are then copied eight at a time, where picking the columns read costs a
        // load and a store each. A wide file of which few columns are read keeps only those.
        let everyCell = cellCount <= 2 * decoders.count
        let stride = everyCell ? cellCount : max(1, decoders.count)
        let cellStarts = UnsafeMutablePointer<Int32>.allocate(capacity: stride * batchSize + 8)
        let cellEnds = UnsafeMutablePointer<Int32>.allocate(capacity: stride * batchSize + 8)
        let delimiters = UnsafeMutablePointer<Int32>.allocate(capacity: cellCount + 80)
        let headerIndexes = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, decoders.count))
        for index in decoders.indices { headerIndexes[index] = Int32(decoders[index].headerIndex) }
        defer {
            headerIndexes.deallocate()
            decoders.deinitialize()
            decoders.deallocate()
            cellStarts.deallocate()
            cellEnds.deallocate()
            delimiters.deallocate()
        }
        var columnIndexes: [String: Int] = [:]
        for (index, decoder) in decoders.enumerated() { columnIndexes[decoder.name] = index }
        var lines: [Int] = []
        lines.reserveCapacity(batchSize)
        var pending = 0
        var record = CSVRecord()
        var isSecondRow = isFirstPart
        var reported = reader.fileOffset

        /// Converts the pending plain lines; false when one does not fit.
        func convertPending() -> Bool {
            guard pending > 0 else { return true }
            let buffer = reader.window.buffer
            for index in decoders.indices {
                let cell = everyCell ? decoders[index].headerIndex : index
                guard decoders[index].appendPlain(starts: cellStarts + cell, ends: cellEnds + cell, stride: stride,
                                                  count: pending, buffer: buffer) else {
                    return false
                }
            }
            pending = 0
            return true
        }

        func flush() {
            let now = reader.fileOffset
            progress?.advance(now - reported)
            bytesRead += now - reported
            reported = now
            guard !lines.isEmpty else { return }
            rowCount += lines.count
            // Once a problem is found nothing will be computed: converting goes on, for the
            // messages, but the aggregates are left alone.
            if diagnostics.isEmpty, !needsExactReading {
                var batch = RowBatch(input: "", file: layout.file, count: lines.count, lines: lines,
                                     columnIndexes: columnIndexes, columns: decoders.map(\.column))
                for (consumer, aggregate) in zip(consumers, aggregates) {
                    batch.input = consumer.input
                    aggregate.add(batch)
                }
            }
            lines.removeAll(keepingCapacity: true)
            for index in decoders.indices { decoders[index].startBatch() }
        }

        reading: while true {
            if !isSecondRow, plainLines {
                // As many plain lines as the batch has room for, in one call.
                let firstLine = reader.nextLine
                let (count, stop) = reader.nextPlainLines(
                    cellCount: cellCount, columns: everyCell ? nil : UnsafePointer(headerIndexes), columnCount: decoders.count,
                    starts: cellStarts + pending * stride, ends: cellEnds + pending * stride,
                    maxLines: batchSize - lines.count, delimiters: delimiters)
                for offset in 0..<count { lines.append(firstLine + offset) }
                pending += count
                if lines.count == batchSize {
                    guard convertPending() else {
                        needsExactReading = true
                        break reading
                    }
                    flush()
                }
                switch stop {
                case .full:
                    continue reading
                case .windowEnd:
                    guard convertPending() else {
                        needsExactReading = true
                        break reading
                    }
                    if reader.refillForPlainLine() { continue reading }
                    // The file could not be read: the tokenizer finds the reader finished.
                case .other:
                    break
                }
            }
            // Anything but a plain line: the pending lines first, then this record by the
            // tokenizer, with every message.
            guard convertPending() else {
                needsExactReading = true
                break reading
            }
            guard reader.nextRecord(into: &record) else { break }
            reader.moveDiagnostics(into: &diagnostics)
            if isSecondRow {
                isSecondRow = false
                if HeaderMatch.isHashtagRow(record, buffer: reader.window.buffer) { continue }
            }
            guard record.isWellFormed else { continue }
            guard record.cells.count == cellCount else {
                diagnostics.append(.wrongCellCount(record.cells.count, expected: cellCount,
                                                   at: SourceLocation(file: layout.file, line: record.line)))
                continue
            }
            let buffer = reader.window.buffer
            var isValid = true
            for index in decoders.indices {
                let cell = record.cells[decoders[index].headerIndex]
                if !decoders[index].append(cell, buffer: buffer, reader: reader, diagnostics: &diagnostics) { isValid = false }
            }
            if isValid {
                lines.append(record.line)
            } else {
                // Keeps every column the same length; the batch is never used anyway.
                rowCount += 1
                for index in decoders.indices { decoders[index].truncate(to: lines.count) }
            }
            if diagnostics.count >= InputReader.maximumErrorsPerFile {
                diagnostics.append(.tooManyErrors(InputReader.maximumErrorsPerFile, at: SourceLocation(file: layout.file, line: record.line)))
                stoppedEarly = true
                break
            }
            if lines.count == batchSize { flush() }
        }
        if !needsExactReading, !convertPending() { needsExactReading = true }
        reader.moveDiagnostics(into: &diagnostics)
        flush()
        endOffset = reader.fileOffset
        endLine = reader.nextLine
    }
}
