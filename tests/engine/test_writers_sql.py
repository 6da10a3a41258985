"""Writers: SQL tables (SQLite files): round trip, fail/replace/append, rollback, identifiers."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from brewdesk.engine.errors import DestinationError
from brewdesk.engine.writers import check_destination, parse_dest, write
from brewdesk.engine.writers import sql as sql_mod
from brewdesk.recipes.model.types import ROWID, STRING_DTYPE
from sqlalchemy import (
    CheckConstraint,
    Column,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    event,
    inspect,
    select,
)

WEIRD_COL = 'x"; DROP TABLE t; --'
WEIRD_TABLE = "we'ird\"; DROP TABLE keep; --"


def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "i": pd.array([1, None, 3, -4, 2**62, None], dtype="Int64"),
            "f": pd.array([0.1 + 0.2, None, 1e300, -2.5, 0.5, 7.0], dtype="Float64"),
            "b": pd.array([True, None, False, True, False, None], dtype="boolean"),
            "s": pd.array(["a,b", None, 'q"\nx', "é ü 中", "", "=1"], dtype=STRING_DTYPE),
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
    def boom(part, partition_info=None):
        if partition_info is not None and partition_info["number"] == bad:
            raise RuntimeError(f"boom in partition {bad}")
        return part

    return ddf.map_partitions(boom, meta=ddf._meta)


def url(db: Path, table: str = "t") -> str:
    return f"sqlite:///{db}?table={table}"


def rows(db: Path, table: str = "t") -> list[tuple]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            t = Table(table, MetaData(), autoload_with=conn)
            return [tuple(r) for r in conn.execute(select(t)).all()]
    finally:
        engine.dispose()


def tables(db: Path) -> list[str]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return sorted(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def expected_rows() -> list[tuple]:
    pdf = sample()
    out = []
    for rec in pdf.astype(object).itertuples(index=False):
        out.append(tuple(None if pd.isna(v) else (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for v in rec))
    return out


def our_tmp_staging() -> list[str]:
    return [n for n in os.listdir(tempfile.gettempdir()) if n.startswith(".brewdesk-sql.brewdesk-staging-")
            and f"-{os.getpid()}-" in n]


# ---------------------------------------------------------------------------------------------


def test_round_trip_types_and_order(tmp_path):
    db = tmp_path / "out.db"
    report = write(frame(), parse_dest(url(db)))
    assert report.rows == 6 and report.format == "sql"
    assert report.location == f"sqlite:///{db}?table=t" and report.files == []
    assert rows(db) == expected_rows()
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        types = {c["name"]: type(c["type"]).__name__ for c in inspect(conn).get_columns("t")}
    engine.dispose()
    assert types == {"i": "BIGINT", "f": "FLOAT", "b": "BOOLEAN", "s": "TEXT", "d": "DATETIME", "c": "TEXT"}
    assert ROWID not in types
    assert tables(db) == ["t"]  # no staging table left


def test_fail_if_exists(tmp_path):
    db = tmp_path / "out.db"
    write(frame(), parse_dest(url(db)))
    before = db.read_bytes()
    spec = parse_dest(url(db))
    with pytest.raises(DestinationError, match=r"table 't' .* already exists") as err:
        check_destination(spec)
    assert "--overwrite" in str(err.value)
    with pytest.raises(DestinationError, match="already exists"):
        write(frame(), spec)
    assert db.read_bytes() == before


def test_missing_database_file_is_fine_and_not_created_by_the_check(tmp_path):
    db = tmp_path / "new.db"
    check_destination(parse_dest(url(db)))
    assert not db.exists()
    with pytest.raises(DestinationError, match="does not exist"):
        check_destination(parse_dest(url(tmp_path / "nope" / "x.db")))


def test_replace(tmp_path):
    db = tmp_path / "out.db"
    write(frame(), parse_dest(url(db)))
    small = pd.DataFrame({"other": pd.array(["new"], dtype=STRING_DTYPE)})
    report = write(frame(small, 1), parse_dest(url(db), if_exists="replace"))
    assert report.rows == 1 and rows(db) == [("new",)]
    write(frame(), parse_dest(url(db), overwrite=True))  # --overwrite means replace for tables
    assert rows(db) == expected_rows()
    assert tables(db) == ["t"]


def test_append_matches_columns_by_name(tmp_path):
    db = tmp_path / "out.db"
    engine = create_engine(f"sqlite:///{db}")
    md = MetaData()
    Table("t", md, Column("extra", Text), Column("v", Integer), Column("k", Text))
    md.create_all(engine)
    engine.dispose()
    pdf = pd.DataFrame({"k": pd.array(["a", "b"], dtype=STRING_DTYPE), "v": pd.array([1, None], dtype="Int64")})
    write(frame(pdf, 2), parse_dest(url(db), if_exists="append"))
    write(frame(pdf, 1), parse_dest(url(db), if_exists="append"))
    assert rows(db) == [(None, 1, "a"), (None, None, "b")] * 2
    assert tables(db) == ["t"]


def test_append_to_missing_table_creates_it(tmp_path):
    db = tmp_path / "out.db"
    write(frame(), parse_dest(url(db), if_exists="append"))
    assert rows(db) == expected_rows()


def test_append_column_mismatch_fails_before_any_work(tmp_path):
    db = tmp_path / "out.db"
    write(frame(), parse_dest(url(db)))
    before = db.read_bytes()
    pdf = pd.DataFrame({"I": pd.array([1], dtype="Int64"), "zzz": pd.array([1], dtype="Int64")})
    calls = []

    def compute(*args, **kw):
        calls.append(args)
        return dask.compute(*args)

    with pytest.raises(DestinationError, match=r"no column\(s\) 'I', 'zzz' \(did you mean 'i'\?\)"):
        write(frame(pdf, 1), parse_dest(url(db), if_exists="append"), compute=compute)
    assert calls == [] and db.read_bytes() == before


def _fail_on_last_insert(monkeypatch, nth: int) -> None:
    """Make the ``nth`` executemany into the staging table raise (a failure in the last chunk)."""
    real = sql_mod.make_engine
    seen = {"n": 0}

    def make_engine(u):
        engine = real(u)

        @event.listens_for(engine, "before_cursor_execute")
        def _boom(conn, cursor, statement, parameters, context, executemany):
            if executemany and sql_mod.STAGING_PREFIX in statement:
                seen["n"] += 1
                if seen["n"] == nth:
                    raise RuntimeError("disk on fire")

        return engine

    monkeypatch.setattr(sql_mod, "make_engine", make_engine)


@pytest.mark.parametrize("mode", ["replace", "append"])
def test_rollback_on_failure_in_the_last_chunk(tmp_path, monkeypatch, mode):
    db = tmp_path / "out.db"
    write(frame(), parse_dest(url(db)))
    write(frame(), parse_dest(url(db, "keep")))
    before = db.read_bytes()
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 2)
    _fail_on_last_insert(monkeypatch, nth=3)  # 6 rows, 2 per chunk: the last chunk fails
    with pytest.raises(RuntimeError, match="disk on fire"):
        write(frame(), parse_dest(url(db), if_exists=mode))
    assert db.read_bytes() == before
    assert tables(db) == ["keep", "t"]
    assert rows(db) == expected_rows()
    assert our_tmp_staging() == []


def test_rollback_when_append_select_fails(tmp_path):
    """The final INSERT ... SELECT violates a constraint: nothing is kept."""
    db = tmp_path / "out.db"
    engine = create_engine(f"sqlite:///{db}")
    md = MetaData()
    Table("t", md, Column("v", Integer, CheckConstraint("v < 100")))
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(Table("t", MetaData(), autoload_with=conn).insert(), [{"v": 1}])
    engine.dispose()
    before = db.read_bytes()
    pdf = pd.DataFrame({"v": pd.array([5, 6, 500], dtype="Int64")})
    with pytest.raises(DestinationError, match=r"CHECK constraint failed.*nothing was changed"):
        write(frame(pdf, 2), parse_dest(url(db), if_exists="append"))
    assert db.read_bytes() == before and tables(db) == ["t"]


def test_failure_in_computation_leaves_table(tmp_path):
    db = tmp_path / "out.db"
    write(frame(), parse_dest(url(db)))
    before = db.read_bytes()
    with pytest.raises(RuntimeError, match="boom in partition 2"):
        write(failing(frame()), parse_dest(url(db), if_exists="replace"))
    assert db.read_bytes() == before and our_tmp_staging() == []


def test_weird_identifiers_round_trip(tmp_path):
    db = tmp_path / "out.db"
    write(frame(), parse_dest(url(db, "keep")))
    cols = [WEIRD_COL, "50% :v (x)", "Ünï côl", "select", "a.b"]
    pdf = pd.DataFrame({c: pd.array([k, None], dtype="Int64") for k, c in enumerate(cols)})
    write(frame(pdf, 2), parse_dest(f"sqlite:///{db}", table=WEIRD_TABLE))
    write(frame(pdf, 2), parse_dest(f"sqlite:///{db}", table=WEIRD_TABLE, if_exists="append"))
    write(frame(pdf, 1), parse_dest(f"sqlite:///{db}", table=WEIRD_TABLE, if_exists="replace"))
    assert tables(db) == sorted(["keep", WEIRD_TABLE])
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert [c["name"] for c in inspect(conn).get_columns(WEIRD_TABLE)] == cols
    engine.dispose()
    assert rows(db, WEIRD_TABLE) == [(0, 1, 2, 3, 4), (None,) * 5]
    assert rows(db, "keep") == expected_rows()


def test_password_is_masked_in_errors():
    spec = parse_dest("postgresql://alice:s3cret@127.0.0.1:1/db?table=t")
    with pytest.raises(DestinationError) as err:
        check_destination(spec)
    assert "s3cret" not in str(err.value) and "***" in str(err.value)


def test_compute_called_once(tmp_path):
    calls = []

    def compute(*args, **kw):
        calls.append(len(args))
        return dask.compute(*args, scheduler="sync")

    write(frame(), parse_dest(url(tmp_path / "o.db")), compute=compute)
    assert calls == [3]  # one call, the three partition tasks


def test_ddl_and_rename_are_quoted_for_postgresql():
    """No PostgreSQL server here (a later issue): check the SQL we would send is quoted."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    logical = ["int64", "float64", "boolean", "string", "datetime", "category", "object"]
    table = Table(WEIRD_TABLE, MetaData(),
                  *(Column(f"{WEIRD_COL}{i}", sql_mod.sql_type(t), key=f"c{i}") for i, t in enumerate(logical)))
    ddl = str(CreateTable(table).compile(dialect=postgresql.dialect()))
    assert 'CREATE TABLE "we\'ird""; DROP TABLE keep; --"' in ddl
    for i, sql_type in enumerate(["BIGINT", "FLOAT", "BOOLEAN", "TEXT", "TIMESTAMP WITHOUT TIME ZONE", "TEXT", "JSON"]):
        assert f'"x""; DROP TABLE t; --{i}" {sql_type}' in ddl

    class Conn:
        dialect = postgresql.dialect()
        sent: list[str] = []

        def exec_driver_sql(self, statement):
            self.sent.append(statement)

    conn = Conn()
    sql_mod._rename_table(conn, "brewdesk_staging_0123", WEIRD_TABLE)
    assert conn.sent == ['ALTER TABLE brewdesk_staging_0123 RENAME TO "we\'ird""; DROP TABLE keep; --"']
