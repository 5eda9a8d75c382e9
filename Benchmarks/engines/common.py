"""What the three engine scripts share: their command line and the JSON they write.

Each engine script reads the CSV once and writes, for the window `--from`..`--to` (and the month
`--previous-from`..`--previous-to` when given), the figures of a flow monitoring report:

    {"engine": "duckdb", "rows": 1234, "incoming": 1, "outgoing": 2, "men": 3, "minors": 4, "uac": 5,
     "by_fmp": {"GAO-01": [in, out]}, "by_transport_mode": {"bus": [in, out]},
     "by_nationality": {"NER": [in, out]}, "by_destination": {"DZA": total},
     "daily": {"2025-12-01": [in, out]}, "previous": [in, out] or null, "seconds": 0.12}

`rows` counts the rows of the window, `uac` adds up the unaccompanied children of the rows that
recorded them, and `seconds` is the time from the start of the read to the end of the last
aggregation, as the script measures it (the process's wall time, import included, is measured
from outside).
"""

import argparse
import json

# Every column of the file, in order; the HXL row (line 2) is skipped by each engine.
COLUMNS = ["date", "fmp_code", "fmp_name", "adm1_code", "adm1_name", "direction", "origin_country",
           "destination_country", "nationality", "transport_mode", "adult_m", "adult_f", "child_m",
           "child_f", "uac"]
COUNTS = ["adult_m", "adult_f", "child_m", "child_f"]


def arguments(engine: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=f"Flow monitoring figures with {engine}.")
    parser.add_argument("csv")
    parser.add_argument("--from", dest="first", required=True, help="first day of the window, YYYY-MM-DD")
    parser.add_argument("--to", dest="last", required=True, help="last day of the window, YYYY-MM-DD")
    parser.add_argument("--previous-from", help="first day of the previous month (monthly task)")
    parser.add_argument("--previous-to", help="last day of the previous month (monthly task)")
    parser.add_argument("--json", required=True, help="file to write the figures to")
    return parser.parse_args()


def pairs(rows) -> dict:
    """{key: [incoming, outgoing]} from (key, direction, individuals) rows."""
    result: dict = {}
    for key, direction, value in rows:
        pair = result.setdefault(str(key), [0, 0])
        pair[0 if direction == "incoming" else 1] += int(value)
    return result


def write(path: str, figures: dict) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(figures, f, sort_keys=True)
