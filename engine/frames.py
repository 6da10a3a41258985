"""Partition frames as the engine holds them: index ``_rowid``, the planned dtypes (docs/architecture.md,
"Execution").

The plan fixes every stage's schema before any data is read; :func:`meta_for` turns it into Dask's
``meta`` and :func:`conform` coerces each partition to it, so ``meta`` equals every partition's
dtypes. Used by the executor, the GLOBAL primitives and the checkpoints alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dask.dataframe as dd
import numpy as np
import pandas as pd
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.runner import with_rowid_index
from brewdesk.recipes.model.types import ROWID, Schema, pandas_dtype

Compute = Callable[..., tuple[Any, ...]]
"""How a pass runs: a function with ``dask.compute``'s signature."""
ROWID_BLOCK = 2**40
"""Row ids after a reshaping step: ``partition * 2**40 + position`` (increasing, unique)."""


def meta_for(schema: Schema) -> pd.DataFrame:
    """Empty frame with the planned dtypes and an int64 ``_rowid`` index (Dask ``meta``)."""
    cols = {c: pd.Series([], dtype=pandas_dtype(t)) for c, t in schema.items()}
    return pd.DataFrame(cols, index=pd.Index([], dtype="int64", name=ROWID))


def conform(df: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """Coerce a partition to the planned schema (column order and dtypes).

    Raises
    ------
    StepError
        When a column is missing or cannot hold the planned type (a planner/operation bug made
        visible, rather than a silent dtype drift between partitions).
    """
    names = list(schema)
    if list(df.columns) != names:
        missing = [c for c in names if c not in df.columns]
        if missing:
            raise StepError(f"internal: planned column(s) {missing} missing from a partition")
        df = df[names]
    out = None
    for c, t in schema.items():
        want = pandas_dtype(t)
        have = df[c].dtype
        if t == "category" and isinstance(have, pd.CategoricalDtype):
            continue
        if have != want:
            if out is None:
                out = df.copy(deep=False)
            try:
                out[c] = df[c].astype(want)
            except (TypeError, ValueError) as e:
                raise StepError(f"column '{c}' cannot be held as {t}: {e}") from None
    res = df if out is None else out
    if res.index.dtype != "int64":
        res = res.copy(deep=False)
        res.index = res.index.astype("int64")
    res.index.name = ROWID
    return res


def indexed(frame: dd.DataFrame, schema: Schema) -> dd.DataFrame:
    """``frame`` with ``_rowid`` as its index, coerced to ``schema`` (readers give it as a column)."""
    if ROWID in frame.columns:
        return frame.map_partitions(_to_index, schema, meta=meta_for(schema), enforce_metadata=False)
    return frame


def _to_index(df: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    return conform(with_rowid_index(df), schema)


def renumber(df: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    """Give a partition fresh row ids ``partition * 2**40 + position`` (after a reshaping step)."""
    number = partition_info["number"] if partition_info else 0
    out = df.copy(deep=False)
    out.index = pd.Index(number * ROWID_BLOCK + np.arange(len(df), dtype="int64"), name=ROWID)
    return out
