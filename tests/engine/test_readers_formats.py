"""Parquet, JSON, Excel and SQL readers, parse_source and format inference (real files)."""

from __future__ import annotations

import datetime as dt
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
from brewdesk.engine.readers import LazyDataset, SourceSpec, open_source, parse_source
from brewdesk.engine.readers.sources import infer_format
from brewdesk.recipes.model.types import ROWID


def check_consistent(ds: LazyDataset) -> pd.DataFrame:
    meta = ds.frame._meta
    assert list(meta.columns) == [*ds.schema, ROWID]
    parts = [ds.frame.get_partition(i).compute() for i in range(ds.npartitions)]
    for part in parts:
        assert part.dtypes.to_dict() == meta.dtypes.to_dict()
    df = pd.concat(parts, ignore_index=True)
    assert df[ROWID].dtype == np.dtype("int64")
    assert df[ROWID].is_unique and df[ROWID].is_monotonic_increasing
    return df


# ---------------------------------------------------------------------------------------------
# Parquet


def test_parquet_file_row_groups_and_types(tmp_path: Path) -> None:
    n = 1000
    table = pa.table(
        {
            "i": pa.array([None if k % 10 == 0 else k for k in range(n)], pa.int32()),
            "f": pa.array(np.arange(n) / 4, pa.float32()),
            "b": pa.array([k % 2 == 0 for k in range(n)]),
            "s": pa.array([f"s{k}" for k in range(n)]).dictionary_encode(),
            "ts": pa.array(pd.date_range("2020-01-01", periods=n, freq="h", tz="Europe/Paris")),
            "d": pa.array([dt.date(2020, 1, 1)] * n),
            "l": pa.array([[k, k + 1] for k in range(n)]),
        }
    )
    p = tmp_path / "t.parquet"
    pq.write_table(table, p, row_group_size=300)
    ds = open_source(SourceSpec(str(p)))
    assert ds.npartitions == 4  # one per row group
    assert dict(ds.schema) == {
        "i": "int64", "f": "float64", "b": "boolean", "s": "string", "ts": "datetime", "d": "datetime", "l": "object",
    }
    df = check_consistent(ds)
    assert df[ROWID].tolist() == list(range(n))
    assert df["i"].isna().sum() == 100 and df["i"].dtype == pd.Int64Dtype()
    assert df["ts"].iloc[0] == pd.Timestamp("2019-12-31 23:00")  # Paris -> UTC, naive
    assert df["l"].iloc[3] == [3, 4]
    two = open_source(SourceSpec(str(p)), npartitions=2)
    assert two.npartitions == 2
    pd.testing.assert_frame_equal(check_consistent(two), df)


def test_parquet_hive_folder(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    for year in (2021, 2022):
        for part in (0, 1):
            folder = root / f"year={year}"
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.table({"v": [year * 10 + part, year * 10 + part + 100]}), folder / f"part-{part}.parquet")
    (root / "_SUCCESS").write_text("")
    ds = open_source(parse_source(str(root)))
    assert dict(ds.schema) == {"v": "int64", "year": "int64"}
    df = check_consistent(ds)
    assert df["year"].tolist() == [2021] * 4 + [2022] * 4
    assert df["v"].tolist()[:2] == [20210, 20310]
    assert ds.frame["year"].sum().compute() == 2021 * 4 + 2022 * 4  # projection of a partition key


def test_parquet_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.parquet"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(SourceError, match=r"bad\.parquet: cannot read as Parquet"):
        open_source(SourceSpec(str(bad)))
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError, match="holds no Parquet files"):
        open_source(SourceSpec(str(tmp_path / "empty")))


# ---------------------------------------------------------------------------------------------
# JSON


def test_json_array_of_records_with_nested_values(tmp_path: Path) -> None:
    recs = [
        {"id": 1, "name": "a", "tags": ["x", "y"], "meta": {"k": 1}, "when": "2020-01-01T10:00:00", "x": 1},
        {"id": 2, "name": None, "tags": [], "meta": None, "when": None, "x": 2.5, "extra": True},
    ]
    p = tmp_path / "r.json"
    p.write_text(json.dumps(recs))
    ds = open_source(SourceSpec(str(p)))
    assert dict(ds.schema) == {
        "id": "int64", "name": "string", "tags": "object", "meta": "object", "when": "datetime",
        "x": "float64", "extra": "boolean",
    }
    df = check_consistent(ds)
    assert df["tags"].tolist() == [["x", "y"], []]
    assert df["meta"].iloc[0] == {"k": 1} and df["extra"].tolist()[1] is True


