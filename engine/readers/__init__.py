"""Readers: open any source as a :class:`LazyDataset` with fixed, canonical dtypes.

>>> spec = parse_source("flights.csv.zip")                      # doctest: +SKIP
>>> ds = open_source(spec, npartitions=4)                        # doctest: +SKIP
>>> ds.schema["dep_time"], ds.frame.dtypes["dep_time"]           # doctest: +SKIP
('int64', Int64Dtype())

Formats: CSV/TSV (:mod:`.csv`), Parquet file or folder (:mod:`.parquet`), JSON array and
JSON Lines (:mod:`.json`), Excel ``.xlsx``/``.xlsm`` (:mod:`.excel`), any SQLAlchemy
database (:mod:`.sql`). Types are inferred once from a bounded sample and held fixed, so
``frame._meta`` dtypes == every partition's dtypes == every sample's dtypes
(:mod:`brewdesk.engine.sampler`). Every failure a user can cause is a
:class:`~brewdesk.engine.errors.SourceError` with a one-line message naming the file (and
line, column or sheet) and, where likely, a hint.

``_rowid`` (int64, last column): unique and strictly increasing in source order. Exact 0-based
row numbers, except for files split into byte blocks (uncompressed CSV/TSV, JSON Lines), where
it is the byte offset of the row's first byte in the file (see :mod:`.base`).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from brewdesk.engine import connections
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers.base import LazyDataset, SourceHandle
from brewdesk.engine.readers.csv import CsvHandle
from brewdesk.engine.readers.excel import ExcelHandle
from brewdesk.engine.readers.json import JsonHandle
from brewdesk.engine.readers.parquet import ParquetHandle
from brewdesk.engine.readers.sources import (
    FORMATS,
    SourceSpec,
    infer_format,
    is_url,
    local_path,
    parse_source,
    with_defaults,
)
from brewdesk.recipes.model.errors import BrewdeskError

__all__ = [
    "FORMATS",
    "LazyDataset",
    "SourceHandle",
    "SourceSpec",
    "open_handle",
    "open_source",
    "parse_source",
]

_HANDLES: OrderedDict[Any, SourceHandle] = OrderedDict()


def _make_handle(spec: SourceSpec) -> SourceHandle:
    fmt = infer_format(spec)
    if fmt in ("csv", "tsv"):
        return CsvHandle(spec)
    if fmt == "parquet":
        return ParquetHandle(spec)
    if fmt in ("json", "jsonl"):
        return JsonHandle(spec, lines=fmt == "jsonl")
    if fmt == "excel":
        return ExcelHandle(spec)
    # heavy dependency: the database reader imports SQLAlchemy, loaded only for a database source
    from brewdesk.engine.readers.sql import SqlHandle

    return SqlHandle(spec)


def _stamp(spec: SourceSpec) -> Any:
    """File identity for the handle cache: (size, mtime) of a file; None for databases."""
    if is_url(spec.location):
        return None
    try:
        st = os.stat(local_path(spec.location))
    except OSError:
        return "missing"
    return (st.st_size, st.st_mtime_ns)


def open_handle(spec: SourceSpec) -> SourceHandle:
    """Open a source (infer its layout and types) without building a Dask graph.

    Handles of unchanged files are cached, so :func:`open_source` and the sampler share
    one inference. Database handles are not cached (tables change without a timestamp).

    Raises
    ------
    SourceError
        Any problem opening the source; unexpected low-level errors are wrapped too.
    """
    if spec.location.startswith("db:"):
        # a named connection (brewdesk.engine.connections): resolved only here, so the specs
        # that callers keep, show and store hold ``db:NAME?table=T`` and never the password
        spec = replace(spec, location=connections.resolve(spec.location))
    spec = with_defaults(spec)
    stamp = _stamp(spec)
    key = (spec, stamp)
    if stamp is not None and key in _HANDLES:
        _HANDLES.move_to_end(key)
        return _HANDLES[key]
    try:
        handle = _make_handle(spec)
    except BrewdeskError:
        raise
    except (OSError, ValueError, MemoryError, ImportError, LookupError) as exc:
        raise SourceError(f"{spec.name}: cannot open: {exc}") from exc
    except Exception as exc:  # pyarrow / openpyxl / SQLAlchemy errors: never a raw traceback
        raise SourceError(f"{spec.name}: cannot open: {type(exc).__name__}: {exc}") from exc
    if stamp is not None:
        _HANDLES[key] = handle
        while len(_HANDLES) > 32:
            _HANDLES.popitem(last=False)
    return handle


def open_source(spec: SourceSpec, *, npartitions: int | None = None) -> LazyDataset:
    """Open a source as a lazy Dask dataset.

    Parameters
    ----------
    spec
        What to read (see :class:`SourceSpec`).
    npartitions
        Force this many partitions (>= 1): CSV/JSON Lines via the block size, Parquet by
        grouping row groups, SQL by LIMIT/OFFSET windows, otherwise by repartitioning.

    Returns
    -------
    LazyDataset
        ``frame`` has the schema's columns (canonical dtypes) and ``_rowid``; nothing is read
        beyond the bounded sample used for type inference.

    Raises
    ------
    SourceError
        Missing or unreadable file, wrong format, bad URL, missing table or sheet, a sample
        that does not parse (ragged CSV, bad encoding) ...
    """
    if npartitions is not None and (not isinstance(npartitions, int) or npartitions < 1):
        raise SourceError(f"npartitions must be a positive integer, not {npartitions!r}")
    handle = open_handle(spec)
    frame = handle.to_dask(npartitions)
    return LazyDataset(frame=frame, schema=handle.schema, spec=spec, handle=handle)
