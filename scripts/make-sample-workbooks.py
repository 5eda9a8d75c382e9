#!/usr/bin/env python3
"""Writes the sample files shaped like DTM's own publications, with made-up figures:

  data/sample/mli_baseline_assessment.xlsx  like HDX's "DTM Mali Baseline Assessment"
  data/sample/dtm_api_idps.csv              like an export of DTM's public API

and the small workbooks the tests read (Tests/Fixtures/Workbooks/). The files are committed;
CI does not run this script. Needs openpyxl (pip install openpyxl).
Usage: scripts/make-sample-workbooks.py   (from the repository's root)
"""
import datetime
import os
import zipfile

import openpyxl

SNAPSHOT = datetime.datetime(2021, 9, 30)
UPDATED = datetime.datetime(2021, 10, 12)

HEADER = ["Snapshot Date", "Admin 0", "Admin 0 pcode", "Admin 1", "Admin 1 pcode", "Admin 2", "Admin 2 pcode",
          "Admin 3", "Admin 3 pcode", "Total No# of IDPs HH", "Total No# of IDPs Ind#",
          "Num_RET_from_Abroad_IND", "Num_RET_from_Abroad_HH", "Num_Ret_IDP_HH", "Num_Ret_IDP_IND",
          "Total No# of Returnees HH#", "Total No# of Returnees Ind#", "Country of Origin of IDP",
          "Admin 1 Area of Origin of IDP", "Type of Displacement", "Main displacement start date",
          "UpdatedDate", "admin_1_pcode_origin_majority_present_idp", "admin_0_pcode_origin_majority_ret_from_abroad"]
HASHTAGS = ["#date+occurred", "#country+name", "#country+code", "#adm1+name", "#adm1+code", "#adm2+name",
            "#adm2+code", "#adm3+name", "#adm3+code", "#affected+idps+hh", "#affected+idps+ind",
            "", "", "", "", "#affected+returnees+hh", "#affected+returnees+ind", "#country+name+origin",
            "#adm1+name+origin", "", "", "", "", ""]

# (region name as DTM writes it, region code as written, cercle, commune,
#  IDP households, IDP people, returnees from abroad people, households, returned IDPs households, people)
COMMUNES = [
    ("Kayes", "MLI01", "Kayes", "Kayes", 210, 1180, 95, 17, 40, 230),
    ("Kayes", "MLI01", "Nioro", "Nioro", 95, 512, 40, 8, 0, 0),
    ("Koulikouro", "MLI02", "Kati", "Kati", 410, 2245, 62, 11, 18, 101),
    ("Segou", "MLI04", "Segou", "Segou", 1320, 7410, 120, 22, 75, 420),
    ("Segou", "MLI04", "Niono", "Niono", 2105, 11890, 35, 6, 130, 705),
    ("Mopti", "MLI05", "Mopti", "Mopti", 3410, 19214, 88, 15, 402, 2210),
    ("Mopti", "MLI05", "Bandiagara", "Bandiagara", 4020, 22731, 14, 3, 318, 1766),
    ("Mopti", "MLI05", "Djenne", "Djenne", 812, 4533, 0, 0, 97, 540),
    ("Tombouctou", "MLI06", "Tombouctou", "Tombouctou", 1530, 8627, 1210, 215, 603, 3390),
    ("Tombouctou", "MLI06", "Goundam", "Goundam", 640, 3510, 830, 148, 210, 1172),
    ("Gao", "MLI07   ", "Gao", "Gao", 2230, 12470, 1705, 301, 811, 4480),
    ("Gao", "MLI07", "Ansongo", "Ansongo", 1180, 6528, 640, 117, 356, 1990),
    ("Kidal", "MLI08", "Kidal", "Kidal", 380, 2010, 410, 70, 88, 470),
    ("Menaka", "MLI10", "Menaka", "Menaka", 2950, 16402, 225, 41, 140, 760),
    ("Menaka", "MLI10", "Menaka", "Inekar", 1015, 5630, 60, 10, 45, 250),
]


def baseline_workbook(path, broken=False):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Baseline Assessment"
    sheet.append(HEADER)
    sheet.append(HASHTAGS)
    counters = {}
    for region, code, cercle, commune, idp_hh, idp_ind, ret_ind, ret_hh, ridp_hh, ridp_ind in COMMUNES:
        region_code = code.strip()
        cercles = counters.setdefault(region_code, {})
        cercle_number = cercles.setdefault(cercle, len(cercles) + 1)
        commune_number = sum(1 for row in COMMUNES[:COMMUNES.index((region, code, cercle, commune, idp_hh, idp_ind, ret_ind, ret_hh, ridp_hh, ridp_ind))]
                             if row[1].strip() == region_code and row[2] == cercle) + 1
        adm2 = f"{region_code}{cercle_number:02d}"
        adm3 = f"{adm2}{commune_number:02d}"
        sheet.append([SNAPSHOT, "Mali", "MLI", region, code, cercle, adm2, commune, adm3, idp_hh, idp_ind,
                      ret_ind, ret_hh, ridp_hh, ridp_ind, ret_hh + ridp_hh, ret_ind + ridp_ind, "Mali", "Mopti",
                      "Conflict", datetime.datetime(2018, 3, 1), UPDATED, "MLI05", "NER"])
    for row in sheet.iter_rows(min_row=3):
        for index in (0, 20, 21):
            row[index].number_format = "dd/mm/yyyy"
    if broken:
        # For the bad-input catalogue: a date typed as text, a region code typed as a number,
        # a count typed as text with a space, a commune without its region code.
        sheet["A4"] = "30/09/2021"
        sheet["E5"] = 7
        sheet["K6"] = "7 410"
        sheet["E7"] = None
    book.save(path)


