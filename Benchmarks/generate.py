#!/usr/bin/env python3
"""Writes a synthetic flow monitoring file (fmp_observations.csv) for the benchmarks.

The file has the columns and the HXL row of the flow-monitoring plugin's `observations` input:
one row per group of travellers counted at a flow monitoring point (FMP) on one day, for one
direction, route and transport mode. Rows are sorted by date, then FMP code. The output depends
only on --rows and --seed.

    python generate.py --rows 1000000 --out data/fmp_observations_1000000.csv --seed 42

Needs numpy. About 80 bytes a row: 10 million rows make about 800 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time

import numpy as np

HEADER = (
    "date,fmp_code,fmp_name,adm1_code,adm1_name,direction,origin_country,destination_country,"
    "nationality,transport_mode,adult_m,adult_f,child_m,child_f,uac\n"
    "#date,#loc+code,#loc+name,#adm1+code,#adm1+name,#x_direction,#country+code+origin,"
    "#country+code+dest,#country+code+nationality,#x_transport,#affected+ind+m+adults,"
    "#affected+ind+f+adults,#affected+ind+m+children,#affected+ind+f+children,"
    "#affected+ind+children+unaccompanied\n"
)

FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)

# Flow monitoring points: (code, name, region P-code, region name, relative traffic). Regions are
# written as OCHA's global P-code list writes them (vocabularies/pcodes/, and pcodes/ here for
# Guinea and Senegal), since dtm-report checks every region code against it.
FMPS = [
    # Mali
    ("GAO-01", "Gao", "ML07", "Gao", 9.0),
    ("GAO-02", "Ansongo", "ML07", "Gao", 2.0),
    ("MEN-01", "Ménaka", "ML10", "Ménaka", 3.0),
    ("BEN-01", "Benena", "ML04", "Ségou", 2.5),
    ("SEG-01", "San", "ML04", "Ségou", 1.5),
    ("TIM-01", "Tombouctou", "ML06", "Tombouctou", 2.0),
    ("KID-01", "Kidal", "ML08", "Kidal", 1.0),
    ("KAY-01", "Kayes", "ML01", "Kayes", 2.5),
    ("SIK-01", "Sikasso", "ML03", "Sikasso", 3.0),
    ("MOP-01", "Mopti", "ML05", "Mopti", 2.0),
    # Niger
    ("NIA-01", "Niamey", "NE008", "Niamey", 4.0),
    ("NIA-03", "Niamey Rive Droite", "NE008", "Niamey", 1.5),
    ("AGA-01", "Arlit", "NE001", "Agadez", 6.0),
    ("AGA-02", "Séguédine", "NE001", "Agadez", 3.5),
    ("TAH-01", "Tahoua", "NE005", "Tahoua", 2.0),
    ("MAG-01", "Magaria", "NE007", "Zinder", 2.5),
    ("DIF-01", "Diffa", "NE002", "Diffa", 1.5),
    # Burkina Faso
    ("OUA-01", "Ouagadougou", "BF13", "Centre", 3.0),
    ("FAD-01", "Fada N'Gourma", "BF52", "Est", 1.5),
    ("DJI-01", "Djibo", "BF56", "Sahel", 1.0),
    ("BOB-01", "Bobo-Dioulasso", "BF53", "Hauts-Bassins", 2.0),
    # Chad
    ("FAY-01", "Faya-Largeau", "TD02", "Borkou", 2.0),
    ("ZOU-01", "Zouar", "TD22", "Tibesti", 1.0),
    ("NDJ-01", "N'Djaména", "TD18", "N'Djamena", 2.5),
    # Guinea
    ("SIG-01", "Siguiri", "GN004", "Kankan", 1.5),
    ("LAB-01", "Labé", "GN006", "Labe", 1.0),
    ("BOK-01", "Boké", "GN001", "Boke", 0.8),
    # Mauritania
    ("NKC-01", "Nouakchott", "MR13", "Nouakchott Ouest", 1.5),
    ("NDB-01", "Nouadhibou", "MR08", "Dakhlet Nouadhibou", 2.0),
    ("NEM-01", "Néma", "MR01", "Hodh Chargui", 0.7),
    # Senegal
    ("TAM-01", "Tambacounda", "SN12", "Tambacounda", 2.0),
    ("KED-01", "Kédougou", "SN06", "Kedougou", 1.0),
    ("ROS-01", "Rosso", "SN10", "Saint-Louis", 1.5),
    # Nigeria
    ("KAN-01", "Kano", "NG020", "Kano", 3.0),
    ("SOK-01", "Illela", "NG034", "Sokoto", 1.5),
    ("MAI-01", "Maiduguri", "NG008", "Borno", 1.0),
]

# ISO3 codes by decreasing frequency (Zipf-like weights), OOO for unknown.
NATIONALITIES = ["NER", "MLI", "NGA", "GIN", "BFA", "TCD", "SEN", "CIV", "GMB", "CMR",
                 "GHA", "MRT", "SDN", "TGO", "BEN", "SLE", "GNB", "LBR", "DZA", "LBY"]
DESTINATIONS = ["DZA", "LBY", "NER", "MLI", "NGA", "BFA", "CIV", "TCD", "SEN", "GIN",
                "MAR", "MRT", "GHA", "TUN", "ESP", "ITA", "CMR", "TGO", "BEN", "FRA"]
ORIGINS = ["MLI", "NER", "NGA", "BFA", "GIN", "CIV", "TCD", "SEN", "DZA", "LBY",
           "GMB", "CMR", "GHA", "MRT", "TGO", "BEN", "SDN", "SLE", "GNB", "LBR"]
UNKNOWN = "OOO"
UNKNOWN_SHARE = 0.03

MODES = ["bus", "truck", "car", "motorcycle", "tricycle", "foot", "boat", "other"]
MODE_WEIGHTS = [0.34, 0.27, 0.14, 0.12, 0.04, 0.05, 0.02, 0.02]

BLOCK_ROWS = 500_000


def zipf_weights(n: int, s: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** s
    return weights / weights.sum()


def country_choices(rng: np.random.Generator, codes: list[str], s: float, size: int) -> np.ndarray:
    """Indices into codes + [OOO]: Zipf-like over codes, OOO with UNKNOWN_SHARE."""
    weights = np.append(zipf_weights(len(codes), s) * (1 - UNKNOWN_SHARE), UNKNOWN_SHARE)
    return rng.choice(len(codes) + 1, size=size, p=weights)


def small_counts(rng: np.random.Generator, size: int, mu: float, sigma: float, zero: float) -> np.ndarray:
    """Skewed non-negative counts: log-normal, rounded down, a share of them 0, at most 999."""
    values = np.floor(rng.lognormal(mu, sigma, size)).astype(np.int64)
    values[rng.random(size) < zero] = 0
    return np.minimum(values, 999)


def generate(rows: int, out: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    days = (LAST_DAY - FIRST_DAY).days + 1
    day_strings = np.array([(FIRST_DAY + dt.timedelta(d)).isoformat() for d in range(days)], dtype=object)

    # Rows per day: a slow upward trend with a seasonal swing (more travel in the dry season),
    # drawn as one multinomial so that the total is exactly `rows`.
    t = np.arange(days)
    day_of_year = np.array([(FIRST_DAY + dt.timedelta(int(d))).timetuple().tm_yday for d in t])
    intensity = (1 + 0.6 * t / days) * (1 + 0.35 * np.cos(2 * np.pi * (day_of_year - 45) / 365.25))
    per_day = rng.multinomial(rows, intensity / intensity.sum())

    # Each row's FMP, weighted by traffic; rows sorted by (day, FMP code).
    order = sorted(range(len(FMPS)), key=lambda i: FMPS[i][0])
    fmps = [FMPS[i] for i in order]
    fmp_weights = np.array([f[4] for f in fmps])
    fmp_weights /= fmp_weights.sum()
    fmp_strings = np.array([f"{c},{n},{a},{an}" for c, n, a, an, _ in fmps], dtype=object)

    numbers = np.array([str(i) for i in range(1000)], dtype=object)
    uac_strings = np.append(numbers, "")  # index 1000: not recorded
    directions = np.array(["incoming", "outgoing"], dtype=object)
    nationalities = np.array(NATIONALITIES + [UNKNOWN], dtype=object)
    destinations = np.array(DESTINATIONS + [UNKNOWN], dtype=object)
    origins = np.array(ORIGINS + [UNKNOWN], dtype=object)
    modes = np.array(MODES, dtype=object)
    mode_p = np.array(MODE_WEIGHTS) / sum(MODE_WEIGHTS)

    day_of_row = np.repeat(np.arange(days, dtype=np.int64), per_day)
    fmp_of_row = rng.choice(len(fmps), size=rows, p=fmp_weights)
    key = np.sort(day_of_row * len(fmps) + fmp_of_row)
    del day_of_row, fmp_of_row

    tmp = out + ".part"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for start in range(0, rows, BLOCK_ROWS):
            k = key[start:start + BLOCK_ROWS]
            n = len(k)
            day = k // len(fmps)
            fmp = k % len(fmps)
            direction = (rng.random(n) < 0.47).astype(np.int64)  # slightly more incoming
            nationality = country_choices(rng, NATIONALITIES, 1.1, n)
            # Origin: the nationality's country for most groups, else its own skewed draw.
            origin_codes = origins[country_choices(rng, ORIGINS, 1.2, n)]
            same = rng.random(n) < 0.6
            origin_codes[same] = nationalities[nationality[same]]
            destination = country_choices(rng, DESTINATIONS, 1.0, n)
            mode = rng.choice(len(MODES), size=n, p=mode_p)
            adult_m = small_counts(rng, n, 1.4, 1.1, 0.04)
            adult_f = small_counts(rng, n, 0.2, 1.0, 0.45)
            child_m = small_counts(rng, n, 0.0, 0.9, 0.55)
            child_f = small_counts(rng, n, -0.2, 0.9, 0.6)
            uac = np.minimum(rng.poisson(0.4, n), 999)
            uac[rng.random(n) < 0.3] = 1000

            columns = [
                day_strings[day], fmp_strings[fmp], directions[direction], origin_codes,
                destinations[destination], nationalities[nationality], modes[mode],
                numbers[adult_m], numbers[adult_f], numbers[child_m], numbers[child_f], uac_strings[uac],
            ]
            f.write("\n".join(map(",".join, zip(*(c.tolist() for c in columns)))))
            f.write("\n")
    os.replace(tmp, out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="data rows to write (default 1000000)")
    parser.add_argument("--out", default="fmp_observations.csv", help="file to write (default fmp_observations.csv)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    args = parser.parse_args()
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    started = time.perf_counter()
    generate(args.rows, args.out, args.seed)
    size = os.path.getsize(args.out)
    print(f"wrote {args.out}: {args.rows} rows, {size / 1e6:.1f} MB ({size / args.rows:.1f} bytes a row) "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
