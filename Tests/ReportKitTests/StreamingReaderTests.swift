import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// The reader's fast and parallel paths against its plain one-thread tokenizer, on generated
/// files full of the cases that tell them apart: quoted cells with line breaks and delimiters,
/// CRLF and CR line ends, blank lines, spaces, non-ASCII text, the HXL row, and errors.
@Suite struct StreamingReaderTests {
    static let spec = InputReaderTests.spec

    struct Shape {
        var delimiter: Character = ","
        var lineEnd = "\n"
        var quotes = false
        var multilineCells = false
        var blankLines = false
        var spaces = false
        var hxlRow = false
        var errors = false
        /// Undeclared cells added at the end of every line, after `extra`.
        var moreCells = 0
    }

    /// A file of `rows` rows for `spec`, with an extra column the spec does not declare.
    static func file(rows: Int, seed: UInt64, shape: Shape) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let d = String(shape.delimiter)
        let more = (0..<shape.moreCells).map { "more\($0)" }
        var text = (["date", "fmp_code", "transport_mode", "adult_m", "uac", "estimated", "note", "extra"] + more).joined(separator: d) + shape.lineEnd
        if shape.hxlRow {
            text += (["#date", "#loc+code", "#x_transport", "#affected+ind+m+adults", "#affected+ind+children+unaccompanied",
                     "#meta+estimate", "#meta+note", "#meta"] + more.map { _ in "#meta" }).joined(separator: d) + shape.lineEnd
        }
        let codes = ["GAO-01", "BEN-01", "MOP-02", "TOM-01", "KID-03", "SÉG-01", "a-very-long-code-name-that-passes-sixteen-bytes"]
        let notes = ["", "ok", "Ségou", "d'Ansongo", "Tombouctou et Gao", "ünïcödé ✓", "x"]
        for row in 0..<rows {
            func maybeQuoted(_ value: String) -> String {
                guard shape.quotes, Int.random(in: 0..<10, using: &random) == 0 else { return value }
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            func padded(_ value: String) -> String {
                shape.spaces && Int.random(in: 0..<8, using: &random) == 0 ? " \(value)\t" : value
            }
            let day = Day(daysSinceEpoch: 17_000 + row / 7)
            var note = notes.randomElement(using: &random)!
            if shape.quotes, Int.random(in: 0..<20, using: &random) == 0 { note = "says \"\(note)\"\(d) then" }
            if shape.multilineCells, Int.random(in: 0..<30, using: &random) == 0 { note = "two\nlines\(shape.lineEnd)here" }
            var cells = [
                padded(day.iso),
                padded(maybeQuoted(codes.randomElement(using: &random)!)),
                padded(InputReaderTests.modes.randomElement(using: &random)!),
                padded(String(Int.random(in: 0..<200, using: &random))),
                Bool.random(using: &random) ? "" : String(Int.random(in: 0..<5, using: &random)),
                Bool.random(using: &random) ? "true" : "false",
                note.contains("\"") || note.contains("\n") || note.contains(d) ? "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : maybeQuoted(note),
                String(Int.random(in: 0..<1_000_000, using: &random)),
            ]
            if shape.errors, Int.random(in: 0..<40, using: &random) == 0 {
                switch Int.random(in: 0..<6, using: &random) {
                case 0: cells[0] = "2017-02-30"
                case 1: cells[3] = "12a"
                case 2: cells[2] = "bsu"
                case 3: cells[1] = "SÃ©gou"
                case 4: cells.removeLast()
                default: cells[5] = "yes"
                }
            }
            text += (cells + more.indices.map(String.init)).joined(separator: d) + shape.lineEnd
            if shape.blankLines, Int.random(in: 0..<25, using: &random) == 0 {
                text += Bool.random(using: &random) ? shape.lineEnd : String(repeating: d, count: 7) + shape.lineEnd
            }
        }
        return Array(text.utf8)
    }

