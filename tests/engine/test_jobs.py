"""Jobs in a child process: success, failure, cancel (destinations untouched), history."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from brewdesk.engine.jobs import (
    CANCELLED_MESSAGE,
    JobCancelled,
    JobFailed,
    JobHistory,
    JobRecord,
    ProgressEvent,
    output_label,
    start_job,
)
from brewdesk.engine.readers import parse_source
from brewdesk.engine.run import RunOptions
from brewdesk.engine.writers import parse_dest
from brewdesk.recipes.model.recipe import Recipe

TIMEOUT = 180


def recipe(*steps: dict, name: str = "job test") -> Recipe:
    raw = [{"id": f"s{i}", "v": 1, **s} for i, s in enumerate(steps)]
    return Recipe.from_json({"format": "brewdesk-recipe", "format_version": 1, "name": name, "steps": raw})


FILL = {"op": "fill_with_median", "params": {"source_column": "x"}}
UPPER = {"op": "upper_case", "params": {"source_column": "name"}}


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BREWDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def small_csv(tmp_path) -> Path:
    path = tmp_path / "small.csv"
    pd.DataFrame({"x": [1.0, None, 3.0, 10.0], "name": ["a", "b", None, "d"]}).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    """About 2.5 million rows (~90 MB): several seconds of work on two cores."""
    path = tmp_path_factory.mktemp("big") / "big.csv"
    rng = np.random.default_rng(7)
    n = 2_500_000
    x = rng.normal(50, 10, n)
    x[rng.random(n) < 0.05] = np.nan
    names = np.array(["alpha", "beta", "gamma", "delta", "epsilon"])[rng.integers(0, 5, n)]
    table = pa.table({
        "id": np.arange(n),
        "x": pa.array(x, from_pandas=True),
        "name": names,
        "y": rng.integers(0, 1000, n),
    })
    pacsv.write_csv(table, path)
    return path


def stray_staging(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".") and "brewdesk" in p.name]


def test_small_run_succeeds_and_is_recorded(home, small_csv, tmp_path):
    out = tmp_path / "out.parquet"
    job = start_job(recipe(FILL, UPPER), main=parse_source(str(small_csv)),
                    outputs=[parse_dest(str(out))])
    report = job.result(timeout=TIMEOUT)
    assert job.status == "succeeded"
    assert report["rows_in"] == 4 and report["rows_out"] == 4
    assert [s["op"] for s in report["steps"]] == ["fill_with_median", "upper_case"]
    df = pd.read_parquet(out)
    assert df["x"].tolist() == [1.0, 3.0, 3.0, 10.0]
    assert df["name"].tolist()[:2] == ["A", "B"]
    events = job.poll()
    assert all(isinstance(e, ProgressEvent) for e in events)
    assert any(e.label.startswith("writing") and e.total and e.done == e.total for e in events)
    assert job.poll() == []  # events are handed out once
    (rec,) = JobHistory().load()
    assert (home / "jobs.jsonl").exists()
    assert rec.id == job.id and rec.status == "succeeded" and rec.recipe == "job test"
    assert rec.outputs == [str(out)] and rec.rows_in == 4 and rec.rows_out == 4 and rec.error is None
    assert rec.seconds > 0 and rec.input == str(small_csv)


def test_missing_column_fails_with_a_clear_message(home, small_csv, tmp_path):
    bad = recipe({"op": "upper_case", "params": {"source_column": "nmae"}})
    out = tmp_path / "out.csv"
    job = start_job(bad, main=parse_source(str(small_csv)), outputs=[parse_dest(str(out))])
    with pytest.raises(JobFailed) as info:
        job.result(timeout=TIMEOUT)
    assert not isinstance(info.value, JobCancelled)
    message = str(info.value)
    assert "nmae" in message and "does not exist" in message and "name" in message
    assert "Traceback" not in message
    assert job.status == "failed" and not out.exists()
    (rec,) = JobHistory().load()
    assert rec.status == "failed" and rec.error == job.error and "nmae" in rec.error


def test_existing_destination_without_overwrite_fails_before_work(home, small_csv, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    job = start_job(recipe(UPPER), main=parse_source(str(small_csv)), outputs=[parse_dest(str(out))])
    with pytest.raises(JobFailed, match="already exists"):
        job.result(timeout=TIMEOUT)
    assert out.read_text() == "old\n"


def _cancel_when_writing(job, what: str = "writing") -> list[ProgressEvent]:
    """Cancel as soon as the job reports progress inside a pass whose label starts with ``what``."""
    seen: list[ProgressEvent] = []
    while not job.done():
        for e in job.poll():
            seen.append(e)
        if any(e.label.startswith(what) and e.total and 0 < e.done < e.total for e in seen):
            job.cancel(grace=10)
            break
        job.wait(0.02)
    return seen


def test_cancel_mid_run_leaves_parquet_and_sqlite_untouched(home, big_csv, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pq_path = out_dir / "result.parquet"
    old = pa.table({"old": [1, 2, 3]})
    pq.write_table(old, pq_path)
    db = out_dir / "result.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE t (old INTEGER)")
        con.executemany("INSERT INTO t VALUES (?)", [(1,), (2,)])
    outputs = [
        parse_dest(str(pq_path), overwrite=True),
        parse_dest(f"sqlite:///{db}", table="t", if_exists="replace"),
    ]
    job = start_job(recipe(FILL, UPPER), main=parse_source(str(big_csv)), outputs=outputs,
                    options=RunOptions(partitions=24))
    seen = _cancel_when_writing(job, "writing")
    assert job.wait(60), "the cancelled job did not stop"
    assert seen, "no progress before the end"
    assert job.status == "cancelled", (job.status, job.error, seen[-3:])
    with pytest.raises(JobCancelled, match="left as it was"):
        job.result()
    assert job.error == CANCELLED_MESSAGE
    # both destinations exactly as they were, and nothing left beside them
    assert pq.read_table(pq_path).equals(old)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT old FROM t ORDER BY old").fetchall() == [(1,), (2,)]
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["t"]
    assert stray_staging(out_dir) == []
    assert not any(p.name.endswith("-journal") for p in out_dir.iterdir())
    assert job._spill_dir and not os.path.exists(job._spill_dir)
    (rec,) = JobHistory().load()
    assert rec.status == "cancelled" and rec.rows_out is None


def test_cancel_single_parquet_output_in_its_write_pass(home, big_csv, tmp_path):
    out_dir = tmp_path / "single"
    out_dir.mkdir()
    pq_path = out_dir / "result.parquet"
    old = pa.table({"old": ["kept"]})
    pq.write_table(old, pq_path)
    job = start_job(recipe(UPPER), main=parse_source(str(big_csv)),
                    outputs=[parse_dest(str(pq_path), overwrite=True)],
                    options=RunOptions(partitions=24))
    seen = _cancel_when_writing(job, "writing")
    assert job.wait(60)
    assert any(e.label.startswith("writing") for e in seen)
    assert job.status == "cancelled"
    assert pq.read_table(pq_path).equals(old)
    assert stray_staging(out_dir) == []


def test_cancel_right_after_start(home, big_csv, tmp_path):
    out = tmp_path / "early.parquet"
    job = start_job(recipe(UPPER), main=parse_source(str(big_csv)), outputs=[parse_dest(str(out))])
    job.cancel()
    assert job.wait(60)
    assert job.status == "cancelled" and not out.exists()
    assert stray_staging(tmp_path) == []
    job.cancel()  # a second cancel is harmless


def test_credentials_never_reach_the_history(home, small_csv, tmp_path):
    secret = "s3cr3t-Pa55"
    url = f"postgresql+psycopg://alice:{secret}@127.0.0.1:1/warehouse"
    job = start_job(recipe(UPPER), main=parse_source(str(small_csv)),
                    outputs=[parse_dest(url, table="clean")])
    with pytest.raises(JobFailed) as info:
        job.result(timeout=TIMEOUT)
    assert secret not in str(info.value)
    text = (home / "jobs.jsonl").read_text()
    assert secret not in text
    (rec,) = JobHistory().load()
    assert rec.status == "failed" and rec.outputs == ["postgresql+psycopg://alice:***@127.0.0.1:1/warehouse?table=clean"]


def test_output_label_masks_and_names_the_table():
    dest = parse_dest("postgresql://bob:pw@db/x?table=t")
    assert output_label(dest) == "postgresql://bob:***@db/x?table=t"
    assert output_label(parse_dest("out.csv")) == "out.csv"


def test_history_skips_bad_lines_and_limits(tmp_path):
    hist = JobHistory(tmp_path / "h" / "jobs.jsonl")
    assert hist.load() == []
    for i in range(3):
        hist.append(JobRecord(id=str(i), recipe="r", started="2026-01-01T00:00:00+00:00", seconds=1.0,
                              status="succeeded"))
    with open(hist.path, "a", encoding="utf-8") as fh:
        fh.write("{not json\n\n" + json.dumps({"id": "9", "status": "failed", "future_key": 1}) + "\n")
    recs = hist.load()
    assert [r.id for r in recs] == ["0", "1", "2", "9"]
    assert recs[-1].status == "failed" and recs[-1].recipe == ""
    assert [r.id for r in hist.load(limit=2)] == ["2", "9"]
    hist.clear()
    assert hist.load() == []


@pytest.mark.parametrize("grace", [10.0, 0.0], ids=["sigterm", "sigkill"])
def test_cancel_inside_the_sqlite_transaction_rolls_back(home, big_csv, tmp_path, grace):
    """Cancel after the parts are computed, while rows are being inserted (one transaction)."""
    db = tmp_path / "result.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE t (old INTEGER)")
        con.execute("INSERT INTO t VALUES (7)")
    job = start_job(recipe(UPPER), main=parse_source(str(big_csv)),
                    outputs=[parse_dest(f"sqlite:///{db}", table="t", if_exists="replace")],
                    options=RunOptions(partitions=8))
    while not job.done():
        if any(e.label.startswith("writing") and e.total and e.done == e.total for e in job.poll()):
            break
        job.wait(0.02)
    job.wait(0.5)  # now inserting: 2.5 million rows take several seconds
    assert not job.done(), "the job ended before it could be cancelled"
    job.cancel(grace=grace)
    assert job.wait(60)
    assert job.status == "cancelled"
    with sqlite3.connect(db) as con:  # a hot journal left by a kill is rolled back here
        assert con.execute("SELECT * FROM t").fetchall() == [(7,)]
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["t"]