API_HEADER = ["id", "operation", "admin0Name", "admin0Pcode", "admin1Name", "admin1Pcode", "admin2Name", "admin2Pcode",
              "adminLevel", "numPresentIdpInd", "reportingDate", "yearReportingDate", "monthReportingDate", "roundNumber",
              "displacementReason", "numberMales", "numberFemales", "idpOriginAdmin1Name", "idpOriginAdmin1Pcode",
              "assessmentType", "operationStatus"]
API_HXL = ["#id", "#operation", "#country+name", "#country+code", "#adm1+name", "#adm1+code", "#adm2+name", "#adm2+code",
           "#geo+admin_level", "#affected+idps+ind", "#date+reported", "#date+year", "#date+month", "#round", "#cause",
           "#affected+m", "#affected+f", "#adm1+name+origin", "#adm1+code+origin", "#assessment+type", "#status"]


def api_export(path):
    rounds = [(118, "2021-07-31"), (119, "2021-08-31"), (120, "2021-09-30")]
    regions = [("Segou", "MLI04", [("Niono", "MLI0402")]), ("Mopti", "MLI05", [("Mopti", "MLI0501"), ("Bandiagara", "MLI0502")]),
               ("Gao", "MLI07", [("Gao", "MLI0701")]), ("Menaka", "MLI10", [("Menaka", "MLI1001")])]
    reasons = ["Conflict", "Natural disaster"]
    lines = [",".join(API_HEADER), ",".join(API_HXL)]
    next_id = 5100
    for number, (round_number, date) in enumerate(rounds):
        year, month = date[:4], str(int(date[5:7]))
        for assessment in ("BA", "SA"):
            national = 0
            for region_index, (name, code, cercles) in enumerate(regions):
                for reason_index, reason in enumerate(reasons):
                    base = (region_index + 1) * 4100 + number * 310 - reason_index * 3200 + (0 if assessment == "BA" else 55)
                    people = max(base, 120 + region_index * 17)
                    national += people
                    row_id = "" if (region_index + reason_index + number) % 5 == 4 else str(next_id)
                    next_id += 1
                    lines.append(",".join([row_id, "Mali Crisis", "Mali", "MLI", name, code, "", "", "1", str(people),
                                           f"{date}T00:00:00", year, month, str(round_number), reason,
                                           str(people * 46 // 100), str(people - people * 46 // 100), "\"Mopti, Region\"", "MLI05",
                                           assessment, "Active"]))
                    for cercle, cercle_code in cercles:
                        lines.append(",".join([str(next_id), "Mali Crisis", "Mali", "MLI", name, code, cercle, cercle_code, "2",
                                               str(people // len(cercles)), f"{date}T00:00:00", year, month, str(round_number), reason,
                                               "", "", "", "", assessment, "Active"]))
                        next_id += 1
            lines.append(",".join([str(next_id), "Mali Crisis", "Mali", "MLI", "", "", "", "", "0", str(national),
                                   f"{date}T00:00:00", year, month, str(round_number), "", "", "", "", "", assessment, "Active"]))
            next_id += 1
    with open(path, "w", newline="") as handle:
        handle.write("\r\n".join(lines) + "\r\n")


def fixtures(folder):
    os.makedirs(folder, exist_ok=True)
    # Every kind of cell, a title row above the table, merged cells, a second sheet with the data.
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Read me"
    notes.append(["Made-up figures for the tests"])
    data = book.create_sheet("Data")
    data.append(["Population movements, September 2021"])
    data.merge_cells("A1:F1")
    data.append(["report_date", "Region code", "Region", "population", "individuals", "households"])
    data.append(["#date+reported", "#adm1+code", "#adm1+name", "#x_population", "#affected+ind", "#affected+hh"])
    data.append([datetime.datetime(2021, 9, 30), "ML05 ", "Mopti", "idps", 120, 20])
    data.append([datetime.datetime(2021, 9, 30), "ML07", "Gao", "idps", 120, None])
    data.append(["2021-09-30", "ML09", "Ménaka & \"Inekar\" <x>", "idps", 7, 2])
    for row in data.iter_rows(min_row=4, max_row=5):
        row[0].number_format = "yyyy-mm-dd"
    book.save(os.path.join(folder, "kinds.xlsx"))

    # The 1904 date system, and an inline string written by hand below.
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["report_date", "adm1_code", "adm1_name", "population", "individuals", "households"])
    sheet.append([datetime.datetime(2021, 9, 30), "ML05", "Mopti", "idps", 5, None])
    sheet["A2"].number_format = "d mmm yyyy"
    book.save(os.path.join(folder, "dates1904.xlsx"))

    # A compressed entry that expands past the limit of a shared-strings table (a ZIP bomb).
    with zipfile.ZipFile(os.path.join(folder, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(os.path.join(folder, "dates1904.xlsx")) as source:
            for item in source.infolist():
                if item.filename != "xl/sharedStrings.xml":
                    archive.writestr(item, source.read(item.filename))
        archive.writestr("xl/sharedStrings.xml", b"<sst>" + b" " * (300 << 20) + b"</sst>")


if __name__ == "__main__":
    baseline_workbook("data/sample/mli_baseline_assessment.xlsx")
    api_export("data/sample/dtm_api_idps.csv")
    fixtures("Tests/Fixtures/Workbooks")
    baseline_workbook("Tests/Fixtures/Workbooks/baseline-bad-cells.xlsx", broken=True)
