"""The benchmark recipes with the Polars lazy API: ``python bench_polars.py RECIPE SRC DST``.

Run by ``bench_run.py`` in a fresh process when Polars is importable; streamed to Parquet when
the engine can. The numbered comments are the steps of the standard recipes (README.md).
"""

import sys

import polars as pl

recipe, src, dst = sys.argv[1:4]
FMT = "%Y-%m-%d %H:%M:%S"

lf = pl.scan_csv(src, try_parse_dates=True)
schema = lf.collect_schema()
lf = lf.with_columns(pl.col("pickup_zone").str.strip_chars().str.to_lowercase())   # 1
if recipe == "clean":
    pc = pl.col("passenger_count")                                                   # 2 (exact)
    fill = pc.median()
    if schema["passenger_count"].is_integer():
        fill = fill.round(0).cast(schema["passenger_count"])  # the median is whole on this data
    lf = lf.with_columns(pc.fill_null(fill))
    lf = lf.unique(keep="first", maintain_order=True)                                # 3
lf = lf.filter(~(pl.col("fare_amount") < 0).fill_null(False))                        # 4
if recipe == "clean":
    for c in ("pickup_datetime", "dropoff_datetime"):                                # 5
        if schema[c] == pl.String:
            lf = lf.with_columns(pl.col(c).str.to_datetime(FMT))
    lf = lf.with_columns(
        trip_minutes=(pl.col("dropoff_datetime") - pl.col("pickup_datetime")).dt.total_minutes())
tip = pl.when(pl.col("fare_amount") > 0).then(pl.col("tip_amount") / pl.col("fare_amount"))
lf = lf.with_columns(tip_pct=tip)                                                    # 6
if recipe == "clean":
    lf = lf.with_columns(pl.col("payment_type").cast(pl.Categorical))               # 7
else:
    lf = (
        lf.group_by(["pickup_zone", "payment_type"])
        .agg(n=pl.len(), sum_total=pl.col("total_amount").sum(),
             mean_tip_pct=pl.col("tip_pct").mean())
        .sort(["pickup_zone", "payment_type"], nulls_last=True)
    )
try:
    lf.sink_parquet(dst, compression="snappy")
except Exception as e:  # noqa: BLE001 - an operation the streaming engine cannot sink
    print(f"sink_parquet failed ({type(e).__name__}: {e}); collecting in memory", file=sys.stderr)
    lf.collect().write_parquet(dst, compression="snappy")
