#!/usr/bin/env python3
"""Peak memory of dtm-report's situation-report, covid-mobility and returnee-movements reports
as their inputs grow.

For each factor, the shipped project is copied into Benchmarks/work/memory/<factor>/ and every
CSV file under data/sample/ that these plugins read is made <factor> times longer: the sample
rows, then copies of them moved back in time by whole spans of the file's dates (so that keys
stay distinct and the latest month, the one the run reports on, is the sample's), with event
ids made distinct. Each plugin's reports are then run once (`run --report ...`, on one thread,
without --period: the latest month) and the peak resident memory of the process is read from
the kernel (rusage of the child, started by a small process of its own so that this script's
memory is not counted). Prints a Markdown table.

    Benchmarks/memory.py --binary .build/release/dtm-report --factors 1,10,100

With --snapshot, the flow monitoring file named (one of generate.py's) is read instead by the
cumulative snapshot of compare.py (`run --report bench-cumulative --period <last month>`, the
default threads), each binary given by --binary in turn, --runs times: peak memory, CPU time
(user + system) and wall time of each run, and their medians. Binaries built from two commits
run side by side on a shared machine this way, under the same load.

    Benchmarks/memory.py --snapshot data/fmp_observations_2000000.csv --runs 5 \
        --binary before=old/.build/release/dtm-report --binary after=.build/release/dtm-report
"""
import argparse
import datetime
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = ["situation-report", "covid-mobility", "returnee-movements"]
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# The columns that identify a row on their own and must stay distinct in the copies.
ID_COLUMNS = {"event_id"}


def reports(reports_yaml):
    """(id, plugin, CSV files under data/sample/ it names) of each report in reports.yaml."""
    found = []
    for block in re.split(r"^\s*- id:", open(reports_yaml, encoding="utf-8").read(), flags=re.M)[1:]:
        report = block.split()[0]
        plugin = re.search(r"^\s+plugin:\s*(\S+)", block, re.M)
        files = sorted(set(re.findall(r"(data/sample/[\w.-]+\.csv)", block)))
        if plugin:
            found.append((report, plugin.group(1), files))
    return found


def days(cell):
    match = DAY.match(cell)
    return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def grow(path, factor):
    """Rewrites the CSV file at `path` with `factor` times its data rows (see the module's text)."""
    with open(path, encoding="utf-8") as file:
        lines = file.read().splitlines()
    header = lines[0].split(",")
    body_start = 2 if len(lines) > 1 and lines[1].startswith("#") else 1
    rows = [line.split(",") for line in lines[body_start:] if line]
    dates = [d for row in rows for d in map(days, row) if d]
    if not dates:
        return 0
    span = (max(dates) - min(dates)).days + 31
    out = lines[:body_start]
    for copy in range(factor):
        shift = datetime.timedelta(days=span * copy)
        for row in rows:
            cells = []
            for name, cell in zip(header, row):
                day = days(cell)
                if day and copy:
                    cell = (day - shift).isoformat()
                elif name in ID_COLUMNS and copy:
                    cell = f"{cell}-C{copy}"
                cells.append(cell)
            cells += row[len(header):]
            out.append(",".join(cells))
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(out) + "\n")
    return len(out) - body_start


