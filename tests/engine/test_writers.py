"""Writers: files (CSV, JSON Lines, Parquet, Excel): round trips, staging, swap, failures."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from brewdesk.engine.errors import DestinationError
from brewdesk.engine.writers import (
    MANIFEST,
    DestSpec,
    check_destination,
    parse_dest,
    write,
)
from brewdesk.engine.writers import excel as excel_mod
from brewdesk.engine.writers import parquet as parquet_mod
from brewdesk.engine.writers import staging as staging_mod
from brewdesk.recipes.model.types import ROWID, STRING_DTYPE, Schema

# ---------------------------------------------------------------------------------------------
# helpers

BIG = 2**53 + 1
WEIRD = 'x"; DROP TABLE t; --'


def sample() -> pd.DataFrame:
    """Six rows, every logical type, missing values in every column."""
    return pd.DataFrame(
        {
            "i": pd.array([1, None, 3, -4, BIG, None], dtype="Int64"),
            "f": pd.array([0.1 + 0.2, None, 1e300, -2.5, 0.0, 7.0], dtype="Float64"),
            "b": pd.array([True, None, False, True, False, None], dtype="boolean"),
            "s": pd.array(["a,b", None, 'q"\nx', "é ü 中", "=1+1", "#N/A"], dtype=STRING_DTYPE),
            "d": pd.Series(
                [dt.datetime(2024, 1, 2), None, dt.datetime(2024, 1, 3, 4, 5, 6, 500000),
                 dt.datetime(1999, 12, 31, 23, 59, 59), None, dt.datetime(2024, 2, 29, 12)],
                dtype="datetime64[us]",
            ),
            "c": pd.Categorical(["x", None, "y", "x", "y", None]),
        }
    )


def frame(pdf: pd.DataFrame | None = None, nparts: int = 3) -> dd.DataFrame:
    pdf = sample() if pdf is None else pdf
    pdf = pdf.assign(**{ROWID: np.arange(len(pdf), dtype="int64")})
    return dd.from_pandas(pdf, npartitions=nparts, sort=False)


def failing(ddf: dd.DataFrame, bad: int = 2) -> dd.DataFrame:
    """The same frame, but computing partition ``bad`` raises."""

    def boom(part: pd.DataFrame, partition_info=None) -> pd.DataFrame:
        if partition_info is not None and partition_info["number"] == bad:
            raise RuntimeError(f"boom in partition {bad}")
        return part

    return ddf.map_partitions(boom, meta=ddf._meta)


def values(pdf: pd.DataFrame) -> dict[str, list]:
    """Columns as plain Python lists (None for missing) for exact comparison."""
    out = {}
    for c in pdf.columns:
        s = pdf[c]
        out[str(c)] = [None if pd.isna(v) else v for v in s.astype(object).tolist()]
    return out


def expected() -> dict[str, list]:
    exp = values(sample())
    exp["d"] = [None if v is None else pd.Timestamp(v).to_pydatetime() for v in exp["d"]]
    return exp


def snapshot(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {"": path.read_bytes()}
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".brewdesk-" in p.name)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def read_csv(path: Path, **kw) -> pd.DataFrame:
    df = pd.read_csv(
        path,
        dtype={"i": "Int64", "f": "Float64", "b": "boolean", "s": "string", "c": "string"},
        keep_default_na=False,
        na_values=[""],
        **kw,
    )
    df["d"] = pd.to_datetime(df["d"])
    return df


# ---------------------------------------------------------------------------------------------
# parse_dest


@pytest.mark.parametrize(
    ("text", "options", "fmt", "comp"),
    [
        ("out.csv", {}, "csv", "none"),
        ("out.CSV.GZ", {}, "csv", "gzip"),
        ("out.csv.bz2", {}, "csv", "bz2"),
        ("out.csv", {"compression": "gzip"}, "csv", "gzip"),
        ("out.parquet", {}, "parquet", "snappy"),
        ("out.pq", {"compression": "zstd"}, "parquet", "zstd"),
        ("out/", {}, "parquet", "snappy"),
        ("out", {"partition_cols": "a, b"}, "parquet", "snappy"),
        ("out.jsonl", {}, "jsonl", "none"),
        ("out.ndjson.gz", {}, "jsonl", "gzip"),
        ("out.json", {}, "jsonl", "none"),
        ("out.txt", {"format": "json"}, "jsonl", "none"),
        ("out.xlsx", {}, "excel", "none"),
        ("out", {"format": "XLSX"}, "excel", "none"),
    ],
)
def test_parse_dest_infers_format(text, options, fmt, comp):
    spec = parse_dest(text, **options)
    assert (spec.format, spec.compression) == (fmt, comp)
    assert spec.location == text


def test_parse_dest_partition_cols_forms():
    assert parse_dest("o", partition_cols=["a", "b"]).partition_cols == ("a", "b")
    assert parse_dest("o", partition_cols="a,b").partition_cols == ("a", "b")


def test_parse_dest_sql_url_and_table():
    spec = parse_dest("sqlite:///out.db?table=flights")
    assert (spec.format, spec.table, spec.location) == ("sql", "flights", "sqlite:///out.db")
    spec = parse_dest("sqlite:///out.db", table="t2", if_exists="append")
    assert (spec.table, spec.if_exists) == ("t2", "append")
    with pytest.raises(DestinationError, match="two different tables"):
        parse_dest("sqlite:///out.db?table=a", table="b")
    with pytest.raises(DestinationError, match="no table"):
        parse_dest("sqlite:///out.db")


def test_passwords_never_shown():
    spec = parse_dest("postgresql://alice:s3cret@db.example/prod?table=t")
    assert "s3cret" not in repr(spec)
    assert "s3cret" not in spec.masked_location
    assert "s3cret" in spec.location  # still usable to connect


@pytest.mark.parametrize(
    ("text", "options", "match"),
    [
        ("out.txt", {}, "cannot tell the output format"),
        ("out.xls", {}, "legacy .xls"),
        ("out.csv", {"format": "feather"}, "unknown output format"),
        ("out.parquet", {"compression": "lzma"}, "unknown Parquet compression"),
        ("out.csv.gz", {"compression": "none"}, "contradicts"),
        ("out.xlsx", {"partition_cols": ["a"]}, "partition_cols does not apply"),
        ("out.csv", {"if_exists": "append"}, "cannot append"),
        ("out.csv", {"if_exists": "merge"}, "if_exists must be"),
        ("s3://bucket/out.csv", {}, "remote destinations"),
        ("out.csv", {"colour": "red"}, "unknown destination option"),
    ],
)
def test_parse_dest_errors(text, options, match):
    with pytest.raises(DestinationError, match=match):
        parse_dest(text, **options)


# ---------------------------------------------------------------------------------------------
# round trips


def test_csv_round_trip(tmp_path):
    out = tmp_path / "out.csv"
    report = write(frame(), parse_dest(str(out)))
    assert report.rows == 6 and report.format == "csv"
    assert report.files == [str(out)] and report.bytes == out.stat().st_size
    text = out.read_text(encoding="utf-8")
    assert text.startswith("i,f,b,s,d,c\n1,0.30000000000000004,true,\"a,b\",2024-01-02T00:00:00.000000,x\n")
    assert "\n,,,,,\n" in text  # missing values are empty fields
    assert ROWID not in text
    got = values(read_csv(out))
    exp = expected()
    exp["c"] = [None if v is None else str(v) for v in exp["c"]]
    assert got == exp


def test_csv_gzip_and_bz2(tmp_path):
    for name in ("out.csv.gz", "out.csv.bz2"):
        out = tmp_path / name
        write(frame(), parse_dest(str(out)))
        got = values(read_csv(out))
        assert got["s"] == expected()["s"] and got["i"] == expected()["i"]
    assert (tmp_path / "out.csv.gz").read_bytes()[:2] == b"\x1f\x8b"
    # several gzip members (header + 3 parts) form one valid stream
    assert gzip.decompress((tmp_path / "out.csv.gz").read_bytes()).count(b"\n") == 8


def test_jsonl_round_trip(tmp_path):
    out = tmp_path / "out.json"
    report = write(frame(), parse_dest(str(out)))
    assert report.format == "jsonl" and report.rows == 6
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    rows = [json.loads(line) for line in lines]
    assert list(rows[0]) == ["i", "f", "b", "s", "d", "c"]
    assert rows[1] == dict.fromkeys(["i", "f", "b", "s", "d", "c"])
    got = {c: [r[c] for r in rows] for c in rows[0]}
    got["d"] = [None if v is None else dt.datetime.fromisoformat(v) for v in got["d"]]
    assert got == expected()
    assert rows[0]["d"] == "2024-01-02T00:00:00.000000"


def test_parquet_round_trip_and_types(tmp_path):
    out = tmp_path / "out.parquet"
    report = write(frame(), parse_dest(str(out), compression="zstd"))
    assert report.rows == 6 and report.files == [str(out)]
    pf = pq.ParquetFile(out)
    assert pf.metadata.row_group(0).column(0).compression == "ZSTD"
    schema = pf.schema_arrow
    assert schema.names == ["i", "f", "b", "s", "d", "c"]
    assert [str(t) for t in schema.types] == [
        "int64", "double", "bool", "string", "timestamp[us]",
        "dictionary<values=string, indices=int32, ordered=0>",
    ]
    back = pq.read_table(out).to_pandas()
    assert str(back["c"].dtype) == "category" and str(back["i"].dtype) == "Int64"
    assert values(back) == expected()


def test_parquet_folder_of_parts(tmp_path):
    out = tmp_path / "out"
    report = write(frame(), parse_dest(str(out) + "/"))
    names = sorted(p.name for p in out.iterdir())
    assert names == [MANIFEST, "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["rows"] == 6 and manifest["files"] == names[1:]
    assert manifest["schema"] == {"i": "int64", "f": "float64", "b": "boolean", "s": "string",
                                  "d": "datetime", "c": "category"}
    assert report.bytes == sum((out / f).stat().st_size for f in names[1:])
    assert values(pq.read_table(out).to_pandas()) == expected()


def test_partitioned_parquet_hive_layout(tmp_path):
    out = tmp_path / "by_c"
    report = write(frame(), parse_dest(str(out), partition_cols=["c"]))
    dirs = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert dirs == ["c=__HIVE_DEFAULT_PARTITION__", "c=x", "c=y"]
    assert (out / MANIFEST).is_file()
    for f in report.files:
        assert pq.read_schema(f).names == ["i", "f", "b", "s", "d"]  # partition column not in files
    table = pads.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 6
    got = table.to_pandas().sort_values("i", na_position="first", kind="stable")
    assert sorted(got["i"].dropna().tolist()) == sorted(v for v in expected()["i"] if v is not None)
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["partition_cols"] == ["c"] and manifest["rows"] == 6
    assert sorted(manifest["files"]) == sorted(str(Path(f).relative_to(out).as_posix()) for f in report.files)


def test_partitioned_csv_escapes_values(tmp_path):
    pdf = pd.DataFrame({"k": pd.array(["a/b", "50%", None], dtype=STRING_DTYPE), "v": pd.array([1, 2, 3], dtype="Int64")})
    out = tmp_path / "csvparts"
    write(frame(pdf, 2), parse_dest(str(out), format="csv", partition_cols=["k"]))
    dirs = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert dirs == ["k=50%25", "k=__HIVE_DEFAULT_PARTITION__", "k=a%2Fb"]
    assert (out / "k=a%2Fb" / "part-00000.csv").read_text() == "v\n1\n"


def test_multi_file_csv(tmp_path):
    out = tmp_path / "parts.csv"
    report = write(frame(), parse_dest(str(out), single_file=False))
    assert out.is_dir() and (out / MANIFEST).is_file()
    assert [Path(f).name for f in report.files] == ["part-00000.csv", "part-00001.csv", "part-00002.csv"]
    for f in report.files:  # each part has its own header (Spark layout)
        assert Path(f).read_text().startswith("i,f,b,s,d,c\n")
    total = pd.concat([read_csv(Path(f)) for f in report.files], ignore_index=True)
    assert len(total) == 6


def test_excel_round_trip(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "out.xlsx"
    report = write(frame(), parse_dest(str(out)))
    assert report.rows == 6
    ws = load_workbook(out).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["i", "f", "b", "s", "d", "c"]
    assert rows[2] == [None] * 6
    got = {h: [r[k] for r in rows[1:]] for k, h in enumerate(rows[0])}
    exp = expected()
    # openpyxl writes numbers with 16 significant digits; Excel holds doubles anyway
    for col in ("i", "f"):
        assert got.pop(col) == [None if v is None else pytest.approx(v, rel=1e-15) for v in exp.pop(col)]
    assert got == exp
    # data that looks like a formula or an error code stays text
    cells = {c.value: c.data_type for c in ws["D"]}
    assert cells["=1+1"] == "s" and cells["#N/A"] == "s"


def test_weird_column_names_in_files(tmp_path):
    pdf = pd.DataFrame({WEIRD: pd.array([1, None], dtype="Int64"), "a,b\nc": pd.array(["x", "y"], dtype=STRING_DTYPE)})
    for name in ("w.csv", "w.parquet", "w.jsonl", "w.xlsx"):
        write(frame(pdf, 2), parse_dest(str(tmp_path / name)))
    assert list(pd.read_csv(tmp_path / "w.csv").columns) == [WEIRD, "a,b\nc"]
    assert pq.read_schema(tmp_path / "w.parquet").names == [WEIRD, "a,b\nc"]
    assert list(json.loads((tmp_path / "w.jsonl").read_text().splitlines()[0])) == [WEIRD, "a,b\nc"]


def test_empty_output_keeps_schema(tmp_path):
    empty = frame().map_partitions(lambda p: p.iloc[:0])
    write(empty, parse_dest(str(tmp_path / "e.csv")))
    assert (tmp_path / "e.csv").read_text() == "i,f,b,s,d,c\n"
    write(empty, parse_dest(str(tmp_path / "e.parquet")))
    t = pq.read_table(tmp_path / "e.parquet")
    assert t.num_rows == 0 and str(t.schema.field("d").type) == "timestamp[us]"
    r = write(empty, parse_dest(str(tmp_path / "e") + "/"))
    assert r.rows == 0 and (tmp_path / "e" / "part-00000.parquet").is_file()


def test_pandas_frame_and_compute_called_once(tmp_path):
    calls = []

    def compute(*args, **kwargs):
        calls.append(len(args))
        return dask.compute(*args, scheduler="sync")

    write(frame(), parse_dest(str(tmp_path / "a.csv")), compute=compute)
    write(sample(), parse_dest(str(tmp_path / "b.parquet")), compute=compute)
    assert calls == [1, 1]


# ---------------------------------------------------------------------------------------------
# planned types


def test_schema_mismatch_in_a_partition_is_an_error(tmp_path):
    """The meta says Int64 but a partition holds 1.5: refuse, never write doubles."""
    pdf = pd.DataFrame({"n": pd.array([1, 2, 3, 4], dtype="Int64")})
    ddf = frame(pdf, 2)

    def floaty(part, partition_info=None):
        if partition_info["number"] == 1:
            return part.assign(n=part["n"].astype("float64") + 0.5)
        return part

    bad = ddf.map_partitions(floaty, meta=ddf._meta)
    with pytest.raises(DestinationError, match=r"column 'n' in partition 1 .* planned type int64"):
        write(bad, parse_dest(str(tmp_path / "n.parquet")))
    assert leftovers(tmp_path) == []


def test_planned_schema_wins_over_a_reset_meta(tmp_path):
    """docs/architecture.md section 2: Dask may reset an astype in the meta; the plan is what we write."""
    pdf = pd.DataFrame({"n": pd.array([1, 2, 3], dtype="Int64"), "s": pd.array(["a", "b", "c"], dtype=STRING_DTYPE)})
    ddf = frame(pdf, 2).astype({"n": "float64"})  # meta (and data) now float64
    out = tmp_path / "n.parquet"
    write(ddf, parse_dest(str(out)), schema=Schema({"n": "int64", "s": "string"}))
    assert str(pq.read_schema(out).field("n").type) == "int64"
    with pytest.raises(DestinationError, match="differ from the planned schema"):
        write(ddf, parse_dest(str(out), overwrite=True), schema=Schema({"s": "string", "n": "int64"}))


def test_parquet_verification_catches_a_wrong_type(tmp_path):
    path = tmp_path / "x.parquet"
    pq.write_table(pa.table({"n": pa.array([1.0, 2.0])}), path)
    with pytest.raises(DestinationError, match=r"column 'n' was written .* as double, but the plan says int64"):
        parquet_mod.check_file(str(path), ("n",), ("int64",), 2)
    with pytest.raises(DestinationError, match="holds 2 rows, 3 were written"):
        parquet_mod.check_file(str(path), ("n",), ("float64",), 3)


# ---------------------------------------------------------------------------------------------
# overwrite, pre-flight


@pytest.mark.parametrize("name", ["o.csv", "o.parquet", "o.jsonl", "o.xlsx", "o/"])
def test_existing_destination_refused_without_overwrite(tmp_path, name):
    spec = parse_dest(f"{tmp_path}/{name}")
    write(frame(), spec)
    dest = tmp_path / name.rstrip("/")
    before = snapshot(dest)
    with pytest.raises(DestinationError) as err:
        check_destination(spec)
    assert str(dest) in str(err.value) and "--overwrite" in str(err.value)
    with pytest.raises(DestinationError, match="already exists"):
        write(frame(), spec)
    assert snapshot(dest) == before
    small = frame(sample().iloc[:2], 1)
    report = write(small, parse_dest(str(dest), overwrite=True))  # folder: format from _SUCCESS
    assert report.rows == 2 and snapshot(dest) != before
    assert leftovers(tmp_path) == []


def test_overwrite_replaces_a_file_by_a_folder_and_back(tmp_path):
    dest = tmp_path / "o.parquet"
    write(frame(), parse_dest(str(dest)))
    write(frame(), parse_dest(str(dest), partition_cols=["c"], overwrite=True))
    assert dest.is_dir() and (dest / MANIFEST).is_file()
    write(frame(), parse_dest(str(dest), overwrite=True))
    assert dest.is_file() and pq.read_metadata(dest).num_rows == 6
    assert leftovers(tmp_path) == []


def test_unrelated_folder_never_replaced(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_text("years of work")
    spec = parse_dest(str(home) + "/", overwrite=True)
    with pytest.raises(DestinationError, match="does not look like an earlier output"):
        check_destination(spec)
    with pytest.raises(DestinationError):
        write(frame(), spec)
    assert (home / "thesis.docx").read_text() == "years of work"


def test_missing_parent_and_parent_that_is_a_file(tmp_path):
    with pytest.raises(DestinationError, match="does not exist"):
        check_destination(parse_dest(str(tmp_path / "nope" / "o.csv")))
    (tmp_path / "file").write_text("x")
    with pytest.raises(DestinationError, match="not a folder"):
        check_destination(parse_dest(str(tmp_path / "file" / "o.csv")))


def _run_unprivileged(fn):
    """Run ``fn()`` as user ``nobody`` in a forked child (when root); return (kind, message)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        try:
            os.setgid(65534)
            os.setuid(65534)
        except OSError as exc:
            result = ("cannot-drop-privileges", str(exc))
        else:
            try:
                fn()
                result = ("ok", "")
            except BaseException as exc:  # report everything to the parent
                result = (type(exc).__name__, str(exc))
        os.write(w, pickle.dumps(result))
        os.close(w)
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unwritable_parent_folder(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="brewdesk-ro-"))
    try:
        base.chmod(0o755)
        ro = base / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        spec = parse_dest(str(ro / "out.csv"))
        if os.geteuid() == 0:  # root may write anywhere: check as nobody
            kind, msg = _run_unprivileged(lambda: check_destination(spec))
            if kind == "cannot-drop-privileges":
                pytest.skip(f"running as root and cannot switch to nobody: {msg}")
        else:
            try:
                check_destination(spec)
                kind, msg = "ok", ""
            except DestinationError as exc:
                kind, msg = "DestinationError", str(exc)
        assert kind == "DestinationError", msg
        assert "not writable" in msg and str(ro) in msg
    finally:
        (base / "ro").chmod(0o755)
        import shutil

        shutil.rmtree(base)


