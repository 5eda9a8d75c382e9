#!/usr/bin/env python3
"""Flow monitoring figures with pandas: one read_csv (default C parser), then groupby."""

import time

import pandas as pd

from common import COLUMNS, COUNTS, arguments, pairs, write

USED = ["date", "fmp_code", "direction", "destination_country", "nationality", "transport_mode", *COUNTS, "uac"]
DTYPES = {name: "int64" for name in COUNTS}
DTYPES.update(uac="Int64", date=str, fmp_code=str, direction=str, destination_country=str,
              nationality=str, transport_mode=str)


def main() -> None:
    args = arguments("pandas")
    started = time.perf_counter()
    # skiprows=[1]: the HXL row. Dates stay text: YYYY-MM-DD compares as the calendar does.
    # uac is the nullable Int64: an empty cell reads as <NA>. Only the columns used are kept.
    frame = pd.read_csv(args.csv, skiprows=[1], usecols=USED, dtype=DTYPES, keep_default_na=False,
                        na_values={"uac": [""]})
    assert list(pd.read_csv(args.csv, nrows=0).columns) == COLUMNS
    low = args.previous_from or args.first
    frame = frame[(frame["date"] >= low) & (frame["date"] <= args.last)]
    frame = frame.assign(ind=frame["adult_m"] + frame["adult_f"] + frame["child_m"] + frame["child_f"])
    in_window = frame["date"] >= args.first
    previous = frame[~in_window]
    w = frame[in_window]
    incoming = w["direction"] == "incoming"

    def by(column):
        return w.groupby([column, "direction"], sort=False)["ind"].sum()

    figures = {
        "engine": "pandas",
        "rows": int(len(w)),
        "incoming": int(w.loc[incoming, "ind"].sum()),
        "outgoing": int(w.loc[~incoming, "ind"].sum()),
        "men": int((w["adult_m"] + w["child_m"]).sum()),
        "minors": int((w["child_m"] + w["child_f"]).sum()),
        "uac": int(w["uac"].sum()),
    }
    groups = {name: by(column) for name, column in (("by_fmp", "fmp_code"), ("by_transport_mode", "transport_mode"),
                                                     ("by_nationality", "nationality"), ("daily", "date"))}
    destination = w.groupby("destination_country", sort=False)["ind"].sum()
    previous_sums = previous.groupby("direction")["ind"].sum()
    seconds = time.perf_counter() - started

    for name, series in groups.items():
        figures[name] = pairs((key, direction, value) for (key, direction), value in series.items())
    figures["by_destination"] = {code: int(total) for code, total in destination.items()}
    figures["previous"] = ([int(previous_sums.get("incoming", 0)), int(previous_sums.get("outgoing", 0))]
                           if args.previous_from else None)
    figures["seconds"] = seconds
    write(args.json, figures)


if __name__ == "__main__":
    main()
