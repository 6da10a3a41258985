"""Reader machinery shared by every format: handles, pieces, frame conversion, ``_rowid``.

A format module turns a :class:`~brewdesk.engine.readers.sources.SourceSpec` into a
:class:`SourceHandle`: the inferred :class:`~brewdesk.recipes.model.types.Schema` plus a list of
picklable *pieces* (byte ranges, row groups, LIMIT/OFFSET windows ...), each read by
:meth:`SourceHandle.read_piece` into a pandas frame with exactly the dtypes of
:attr:`SourceHandle.meta`. Dask partitions and samples are both made of those frames, so
they cannot disagree on types.

``_rowid`` (numpy ``int64``, the last column) is unique and strictly increasing in source
order. It is the exact 0-based row number, except for text files split into byte blocks
(uncompressed CSV/TSV and JSON Lines), where it is the byte offset of the row's first byte
in the file: knowable from a random seek, so samples carry the same ``_rowid`` as the full
read.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers.infer import (
    ARROW_TYPES,
    TIMESTAMP,
    ValueMismatch,
    iso_to_timestamp,
    values_to_arrow,
)
from brewdesk.engine.readers.sources import SourceSpec
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.types import ROWID, Schema, arrow_to_pandas_dtype, pandas_dtype

ROWID_DTYPE = np.dtype("int64")


def unique_names(raw: Sequence[Any], *, prefix: str = "column_") -> list[str]:
    """Make column names usable: blank -> ``column_<i>`` (1-based), duplicates -> ``name_2``.

    ``_rowid`` is reserved, so a source column of that name becomes ``_rowid_2``.
    """
    out: list[str] = []
    seen: set[str] = {ROWID}
    for i, name in enumerate(raw, start=1):
        text = "" if name is None else str(name)
        base = text if text.strip() else f"{prefix}{i}"
        candidate, k = base, 2
        while candidate in seen:
            candidate, k = f"{base}_{k}", k + 1
        seen.add(candidate)
        out.append(candidate)
    return out


def default_names(n: int) -> list[str]:
    """DataBrew-style names for header-less sources: ``column_1 .. column_n``."""
    return [f"column_{i}" for i in range(1, n + 1)]


# ---------------------------------------------------------------------------------------------
# frames


def empty_frame(schema: Schema) -> pd.DataFrame:
    """Zero-row frame with the canonical dtype of every column, then ``_rowid`` (int64)."""
    data: dict[str, Any] = {
        name: pd.Series([], dtype=pandas_dtype(logical)) for name, logical in schema.items()
    }
    data[ROWID] = pd.Series([], dtype=ROWID_DTYPE)
    return pd.DataFrame(data)


def _to_arrow_logical(col: pa.ChunkedArray | pa.Array, logical: str) -> pa.ChunkedArray | pa.Array:
    """Cast an Arrow column to the Arrow type its logical type is held in."""
    t = col.type
    if pa.types.is_dictionary(t):
        col = pc.cast(col, t.value_type)
        t = col.type
    if logical == "datetime":
        if pa.types.is_timestamp(t) and t.tz is not None:
            col = pc.cast(pc.cast(col, pa.timestamp("us", tz="UTC"), safe=False), TIMESTAMP)
        elif pa.types.is_string(t) or pa.types.is_large_string(t):
            col = iso_to_timestamp(col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col)
        elif t != TIMESTAMP:
            col = pc.cast(col, TIMESTAMP, safe=False)
        return col
    if logical == "string" and not (pa.types.is_string(t) or pa.types.is_large_string(t)):
        return pc.cast(col, pa.large_string())
    target = ARROW_TYPES.get(logical)
    if target is not None and t != target and logical != "string":
        return pc.cast(col, target)
    return col


def _series(col: pa.ChunkedArray | pa.Array, logical: str) -> pd.Series:
    if logical == "object":
        return pd.Series(col.to_pylist(), dtype=object)
    if logical == "category":  # not produced by readers; kept for completeness
        return pd.Series(col.to_pandas(), dtype="category")
    s = _to_arrow_logical(col, logical).to_pandas(types_mapper=arrow_to_pandas_dtype)
    target = pandas_dtype(logical)
    if s.dtype != target:
        s = s.astype(target)
    return s


def arrow_to_frame(table: pa.Table, schema: Schema, rowid: np.ndarray | Sequence[int]) -> pd.DataFrame:
    """Convert an Arrow table to a canonical pandas frame with ``_rowid``.

    Parameters
    ----------
    table
        Holds (at least) the columns of ``schema``, by name, in any compatible Arrow type.
    schema
        Columns wanted, in order, with their logical types.
    rowid
        ``len(table)`` increasing int64 values.

    Returns
    -------
    pandas.DataFrame
        Shape ``(len(table), len(schema) + 1)``; dtypes those of :func:`empty_frame`.
    """
    data = {name: _series(table.column(name), logical) for name, logical in schema.items()}
    data[ROWID] = pd.Series(np.asarray(rowid, dtype=ROWID_DTYPE))
    return pd.DataFrame(data)


def columns_to_frame(
    columns: Mapping[str, Sequence[Any]], schema: Schema, rowid: np.ndarray | Sequence[int]
) -> pd.DataFrame:
    """Convert columns of Python values to a canonical frame with ``_rowid``.

    Raises
    ------
    ValueMismatch
        For the first value that does not fit its column's type (``column`` and ``index`` set).
    """
    data: dict[str, Any] = {}
    for name, logical in schema.items():
        values = columns[name]
        if logical == "object":
            data[name] = pd.Series(list(values), dtype=object)
        else:
            try:
                data[name] = _series(values_to_arrow(values, logical), logical)
            except ValueMismatch as exc:
                exc.column = name
                raise
    data[ROWID] = pd.Series(np.asarray(rowid, dtype=ROWID_DTYPE))
    return pd.DataFrame(data) if schema else pd.DataFrame({ROWID: data[ROWID]})


def conform(df: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with exactly ``meta``'s columns and dtypes and a fresh RangeIndex."""
    if list(df.columns) != list(meta.columns):
        df = df.reindex(columns=meta.columns)
    bad = {c: t for c, t in meta.dtypes.items() if df[c].dtype != t}
    if bad:
        df = df.astype(bad)
    return df.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# deterministic per-row random keys (partition-independent sampling)

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


