"""What the three headline scripts share: their command line and the JSON they write.

The headline task is the query a user who knows the engine would write for the cumulative
snapshot's headline figures: one scan of the whole CSV grouped by direction × transport mode ×
FMP code, summing individuals (adult_m + adult_f + child_m + child_f), men (adult_m + child_m)
and minors (child_m + child_f). Each script writes the groups and the figures derived from them:

    {"engine": "polars", "groups": {"incoming|bus|GAO-01": [individuals, men, minors]},
     "incoming": 1, "outgoing": 2, "men": 3, "minors": 4,
     "by_fmp": {"GAO-01": [in, out]}, "by_transport_mode": {"bus": [in, out]}, "seconds": 0.12}

`seconds` is the time from the start of the read to the end of the aggregation, as the script
measures it; deriving the figures from the few hundred groups is outside it.
"""

import argparse
import json

# The columns the query reads, and the counts it adds up.
KEYS = ["direction", "transport_mode", "fmp_code"]
COUNTS = ["adult_m", "adult_f", "child_m", "child_f"]


def arguments(engine: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=f"The headline flow monitoring figures with {engine}.")
    parser.add_argument("csv")
    parser.add_argument("--json", required=True, help="file to write the figures to")
    return parser.parse_args()


def write(path: str, engine: str, rows, seconds: float) -> None:
    """`rows`: (direction, transport_mode, fmp_code, individuals, men, minors) for each group."""
    figures = {"engine": engine, "groups": {}, "incoming": 0, "outgoing": 0, "men": 0, "minors": 0,
               "by_fmp": {}, "by_transport_mode": {}}
    for direction, mode, fmp, individuals, men, minors in rows:
        individuals, men, minors = int(individuals), int(men), int(minors)
        figures["groups"][f"{direction}|{mode}|{fmp}"] = [individuals, men, minors]
        side = 0 if direction == "incoming" else 1
        figures["incoming" if side == 0 else "outgoing"] += individuals
        figures["men"] += men
        figures["minors"] += minors
        for name, key in (("by_fmp", fmp), ("by_transport_mode", mode)):
            figures[name].setdefault(str(key), [0, 0])[side] += individuals
    figures["seconds"] = seconds
    with open(path, "w", encoding="utf-8") as f:
        json.dump(figures, f, sort_keys=True)
