#!/usr/bin/env python3
"""Times an `indicators` report against flow monitoring on the same generated file.

The issue's bar: an indicators definition reads a flow monitoring file within 1.5x of the
flow-monitoring plugin's time on it, in memory that does not grow with the rows. Both reports
read Benchmarks' generated fmp_observations.csv; the indicators definition sums the same
individuals by FMP, nationality and transport mode, and counts distinct FMPs. The two run in
turn and their CPU time (user + system) is compared: on a shared machine wall time measures
the neighbours as much as the program.

    python Benchmarks/indicators.py --bin .build/release/dtm-report --rows 1000000 --runs 3

Needs numpy (generate.py) and GNU time (/usr/bin/time -v) for the peak memory.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

REPORTS = """version: 1
output: out
languages: [en, fr]
reports:
  - id: flow
    plugin: flow-monitoring
    tags: [flow]
    title: {en: Flow, fr: Flux}
    inputs:
      observations: fmp_observations.csv
    templates: {en: flow.md, fr: flow.md}
  - id: indicators
    plugin: indicators
    tags: [indicators]
    title: {en: Indicators, fr: Indicateurs}
    inputs:
      data: fmp_observations.csv
    params:
      columns:
        date: date
        fmp_code: text
        nationality: text
        transport_mode: {type: one_of, values: [bus, truck, car, motorcycle, tricycle, foot, boat, other]}
        direction: {type: one_of, values: [incoming, outgoing]}
        adult_m: count
      date: date
      compare: [previous]
      measures:
        rows: rows
        incoming_men: {sum: adult_m, where: {direction: incoming}}
        men: {sum: adult_m}
        fmps: {distinct: fmp_code}
      breakdowns:
        by_fmp: {measure: men, by: fmp_code, top: 10}
        by_nationality: {measure: men, by: nationality, top: 5}
        by_mode: {measure: men, by: [transport_mode, direction]}
    templates: {en: indicators.md, fr: indicators.md}
"""


def timed(command: list[str], cwd: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, every thread) and peak resident kB of one run."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    user = float(re.search(r"User time \(seconds\): ([0-9.]+)", done.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([0-9.]+)", done.stderr).group(1))
    return seconds, user + system, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="the dtm-report binary (a release build)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--period", default="2020-06",
                        help="the month validated; 'none' validates without --period, so that every day is added up")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    folder = tempfile.mkdtemp(prefix="indicators-bench-")
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--rows", str(args.rows), "--seed", str(args.seed),
                        "--out", os.path.join(folder, "fmp_observations.csv")], check=True)
        shutil.copytree(os.path.join(REPO, "vocabularies"), os.path.join(folder, "vocabularies"))
        for extra in os.listdir(os.path.join(HERE, "pcodes")):
            shutil.copy(os.path.join(HERE, "pcodes", extra), os.path.join(folder, "vocabularies", "pcodes", extra))
        with open(os.path.join(folder, "reports.yaml"), "w") as file:
            file.write(REPORTS)
        for name in ("flow.md", "indicators.md"):
            with open(os.path.join(folder, name), "w") as file:
                file.write("{{title}}\n")
        # The two reports run in turn, so that a load that comes and goes on a shared machine
        # weighs on both alike; CPU time (user + system) is compared, wall time only shown.
        runs: dict[str, list[tuple[float, float, int]]] = {"flow": [], "indicators": []}
        for _ in range(args.runs):
            for report in runs:
                period = [] if args.period == "none" else ["--period", args.period]
                runs[report].append(timed([binary, "validate", "--quiet", *period, "--tag", report], folder))
        results = {}
        for report, measured in runs.items():
            results[report] = (statistics.median(r[0] for r in measured), statistics.median(r[1] for r in measured),
                               max(r[2] for r in measured))
            wall, cpu, peak = results[report]
            print(f"{report:<11} median CPU {cpu:.2f} s (wall {wall:.2f} s) over {args.runs} runs, peak {peak / 1024:.0f} MB")
        ratio = results["indicators"][1] / results["flow"][1]
        wall_ratio = results["indicators"][0] / results["flow"][0]
        print(f"indicators / flow-monitoring: {ratio:.2f}x CPU time, {wall_ratio:.2f}x wall time ({args.rows} rows; the bar is 1.5x)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
