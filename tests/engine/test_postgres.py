"""A real PostgreSQL server (tests/engine/conftest.py): reading, writing, transactions, names, secrets.

Everything goes through Brewdesk's own paths: :func:`brewdesk.engine.writers.write`, the SQL
reader (:func:`brewdesk.engine.readers.open_source`), ``brewdesk run`` and the job runner.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from brewdesk.cli import main as cli_main
from brewdesk.engine.errors import DestinationError, SourceError
from brewdesk.engine.readers import open_source, parse_source
from brewdesk.engine.writers import check_destination, parse_dest, write
from brewdesk.engine.writers import sql as sql_mod
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.types import ROWID, STRING_DTYPE

from tests.engine.conftest import PW_PASSWORD, PW_USER, PostgresServer
from tests.engine.test_writers_sql import (
    WEIRD_COL,
    WEIRD_TABLE,
    expected_rows,
    failing,
    frame,
    sample,
)

# --------------------------------------------------------------------------------------------
# helpers


def engine_for(server: PostgresServer, db: str) -> sa.Engine:
    return sa.create_engine(server.url(db), poolclass=sa.pool.NullPool)


def q(conn: sa.Connection, sql: str, **params) -> list[tuple]:
    return [tuple(r) for r in conn.execute(sa.text(sql), params).all()]


def snapshot(server: PostgresServer, db: str, table: str = "t") -> dict:
    """Everything that says "this table is exactly as it was": the same relation (OID), its
    rows in physical order (ctid), columns, constraints, indexes; and the tables of the database."""
    eng = engine_for(server, db)
    try:
        with eng.connect() as conn:
            oid = conn.execute(sa.text("SELECT to_regclass(:n)::oid"), {"n": '"' + table.replace('"', '""') + '"'}).scalar()
            if oid is None:
                return {"oid": None, "tables": _tables(conn)}
            qt = conn.dialect.identifier_preparer.quote(table)
            return {
                "oid": oid,
                "rows": q(conn, f"SELECT ctid::text, * FROM {qt} ORDER BY ctid"),
                "columns": q(conn, "SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute "
                                   "WHERE attrelid = :o AND attnum > 0 AND NOT attisdropped ORDER BY attnum", o=oid),
                "constraints": q(conn, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                       "WHERE conrelid = :o ORDER BY conname", o=oid),
                "indexes": q(conn, "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = :o ORDER BY 1", o=oid),
                "tables": _tables(conn),
            }
    finally:
        eng.dispose()


def _tables(conn: sa.Connection) -> list[str]:
    return sorted(r[0] for r in q(conn, "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')"))


def table_rows(server: PostgresServer, db: str, table: str = "t", order: str | None = None) -> list[tuple]:
    eng = engine_for(server, db)
    try:
        with eng.connect() as conn:
            t = sa.Table(table, sa.MetaData(), autoload_with=conn)
            stmt = sa.select(t)
            if order:
                stmt = stmt.order_by(t.c[order])
            return [tuple(r) for r in conn.execute(stmt).all()]
    finally:
        eng.dispose()


def pg_url(server: PostgresServer, db: str, table: str, **kw) -> str:
    return server.url(db, **kw) + "?table=" + quote(table, safe="")


def read(url: str, **options) -> pd.DataFrame:
    ds = open_source(parse_source(url, **options))
    return ds.frame.compute().reset_index(drop=True)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def save_recipe(tmp_path: Path, *steps: Step) -> Path:
    p = tmp_path / "r.json"
    Recipe(steps=steps, name="pg").save(p)
    return p


# --------------------------------------------------------------------------------------------
# the server itself


def test_server_is_real_and_private(pg_server, pg_db):
    eng = engine_for(pg_server, pg_db)
    with eng.connect() as conn:
        assert conn.execute(sa.text("SHOW server_version")).scalar().startswith("15.")
        assert conn.execute(sa.text("SELECT inet_server_addr()::text")).scalar() == "127.0.0.1/32"
    eng.dispose()
    # the password role really needs its password
    bad = sa.create_engine(pg_server.url(pg_db, user=PW_USER, password="wrong"), poolclass=sa.pool.NullPool)
    with pytest.raises(sa.exc.OperationalError, match="password authentication failed"):
        bad.connect()
    good = sa.create_engine(pg_server.url(pg_db, user=PW_USER, password=PW_PASSWORD), poolclass=sa.pool.NullPool)
    with good.connect() as conn:
        assert conn.execute(sa.text("SELECT current_user")).scalar() == PW_USER
    good.dispose()


# --------------------------------------------------------------------------------------------
# types


def test_writer_round_trip_types(pg_server, pg_db):
    url = pg_url(pg_server, pg_db, "t")
    report = write(frame(), parse_dest(url))
    assert report.rows == 6 and report.format == "sql" and report.files == []
    assert snapshot(pg_server, pg_db)["columns"] == [
        ("i", "bigint", False), ("f", "double precision", False), ("b", "boolean", False),
        ("s", "text", False), ("d", "timestamp without time zone", False), ("c", "text", False),
    ]
    assert table_rows(pg_server, pg_db) == expected_rows()
    # and back through Brewdesk's reader: the same frame, the same logical types
    back = read(url)
    src = sample()
    assert list(back.columns) == [*src.columns, ROWID]
    assert [str(t) for t in back.dtypes[:-1]] == ["Int64", "Float64", "boolean", str(STRING_DTYPE), "datetime64[us]", str(STRING_DTYPE)]
    pd.testing.assert_frame_equal(back.drop(columns=ROWID), src.assign(c=src["c"].astype(STRING_DTYPE)), check_dtype=False)
    assert back["f"][0] == 0.1 + 0.2 and back["i"][4] == 2**62  # no precision lost


def test_reader_postgres_native_types(pg_server, pg_db):
    pg_server.psql(
        """
        SET TIME ZONE 'America/New_York';
        CREATE TABLE src (
            id serial PRIMARY KEY, i2 smallint, i4 integer, i8 bigint, n numeric(14,4), r real,
            d double precision, t text, v varchar(10), b boolean, ts timestamp, tz timestamptz, day date);
        INSERT INTO src (i2, i4, i8, n, r, d, t, v, b, ts, tz, day) VALUES
          (1, 2, 9223372036854775807, 12345678.1234, 1.5, 1e300, 'héllo "x"', 'v', true,
           '2024-01-02 03:04:05.123456', '2024-06-01 12:00:00+02', '2024-02-29'),
          (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          (-32768, 0, -1, -0.0001, 'Infinity', '-Infinity', '', 'x', false,
           '1900-01-01', '2024-01-01 00:30:00-05', '0001-01-01');
        """,
        database=pg_db,
    )
    ds = open_source(parse_source(pg_url(pg_server, pg_db, "src")))
    assert dict(ds.schema.items()) == {
        "id": "int64", "i2": "int64", "i4": "int64", "i8": "int64", "n": "float64", "r": "float64",
        "d": "float64", "t": "string", "v": "string", "b": "boolean", "ts": "datetime", "tz": "datetime",
        "day": "datetime",
    }
    df = ds.frame.compute().reset_index(drop=True)
    assert df["id"].tolist() == [1, 2, 3] and df[ROWID].tolist() == [0, 1, 2]
    assert df["i8"][0] == 2**63 - 1 and df["i2"][2] == -32768
    assert df["n"][0] == float(Decimal("12345678.1234")) and df["n"][2] == -0.0001
    assert df["r"][2] == np.inf and df["d"][2] == -np.inf and df["d"][0] == 1e300
    assert df["t"][0] == 'héllo "x"' and df["t"][2] == "" and df["b"].tolist()[::2] == [True, False]
    assert df["ts"][0] == pd.Timestamp("2024-01-02 03:04:05.123456")
    # timezone-aware values are read as UTC (tz-naive), whatever the session time zone
    assert df["tz"][0] == pd.Timestamp("2024-06-01 10:00:00")
    assert df["tz"][2] == pd.Timestamp("2024-01-01 05:30:00")
    assert df["day"][0] == pd.Timestamp("2024-02-29") and df["day"][2] == pd.Timestamp("0001-01-01")
    # the all-NULL row is missing everywhere but the key
    assert df.iloc[1].drop(["id", ROWID]).isna().all()


def test_timestamptz_read_in_a_non_utc_session(pg_server, pg_db):
    """The server (or the role) may default to another time zone: values still arrive as UTC."""
    pg_server.psql(f'ALTER DATABASE "{pg_db}" SET timezone TO \'Asia/Kolkata\'', database=pg_db)
    pg_server.psql("CREATE TABLE z (at timestamptz); INSERT INTO z VALUES ('2024-03-10 12:00:00+00'), (NULL)",
                   database=pg_db)
    df = read(pg_url(pg_server, pg_db, "z"))
    assert df["at"].tolist()[0] == pd.Timestamp("2024-03-10 12:00:00") and pd.isna(df["at"][1])


def test_cli_postgres_to_postgres(pg_server, pg_db, tmp_path, capsys):
    pg_server.psql(
        "CREATE TABLE trips (id int PRIMARY KEY, zone text, fare numeric(8,2), at timestamptz, paid boolean);"
        "INSERT INTO trips SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE '  z' || (g % 3) || ' ' END, g * 1.25,"
        " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute', g % 2 = 0 FROM generate_series(1, 2500) g;",
        database=pg_db,
    )
    recipe = save_recipe(tmp_path, Step.create("trim", {"source_column": "zone"}))
    src = pg_url(pg_server, pg_db, "trips")
    dst = pg_url(pg_server, pg_db, "clean trips")
    code, out, err = cli(capsys, "run", str(recipe), "-i", src, "-o", dst, "--partitions", "3")
    assert code == 0, err
    got = pd.DataFrame(table_rows(pg_server, pg_db, "clean trips", order="id"), columns=["id", "zone", "fare", "at", "paid"])
    assert len(got) == 2500 and got["zone"].isna().sum() == 2500 // 7
    assert set(got["zone"].dropna()) == {"z0", "z1", "z2"}
    assert got["fare"].tolist() == [g * 1.25 for g in range(1, 2501)]
    assert got["at"][0] == dt.datetime(2024, 1, 1, 0, 1) and got["paid"].tolist()[:2] == [False, True]
    # the same run again is refused (the table exists); --if-exists append doubles it
    code, _, err = cli(capsys, "run", str(recipe), "-i", src, "-o", dst)
    assert code == 6 and "already exists" in err and "--overwrite" in err
    code, _, err = cli(capsys, "run", str(recipe), "-i", src, "-o", dst, "--if-exists", "append")
    assert code == 0, err
    assert len(table_rows(pg_server, pg_db, "clean trips")) == 5000


# --------------------------------------------------------------------------------------------
# transactions


def _constrained_table(server: PostgresServer, db: str) -> None:
    server.psql(
        """
        CREATE TABLE t (k text NOT NULL, v bigint CHECK (v < 1000), note text DEFAULT 'old');
        CREATE INDEX t_k ON t (k);
        INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2), ('c', NULL);
        """,
        database=db,
    )


def kv(n: int, *, bad_last: str | None = None, nparts: int = 3) -> dd.DataFrame:
    ks = [f"k{i}" for i in range(n)]
    vs: list = list(range(n))
    if bad_last == "null":
        ks[-1] = None
    elif bad_last == "check":
        vs[-1] = 5000
    pdf = pd.DataFrame({"k": pd.array(ks, dtype=STRING_DTYPE), "v": pd.array(vs, dtype="Int64")})
    return frame(pdf, nparts)


@pytest.mark.parametrize("violation", ["null", "check"])
def test_append_violating_a_constraint_in_the_last_chunk_changes_nothing(pg_server, pg_db, monkeypatch, violation):
    _constrained_table(pg_server, pg_db)
    before = snapshot(pg_server, pg_db)
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 100)
    message = "not-null constraint" if violation == "null" else "check constraint"
    with pytest.raises(DestinationError, match=rf"(?i){message}.*nothing was changed"):
        write(kv(1000, bad_last=violation), parse_dest(pg_url(pg_server, pg_db, "t"), if_exists="append"))
    assert snapshot(pg_server, pg_db) == before


def test_append_good_rows_keeps_constraints_defaults_and_index(pg_server, pg_db):
    _constrained_table(pg_server, pg_db)
    before = snapshot(pg_server, pg_db)
    write(kv(250), parse_dest(pg_url(pg_server, pg_db, "t"), if_exists="append"))
    after = snapshot(pg_server, pg_db)
    assert after["oid"] == before["oid"] and after["constraints"] == before["constraints"]
    assert after["indexes"] == before["indexes"] and after["tables"] == before["tables"]
    rows = table_rows(pg_server, pg_db)
    assert rows[:3] == [("a", 1, "old"), ("b", 2, "old"), ("c", None, "old")]
    assert rows[3:] == [(f"k{i}", i, "old") for i in range(250)]


def _fail_on_insert(monkeypatch, nth: int) -> dict:
    """The ``nth`` batch insert into the staging table raises (an injected fault): an INSERT
    statement, or a batch of rows sent to COPY (psycopg's path, see test_postgres_copy.py)."""
    real = sql_mod.make_engine
    real_copy_batch = sql_mod._copy_batch
    seen = {"n": 0}

    def copy_batch(copy, payload):
        seen["n"] += 1
        if seen["n"] == nth:
            raise RuntimeError("disk on fire")
        real_copy_batch(copy, payload)

    monkeypatch.setattr(sql_mod, "_copy_batch", copy_batch)

    def make_engine(u):
        engine = real(u)

        @sa.event.listens_for(engine, "before_cursor_execute")
        def _boom(conn, cursor, statement, parameters, context, executemany):
            if sql_mod.STAGING_PREFIX in statement and statement.lstrip().upper().startswith("INSERT"):
                seen["n"] += 1
                if seen["n"] == nth:
                    raise RuntimeError("disk on fire")

        return engine

    monkeypatch.setattr(sql_mod, "make_engine", make_engine)
    return seen


@pytest.mark.parametrize("mode", ["replace", "append"])
def test_injected_failure_in_the_last_chunk_changes_nothing(pg_server, pg_db, monkeypatch, mode):
    url = pg_url(pg_server, pg_db, "t")
    write(kv(20), parse_dest(url))
    write(kv(5), parse_dest(pg_url(pg_server, pg_db, "keep")))
    before, keep = snapshot(pg_server, pg_db), snapshot(pg_server, pg_db, "keep")
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 10)
    seen = _fail_on_insert(monkeypatch, nth=3)  # 30 rows, 10 a batch: the third and last one fails
    with pytest.raises(RuntimeError, match="disk on fire"):
        write(kv(30, nparts=2), parse_dest(url, if_exists=mode))
    assert seen["n"] == 3
    assert snapshot(pg_server, pg_db) == before and snapshot(pg_server, pg_db, "keep") == keep


