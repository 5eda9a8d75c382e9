import Foundation
import Testing
import ZIPFoundation
@testable import ReportKit
import TestSupport

/// The .xlsx reader, the table found as HXL tools find it, and mappings of published files
/// onto a plugin's input, on real workbooks: ones written by openpyxl
/// (`scripts/make-sample-workbooks.py`) and ones written here part by part.
@Suite struct WorkbookReaderTests {
    static let spec = InputSpec(
        name: "movements", conventionalFileName: "population_movements.csv", documentation: "Test input.",
        columns: [
            ColumnSpec("report_date", .date, hxl: "#date+reported", "Day."),
            ColumnSpec("adm1_code", .text, hxl: "#adm1+code", "Region P-code."),
            ColumnSpec("adm1_name", .text, hxl: "#adm1+name", "Region name."),
            ColumnSpec("population", .choice(["returnees", "idps", "returned_idps"]), hxl: "#x_population", "Population."),
            ColumnSpec("individuals", .count, hxl: "#affected+ind", "People."),
            ColumnSpec("households", .optionalCount, hxl: "#affected+hh", "Households."),
        ],
        periodColumn: "report_date")

    static func consumer(_ spec: InputSpec) -> InputConsumer {
        InputConsumer(input: spec.name, columns: spec.columns.map(\.name)) { TypedAggregateBox(PluginInputs()) }
    }

