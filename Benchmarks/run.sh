#!/usr/bin/env bash
# Compares dtm-report with DuckDB, polars and pandas on flow monitoring aggregations.
# Usage: Benchmarks/run.sh [--sizes 1000000,10000000] [--runs 5] [--seed 42] [--workbook-rows 1000000]
#                          [--skip-build | --binary PATH]
# See Benchmarks/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

build=1
binary=""
args=()
workbook_rows=1000000
expect=""
for arg in "$@"; do
    case "$expect" in
        rows) workbook_rows="$arg"; expect=""; continue ;;
        binary) binary="$arg"; expect=""; continue ;;
    esac
    case "$arg" in
        --skip-build) build=0 ;;
        # Another build of dtm-report (CI passes its debug build: at a small size the run checks
        # that the tools agree, and a release build would only add minutes).
        --binary) build=0; expect=binary ;;
        --binary=*) build=0; binary="${arg#*=}" ;;
        --workbook-rows) expect=rows ;;
        --workbook-rows=*) workbook_rows="${arg#*=}" ;;
        -h|--help)
            sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
            exit 0 ;;
        *) args+=("$arg") ;;
    esac
done

python="${PYTHON:-}"
if [ -z "$python" ]; then
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
    done
fi
[ -n "$python" ] || { echo "run.sh: no python3 found (set PYTHON=...)" >&2; exit 1; }

venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    echo "venv: creating Benchmarks/.venv" >&2
    "$python" -m venv "$venv"
fi
stamp="$venv/.requirements"
if ! cmp -s "$here/requirements.txt" "$stamp" 2>/dev/null; then
    echo "venv: installing Benchmarks/requirements.txt from PyPI" >&2
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$stamp"
fi

cd "$repo"
if [ "$build" = 1 ]; then
    echo "build: swift build -c release --product dtm-report" >&2
    swift build -c release --product dtm-report >&2
fi
if [ -n "$binary" ]; then
    bin="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
    [ -x "$bin" ] || { echo "run.sh: no dtm-report binary at $binary" >&2; exit 1; }
else
    bin="$(swift build -c release --show-bin-path)/dtm-report"
    [ -x "$bin" ] || { echo "run.sh: no release binary at $bin (run without --skip-build)" >&2; exit 1; }
fi

"$venv/bin/python" "$here/compare.py" --bin "$bin" --repo "$repo" ${args[@]+"${args[@]}"}

# One .xlsx sheet read by dtm-report, openpyxl (read-only) and pandas' read_excel, which must
# agree on every sum (Benchmarks/README.md, "Workbooks").
"$venv/bin/python" "$here/workbook.py" --bin "$bin" --rows "$workbook_rows" --runs 1
