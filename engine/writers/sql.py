"""SQL tables through SQLAlchemy 2 Core, in one transaction, via a staging table.

``DataFrame.to_sql`` commits chunk by chunk and, with ``if_exists="replace"``, drops the old
table first (docs/architecture.md section 7). Here instead:

1. the partitions are computed in parallel (one ``compute`` call) into Parquet files in a
   temporary staging folder (``$TMPDIR/.brewdesk-sql.brewdesk-staging-<tag>``; workers must
   see it, as with any local output);
2. one transaction: create a staging table ``brewdesk_staging_<random>`` typed from the plan
   (int64 BigInteger, float64 Float, string/category Text, boolean Boolean, datetime DateTime,
   object JSON); insert the parts in order, 10,000 rows per ``executemany``; check the row
   count; then ``fail``: error if the target exists; ``replace``: drop the target and rename
   the staging table to it; ``append``: ``INSERT INTO target (cols) SELECT cols FROM staging``
   (columns matched by name) and drop the staging table;
3. commit. Any failure rolls everything back: the target is exactly as it was.

PostgreSQL through psycopg (3) loads the staging table with one binary ``COPY ... FROM STDIN``
instead of ``executemany``, on the SQLAlchemy connection's own DBAPI connection, so it is part
of the same transaction. Each 10,000-row batch is encoded by Arrow and NumPy (no per-value
Python): the values are those the INSERT path stores (see :func:`_copy_field`); text holding
NUL is refused naming its column, as PostgreSQL would refuse it. On a 1,000,000-row taxi file
this takes the client from 22 to about 4 CPU seconds and the server from 6 to about 1
(tests/benchmarks/README.md). psycopg2, pg8000, other dialects, ``object`` columns and
non-UTF-8 client encodings keep ``executemany``.

Identifiers are quoted by SQLAlchemy (table and column names are never spliced into SQL
text unquoted), and column bind parameters use positional keys, so any column name works.
Memory holds one 10,000-row batch at a time.

Dialects: SQLite (pysqlite is switched to SQLAlchemy's documented "BEGIN on begin" recipe so
DDL is transactional too) and PostgreSQL are transactional for DDL. On MySQL and Oracle, DDL
commits implicitly, so a failure there can leave the staging table behind (named
``brewdesk_staging_*``; the target is still only touched at the end).
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import dask
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from brewdesk.engine.dbhints import connection_hint
from brewdesk.engine.errors import DestinationError
from brewdesk.recipes.model.errors import did_you_mean

from .base import Target, check_parent
from .convert import PartPlan, PartResult, conform
from .parquet import write_part as write_parquet_part
from .staging import discard, new_tag, os_reason, recover, staging_path

BATCH_ROWS = 10_000
STAGING_PREFIX = "brewdesk_staging_"


def sql_type(logical: str) -> Any:
    """SQLAlchemy type of a logical column type."""
    # heavy dependency: SQLAlchemy is imported only when a table is written
    from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Float, Text

    return {
        "int64": BigInteger(),
        "float64": Float(),
        "string": Text(),
        "category": Text(),
        "boolean": Boolean(),
        "datetime": DateTime(),
        "object": JSON(),
    }[logical]


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event emit BEGIN


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: Any) -> Any:
    """An Engine for ``url``; pysqlite gets transactional DDL (SQLAlchemy's recipe)."""
    # heavy dependency: SQLAlchemy is imported only when a table is written
    from sqlalchemy import create_engine, event

    try:
        engine = create_engine(url)
    except Exception as exc:  # bad URL parameters, missing driver
        raise DestinationError(f"cannot use {_masked(url)}: {_reason(exc, url)}") from None
    if engine.dialect.name == "sqlite" and engine.dialect.driver == "pysqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


_SQLITE_IO = {
    "SQLITE_FULL": "no space left on the device",
    "SQLITE_IOERR_WRITE": "writing the database file failed: no space left, a file size limit, "
    "or a read-only or failing device",
    "SQLITE_IOERR_FSYNC": "flushing the database file to disk failed",
    "SQLITE_READONLY": "the database file or its folder is read-only",
    "SQLITE_CANTOPEN": "the database file cannot be opened (its folder moved, deleted or read-only?)",
}
"""Plain reasons for SQLite's I/O error codes (its own messages, "disk I/O error", are vague)."""


def _sqlite_cause(url: Any) -> str:
    """Why writing a SQLite file failed, when it can be told: the process's file size limit
    (SQLite reports ``EFBIG`` as a plain I/O error) or a full device."""
    try:
        import resource  # not on Windows

        soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    except (ImportError, AttributeError, OSError):
        soft = -1
    if soft >= 0:  # RLIM_INFINITY is -1
        return f"File too large (over this process's file size limit of {soft} bytes)"
    db = _sqlite_file(url)
    try:
        if db is not None and shutil.disk_usage(db.parent).free < 2**20:
            return "No space left on device"
    except OSError:
        pass
    return _SQLITE_IO["SQLITE_IOERR_WRITE"]


def _masked(url: Any) -> str:
    return url.render_as_string(hide_password=True)


def _reason(exc: BaseException, url: Any) -> str:
    """First line of a database error, without SQL, parameters or the password."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    line = (text[0] if text else type(exc).__name__)[:500]
    code = getattr(orig, "sqlite_errorname", "")
    if code in _SQLITE_IO:
        line = f"{line} ({code}: {_sqlite_cause(url) if code == 'SQLITE_IOERR_WRITE' else _SQLITE_IO[code]})"
    password = getattr(url, "password", None)
    if password:
        line = line.replace(str(password), "***")
    return line


def _sqlite_file(url: Any) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:") or url.query.get("uri"):
        return None
    return Path(os.path.abspath(db))


def _describe(target: Target) -> str:
    name = f"{target.schema}.{target.table}" if target.schema else target.table
    return f"table {name!r} in {_masked(target.url)}"


def check_table(target: Target, columns: Sequence[str] | None = None) -> None:
    """Pre-flight for a SQL target.

    Raises
    ------
    DestinationError
        The database cannot be reached; the table exists and ``if_exists="fail"``; with
        ``columns`` and ``if_exists="append"``: a column is missing from the existing table.
    """
    # heavy dependency: SQLAlchemy is imported only when a table is written
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    _check_name_lengths(target, columns or ())
    db_file = _sqlite_file(target.url)
    if db_file is not None:
        check_parent(db_file)
        if not db_file.exists():
            return
    engine = make_engine(target.url)
    try:
        with engine.connect() as conn:
            insp = inspect(conn)
            _check_schema(target, insp)
            exists = insp.has_table(target.table, schema=target.schema)
            existing = (
                [c["name"] for c in insp.get_columns(target.table, schema=target.schema)]
                if exists and columns is not None
                else None
            )
    except SQLAlchemyError as exc:
        reason = _reason(exc, target.url)
        raise DestinationError(
            f"cannot open {_masked(target.url)}: {reason}", hint=connection_hint(reason, target.url)
        ) from None
    finally:
        engine.dispose()
    if exists and target.if_exists == "fail":
        raise DestinationError(
            f"{_describe(target)} already exists",
            hint="use --overwrite (if_exists='replace') or if_exists='append'",
        )
    if existing is not None and target.if_exists == "append":
        _check_append(target, list(columns or ()), existing)


def _check_name_lengths(target: Target, columns: Sequence[str]) -> None:
    """Refuse names the database would silently cut short (PostgreSQL: 63 bytes).

    PostgreSQL truncates longer identifiers with only a NOTICE: a long column name would come
    back different, and two long names sharing their first 63 bytes would collide.
    """
    try:
        dialect = target.url.get_dialect()
    except Exception:  # noqa: BLE001 - an unknown driver is reported when connecting
        return
    limit = getattr(dialect, "max_identifier_length", None)
    if not limit:
        return
    pg = dialect.name == "postgresql"
    unit = "bytes" if pg else "characters"

    def size(name: str) -> int:
        return len(name.encode("utf-8")) if pg else len(name)

    for what, name in [("table", target.table or ""), *(("column", c) for c in columns)]:
        if size(name) > limit:
            raise DestinationError(
                f"cannot write {_describe(target)}: the {what} name {name!r} is {size(name)} {unit} long; "
                f"{dialect.name} allows at most {limit} and would cut it short",
                hint="rename it (a rename step) or choose a shorter table name",
            )


def _check_append(target: Target, columns: list[str], existing: list[str]) -> None:
    missing = [c for c in columns if c not in existing]
    if missing:
        first = missing[0]
        raise DestinationError(
            f"cannot append to {_describe(target)}: it has no column(s) {', '.join(repr(c) for c in missing)}"
            f"{did_you_mean(first, existing)}",
            hint="rename the columns to match, or use if_exists='replace'",
        )


def _rename_table(conn: Any, old: str, new: str, schema: str | None = None) -> None:
    """Rename ``old`` to ``new`` within ``schema`` (names quoted by the dialect, never interpolated raw)."""
    # heavy dependency: SQLAlchemy is imported only when a table is written
    from sqlalchemy import text

    prep = conn.dialect.identifier_preparer
    source = f"{prep.quote_schema(schema)}.{prep.quote(old)}" if schema else prep.quote(old)
    if conn.dialect.name == "mssql":
        conn.execute(text("EXEC sp_rename :old, :new"), {"old": f"{schema}.{old}" if schema else old, "new": new})
        return
    conn.exec_driver_sql(f"ALTER TABLE {source} RENAME TO {prep.quote(new)}")


def _check_schema(target: Target, insp: Any) -> None:
    """A schema-qualified destination needs its schema to exist (Brewdesk does not create schemas)."""
    if not target.schema:
        return
    schemas = insp.get_schema_names()
    if target.schema not in schemas:
        raise DestinationError(
            f"cannot write {_describe(target)}: the database has no schema {target.schema!r}"
            f"{did_you_mean(target.schema, schemas)}",
            hint=f"create it first (CREATE SCHEMA {target.schema}), or give ?schema= to write a table "
            f"named {target.schema + '.' + (target.table or '')!r} into the default schema",
        )


def _load(target: Target, plan: PartPlan, results: Sequence[PartResult], rows: int) -> None:
    """The one transaction: staging table, inserts (or COPY), count, then fail/replace/append."""
    # heavy dependency: SQLAlchemy is imported only when a table is written
    from sqlalchemy import Column, MetaData, Table, func, insert, inspect, select
    from sqlalchemy.exc import SQLAlchemyError

    keys = [f"c{i}" for i in range(len(plan.columns))]
    name = STAGING_PREFIX + uuid.uuid4().hex[:12]
    engine = make_engine(target.url)
    try:
        with engine.begin() as conn:
            insp = inspect(conn)
            _check_schema(target, insp)
            exists = insp.has_table(target.table, schema=target.schema)
            if exists and target.if_exists == "fail":
                raise DestinationError(f"{_describe(target)} already exists", hint="use --overwrite or if_exists='append'")
            staging = Table(
                name,
                MetaData(),
                *(Column(c, sql_type(t), key=k, nullable=True) for c, t, k in zip(plan.columns, plan.logical, keys, strict=True)),
                schema=target.schema,
            )
            staging.create(conn)
            batches = _batches(plan, results)
            copy_cursor = _copy_cursor(conn, plan)
            if copy_cursor is not None:
                inserted = _copy_load(copy_cursor, _copy_statement(conn, staging, plan), batches, plan, target)
            elif conn.dialect.name == "sqlite":
                inserted = _sqlite_load(conn, insert(staging), batches)
            else:
                inserted = _insert_load(conn, insert(staging), keys, batches)
            count = conn.execute(select(func.count()).select_from(staging)).scalar_one()
            if inserted != rows or count != rows:
                raise DestinationError(
                    f"verification failed for {_describe(target)}: {count} rows staged, {rows} computed"
                )
            if exists and target.if_exists == "append":
                existing = Table(target.table, MetaData(), autoload_with=conn, schema=target.schema)
                _check_append(target, list(plan.columns), [c.name for c in existing.columns])
                by_name = {c.name: c for c in existing.columns}
                conn.execute(
                    insert(existing).from_select(
                        [by_name[c] for c in plan.columns],
                        select(*(staging.c[k] for k in keys)),
                    )
                )
                staging.drop(conn)
            else:
                if exists:
                    Table(target.table, MetaData(), schema=target.schema).drop(conn)
                _rename_table(conn, name, target.table, target.schema)
    except DestinationError:
        raise
    except SQLAlchemyError as exc:
        raise DestinationError(f"cannot write {_describe(target)}: {_reason(exc, target.url)} (nothing was changed)") from None
    finally:
        engine.dispose()


def _batches(plan: PartPlan, results: Sequence[PartResult]) -> Iterator[Any]:
    """The staged rows as Arrow record batches of at most :data:`BATCH_ROWS`, in part order."""
    for res in sorted(results, key=lambda r: r.index):
        for rel in res.files:
            pf = pq.ParquetFile(os.path.join(plan.root, rel))
            try:
                yield from pf.iter_batches(batch_size=BATCH_ROWS)
            finally:
                pf.close()


def _insert_load(conn: Any, stmt: Any, keys: list[str], batches: Iterator[Any]) -> int:
    """Generic path: SQLAlchemy ``executemany`` of one dict per row (its type processing)."""
    inserted = 0
    for batch in batches:
        cols = [col.to_pylist() for col in batch.columns]
        params = [dict(zip(keys, row, strict=True)) for row in zip(*cols, strict=True)]
        if params:
            conn.execute(stmt, params)
        inserted += len(params)
    return inserted


def _sqlite_load(conn: Any, stmt: Any, batches: Iterator[Any]) -> int:
    """SQLite: the DBAPI's own executemany with tuples (no per-value Python type processing);
    datetimes are formatted by Arrow as SQLAlchemy stores them."""
    sql_text = str(stmt.compile(dialect=conn.dialect))
    inserted = 0
    for batch in batches:
        values = list(zip(*(_sqlite_values(c) for c in batch.columns), strict=True))
        if values:
            conn.exec_driver_sql(sql_text, values)
        inserted += len(values)
    return inserted


_COPY_LOGICAL = frozenset({"int64", "float64", "boolean", "string", "category", "datetime"})
_PG_SIGNATURE = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # binary COPY header: signature, flags, no extension
_PG_TRAILER = b"\xff\xff"  # field count -1: end of data
_PG_EPOCH_US = 946_684_800_000_000  # 2000-01-01 00:00:00 in Unix microseconds (PostgreSQL's epoch)


def _copy_cursor(conn: Any, plan: PartPlan) -> Any | None:
    """A psycopg cursor on the transaction's own connection when COPY applies, else ``None``.

    COPY applies to PostgreSQL through psycopg (3) with a UTF-8 client encoding (text goes as
    Arrow's UTF-8 bytes) and at least one column, all of logical types whose binary form is
    written here exactly as the INSERT path stores them (``object`` columns keep the INSERT path
    and its JSON processing).
    """
    if conn.dialect.name != "postgresql" or conn.dialect.driver != "psycopg":
        return None
    if not plan.columns or any(t not in _COPY_LOGICAL for t in plan.logical):
        return None
    dbapi_connection = conn.connection.dbapi_connection
    if codecs.lookup(dbapi_connection.info.encoding).name != "utf-8":
        return None
    return dbapi_connection.cursor()


def _copy_statement(conn: Any, staging: Any, plan: PartPlan) -> str:
    """``COPY "schema"."staging" ("col", ...) FROM STDIN (FORMAT BINARY)``, names quoted by the dialect."""
    prep = conn.dialect.identifier_preparer
    statement = f"COPY {prep.format_table(staging)} ({', '.join(prep.quote(c) for c in plan.columns)}) FROM STDIN (FORMAT BINARY)"
    if conn.dialect.paramstyle in ("format", "pyformat"):
        # such a preparer doubles each "%" of a name (the driver halves them when it formats
        # parameters); COPY goes without parameters, as written. Every "%" here is a doubled one.
        statement = statement.replace("%%", "%")
    return statement


def _copy_load(cursor: Any, statement: str, batches: Iterator[Any], plan: PartPlan, target: Target) -> int:
    """Stream every batch into one binary ``COPY ... FROM STDIN``; the number of rows.

    Runs on the SQLAlchemy connection's own DBAPI connection, so it is part of the staging
    transaction: a failure anywhere rolls it back with everything else.
    """
    # optional dependency (psycopg is not a requirement): used only for PostgreSQL's COPY
    import psycopg

    inserted = 0
    with cursor:
        try:
            with cursor.copy(statement) as copy:
                copy.write(_PG_SIGNATURE)
                for batch in batches:
                    if batch.num_rows:
                        _copy_batch(copy, _copy_payload(batch, plan, target))
                    inserted += batch.num_rows
                copy.write(_PG_TRAILER)
        except psycopg.Error as exc:
            raise DestinationError(
                f"cannot write {_describe(target)}: {_reason(exc, target.url)} (nothing was changed)"
            ) from None
    return inserted


def _copy_batch(copy: Any, payload: memoryview) -> None:
    """Send one batch's rows (binary COPY tuples) to the server."""
    copy.write(payload)


def _copy_payload(batch: Any, plan: PartPlan, target: Target) -> memoryview:
    """The batch as binary COPY tuples (field count, then each field's length and bytes), built
    by Arrow and NumPy without a Python loop over rows or values."""
    fields = [_copy_field(col, name, target) for col, name in zip(batch.columns, plan.columns, strict=True)]
    count = pa.scalar(len(fields).to_bytes(2, "big"), pa.binary())
    rows = pc.binary_join_element_wise(count, *fields, b"")
    width = np.int64 if pa.types.is_large_binary(rows.type) else np.int32
    offsets = np.frombuffer(rows.buffers()[1], dtype=width, count=len(rows) + 1, offset=rows.offset * width().itemsize)
    return memoryview(rows.buffers()[2])[int(offsets[0]) : int(offsets[-1])]


def _copy_field(col: Any, name: str, target: Target) -> Any:
    """One Arrow column as binary COPY fields (a binary array): the values the INSERT path stores.

    ``bigint`` and ``double precision`` as big-endian 8 bytes (every float bit pattern kept:
    NaN, infinities, -0.0), ``boolean`` one byte, ``timestamp`` microseconds since 2000-01-01
    (naive; a zone-aware column as UTC, a date as midnight), ``text`` its UTF-8 bytes. A NULL is
    the length -1.

    Raises
    ------
    DestinationError
        A text value holds a NUL character (PostgreSQL text cannot store it).
    """
    if pa.types.is_dictionary(col.type):
        col = col.dictionary_decode()
    t = col.type
    valid = pc.is_valid(col) if col.null_count else None
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        if pc.any(pc.match_substring(col, "\x00")).as_py():
            raise DestinationError(
                f"cannot write {_describe(target)}: column {name!r} holds a NUL (0x00) character, "
                "which PostgreSQL text cannot store (nothing was changed)",
                hint=f"remove it first, e.g. a replace step on {name!r}",
            )
        lengths = pc.binary_length(col).fill_null(0).to_numpy().astype(">i4")
        data = col.cast(pa.binary()).fill_null(b"")  # one batch of rows: 32-bit offsets suffice
        fields = pc.binary_join_element_wise(_as_binary(lengths), data, b"")
    else:
        if pa.types.is_date(t) or (pa.types.is_timestamp(t) and (t.tz is not None or t.unit != "us")):
            col = col.cast(pa.timestamp("us"), safe=False)
            t = col.type
        if pa.types.is_timestamp(t):
            try:
                micros = pc.subtract_checked(col.cast(pa.int64()).fill_null(0), _PG_EPOCH_US)
            except pa.ArrowInvalid:  # overflow: hundreds of millennia BC
                raise DestinationError(
                    f"cannot write {_describe(target)}: column {name!r} holds a timestamp out of "
                    "PostgreSQL's range (4713 BC to 294276 AD) (nothing was changed)"
                ) from None
            values = micros.to_numpy().astype(">i8")
        elif pa.types.is_integer(t):
            values = col.cast(pa.int64()).fill_null(0).to_numpy().astype(">i8")
        elif pa.types.is_floating(t):
            values = col.cast(pa.float64()).fill_null(0.0).to_numpy().astype(">f8")
        elif pa.types.is_boolean(t):
            values = col.fill_null(False).to_numpy(zero_copy_only=False).astype("u1")
        else:  # the plan's types never stage as anything else
            raise DestinationError(f"cannot write {_describe(target)}: column {name!r} was staged as {t}, which COPY does not take")
        packed = np.empty(len(values), dtype=[("length", ">i4"), ("value", values.dtype)])
        packed["length"] = values.dtype.itemsize
        packed["value"] = values
        fields = _as_binary(packed)
    if valid is None:
        return fields
    return pc.if_else(valid, fields, pa.scalar(b"\xff\xff\xff\xff", fields.type))  # length -1: NULL


def _as_binary(records: Any) -> Any:
    """A binary array of one element per record of a NumPy array (fixed width, packed)."""
    width = records.dtype.itemsize
    return pa.FixedSizeBinaryArray.from_buffers(pa.binary(width), len(records), [None, pa.py_buffer(records)]).cast(pa.binary())


def _sqlite_values(col: Any) -> list[Any]:
    """Python values of an Arrow column for sqlite3, datetimes as SQLAlchemy's SQLite text."""
    if pa.types.is_timestamp(col.type):
        col = pc.strftime(col.cast(pa.timestamp("us")), format="%Y-%m-%d %H:%M:%S")
    elif pa.types.is_date(col.type):
        col = pc.strftime(col, format="%Y-%m-%d")
    elif pa.types.is_nested(col.type):  # arrays, maps, structs: JSON text, as the JSON column type stores them
        return [None if v is None else json.dumps(v, default=str) for v in col.to_pylist()]
    return col.to_pylist()


def _sql_part(df: Any, plan: PartPlan, index: int) -> PartResult:
    df = conform(df, plan.columns, plan.logical, index)
    try:
        return write_parquet_part(df, plan, index)
    except OSError as exc:
        raise DestinationError(
            f"cannot write {plan.output}: {os_reason(exc)} (staging part {index} in {plan.root})"
        ) from None


def write_sql(frame: Any, target: Target, columns: tuple[str, ...], logical: tuple[str, ...],
              compute: Callable[..., tuple]) -> int:
    """Write ``frame`` (without ``_rowid``) to ``target``; return the number of rows."""
    check_table(target, columns)
    db_file = _sqlite_file(target.url)
    created = db_file is not None and not db_file.exists()
    anchor = Path(tempfile.gettempdir()) / "brewdesk-sql"
    tag = new_tag()
    root = staging_path(anchor, tag)
    try:
        recover(anchor)
        os.mkdir(root)
    except OSError as exc:
        raise DestinationError(f"cannot create a staging folder in {anchor.parent}: {os_reason(exc)}") from None
    try:
        plan = PartPlan("parquet", columns, logical, str(root), compression="snappy", output=_describe(target))
        token = tag.rsplit("-", 1)[-1]
        parts = [
            dask.delayed(_sql_part, pure=False)(part, plan, i, dask_key_name=(f"brewdesk-stage-sql-{token}", i))
            for i, part in enumerate(frame.to_delayed())
        ]
        results: Sequence[PartResult] = list(compute(*parts)) if parts else []
        rows = sum(r.rows for r in results)
        _load(target, plan, results, rows)
        return rows
    except BaseException:
        if created:
            _remove_if_empty(db_file)
        raise
    finally:
        discard(root)


def _remove_if_empty(db_file: Path | None) -> None:
    """Delete a SQLite file this failed write created, if it holds no table (nothing created)."""
    if db_file is None or not db_file.exists():
        return
    try:
        con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            empty = not con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        empty = db_file.stat().st_size == 0
    if empty:
        for p in (db_file, Path(f"{db_file}-journal")):
            p.unlink(missing_ok=True)