# ---------------------------------------------------------------------------------------------
# failures leave the old destination as it was


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("o.csv", {}),
        ("o.csv.gz", {}),
        ("o.jsonl", {}),
        ("o.parquet", {}),
        ("o.xlsx", {}),
        ("o_dir", {"partition_cols": ["c"]}),
        ("o_parts.csv", {"single_file": False}),
    ],
)
def test_failure_mid_write_keeps_old_destination(tmp_path, name, options):
    dest = tmp_path / name
    write(frame(), parse_dest(str(dest), **options))
    before = snapshot(dest)
    with pytest.raises(RuntimeError, match="boom in partition 2"):
        write(failing(frame()), parse_dest(str(dest), overwrite=True, **options))
    assert snapshot(dest) == before
    assert leftovers(tmp_path) == []


def test_failure_on_first_write_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError):
        write(failing(frame()), parse_dest(str(tmp_path / "new.parquet")))
    assert list(tmp_path.iterdir()) == []


def test_failure_during_swap_restores_old_folder(tmp_path, monkeypatch):
    dest = tmp_path / "o_dir"
    write(frame(), parse_dest(str(dest), partition_cols=["c"]))
    before = snapshot(dest)
    monkeypatch.setattr(staging_mod, "_exchange", lambda a, b: False)  # rename-aside path
    real_rename = os.rename

    def flaky(src, dst):
        if ".brewdesk-staging-" in str(src) and Path(dst) == dest:
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(staging_mod.os, "rename", flaky)
    with pytest.raises(DestinationError, match="(?i)no space left"):
        write(frame(), parse_dest(str(dest), partition_cols=["c"], overwrite=True))
    monkeypatch.setattr(staging_mod.os, "rename", real_rename)
    assert snapshot(dest) == before
    assert leftovers(tmp_path) == []


