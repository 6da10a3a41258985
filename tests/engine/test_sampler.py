"""Sampler: FIRST_N / LAST_N / RANDOM on every format; rows are real rows with their _rowid."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import LazyDataset, SourceSpec, open_source
from brewdesk.engine.readers.base import SourceHandle
from brewdesk.engine.readers.csv import CsvHandle
from brewdesk.engine.sample_spec import SampleMethod, SampleSpec
from brewdesk.engine.sampler import sample
from brewdesk.recipes.model.types import ROWID

FIRST, LAST, RANDOM = SampleMethod.FIRST_N, SampleMethod.LAST_N, SampleMethod.RANDOM


def make_csv(path: Path, n: int, *, quoted_at: set[int] = frozenset()) -> Path:  # type: ignore[assignment]
    rng = np.random.default_rng(7)
    vals = rng.integers(0, 10**6, n)
    lines = ["id,value,label,when"]
    for i in range(n):
        label = f'"multi\nline {i}"' if i in quoted_at else f"lab{i % 97}"
        value = "" if i % 13 == 0 else str(vals[i] / 100)
        lines.append(f"{i},{value},{label},2021-03-{1 + i % 28:02d} 12:00:00")
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    """~4 MB: larger than the 2 MB inference sample, so random seeks are used."""
    p = make_csv(tmp_path_factory.mktemp("s") / "big.csv", 100_000)
    full = open_source(SourceSpec(str(p), blocksize=2**20)).frame.compute().reset_index(drop=True)
    return p, full


def assert_real_rows(s: pd.DataFrame, full: pd.DataFrame, meta: pd.DataFrame) -> None:
    """Same dtypes as meta, source order, no duplicates, each row identical to the full read."""
    assert s.dtypes.to_dict() == meta.dtypes.to_dict() and list(s.columns) == list(meta.columns)
    assert s[ROWID].is_unique and s[ROWID].is_monotonic_increasing
    assert isinstance(s.index, pd.RangeIndex)
    expected = full.set_index(ROWID).loc[s[ROWID]].reset_index()[list(s.columns)]
    pd.testing.assert_frame_equal(s.reset_index(drop=True), expected.reset_index(drop=True))


def no_full_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("streaming fallback used")

    monkeypatch.setattr(SourceHandle, "random", boom)
    monkeypatch.setattr(SourceHandle, "iter_frames", boom)


def test_first_and_last_n_of_a_big_csv(big_csv: tuple[Path, pd.DataFrame], monkeypatch: pytest.MonkeyPatch) -> None:
    p, full = big_csv
    ds = open_source(SourceSpec(str(p), blocksize=2**20))
    no_full_pass(monkeypatch)
    first = sample(ds, SampleSpec(FIRST, 5000))
    pd.testing.assert_frame_equal(first, full.head(5000))
    last = sample(ds, SampleSpec(LAST, 5000))
    pd.testing.assert_frame_equal(last, full.tail(5000).reset_index(drop=True))
    assert_real_rows(last, full, ds.frame._meta)


def test_random_seeks_on_a_big_csv(big_csv: tuple[Path, pd.DataFrame], monkeypatch: pytest.MonkeyPatch) -> None:
    p, full = big_csv
    ds = open_source(SourceSpec(str(p), blocksize=2**20))
    no_full_pass(monkeypatch)
    a = sample(ds, SampleSpec(RANDOM, 2000, seed=3))
    assert len(a) == 2000
    assert_real_rows(a, full, ds.frame._meta)
    pd.testing.assert_frame_equal(a, sample(SourceSpec(str(p), blocksize=2**20), SampleSpec(RANDOM, 2000, seed=3)))
    b = sample(ds, SampleSpec(RANDOM, 2000, seed=4))
    assert len(set(a[ROWID]) & set(b[ROWID])) < 200
    spread = a["id"].to_numpy()
    assert spread.min() < 1000 and spread.max() > 99_000  # drawn from the whole file


def test_random_falls_back_when_quoted_fields_hold_line_breaks(tmp_path: Path) -> None:
    p = make_csv(tmp_path / "q.csv", 100_000, quoted_at={5, 50_000, 99_999})
    ds = open_source(SourceSpec(str(p), blocksize=2**20))
    assert ds.handle.layout.quoted_newlines  # type: ignore[union-attr]
    full = ds.frame.compute().reset_index(drop=True)
    s = sample(ds, SampleSpec(RANDOM, 3000, seed=1))
    assert len(s) == 3000
    assert_real_rows(s, full, ds.frame._meta)
    other = open_source(SourceSpec(str(p), blocksize=2**18))  # another partitioning, same rows
    pd.testing.assert_frame_equal(s, sample(other, SampleSpec(RANDOM, 3000, seed=1)))
    last = sample(ds, SampleSpec(LAST, 10))
    pd.testing.assert_frame_equal(last, full.tail(10).reset_index(drop=True))
    assert last["label"].iloc[-1] == "multi\nline 99999"


def test_last_n_counts_quotes_when_the_tail_has_quoted_line_breaks(tmp_path: Path) -> None:
    # the first 2 MB have no quoted line break, the tail does: the row start found by
    # assuming "outside quotes" would be wrong, so the exact quote parity is counted
    n = 100_000
    p = make_csv(tmp_path / "t.csv", n, quoted_at=set(range(n - 200, n, 2)))
    handle = open_source(SourceSpec(str(p))).handle
    assert isinstance(handle, CsvHandle) and not handle.layout.quoted_newlines
    full = open_source(SourceSpec(str(p)), npartitions=1).frame.compute()
    for size in (1, 150, 1000):
        last = sample(SourceSpec(str(p)), SampleSpec(LAST, size))
        pd.testing.assert_frame_equal(last, full.tail(size).reset_index(drop=True))


def test_random_seek_that_lands_in_a_quoted_line_break_falls_back(tmp_path: Path) -> None:
    n = 80_000
    p = make_csv(tmp_path / "late.csv", n, quoted_at=set(range(55_000, n)))  # many, after 2 MB
    ds = open_source(SourceSpec(str(p)))
    assert not ds.handle.layout.quoted_newlines  # type: ignore[union-attr]
    full = ds.frame.compute().reset_index(drop=True)
    s = sample(ds, SampleSpec(RANDOM, 5000, seed=2))
    assert len(s) == 5000
    assert_real_rows(s, full, ds.frame._meta)


def test_small_sources_return_every_row(tmp_path: Path) -> None:
    p = make_csv(tmp_path / "small.csv", 50)
    for method in SampleMethod:
        s = sample(SourceSpec(str(p)), SampleSpec(method, 500))
        assert len(s) == 50 and s["id"].tolist() == list(range(50))


def test_compressed_csv_samples_use_row_numbers(tmp_path: Path) -> None:
    plain = make_csv(tmp_path / "c.csv", 20_000)
    gz = tmp_path / "c.csv.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    ds = open_source(SourceSpec(str(gz)))
    full = ds.frame.compute()
    assert full[ROWID].tolist() == list(range(20_000))
    assert sample(ds, SampleSpec(FIRST, 10))[ROWID].tolist() == list(range(10))
    assert sample(ds, SampleSpec(LAST, 10))[ROWID].tolist() == list(range(19_990, 20_000))
    r = sample(ds, SampleSpec(RANDOM, 100, seed=9))
    assert_real_rows(r, full, ds.frame._meta)


# ---------------------------------------------------------------------------------------------
# other formats


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SourceSpec]:
    tmp_path = tmp_path_factory.mktemp("formats")
    n = 5000
    df = pd.DataFrame({"k": np.arange(n), "s": [f"v{i}" for i in range(n)], "x": np.arange(n) / 3})
    pq_path = tmp_path / "p.parquet"
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), pq_path, row_group_size=700)
    jl = tmp_path / "j.jsonl"
    jl.write_text("".join(json.dumps(r) + "\n" for r in df.to_dict("records")))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append(list(row))
    xl = tmp_path / "x.xlsx"
    wb.save(xl)
    db = tmp_path / "d.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, s TEXT, x REAL)")
    con.executemany("INSERT INTO t VALUES (?, ?, ?)", df.itertuples(index=False))
    con.commit()
    con.close()
    return {
        "parquet": SourceSpec(str(pq_path)),
        "jsonl": SourceSpec(str(jl), blocksize=16 * 1024),
        "excel": SourceSpec(str(xl)),
        "sql": SourceSpec(f"sqlite:///{db}", table="t"),
    }


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "excel", "sql"])
def test_every_method_on_every_format(sources: dict[str, SourceSpec], fmt: str) -> None:
    ds = open_source(sources[fmt])
    full = ds.frame.compute().reset_index(drop=True)
    meta = ds.frame._meta
    first = sample(ds, SampleSpec(FIRST, 100))
    pd.testing.assert_frame_equal(first, full.head(100))
    last = sample(ds, SampleSpec(LAST, 100))
    pd.testing.assert_frame_equal(last, full.tail(100).reset_index(drop=True))
    rnd = sample(ds, SampleSpec(RANDOM, 300, seed=5))
    assert len(rnd) == 300 and rnd["k"].nunique() == 300
    assert_real_rows(rnd, full, meta)
    pd.testing.assert_frame_equal(rnd, sample(sources[fmt], SampleSpec(RANDOM, 300, seed=5)))
    assert not rnd["k"].equals(sample(ds, SampleSpec(RANDOM, 300, seed=6))["k"])


def test_parquet_random_reads_only_needed_row_groups(sources: dict[str, SourceSpec], monkeypatch: pytest.MonkeyPatch) -> None:
    handle = open_source(sources["parquet"]).handle
    read: list[int] = []
    original = type(handle)._read_unit

    def spy(self, unit, columns, take=None):  # type: ignore[no-untyped-def]
        read.append(unit.index)
        return original(self, unit, columns, take)

    monkeypatch.setattr(type(handle), "_read_unit", spy)
    sample(sources["parquet"], SampleSpec(RANDOM, 3, seed=1))
    assert 1 <= len(read) <= 3
    read.clear()
    sample(sources["parquet"], SampleSpec(LAST, 10))
    assert read == [7]


def test_dataset_without_handle_uses_the_dask_frame(big_csv: tuple[Path, pd.DataFrame]) -> None:
    p, full = big_csv
    ds = open_source(SourceSpec(str(p), blocksize=2**20))
    bare = LazyDataset(frame=ds.frame, schema=ds.schema, spec=ds.spec)
    pd.testing.assert_frame_equal(sample(bare, SampleSpec(FIRST, 7)), full.head(7))
    pd.testing.assert_frame_equal(sample(bare, SampleSpec(LAST, 7)), full.tail(7).reset_index(drop=True))
    r = sample(bare, SampleSpec(RANDOM, 50, seed=1))
    assert_real_rows(r, full, ds.frame._meta)


@pytest.mark.parametrize("kwargs", [{"size": 0}, {"size": -3}, {"method": "SOME"}, {"seed": -1}])
def test_sample_spec_validation(kwargs: dict) -> None:
    with pytest.raises(SourceError):
        SampleSpec(**kwargs)


def test_sample_spec_accepts_strings() -> None:
    assert SampleSpec("LAST_N", 3).method is SampleMethod.LAST_N


def test_sample_of_a_missing_file() -> None:
    with pytest.raises(SourceError, match="file not found"):
        sample(SourceSpec("/nonexistent/x.csv"), SampleSpec())
