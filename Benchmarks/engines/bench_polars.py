#!/usr/bin/env python3
"""Flow monitoring figures with polars: one lazy scan_csv, the aggregations collected together."""

import time

import polars as pl

from common import COLUMNS, arguments, pairs, write

SCHEMA = {name: pl.String for name in COLUMNS}
SCHEMA.update(date=pl.Date, adult_m=pl.Int64, adult_f=pl.Int64, child_m=pl.Int64, child_f=pl.Int64, uac=pl.Int64)


def main() -> None:
    args = arguments("polars")
    started = time.perf_counter()
    first, last = pl.lit(args.first).str.to_date(), pl.lit(args.last).str.to_date()
    low = pl.lit(args.previous_from or args.first).str.to_date()
    # skip_rows_after_header=1: the HXL row. An empty uac cell reads as null.
    scan = (
        pl.scan_csv(args.csv, schema=SCHEMA, skip_rows_after_header=1)
        .filter(pl.col("date").is_between(low, last))
        .with_columns(
            ind=pl.col("adult_m") + pl.col("adult_f") + pl.col("child_m") + pl.col("child_f"),
            w=pl.col("date") >= first,
        )
    )
    window = scan.filter(pl.col("w"))
    queries = [
        window.select(
            incoming=pl.col("ind").filter(pl.col("direction") == "incoming").sum(),
            outgoing=pl.col("ind").filter(pl.col("direction") != "incoming").sum(),
            men=(pl.col("adult_m") + pl.col("child_m")).sum(),
            minors=(pl.col("child_m") + pl.col("child_f")).sum(),
            uac=pl.col("uac").sum(),
            rows=pl.len(),
        ),
        window.group_by("fmp_code", "direction").agg(pl.col("ind").sum()),
        window.group_by("transport_mode", "direction").agg(pl.col("ind").sum()),
        window.group_by("nationality", "direction").agg(pl.col("ind").sum()),
        window.group_by("destination_country").agg(pl.col("ind").sum()),
        window.group_by("date", "direction").agg(pl.col("ind").sum()),
        scan.filter(~pl.col("w")).group_by("direction").agg(pl.col("ind").sum()),
    ]
    totals, fmp, mode, nationality, destination, daily, previous = pl.collect_all(queries)
    seconds = time.perf_counter() - started

    figures = {name: int(value or 0) for name, value in totals.row(0, named=True).items()}
    figures["engine"] = "polars"
    figures["by_fmp"] = pairs(fmp.iter_rows())
    figures["by_transport_mode"] = pairs(mode.iter_rows())
    figures["by_nationality"] = pairs(nationality.iter_rows())
    figures["by_destination"] = {code: int(total) for code, total in destination.iter_rows()}
    figures["daily"] = pairs((day.isoformat(), direction, ind) for day, direction, ind in daily.iter_rows())
    if args.previous_from:
        by_direction = dict(previous.iter_rows())
        figures["previous"] = [int(by_direction.get("incoming", 0)), int(by_direction.get("outgoing", 0))]
    else:
        figures["previous"] = None
    figures["seconds"] = seconds
    write(args.json, figures)


if __name__ == "__main__":
    main()
