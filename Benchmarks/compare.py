#!/usr/bin/env python3
"""Times dtm-report, DuckDB, polars and pandas on the same flow monitoring aggregations.

Started by run.sh, which prepares the virtual environment and the release build; see README.md.
For each size: generates (or reuses) the data file, writes a project folder with a monthly and a
cumulative flow-monitoring report, runs every (tool, task) once to warm the page cache and check
that the four tools agree, then times `--runs` runs of each and prints the medians. The headline
task times the cumulative snapshot against each engine's one group-by of its headline figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
WORK = HERE / "work"
RESULTS = HERE / "results"
ENGINES = ["duckdb", "polars", "pandas"]
TOOLS = ["dtm-report", *ENGINES]
TASKS = ["monthly", "cumulative", "headline"]
# The sizes the targets name: the headline and report tasks at 2M and 10M rows, the scaling from 1M.
TARGET_SIZES = (2_000_000, 10_000_000)
READER_TARGET = 600  # MB/s on one core
MONTHLY_ID, CUMULATIVE_ID = "bench-monthly", "bench-cumulative"

# English phrases of the destination codes the generator writes (as top_destinations names them).
PHRASES = {
    "DZA": "Algeria", "LBY": "Libya", "NER": "Niger", "MLI": "Mali", "NGA": "Nigeria", "BFA": "Burkina Faso",
    "CIV": "Côte d'Ivoire", "TCD": "Chad", "SEN": "Senegal", "GIN": "Guinea", "MAR": "Morocco",
    "MRT": "Mauritania", "GHA": "Ghana", "TUN": "Tunisia", "ESP": "Spain", "ITA": "Italy", "CMR": "Cameroon",
    "TGO": "Togo", "BEN": "Benin", "FRA": "France",
}


class Mismatch(Exception):
    pass


@dataclass
class Measure:
    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kib) * 1024 / 1e6


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Runs `command` as a child process: (wall seconds, peak RSS of that child in KiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 returns the rusage of this child alone (ru_maxrss in KiB on Linux).
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"FAILED ({process.returncode}): {' '.join(command)}\n{error}")
    return seconds, usage.ru_maxrss


def output(command: list[str], cwd: Path | None = None) -> str:
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        return f"unknown ({error})"


# --- data and project folder -------------------------------------------------------------------

def data_file(rows: int, seed: int, python: str) -> Path:
    """The cached data file for (rows, seed), generated when missing or made by another generator."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"fmp_observations_{rows}_seed{seed}.csv"
    stamp = path.with_suffix(".json")
    generator = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()
    wanted = {"rows": rows, "seed": seed, "generator_sha256": generator}
    if path.exists() and stamp.exists():
        try:
            if json.loads(stamp.read_text()) == {**wanted, "bytes": path.stat().st_size}:
                log(f"data: reusing {path.relative_to(HERE)}")
                return path
        except (ValueError, OSError):
            pass
    log(f"data: generating {rows} rows")
    subprocess.run([python, str(HERE / "generate.py"), "--rows", str(rows), "--seed", str(seed), "--out", str(path)],
                   check=True)
    stamp.write_text(json.dumps({**wanted, "bytes": path.stat().st_size}) + "\n")
    return path