def test_failure_while_computing_changes_nothing(pg_server, pg_db):
    url = pg_url(pg_server, pg_db, "t")
    write(kv(20), parse_dest(url))
    before = snapshot(pg_server, pg_db)
    with pytest.raises(RuntimeError, match="boom in partition 2"):
        write(failing(kv(30)), parse_dest(url, if_exists="replace"))
    assert snapshot(pg_server, pg_db) == before


def test_a_value_postgres_refuses_in_the_last_row_changes_nothing(pg_server, pg_db, monkeypatch):
    """PostgreSQL text cannot hold NUL: the last row fails, the replace is rolled back."""
    url = pg_url(pg_server, pg_db, "t")
    write(kv(20), parse_dest(url))
    before = snapshot(pg_server, pg_db)
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 7)
    pdf = pd.DataFrame({"s": pd.array(["ok"] * 29 + ["nul\x00byte"], dtype=STRING_DTYPE)})
    with pytest.raises(DestinationError, match=r"NUL.*nothing was changed"):
        write(frame(pdf, 3), parse_dest(url, if_exists="replace"))
    assert snapshot(pg_server, pg_db) == before


def test_replace_is_atomic_for_other_sessions(pg_server, pg_db):
    """Another session sees the old table until the commit, then the whole new one."""
    url = pg_url(pg_server, pg_db, "t")
    write(kv(10), parse_dest(url))
    seen: list[int] = []
    real = sql_mod._rename_table
    eng = engine_for(pg_server, pg_db)

    def rename_and_look(conn, old, new, schema=None):
        real(conn, old, new, schema)
        # the writer has dropped and renamed, not committed: a concurrent reader (not waiting
        # for the lock) still sees the committed state
        with eng.connect() as other:
            other.execute(sa.text("SET lock_timeout = '200ms'"))
            try:
                seen.append(other.execute(sa.text("SELECT count(*) FROM t")).scalar())
            except sa.exc.OperationalError as exc:
                assert "lock timeout" in str(exc)
                seen.append(-1)
            other.rollback()
            seen.append(other.execute(sa.text("SELECT count(*) FROM pg_class WHERE relname LIKE 'brewdesk_staging_%'")).scalar())

    import unittest.mock

    with unittest.mock.patch.object(sql_mod, "_rename_table", rename_and_look):
        write(kv(77), parse_dest(url, if_exists="replace"))
    eng.dispose()
    # blocked (-1) or the old 10 rows, never a partial table; the staging table is invisible
    assert seen[0] in (-1, 10) and seen[1] == 0
    assert len(table_rows(pg_server, pg_db)) == 77