def row_keys(rowid: np.ndarray, seed: int) -> np.ndarray:
    """Uniform keys in [0, 1) from (seed, _rowid) with splitmix64; independent of partitioning."""
    with np.errstate(over="ignore"):
        z = rowid.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15) * np.uint64(seed % 2**63 + 1)
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) / float(2**53)


# ---------------------------------------------------------------------------------------------
# handles


class SourceHandle(ABC):
    """An opened source: fixed schema, pieces, and readers for pieces and samples.

    Subclasses set :attr:`spec`, :attr:`schema` and implement :meth:`pieces` and
    :meth:`read_piece`; they override :meth:`iter_frames`, :meth:`head`, :meth:`tail` and
    :meth:`random` where the format allows something faster than the generic versions.
    Handles must be picklable (no open files or connections) because Dask ships them to
    workers.
    """

    spec: SourceSpec
    schema: Schema
    random_access: bool = True
    """Pieces can be read independently and cheaply in any order (tail reads the last ones)."""

    @property
    def meta(self) -> pd.DataFrame:
        """Zero-row frame with the dtypes of every piece and sample (``_rowid`` last)."""
        return empty_frame(self.schema)

    @property
    def label(self) -> str:
        """Name used in error messages."""
        return self.spec.name

    @abstractmethod
    def pieces(self, npartitions: int | None = None) -> list[Any]:
        """Picklable descriptors of the partitions, in source order (at least one)."""

    @abstractmethod
    def read_piece(self, piece: Any, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Read one piece: a frame with the dtypes of :attr:`meta` (restricted to ``columns``)."""

    def piece_rows(self, piece: Any) -> int | None:
        """Row count of a piece when known without reading it."""
        return None

    def iter_frames(self) -> Iterator[pd.DataFrame]:
        """Frames of the whole source in order (streamed; default: piece by piece)."""
        for piece in self.pieces():
            yield self.read_piece(piece)

    # -- samples -------------------------------------------------------------------------------

    def head(self, n: int) -> pd.DataFrame:
        """First ``n`` rows (fewer if the source is shorter)."""
        got: list[pd.DataFrame] = []
        total = 0
        for frame in self.iter_frames():
            got.append(frame)
            total += len(frame)
            if total >= n:
                break
        return self._concat(got).iloc[:n]

    def tail(self, n: int) -> pd.DataFrame:
        """Last ``n`` rows, in source order."""
        got: list[pd.DataFrame] = []
        total = 0
        if self.random_access:
            for piece in reversed(self.pieces()):
                frame = self.read_piece(piece)
                got.insert(0, frame)
                total += len(frame)
                if total >= n:
                    break
        else:
            for frame in self.iter_frames():
                got.append(frame)
                total += len(frame)
                while got and total - len(got[0]) >= n:
                    total -= len(got.pop(0))
        out = self._concat(got)
        return out.iloc[max(len(out) - n, 0):]

    def random(self, n: int, seed: int) -> pd.DataFrame:
        """``n`` rows drawn uniformly without replacement (one streaming pass), source order.

        Every row gets the key :func:`row_keys` (seed, ``_rowid``); the ``n`` smallest keys
        win, so the result depends on the data and the seed only, not on partitioning.
        """
        best: pd.DataFrame | None = None
        for frame in self.iter_frames():
            if frame.empty:
                continue
            keys = row_keys(frame[ROWID].to_numpy(), seed)
            frame = frame.assign(__key=keys)
            if len(frame) > n:
                frame = frame.nsmallest(n, "__key")
            best = frame if best is None else pd.concat([best, frame], ignore_index=True)
            if len(best) > n:
                best = best.nsmallest(n, "__key")
        if best is None:
            return self.meta
        return best.sort_values(ROWID).drop(columns="__key")

    def _concat(self, frames: list[pd.DataFrame]) -> pd.DataFrame:
        frames = [f for f in frames if len(f)]
        if not frames:
            return self.meta
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    # -- dask ----------------------------------------------------------------------------------

    def to_dask(self, npartitions: int | None = None) -> dd.DataFrame:
        """Dask frame over the pieces, ``meta`` = :attr:`meta`; ``npartitions`` forced if given."""
        pieces = self.pieces(npartitions)
        with dask.config.set({"dataframe.convert-string": False}):
            frame = dd.from_map(
                PieceReader(self),
                pieces,
                meta=self.meta,
                label=f"read-{type(self).__name__.removesuffix('Handle').lower()}",
                enforce_metadata=False,
            )
            if npartitions is not None and frame.npartitions != npartitions:
                frame = frame.repartition(npartitions=npartitions)
        return frame


class PieceReader:
    """Picklable callable for :func:`dask.dataframe.from_map` (supports column projection)."""

    def __init__(self, handle: SourceHandle) -> None:
        self.handle = handle

    def __call__(self, piece: Any, columns: Sequence[str] | None = None) -> pd.DataFrame:
        cols = None if columns is None else [c for c in columns if c != ROWID]
        try:
            frame = self.handle.read_piece(piece, cols)
        except BrewdeskError:
            raise
        except (OSError, ValueError, pa.ArrowException, MemoryError) as exc:
            raise SourceError(f"{self.handle.label}: cannot read: {exc}") from exc
        return frame if columns is None else frame[list(columns)]


@dataclass
class LazyDataset:
    """An opened source as a Dask frame.

    Attributes
    ----------
    frame
        Dask DataFrame: the schema's columns in canonical dtypes, then ``_rowid`` (int64,
        unique, strictly increasing in source order across partitions; see module notes).
    schema
        Logical types of the columns, without ``_rowid``.
    spec
        The source this was opened from.
    handle
        The reader behind ``frame`` (used by the sampler; not part of equality).
    """

    frame: dd.DataFrame
    schema: Schema
    spec: SourceSpec
    handle: SourceHandle | None = field(default=None, repr=False, compare=False)

    @property
    def npartitions(self) -> int:
        """Number of Dask partitions."""
        return int(self.frame.npartitions)


class KeyedLocks:
    """One lock per key (for per-process memoised pre-passes shared by Dask threads)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[Any, threading.Lock] = {}

    def __call__(self, key: Any) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())


def chunk_bounds(total: int, parts: int) -> list[tuple[int, int]]:
    """Split ``range(total)`` into ``parts`` contiguous ``(start, stop)`` windows (>= 1)."""
    parts = max(1, min(parts, max(total, 1)))
    edges = np.linspace(0, total, parts + 1).round().astype(int)
    return [(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:], strict=True)]
