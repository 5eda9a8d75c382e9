#!/usr/bin/env python3
"""Times the reading of one .xlsx sheet: dtm-report (a mapped workbook input rolled up to
regions, as the shipped `mli-baseline-idps`), openpyxl in read-only mode and pandas' read_excel
(openpyxl engine), side by side, each summing the same IDP counts by region and date. The three
must agree on every sum. Wall time and peak RSS of each tool's own process.

Usage (run.sh calls it): workbook.py --bin BIN --rows 1000000 [--runs 3] [--seed 42]
"""
import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Mali's regions as the shipped vocabulary writes them (vocabularies/pcodes/mli.csv, OCHA's list),
# so that every tool reads the same codes and dtm-report rewrites none of them.
REGIONS = [("ML01", "Kayes"), ("ML02", "Koulikoro"), ("ML03", "Sikasso"), ("ML04", "Ségou"), ("ML05", "Mopti"),
           ("ML06", "Tombouctou"), ("ML07", "Gao"), ("ML08", "Kidal"), ("ML09", "Bamako"), ("ML10", "Ménaka")]
DATES = [dt.datetime(2021, 6, 30), dt.datetime(2021, 9, 30)]


def generate(path: Path, rows: int, seed: int) -> None:
    import openpyxl
    random.seed(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Baseline Assessment")
    sheet.append(["Snapshot Date", "Admin 1", "Admin 1 pcode", "Admin 3 pcode", "Total No# of IDPs HH", "Total No# of IDPs Ind#"])
    sheet.append(["#date+occurred", "#adm1+name", "#adm1+code", "#adm3+code", "#affected+idps+hh", "#affected+idps+ind"])
    date_style = openpyxl.styles.NamedStyle(name="day", number_format="yyyy-mm-dd")
    book.add_named_style(date_style)
    for index in range(rows):
        code, name = REGIONS[index % len(REGIONS)]
        people = random.randint(0, 5000)
        date = openpyxl.cell.WriteOnlyCell(sheet, value=DATES[index % 2])
        date.style = "day"
        sheet.append([date, name, code, f"{code}{index:07d}", people // 5, people])
    book.save(path)


def timed(command, cwd=None):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out = process.stdout.read().decode()
    err = process.stderr.read().decode()
    if process.returncode not in (0, None) and usage is None:
        raise SystemExit(err)
    return seconds, usage.ru_maxrss / 1024, out, err


OPENPYXL = r'''
import json, sys, openpyxl, collections
sums = collections.Counter()
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = book["Baseline Assessment"].iter_rows(min_row=3, values_only=True)
for date, _, code, _, _, people in rows:
    sums[f"{date.date().isoformat()} {code.strip()}"] += people
print(json.dumps(sums))
'''

PANDAS = r'''
import json, sys, pandas
frame = pandas.read_excel(sys.argv[1], sheet_name="Baseline Assessment", skiprows=[1])
frame["key"] = frame["Snapshot Date"].dt.strftime("%Y-%m-%d") + " " + frame["Admin 1 pcode"].str.strip()
print(json.dumps({k: int(v) for k, v in frame.groupby("key")["Total No# of IDPs Ind#"].sum().items()}))
'''


def project(folder: Path, workbook: Path) -> None:
    # A project reads its places and words from vocabularies/, next to reports.yaml.
    shutil.copytree(Path(__file__).resolve().parent.parent / "vocabularies", folder / "vocabularies")
    (folder / "t.md").write_text("{{title}}\n")
    (folder / "reports.yaml").write_text(f"""version: 1
languages: [en]
reports:
  - id: baseline
    plugin: returnee-movements
    title: {{en: Baseline}}
    inputs:
      movements:
        file: {workbook.name}
        columns: {{report_date: "#date", adm1_code: "#adm1+code", adm1_name: "#adm1+name", individuals: "#affected+idps+ind",
                   households: "#affected+idps+hh"}}
        values: {{population: idps}}
        same_key: sum
        key: [report_date, adm1_code]
    params: {{population: idps}}
    templates: {{en: t.md}}
""")


def dtm_sums(binary: Path, folder: Path) -> dict:
    subprocess.run([str(binary), "run", "--quiet", "--period", "2021-09", "--out", "out"], cwd=folder, check=True, capture_output=True)
    subprocess.run([str(binary), "run", "--quiet", "--period", "2021-06", "--out", "out"], cwd=folder, check=True, capture_output=True)
    sums = {}
    for period, day in (("2021-09", "2021-09-30"), ("2021-06", "2021-06-30")):
        table = (folder / "out" / period / "baseline" / "by_region.csv").read_text().splitlines()[2:]
        for line in table:
            code, _, people, *_ = line.split(",")
            sums[f"{day} {code}"] = int(people)
    return sums


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    workbook = args.data / f"baseline-ocha-{args.rows}-{args.seed}.xlsx"
    if not workbook.exists():
        print(f"workbook: generating {args.rows} rows", file=sys.stderr)
        generate(workbook, args.rows, args.seed)
    folder = Path(tempfile.mkdtemp(prefix="dtm-workbook-"))
    # A copy: dtm-report reads no file through a link leading out of the project.
    shutil.copyfile(workbook, folder / workbook.name)
    project(folder, workbook)
    expected = dtm_sums(args.bin, folder)
    tools = {
        "dtm-report": [str(args.bin), "validate", "--quiet", "--period", "2021-09"],
        "openpyxl (read-only)": [sys.executable, "-c", OPENPYXL, str(workbook)],
        "pandas read_excel": [sys.executable, "-c", PANDAS, str(workbook)],
    }
    lines = [f"{args.rows:,} rows, {workbook.stat().st_size / 1e6:.1f} MB .xlsx; median of {args.runs} runs", "",
             "| tool | wall time (s) | peak RSS (MB) |", "|---|---:|---:|"]
    for name, command in tools.items():
        times, peaks = [], []
        for _ in range(args.runs):
            seconds, peak, out, err = timed(command, cwd=folder)
            times.append(seconds)
            peaks.append(peak)
            if name != "dtm-report":
                got = json.loads(out)
                if got != expected:
                    print(f"{name} disagrees with dtm-report: {sorted(set(got.items()) ^ set(expected.items()))[:4]}", file=sys.stderr)
                    return 1
        lines.append(f"| {name} | {sorted(times)[len(times) // 2]:.2f} | {max(peaks):.0f} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
