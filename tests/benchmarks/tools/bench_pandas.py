"""The benchmark recipes in plain pandas: ``python bench_pandas.py RECIPE SRC DST``.

Run by ``bench_run.py`` in a fresh process (RECIPE is ``clean`` or ``agg``; see README.md,
"Benchmark data"), with Brewdesk's semantics (listed in ``bench_run.py``). The numbered comments
are the steps of the standard recipes.
"""

import sys

import numpy as np
import pandas as pd

recipe, src, dst = sys.argv[1:4]
FMT = "%Y-%m-%d %H:%M:%S"

df = pd.read_csv(src, engine="pyarrow")
df["pickup_zone"] = df["pickup_zone"].str.strip().str.lower()                       # 1
if recipe == "clean":
    med = df["passenger_count"].median()                                             # 2 (exact)
    if not np.isnan(med):
        df["passenger_count"] = df["passenger_count"].fillna(med)
        if float(med).is_integer():
            df["passenger_count"] = df["passenger_count"].astype("Int64")
    df = df.drop_duplicates(keep="first")                                            # 3
df = df[~(df["fare_amount"] < 0)]                                                    # 4
if recipe == "clean":
    for c in ("pickup_datetime", "dropoff_datetime"):                                # 5
        if not pd.api.types.is_datetime64_any_dtype(df[c]):
            df[c] = pd.to_datetime(df[c], format=FMT)
    us = (df["dropoff_datetime"].to_numpy("datetime64[us]")
          - df["pickup_datetime"].to_numpy("datetime64[us]")).astype("int64")
    df["trip_minutes"] = pd.array(np.sign(us) * (np.abs(us) // 60_000_000), dtype="Int64")
df["tip_pct"] = (df["tip_amount"] / df["fare_amount"]).where(df["fare_amount"] > 0)  # 6
if recipe == "clean":
    df["payment_type"] = df["payment_type"].astype("category")                       # 7
    df.to_parquet(dst, compression="snappy", index=False)
else:
    out = (
        df.groupby(["pickup_zone", "payment_type"], dropna=False, sort=True)
        .agg(n=("total_amount", "size"), sum_total=("total_amount", "sum"),
             mean_tip_pct=("tip_pct", "mean"))
        .reset_index()
    )
    out.to_parquet(dst, compression="snappy", index=False)
