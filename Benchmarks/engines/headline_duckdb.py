#!/usr/bin/env python3
"""The headline figures with DuckDB on 2 threads: one read_csv scan, one GROUP BY."""

import time

import duckdb

from common import COLUMNS
from headline import arguments, write

TYPES = {name: "VARCHAR" for name in COLUMNS}
TYPES.update(date="DATE", adult_m="BIGINT", adult_f="BIGINT", child_m="BIGINT", child_f="BIGINT", uac="BIGINT")


def main() -> None:
    args = arguments("DuckDB")
    started = time.perf_counter()
    connection = duckdb.connect(config={"threads": 2})
    columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in TYPES.items()) + "}"
    # header=false, skip=2: the header row and the HXL row; DuckDB reads only the columns used.
    rows = connection.execute(f"""
        SELECT direction, transport_mode, fmp_code,
               SUM(adult_m + adult_f + child_m + child_f), SUM(adult_m + child_m), SUM(child_m + child_f)
        FROM read_csv(?, header = false, skip = 2, delim = ',', quote = '"', columns = {columns})
        GROUP BY direction, transport_mode, fmp_code
    """, [args.csv]).fetchall()
    write(args.json, "duckdb", rows, time.perf_counter() - started)


if __name__ == "__main__":
    main()