def date_range(path: Path) -> tuple[dt.date, dt.date]:
    """First and last day of the data (rows are sorted by date)."""
    with open(path, "rb") as f:
        f.readline(), f.readline()
        first = dt.date.fromisoformat(f.readline()[:10].decode())
        f.seek(max(0, path.stat().st_size - 4096))
        last = dt.date.fromisoformat(f.read().rstrip(b"\n").rsplit(b"\n", 1)[-1][:10].decode())
    return first, last


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def project(rows: int, data: Path, since: dt.date, repo: Path) -> Path:
    """work/<rows>/reports.yaml: a monthly and a cumulative report on `data`, with the repository's
    flow monitoring templates and vocabularies copied next to it (both must lie inside the
    project folder)."""
    folder = WORK / str(rows)
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    for name in ("monthly.en.md", "monthly.fr.md", "snapshot.en.md", "snapshot.fr.md"):
        shutil.copyfile(repo / "templates" / "flow-monitoring" / name, folder / "templates" / name)
    shutil.copytree(repo / "vocabularies", folder / "vocabularies", dirs_exist_ok=True)
    # Guinea's and Senegal's regions, which the shipped vocabularies lack, added as an office
    # outside the shipped countries adds its own (docs/report-types.md, "Another country").
    for pcodes in sorted((HERE / "pcodes").glob("*.csv")):
        shutil.copyfile(pcodes, folder / "vocabularies" / "pcodes" / pcodes.name)
    reports = f"""# Written by Benchmarks/compare.py: two flow monitoring reports on the generated data.
version: 1
output: out
languages: [en, fr]
reports:
  - id: {MONTHLY_ID}
    plugin: flow-monitoring
    title:
      en: "Benchmark — Flow Monitoring Report"
      fr: "Banc d'essai — Rapport de suivi des flux"
    absolute_inputs: true
    inputs:
      observations: {json.dumps(str(data))}
    params:
      window: month
    templates:
      en: templates/monthly.en.md
      fr: templates/monthly.fr.md
  - id: {CUMULATIVE_ID}
    plugin: flow-monitoring
    title:
      en: "Benchmark — Flow Monitoring Snapshot"
      fr: "Banc d'essai — Aperçu du suivi des flux"
    absolute_inputs: true
    inputs:
      observations: {json.dumps(str(data))}
    params:
      window: cumulative
      since: {since.isoformat()}
    templates:
      en: templates/snapshot.en.md
      fr: templates/snapshot.fr.md
"""
    (folder / "reports.yaml").write_text(reports, encoding="utf-8")
    return folder


# --- checking ----------------------------------------------------------------------------------

def from_report(path: Path) -> dict:
    """The figures of a dtm-report report.json, in the engines' shape (as far as it has them)."""
    report = json.loads(path.read_text(encoding="utf-8"))
    facts, tables = report["facts"], report["tables"]

    def rows(name):
        table = tables[name]
        names = [c["name"] for c in table["columns"]]
        return [dict(zip(names, row)) for row in table["rows"]]

    figures = {name: facts[name] for name in ("incoming", "outgoing", "men", "minors")}
    figures["uac"] = facts.get("uac", 0)
    figures["by_fmp"] = {r["fmp_code"]: [r["incoming"], r["outgoing"]] for r in rows("by_fmp")}
    figures["by_transport_mode"] = {r["mode"]: [r["incoming"], r["outgoing"]] for r in rows("by_transport_mode")}
    figures["by_nationality"] = {r["nationality"]: [r["incoming"], r["outgoing"]] for r in rows("by_nationality")}
    figures["daily"] = {r["date"]: [r["incoming"], r["outgoing"]] for r in rows("daily") if r["incoming"] is not None}
    if "previous_incoming" in facts:
        figures["previous"] = [facts["previous_incoming"], facts["previous_outgoing"]]
    figures["top_destinations"] = [p["en"] for p in facts.get("top_destinations", [])]
    return figures


def top_destinations(by_destination: dict, count: int = 5) -> list[str]:
    """As dtm-report names them: most individuals first, then by code, unknown left out."""
    ranked = sorted(((total, code) for code, total in by_destination.items() if code != "OOO" and total > 0),
                    key=lambda item: (-item[0], item[1]))
    return [PHRASES.get(code, code) for _, code in ranked[:count]]


def compare(label: str, expected: dict, actual: dict, keys: list[str]) -> None:
    problems = []
    for key in keys:
        want, got = expected.get(key), actual.get(key)
        if isinstance(want, dict) and isinstance(got, dict):
            # Keys whose pairs are all 0 may be left out by one side (modes without travellers).
            def nonzero(d):
                return {k: v for k, v in d.items() if v not in ([0, 0], 0)}
            if nonzero(want) != nonzero(got):
                missing = sorted(set(nonzero(want)) ^ set(nonzero(got)))[:5]
                different = [k for k in want if k in got and want[k] != got[k]][:5]
                problems.append(f"{key}: keys only on one side {missing}, different "
                                + ", ".join(f"{k} {want[k]} vs {got[k]}" for k in different))
        elif want != got:
            problems.append(f"{key}: {want} vs {got}")
    if problems:
        raise Mismatch(f"MISMATCH {label}:\n  " + "\n  ".join(problems))


