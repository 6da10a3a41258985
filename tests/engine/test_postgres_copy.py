"""PostgreSQL loads through psycopg's COPY (engine/writers/sql.py): the same tables as the
``executemany`` path, one transaction, quoted names, schema-qualified targets, fallbacks.

Every test runs against the real server of tests/engine/conftest.py. "The INSERT path" is the
writer with COPY switched off (``_copy_cursor`` returning ``None``), which is what every other
driver and dialect uses.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from urllib.parse import quote

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import sqlalchemy as sa
from brewdesk.engine.errors import DestinationError
from brewdesk.engine.writers import parse_dest, write
from brewdesk.engine.writers import sql as sql_mod
from brewdesk.recipes.model.types import STRING_DTYPE

from tests.engine.conftest import PG_BIN, SUPERUSER, PostgresServer, _run
from tests.engine.test_postgres import engine_for, kv, pg_url, snapshot
from tests.engine.test_writers_sql import WEIRD_COL, WEIRD_TABLE, frame, sample

TEXTS = ["a\tb", "l1\nl2", "cr\r", "crlf\r\n", "back\\slash", "\\.", "\\N", "", None, '"q"', "\\", "é 中 😀",
         "\\t not a tab", "end\\", "\t", "\n"]


def awkward() -> pd.DataFrame:
    """Every staged type with the values an encoding could get wrong (escapes, bit patterns, ranges)."""
    n = len(TEXTS)
    floats = [0.1 + 0.2, None, np.inf, -np.inf, -0.0, 5e-324, 1.7976931348623157e308, 1e16, 123456789012345678.0,
              -2.5, 1e-310, 7.0, None, 0.0, 1.0 / 3, 2.0**53 + 1]
    ints = [-(2**63), 2**63 - 1, None, 0, -1, 1, 2**53 + 1, None, 42, 10**18, -(10**18), 7, 8, 9, 10, 11]
    stamps = [dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59, 999999), dt.datetime(1969, 12, 31, 23, 59, 59, 1),
              None, dt.datetime(2024, 2, 29, 12), dt.datetime(2000, 1, 1, 0, 0, 0, 10)] + [dt.datetime(2024, 1, 2, 3, 4, 5)] * (n - 6)
    return pd.DataFrame(
        {
            "s": pd.array(TEXTS, dtype=STRING_DTYPE),
            "f": pd.array(floats, dtype="Float64"),
            "i": pd.array(ints, dtype="Int64"),
            "b": pd.array([True, False, None] * 5 + [True], dtype="boolean"),
            "d": pd.Series(stamps, dtype="datetime64[us]"),
            "c": pd.Categorical(["x", None, "y\tz", "\\"] * 4),
            "z": pd.Series(pd.to_datetime(["2024-01-01 00:30:00+05:30", None] * 8, utc=True)).dt.tz_convert("Asia/Kolkata"),
            "m": pd.array([Decimal("1.10"), None] * 8, dtype=pd.ArrowDtype(pa.decimal128(10, 2))),
        }
    )


def copy_spy(monkeypatch) -> list[bytes]:
    """Record every batch the writer sends to COPY (and still send it)."""
    sent: list[bytes] = []
    real = sql_mod._copy_batch

    def spy(copy, payload):
        sent.append(bytes(payload))
        real(copy, payload)

    monkeypatch.setattr(sql_mod, "_copy_batch", spy)
    return sent


def no_copy(monkeypatch) -> None:
    monkeypatch.setattr(sql_mod, "_copy_cursor", lambda conn, plan: None)


def stored(server: PostgresServer, db: str, table: str, schema: str = "public") -> dict:
    """Column types, every row as PostgreSQL prints it (physical order), and as psycopg reads it."""
    eng = engine_for(server, db)
    prep = eng.dialect.identifier_preparer
    qt = f"{prep.quote_schema(schema)}.{prep.quote(table)}"
    try:
        with eng.connect() as conn:
            # the preparer doubles "%" for the driver's formatting; a bound value is not formatted
            oid = conn.execute(sa.text("SELECT to_regclass(:n)::oid"), {"n": qt.replace("%%", "%")}).scalar_one()
            return {
                "types": conn.execute(sa.text("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                                              "WHERE attrelid = :o AND attnum > 0 ORDER BY attnum"), {"o": oid}).all(),
                "text": conn.exec_driver_sql(f"SELECT t::text FROM {qt} t ORDER BY ctid").scalars().all(),
                "values": [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {qt} ORDER BY ctid").all()],
            }
    finally:
        eng.dispose()


def staging_tables(server: PostgresServer, db: str) -> list[str]:
    eng = engine_for(server, db)
    try:
        with eng.connect() as conn:
            return conn.execute(sa.text("SELECT relname FROM pg_class WHERE relname LIKE 'brewdesk_staging_%'")).scalars().all()
    finally:
        eng.dispose()


# --------------------------------------------------------------------------------------------


def test_copy_stores_exactly_what_the_insert_path_stores(pg_server, pg_db, monkeypatch):
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 5)  # several batches, a short last one
    sent = copy_spy(monkeypatch)
    write(frame(awkward(), 3), parse_dest(pg_url(pg_server, pg_db, "by_copy")))
    assert len(sent) == 4  # 16 rows in 3 partitions (6, 5, 5), 5 rows a batch
    copied = stored(pg_server, pg_db, "by_copy")
    no_copy(monkeypatch)
    sent.clear()
    write(frame(awkward(), 3), parse_dest(pg_url(pg_server, pg_db, "by_insert")))
    assert sent == []
    inserted = stored(pg_server, pg_db, "by_insert")
    assert copied == inserted
    # and what that is, spelled out
    assert copied["types"] == [("s", "text"), ("f", "double precision"), ("i", "bigint"), ("b", "boolean"),
                               ("d", "timestamp without time zone"), ("c", "text"), ("z", "timestamp without time zone"),
                               ("m", "double precision")]
    rows = copied["values"]
    assert [r[0] for r in rows] == TEXTS
    f = [r[1] for r in rows]
    assert f[0] == 0.1 + 0.2 and f[1] is None and f[2] == np.inf and f[3] == -np.inf
    assert f[4] == 0.0 and np.signbit(f[4]) and f[5] == 5e-324 and f[15] == 2.0**53
    assert [r[2] for r in rows][:3] == [-(2**63), 2**63 - 1, None]
    assert [r[3] for r in rows][:3] == [True, False, None]
    assert [r[4] for r in rows][:3] == [dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
                                        dt.datetime(1969, 12, 31, 23, 59, 59, 1)]
    assert [r[5] for r in rows][:4] == ["x", None, "y\tz", "\\"]
    assert [r[6] for r in rows][:2] == [dt.datetime(2023, 12, 31, 19, 0), None]  # the UTC wall time
    assert [r[7] for r in rows][:2] == [1.1, None]


def test_nan_and_null_are_stored_as_by_the_insert_path(pg_server, pg_db, monkeypatch):
    pdf = pd.DataFrame({"f": pd.array([np.nan, None, 1.5], dtype="Float64"), "g": np.array([np.nan, 2.0, np.inf])})
    sent = copy_spy(monkeypatch)
    write(frame(pdf, 1), parse_dest(pg_url(pg_server, pg_db, "a")))
    assert sent
    no_copy(monkeypatch)
    write(frame(pdf, 1), parse_dest(pg_url(pg_server, pg_db, "b")))
    assert stored(pg_server, pg_db, "a") == stored(pg_server, pg_db, "b")
    assert stored(pg_server, pg_db, "a")["text"][1:] == ["(,2)", "(1.5,Infinity)"]


def test_row_order_across_partitions_and_batches(pg_server, pg_db, monkeypatch):
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 3000)
    sent = copy_spy(monkeypatch)
    write(kv(25_000, nparts=4), parse_dest(pg_url(pg_server, pg_db, "t")))
    assert len(sent) == 12  # 4 partitions of 6,250 rows, 3,000 rows a batch
    values = stored(pg_server, pg_db, "t")["values"]
    assert values == [(f"k{i}", i) for i in range(25_000)]


def test_hostile_names_in_a_hostile_schema(pg_server, pg_db, monkeypatch):
    schema = 'sch"; DROP TABLE keep; --%'
    cols = [WEIRD_COL, "50% :v (x)", "100%%", "%(x)s", "Mixed Case", "select", "'", "tab\tname"]
    pg_server.psql(f'CREATE SCHEMA "{schema.replace(chr(34), chr(34) * 2)}"; CREATE TABLE keep (a int)', database=pg_db)
    pdf = pd.DataFrame({c: pd.array([k, None, -k], dtype="Int64") for k, c in enumerate(cols)})
    url = pg_url(pg_server, pg_db, WEIRD_TABLE) + "&schema=" + quote(schema, safe="")
    sent = copy_spy(monkeypatch)
    write(frame(pdf, 2), parse_dest(url))
    write(frame(pdf, 2), parse_dest(url, if_exists="append"))
    assert len(sent) == 4
    got = stored(pg_server, pg_db, WEIRD_TABLE, schema)
    assert [name for name, _ in got["types"]] == cols
    assert got["values"] == [tuple(range(8)), (None,) * 8, tuple(-k for k in range(8))] * 2
    write(frame(pdf.iloc[:1], 1), parse_dest(url, if_exists="replace"))
    assert len(stored(pg_server, pg_db, WEIRD_TABLE, schema)["values"]) == 1
    assert snapshot(pg_server, pg_db, "keep")["tables"] == ["keep"]  # public untouched
    assert staging_tables(pg_server, pg_db) == []


def test_schema_qualified_replace_fails_in_the_last_batch_and_changes_nothing(pg_server, pg_db, monkeypatch):
    """The server refuses a row of the last batch: staging, COPY and swap roll back together."""
    pg_server.psql("CREATE SCHEMA sales", database=pg_db)
    url = pg_url(pg_server, pg_db, "sales.orders")
    write(kv(20), parse_dest(url))
    before = stored(pg_server, pg_db, "orders", "sales")
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 10)
    calls = {"n": 0}
    real = sql_mod._copy_batch

    def corrupt_last(copy, payload):
        calls["n"] += 1
        # the last field of the last row announces 8 bytes and gives 4: the tuple is malformed
        real(copy, bytes(payload)[:-4] if calls["n"] == 3 else payload)

    monkeypatch.setattr(sql_mod, "_copy_batch", corrupt_last)
    with pytest.raises(DestinationError, match=r"cannot write table 'sales.orders'.*: .+ \(nothing was changed\)"):
        write(kv(30, nparts=3), parse_dest(url, if_exists="replace"))  # three batches of 10
    assert calls["n"] == 3
    assert stored(pg_server, pg_db, "orders", "sales") == before
    assert staging_tables(pg_server, pg_db) == []
    # and the same rows go through when nothing is corrupted
    monkeypatch.setattr(sql_mod, "_copy_batch", real)
    write(kv(30, nparts=3), parse_dest(url, if_exists="replace"))
    assert stored(pg_server, pg_db, "orders", "sales")["values"] == [(f"k{i}", i) for i in range(30)]


def test_copy_runs_inside_the_writers_transaction(pg_server, pg_db, monkeypatch):
    """While rows stream in, another session sees neither the staging table nor new rows."""
    url = pg_url(pg_server, pg_db, "t")
    write(kv(10), parse_dest(url))
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 10)
    other = engine_for(pg_server, pg_db)
    seen: list[tuple] = []
    real = sql_mod._copy_batch

    def look(copy, payload):
        real(copy, payload)
        with other.connect() as conn:
            seen.append((conn.execute(sa.text("SELECT count(*) FROM t")).scalar_one(),
                         conn.execute(sa.text("SELECT count(*) FROM pg_class WHERE relname LIKE 'brewdesk_staging_%'")).scalar_one()))

    monkeypatch.setattr(sql_mod, "_copy_batch", look)
    write(kv(30), parse_dest(url, if_exists="append"))
    other.dispose()
    assert seen == [(10, 0)] * 3
    assert len(stored(pg_server, pg_db, "t")["values"]) == 40


def test_nul_is_refused_naming_the_column(pg_server, pg_db, monkeypatch):
    url = pg_url(pg_server, pg_db, "t")
    write(kv(5), parse_dest(url))
    before = snapshot(pg_server, pg_db)
    sent = copy_spy(monkeypatch)
    pdf = pd.DataFrame({"ok": pd.array(["a"] * 3, dtype=STRING_DTYPE), "note s": pd.array(["x", "y", "nul\x00"], dtype=STRING_DTYPE)})
    with pytest.raises(DestinationError, match=r"column 'note s' holds a NUL \(0x00\).*nothing was changed") as err:
        write(frame(pdf, 1), parse_dest(url, if_exists="replace"))
    assert "replace step" in (err.value.hint or "") and sent == []
    assert snapshot(pg_server, pg_db) == before


def test_latin1_database_keeps_the_insert_path(pg_server, monkeypatch):
    """COPY sends Arrow's UTF-8 bytes, so a non-UTF-8 client encoding takes the INSERT path
    (psycopg encodes each value), and the text still round-trips."""
    db = f"latin1_{uuid.uuid4().hex[:10]}"
    _run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(pg_server.port), "-U", SUPERUSER, "-E", "LATIN1",
          "-T", "template0", "--locale=C", db], what="createdb latin1")
    sent = copy_spy(monkeypatch)
    pdf = pd.DataFrame({"s": pd.array(["é ü ß", "a\tb", None], dtype=STRING_DTYPE)})
    write(frame(pdf, 1), parse_dest(pg_url(pg_server, db, "t")))
    assert sent == []
    assert stored(pg_server, db, "t")["values"] == [("é ü ß",), ("a\tb",), (None,)]


def test_copy_applies_only_to_psycopg_and_plain_types(pg_server, pg_db):
    from brewdesk.engine.writers.convert import PartPlan

    plan = PartPlan("parquet", ("a", "b"), ("int64", "string"), "/nonexistent")
    eng = engine_for(pg_server, pg_db)
    try:
        with eng.begin() as conn:
            cursor = sql_mod._copy_cursor(conn, plan)
            assert cursor is not None and cursor.connection is conn.connection.dbapi_connection
            cursor.close()
            assert sql_mod._copy_cursor(conn, PartPlan("parquet", ("a", "o"), ("int64", "object"), "/x")) is None
            assert sql_mod._copy_cursor(conn, PartPlan("parquet", (), (), "/x")) is None
    finally:
        eng.dispose()
    lite = sa.create_engine("sqlite://")
    with lite.begin() as conn:
        assert sql_mod._copy_cursor(conn, plan) is None
    lite.dispose()


def test_empty_frame_creates_the_table_without_copy_batches(pg_server, pg_db, monkeypatch):
    sent = copy_spy(monkeypatch)
    write(frame(sample().iloc[:0], 1), parse_dest(pg_url(pg_server, pg_db, "t")))
    assert sent == []
    got = stored(pg_server, pg_db, "t")
    assert got["values"] == [] and [n for n, _ in got["types"]] == list(sample().columns)


def test_a_timestamp_postgres_refuses_in_the_last_row_changes_nothing(pg_server, pg_db):
    """5000 BC fits datetime64[us] but not PostgreSQL's timestamp: the server refuses the COPY."""
    url = pg_url(pg_server, pg_db, "t")
    write(kv(5), parse_dest(url))
    before = snapshot(pg_server, pg_db)
    stamps = np.array(["2024-01-01"] * 29 + ["-5000-01-01"], dtype="datetime64[us]")
    with pytest.raises(DestinationError, match=r"timestamp out of range \(nothing was changed\)"):
        write(frame(pd.DataFrame({"at": pd.Series(stamps)}), 3), parse_dest(url, if_exists="replace"))
    assert snapshot(pg_server, pg_db) == before