def test_json_array_of_arrays_uses_the_header_row(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text('[["id","name"],[1,"english"],[2,"中国人"]]')
    df = check_consistent(open_source(SourceSpec(str(p))))
    assert df.drop(columns=ROWID).to_dict("list") == {"id": [1, 2], "name": ["english", "中国人"]}


def test_json_lines_blocks_and_rowid(tmp_path: Path) -> None:
    p = tmp_path / "l.jsonl"
    lines = [json.dumps({"i": k, "s": f"v{k}", "n": {"k": k}}) for k in range(3000)]
    p.write_text("\n".join(lines[:10]) + "\n\n" + "\n".join(lines[10:]) + "\n")
    ds = open_source(SourceSpec(str(p), blocksize=4096))
    assert ds.npartitions > 10
    df = check_consistent(ds)
    assert df["i"].tolist() == list(range(3000))
    data = p.read_bytes()
    assert all(data[o : o + 5] == b'{"i":' for o in df[ROWID].iloc[::97])  # byte offsets of lines
    one = check_consistent(open_source(SourceSpec(str(p)), npartitions=1))
    pd.testing.assert_frame_equal(one, df)


def test_json_lines_read_in_small_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brewdesk.engine.readers import json as json_reader

    monkeypatch.setattr(json_reader, "READ_CHUNK", 1000)
    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps({"i": k, "pad": "x" * (k % 50)}) + "\n" for k in range(2000)))
    df = check_consistent(open_source(SourceSpec(str(p), blocksize=8192)))
    data = p.read_bytes()
    assert df["i"].tolist() == list(range(2000))
    assert [json.loads(data[o : data.index(b"\n", o)])["i"] for o in df[ROWID]] == list(range(2000))


def test_json_lines_gzip_and_json_holding_lines(tmp_path: Path) -> None:
    body = "".join(json.dumps({"a": k}) + "\n" for k in range(5))
    gz = tmp_path / "x.ndjson.gz"
    gz.write_bytes(gzip.compress(body.encode()))
    assert check_consistent(open_source(SourceSpec(str(gz))))["a"].tolist() == list(range(5))
    js = tmp_path / "really-lines.json"
    js.write_text(body)
    assert check_consistent(open_source(SourceSpec(str(js))))["a"].tolist() == list(range(5))


@pytest.mark.parametrize(
    ("name", "text", "pattern"),
    [
        ("bad.json", '[{"a": 1}, {"a": ', r"bad\.json: invalid JSON at line 1, column 18"),
        ("obj.json", '{"a": 1}', "is an object, expected an array of records"),
        ("bad.jsonl", '{"a": 1}\n{"a": 2\n', r"bad\.jsonl: line 2 is not valid JSON"),
        ("scalar.jsonl", '{"a": 1}\n3\n', r"line 2 holds a int, expected an object"),
    ],
)
def test_json_errors(tmp_path: Path, name: str, text: str, pattern: str) -> None:
    p = tmp_path / name
    p.write_text(text)
    with pytest.raises(SourceError, match=pattern):
        open_source(SourceSpec(str(p))).frame.compute()


