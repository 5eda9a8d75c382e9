#!/usr/bin/env python3
"""The headline figures with polars: one lazy scan_csv, one group_by."""

import time

import polars as pl

from common import COLUMNS
from headline import KEYS, arguments, write

SCHEMA = {name: pl.String for name in COLUMNS}
SCHEMA.update(date=pl.Date, adult_m=pl.Int64, adult_f=pl.Int64, child_m=pl.Int64, child_f=pl.Int64, uac=pl.Int64)


def main() -> None:
    args = arguments("polars")
    started = time.perf_counter()
    # skip_rows_after_header=1: the HXL row. The lazy scan reads only the columns used.
    frame = (
        pl.scan_csv(args.csv, schema=SCHEMA, skip_rows_after_header=1)
        .group_by(*KEYS)
        .agg(
            individuals=(pl.col("adult_m") + pl.col("adult_f") + pl.col("child_m") + pl.col("child_f")).sum(),
            men=(pl.col("adult_m") + pl.col("child_m")).sum(),
            minors=(pl.col("child_m") + pl.col("child_f")).sum(),
        )
        .collect()
    )
    write(args.json, "polars", frame.iter_rows(), time.perf_counter() - started)


if __name__ == "__main__":
    main()
