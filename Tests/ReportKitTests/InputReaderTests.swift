import Foundation
import Testing
@testable import ReportKit

/// Reading an input file into typed columns, with the exact messages a coordinator sees.
@Suite struct InputReaderTests {
    static let modes = ["bus", "truck", "car", "motorcycle", "tricycle", "foot", "boat", "other"]

    static let spec = InputSpec(
        name: "observations", conventionalFileName: "fmp_observations.csv", documentation: "Test input.",
        columns: [
            ColumnSpec("date", .date, hxl: "#date", "Day of the count."),
            ColumnSpec("fmp_code", .text, hxl: "#loc+code", "Flow monitoring point."),
            ColumnSpec("transport_mode", .choice(modes), hxl: "#x_transport", "Mode of transport."),
            ColumnSpec("adult_m", .count, hxl: "#affected+ind+m+adults", "Adult men."),
            ColumnSpec("uac", .optionalCount, hxl: "#affected+ind+children+unaccompanied", "Unaccompanied children."),
            ColumnSpec("estimated", .flag, hxl: "#meta+estimate", "Whether the figures are estimates."),
            ColumnSpec("note", .optionalText, hxl: "#meta+note", "Free text."),
        ],
        periodColumn: "date")

    static let header = "date,fmp_code,transport_mode,adult_m,uac,estimated,note\n"

    static func read(_ bytes: [UInt8], spec: InputSpec = spec) -> Result<InputTable, DiagnosticList> {
        InputReader.read(bytes, file: "in.csv", spec: spec)
    }

    static func read(_ text: String, spec: InputSpec = spec) -> Result<InputTable, DiagnosticList> {
        read(Array(text.utf8), spec: spec)
    }