def test_replace_with_a_dependent_view_fails_cleanly(pg_server, pg_db):
    url = pg_url(pg_server, pg_db, "t")
    write(kv(10), parse_dest(url))
    pg_server.psql("CREATE VIEW t_view AS SELECT k FROM t", database=pg_db)
    before = snapshot(pg_server, pg_db)
    with pytest.raises(DestinationError, match=r"depend.*nothing was changed"):
        write(kv(3), parse_dest(url, if_exists="replace"))
    assert snapshot(pg_server, pg_db) == before


def test_fail_mode_and_no_staging_left(pg_server, pg_db):
    url = pg_url(pg_server, pg_db, "t")
    write(kv(10), parse_dest(url))
    with pytest.raises(DestinationError, match="already exists"):
        check_destination(parse_dest(url))
    with pytest.raises(DestinationError, match="already exists"):
        write(kv(3), parse_dest(url))
    write(kv(3), parse_dest(url, overwrite=True))
    assert snapshot(pg_server, pg_db)["tables"] == ["t"]
    assert len(table_rows(pg_server, pg_db)) == 3


# --------------------------------------------------------------------------------------------
# identifiers

HOSTILE_COLUMNS = [WEIRD_COL, "select", "Mixed Case", "a.b", "50% :v (x)", "Ünï côl", "; DELETE FROM keep", "'"]


