"""The benchmark recipes in DuckDB SQL: ``python bench_duckdb.py RECIPE SRC DST``.

Run by ``bench_run.py`` in a fresh process when DuckDB is importable; ``COPY ... TO`` Parquet.
The numbered comments are the steps of the standard recipes (README.md).
"""

import sys

import duckdb

recipe, src, dst = sys.argv[1:4]
FMT = "%Y-%m-%d %H:%M:%S"


def q(s: str) -> str:
    """A SQL string literal."""
    return "'" + s.replace("'", "''") + "'"


def qi(c: str) -> str:
    """A quoted SQL identifier."""
    return '"' + c.replace('"', '""') + '"'


con = duckdb.connect()
con.execute("SET preserve_insertion_order = true")
csv = f"read_csv({q(src)}, header = true, timestampformat = {q(FMT)})"
cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {csv}").fetchall()]
types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {csv})").fetchall())
col_list = ", ".join(qi(c) for c in cols)
keep = "NOT coalesce(fare_amount < 0, false)"                                        # 4
tip = "CASE WHEN fare_amount > 0 THEN tip_amount / fare_amount END"                  # 6
if recipe == "clean":
    # source order as a row number, so the first duplicate is kept and the order preserved
    con.execute(f"CREATE TEMP TABLE raw AS SELECT *, row_number() OVER () AS __rn FROM {csv}")
    pc = "passenger_count"
    med = f"(SELECT median({pc}) FROM raw)"                                           # 2 (exact)
    if types[pc] in ("BIGINT", "INTEGER"):
        med = f"CAST(round_even({med}, 0) AS {types[pc]})"
    dts = []
    for c in ("pickup_datetime", "dropoff_datetime"):                                # 5
        if types[c] == "VARCHAR":
            dts.append(f"strptime({c}, {q(FMT)}) AS {c}")
    repl = ", ".join(["lower(trim(pickup_zone)) AS pickup_zone",                    # 1
                      f"coalesce({pc}, {med}) AS {pc}"] + dts)
    con.execute(f"""
        CREATE TEMP TABLE kept AS
        WITH s AS (SELECT * REPLACE ({repl}) FROM raw),
             d AS (SELECT {col_list}, min(__rn) AS __rn FROM s GROUP BY ALL)           -- 3
        SELECT * FROM d WHERE {keep}
    """)
    con.execute("DROP TABLE raw")
    con.execute("CREATE TYPE payment_t AS ENUM (SELECT DISTINCT payment_type FROM kept "
                "WHERE payment_type IS NOT NULL ORDER BY 1)")                           # 7
    con.execute(f"""
        COPY (
            SELECT * EXCLUDE (__rn) REPLACE (CAST(payment_type AS payment_t) AS payment_type),
                   (epoch_us(dropoff_datetime) - epoch_us(pickup_datetime)) // 60000000 AS trip_minutes,
                   {tip} AS tip_pct
            FROM kept ORDER BY __rn
        ) TO {q(dst)} (FORMAT parquet, COMPRESSION snappy)
    """)
else:
    con.execute(f"""
        COPY (
            WITH s AS (
                SELECT lower(trim(pickup_zone)) AS pickup_zone, payment_type, total_amount,
                       {tip} AS tip_pct
                FROM {csv} WHERE {keep}
            )
            SELECT pickup_zone, payment_type, count(*) AS n, sum(total_amount) AS sum_total,
                   avg(tip_pct) AS mean_tip_pct
            FROM s GROUP BY ALL ORDER BY pickup_zone NULLS LAST, payment_type NULLS LAST
        ) TO {q(dst)} (FORMAT parquet, COMPRESSION snappy)
    """)