HEADLINE_KEYS = ["incoming", "outgoing", "men", "minors", "by_fmp", "by_transport_mode"]


def check(size: int, task: str, results: dict[str, dict]) -> None:
    reference = results["duckdb"]
    if task == "headline":
        for engine in ENGINES[1:]:
            compare(f"{size} rows, headline: duckdb vs {engine}", reference, results[engine],
                    [*HEADLINE_KEYS, "groups"])
        compare(f"{size} rows, headline: duckdb vs dtm-report", reference, results["dtm-report"], HEADLINE_KEYS)
        return
    keys = ["incoming", "outgoing", "men", "minors", "uac", "by_fmp", "by_transport_mode", "by_nationality", "daily"]
    if task == "monthly":
        keys.append("previous")
    for engine in ENGINES[1:]:
        compare(f"{size} rows, {task}: duckdb vs {engine}", reference, results[engine],
                [*keys, "rows", "by_destination"])
    report = results["dtm-report"]
    compare(f"{size} rows, {task}: duckdb vs dtm-report", reference, report, keys)
    wanted = top_destinations(reference["by_destination"])
    if report["top_destinations"] != wanted:
        raise Mismatch(f"MISMATCH {size} rows, {task}: top_destinations {wanted} (duckdb) vs "
                       f"{report['top_destinations']} (dtm-report)")


# --- machine -----------------------------------------------------------------------------------

def machine(binary: Path, repo: Path) -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    system = platform.platform()
    try:
        release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
        system = f"{release.get('PRETTY_NAME', '').strip(chr(34))}, kernel {platform.release()}"
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import duckdb
    import numpy
    import pandas
    import polars
    commit = output(["git", "rev-parse", "--short", "HEAD"], cwd=repo)
    dirty = output(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo)
    # SwiftPM puts a build in a folder named after its configuration (release, debug).
    configuration = binary.resolve().parent.name
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores ({usable} usable)",
        f"- Memory: {memory}",
        f"- OS: {system}",
        f"- Swift: {output(['swift', '--version']).splitlines()[0]}",
        f"- dtm-report: {output([str(binary), '--version'])}, {configuration} build of commit {commit}"
        + (" with uncommitted changes" if dirty else ""),
        f"- Python {platform.python_version()}: duckdb {duckdb.__version__}, polars {polars.__version__}, "
        f"pandas {pandas.__version__}, numpy {numpy.__version__}",
    ]


# --- main --------------------------------------------------------------------------------------

def sizes(text: str) -> list[int]:
    values = [int(v.replace("_", "")) for v in text.split(",") if v.strip()]
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("sizes: positive row counts separated by commas")
    return values