def test_hostile_names_round_trip(pg_server, pg_db, capsys, tmp_path):
    write(kv(4), parse_dest(pg_url(pg_server, pg_db, "keep")))
    keep = snapshot(pg_server, pg_db, "keep")
    keep.pop("tables")
    pdf = pd.DataFrame({c: pd.array([k, None, -k], dtype="Int64") for k, c in enumerate(HOSTILE_COLUMNS)})
    url = pg_url(pg_server, pg_db, WEIRD_TABLE)
    write(frame(pdf, 2), parse_dest(url))
    write(frame(pdf, 2), parse_dest(url, if_exists="append"))
    write(frame(pdf, 1), parse_dest(url, if_exists="replace"))
    write(frame(pdf, 2), parse_dest(pg_server.url(pg_db), table=WEIRD_TABLE, if_exists="append"))
    assert snapshot(pg_server, pg_db, "keep") | {"tables": None} == keep | {"tables": None}
    snap = snapshot(pg_server, pg_db, WEIRD_TABLE)
    assert [c[0] for c in snap["columns"]] == HOSTILE_COLUMNS
    assert snap["tables"] == sorted(["keep", WEIRD_TABLE])
    # read back by the reader (the name URL-encoded in ?table=) and by the CLI into a second table
    back = read(url)
    assert list(back.columns) == [*HOSTILE_COLUMNS, ROWID]
    assert back[WEIRD_COL].astype(object).tolist() == [0, pd.NA, 0] * 2
    assert back["Ünï côl"].astype(object).tolist() == [5, pd.NA, -5] * 2
    recipe = save_recipe(tmp_path, Step.create("fill_with_median", {"source_column": WEIRD_COL}))
    other = 'x"; DROP TABLE keep; -- 2'
    code, _, err = cli(capsys, "run", str(recipe), "-i", url, "-o", pg_url(pg_server, pg_db, other))
    assert code == 0, err
    assert [c[0] for c in snapshot(pg_server, pg_db, other)["columns"]] == HOSTILE_COLUMNS
    assert snapshot(pg_server, pg_db, "keep") | {"tables": None} == keep | {"tables": None}


