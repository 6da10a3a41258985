"""Per-partition conversion shared by the writers: the plan, dtype conformance, value formats.

Every partition is first *conformed* to the planned logical types (docs/architecture.md section 2: the
frame's meta, or the schema the planner passes), so that every part file of one output has
the same types, whatever a partition happens to hold. Then each format renders values:

* text (CSV, JSON Lines): datetimes as ISO 8601 ``2024-01-02T03:04:05.000000`` (one constant
  format, see :func:`iso_datetimes`); booleans ``true``/``false``; missing values empty (CSV)
  or ``null`` (JSON);
* Arrow/Parquet: :func:`arrow_type` gives the planned Arrow type of each logical type.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from brewdesk.engine.errors import DestinationError
from brewdesk.recipes.model.types import ROWID, canonical_series, logical_type, pandas_dtype

HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
_HIVE_SAFE = " !$&'()+,-.;@_~"


@dataclass(frozen=True)
class PartPlan:
    """Everything a part-writing task needs (small and picklable; sent to workers).

    Attributes
    ----------
    format
        Canonical format of the *part files* (``csv``, ``jsonl``, ``parquet``).
    columns, logical
        Planned column names and logical types, in order (``_rowid`` excluded).
    root
        Folder the part files go to (inside the staging folder, which must already exist).
    compression
        Codec of the part files (``None`` = uncompressed).
    partition_cols
        Hive partition columns (removed from the files).
    header
        CSV: write a header in each part (folder outputs) or not (single file: the header is
        written once when the parts are concatenated).
    keep_empty
        Write part 0 even when it has no rows (so that an empty output still carries its
        schema); other empty partitions write no file.
    sync
        fsync each part file (folder outputs, where the parts are the output).
    output
        The destination as the user named it (a path, or a table), for error messages.
    """

    format: str
    columns: tuple[str, ...]
    logical: tuple[str, ...]
    root: str
    compression: str | None = None
    partition_cols: tuple[str, ...] = ()
    header: bool = True
    keep_empty: bool = False
    sync: bool = False
    output: str = ""

    @property
    def data_columns(self) -> tuple[str, ...]:
        """Columns stored inside the files (partition columns excluded)."""
        return tuple(c for c in self.columns if c not in self.partition_cols)

    @property
    def data_logical(self) -> tuple[str, ...]:
        return tuple(t for c, t in zip(self.columns, self.logical, strict=True) if c not in self.partition_cols)


@dataclass
class PartResult:
    """What one part task wrote: rows, files (relative to the plan's root, POSIX), bytes."""

    index: int
    rows: int
    files: list[str]
    bytes: int


def arrow_type(logical: str) -> pa.DataType | None:
    """Planned Arrow type of a logical type (``None`` for ``object``: whatever Arrow infers)."""
    return {
        "int64": pa.int64(),
        "float64": pa.float64(),
        "boolean": pa.bool_(),
        "string": pa.string(),
        "datetime": pa.timestamp("us"),
        "category": pa.dictionary(pa.int32(), pa.string()),
    }.get(logical)


def _bad_cast(column: str, index: int, have: Any, want: str, exc: Exception) -> DestinationError:
    return DestinationError(
        f"column {column!r} in partition {index} holds {have} values that cannot be written as "
        f"the planned type {want} ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
    )


def conform(df: pd.DataFrame, columns: tuple[str, ...], logical: tuple[str, ...], index: int) -> pd.DataFrame:
    """Return partition ``df`` with exactly the planned columns in their canonical dtypes.

    Raises
    ------
    DestinationError
        The partition's columns differ from the plan, or a value cannot be cast safely
        (e.g. ``1.5`` planned as ``int64``).
    """
    if ROWID in df.columns:
        df = df.drop(columns=[ROWID])
    names = [str(c) for c in df.columns]
    if names != list(columns):
        raise DestinationError(
            f"partition {index} has columns {names} but the plan has {list(columns)}"
        )
    out: dict[str, pd.Series] = {}
    for pos, (name, lt) in enumerate(zip(columns, logical, strict=True)):
        s = df.iloc[:, pos]
        if lt != "object":
            want = pandas_dtype(lt)
            try:
                if logical_type(s.dtype) != lt:
                    if lt == "datetime":
                        s = pd.to_datetime(s)
                    s = s.astype(want)
                s = canonical_series(s)
                if lt == "datetime" and s.dtype != want:
                    s = s.astype(want)
            except (TypeError, ValueError, OverflowError, pa.ArrowException) as exc:
                raise _bad_cast(name, index, s.dtype, lt, exc) from None
        out[name] = s.reset_index(drop=True)
    return pd.DataFrame(out, columns=list(columns)) if out else pd.DataFrame(index=range(len(df)))


def to_arrow(df: pd.DataFrame, columns: tuple[str, ...], logical: tuple[str, ...], index: int) -> pa.Table:
    """Convert a conformed partition to an Arrow table with the planned types."""
    try:
        table = pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError) as exc:
        raise DestinationError(f"partition {index} cannot be converted to Arrow: {exc}") from None
    fields = []
    for name, lt, f in zip(columns, logical, table.schema, strict=True):
        t = arrow_type(lt)
        fields.append(pa.field(name, t if t is not None else f.type, nullable=True))
    schema = pa.schema(fields, metadata=table.schema.metadata)
    if schema.equals(table.schema, check_metadata=False):
        return table
    arrays = []
    for name, lt, col, f in zip(columns, logical, table.columns, schema, strict=True):
        if col.type == f.type:
            arrays.append(col)
            continue
        try:
            arrays.append(col.cast(f.type))
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise _bad_cast(name, index, col.type, lt, exc) from None
    return pa.Table.from_arrays(arrays, schema=schema)