def rows_label(rows: int) -> str:
    for unit, name in ((1_000_000, "M"), (1_000, "k")):
        if rows >= unit and rows % unit == 0:
            return f"{rows // unit}{name}"
    return str(rows)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description="Times dtm-report against DuckDB, polars and pandas.")
    parser.add_argument("--bin", required=True, type=Path, help="the dtm-report binary (a release build, but for checks)")
    parser.add_argument("--repo", required=True, type=Path, help="the repository's root")
    parser.add_argument("--sizes", type=sizes, default=[1_000_000, 2_000_000, 10_000_000],
                        help="data rows, comma-separated (default 1000000,2000000,10000000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool and task (default 5)")
    parser.add_argument("--seed", type=int, default=42, help="generator seed (default 42)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    binary, repo, python = args.bin.resolve(), args.repo.resolve(), sys.executable

    run_help = output([str(binary), "run", "--help"])
    quiet = ["--quiet"] if "--quiet" in run_help else []
    WORK.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="dtm-bench-"))
    measures: dict[tuple[int, str, str], Measure] = {}
    internal: dict[tuple[int, str, str], list[float]] = {}
    reader: dict[int, dict] = {}
    periods: dict[int, str] = {}
    # An unknown subcommand with --help prints the main help and exits 0: look for its own usage line.
    probe = subprocess.run([str(binary), "scan-input", "--help"], capture_output=True, text=True)
    scan = probe.returncode == 0 and "dtm-report scan-input" in probe.stdout
    try:
        for rows in args.sizes:
            data = data_file(rows, args.seed, python)
            first, last = date_range(data)
            month_first, month_last = month_bounds(last)
            previous_first, previous_last = month_bounds(month_first - dt.timedelta(days=1))
            period = month_first.strftime("%Y-%m")
            periods[rows] = period
            folder = project(rows, data, first, repo)
            config = folder / "reports.yaml"
            log(f"validate: {config.relative_to(HERE)} for {period}")
            subprocess.run([str(binary), "validate", "--config", str(config), "--period", period], check=True,
                           stdout=subprocess.DEVNULL)
            windows = {
                "monthly": ["--from", month_first.isoformat(), "--to", month_last.isoformat(),
                            "--previous-from", previous_first.isoformat(), "--previous-to", previous_last.isoformat()],
                "cumulative": ["--from", first.isoformat(), "--to", month_last.isoformat()],
            }
            for task in TASKS:
                # The headline task's dtm-report run is the cumulative snapshot itself: its window,
                # from the first day of the data to the end of its last month, is the whole file,
                # which the engines' headline query reads.
                report_id = MONTHLY_ID if task == "monthly" else CUMULATIVE_ID
                commands: dict[str, tuple[list[str], Path]] = {}
                for tool in TOOLS:
                    out = scratch / f"{rows}-{task}-{tool}"
                    if tool == "dtm-report":
                        commands[tool] = ([str(binary), "run", "--config", str(config), "--report", report_id,
                                           "--period", period, "--out", str(out), *quiet],
                                          out / period / report_id / "report.json")
                    elif task == "headline":
                        commands[tool] = ([python, str(HERE / "engines" / f"headline_{tool}.py"), str(data),
                                           "--json", str(out) + ".json"], Path(str(out) + ".json"))
                    else:
                        commands[tool] = ([python, str(HERE / "engines" / f"bench_{tool}.py"), str(data),
                                           *windows[task], "--json", str(out) + ".json"], Path(str(out) + ".json"))
                # Warm-up run: fills the page cache, and its results are checked.
                results = {}
                for tool in TOOLS:
                    command, result = commands[tool]
                    log(f"{rows_label(rows)} {task} {tool}: warm-up")
                    timed(command)
                    results[tool] = (from_report(result) if tool == "dtm-report"
                                     else json.loads(result.read_text(encoding="utf-8")))
                check(rows, task, results)
                log(f"{rows_label(rows)} {task}: the four tools agree "
                    f"(incoming {results['duckdb']['incoming']}, outgoing {results['duckdb']['outgoing']}"
                    + (f", {len(results['duckdb']['groups'])} groups)" if task == "headline"
                       else f", {results['duckdb']['rows']} rows in the window)"))
                # The tools take turns, run after run, so that a change in the machine's load
                # affects all of them alike.
                for run in range(args.runs):
                    log(f"{rows_label(rows)} {task}: run {run + 1} of {args.runs}")
                    for tool in TOOLS:
                        command, result = commands[tool]
                        seconds, rss = timed(command)
                        measure = measures.setdefault((rows, task, tool), Measure())
                        measure.seconds.append(seconds)
                        measure.rss_kib.append(rss)
                        if tool != "dtm-report":
                            internal.setdefault((rows, task, tool), []).append(
                                json.loads(result.read_text(encoding="utf-8"))["seconds"])
                for tool in TOOLS:
                    measure = measures[(rows, task, tool)]
                    log(f"{rows_label(rows)} {task} {tool}: median {measure.median:.3f} s, "
                        f"peak RSS {measure.peak_mb:.0f} MB")
            if scan:
                samples = []
                for _ in range(args.runs + 1):
                    text = subprocess.run([str(binary), "scan-input", str(data), "--plugin", "flow-monitoring",
                                           "--input", "observations", "--threads", "1"],
                                          capture_output=True, text=True, check=True).stdout
                    samples.append(json.loads(text))
                samples = samples[1:]  # the first one warms the cache
                reader[rows] = {
                    "bytes": samples[0]["bytes"], "rows": samples[0]["rows"],
                    "seconds": statistics.median(s["seconds"] for s in samples),
                    "threads": samples[0].get("threads", 1),
                }
                if samples[0]["rows"] != rows:
                    log(f"warning: scan-input counted {samples[0]['rows']} rows, the file has {rows} data rows")

        # The shipped monthly run on the sample data, from the repository's root.
        sample = Measure()
        sample_out = scratch / "sample"
        timed([str(binary), "run", "--out", str(sample_out), *quiet], cwd=repo)
        for _ in range(args.runs):
            seconds, rss = timed([str(binary), "run", "--out", str(sample_out), *quiet], cwd=repo)
            sample.seconds.append(seconds)
            sample.rss_kib.append(rss)
    except Mismatch as error:
        log(str(error))
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    text = report(args, binary, repo, measures, internal, reader, periods, sample, scan)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    log(f"written to {(RESULTS / 'latest.md').relative_to(HERE.parent)}")
    return 0