def test_names_too_long_for_postgres_are_refused_not_truncated(pg_server, pg_db):
    """PostgreSQL silently cuts identifiers at 63 bytes: two long names would collide, a long
    name would come back different. The writer refuses before any work instead."""
    long_a, long_b = "a" * 63 + "_first", "a" * 63 + "_second"
    pdf = pd.DataFrame({long_a: pd.array([1], dtype="Int64"), long_b: pd.array([2], dtype="Int64")})
    with pytest.raises(DestinationError, match=r"63") as err:
        write(frame(pdf, 1), parse_dest(pg_url(pg_server, pg_db, "t")))
    assert long_a in str(err.value)
    ok = pd.DataFrame({"é" * 31: pd.array([1], dtype="Int64")})  # 62 bytes: fine
    write(frame(ok, 1), parse_dest(pg_url(pg_server, pg_db, "t")))
    with pytest.raises(DestinationError, match=r"63"):
        write(frame(ok, 1), parse_dest(pg_url(pg_server, pg_db, "T" * 64)))
    assert snapshot(pg_server, pg_db)["tables"] == ["t"]


# --------------------------------------------------------------------------------------------
# credentials

SPECIAL_PASSWORD = "p@ss:w/rd%?&=#;x"  # every character a URL parser could trip on


def _leaks(text: str, *secrets: str) -> list[str]:
    found = []
    for s in secrets:
        for form in {s, quote(s, safe=""), quote(s)}:
            if form and form in text:
                found.append(form)
    return found


