#!/usr/bin/env python3
"""Deterministic NYC-yellow-taxi-like CSV generator (numpy vectorised, chunked).

Usage:  python gen_taxi.py N_ROWS OUT.csv [--seed 42] [--chunk 1000000]

Columns (header row, comma separated, no quoting, blank = missing):
  vendor_id, pickup_datetime, dropoff_datetime, passenger_count (~3% blank),
  trip_distance, pickup_zone (260 canonical zones, Zipf-ish frequencies, ~10% of
  values dirty: stray leading/trailing whitespace, UPPER or lower case),
  payment_type (credit/cash/unknown/blank), fare_amount (~0.5% negative,
  ~0.1% zero), tip_amount, tolls_amount, surcharge, total_amount,
  store_and_fwd_flag (N/Y/blank).
Exact duplicate rows: 1% of the rows of every chunk are overwritten with copies of
other rows (about 20% of those copies come from the previous chunk, so duplicates
cross partition boundaries).

The output is a pure function of (N_ROWS, seed, chunk): same arguments -> same bytes.

Origin: the team's shared benchmark kit (``bench/gen_taxi.py`` beside the corpus; it carries no
licence header), copied here unchanged apart from this paragraph so that the repository holds the
data its benchmarks and their reference figures (tests/benchmarks/README.md, "Benchmark data")
are measured on. Keep the output byte-identical: any change to what it writes invalidates every
figure in that README.
"""
import argparse
import time

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

_NEIGH = [
    "Astoria", "Bay Ridge", "Bedford", "Bensonhurst", "Boerum Hill", "Borough Park",
    "Brighton Beach", "Brownsville", "Bushwick", "Canarsie", "Carroll Gardens",
    "Chelsea", "Chinatown", "Clinton", "Cobble Hill", "Crown Heights", "Dumbo",
    "East Flatbush", "East Harlem", "East Village", "Elmhurst", "Flatbush",
    "Flushing", "Forest Hills", "Fort Greene", "Gramercy", "Greenpoint",
    "Greenwich Village", "Harlem", "Hells Kitchen", "Inwood", "Jackson Heights",
    "Jamaica", "Kips Bay", "Long Island City", "Lower East Side", "Midtown",
    "Morningside", "Murray Hill", "Park Slope", "Red Hook", "Ridgewood",
    "Soho", "Sunnyside", "Tribeca", "Upper East Side", "Upper West Side",
    "Washington Heights", "Williamsburg", "Yorkville", "Sunset Park", "Woodside",
]
_SUFFIX = ["", " North", " South", " East", " West"]


def zone_names():
    names = [n + s for n in _NEIGH for s in _SUFFIX]  # 52 * 5 = 260
    assert len(names) == 260 and len(set(names)) == 260
    return names


def _variants(names):
    """5 spellings of every zone: canonical, ' lead', 'trail  ', UPPER, lower."""
    v = np.empty((len(names), 5), dtype=object)
    for i, n in enumerate(names):
        v[i] = [n, " " + n, n + "  ", n.upper(), n.lower()]
    return v


