#!/usr/bin/env python3
"""Flow monitoring figures with DuckDB: one read_csv scan, one GROUPING SETS query."""

import time

import duckdb

from common import COLUMNS, arguments, pairs, write

TYPES = {name: "VARCHAR" for name in COLUMNS}
TYPES.update(date="DATE", adult_m="BIGINT", adult_f="BIGINT", child_m="BIGINT", child_f="BIGINT", uac="BIGINT")


def main() -> None:
    args = arguments("DuckDB")
    started = time.perf_counter()
    low = args.previous_from or args.first
    columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in TYPES.items()) + "}"
    # header=false, skip=2: the header row and the HXL row; the column names and types are given.
    # An empty uac cell reads as NULL. Rows outside the window but in the previous month only
    # feed the `previous` group (w = false).
    query = f"""
        WITH t AS (
            SELECT date, fmp_code, direction, destination_country, nationality, transport_mode, uac,
                   adult_m + adult_f + child_m + child_f AS ind,
                   adult_m + child_m AS men, child_m + child_f AS minors,
                   date >= DATE '{args.first}' AS w
            FROM read_csv(?, header = false, skip = 2, delim = ',', quote = '"', columns = {columns})
            WHERE date BETWEEN DATE '{low}' AND DATE '{args.last}'
        )
        SELECT GROUPING(fmp_code, transport_mode, nationality, destination_country, date) AS g,
               w, direction, fmp_code, transport_mode, nationality, destination_country,
               strftime(date, '%Y-%m-%d') AS day,
               SUM(ind) AS ind, SUM(men) AS men, SUM(minors) AS minors, SUM(uac) AS uac, COUNT(*) AS n
        FROM t
        GROUP BY GROUPING SETS ((w, direction), (w, direction, fmp_code), (w, direction, transport_mode),
                                (w, direction, nationality), (w, destination_country), (w, direction, date))
    """
    result = duckdb.execute(query, [args.csv]).fetchall()
    seconds = time.perf_counter() - started

    figures = {"engine": "duckdb", "rows": 0, "incoming": 0, "outgoing": 0, "men": 0, "minors": 0, "uac": 0,
               "by_destination": {}, "previous": [0, 0] if args.previous_from else None}
    groups = {name: [] for name in ("by_fmp", "by_transport_mode", "by_nationality", "daily")}
    for g, w, direction, fmp, mode, nationality, destination, day, ind, men, minors, uac, n in result:
        if not w:
            if g == 0b11111 and direction is not None:
                figures["previous"][0 if direction == "incoming" else 1] += int(ind)
            continue
        if g == 0b11111 and direction is not None:  # (w, direction)
            figures["incoming" if direction == "incoming" else "outgoing"] += int(ind)
            figures["men"] += int(men)
            figures["minors"] += int(minors)
            figures["uac"] += int(uac or 0)
            figures["rows"] += int(n)
        elif g == 0b01111:
            groups["by_fmp"].append((fmp, direction, ind))
        elif g == 0b10111:
            groups["by_transport_mode"].append((mode, direction, ind))
        elif g == 0b11011:
            groups["by_nationality"].append((nationality, direction, ind))
        elif g == 0b11101:
            figures["by_destination"][destination] = int(ind)
        elif g == 0b11110:
            groups["daily"].append((day, direction, ind))
    for name, rows in groups.items():
        figures[name] = pairs(rows)
    figures["seconds"] = seconds
    write(args.json, figures)


if __name__ == "__main__":
    main()