TASK_NAMES = {"monthly": "monthly", "cumulative": "cumulative", "headline": "headline (cumulative snapshot)"}


def task_label(task: str, period: str) -> str:
    if task == "monthly":
        return f"monthly {period}"
    if task == "cumulative":
        return f"cumulative to {period}"
    return "headline: cumulative snapshot vs one group-by"


def report(args, binary, repo, measures, internal, reader, periods, sample, scan) -> str:
    lines = [f"## Results ({dt.date.today().isoformat()})", "", *machine(binary, repo), "",
             f"Median of {args.runs} runs after a warm-up run (file in the page cache); wall time of each "
             "process, start to exit, with the fastest and slowest run next to it; peak RSS is the largest `ru_maxrss` of the runs. The engines' times "
             "include starting Python and importing the library (the figure in brackets is the time the "
             "script measures itself, from the read to the last aggregation). In the headline task "
             "dtm-report's run is the cumulative snapshot (every figure and table of the report, written "
             "in two languages); the engines' is one group-by of direction × transport mode × FMP.", ""]
    lines += ["| rows | task | tool | wall time (s) | fastest–slowest run (s) | peak RSS (MB) |",
              "|---:|---|---|---:|---:|---:|"]
    for rows in args.sizes:
        for task in TASKS:
            for tool in TOOLS:
                m = measures[(rows, task, tool)]
                inside = internal.get((rows, task, tool))
                extra = f" ({statistics.median(inside):.3f})" if inside else ""
                lines.append(f"| {rows_label(rows)} | {task_label(task, periods[rows])} | {tool} | {m.median:.3f}{extra} | "
                             f"{min(m.seconds):.3f}–{max(m.seconds):.3f} | {m.peak_mb:.0f} |")
    lines += ["", "Ratios of wall times: dtm-report ÷ the faster of DuckDB and polars (below 1: dtm-report is "
              "faster), and pandas ÷ dtm-report (above 1: dtm-report is faster).", "",
              "| rows | task | dtm-report ÷ fastest of DuckDB/polars | pandas ÷ dtm-report |", "|---:|---|---:|---:|"]

    def versus_fastest(rows: int, task: str) -> float:
        dtm = measures[(rows, task, "dtm-report")].median
        fastest = min(measures[(rows, task, e)].median for e in ("duckdb", "polars"))
        return dtm / fastest if fastest else float("inf")

    for rows in args.sizes:
        for task in TASKS:
            dtm = measures[(rows, task, "dtm-report")].median
            lines.append(f"| {rows_label(rows)} | {TASK_NAMES[task]} | {versus_fastest(rows, task):.2f} | "
                         f"{ratio(measures[(rows, task, 'pandas')].median, dtm)} |")
    lines.append("")
    ordered = sorted(args.sizes)
    small, large = ordered[0], ordered[-1]

    def scaling(task: str) -> float:
        """Time per row at the largest size ÷ time per row at the smallest (1: linear)."""
        r = measures[(large, task, "dtm-report")].median / measures[(small, task, "dtm-report")].median
        return r / (large / small)

    if len(ordered) > 1:
        for task in TASKS[:2]:
            r = measures[(large, task, "dtm-report")].median / measures[(small, task, "dtm-report")].median
            lines.append(f"- scaling, dtm-report {task}, {rows_label(large)} ÷ {rows_label(small)} time: {r:.2f} "
                         f"(rows × {large / small:g}; time per row × {scaling(task):.2f})")
    lines.append(f"- shipped monthly run on the sample data (`dtm-report run` at the repository's root): "
                 f"{sample.median:.3f} s, peak RSS {sample.peak_mb:.0f} MB")
    if reader:
        for rows, r in sorted(reader.items()):
            rate = r["bytes"] / r["seconds"] / 1e6 / r["threads"]
            lines.append(f"- reader throughput ({rows_label(rows)} rows, `scan-input --threads {r['threads']}`): "
                         f"{rate:.0f} MB/s per core ({r['bytes'] / 1e6:.0f} MB in {r['seconds']:.3f} s, "
                         f"{r['seconds'] / r['rows'] * 1e9:.0f} ns a row)")
    else:
        lines.append("- reader throughput: not available (this build has no `dtm-report scan-input`)")

    # Targets: for each of the target sizes that was run, else for the largest size run.
    lines += ["", "| target | measured | |", "|---|---|---|"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "missed"

    judged = [rows for rows in TARGET_SIZES if rows in args.sizes] or [large]
    for rows in judged:
        at = "" if rows in TARGET_SIZES else " (the target is for 2M and 10M)"
        for task in TASKS:
            r = versus_fastest(rows, task)
            lines.append(f"| {rows_label(rows)} {TASK_NAMES[task]}: dtm-report ≤ 0.5 × fastest of DuckDB/polars | "
                         f"{r:.2f}{at} | {verdict(r <= 0.5)} |")
    dtm = measures[(large, "cumulative", "dtm-report")].median
    pandas = measures[(large, "cumulative", "pandas")].median
    at = "" if large == 10_000_000 else f" (at {rows_label(large)}; the target is for 10M)"
    lines.append(f"| 10M cumulative: pandas ≥ 5 × dtm-report | {ratio(pandas, dtm)}{at} | {verdict(pandas >= 5 * dtm)} |")
    peak = max(m.peak_mb for (rows, task, tool), m in measures.items() if tool == "dtm-report")
    peak = max(peak, sample.peak_mb)
    lines.append(f"| dtm-report peak RSS < 100 MB at every size | {peak:.0f} MB | {verdict(peak < 100)} |")
    if reader:
        rate = min(r["bytes"] / r["seconds"] / 1e6 / r["threads"] for r in reader.values())
        lines.append(f"| reader ≥ {READER_TARGET} MB/s per core | {rate:.0f} MB/s | {verdict(rate >= READER_TARGET)} |")
    else:
        lines.append(f"| reader ≥ {READER_TARGET} MB/s per core | not available | not measured |")
    if 1_000_000 in args.sizes and 10_000_000 in args.sizes:
        worst = max(measures[(10_000_000, t, "dtm-report")].median / measures[(1_000_000, t, "dtm-report")].median
                    for t in TASKS[:2])
        lines.append(f"| 10M time ≤ 11 × 1M time (both tasks) | {worst:.2f} × | {verdict(worst <= 11)} |")
    elif len(ordered) > 1:
        worst = max(scaling(t) for t in TASKS[:2])
        lines.append(f"| time per row at {rows_label(large)} ≤ 1.1 × at {rows_label(small)} (both tasks; the target is "
                     f"10M ≤ 11 × 1M) | {worst:.2f} × | {verdict(worst <= 1.1)} |")
    else:
        lines.append("| 10M time ≤ 11 × 1M time (both tasks) | not measured (needs sizes 1M and 10M) | not measured |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