    /// The table, or nil after recording the unexpected diagnostics as a test failure.
    static func table(_ text: String, spec: InputSpec = spec, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> InputTable? {
        table(Array(text.utf8), spec: spec, sourceLocation: sourceLocation)
    }

    static func table(_ bytes: [UInt8], spec: InputSpec = spec, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> InputTable? {
        switch read(bytes, spec: spec) {
        case .success(let table): return table
        case .failure(let list):
            Issue.record("unexpected errors:\n\(list)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Every diagnostic as the user reads it; empty when the file was read.
    static func errors(_ bytes: [UInt8], spec: InputSpec = spec) -> [String] {
        switch read(bytes, spec: spec) {
        case .success: return []
        case .failure(let list): return list.diagnostics.map(\.description)
        }
    }

    static func errors(_ text: String, spec: InputSpec = spec) -> [String] {
        errors(Array(text.utf8), spec: spec)
    }

    // MARK: Reading

    @Test func readsEveryColumnType() throws {
        let table = try #require(Self.table(Self.header + #"""
            2017-03-14,GAO-01,bus,40,1,true,première note
            2017-03-15,TMB-02,foot,0,,false,
            2017-03-16T00:00:00,GAO-01,boat,007,12,true,"x, ""y"""

            """#))
        #expect(table.file == "in.csv")
        #expect(table.rowCount == 3)
        #expect(table.lines == [2, 3, 4])
        #expect(table.dates("date").map(\.iso) == ["2017-03-14", "2017-03-15", "2017-03-16"])
        #expect(table.texts("fmp_code") == ["GAO-01", "TMB-02", "GAO-01"])
        #expect(table.texts("transport_mode") == ["bus", "foot", "boat"])
        #expect(table.counts("adult_m") == [40, 0, 7])
        #expect(table.optionalCounts("uac") == [1, nil, 12])
        #expect(table.flags("estimated") == [true, false, true])
        #expect(table.texts("note") == ["première note", "", "x, \"y\""])
        #expect(table.columns.count == 7)
    }

    @Test func readsBOMAndCRLF() throws {
        let text = Self.header.replacingOccurrences(of: "\n", with: "\r\n") + "2017-03-14,GAO-01,bus,40,1,true,a\r\n"
        let table = try #require(Self.table([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(table.rowCount == 1)
        #expect(table.texts("note") == ["a"])
        #expect(table.dates("date").map(\.iso) == ["2017-03-14"])
    }

    @Test func readsWithoutFinalNewline() throws {
        let table = try #require(Self.table(Self.header + "2017-03-14,GAO-01,bus,40,1,true,last"))
        #expect(table.texts("note") == ["last"])
    }

    @Test func readsSemicolonFilesWithDecimalCommasInOtherColumns() throws {
        let table = try #require(Self.table("""
            date;fmp_code;transport_mode;adult_m;uac;estimated;note;latitude
            2017-03-14;GAO-01;truck;12;;false;virgule, ici;16,27
            2017-03-15;GAO-02;car;3;0;true;"a;b";16,30
            ;;;;;;;
            ;;;;;;;

            """))
        #expect(table.rowCount == 2)
        #expect(table.texts("note") == ["virgule, ici", "a;b"])
        #expect(table.optionalCounts("uac") == [nil, 0])
        #expect(table.columns["latitude"] == nil)
    }

    @Test func columnOrderIsFreeAndExtraColumnsAreIgnoredUnread() throws {
        let bytes = Array("lat,note,estimated,uac,adult_m,transport_mode,fmp_code,date,extra\n".utf8)
            + Array("\"1,5\",n,false,,4,car,KDL-01,2017-04-01,\"unclosed \"\"".utf8) + [0xFF]
            + Array("\"\n".utf8)
        // The row above has 9 cells, as the header; `extra` holds bytes that are not UTF-8 and
        // `lat` a decimal comma, neither of which is checked.
        let table = try #require(Self.table(bytes))
        #expect(table.rowCount == 1)
        #expect(table.texts("fmp_code") == ["KDL-01"])
        #expect(table.texts("transport_mode") == ["car"])
        #expect(table.counts("adult_m") == [4])
        #expect(table.optionalCounts("uac") == [nil])
        #expect(table.flags("estimated") == [false])
        #expect(table.texts("note") == ["n"])
        #expect(table.columns.keys.sorted() == ["adult_m", "date", "estimated", "fmp_code", "note", "transport_mode", "uac"])
    }

    @Test func headerNamesAreTrimmed() throws {
        let table = try #require(Self.table(" date , fmp_code,transport_mode ,\"adult_m \",uac,estimated,note\n"
                                            + "2017-03-14,GAO-01,bus,40,1,true,\n"))
        #expect(table.counts("adult_m") == [40])
    }

    @Test func unquotedCellsAreTrimmedQuotedTextIsKept() throws {
        let table = try #require(Self.table(Self.header
            + " 2017-03-14 , GAO-01 ,\" bus \", 40 ,\t1\t, true ,\"  kept  \"\n"))
        #expect(table.dates("date").map(\.iso) == ["2017-03-14"])
        #expect(table.texts("fmp_code") == ["GAO-01"])
        #expect(table.texts("transport_mode") == ["bus"])
        #expect(table.counts("adult_m") == [40])
        #expect(table.optionalCounts("uac") == [1])
        #expect(table.flags("estimated") == [true])
        #expect(table.texts("note") == ["  kept  "])
    }

    @Test func quotedCellsHoldLineBreaksAndRowsKeepTheirStartLine() throws {
        let table = try #require(Self.table(Self.header
            + "2017-03-14,GAO-01,bus,40,1,true,\"two\nlines\"\n2017-03-15,GAO-01,bus,41,1,true,x\n"))
        #expect(table.texts("note") == ["two\nlines", "x"])
        #expect(table.lines == [2, 4])
    }

    @Test func largestCountIsFifteenDigits() throws {
        let table = try #require(Self.table(Self.header + "2017-03-14,GAO-01,bus,999999999999999,000000000000000,true,\n"))
        #expect(table.counts("adult_m") == [999_999_999_999_999])
        #expect(table.optionalCounts("uac") == [0])
    }

    // MARK: HXL row

    @Test func hashtagRowIsSkipped() throws {
        let table = try #require(Self.table(Self.header
            + "#date,#loc+code,#x_transport,#affected+ind+m+adults,#affected+ind+children+unaccompanied,#meta+estimate,\n"
            + "2017-03-14,GAO-01,bus,40,1,true,\n"))
        #expect(table.rowCount == 1)
        #expect(table.lines == [3])
    }

    @Test func rowWithExactlyHalfHashtagsIsSkipped() throws {
        let table = try #require(Self.table(Self.header + "#date,#loc+code, #x_transport,a,b,c,\n"
                                            + "2017-03-14,GAO-01,bus,40,1,true,\n"))
        #expect(table.lines == [3])
    }

    @Test func rowWithFewerThanHalfHashtagsIsData() {
        #expect(Self.errors(Self.header + "#date,#loc+code,bus,40,1,true,\n") == [
            "in.csv:2:1: error: column 'date': value '#date' is not a date (YYYY-MM-DD)",
        ])
    }

    @Test func withoutHashtagRowTheSecondRowIsData() throws {
        let table = try #require(Self.table(Self.header + "2017-03-14,GAO-01,bus,40,1,true,\n"))
        #expect(table.lines == [2])
    }

    @Test func hashtagRowAfterTheSecondRowIsData() {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,40,1,true,\n#date,#loc,#x,#a,#b,#c,#d\n") == [
            "in.csv:3:1: error: column 'date': value '#date' is not a date (YYYY-MM-DD)",
            "in.csv:3:12: error: column 'transport_mode': value '#x' is not one of bus, truck, car, motorcycle, tricycle, foot, boat, other",
            "in.csv:3:15: error: column 'adult_m': value '#a' is not a count (a whole number ≥ 0 without separators)",
            "in.csv:3:18: error: column 'uac': value '#b' is not a count (a whole number ≥ 0 without separators)",
            "in.csv:3:21: error: column 'estimated': value '#c' is not true or false",
        ])
    }

    // MARK: Header problems

    @Test func missingColumnIsOneErrorWithASuggestion() {
        #expect(Self.errors("date,fmp_code,trasport_mode,adult_m,uac,estimated,note\n"
                            + "2017-03-14,GAO-01,plane,40,1,true,\n2017-03-15,GAO-01,ship,40,1,true,\n") == [
            "in.csv:1: error: column 'transport_mode': required column is missing from the header (no column named 'transport_mode' nor tagged #x_transport) (did you mean 'trasport_mode'?)",
        ])
    }

    @Test func missingColumnsWithoutNearNameAreEachReported() {
        #expect(Self.errors("date,fmp_code,transport_mode,adult_m,estimated,comment\n") == [
            "in.csv:1: error: column 'uac': required column is missing from the header (no column named 'uac' nor tagged #affected+ind+children+unaccompanied)",
            "in.csv:1: error: column 'note': required column is missing from the header (no column named 'note' nor tagged #meta+note)",
        ])
    }

    @Test func missingColumnStillReportsBadCellsOfOtherColumns() {
        #expect(Self.errors("date,fmp_code,transport_mode,adult_m,uac,estimated\n2017-02-30,GAO-01,bus,40,1,true\n") == [
            "in.csv:1: error: column 'note': required column is missing from the header (no column named 'note' nor tagged #meta+note)",
            "in.csv:2:1: error: column 'date': value '2017-02-30' is not a date (YYYY-MM-DD)",
        ])
    }

    @Test func duplicateDeclaredColumnIsAnError() {
        #expect(Self.errors(Self.header.dropLast() + ",date\n2017-03-14,GAO-01,bus,40,1,true,,2017-03-14\n") == [
            "in.csv:1:57: error: column 'date': appears more than once in the header",
        ])
    }

    @Test func duplicateExtraColumnsAreIgnored() throws {
        let table = try #require(Self.table(Self.header.dropLast() + ",x,x\n2017-03-14,GAO-01,bus,40,1,true,,1,2\n"))
        #expect(table.rowCount == 1)
    }

    @Test func headerNameThatIsNotUTF8IsAnError() {
        let bytes = Array("date,fmp_code,transport_mode,adult_m,uac,estimated,note,r".utf8) + [0xE9] + Array("gion\n".utf8)
        #expect(Self.errors(bytes) == [
            "in.csv:1:57: error: value 'r\u{FFFD}gion' is not valid UTF-8 (save the file as CSV UTF-8)",
        ])
    }

    // MARK: Empty files

    @Test(arguments: [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n".utf8), Array(";;;\n;;;\n".utf8)] as [[UInt8]])
    func emptyFileIsAnError(bytes: [UInt8]) {
        #expect(Self.errors(bytes) == [
            "in.csv: error: file is empty: expected a header row with columns date, fmp_code, transport_mode, adult_m, uac, estimated, note",
        ])
    }

    @Test func headerWithoutRowsIsAnEmptyTable() throws {
        let table = try #require(Self.table(Self.header))
        #expect(table.rowCount == 0)
        #expect(table.lines.isEmpty)
        #expect(table.counts("adult_m").isEmpty)
        #expect(table.texts("transport_mode").isEmpty)
    }

    @Test func headerAndHashtagRowWithoutRowsIsAnEmptyTable() throws {
        let table = try #require(Self.table(Self.header + "#date,#loc+code,#x_transport,#a,#b,#c,#d\n\n"))
        #expect(table.rowCount == 0)
    }

    // MARK: Row shape

    @Test func rowsWithTooFewOrTooManyCellsAreErrors() {
        #expect(Self.errors(Self.header + """
            2017-03-14,GAO-01,bus,40,1,true
            2017-03-14,GAO-01,bus,40,1,true,,extra
            x
            2017-03-14,GAO-01,bus,40,1,true,fine

            """) == [
            "in.csv:2: error: row has 6 cells but the header has 7",
            "in.csv:3: error: row has 8 cells but the header has 7",
            "in.csv:4: error: row has 1 cell but the header has 7",
        ])
    }

    // MARK: Bad cells, with exact messages

    @Test(arguments: ["2017-02-30", "30/04/2017", "42855", "2017-4-30", "2017-04-31", "2017-13-01", "0000-01-01",
                      "2017-04-30T12:00:00", "2017-04-30 12:00", "17-04-30", "2017/04/30"])
    func badDateIsAnError(value: String) {
        // Another form of one day is answered with its ISO form.
        let iso = ["30/04/2017": "2017-04-30", "2017-4-30": "2017-04-30", "2017/04/30": "2017-04-30"][value]
        #expect(Self.errors(Self.header + "\(value),GAO-01,bus,40,1,true,\n") == [
            "in.csv:2:1: error: column 'date': value '\(value)' is not a date (YYYY-MM-DD)" + (iso.map { " (did you mean '\($0)'?)" } ?? ""),
        ])
    }

    @Test(arguments: ["2 371", "-5", "+3", "1.5", "1e3", "12a", "４２", "2\u{202F}371"])
    func badCountIsAnError(value: String) {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,\(value),1,true,\n") == [
            "in.csv:2:23: error: column 'adult_m': value '\(value)' is not a count (a whole number ≥ 0 without separators)",
        ])
    }

    @Test func quotedCountWithThousandsSeparatorIsAnError() {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,\"2,371\",\"4\"\"0\",true,\n") == [
            "in.csv:2:23: error: column 'adult_m': value '2,371' is not a count (a whole number ≥ 0 without separators)",
            "in.csv:2:31: error: column 'uac': value '4\"0' is not a count (a whole number ≥ 0 without separators)",
        ])
    }

    @Test func countWithMoreThanFifteenDigitsIsAnError() {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,1234567890123456,99999999999999999999999,true,\n") == [
            "in.csv:2:23: error: column 'adult_m': value '1234567890123456' is too large for a count (at most 15 digits)",
            "in.csv:2:40: error: column 'uac': value '99999999999999999999999' is too large for a count (at most 15 digits)",
        ])
    }

    @Test func badOptionalCountIsAnError() {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,40,n/a,true,\n") == [
            "in.csv:2:26: error: column 'uac': value 'n/a' is not a count (a whole number ≥ 0 without separators)",
        ])
    }

    @Test func badChoiceIsAnErrorWithASuggestion() {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bsu,40,1,true,\n2017-03-14,GAO-01,Bus,40,1,true,\n"
                            + "2017-03-14,GAO-01,plane,40,1,true,\n") == [
            "in.csv:2:19: error: column 'transport_mode': value 'bsu' is not one of bus, truck, car, motorcycle, tricycle, foot, boat, other (did you mean 'bus'?)",
            "in.csv:3:19: error: column 'transport_mode': value 'Bus' is not one of bus, truck, car, motorcycle, tricycle, foot, boat, other (did you mean 'bus'?)",
            "in.csv:4:19: error: column 'transport_mode': value 'plane' is not one of bus, truck, car, motorcycle, tricycle, foot, boat, other",
        ])
    }

    @Test func badFlagIsAnError() {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,40,1,yes,\n2017-03-14,GAO-01,bus,40,1,True,\n"
                            + "2017-03-14,GAO-01,bus,40,1,1,\n") == [
            "in.csv:2:28: error: column 'estimated': value 'yes' is not true or false",
            "in.csv:3:28: error: column 'estimated': value 'True' is not true or false (did you mean 'true'?)",
            "in.csv:4:28: error: column 'estimated': value '1' is not true or false",
        ])
    }

    @Test func emptyRequiredCellsAreErrors() {
        #expect(Self.errors(Self.header + ",,,,,,only the note\n2017-03-14,  ,bus,40,1,true,\n2017-03-14,\" \",bus,40,1,true,\n") == [
            "in.csv:2:1: error: column 'date': value is empty",
            "in.csv:2:2: error: column 'fmp_code': value is empty",
            "in.csv:2:3: error: column 'transport_mode': value is empty",
            "in.csv:2:4: error: column 'adult_m': value is empty",
            "in.csv:2:6: error: column 'estimated': value is empty",
            "in.csv:3:12: error: column 'fmp_code': value is empty",
            "in.csv:4:12: error: column 'fmp_code': value is empty",
        ])
    }

    @Test func doubleEncodedTextIsAnErrorWithTheRepair() {
        #expect(Self.errors(Self.header + "2017-03-14,SÃ©gou,bus,40,1,true,MÃ©naka Ã\u{A0} pied\n") == [
            "in.csv:2:12: error: column 'fmp_code': value 'SÃ©gou' looks double-encoded (did you mean 'Ségou'?)",
            "in.csv:2:33: error: column 'note': value 'MÃ©naka Ã\u{A0} pied' looks double-encoded (did you mean 'Ménaka à pied'?)",
        ])
    }

    @Test func doubleEncodingMixedWithCorrectTextIsRepairedPairByPair() {
        #expect(Self.errors(Self.header + "2017-03-14,Ségou SÃ©gou,bus,40,1,true,\n") == [
            "in.csv:2:12: error: column 'fmp_code': value 'Ségou SÃ©gou' looks double-encoded (did you mean 'Ségou Ségou'?)",
        ])
    }

    @Test func correctAccentsAreNotMistakenForDoubleEncoding() throws {
        let table = try #require(Self.table(Self.header + "2017-03-14,Ménaka,bus,40,1,true,Ã la main: Âge\n"))
        #expect(table.texts("fmp_code") == ["Ménaka"])
        #expect(table.texts("note") == ["Ã la main: Âge"])
    }

    @Test func invalidUTF8InACellIsAnError() {
        let bytes = Array((Self.header + "2017-03-14,S").utf8) + [0xE9] + Array("gou,bus,40,1,true,\n".utf8)
            + Array("2017-03-1".utf8) + [0xE9] + Array(",GAO-01,b".utf8) + [0xFF] + Array(",40,1,true,\n".utf8)
        #expect(Self.errors(bytes) == [
            "in.csv:2:12: error: column 'fmp_code': value 'S\u{FFFD}gou' is not valid UTF-8 (save the file as CSV UTF-8)",
            "in.csv:3:1: error: column 'date': value '2017-03-1\u{FFFD}' is not valid UTF-8 (save the file as CSV UTF-8)",
            "in.csv:3:19: error: column 'transport_mode': value 'b\u{FFFD}' is not valid UTF-8 (save the file as CSV UTF-8)",
        ])
    }

    @Test func overlongAndSurrogateEncodingsAreInvalidUTF8() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]] {
            let bytes = Array((Self.header + "2017-03-14,GAO-01,bus,40,1,true,").utf8) + bad + [0x0A]
            let errors = Self.errors(bytes)
            #expect(errors.count == 1 && errors[0].hasPrefix("in.csv:2:33: error: column 'note': value '"), "\(bad)")
        }
    }

    @Test func longValuesAreCutInMessages() {
        let value = String(repeating: "9", count: 70) + "x"
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,\(value),1,true,\n") == [
            "in.csv:2:23: error: column 'adult_m': value '\(String(repeating: "9", count: 60))…' is not a count (a whole number ≥ 0 without separators)",
        ])
    }

    @Test func lineBreaksInQuotedValuesAreEscapedInMessages() {
        #expect(Self.errors(Self.header + "\"2017-03-14\n\",GAO-01,bus,40,1,true,\n") == [
            "in.csv:2:1: error: column 'date': value '2017-03-14\\n' is not a date (YYYY-MM-DD)",
        ])
    }

    // MARK: Structure errors through the reader

    @Test func unterminatedQuoteIsReportedWhereItOpened() {
        #expect(Self.errors(Self.header + "2017-03-14,GAO-01,bus,40,1,true,ok\n2017-03-15,\"GAO-01,bus,40,1,true,\n") == [
            "in.csv:3:12: error: quote is never closed",
        ])
    }

    @Test func nulByteIsAnError() {
        let bytes = Array((Self.header + "2017-03-14,GAO").utf8) + [0] + Array("-01,bus,40,1,true,\n".utf8)
        #expect(Self.errors(bytes) == ["in.csv:2:15: error: NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)"])
    }

    @Test func characterAfterClosingQuoteIsAnError() {
        #expect(Self.errors(Self.header + "2017-03-14,\"GAO\"-01,bus,40,1,true,\n") == [
            "in.csv:2:17: error: character '-' after a closing quote: expected ',' or the end of the line",
        ])
    }

    @Test func lineLongerThanOneMiBIsAnError() {
        let long = "2017-03-14,GAO-01,bus,40,1,true," + String(repeating: "x", count: InputReader.maximumLineLength)
        #expect(Self.errors(Self.header + long + "\n2017-03-15,GAO-01,bus,ab,1,true,\n") == [
            "in.csv:2: error: line is longer than 1 MiB",
            "in.csv:3:23: error: column 'adult_m': value 'ab' is not a count (a whole number ≥ 0 without separators)",
        ])
    }

    // MARK: Every error of the file

    @Test func collectsEveryErrorInFileOrder() {
        #expect(Self.errors(Self.header + """
            2017-02-30,GAO-01,bsu,4O,1,true,
            2017-03-14,GAO-01,bus,40,1,true,

            2017-03-14,,bus,40,-1,maybe,
            2017-03-14,GAO-01,bus

            """) == [
            "in.csv:2:1: error: column 'date': value '2017-02-30' is not a date (YYYY-MM-DD)",
            "in.csv:2:19: error: column 'transport_mode': value 'bsu' is not one of bus, truck, car, motorcycle, tricycle, foot, boat, other (did you mean 'bus'?)",
            "in.csv:2:23: error: column 'adult_m': value '4O' is not a count (a whole number ≥ 0 without separators)",
            "in.csv:5:12: error: column 'fmp_code': value is empty",
            "in.csv:5:20: error: column 'uac': value '-1' is not a count (a whole number ≥ 0 without separators)",
            "in.csv:5:23: error: column 'estimated': value 'maybe' is not true or false",
            "in.csv:6: error: row has 3 cells but the header has 7",
        ])
    }

    // MARK: Dates agree with Day(iso:)

    @Test func dateCellsFollowDayISO() {
        let spec = InputSpec(name: "d", conventionalFileName: "d.csv", documentation: "",
                             columns: [ColumnSpec("d", .date, hxl: "#date", "")], periodColumn: "d")
        let samples = ["2017-04-30", "2016-02-29", "2017-02-29", "2000-02-29", "1900-02-29", "0000-01-01", "9999-12-31",
                       "2017-04-30T00:00:00", "2017-04-30T00:00:01", "2017-04-30T00:00", "+017-04-30", "2017-04-3a",
                       "2017-00-10", "2017-04-00", "20170430", "2017-04-30Z"]
        for sample in samples {
            // Quoted, so that no trimming makes the reader more lenient than Day(iso:).
            let result = InputReader.read(Array("d\n\"\(sample)\"\n".utf8), file: "d.csv", spec: spec)
            let parsed = try? result.get().dates("d").first
            #expect(parsed == Day(iso: sample), "\(sample)")
        }
    }

    // MARK: Files on disk

    @Test func readsAFileFromDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-reader-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("obs.csv")
        try Data((Self.header + "2017-03-14,GAO-01,bus,40,1,true,\n").utf8).write(to: url)
        let table = try InputReader.read(contentsOf: url, file: "data/obs.csv", spec: Self.spec).get()
        #expect(table.file == "data/obs.csv")
        #expect(table.counts("adult_m") == [40])

        let missing = InputReader.read(contentsOf: folder.appendingPathComponent("none.csv"), file: "data/none.csv", spec: Self.spec)
        guard case .failure(let list) = missing else {
            Issue.record("a missing file was read")
            return
        }
        #expect(list.diagnostics.map(\.description) == ["data/none.csv: error: file not found"])
    }
}

@Suite struct InputReaderLimitTests {
    @Test func stopsAfterTheErrorLimitOfAFile() throws {
        let spec = InputSpec(name: "t", conventionalFileName: "t.csv", documentation: "", columns: [
            ColumnSpec("report_date", .date, hxl: "#date", ""),
        ], periodColumn: "report_date")
        let rows = String(repeating: "not a date\n", count: 5_000)
        guard case .failure(let list) = InputReader.read(Array(("report_date\n" + rows).utf8), file: "t.csv", spec: spec) else {
            Issue.record("a file of bad dates was read")
            return
        }
        #expect(list.diagnostics.count == InputReader.maximumErrorsPerFile + 1)
        #expect(list.diagnostics.last?.description == "t.csv:1001: error: stopped reading after 1000 errors in this file; fix these and run again")
    }
}
