"""SQL reader: a table or a query of any SQLAlchemy database (SQLite by default).

Everything goes through SQLAlchemy Core: the table is reflected and selected with quoted
identifiers (names are never interpolated into SQL text). Values are fetched raw (no
SQLAlchemy result processing) and converted by Brewdesk's own strict converters, so SQLite's
text dates and dynamic typing are handled, and a value that does not fit its column is a
:class:`SourceError` naming the table, row and column.

Types: from the reflected column types (integers -> ``int64``, floats/numerics ->
``float64``, booleans, date/times -> ``datetime``, times and text -> ``string``, binary /
JSON -> ``object``); untyped columns and query results are inferred from the first
:data:`INFER_ROWS` rows.

Partitions: a table with a primary key (or a SQLite rowid) and more than
:data:`ROWS_PER_PARTITION` rows (or ``npartitions``) is read in LIMIT/OFFSET windows ordered by
that key; otherwise, and for queries, in one partition. ``_rowid`` = 0-based row number in
that order.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from brewdesk.engine.dbhints import connection_hint
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers.base import SourceHandle, chunk_bounds, columns_to_frame, unique_names
from brewdesk.engine.readers.infer import ValueMismatch, infer_value_type
from brewdesk.engine.readers.sources import SourceSpec, is_url, local_path, sql_url_parts
from brewdesk.recipes.model.errors import did_you_mean
from brewdesk.recipes.model.types import ROWID, Schema
from sqlalchemy import exc as sa_exc
from sqlalchemy import types as sat

ROWS_PER_PARTITION = 500_000
INFER_ROWS = 1000
CHUNK_ROWS = 50_000


@functools.lru_cache(maxsize=16)
def _engine(url: str) -> sa.Engine:
    """One engine per URL and process (no pooling: Dask tasks open their own connections)."""
    return sa.create_engine(url, poolclass=sa.pool.NullPool)


def logical_from_sql(t: sat.TypeEngine[Any]) -> str | None:
    """Logical type of a SQLAlchemy column type; ``None`` when values must decide."""
    if isinstance(t, sat.Boolean):
        return "boolean"
    if isinstance(t, sat.Integer):
        return "int64"
    if isinstance(t, sat.Numeric):
        return "float64"
    if isinstance(t, sat.DateTime | sat.Date):
        return "datetime"
    if isinstance(t, sat.Time):
        return "string"
    if isinstance(t, sat.String | sat.Enum):
        return "string"
    if isinstance(t, sat.LargeBinary | sat._Binary | sat.JSON | sat.ARRAY | sat.Interval):
        return "object"
    return None


def _db_error(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0]


class SqlHandle(SourceHandle):
    """An opened database table or query."""

    def __init__(self, spec: SourceSpec) -> None:
        self.spec = spec
        location = spec.location
        if not is_url(location):  # a database file given as a path: SQLite
            location = "sqlite:///" + os.path.abspath(local_path(location))
        self.url, found = sql_url_parts(location)
        self.table_name = spec.table or found.get("table")
        self.query = spec.query or found.get("query")
        try:
            url = sa.engine.make_url(self.url)
            url.port  # noqa: B018 - a bad port only fails when read
        except (sa_exc.ArgumentError, ValueError):
            shown = re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", self.url)
            raise SourceError(
                f"{shown!r} is not a valid database URL",
                hint="e.g. sqlite:///path/to/file.db?table=name or postgresql://user@host/db?table=name",
            ) from None
        self.display = url.render_as_string(hide_password=True)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            if not url.database.startswith("file:") and not os.path.exists(url.database):
                raise SourceError(f"{url.database}: database file not found", hint="check the path in the URL")
        if self.table_name and self.query:
            raise SourceError(f"{self.display}: give a table or a query, not both")
        try:
            engine = _engine(self.url)
            with engine.connect() as conn:
                if not self.query:
                    self._open_table(conn)
                else:
                    self._open_query(conn)
        except SourceError:
            raise
        except (sa_exc.NoSuchModuleError, ImportError) as exc:
            raise SourceError(
                f"{self.display}: no database driver for this URL ({exc})",
                hint="install the driver package for that database (e.g. psycopg, pymysql)",
            ) from None
        except sa_exc.SQLAlchemyError as exc:
            reason = _db_error(exc)
            raise SourceError(f"{self.display}: {reason}", hint=connection_hint(reason, url)) from None

    @property
    def label(self) -> str:
        return f"table {self.table_name!r}" if self.table_name else "the query"

    # -- opening -------------------------------------------------------------------------------

    def _tables(self, conn: sa.Connection) -> list[str]:
        insp = sa.inspect(conn)
        return sorted(insp.get_table_names() + insp.get_view_names())

    def _reflect(self, conn: sa.Connection) -> sa.Table:
        name = self.table_name or ""
        candidates = [(name, None)]
        if "." in name:
            schema, _, short = name.partition(".")
            candidates.append((short, schema))
        for table, schema in candidates:
            try:
                return sa.Table(table, sa.MetaData(), autoload_with=conn, schema=schema)
            except sa_exc.NoSuchTableError:
                continue
        tables = self._tables(conn)
        raise SourceError(
            f"{self.display}: no table named {name!r}{did_you_mean(name, tables)}",
            hint=f"tables: {', '.join(tables) if tables else '(none)'}",
        )

    def _open_table(self, conn: sa.Connection) -> None:
        if not self.table_name:
            tables = self._tables(conn)
            raise SourceError(
                f"{self.display}: say which table to read (?table=name) or give a query (?query=...)",
                hint=f"tables: {', '.join(tables) if tables else '(none)'}",
            )
        table = self._reflect(conn)
        raw = [c.name for c in table.columns]
        # a lightweight, picklable table clause: untyped columns, so values arrive raw
        self.table = sa.table(table.name, *[sa.column(n) for n in raw], schema=table.schema)
        self.names = unique_names(raw)
        self.raw_names = raw
        pk = [c.name for c in table.primary_key.columns]
        is_view = table.name in sa.inspect(conn).get_view_names(schema=table.schema)
        if pk:
            self.order: list[str] = pk
        elif conn.dialect.name == "sqlite" and not is_view:
            self.order = ["rowid"]
        else:
            self.order = []
        self.total = int(conn.execute(sa.select(sa.func.count()).select_from(self.table)).scalar_one())
        logical = [logical_from_sql(c.type) for c in table.columns]
        sample: list[Sequence[Any]] = []
        if any(t is None for t in logical):
            sample = conn.execute(self._select(None, INFER_ROWS)).fetchall()
        self._set_schema(logical, sample)

    def _open_query(self, conn: sa.Connection) -> None:
        self.table = None
        self.order = []
        self.raw_names = []
        try:
            result = conn.execute(sa.text(self.query or ""))
            if not result.returns_rows:
                raise SourceError("the query returns no rows (is it a SELECT?)")
            raw = list(result.keys())
            sample = result.fetchmany(INFER_ROWS)
            result.close()
        except sa_exc.DBAPIError as exc:
            raise SourceError(f"{self.display}: the query failed: {_db_error(exc)}") from None
        self.raw_names = raw
        self.names = unique_names(raw)
        self.total = None
        self._set_schema([None] * len(raw), sample)

    def _set_schema(self, logical: list[str | None], sample: list[Sequence[Any]]) -> None:
        overrides = dict(self.spec.column_types)
        types = []
        for i, (name, t) in enumerate(zip(self.names, logical, strict=True)):
            if t is None:
                t = infer_value_type([row[i] for row in sample], detect_datetime=True)
            types.append((name, overrides.get(name, t)))
        self.schema = Schema(types)

    # -- reading -------------------------------------------------------------------------------

    def _select(self, offset: int | None, limit: int | None) -> Any:
        assert self.table is not None
        stmt = sa.select(*[self.table.c[n] for n in self.raw_names])
        if self.order:
            stmt = stmt.order_by(
                *[sa.column("rowid") if k == "rowid" else self.table.c[k] for k in self.order]
            )
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return stmt

    def pieces(self, npartitions: int | None = None) -> list[Any]:
        if self.table is None or not self.order or self.total is None:
            return [(0, None)]
        parts = npartitions or max(1, -(-self.total // ROWS_PER_PARTITION))
        if parts == 1:
            return [(0, None)]
        bounds = chunk_bounds(self.total, parts)
        out: list[Any] = [(a, b - a) for a, b in bounds]
        out[-1] = (out[-1][0], None)  # the last window takes any rows added since
        return out

    def _fetch(self, offset: int, limit: int | None) -> Iterator[pd.DataFrame]:
        try:
            with _engine(self.url).connect() as conn:
                conn = conn.execution_options(stream_results=True)
                if self.table is not None:
                    result = conn.execute(self._select(offset, limit))
                else:
                    result = conn.execute(sa.text(self.query or ""))
                count = offset
                for rows in result.partitions(CHUNK_ROWS):
                    yield self._frame(rows, count)
                    count += len(rows)
        except sa_exc.SQLAlchemyError as exc:
            raise SourceError(f"{self.display}: reading {self.label} failed: {_db_error(exc)}") from None

    def _frame(self, rows: Sequence[Sequence[Any]], first: int) -> pd.DataFrame:
        if rows and len(rows[0]) != len(self.names):
            raise SourceError(f"{self.display}: {self.label} changed shape after it was opened")
        columns = {n: [r[i] for r in rows] for i, n in enumerate(self.names)}
        try:
            return columns_to_frame(columns, self.schema, np.arange(first, first + len(rows)))
        except ValueMismatch as exc:
            col = exc.column or ""
            raise SourceError(
                f"{self.display}: {self.label} row {first + exc.index + 1}, column '{col}': value "
                f"{exc.value!r} is not {exc.logical}",
                hint=f"read column '{col}' as string: column_types={{'{col}': 'string'}}",
            ) from None

    def read_piece(self, piece: Any, columns: Sequence[str] | None = None) -> pd.DataFrame:
        offset, limit = piece
        out = self._concat(list(self._fetch(offset, limit)))
        return out if columns is None else out[[*columns, ROWID]]

    def iter_frames(self) -> Iterator[pd.DataFrame]:
        return self._fetch(0, None)

    def head(self, n: int) -> pd.DataFrame:
        if self.table is None:
            return super().head(n)
        return self._concat(list(self._fetch(0, n)))

    def tail(self, n: int) -> pd.DataFrame:
        if self.table is None or not self.order or self.total is None:
            return super().tail(n)
        with _engine(self.url).connect() as conn:
            total = int(conn.execute(sa.select(sa.func.count()).select_from(self.table)).scalar_one())
        return self._concat(list(self._fetch(max(total - n, 0), None)))

    @property
    def random_access(self) -> bool:  # type: ignore[override]
        return bool(self.table is not None and self.order)