def test_folder_swap_without_renameat2(tmp_path, monkeypatch):
    monkeypatch.setattr(staging_mod, "_exchange", lambda a, b: False)
    dest = tmp_path / "o_dir"
    write(frame(), parse_dest(str(dest), partition_cols=["c"]))
    write(frame(sample().iloc[:2], 1), parse_dest(str(dest), partition_cols=["c"], overwrite=True))
    assert json.loads((dest / MANIFEST).read_text())["rows"] == 2
    assert leftovers(tmp_path) == []


def test_excel_row_limit(tmp_path, monkeypatch):
    dest = tmp_path / "o.xlsx"
    write(frame(sample().iloc[:1], 1), parse_dest(str(dest)))
    before = snapshot(dest)
    monkeypatch.setattr(excel_mod, "MAX_ROWS", 6)  # header + 5 data rows
    with pytest.raises(DestinationError, match=r"6 rows do not fit in an Excel sheet \(at most 5 data rows"):
        write(frame(), parse_dest(str(dest), overwrite=True))
    assert snapshot(dest) == before and leftovers(tmp_path) == []
    write(frame(sample().iloc[:5], 2), parse_dest(str(dest), overwrite=True))  # exactly at the limit


def test_excel_rejects_control_characters(tmp_path):
    pdf = pd.DataFrame({"s": pd.array(["ok", "bad\x0bchar"], dtype=STRING_DTYPE)})
    with pytest.raises(DestinationError, match="control characters"):
        write(frame(pdf, 1), parse_dest(str(tmp_path / "x.xlsx")))
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# leftovers of killed processes