    static let shapes: [(String, Shape)] = [
        ("plain", Shape()),
        ("semicolons and CRLF", Shape(delimiter: ";", lineEnd: "\r\n", hxlRow: true)),
        ("CR line ends", Shape(lineEnd: "\r", spaces: true)),
        ("quotes", Shape(quotes: true, spaces: true)),
        ("line breaks in cells", Shape(quotes: true, multilineCells: true, blankLines: true, hxlRow: true)),
        ("blank lines and spaces", Shape(lineEnd: "\r\n", blankLines: true, spaces: true)),
        ("errors", Shape(quotes: true, blankLines: true, errors: true)),
        ("errors with line breaks", Shape(delimiter: ";", lineEnd: "\r\n", quotes: true, multilineCells: true, errors: true)),
    ]

    /// What a reading gives, comparable: the table, or the messages.
    enum Reading: Equatable {
        case table(InputTable)
        case problems([String])
    }

    static func tableConsumer() -> InputConsumer {
        InputConsumer(input: spec.name, columns: spec.columns.map(\.name)) { TypedAggregateBox(PluginInputs()) }
    }

    static func reading(_ output: Result<InputScan.Output, DiagnosticList>) -> (Reading, parts: Int) {
        switch output {
        case .success(let output):
            let tables = (output.aggregates[0] as! TypedAggregateBox<PluginInputs>).value
            return (.table(tables[spec.name] ?? InputTable(empty: spec, file: "in.csv")), output.parts)
        case .failure(let list):
            return (.problems(list.diagnostics.map(\.description)), 1)
        }
    }

    /// The fast path's reading, and whether it gave way to the tokenizer for the whole file.
    static func readFast(_ bytes: [UInt8]) -> (Reading, readAgain: Bool) {
        let output = InputScan.scan(bytes: bytes, file: "in.csv", spec: spec, consumers: [tableConsumer()])
        return (reading(output).0, (try? output.get())?.readAgainByTheTokenizer ?? false)
    }

    static func read(_ bytes: [UInt8], plainLines: Bool) -> Reading {
        var tuning = InputScan.Tuning()
        tuning.plainLines = plainLines
        return reading(InputScan.scan(bytes: bytes, file: "in.csv", spec: spec, consumers: [tableConsumer()], tuning: tuning)).0
    }

