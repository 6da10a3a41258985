"""Reproducible "random" values for the PII steps (not an operation).

DataBrew's REPLACE_WITH_RANDOM_BETWEEN, REPLACE_WITH_RANDOM_DATE_BETWEEN and SHUFFLE_ROWS draw
new random numbers on every run. Brewdesk must give the same output for the same input whatever
the partitioning (preview, engine with any number of partitions, exported script), so each row's
random number is a hash of ``(seed, stream, _rowid)``:

- ``seed``: the step's optional ``seed`` parameter (Brewdesk only, never exported to DataBrew;
  ``None`` means 0). Another seed gives other values.
- ``stream``: separates the columns of one step and the operations, so two columns replaced by one
  step, or two different steps, do not get the same numbers.
- ``_rowid``: the row id (source row number before any reshaping step), the frame's index.

The hash is SplitMix64 (Steele, Lea and Flood, 2014), shared with RANDOM and RANDOM_BETWEEN
(:func:`brewdesk.recipes.kernels.random._bd_splitmix`): the seed and stream are mixed into a
64-bit key (the first output of SplitMix64 seeded with ``seed``, xor ``stream``, mixed again), then
``mix(rowid * 0x9E3779B97F4A7C15 + key)`` for every row. The output passes the usual
statistical tests; it is not a cryptographic generator, and a replaced value carries nothing of
the original value, so knowing the generator reveals nothing about the data.

Row ids are source row numbers until a reshaping step (sort, join, union, group by) renumbers
the rows; after one, the engine's row ids depend on its partitions, so the values are reproducible
for the same input and partition layout only.

:func:`_bp_random` is the implementation; ``to_code()`` exports its source (:func:`helper_code`);
the exporter adds the kernels it calls (:mod:`brewdesk.recipes.export.source`).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.random import _bd_splitmix
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind, Operation, check_columns

STREAM_RANDOM_BETWEEN = 0x52414E44
STREAM_RANDOM_DATE = 0x44415445
STREAM_SHUFFLE = 0x53485546
"""Per-operation stream bases (the column's position in ``source_columns`` is added)."""


def _bp_random(rowid, seed, stream):
    """Uniform uint64 numbers, one per row id: SplitMix64 of ``(seed, stream, rowid)``."""
    key = _bd_splitmix(1, int(seed or 0))
    key = _bd_splitmix(0, int(key) ^ (int(stream) % 2**64))
    return _bd_splitmix(rowid, key)


def _bp_uniform(rowid, seed, stream):
    """Uniform float64 numbers in [0, 1), one per row id (53 random bits each)."""
    return (_bp_random(rowid, seed, stream) >> np.uint64(11)).astype(np.float64) * 2.0**-53


def _bp_below(rowid, seed, stream, n):
    """Uniform int64 numbers in [0, n), one per row id (``n`` below 2**63; the modulo bias is
    below n / 2**64)."""
    return (_bp_random(rowid, seed, stream) % np.uint64(n)).astype(np.int64)


def _bp_random_between(s, lower, upper, seed, stream):
    """Replace the values of ``s`` by random numbers: whole numbers in [lower, upper] (Int64) when
    both bounds are integers, else numbers in [lower, upper) (Float64). Missing stays missing."""
    ids = s.index.to_numpy(dtype="int64")
    na = s.isna().to_numpy(dtype=bool)
    if isinstance(lower, int) and isinstance(upper, int):
        v = _bp_below(ids, seed, stream, upper - lower + 1) + np.int64(lower)
        return pd.Series(v, index=s.index, dtype="Int64").mask(na)
    v = float(lower) + (float(upper) - float(lower)) * _bp_uniform(ids, seed, stream)
    return pd.Series(v, index=s.index, dtype="Float64").mask(na)


def _bp_random_date(s, start, end, seed, stream):
    """Replace the values of ``s`` by random datetimes ``start + k`` seconds, ``k`` a whole number
    from 0 to the seconds between ``start`` and ``end`` (both included). Missing stays missing."""
    ids = s.index.to_numpy(dtype="int64")
    na = s.isna().to_numpy(dtype=bool)
    first = np.datetime64(pd.Timestamp(start).to_datetime64(), "us")
    last = np.datetime64(pd.Timestamp(end).to_datetime64(), "us")
    span = int((last - first) // np.timedelta64(1, "s"))
    k = _bp_below(ids, seed, stream, span + 1)
    v = first + k.astype("timedelta64[s]").astype("timedelta64[us]")
    return pd.Series(v, index=s.index, dtype="datetime64[us]").mask(na)


def _bp_shuffle_keys(df, groups, seed, stream):
    """Row ids, the two 64-bit hashes of each row's group (zeros without groups) and each row's
    random sort key, as numpy arrays."""
    rowid = df.index.to_numpy(dtype="int64")
    if groups:
        g1 = pd.util.hash_pandas_object(
            df[groups], index=False, hash_key="brewdesk-shufl-1"
        ).to_numpy()
        g2 = pd.util.hash_pandas_object(
            df[groups], index=False, hash_key="brewdesk-shufl-2"
        ).to_numpy()
    else:
        g1 = g2 = np.zeros(len(df), dtype=np.uint64)
    return rowid, g1, g2, _bp_random(rowid, seed, stream)


def _bp_shuffle_order(rowid, g1, g2, key):
    """``(dest, src)`` positions into the arrays: within each group, the k-th row in row-id order
    (``dest[i]``) receives the values of the row with the k-th smallest random key (``src[i]``),
    a uniformly random permutation per group."""
    return np.lexsort((rowid, g2, g1)), np.lexsort((rowid, key, g2, g1))


def _bp_shuffle_pairs(rowid, g1, g2, key):
    """``(dest, src)`` row ids of :func:`_bp_shuffle_order`."""
    dest, src = _bp_shuffle_order(rowid, g1, g2, key)
    return rowid[dest], rowid[src]


def _bp_shuffle(df, cols, groups, seed, stream, mask=None):
    """Shuffle the values of ``cols`` (together) among the rows of each group of ``groups``; rows
    outside ``mask`` (a boolean array) keep their values and take no part."""
    sel = np.ones(len(df), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    dest, src = _bp_shuffle_pairs(*_bp_shuffle_keys(df[sel], groups, seed, stream))
    moved = df.loc[src, cols]
    moved.index = pd.Index(dest, dtype="int64")
    has = df.index.isin(dest)
    out = df.copy()
    for c in cols:
        out[c] = moved[c].reindex(df.index).where(has, df[c])
    return out


def helper_code(*names: str) -> str:
    """Source text of the named ``_bp_*`` helpers (definitions, then a blank line); the kernels
    they call are added by the exporter."""
    own = [inspect.getsource(globals()[n]) for n in names]
    return "\n\n".join(own) + "\n\n"


class RandomReplace(Operation):
    """Base of REPLACE_WITH_RANDOM_BETWEEN and REPLACE_WITH_RANDOM_DATE_BETWEEN: every column of
    ``source_columns`` is replaced in place by :meth:`values`, column ``i`` with stream
    ``stream + i``; the seed is Brewdesk's own and is neither exported to nor read from DataBrew."""

    kind = Kind.ROW
    category = "PII"
    stream: ClassVar[int]
    helper: ClassVar[str]
    logical: ClassVar[str]

    def check(self, params: Any) -> None:
        """Validate the bounds (raise :class:`StepProblem`)."""

    def bounds(self, params: Any) -> tuple[Any, Any]:
        raise NotImplementedError

    def out_type(self, params: Any) -> str:
        return self.logical

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params)
        for c in params.source_columns:
            schema = schema.with_column(c, self.out_type(params))
        return schema

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        lo, hi = self.bounds(params)
        fn = globals()[self.helper]
        out = frame.copy(deep=False)
        for i, c in enumerate(params.source_columns):
            out[c] = fn(frame[c], lo, hi, params.seed, self.stream + i)
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        lo, hi = self.bounds(params)
        cols = list(params.source_columns)
        call = f"{self.helper}(df[_c], {lo!r}, {hi!r}, {params.seed!r}, {self.stream} + _i)"
        code = helper_code("_bp_random", "_bp_uniform", "_bp_below", self.helper)
        return code + f"for _i, _c in enumerate({cols!r}):\n    df[_c] = {call}"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        name, out = super().to_databrew(params)
        out.pop("seed", None)
        return name, out

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = super().from_databrew(operation, parameters)
        out.pop("seed", None)
        return out
