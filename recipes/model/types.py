"""Column types: the logical dtypes of a :class:`Schema` and their pandas dtypes.

Brewdesk holds every column in one of a few pandas dtypes, fixed by the readers and kept by every
operation, so that the sample and every Dask partition agree (docs/architecture.md section 2):

============  ==========================================  =====================
logical       pandas dtype                                Arrow type
============  ==========================================  =====================
``int64``     ``Int64`` (nullable)                        ``int64``
``float64``   ``Float64`` (nullable)                      ``double``
``boolean``   ``boolean`` (nullable)                      ``bool``
``string``    ``string`` (``StringDtype("pyarrow")``)     ``large_string``
``datetime``  ``datetime64[us]`` (tz-naive; NaT missing)  ``timestamp[us]``
``category``  ``category`` (string categories)            ``dictionary``
``object``    ``object`` (nested JSON values)             any other
============  ==========================================  =====================

Missing values are ``pd.NA`` (``NaT`` for datetimes) in every dtype.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
from brewdesk.recipes.kernels.types import _bd_logical

LogicalType = Literal["int64", "float64", "boolean", "string", "datetime", "category", "object"]
LOGICAL_TYPES: tuple[str, ...] = (
    "int64",
    "float64",
    "boolean",
    "string",
    "datetime",
    "category",
    "object",
)
NUMERIC: tuple[str, ...] = ("int64", "float64")
ROWID = "_rowid"
"""Name of the hidden int64 column that keeps source order (dropped by writers)."""

STRING_DTYPE = pd.StringDtype("pyarrow")
DATETIME_DTYPE = np.dtype("datetime64[us]")


def pandas_dtype(logical: str) -> Any:
    """Return the pandas dtype Brewdesk uses for a logical type.

    Raises
    ------
    ValueError
        For a name outside :data:`LOGICAL_TYPES`.
    """
    match logical:
        case "int64":
            return pd.Int64Dtype()
        case "float64":
            return pd.Float64Dtype()
        case "boolean":
            return pd.BooleanDtype()
        case "string":
            return STRING_DTYPE
        case "datetime":
            return DATETIME_DTYPE
        case "category":
            return pd.CategoricalDtype()
        case "object":
            return np.dtype("O")
    raise ValueError(f"unknown column type {logical!r}; expected one of {', '.join(LOGICAL_TYPES)}")


def logical_type(dtype: Any) -> str:
    """Classify any pandas/numpy/Arrow dtype into a logical type name (one of
    :data:`LOGICAL_TYPES`).

    The classification is the kernel :func:`brewdesk.recipes.kernels.types._bd_logical`, which
    exported code that types a value copies, so the schema and the scripts cannot disagree.
    """
    return _bd_logical(dtype)


def arrow_to_pandas_dtype(t: pa.DataType) -> Any:
    """``types_mapper`` for :meth:`pyarrow.Table.to_pandas` giving Brewdesk's dtypes."""
    if pa.types.is_integer(t):
        return pd.Int64Dtype()
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return pd.Float64Dtype()
    if pa.types.is_boolean(t):
        return pd.BooleanDtype()
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return STRING_DTYPE
    if pa.types.is_null(t):
        return STRING_DTYPE
    return None


def canonical_series(s: pd.Series) -> pd.Series:
    """Convert one column to Brewdesk's canonical dtype for its logical type.

    Timezone-aware datetimes are converted to UTC and made naive; dates become midnight
    datetimes; all-missing object columns become ``string``.
    """
    lt = logical_type(s.dtype)
    if lt == "datetime":
        if isinstance(s.dtype, pd.ArrowDtype):
            s = s.astype(f"datetime64[us, {s.dtype.pyarrow_dtype.tz}]" if getattr(s.dtype.pyarrow_dtype, "tz", None) else "datetime64[us]")
        if getattr(s.dtype, "tz", None) is not None:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        return s.astype(DATETIME_DTYPE) if s.dtype != DATETIME_DTYPE else s
    if lt == "category":
        cats = s.cat.categories
        if logical_type(cats.dtype) != "string":
            s = s.cat.rename_categories(cats.astype(STRING_DTYPE))
        return s
    if lt == "object":
        nonnull = s.dropna()
        if nonnull.empty:
            return s.astype(STRING_DTYPE)
        if all(isinstance(v, str) for v in nonnull.head(1000)):
            try:
                return s.astype(STRING_DTYPE)
            except (TypeError, ValueError):
                return s
        return s
    target = pandas_dtype(lt)
    return s if s.dtype == target else s.astype(target)


def canonical_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with every column in its canonical dtype (a new frame; input unchanged)."""
    out = {c: canonical_series(df[c]) for c in df.columns}
    return pd.DataFrame(out, index=df.index, columns=df.columns) if out else df.copy()


class Schema(Mapping[str, str]):
    """Ordered, immutable mapping of column name to logical type.

    Computed from data (:meth:`from_frame`) or without data by folding each step's
    ``columns()`` effect over a recipe. The hidden ``_rowid`` column is never part of a schema.
    """

    __slots__ = ("_cols",)

    def __init__(self, columns: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        items = list(columns.items()) if isinstance(columns, Mapping) else list(columns)
        for name, t in items:
            if t not in LOGICAL_TYPES:
                raise ValueError(f"column {name!r}: unknown type {t!r}")
        self._cols: dict[str, str] = dict(items)

    @classmethod
    def from_frame(cls, df: pd.DataFrame) -> Schema:
        """Schema of a pandas or Dask frame (``_rowid`` left out)."""
        return cls((str(c), logical_type(t)) for c, t in df.dtypes.items() if c != ROWID)

    def __getitem__(self, key: str) -> str:
        return self._cols[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cols)

    def __len__(self) -> int:
        return len(self._cols)

    def __repr__(self) -> str:
        return f"Schema({self._cols!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Schema):
            return list(self._cols.items()) == list(other._cols.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._cols.items()))

    @property
    def names(self) -> list[str]:
        """Column names in order."""
        return list(self._cols)

    def with_column(self, name: str, logical: str, *, after: str | None = None) -> Schema:
        """Return a schema with ``name`` set to ``logical`` (appended, or placed after ``after``)."""
        items = [(k, v) for k, v in self._cols.items() if k != name]
        if name in self._cols and after is None:
            return Schema([(k, logical if k == name else v) for k, v in self._cols.items()])
        if after is not None and after in self._cols:
            i = [k for k, _ in items].index(after) + 1 if after != name else len(items)
            items.insert(i, (name, logical))
        else:
            items.append((name, logical))
        return Schema(items)

    def without(self, *names: str) -> Schema:
        """Return a schema without the given columns."""
        drop = set(names)
        return Schema((k, v) for k, v in self._cols.items() if k not in drop)

    def renamed(self, mapping: Mapping[str, str]) -> Schema:
        """Return a schema with columns renamed (order kept)."""
        return Schema((mapping.get(k, k), v) for k, v in self._cols.items())

    def reordered(self, names: list[str]) -> Schema:
        """Return a schema with columns in the order of ``names`` (a permutation)."""
        return Schema((n, self._cols[n]) for n in names)

    def to_dict(self) -> dict[str, str]:
        """Plain ``{name: logical type}`` dict, in order."""
        return dict(self._cols)