    /// The table read from `url` (a workbook, or a CSV file read row by row).
    static func read(_ url: URL, file: String, mapping: InputMapping? = nil, limits: Workbook.Limits = .standard)
        -> Result<(table: InputTable, notes: [String]), DiagnosticList> {
        let result: Result<InputScan.Output, DiagnosticList>
        if Workbook.isWorkbook(url) {
            result = MappedScan.scanWorkbook(url: url, file: file, spec: spec, mapping: mapping, consumers: [consumer(spec)], limits: limits)
        } else {
            let descriptor = open(url.path, O_RDONLY)
            defer { close(descriptor) }
            let size = Int((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
            result = MappedScan.scanCSV(descriptor: descriptor, size: size, url: url, file: file, spec: spec, mapping: mapping,
                                        consumers: [consumer(spec)])
        }
        return result.map { output in
            let tables = (output.aggregates[0] as! TypedAggregateBox<PluginInputs>).value
            return (tables["movements"] ?? InputTable(empty: spec, file: file), output.notes)
        }
    }

    static func errors<T>(_ result: Result<T, DiagnosticList>) -> [String] {
        if case .failure(let list) = result { return list.diagnostics.map(\.description) }
        return []
    }

    /// The mapping of `movements` in a reports.yaml holding `yaml` under the input's name.
    static func mapping(_ yaml: String) throws -> InputMapping {
        let indented = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n")
        let text = """
            version: 1
            languages: [en]
            reports:
              - id: r
                plugin: returnee-movements
                title: {en: R}
                templates: {en: t.md}
                inputs:
                  movements:
            \(indented)
            """
        let file = try ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml").get()
        return try #require(file.reports[0].inputs[0].mapping)
    }

    /// An .xlsx written part by part: `sheets` are (name, sheet XML body of `<sheetData>` and after).
    static func workbook(in folder: TemporaryFolder, name: String = "book.xlsx", sheets: [(String, String)], sharedStrings: [String] = [],
                         styles: String? = nil, date1904: Bool = false) throws -> URL {
        let url = folder.url.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        var rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }
        rels.append("<Relationship Id=\"rIdS\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        rels.append("<Relationship Id=\"rIdT\" Type=\"\(relationships)/styles\" Target=\"/xl/styles.xml\"/>")
        try add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels.joined())</Relationships>")
        let sheetList = sheets.enumerated().map { "<sheet name=\"\($0.element.0)\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }
        try add("xl/workbook.xml", """
            <workbook xmlns="\(main)" xmlns:r="\(relationships)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/>\
            <sheets>\(sheetList.joined())</sheets></workbook>
            """)
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", "<x:worksheet xmlns:x=\"\(main)\">\(sheet.1)</x:worksheet>")
        }
        let strings = sharedStrings.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
        try add("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\" count=\"\(sharedStrings.count)\">\(strings)</sst>")
        try add("xl/styles.xml", styles ?? """
            <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]dd/mm/yyyy;@"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>
            """)
        return url
    }

    // MARK: Cells

    @Test func readsEveryKindOfCellFromAWorkbookWrittenByExcel() throws {
        let folder = try TemporaryFolder()
        // Shared strings (one with rich-text runs), an inline string, a formula by its cached
        // value, a number in a built-in and a custom date format, a cell absent from the XML,
        // a title row merged above the header, a boolean beside the table, a style index past
        // any number's range.
        let url = try Self.workbook(in: folder, sheets: [("Data", """
            <x:sheetData>\
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>\
            <x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" t="s"><x:v>2</x:v></x:c><x:c r="C3" t="s"><x:v>3</x:v></x:c>\
            <x:c r="D3" t="s"><x:v>4</x:v></x:c><x:c r="E3" t="s"><x:v>5</x:v></x:c><x:c r="F3" t="s"><x:v>6</x:v></x:c><x:c r="G3" t="b"><x:v>1</x:v></x:c></x:row>\
            <x:row r="4"><x:c r="A4" s="1"><x:v>44469</x:v></x:c><x:c r="B4" t="s"><x:v>7</x:v></x:c><x:c r="C4" t="inlineStr"><x:is><x:r><x:t>Mé</x:t></x:r><x:r><x:t>naka</x:t></x:r></x:is></x:c>\
            <x:c r="D4" t="s"><x:v>8</x:v></x:c><x:c r="E4"><x:f>SUM(E5:E6)</x:f><x:v>1200</x:v></x:c></x:row>\
            <x:row r="5"><x:c r="A5" s="2"><x:v>44469.5</x:v></x:c><x:c r="B5" t="str"><x:f>"ML"&amp;"07"</x:f><x:v>ML07</x:v></x:c><x:c r="C5" t="s"><x:v>9</x:v></x:c>\
            <x:c r="D5" t="s"><x:v>8</x:v></x:c><x:c r="E5" s="3"><x:v>35</x:v></x:c><x:c r="F5" s="99999999999999999999999"><x:v>7</x:v></x:c></x:row>\
            </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:F1"/></x:mergeCells>
            """)], sharedStrings: ["Title &amp; notes", "report_date", "adm1_code", "adm1_name", "population", "individuals", "households",
                                   "ML09   ", "idps", "Gao"])
        let (table, _) = try Self.read(url, file: "book.xlsx").get()
        #expect(table.rowCount == 2)
        #expect(table.dates("report_date") == [Day(year: 2021, month: 9, day: 30)!, Day(year: 2021, month: 9, day: 30)!])
        #expect(table.texts("adm1_code") == ["ML09", "ML07"])
        #expect(table.texts("adm1_name") == ["Ménaka", "Gao"])
        #expect(table.counts("individuals") == [1200, 35])
        #expect(table.optionalCounts("households") == [nil, 7])
    }

    @Test func serialNumbersAreDaysInBothDateSystems() {
        #expect(Workbook.day(serial: 1, uses1904: false) == Day(year: 1900, month: 1, day: 1))
        #expect(Workbook.day(serial: 59, uses1904: false) == Day(year: 1900, month: 2, day: 28))
        // 1900-02-29 never was: Excel's serial 60 is no day.
        #expect(Workbook.day(serial: 60, uses1904: false) == nil)
        #expect(Workbook.day(serial: 61, uses1904: false) == Day(year: 1900, month: 3, day: 1))
        #expect(Workbook.day(serial: 44469.99, uses1904: false) == Day(year: 2021, month: 9, day: 30))
        #expect(Workbook.day(serial: 0, uses1904: true) == Day(year: 1904, month: 1, day: 1))
        #expect(Workbook.day(serial: 43007, uses1904: true) == Day(year: 2021, month: 9, day: 30))
        #expect(Workbook.day(serial: 0, uses1904: false) == nil)
        #expect(Workbook.day(serial: -3, uses1904: false) == nil)
    }

    @Test(arguments: [("dd/mm/yyyy", true), ("[$-409]d mmm yyyy;@", true), ("yyyy-mm-dd h:mm", true), ("0.00", false), ("#,##0", false),
                      ("General", false), ("\"day\" 0", false), ("[Red]0.0", false), ("0;[Red]-0;\"d\"", false)])
    func numberFormatsThatShowDates(code: String, isDate: Bool) {
        #expect(NumberFormats.isDateCode(code) == isDate)
    }

    /// A reference is at most three letters and seven digits; longer runs are refused, not added
    /// up until they overflow (a fuzzed workbook crashed on `r="A99999999999999999999"`).
    @Test(arguments: [("D12", 3, 12), ("$XFD$1048576", 16383, 1_048_576), ("a1", 0, 1)])
    func cellReferencesGiveTheirColumnAndRow(text: String, column: Int, row: Int) throws {
        let reference = try #require(CellReference(Substring(text)))
        #expect(reference.column == column && reference.row == row)
    }

    @Test(arguments: ["A99999999999999999999", String(repeating: "Z", count: 20) + "1", "ABCD1", "A12345678", "1A", "A", "A1B"])
    func overlongOrMalformedCellReferencesAreRefused(text: String) {
        #expect(CellReference(Substring(text)) == nil)
    }

    @Test func workbooksWrittenByOpenpyxlReadTheirDataSheetAndThe1904System() throws {
        let kinds = try Self.read(Repository.url("Tests/Fixtures/Workbooks/kinds.xlsx"), file: "kinds.xlsx").get()
        // The second sheet has the hashtags; its title row is skipped; text dates are ISO.
        #expect(kinds.table.texts("adm1_code") == ["ML05", "ML07", "ML09"])
        #expect(kinds.table.texts("adm1_name") == ["Mopti", "Gao", "Ménaka & \"Inekar\" <x>"])
        #expect(kinds.table.dates("report_date").allSatisfy { $0 == Day(year: 2021, month: 9, day: 30) })
        #expect(kinds.notes == ["kinds.xlsx[Data]: note: table starts at row 2; 1 row above it skipped"])
        let dates = try Self.read(Repository.url("Tests/Fixtures/Workbooks/dates1904.xlsx"), file: "dates1904.xlsx").get()
        #expect(dates.table.dates("report_date") == [Day(year: 2021, month: 9, day: 30)!])
    }

    // MARK: Refused workbooks

    @Test func refusedFormatsNameTheFormatAndTheRemedy() throws {
        let folder = try TemporaryFolder()
        let xls = try folder.write(Workbook.oleMagic + [UInt8](repeating: 0, count: 600), to: "old.xls")
        #expect(Self.errors(Self.read(xls, file: "old.xls")) == [
            "old.xls: error: Excel 97-2003 (.xls) workbooks are not read: open the file in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV UTF-8",
        ])
        let encrypted = try folder.write(Workbook.oleMagic + [UInt8](repeating: 0, count: 100) + Array("EncryptedPackage".utf16.flatMap { [UInt8($0), 0] }),
                                         to: "locked.xlsx")
        #expect(Self.errors(Self.read(encrypted, file: "locked.xlsx")).first?.hasPrefix("locked.xlsx: error: the workbook is encrypted") == true)
        let good = try Data(contentsOf: Repository.url("Tests/Fixtures/Workbooks/dates1904.xlsx"))
        let truncated = try folder.write([UInt8](good.prefix(good.count / 2)), to: "cut.xlsx")
        #expect(Self.errors(Self.read(truncated, file: "cut.xlsx")) == [
            "cut.xlsx: error: not a readable .xlsx workbook: its ZIP directory cannot be read (is the file truncated?); save it again from Excel as .xlsx, or as CSV UTF-8",
        ])
    }

    @Test func anEntryExpandingPastTheLimitIsRefused() throws {
        #expect(Self.errors(Self.read(Repository.url("Tests/Fixtures/Workbooks/bomb.xlsx"), file: "bomb.xlsx")) == [
            "bomb.xlsx: error: entry xl/sharedStrings.xml expands to more than 256 MiB: refused (split the sheet, or save it as CSV UTF-8)",
        ])
        let folder = try TemporaryFolder()
        let url = try Self.workbook(in: folder, sheets: [("S", "<x:sheetData/>")], sharedStrings: ["a", "b", "c"])
        var limits = Workbook.Limits.standard
        limits.maximumSharedStrings = 2
        #expect(Self.errors(Self.read(url, file: "book.xlsx", limits: limits)) == [
            "book.xlsx: error: the shared-strings table holds more than 2 strings: refused (save the sheet as CSV UTF-8)",
        ])
    }

    // MARK: Messages at the cell

    @Test func cellsOfTheWrongKindAreRefusedAtTheirCell() throws {
        let folder = try TemporaryFolder()
        let url = try Self.workbook(in: folder, sheets: [("Baseline Assessment", """
            <x:sheetData>\
            <x:row r="1"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c></x:row>\
            <x:row r="2"><x:c t="s"><x:v>5</x:v></x:c><x:c><x:v>701</x:v></x:c><x:c t="s"><x:v>6</x:v></x:c><x:c t="s"><x:v>7</x:v></x:c><x:c t="s"><x:v>8</x:v></x:c></x:row>\
            <x:row r="3"><x:c><x:v>44469</x:v></x:c><x:c t="s"><x:v>6</x:v></x:c><x:c t="s"><x:v>6</x:v></x:c><x:c t="s"><x:v>7</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>\
            </x:sheetData>
            """)], sharedStrings: ["report_date", "adm1_code", "adm1_name", "population", "individuals", "30/09/2021", "Gao", "idps", "12"])
        #expect(Self.errors(Self.read(url, file: "book.xlsx")) == [
            "book.xlsx[Baseline Assessment]!A2: error: column 'report_date': value '30/09/2021' is text, not a date: format the column as a date in Excel, or declare its form with date_format (as in date_format: dd/mm/yyyy)",
            "book.xlsx[Baseline Assessment]!B2: error: column 'adm1_code': value '701' is a number where a code or name is expected (a number loses leading zeros): format the column as Text in Excel",
            "book.xlsx[Baseline Assessment]!E2: error: column 'individuals': value '12' is text, not a number: convert the column to numbers in Excel",
            "book.xlsx[Baseline Assessment]!A3: error: column 'report_date': value '44469' is a number, not a date: format the column as a date in Excel",
            "book.xlsx[Baseline Assessment]!E3: error: column 'individuals': value '#N/A' is a formula error: fix the formula in the workbook",
        ])
        let declared = try Self.mapping("file: book.xlsx\ndate_format: dd/mm/yyyy")
        #expect(Self.errors(Self.read(url, file: "book.xlsx", mapping: declared)).first?.hasPrefix("book.xlsx[Baseline Assessment]!B2:") == true)
    }

    @Test func aSheetThatDoesNotExistNamesTheOnesThatDo() throws {
        let folder = try TemporaryFolder()
        let url = try Self.workbook(in: folder, sheets: [("Read me", "<x:sheetData/>"), ("Baseline Assessment", "<x:sheetData/>")])
        #expect(Self.errors(Self.read(url, file: "book.xlsx", mapping: try Self.mapping("file: book.xlsx\nsheet: Baseline Assesment"))) == [
            "reports.yaml:11:16: error: reports[0].inputs.movements.sheet: the workbook has no sheet 'Baseline Assesment'; its sheets: 'Read me', 'Baseline Assessment' (did you mean 'Baseline Assessment'?)",
        ])
        #expect(Self.errors(Self.read(url, file: "book.xlsx", mapping: try Self.mapping("file: book.xlsx\nsheet: 3"))) == [
            "reports.yaml:11:16: error: reports[0].inputs.movements.sheet: the workbook has 2 sheets, no sheet 3",
        ])
    }

    // MARK: The table found as HXL tools find it

    @Test func aCSVTableBelowATitleAndAHashtagRowWithoutHeaderAreFound() throws {
        let folder = try TemporaryFolder()
        let below = try folder.write("""
            Population movements,,,,,
            ,,,,,
            Date,Code,Name,Population,People,HH
            #date+reported,#adm1+code,#adm1+name,#x_population,#affected+ind,#affected+hh
            2021-09-30,ML07   ,Gao,idps,10,
            """, to: "below.csv")
        let read = try Self.read(below, file: "below.csv").get()
        #expect(read.table.texts("adm1_code") == ["ML07"])
        #expect(read.notes == ["below.csv: note: table starts at line 3; 1 row above it skipped"])
        let tagsOnly = try folder.write("""
            #adm1+code,#date+reported,#affected+ind,#adm1+name,#x_population
            ML07,2021-09-30,10,Gao,idps
            """, to: "tags.csv")
        #expect(try Self.read(tagsOnly, file: "tags.csv").get().table.counts("individuals") == [10])
    }

    @Test(arguments: [("#affected+idps", "#affected+idps+ind", true), ("#affected+ind+idps", "#affected+idps+ind", true),
                      ("#affected+idps", "#affected+ind", false), ("#adm1+name-origin", "#adm1+name+origin", false),
                      ("#adm1+name-origin", "#adm1+name", true), ("#adm1+name!", "#adm1+name+origin", false),
                      ("#ADM1 +Pcode", "#adm1+code", true)])
    func hashtagPatternsMatchAsHXLSays(pattern: String, hashtag: String, matches: Bool) throws {
        let compiled = try #require(HXLPattern(pattern))
        #expect(compiled.matches(try #require(HXLHashtag(hashtag))) == matches)
    }

    // MARK: Mappings

    static let wideCSV = """
        Snapshot,Admin 1,Admin 1 pcode,Admin 2 pcode,IDPs HH,IDPs Ind,Ret HH,Ret Ind,assessmentType
        #date+occurred,#adm1+name,#adm1+code,#adm2+code,#affected+idps+hh,#affected+idps+ind,,,
        30/09/2021,Gao,MLI07   ,MLI0701,10,50,1,4,BA
        30/09/2021,Gao,MLI07,MLI0702,5,20,,,BA
        30/09/2021,Mopti,MLI05,MLI0501,3,9,2,8,BA
        30/09/2021,Mopti,MLI05,MLI0501,300,900,20,80,SA
        """

    @Test func wideColumnsBecomeRowsRolledUpToRegions() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write(Self.wideCSV, to: "wide.csv")
        let mapping = try Self.mapping("""
            file: wide.csv
            columns: {report_date: "#date", adm1_code: "#adm1+code", adm1_name: Admin 1}
            wide:
              population:
                idps: {individuals: "#affected+idps+ind", households: "#affected+idps+hh"}
                returnees: {individuals: Ret Ind, households: Ret HH}
            keep: {assessmentType: [BA, RA]}
            same_key: sum
            key: [report_date, adm1_code, population]
            date_format: dd/mm/yyyy
            """)
        let (table, notes) = try Self.read(url, file: "wide.csv", mapping: mapping).get()
        #expect(table.texts("adm1_code") == ["MLI07", "MLI07", "MLI05", "MLI05"])
        #expect(table.texts("population") == ["idps", "returnees", "idps", "returnees"])
        #expect(table.counts("individuals") == [70, 4, 9, 8])
        #expect(table.optionalCounts("households") == [15, 1, 3, 2])
        #expect(notes.suffix(4) == [
            "wide.csv: note: kept 3 of 4 rows; 1 dropped by keep: assessmentType = BA or RA",
            "wide.csv: note: keep: no row has 'RA' (assessmentType = BA or RA)",
            "wide.csv: note: 3 rows became 5 rows of population; 1 empty group skipped",
            "wide.csv: note: summed into 4 rows, one per report_date, adm1_code, population (same_key: sum)",
        ])
        #expect(notes.contains("wide.csv: note: column 'adm1_code' read from 'Admin 1 pcode' #adm1+code"))
    }

    @Test func mappingProblemsNameTheKeyAndTheNearestColumns() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write(Self.wideCSV, to: "wide.csv")
        let mapping = try Self.mapping("""
            file: wide.csv
            columns: {report_date: Snapshot, adm1_code: "#adm1+pcode", adm1_name: Admin 1 name, individuals: "#affected"}
            values: {population: idps}
            date_format: dd/mm/yyyy
            """)
        #expect(Self.errors(Self.read(url, file: "wide.csv", mapping: mapping)) == [
            "reports.yaml:11:79: error: reports[0].inputs.movements.columns.adm1_name: wide.csv has no column named 'Admin 1 name' (for column 'adm1_name'); nearest: 'Admin 1', 'Admin 1 pcode', 'Admin 2 pcode'",
            "reports.yaml:11:106: error: reports[0].inputs.movements.columns.individuals: '#affected' matches several columns: column 5 'IDPs HH' #affected+idps+hh, column 6 'IDPs Ind' #affected+idps+ind; name one by its header, or exclude attributes (#tag+attr-other)",
        ])
        let refuse = try Self.mapping("""
            file: wide.csv
            columns: {report_date: Snapshot, adm1_code: "#adm1+code", adm1_name: Admin 1, individuals: IDPs Ind}
            values: {population: idps}
            same_key: refuse
            key: [adm1_code]
            date_format: dd/mm/yyyy
            """)
        #expect(Self.errors(Self.read(url, file: "wide.csv", mapping: refuse)) == [
            "wide.csv:4: error: row has the same adm1_code MLI07 as wide.csv:3 (same_key: refuse); add them up with same_key: sum, or remove one",
            "wide.csv:6: error: row has the same adm1_code MLI05 as wide.csv:5 (same_key: refuse); add them up with same_key: sum, or remove one",
        ])
    }

    @Test func mappingsAreCheckedAgainstThePluginColumns() throws {
        let mapping = try Self.mapping("""
            file: wide.csv
            columns: {adm1_cod: "#adm1+code"}
            wide:
              population:
                idps: {individuals: IDPs Ind, households: IDPs HH}
                returnes: {individuals: Ret Ind}
            values: {report_date: 30/09/2021}
            """)
        #expect(MappingChecker.check(mapping, input: Self.spec).map(\.description) == [
            "reports.yaml:11:19: error: reports[0].inputs.movements.columns.adm1_cod: input 'movements' has no column 'adm1_cod'; its columns: report_date, adm1_code, adm1_name, population, individuals, households (did you mean 'adm1_code'?)",
            "reports.yaml:15:13: error: reports[0].inputs.movements.wide.population.returnes: group 'returnes' gives individuals but group 'idps' gives individuals, households: every group must give the same columns",
            "reports.yaml:15:13: error: reports[0].inputs.movements.wide.population.returnes: 'returnes' is not a value of column 'population': expected one of returnees, idps, returned_idps (did you mean 'returnees'?)",
            "reports.yaml:16:31: error: reports[0].inputs.movements.values.report_date: '30/09/2021' does not fit column 'report_date': expected date (YYYY-MM-DD)",
        ])
    }
}