def test_password_never_in_report_output_or_errors(pg_server, pg_db, tmp_path, capsys):
    pg_server.psql("CREATE TABLE src (id int PRIMARY KEY, name text); INSERT INTO src VALUES (1, ' a '), (2, 'b')",
                   database=pg_db)
    src = pg_url(pg_server, pg_db, "src", user=PW_USER, password=PW_PASSWORD)
    # the superuser has trust auth: any password is accepted, so any password may be tried
    dst = pg_url(pg_server, pg_db, "dst", password=quote(SPECIAL_PASSWORD, safe=""))
    recipe = save_recipe(tmp_path, Step.create("trim", {"source_column": "name"}))
    report = tmp_path / "report.json"
    texts: list[str] = []

    code, out, err = cli(capsys, "run", str(recipe), "-i", src, "-o", dst, "--report", str(report), "--json")
    assert code == 0, err
    texts += [out, err, report.read_text()]
    data = json.loads(report.read_text())
    assert data["outputs"][0]["rows"] == 2 and "***" in data["outputs"][0]["location"]
    assert table_rows(pg_server, pg_db, "dst") == [(1, "a"), (2, "b")]
    code, out, err = cli(capsys, "run", str(recipe), "-i", src, "-o", dst)  # human summary
    texts += [out, err]
    assert code == 6 and "already exists" in err

    failures = [
        # wrong password for the role that needs one
        ("-i", pg_url(pg_server, pg_db, "src", user=PW_USER, password="Wr0ng" + PW_PASSWORD)),
        # missing table, missing database, refused port, unknown connection option
        ("-i", pg_url(pg_server, pg_db, "nope", password=PW_PASSWORD)),
        ("-i", pg_url(pg_server, "no_such_db", "src", password=PW_PASSWORD)),
        ("-i", f"postgresql+psycopg://u:{PW_PASSWORD}@127.0.0.1:1/db?table=src"),
        ("-i", pg_server.url(pg_db, password=PW_PASSWORD) + "?table=src&bogus_option=1"),
        ("-o", pg_url(pg_server, "no_such_db", "x", password=PW_PASSWORD)),
        ("-o", pg_server.url(pg_db, password=PW_PASSWORD) + "?table=x&bogus_option=1"),
        ("-o", f"postgresql+psycopg://u:{PW_PASSWORD}@127.0.0.1:notaport/db?table=x"),
        ("-i", f"postgresql+psycopg://u:{PW_PASSWORD}@127.0.0.1:notaport/db?table=x"),
    ]
    for which, bad in failures:
        args = ["-i", bad, "-o", str(tmp_path / "o.csv")] if which == "-i" else ["-i", src, "-o", bad]
        code, out, err = cli(capsys, "run", str(recipe), *args)
        assert code != 0 and err.startswith("error: "), (bad, err)
        texts += [out, err]
    leaked = [(t, _leaks(t, PW_PASSWORD, SPECIAL_PASSWORD)) for t in texts]
    assert [t for t, found in leaked if found] == []