@pytest.mark.parametrize("path", ["copy", "insert"])
def test_injected_failure_in_the_last_batch_on_either_path(pg_server, pg_db, monkeypatch, path):
    """COPY (psycopg) and executemany (psycopg2, pg8000, ...) both leave the table as it was."""
    from tests.engine.test_postgres import _fail_on_insert

    url = pg_url(pg_server, pg_db, "t")
    write(kv(20), parse_dest(url))
    before = snapshot(pg_server, pg_db)
    if path == "insert":
        no_copy(monkeypatch)
    monkeypatch.setattr(sql_mod, "BATCH_ROWS", 10)
    seen = _fail_on_insert(monkeypatch, nth=3)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write(kv(30), parse_dest(url, if_exists="replace"))
    assert seen["n"] == 3
    assert snapshot(pg_server, pg_db) == before


def test_nested_columns_keep_the_insert_path_and_its_json(pg_server, pg_db, monkeypatch):
    sent = copy_spy(monkeypatch)
    kind = pd.ArrowDtype(pa.struct([("a", pa.int64()), ("b", pa.string())]))
    pdf = pd.DataFrame({"i": pd.array([1, 2, 3], dtype="Int64"),
                        "o": pd.array([{"a": 1, "b": "x\ty"}, None, {"a": 2, "b": None}], dtype=kind)})
    write(frame(pdf, 1), parse_dest(pg_url(pg_server, pg_db, "t")))
    assert sent == []
    got = stored(pg_server, pg_db, "t")
    assert got["types"] == [("i", "bigint"), ("o", "json")]
    # SQLAlchemy's JSON type stores a missing value as JSON null (unchanged by COPY's arrival)
    assert got["values"] == [(1, {"a": 1, "b": "x\ty"}), (2, None), (3, {"a": 2, "b": None})]
    assert got["text"][1] == "(2,null)"
