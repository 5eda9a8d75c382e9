import Foundation
import TestSupport

/// Bad workbooks and bad mappings of published files: each names the file and the cell (or the
/// key of reports.yaml), and nothing is written.
extension BadInput {
    static let baseline = "data/sample/mli_baseline_assessment.xlsx"
    static let apiExport = "data/sample/dtm_api_idps.csv"

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.url("Tests/Fixtures/Workbooks/\(name)")))
    }

    static let workbookCases: [BadInput] = [
        csv("a truncated workbook", { project in
            let bytes = [UInt8](try Data(contentsOf: project.url(baseline)))
            try project.write(Array(bytes.prefix(bytes.count / 2)), to: baseline)
        }, [
            "data/sample/mli_baseline_assessment.xlsx: error: not a readable .xlsx workbook: its ZIP directory cannot be read (is the file truncated?); save it again from Excel as .xlsx, or as CSV UTF-8",
        ]),
        csv("a workbook whose shared strings expand past the limit", { try $0.write(try fixture("bomb.xlsx"), to: baseline) }, [
            "data/sample/mli_baseline_assessment.xlsx: error: entry xl/sharedStrings.xml expands to more than 256 MiB: refused (split the sheet, or save it as CSV UTF-8)",
        ]),
        csv("an Excel 97-2003 workbook", { try $0.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504), to: baseline) }, [
            "data/sample/mli_baseline_assessment.xlsx: error: Excel 97-2003 (.xls) workbooks are not read: open the file in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV UTF-8",
        ]),
        csv("cells of the wrong kind in a workbook", { try $0.write(try fixture("baseline-bad-cells.xlsx"), to: baseline) }, [
            "data/sample/mli_baseline_assessment.xlsx[Baseline Assessment]!A4: error: column 'report_date': value '30/09/2021' is text, not a date: format the column as a date in Excel, or declare its form with date_format (as in date_format: dd/mm/yyyy)",
            "data/sample/mli_baseline_assessment.xlsx[Baseline Assessment]!E5: error: column 'adm1_code': value '7' is a number where a code or name is expected (a number loses leading zeros): format the column as Text in Excel",
            "data/sample/mli_baseline_assessment.xlsx[Baseline Assessment]!K6: error: column 'individuals': value '7 410' is text, not a number: convert the column to numbers in Excel",
            "data/sample/mli_baseline_assessment.xlsx[Baseline Assessment]!E7: error: column 'adm1_code': value is empty",
        ]),
        yaml("a sheet that does not exist", { try $0.replace("sheet: Baseline Assessment", with: "sheet: Baseline") }, [
            "reports.yaml:120:16: error: reports[8].inputs.movements.sheet: the workbook has no sheet 'Baseline'; its sheets: 'Baseline Assessment'",
        ]),
        yaml("a mapped column the file does not have", { try $0.replace("individuals: Num_Ret_IDP_IND", with: "individuals: Num_Ret_IDPs_IND") }, [
            "reports.yaml:129:29: error: reports[8].inputs.movements.wide.population.returned_idps.individuals: data/sample/mli_baseline_assessment.xlsx[Baseline Assessment] has no column named 'Num_Ret_IDPs_IND' (for column 'individuals'); nearest: 'Num_RET_from_Abroad_IND', 'Num_RET_from_Abroad_HH', 'Num_Ret_IDP_HH' (did you mean 'Num_Ret_IDP_IND'?)",
        ]),
        yaml("groups of unequal shape", { try $0.replace(", households: Num_Ret_IDP_HH}", with: "}") }, [
            "reports.yaml:129:13: error: reports[8].inputs.movements.wide.population.returned_idps: group 'returned_idps' gives individuals but group 'idps' gives individuals, households: every group must give the same columns",
            "reports.yaml:129:13: error: reports[9].inputs.movements.wide.population.returned_idps: group 'returned_idps' gives individuals but group 'idps' gives individuals, households: every group must give the same columns",
            "reports.yaml:129:13: error: reports[10].inputs.movements.wide.population.returned_idps: group 'returned_idps' gives individuals but group 'idps' gives individuals, households: every group must give the same columns",
        ]),
        yaml("a mapping key misspelt", { try $0.replace("        values:\n          population: idps", with: "        value:\n          population: idps") }, [
            "reports.yaml:176:9: error: reports[11].inputs.movements.value: unknown key 'value'; the nearest of the 10 keys allowed here are values, file, wide, columns, keep (did you mean 'values'?)",
        ]),
        yaml("a mapped plugin column misspelt", { try $0.replace("          adm1_code: admin1Pcode", with: "          adm1_pcode: admin1Pcode") }, [
            "reports.yaml:173:11: error: reports[11].inputs.movements.columns.adm1_pcode: input 'movements' has no column 'adm1_pcode'; its columns: report_date, adm1_code, adm1_name, population, individuals, households (did you mean 'adm1_code'?)",
        ]),
        csv("rows with the same key refused", { try $0.replace("          assessmentType: BA\n        same_key: sum", with: "          assessmentType: BA\n        same_key: refuse\n        key: [report_date, adm1_code]") }, [
            "data/sample/dtm_api_idps.csv:5: error: row has the same report_date 2021-07-31, adm1_code MLI04 as data/sample/dtm_api_idps.csv:3 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:10: error: row has the same report_date 2021-07-31, adm1_code MLI05 as data/sample/dtm_api_idps.csv:7 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:15: error: row has the same report_date 2021-07-31, adm1_code MLI07 as data/sample/dtm_api_idps.csv:13 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:19: error: row has the same report_date 2021-07-31, adm1_code MLI10 as data/sample/dtm_api_idps.csv:17 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:43: error: row has the same report_date 2021-08-31, adm1_code MLI04 as data/sample/dtm_api_idps.csv:41 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:48: error: row has the same report_date 2021-08-31, adm1_code MLI05 as data/sample/dtm_api_idps.csv:45 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:53: error: row has the same report_date 2021-08-31, adm1_code MLI07 as data/sample/dtm_api_idps.csv:51 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:57: error: row has the same report_date 2021-08-31, adm1_code MLI10 as data/sample/dtm_api_idps.csv:55 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:81: error: row has the same report_date 2021-09-30, adm1_code MLI04 as data/sample/dtm_api_idps.csv:79 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:86: error: row has the same report_date 2021-09-30, adm1_code MLI05 as data/sample/dtm_api_idps.csv:83 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:91: error: row has the same report_date 2021-09-30, adm1_code MLI07 as data/sample/dtm_api_idps.csv:89 (same_key: refuse); add them up with same_key: sum, or remove one",
            "data/sample/dtm_api_idps.csv:95: error: row has the same report_date 2021-09-30, adm1_code MLI10 as data/sample/dtm_api_idps.csv:93 (same_key: refuse); add them up with same_key: sum, or remove one",
        ]),
    ]
}
