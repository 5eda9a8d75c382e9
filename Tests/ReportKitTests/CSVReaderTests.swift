import Testing
@testable import ReportKit

/// The tokenizer alone: records, cells, positions and structural errors.
@Suite struct CSVReaderTests {
    struct Cell: Equatable, CustomStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var description: String { "\(line):\(column) \(text)" }
    }

    /// Every record as cell texts, with the reader's diagnostics.
    /// `positions: false` skips the cells' columns, each of which costs a scan from the start
    /// of its line: quadratic for a test line of a million cells.
    static func tokenize(_ bytes: [UInt8], positions: Bool = true) -> (rows: [[String]], cells: [[Cell]], lines: [Int],
                                                                      wellFormed: [Bool], errors: [String], delimiter: Character) {
        var reader = CSVReader(bytes: bytes, file: "t.csv")
        var record = CSVRecord()
        var rows: [[String]] = [], cells: [[Cell]] = [], lines: [Int] = [], wellFormed: [Bool] = []
        while reader.nextRecord(into: &record) {
            rows.append(record.cells.map { reader.string(of: $0) ?? "<invalid>" })
            if positions { cells.append(record.cells.map {
                Cell(text: reader.string(of: $0) ?? "<invalid>", line: reader.location(of: $0).line,
                     column: reader.location(of: $0).column)
            }) }
            lines.append(record.line)
            wellFormed.append(record.isWellFormed)
        }
        return (rows, cells, lines, wellFormed, reader.diagnostics.map(\.description),
                Character(UnicodeScalar(reader.delimiter)))
    }

    static func tokenize(_ text: String) -> (rows: [[String]], cells: [[Cell]], lines: [Int], wellFormed: [Bool],
                                             errors: [String], delimiter: Character) {
        tokenize(Array(text.utf8))
    }

    // MARK: Line ends, BOM, final newline

    @Test func splitsLFRecords() {
        let result = Self.tokenize("a,b\n1,2\n")
        #expect(result.rows == [["a", "b"], ["1", "2"]])
        #expect(result.lines == [1, 2])
        #expect(result.errors.isEmpty)
    }

    @Test func acceptsCRLF() {
        let result = Self.tokenize("a,b\r\n1,2\r\n3,4\r\n")
        #expect(result.rows == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.lines == [1, 2, 3])
    }

    @Test func acceptsALoneCRAsLineEnd() {
        let result = Self.tokenize("a,b\r1,2\n3,4\r")
        #expect(result.rows == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.lines == [1, 2, 3])
    }

    @Test func acceptsNoFinalNewline() {
        let result = Self.tokenize("a,b\n1,2")
        #expect(result.rows == [["a", "b"], ["1", "2"]])
    }

    @Test func skipsTheByteOrderMark() {
        let result = Self.tokenize([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8))
        #expect(result.rows == [["a", "b"], ["1", "2"]])
        #expect(result.cells[0][0] == Cell(text: "a", line: 1, column: 1))
        #expect(result.cells[0][1] == Cell(text: "b", line: 1, column: 3))
    }

    @Test func emptyInputHasNoRecords() {
        #expect(Self.tokenize("").rows.isEmpty)
        #expect(Self.tokenize([0xEF, 0xBB, 0xBF]).rows.isEmpty)
        #expect(Self.tokenize("\n\r\n  \n").rows.isEmpty)
    }

    // MARK: Delimiter

    @Test func detectsTheDelimiterFromTheHeader() {
        #expect(Self.tokenize("a;b,c\n1;2,5\n").delimiter == ";")
        #expect(Self.tokenize("a;b,c\n1;2,5\n").rows == [["a", "b,c"], ["1", "2,5"]])
        #expect(Self.tokenize("a,b;c\n").delimiter == ",")
        #expect(Self.tokenize("abc\n1;2\n").delimiter == ",")
    }

    @Test func delimiterDetectionIgnoresQuotedText() {
        let result = Self.tokenize("\"a,b\";c\n1;2\n")
        #expect(result.delimiter == ";")
        #expect(result.rows == [["a,b", "c"], ["1", "2"]])
    }

    @Test func delimiterDetectionSkipsLeadingBlankLines() {
        #expect(Self.tokenize("\n\na;b\n").delimiter == ";")
    }

    // MARK: Quotes

    @Test func quotedCellsHoldDelimitersQuotesAndLineBreaks() {
        let result = Self.tokenize("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n")
        #expect(result.rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "2", "3"]])
        #expect(result.lines == [1, 2, 4])
        #expect(result.errors.isEmpty)
    }

    @Test func quotedCellsKeepCRLFInside() {
        let result = Self.tokenize("a,b\r\n\"1\r\n2\",3\r\n")
        #expect(result.rows == [["a", "b"], ["1\r\n2", "3"]])
    }

    @Test func emptyQuotedCellAndTrailingDelimiter() {
        let result = Self.tokenize("a,b,c\n\"\",x,\n")
        #expect(result.rows == [["a", "b", "c"], ["", "x", ""]])
    }

    @Test func aQuoteInsideAnUnquotedCellIsLiteral() {
        #expect(Self.tokenize("a\"b,c\n").rows == [["a\"b", "c"]])
    }

    @Test func cellsAfterAMultiLineCellCarryTheirOwnLine() {
        let result = Self.tokenize("a,b,c\n\"1\n22\",x,\"y\"\n")
        #expect(result.cells[1] == [Cell(text: "1\n22", line: 2, column: 1), Cell(text: "x", line: 3, column: 5),
                                    Cell(text: "y", line: 3, column: 7)])
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        let result = Self.tokenize("nom,x\nSégou,Ménaka,z\n")
        #expect(result.cells[1] == [Cell(text: "Ségou", line: 2, column: 1), Cell(text: "Ménaka", line: 2, column: 7),
                                    Cell(text: "z", line: 2, column: 14)])
    }

    // MARK: Blank lines

    @Test func skipsBlankLinesAnywhere() {
        let result = Self.tokenize("\na,b\n\n1,2\n   \n\r\n3,4\n\n")
        #expect(result.rows == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.lines == [2, 4, 7])
    }

    @Test func skipsExcelTrailingDelimiterLines() {
        let result = Self.tokenize("a;b;c\r\n1;2;3\r\n;;;;\r\n;;\r\n")
        #expect(result.rows == [["a", "b", "c"], ["1", "2", "3"]])
    }

    // MARK: Errors

    @Test func unterminatedQuoteIsReportedWhereItOpened() {
        let result = Self.tokenize("a,b\n1,\"abc\n2,3\n")
        #expect(result.errors == ["t.csv:2:3: error: quote is never closed"])
        #expect(result.wellFormed == [true, false])
    }

    @Test func characterAfterClosingQuoteIsAnError() {
        let result = Self.tokenize("a,b\n\"x\"y,2\n3,4\n")
        #expect(result.errors == ["t.csv:2:4: error: character 'y' after a closing quote: expected ',' or the end of the line"])
        #expect(result.wellFormed == [true, false, true])
        #expect(result.rows[2] == ["3", "4"])
    }

    @Test func characterAfterClosingQuoteNamesTheDelimiterInUse() {
        let result = Self.tokenize("a;b\n1;\"é\" ;2\n")
        #expect(result.errors == ["t.csv:2:6: error: character ' ' after a closing quote: expected ';' or the end of the line"])
        #expect(result.wellFormed == [true, false])
    }

    @Test func nulByteIsAnError() {
        let result = Self.tokenize([UInt8]("a,b\n1,x".utf8) + [0] + Array("y\n2,3\n".utf8))
        #expect(result.errors == ["t.csv:2:4: error: NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)"])
        #expect(result.wellFormed == [true, false, true])
    }

    @Test func nulByteInsideQuotesIsAnError() {
        let result = Self.tokenize([UInt8]("a\n\"é".utf8) + [0] + Array("\"\n".utf8))
        #expect(result.errors == ["t.csv:2:3: error: NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)"])
    }

    @Test func utf16FileReportsOneNulPerLine() {
        let utf16: [UInt8] = Array("a,b\n1,2\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = Self.tokenize(utf16)
        #expect(result.errors == ["t.csv:1:2: error: NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)",
                                  "t.csv:2:1: error: NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)",
                                  "t.csv:3:1: error: NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)"])
    }

    @Test func invalidUTF8CellDecodesToNil() {
        var reader = CSVReader(bytes: [UInt8]("a,b\nS".utf8) + [0xE9] + Array("gou,2\n".utf8), file: "t.csv")
        var record = CSVRecord()
        let first = reader.nextRecord(into: &record)
        let second = reader.nextRecord(into: &record)
        #expect(first && second)
        #expect(reader.string(of: record.cells[0]) == nil)
        #expect(reader.string(of: record.cells[1]) == "2")
        #expect(reader.location(of: record.cells[1]).description == "t.csv:2:7")
    }

    @Test func lineLongerThanTheLimitIsAnErrorAndReadingResumes() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: CSVReader.maximumRecordLength + 10)
        let result = Self.tokenize(Array("a\n".utf8) + long + Array("\nb\n".utf8))
        #expect(result.errors == ["t.csv:2: error: line is longer than 1 MiB"])
        #expect(result.wellFormed == [true, false, true])
        #expect(result.rows.last == ["b"])
        #expect(result.lines == [1, 2, 3])
    }

    @Test func lineOfExactlyTheLimitIsAccepted() {
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: CSVReader.maximumRecordLength)
        let result = Self.tokenize(Array("a\n".utf8) + line + Array("\nb\n".utf8))
        #expect(result.errors.isEmpty)
        #expect(result.rows.count == 3)
    }

    @Test func lineOfManySmallCellsOverTheLimitIsAnError() {
        let line = [UInt8](repeating: UInt8(ascii: ","), count: CSVReader.maximumRecordLength + 1)
        let result = Self.tokenize(Array("a\n1".utf8) + line + Array("\nb\n".utf8), positions: false)
        #expect(result.errors == ["t.csv:2: error: line is longer than 1 MiB"])
        #expect(result.rows.last == ["b"])
    }

    @Test func runawayQuoteStopsAtTheLimit() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: CSVReader.maximumRecordLength + 10)
        let result = Self.tokenize(Array("a,b\n1,\"".utf8) + long + Array("\n2,3\n".utf8))
        #expect(result.errors == ["t.csv:2:3: error: quoted value is longer than 1 MiB (is a closing quote missing?)"])
        #expect(result.rows.count == 2)
    }
}