def test_stale_staging_is_cleaned_and_never_output(tmp_path):
    dest = tmp_path / "o.csv"
    host = staging_mod._HOST
    stale = tmp_path / f".o.csv.brewdesk-staging-{host}-{dead_pid()}-deadbeef"
    (stale / "parts").mkdir(parents=True)
    (stale / "parts" / "part-00000.csv").write_text("half a file")
    live = tmp_path / f".o.csv.brewdesk-staging-{host}-{os.getpid()}-cafe"
    live.mkdir()
    check_destination(parse_dest(str(dest)))  # a leftover is not the destination
    write(frame(), parse_dest(str(dest)))
    assert not stale.exists()
    assert live.exists()  # owned by a running process: left alone
    assert pd.read_csv(dest).shape == (6, 6)


def test_interrupted_folder_swap_is_restored(tmp_path):
    dest = tmp_path / "o_dir"
    write(frame(), parse_dest(str(dest), partition_cols=["c"]))
    before = snapshot(dest)
    aside = tmp_path / f".o_dir.brewdesk-old-{staging_mod._HOST}-{dead_pid()}-0123456789"
    os.rename(dest, aside)  # as if killed between the two renames of a swap
    spec = parse_dest(str(dest), partition_cols=["c"])
    with pytest.raises(DestinationError, match="already exists"):
        check_destination(spec)  # restored first, then refused: it exists again
    assert snapshot(dest) == before and not aside.exists()
    os.rename(dest, aside)
    write(frame(sample().iloc[:1], 1), parse_dest(str(dest), partition_cols=["c"], overwrite=True))
    assert json.loads((dest / MANIFEST).read_text())["rows"] == 1
    assert leftovers(tmp_path) == []