def test_json_lines_later_surprises_name_the_line(tmp_path: Path) -> None:
    p = tmp_path / "late.jsonl"
    rows = [{"a": k} for k in range(20_000)] + [{"a": "text"}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(SourceError, match=r"late\.jsonl: line 20001, column 'a': value 'text' is not int64"):
        open_source(SourceSpec(str(p))).frame.compute()
    q = tmp_path / "newkey.jsonl"
    q.write_text("".join(json.dumps({"a": k}) + "\n" for k in range(20_000)) + '{"a": 1, "b": 2}\n')
    with pytest.raises(SourceError, match=r"line 20001 has the key 'b'.*column_types"):
        open_source(SourceSpec(str(q))).frame.compute()
    fixed = open_source(SourceSpec(str(q), column_types={"b": "int64"}))
    assert fixed.frame["b"].compute().iloc[-1] == 2


# ---------------------------------------------------------------------------------------------
# Excel


@pytest.fixture()
def workbook(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["id", "name", "when", "score", "ok"])
    ws.append([1, "a", dt.datetime(2021, 1, 2, 3, 4), 1.5, True])
    ws.append([])  # an empty row is skipped
    ws.append([2, None, dt.date(2021, 1, 3), 2, False])
    other = wb.create_sheet("Errors")
    other.append(["x", "y"])
    other.append([1, "=1/0"])
    other.append([2, 3])
    p = tmp_path / "book.xlsx"
    wb.save(p)
    # give the formula cell a cached #DIV/0! value, as Excel would
    import zipfile

    with zipfile.ZipFile(p) as zin:
        items = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    sheet = items["xl/worksheets/sheet2.xml"].decode()
    sheet = sheet.replace('<c r="B2"><f>1/0</f><v /></c>', '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    assert "#DIV/0!" in sheet
    items["xl/worksheets/sheet2.xml"] = sheet.encode()
    with zipfile.ZipFile(p, "w") as zout:
        for name, data in items.items():
            zout.writestr(name, data)
    return p


def test_excel_first_sheet_types_and_skipped_blank_rows(workbook: Path) -> None:
    ds = open_source(SourceSpec(str(workbook)))
    assert dict(ds.schema) == {"id": "int64", "name": "string", "when": "datetime", "score": "float64", "ok": "boolean"}
    df = check_consistent(ds)
    assert df["id"].tolist() == [1, 2] and df[ROWID].tolist() == [0, 1]
    assert df["when"].tolist() == [pd.Timestamp("2021-01-02 03:04"), pd.Timestamp("2021-01-03")]


def test_excel_sheet_by_index_and_error_cells(workbook: Path) -> None:
    with pytest.raises(SourceError, match=r"book\.xlsx: sheet 'Errors' cell B2 holds the Excel error #DIV/0!.*excel_errors='null'"):
        open_source(SourceSpec(str(workbook), sheet=1))
    ds = open_source(SourceSpec(str(workbook), sheet="Errors", excel_errors="null"))
    assert check_consistent(ds)["y"].isna().tolist() == [True, False]


def test_excel_wrong_sheet_lists_the_sheets(workbook: Path) -> None:
    with pytest.raises(SourceError, match=r"no sheet named 'data'.*did you mean 'Data'.*sheets: 'Data', 'Errors'"):
        open_source(SourceSpec(str(workbook), sheet="data"))
    with pytest.raises(SourceError, match=r"no sheet number 5 \(0-based\); sheets: 'Data', 'Errors'"):
        open_source(parse_source(str(workbook), sheet="5"))


def test_excel_not_a_workbook(tmp_path: Path) -> None:
    p = tmp_path / "fake.xlsx"
    p.write_text("a,b\n")
    with pytest.raises(SourceError, match=r"fake\.xlsx: cannot open as an Excel workbook"):
        open_source(SourceSpec(str(p)))


# ---------------------------------------------------------------------------------------------
# SQL


@pytest.fixture()
def sqlite_db(tmp_path: Path) -> Path:
    p = tmp_path / "db.sqlite"
    con = sqlite3.connect(p)
    con.execute('CREATE TABLE "my flights" (id INTEGER PRIMARY KEY, carrier TEXT, dep_time INTEGER, delay REAL, at DATETIME, ok BOOLEAN)')
    con.executemany(
        'INSERT INTO "my flights" VALUES (?, ?, ?, ?, ?, ?)',
        [(k, f"C{k % 3}", None if k % 5 == 0 else k, k / 2, f"2020-01-{1 + k % 28:02d} 10:00:00", k % 2) for k in range(1, 1001)],
    )
    con.execute("CREATE TABLE nopk (a TEXT, b)")
    con.executemany("INSERT INTO nopk VALUES (?, ?)", [("x", 1), ("y", 2.5), ("z", None)])
    con.commit()
    con.close()
    return p


def test_sql_table_types_and_partitions(sqlite_db: Path) -> None:
    ds = open_source(parse_source(f"sqlite:///{sqlite_db}?table=my flights"), npartitions=3)
    assert dict(ds.schema) == {
        "id": "int64", "carrier": "string", "dep_time": "int64", "delay": "float64", "at": "datetime", "ok": "boolean",
    }
    assert ds.npartitions == 3
    df = check_consistent(ds)
    assert df["id"].tolist() == list(range(1, 1001)) and df[ROWID].tolist() == list(range(1000))
    assert df["dep_time"].isna().sum() == 200 and df["dep_time"].dtype == pd.Int64Dtype()
    assert df["at"].iloc[0] == pd.Timestamp("2020-01-02 10:00")


def test_sql_untyped_columns_and_query(sqlite_db: Path) -> None:
    ds = open_source(SourceSpec(f"sqlite:///{sqlite_db}", table="nopk"))
    assert dict(ds.schema) == {"a": "string", "b": "float64"}
    assert check_consistent(ds)["b"].tolist()[:2] == [1.0, 2.5]
    q = open_source(parse_source(f"sqlite:///{sqlite_db}?query=SELECT carrier, count(*) AS n FROM \"my flights\" GROUP BY carrier ORDER BY carrier"))
    df = check_consistent(q)
    assert df.drop(columns=ROWID).to_dict("list") == {"carrier": ["C0", "C1", "C2"], "n": [333, 334, 333]}


@pytest.mark.parametrize(
    ("location", "pattern"),
    [
        ("sqlite:///{db}?table=my flight", r"no table named 'my flight' \(did you mean 'my flights'\?\).*tables: my flights, nopk"),
        ("sqlite:///{db}", r"say which table to read"),
        ("sqlite:///{db}?query=SELECT nope FROM nopk", r"the query failed: no such column: nope"),
        ("sqlite:///{missing}?table=t", r"database file not found"),
        ("nosuchdialect://host/db?table=t", r"no database driver"),
        ("sqlite:///{db}?table=nopk&query=SELECT 1", r"a table or a query, not both"),
        ("postgresql://me:secret@host:notaport/db?table=t", r"'postgresql://me:\*\*\*@host:notaport/db' is not a valid database URL"),
    ],
)
def test_sql_errors(sqlite_db: Path, tmp_path: Path, location: str, pattern: str) -> None:
    loc = location.format(db=sqlite_db, missing=tmp_path / "missing.db")
    with pytest.raises(SourceError, match=pattern):
        open_source(parse_source(loc))


def test_sql_value_not_fitting_declared_type(tmp_path: Path) -> None:
    p = tmp_path / "dyn.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE t (n INTEGER)")
    con.executemany("INSERT INTO t VALUES (?)", [(1,), ("abc",)])
    con.commit()
    con.close()
    with pytest.raises(SourceError, match=r"table 't' row 2, column 'n': value 'abc' is not int64"):
        open_source(SourceSpec(str(p), table="t")).frame.compute()


# ---------------------------------------------------------------------------------------------
# specs


def test_parse_source_coerces_cli_strings(tmp_path: Path) -> None:
    spec = parse_source(" ~/x.csv ", header="no", blocksize="16MB", delimiter="\\t", na_values="NA,-", column_types="a:string,b:int64")
    assert spec.location.endswith("/x.csv") and not spec.location.startswith("~")
    assert (spec.header, spec.blocksize, spec.delimiter, spec.na_values) == (False, 16 * 2**20, "\t", ("NA", "-"))
    assert spec.column_types == (("a", "string"), ("b", "int64"))
    sql = parse_source("sqlite:///a.db?table=t")
    assert (sql.location, sql.table, sql.format) == ("sqlite:///a.db", "t", "sql")
    assert parse_source("b.xlsx", format="xlsx").format == "excel"
    assert hash(spec) == hash(parse_source(" ~/x.csv ", header="no", blocksize="16MB", delimiter="\\t", na_values="NA,-", column_types="a:string,b:int64"))


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.csv", "csv"), ("a.TSV", "tsv"), ("a.txt", "csv"), ("a.csv.gz", "csv"), ("a.csv.bz2", "csv"), ("a.csv.zip", "csv"),
     ("a.parquet", "parquet"), ("a.pq", "parquet"), ("a.json", "json"), ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"),
     ("a.xlsx", "excel"), ("a.xlsm", "excel"), ("postgresql://u@h/db?table=t", "sql")],
)
def test_format_inference(name: str, fmt: str) -> None:
    assert infer_format(SourceSpec(name)) == fmt


def test_old_excel_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"\.xls\) is not supported.*save it as \.xlsx"):
        open_source(SourceSpec(str(tmp_path / "old.xls")))