def gen_chunk(rng, n, zone_var, t0):
    nz = zone_var.shape[0]
    # Zipf-ish zone popularity
    w = 1.0 / np.arange(1, nz + 1) ** 0.9
    w /= w.sum()
    zone = rng.choice(nz, size=n, p=w)
    variant = rng.choice(5, size=n, p=[0.90, 0.03, 0.03, 0.02, 0.02])
    pickup_zone = zone_var[zone, variant]

    vendor = rng.choice(np.array([1, 2], dtype=np.int8), size=n, p=[0.3, 0.7])
    pick = t0 + rng.integers(0, 31 * 24 * 3600, size=n)
    dur_s = np.maximum(30, (np.exp(rng.normal(2.4, 0.6, size=n)) * 60).astype(np.int64))
    drop = pick + dur_s
    dur_min = dur_s / 60.0
    speed = rng.uniform(0.12, 0.40, size=n)  # miles / minute
    dist = np.round(dur_min * speed, 2)

    pc = rng.choice(np.arange(7), size=n, p=[0.02, 0.70, 0.14, 0.05, 0.03, 0.04, 0.02])
    pc_null = rng.random(n) < 0.03

    pay_idx = rng.choice(4, size=n, p=[0.70, 0.25, 0.02, 0.03])  # credit cash unknown blank
    pay_vals = np.array(["credit", "cash", "unknown", None], dtype=object)
    payment = pay_vals[pay_idx]

    fare = np.round(3.0 + 2.5 * dist + 0.5 * dur_min + rng.normal(0, 1.0, size=n), 2)
    fare = np.maximum(fare, 3.0)
    u = rng.random(n)
    fare = np.where(u < 0.005, -fare, fare)  # ~0.5% negative (refund/dispute)
    fare = np.where((u >= 0.005) & (u < 0.006), 0.0, fare)  # ~0.1% zero
    tip_rate = np.where(rng.random(n) < 0.2, 0.0, rng.uniform(0.10, 0.30, size=n))
    tip = np.where(pay_idx == 0, np.round(np.abs(fare) * tip_rate, 2), 0.0)
    tolls = np.where(rng.random(n) < 0.05, 6.55, 0.0)
    surcharge = rng.choice(np.array([0.0, 0.5, 1.0, 2.5]), size=n, p=[0.3, 0.4, 0.2, 0.1])
    total = np.round(fare + tip + tolls + surcharge + np.where(fare < 0, -0.3, 0.3), 2)

    fl_idx = rng.choice(3, size=n, p=[0.97, 0.01, 0.02])
    flag = np.array(["N", "Y", None], dtype=object)[fl_idx]

    return {
        "vendor_id": pa.array(vendor, pa.int8()),
        "pickup_datetime": pa.array(pick.astype("datetime64[s]"), pa.timestamp("s")),
        "dropoff_datetime": pa.array(drop.astype("datetime64[s]"), pa.timestamp("s")),
        "passenger_count": pa.array(pc, pa.int64(), mask=pc_null),
        "trip_distance": pa.array(dist, pa.float64()),
        "pickup_zone": pa.array(pickup_zone, pa.string()),
        "payment_type": pa.array(payment, pa.string()),
        "fare_amount": pa.array(fare, pa.float64()),
        "tip_amount": pa.array(tip, pa.float64()),
        "tolls_amount": pa.array(tolls, pa.float64()),
        "surcharge": pa.array(surcharge, pa.float64()),
        "total_amount": pa.array(total, pa.float64()),
        "store_and_fwd_flag": pa.array(flag, pa.string()),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--chunk", type=int, default=1_000_000)
    a = ap.parse_args()

    zone_var = _variants(zone_names())
    t0 = int(np.datetime64("2023-01-01T00:00:00", "s").astype(np.int64))
    opts = pacsv.WriteOptions(include_header=False, quoting_style="none")
    sink = open(a.out, "wb")
    writer = None
    prev = None
    done = 0
    k = 0
    start = time.perf_counter()
    while done < a.rows:
        n = min(a.chunk, a.rows - done)
        rng = np.random.default_rng([a.seed, k])
        tbl = pa.table(gen_chunk(rng, n, zone_var, t0))
        # exact duplicates: 1% of rows overwritten by copies of other rows
        n_dup = n // 100
        perm = rng.permutation(n)
        targets = np.sort(perm[:n_dup])
        sources = perm[n_dup:2 * n_dup]
        src_tbl = tbl.take(pa.array(sources))
        if prev is not None:  # ~20% of the copies come from the previous chunk
            m = n_dup // 5
            prev_src = rng.integers(0, prev.num_rows, size=m)
            src_tbl = pa.concat_tables([prev.take(pa.array(prev_src)), src_tbl.slice(m)])
        # scatter: build an index that reads row i from tbl or from src_tbl
        combined = pa.concat_tables([tbl, src_tbl])
        idx = np.arange(n, dtype=np.int64)
        idx[targets] = n + np.arange(n_dup)
        tbl = combined.take(pa.array(idx))
        if writer is None:
            sink.write((",".join(tbl.column_names) + "\n").encode())  # unquoted header
            writer = pacsv.CSVWriter(sink, tbl.schema, write_options=opts)
        writer.write_table(tbl)
        prev = tbl
        done += n
        k += 1
    writer.close()
    sink.close()
    print(f"wrote {done} rows to {a.out} in {time.perf_counter() - start:.1f}s")


if __name__ == "__main__":
    main()