def test_destspec_defaults():
    spec = DestSpec("x.csv")
    assert (spec.format, spec.compression, spec.partition_cols, spec.if_exists, spec.overwrite, spec.single_file) == (
        None, None, (), "fail", False, True)


# ---------------------------------------------------------------------------------------------
# text formatting details


def test_json_strings_escape_exactly_like_json_dumps():
    from brewdesk.engine.writers.text import json_strings

    nasty = ["".join(map(chr, range(0, 128))), 'q"uo\\te', "line\nbreak\r\n", "\u2028\u2029 é 中 😀", "", "\x7f\x1f"]
    got = json_strings(pa.array(nasty, pa.string())).to_pylist()
    assert got == [json.dumps(s, ensure_ascii=False) for s in nasty]
    assert [json.loads(g) for g in got] == nasty


def test_csv_quoting_empty_strings_and_numbers(tmp_path):
    pdf = pd.DataFrame(
        {
            "s": pd.array(["", None, "plain", ' lead', "a\rb"], dtype=STRING_DTYPE),
            "f": pd.array([7.0, -0.0, float("inf"), None, 1e20], dtype="Float64"),
            "d": pd.Series([dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59, 999999), None,
                            dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 1)], dtype="datetime64[us]"),
        }
    )
    out = tmp_path / "q.csv"
    write(frame(pdf, 2), parse_dest(str(out)))
    assert out.read_bytes().decode() == (
        "s,f,d\n"
        '"",7.0,0001-01-01T00:00:00.000000\n'  # empty string quoted; a missing value is empty
        ",-0.0,9999-12-31T23:59:59.999999\n"
        "plain,inf,\n"
        " lead,,2024-01-01T00:00:00.000000\n"
        '"a\rb",1e+20,2024-01-01T00:00:00.000000\n'
    )
    back = pd.read_csv(out, keep_default_na=False, na_values=[""])
    assert back["f"].tolist()[:3] == [7.0, 0.0, float("inf")]