    static func read(_ file: URL, threads: Int, partSize: Int) -> (Reading, parts: Int) {
        let descriptor = open(file.path, O_RDONLY)
        defer { close(descriptor) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        var tuning = InputScan.Tuning()
        tuning.minimumPartSize = partSize
        return reading(InputScan.scan(descriptor: descriptor, size: size, file: "in.csv", spec: spec, consumers: [tableConsumer()],
                                      threads: threads, progress: nil, tuning: tuning))
    }

    /// Files of `shape` read by the plain-line path and by the tokenizer alone: the same table
    /// or the same messages. A valid file's plain lines are read by the fast path: a cell it got
    /// wrong would not fit and have the tokenizer read the file again, hiding the mistake.
    static func expectFastPathReadsAsTheTokenizer(_ shape: Shape, seeds: ClosedRange<UInt64>) {
        for seed in seeds {
            let bytes = file(rows: 400, seed: seed, shape: shape)
            let (fast, readAgain) = readFast(bytes)
            #expect(fast == read(bytes, plainLines: false), "seed \(seed)")
            if !shape.errors, case .problems(let problems) = fast { Issue.record("a valid file was refused: \(problems.prefix(3))") }
            if !shape.errors { #expect(!readAgain, "seed \(seed)") }
            if shape.errors, case .table = fast { Issue.record("a file with errors was accepted (seed \(seed))") }
        }
    }

    @Test(arguments: shapes.map(\.0))
    func thePlainLinePathReadsAsTheTokenizer(shape name: String) {
        Self.expectFastPathReadsAsTheTokenizer(Self.shapes.first { $0.0 == name }!.1, seeds: 1...4)
    }

    /// A file with more than twice as many cells a line as declared columns: the plain-line
    /// path keeps only the declared cells (`clineindex_lines` with a list of columns) rather
    /// than every cell.
    @Test(arguments: shapes.map(\.0))
    func thePlainLinePathReadsAWideFileAsTheTokenizer(shape name: String) {
        var shape = Self.shapes.first { $0.0 == name }!.1
        shape.moreCells = 12
        Self.expectFastPathReadsAsTheTokenizer(shape, seeds: 1...2)
    }

    @Test(arguments: shapes.map(\.0))
    func partsOnSeveralThreadsReadAsOneThread(shape name: String) throws {
        let shape = Self.shapes.first { $0.0 == name }!.1
        let folder = try TemporaryFolder()
        for seed in 1...3 as ClosedRange<UInt64> {
            let file = try folder.write(Self.file(rows: 3_000, seed: seed, shape: shape), to: "in-\(seed).csv")
            let (single, _) = Self.read(file, threads: 1, partSize: 1 << 30)
            for threads in [2, 3, 5] {
                let (parallel, parts) = Self.read(file, threads: threads, partSize: 4_096)
                #expect(parallel == single, "seed \(seed), \(threads) threads")
                // A valid file is read in parts unless a part's guessed start falls inside a
                // quoted cell; this proves the parts' own results were compared. Parts start
                // after a line feed, so a file of CR line ends (old Mac) is read on one thread.
                // Parts of about 4 KB, more than the threads, which take them in turn.
                if !shape.errors, !shape.multilineCells {
                    #expect(shape.lineEnd == "\r" ? parts == 1 : parts > threads, "seed \(seed)")
                }
            }
        }
    }

    @Test func aPartStartInsideAQuotedCellFallsBackToOneThread() throws {
        // Every line after the header is one quoted cell of many line breaks: every guessed
        // start is inside it.
        var text = "date,fmp_code,transport_mode,adult_m,uac,estimated,note\n"
        for row in 0..<200 {
            text += "2017-03-01,GAO-01,bus,\(row),,true,\"" + String(repeating: "line\n", count: 40) + "\"\n"
        }
        let folder = try TemporaryFolder()
        let file = try folder.write(text, to: "in.csv")
        let (single, _) = Self.read(file, threads: 1, partSize: 1 << 30)
        let (parallel, parts) = Self.read(file, threads: 4, partSize: 1_024)
        #expect(parallel == single)
        #expect(parts == 1)
        guard case .table(let table) = single else { Issue.record("refused"); return }
        #expect(table.rowCount == 200)
        #expect(table.lines.last == 2 + 199 * 41)
    }

    @Test func aFileLargerThanTheWindowReadsAsInMemory() throws {
        // Over 3 windows, so that refills and lines across the window's end are exercised.
        let bytes = Self.file(rows: 250_000, seed: 9, shape: Shape(quotes: true, blankLines: true, spaces: true))
        #expect(bytes.count > 3 * ByteWindow.refillSize)
        let folder = try TemporaryFolder()
        let file = try folder.write(bytes, to: "in.csv")
        let (streamed, _) = Self.read(file, threads: 1, partSize: 1 << 30)
        #expect(streamed == Self.read(bytes, plainLines: false))
    }

    @Test func symbolLookupFindsEveryLengthAndOnlyItsOwnTexts() {
        var lookup = SymbolLookup()
        let texts = (0...40).map { String(repeating: "é", count: $0 / 2) + String(repeating: "x", count: $0 % 2) }
            + ["GAO-01", "GAO-02", "GAO-01 ", "a", "b", "12345678", "123456789", "1234567812345678", "12345678123456789"]
        for text in texts { lookup.insert(Array(text.utf8)) }
        for (number, text) in texts.enumerated() {
            let padded = Array(text.utf8) + [UInt8](repeating: 0xFF, count: SymbolLookup.padding)
            let found = padded.withUnsafeBufferPointer { lookup.id(of: UnsafeBufferPointer(rebasing: $0[0..<text.utf8.count])) }
            #expect(found == Int32(number), "\(text)")
        }
        let absent = Array("GAO-03".utf8) + [UInt8](repeating: 0, count: SymbolLookup.padding)
        #expect(absent.withUnsafeBufferPointer { lookup.id(of: UnsafeBufferPointer(rebasing: $0[0..<6])) } == -1)
    }
}