def test_password_never_in_stderr_of_the_real_command(pg_server, pg_db, tmp_path):
    pg_server.psql("CREATE TABLE src (id int, name text); INSERT INTO src VALUES (1, 'a')", database=pg_db)
    recipe = save_recipe(tmp_path, Step.create("trim", {"source_column": "name"}))
    src = pg_url(pg_server, pg_db, "src", user=PW_USER, password=PW_PASSWORD)
    dst = pg_url(pg_server, pg_db, "dst", user=PW_USER, password="Wr0ng" + PW_PASSWORD)
    exe = str(Path(sys.executable).parent / "brewdesk")
    for args in (["-o", pg_url(pg_server, pg_db, "dst", user=PW_USER, password=PW_PASSWORD)], ["-o", dst]):
        done = subprocess.run([exe, "run", str(recipe), "-i", src, *args, "--report", str(tmp_path / "report.json")],
                              capture_output=True, text=True, timeout=120)
        assert not _leaks(done.stdout + done.stderr, PW_PASSWORD), done.stderr
    assert done.returncode == 6 and "password authentication failed" in done.stderr
    assert not _leaks((tmp_path / "report.json").read_text(), PW_PASSWORD)


def test_password_never_in_job_history(pg_server, pg_db, tmp_path, monkeypatch):
    from brewdesk.engine.jobs import JobFailed, JobHistory, start_job

    monkeypatch.setenv("BREWDESK_HOME", str(tmp_path / "home"))
    pg_server.psql("CREATE TABLE src (id int, name text); INSERT INTO src VALUES (1, 'a'), (2, NULL)", database=pg_db)
    _constrained_table(pg_server, pg_db)
    recipe = Recipe(steps=(Step.create("trim", {"source_column": "name"}),), name="hist")
    src = parse_source(pg_url(pg_server, pg_db, "src", user=PW_USER, password=PW_PASSWORD))
    good = parse_dest(pg_url(pg_server, pg_db, "out", user=PW_USER, password=PW_PASSWORD))
    # appending NULL into t.k (NOT NULL) fails inside the database, after the work
    bad = parse_dest(pg_url(pg_server, pg_db, "t", password=PW_PASSWORD), if_exists="append")
    renamed = Recipe(steps=(Step.create("rename", {"source_column": "name", "target_column": "k"}),
                            Step.create("rename", {"source_column": "id", "target_column": "v"})), name="hist2")
    job = start_job(recipe, main=src, outputs=[good])
    assert job.result(timeout=120)["outputs"][0]["rows"] == 2
    job = start_job(renamed, main=src, outputs=[bad])
    with pytest.raises(JobFailed, match="not-null") as err:
        job.result(timeout=120)
    assert not _leaks(str(err.value), PW_PASSWORD)
    records = JobHistory().load()
    assert [r.status for r in records] == ["succeeded", "failed"]
    text = (tmp_path / "home" / "jobs.jsonl").read_text()
    assert "***" in text and not _leaks(text, PW_PASSWORD)


def test_reader_errors_do_not_show_the_password(pg_server, pg_db):
    for url in (
        pg_url(pg_server, pg_db, "nope", password=PW_PASSWORD),
        pg_url(pg_server, pg_db, "src", user=PW_USER, password="Wr0ng" + PW_PASSWORD),
        pg_server.url(pg_db, password=PW_PASSWORD) + "?table=src&bogus_option=1",
    ):
        with pytest.raises(SourceError) as err:
            open_source(parse_source(url))
        assert not _leaks(str(err.value), PW_PASSWORD), str(err.value)