def test_single_column_csv_has_no_blank_lines(tmp_path):
    pdf = pd.DataFrame({"n": pd.array([1, None, 3], dtype="Int64")})
    out = tmp_path / "one.csv"
    write(frame(pdf, 1), parse_dest(str(out)))
    assert out.read_text() == 'n\n1\n""\n3\n'


def test_years_beyond_9999_and_nested_values(tmp_path):
    pdf = pd.DataFrame(
        {
            "d": pd.Series([np.datetime64("10000-01-01T00:00:00"), np.datetime64("2024-01-01")], dtype="datetime64[us]"),
            "o": pd.Series([{"a": [1, 2]}, None], dtype=object),
        }
    )
    with dask.config.set({"dataframe.convert-string": False}):  # keep the dicts as objects
        nested = frame(pdf, 1)
    write(nested, parse_dest(str(tmp_path / "y.jsonl")))
    rows = [json.loads(x) for x in (tmp_path / "y.jsonl").read_text().splitlines()]
    assert rows == [{"d": "10000-01-01T00:00:00.000000", "o": {"a": [1, 2]}},
                    {"d": "2024-01-01T00:00:00.000000", "o": None}]
    write(nested, parse_dest(str(tmp_path / "y.csv")))
    assert (tmp_path / "y.csv").read_text().splitlines()[1] == '10000-01-01T00:00:00.000000,"{""a"":[1,2]}"'


def test_jsonl_gzip_multi_member(tmp_path):
    out = tmp_path / "o.jsonl.gz"
    report = write(frame(), parse_dest(str(out)))
    lines = gzip.decompress(out.read_bytes()).decode().splitlines()
    assert report.rows == len(lines) == 6 and json.loads(lines[0])["i"] == 1