# Runs the command given as arguments, its output discarded, and prints its exit status, seconds
# and peak resident memory (KiB). A process of its own, small, so that the command's peak is its
# own: a child forked from this script, which holds the grown files, would count this script's
# pages as its own until it execs (Linux keeps the larger of the two peaks).
MEASURE = r"""
import os, sys, time
started = time.monotonic()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), time.monotonic() - started, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def peak_memory(arguments, folder):
    """Runs the command in `folder`; its exit status, seconds and peak resident memory in MB."""
    process = subprocess.run([sys.executable, "-c", MEASURE] + arguments, cwd=folder, capture_output=True)
    if process.returncode != 0:
        return process.returncode, 0.0, 0.0, process.stderr.decode("utf-8", "replace")
    status, elapsed, kilobytes, _ = process.stdout.decode().split()
    return int(status), float(elapsed), int(kilobytes) / 1024, process.stderr.decode("utf-8", "replace")


def measured_run(arguments, folder):
    """Runs the command in `folder`; its wall seconds, CPU seconds and peak memory in MB."""
    process = subprocess.run([sys.executable, "-c", MEASURE] + arguments, cwd=folder, capture_output=True)
    status, elapsed, kilobytes, cpu = process.stdout.decode().split()
    if process.returncode != 0 or int(status) != 0:
        sys.exit(f"{' '.join(arguments)} failed ({status}):\n{process.stderr.decode('utf-8', 'replace')}")
    return float(elapsed), float(cpu), int(kilobytes) / 1024


def snapshot(data, binaries, runs):
    """The cumulative snapshot of `data` by each binary in turn, `runs` times; a Markdown table."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import compare
    from pathlib import Path
    data = Path(data).resolve()
    with open(data, encoding="utf-8") as file:
        file.readline()
        file.readline()
        first = datetime.date.fromisoformat(file.readline()[:10])
        file.seek(max(0, data.stat().st_size - 4096))
        last = datetime.date.fromisoformat(file.read().splitlines()[-1][:10])
    load = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="snapshot-", dir=os.path.join(ROOT, "Benchmarks")))
    try:
        compare.WORK = work
        folder = compare.project(0, data, first, Path(ROOT))
        results = {label: [] for label, _ in binaries}
        for run in range(runs):
            for label, binary in binaries:
                out = work / f"out-{label}-{run}"
                results[label].append(measured_run([binary, "run", "--config", str(folder / "reports.yaml"), "--report",
                                                    compare.CUMULATIVE_ID, "--period", f"{last.year:04}-{last.month:02}",
                                                    "--out", str(out), "--quiet"], folder))
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Cumulative snapshot of {data.name}, {runs} runs in turn; load average before: "
          f"{load:.2f}")
    print()
    print("| binary | wall (s) | user + sys (s) | peak RSS (MB) |")
    print("|---|---|---|---|")
    for label, _ in binaries:
        columns = []
        for index, digits in ((0, 2), (1, 2), (2, 1)):
            values = [result[index] for result in results[label]]
            columns.append(", ".join(f"{value:.{digits}f}" for value in values)
                           + f" (median {statistics.median(values):.{digits}f})")
        print(f"| {label} | " + " | ".join(columns) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, action="append",
                        help="the dtm-report to run; with --snapshot, label=path, once for each binary compared")
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--snapshot", help="a generated flow monitoring file: its cumulative snapshot instead")
    parser.add_argument("--runs", type=int, default=5, help="with --snapshot, runs of each binary (default 5)")
    arguments = parser.parse_args()
    if arguments.snapshot:
        binaries = [(b.split("=", 1)[0], os.path.abspath(b.split("=", 1)[1])) if "=" in b else (b, os.path.abspath(b))
                    for b in arguments.binary]
        snapshot(arguments.snapshot, binaries, arguments.runs)
        return
    if len(arguments.binary) != 1:
        sys.exit("one --binary without --snapshot")
    arguments.binary = arguments.binary[0]
    factors = [int(f) for f in arguments.factors.split(",")]
    binary = os.path.abspath(arguments.binary)
    print("| plugin | factor | rows of its CSV inputs | peak memory (MB) | seconds |")
    print("|---|---:|---:|---:|---:|")
    for factor in factors:
        folder = os.path.join(ROOT, "Benchmarks", "work", "memory", str(factor))
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for name in ["reports.yaml", "data", "templates", "vocabularies"]:
            source = os.path.join(ROOT, name)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(folder, name))
        described = reports(os.path.join(folder, "reports.yaml"))
        grown = {}
        for _, plugin, files in described:
            for path in files:
                if plugin in PLUGINS and path not in grown:
                    grown[path] = grow(os.path.join(folder, path), factor)
        for plugin in PLUGINS:
            ids = [report for report, of, _ in described if of == plugin]
            rows = sum(grown[path] for path in sorted({p for _, of, files in described if of == plugin for p in files}))
            command = [binary, "run", "--threads", "1", "--quiet"]
            for report in ids:
                command += ["--report", report]
            status, seconds, megabytes, error = peak_memory(command, folder)
            if status != 0:
                sys.exit(f"{plugin} at factor {factor} failed ({status}):\n{error}")
            print(f"| {plugin} | {factor} | {rows} | {megabytes:.1f} | {seconds:.2f} |", flush=True)


if __name__ == "__main__":
    main()
