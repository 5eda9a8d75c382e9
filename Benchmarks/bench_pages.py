#!/usr/bin/env python3
"""What the HTML pages add to the shipped monthly run (without --pdf).

The repository's reports.yaml is written twice into a temporary folder (beside copies of data/,
templates/ and vocabularies/, so that its paths hold): as it is, with `page:` and `charts:`,
and without them (the top-level `page:` and `charts:` and any report's own removed), both by
the same YAML writer. `dtm-report run --out <temporary folder>` then runs on each in turn, a
warm-up of each first, then `--runs` runs of each alternating, so that a change in the machine's
load touches both alike. Wall time is measured from start to exit; CPU time is the child's user
plus system time from os.wait4. Prints the medians and what the pages add, in percent.

    python3 Benchmarks/bench_pages.py --dtm-report .build/release/dtm-report --runs 15
"""

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import yaml


def without_pages(document):
    document = dict(document)
    document.pop("page", None)
    document.pop("charts", None)
    document["reports"] = [{key: value for key, value in report.items() if key not in ("page", "charts")} for report in document["reports"]]
    return document


def timed(command, cwd):
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)}: exit status {status >> 8}: {process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dtm-report", required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--repository", default=Path(__file__).resolve().parent.parent, type=Path)
    arguments = parser.parse_args()
    executable = str(Path(arguments.dtm_report).resolve())
    document = yaml.safe_load((arguments.repository / "reports.yaml").read_text(encoding="utf-8"))

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        # Copies, not links: dtm-report refuses a path that leads outside the folder of its
        # reports.yaml, which a link does.
        for name in ("data", "templates", "vocabularies"):
            shutil.copytree(arguments.repository / name, work / name)
        variants = {"with pages": document, "without pages": without_pages(document)}
        for name, variant in variants.items():
            (work / f"{name.replace(' ', '-')}.yaml").write_text(yaml.safe_dump(variant, allow_unicode=True, sort_keys=False), encoding="utf-8")

        def run(name):
            out = work / "out"
            shutil.rmtree(out, ignore_errors=True)
            return timed([executable, "run", "--quiet", "--config", f"{name.replace(' ', '-')}.yaml", "--out", str(out)], work)

        results = {name: [] for name in variants}
        for name in variants:
            run(name)
        for _ in range(arguments.runs):
            for name in variants:
                results[name].append(run(name))

    print(f"shipped run, {arguments.runs} runs each, medians (fastest–slowest wall):")
    medians = {}
    for name, samples in results.items():
        walls, cpus = [wall for wall, _ in samples], [cpu for _, cpu in samples]
        medians[name] = (statistics.median(walls), statistics.median(cpus))
        print(f"  {name:14} wall {medians[name][0]:.3f} s ({min(walls):.3f}–{max(walls):.3f}), CPU {medians[name][1]:.3f} s")
    wall_added = medians["with pages"][0] / medians["without pages"][0] - 1
    cpu_added = medians["with pages"][1] / medians["without pages"][1] - 1
    print(f"  the pages add {wall_added:+.1%} wall time and {cpu_added:+.1%} CPU time (target: under +20%)")


if __name__ == "__main__":
    main()