def iso_datetimes(s: pd.Series) -> np.ndarray:
    """ISO 8601 strings ``YYYY-MM-DDTHH:MM:SS.ffffff`` (object array, ``None`` for NaT).

    Always with microseconds: one constant format per column (what ``datetime64[us]``
    holds, lossless), so readers that infer a format from the first value (pandas
    ``parse_dates``, Spark, DuckDB) parse every row. Dropping a zero fraction per value
    would break them on the one value in a million that falls on a whole second.
    """
    v = s.to_numpy(dtype="datetime64[us]")
    out = np.datetime_as_string(v, unit="us").astype(object)
    out[np.isnat(v)] = None
    return out


def python_values(s: pd.Series, logical: str) -> np.ndarray:
    """Object array of plain Python values (``None`` for missing) for JSON/Excel/SQL.

    ``float`` NaN and infinities become ``None`` (JSON and Excel cannot hold them);
    datetimes are :class:`datetime.datetime` unless converted with :func:`iso_datetimes`.
    """
    if logical == "float64":
        arr = s.to_numpy(dtype="float64", na_value=np.nan)
        out = arr.astype(object)
        out[~np.isfinite(arr)] = None
        return out
    if logical == "int64":
        mask = s.isna().to_numpy()
        arr = s.to_numpy(dtype="int64", na_value=0).astype(object)
        arr[mask] = None
        return arr
    if logical == "boolean":
        return s.to_numpy(dtype=object, na_value=None)
    if logical == "datetime":
        v = s.to_numpy(dtype="datetime64[us]")
        out = v.astype(object)  # datetime.datetime (us resolution); NaT -> None
        out[np.isnat(v)] = None
        return out
    if logical == "category":
        return s.astype(object).where(s.notna(), None).to_numpy(dtype=object)
    return s.astype(object).where(s.notna(), None).to_numpy(dtype=object)


MAX_SEGMENT_BYTES = 255
"""Longest folder name most file systems accept (ext4, APFS, NTFS: 255)."""


def hive_segment(column: str, value: Any, logical: str) -> str:
    """Folder name ``column=value`` of a hive partition (URI-escaped; nulls as the Hive default)."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        text = HIVE_NULL
    elif logical == "datetime":
        text = iso_datetimes(pd.Series([value], dtype="datetime64[us]"))[0]
    elif logical == "boolean":
        text = "true" if value else "false"
    else:
        text = str(value)
    segment = f"{urllib.parse.quote(column, safe=_HIVE_SAFE)}={urllib.parse.quote(text, safe=_HIVE_SAFE)}"
    # every character that could leave the folder ('/', '\\', NUL) is escaped above, and the
    # segment starts with 'column=', so it is never '..' or absolute: it stays one folder level
    if len(segment.encode("utf-8")) > MAX_SEGMENT_BYTES:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise DestinationError(
            f"cannot partition by {column!r}: the value {shown!r} makes a folder name of "
            f"{len(segment.encode('utf-8'))} bytes (file systems allow {MAX_SEGMENT_BYTES})",
            hint="partition by a column with shorter values, or shorten them first (a LEFT or SUBSTRING step)",
        )
    return segment


def hive_groups(df: pd.DataFrame, plan: PartPlan):
    """Yield ``(relative folder, frame without partition columns)`` per hive partition."""
    cols = list(plan.partition_cols)
    kinds = dict(zip(plan.columns, plan.logical, strict=True))
    if df.empty:
        return
    grouped = df.groupby(cols, dropna=False, sort=False, observed=True)
    for key, group in grouped:
        key = key if isinstance(key, tuple) else (key,)
        rel = "/".join(hive_segment(c, v, kinds[c]) for c, v in zip(cols, key, strict=True))
        yield rel, group.drop(columns=cols).reset_index(drop=True)
