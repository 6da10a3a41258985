"""Samples for the grid: the first, last or random rows of a source, as pandas.

A sample has exactly the columns and dtypes of the full dataset's ``meta`` (same reader, same
one-time type inference), including ``_rowid`` with the rows' values in the full dataset, and
its rows are in source order.

How each method reads, by format:

================  ===========================  ===========================  ===============================
format            FIRST_N                      LAST_N                       RANDOM
================  ===========================  ===========================  ===============================
CSV/TSV, plain    ~n rows' bytes from the      a window from the end        random byte seeks, resync to
                  start                        (grown as needed)            the next line (*); otherwise a
                                                                            streaming pass
CSV compressed,   streamed, stops early        streaming pass               streaming pass
UTF-16
Parquet           first row groups             last row groups              exact row numbers; only the
                                                                            row groups holding them
JSON Lines        first block(s)               last block(s)                streaming pass
JSON, Excel       streamed rows, stops early   streaming pass               streaming pass
SQL table         ``LIMIT n``                  ``OFFSET count - n``         streaming pass
================  ===========================  ===========================  ===============================

(*) Only when the first 2 MB hold no quoted field with a line break (else a quoted line could
be mistaken for a row start) and the file is much larger than the sample. A row is then
picked with probability proportional to the length of the row before it: uniform for rows of
equal length, close to it otherwise. The streaming pass gives every row the key
``splitmix64(seed, _rowid)`` and keeps the ``size`` smallest: exactly uniform, and the same
rows whatever the partitioning. Every method is deterministic for a given seed.
"""

from __future__ import annotations

import pandas as pd
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import LazyDataset, SourceSpec, open_handle
from brewdesk.engine.readers.base import SourceHandle, conform, row_keys
from brewdesk.engine.sample_spec import (
    SampleMethod,
    SampleSpec,
)
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.types import ROWID

__all__ = ["sample"]


def sample(source: SourceSpec | LazyDataset, spec: SampleSpec) -> pd.DataFrame:
    """Read a sample of a source.

    Parameters
    ----------
    source
        A :class:`SourceSpec` (opened, or taken from the reader cache) or an opened
        :class:`LazyDataset`.
    spec
        Method, size and seed.

    Returns
    -------
    pandas.DataFrame
        At most ``spec.size`` rows (fewer when the source is shorter), in source order, with a
        fresh RangeIndex; columns and dtypes identical to ``source.frame._meta`` (schema
        columns in canonical dtypes, then ``_rowid`` int64 holding each row's value in the
        full dataset).

    Raises
    ------
    SourceError
        Whatever stops the source from being read (see :func:`open_source`).
    """
    if isinstance(source, LazyDataset):
        handle = source.handle
        if handle is None:
            return _from_frame(source, spec)
        meta = source.frame._meta
    else:
        handle = open_handle(source)
        meta = handle.meta
    try:
        out = _draw(handle, spec)
    except BrewdeskError:
        raise
    except (OSError, ValueError, MemoryError) as exc:
        raise SourceError(f"{handle.label}: cannot read a sample: {exc}") from exc
    return conform(out, meta)


def _draw(handle: SourceHandle, spec: SampleSpec) -> pd.DataFrame:
    if spec.method is SampleMethod.FIRST_N:
        return handle.head(spec.size)
    if spec.method is SampleMethod.LAST_N:
        return handle.tail(spec.size)
    return handle.random(spec.size, spec.seed)


def _from_frame(ds: LazyDataset, spec: SampleSpec) -> pd.DataFrame:
    """Fallback for a LazyDataset built without a reader handle: use the Dask frame."""
    frame = ds.frame
    n = spec.size
    if spec.method is SampleMethod.FIRST_N:
        out = frame.head(n, npartitions=-1, compute=True)
    elif spec.method is SampleMethod.LAST_N:
        parts = []
        total = 0
        for i in range(frame.npartitions - 1, -1, -1):
            part = frame.get_partition(i).compute()
            parts.insert(0, part)
            total += len(part)
            if total >= n:
                break
        out = pd.concat(parts) if parts else frame._meta
        out = out.iloc[max(len(out) - n, 0):]
    else:
        def pick(part: pd.DataFrame) -> pd.DataFrame:
            keys = row_keys(part[ROWID].to_numpy(), spec.seed)
            return part.assign(__key=keys).nsmallest(n, "__key")

        meta = frame._meta.assign(__key=pd.Series([], dtype="float64"))
        best = frame.map_partitions(pick, meta=meta).compute()
        out = best.nsmallest(n, "__key").sort_values(ROWID).drop(columns="__key")
    return conform(out, frame._meta)
