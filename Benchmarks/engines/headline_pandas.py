#!/usr/bin/env python3
"""The headline figures with pandas: read_csv of the columns used (default C parser), one groupby."""

import time

import pandas as pd

from headline import COUNTS, KEYS, arguments, write


def main() -> None:
    args = arguments("pandas")
    started = time.perf_counter()
    # skiprows=[1]: the HXL row. usecols: only the columns the query reads are kept.
    frame = pd.read_csv(args.csv, skiprows=[1], usecols=[*KEYS, *COUNTS],
                        dtype={**{name: str for name in KEYS}, **{name: "int64" for name in COUNTS}},
                        keep_default_na=False)
    frame = frame.assign(
        individuals=frame["adult_m"] + frame["adult_f"] + frame["child_m"] + frame["child_f"],
        men=frame["adult_m"] + frame["child_m"],
        minors=frame["child_m"] + frame["child_f"],
    )
    sums = frame.groupby(KEYS, sort=False)[["individuals", "men", "minors"]].sum()
    seconds = time.perf_counter() - started
    write(args.json, "pandas", ((*key, *values) for key, values in zip(sums.index, sums.itertuples(index=False))),
          seconds)


if __name__ == "__main__":
    main()
