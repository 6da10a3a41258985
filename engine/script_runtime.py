"""The Dask runtime of exported scripts (``brewdesk export-code --engine dask``).

Real, linted and tested functions; :mod:`brewdesk.engine.export_dask` hands the ones a script
needs to :func:`brewdesk.recipes.export.source.ordered`, which copies their source into the
script (each once, with the functions and constants they use, every definition after those it
uses), so the script stays standalone and readable (docs/architecture.md, "Code export").

Rules for this module, so that a copied function runs in a script whose header imports only
``dask``, ``dask.dataframe as dd``, ``numpy as np``, ``pandas as pd`` and ``re``:

- a function uses only those modules, its arguments, and the other top-level names of this
  module (functions and constants, copied along with it) or the kernels of
  :mod:`brewdesk.recipes.kernels` it imports (copied the same way, once with the steps' kernels);
- annotations are never evaluated (the script starts with ``from __future__ import
  annotations``), so they may name ``Callable`` and ``Any`` freely.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.datasets import (
    _bi_aligned,
    _bi_join_concat,
    _bi_join_right_only,
    _bi_join_rows,
    _bi_union_dtypes,
)

PartitionFn = Callable[[pd.DataFrame], pd.DataFrame]
"""A step's pandas code as a function of one partition."""

ROWID_BLOCK = 2**40
"""``_rowid`` of a row: partition * 2**40 + position (as the engine numbers rows)."""

_CLOCK: list[pd.Timestamp] = []
"""The time the first statistics are taken (NOW, TODAY): read once per script run."""

ORDER_STATISTICS = ("median", "quantile", "mode", "distinct", "value_counts")
"""Statistics taken exactly from a column's combined value counts."""


# --------------------------------------------------------------------------- planned types
def _empty(dtypes: dict[str, str]) -> pd.DataFrame:
    """An empty frame with the planned ``dtypes`` (Dask's ``meta``): known before any data.

    A ``category`` column has no categories, as in the engine's meta (they come from the data),
    and its categories are text, as the engine holds them.
    """
    text = pd.CategoricalDtype(pd.Index([], dtype="string[pyarrow]"))
    return pd.DataFrame(
        {c: pd.Series([], dtype=text if t == "category" else t) for c, t in dtypes.items()}
    )


def _typed(ddf: dd.DataFrame, dtypes: dict[str, str]) -> dd.DataFrame:
    """The input read with its planned ``dtypes`` (the engine's reader types), columns in order."""
    meta = _empty(dtypes)
    return ddf.map_partitions(lambda df: _as_planned(df[list(dtypes)], meta), meta=meta)


def _as_planned(df: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Give a partition the dtypes of the planned ``meta`` (categories come from the data).

    Text becomes datetimes as the engine's reader parses it: ISO 8601, values with an offset
    converted to UTC, all naive.
    """
    out = df.copy(deep=False)
    for c in meta.columns:
        want, have = meta[c].dtype, df[c].dtype
        if isinstance(want, pd.CategoricalDtype):
            if not isinstance(have, pd.CategoricalDtype):
                out[c] = df[c].astype("category")
        elif have != want:
            if want.kind == "M" and not pd.api.types.is_datetime64_any_dtype(have):
                parsed = pd.to_datetime(df[c], format="ISO8601", utc=True)
                out[c] = parsed.dt.tz_localize(None).astype(want)
            elif want.kind == "M" and getattr(have, "tz", None) is not None:
                out[c] = df[c].dt.tz_convert("UTC").dt.tz_localize(None).astype(want)
            else:
                out[c] = df[c].astype(want)
    return out


# --------------------------------------------------------------------------- map
def _map(ddf: dd.DataFrame, fn: PartitionFn, meta: pd.DataFrame | None = None) -> dd.DataFrame:
    """Run the pandas function ``fn`` on every partition (an empty partition stays empty).

    ``meta``: the planned columns and dtypes after ``fn`` (:func:`_empty`); each partition is
    given them. Without a plan (no input schema at export), they are worked out by :func:`_meta`.
    """
    if meta is None:
        meta = _meta(ddf, fn)
        return ddf.map_partitions(lambda df: _like(fn(df), meta) if len(df) else meta, meta=meta)
    return ddf.map_partitions(lambda df: _planned(fn(df), meta) if len(df) else meta, meta=meta)


def _planned(df: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """A step's output partition in the planned column order and dtypes (as the engine's)."""
    if list(df.columns) != list(meta.columns) and set(df.columns) == set(meta.columns):
        df = df[list(meta.columns)]
    return _as_planned(df, meta) if list(df.columns) == list(meta.columns) else df


def _meta(ddf: dd.DataFrame, fn: PartitionFn) -> pd.DataFrame:
    """The columns and dtypes ``fn`` gives, worked out on no rows (or on Dask's made-up rows).

    Only for a script exported without the input's schema: otherwise the plan gives them.
    """
    try:
        return fn(ddf._meta.copy())
    except Exception:  # some pandas code needs a row
        return fn(ddf._meta_nonempty).iloc[:0]


def _like(df: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Give a partition the dtypes of ``meta`` where they differ (an all-missing partition).

    Categories are left as they are: Dask's meta does not know them.
    """
    for c in meta.columns:
        if isinstance(meta[c].dtype, pd.CategoricalDtype):
            continue
        if c in df.columns and df[c].dtype != meta[c].dtype and df[c].isna().all():
            try:
                df[c] = df[c].astype(meta[c].dtype)
            except (TypeError, ValueError):
                pass
    return df


# --------------------------------------------------------------------------- statistics
def _statistics(ddf: dd.DataFrame, wanted: dict[str, tuple[str, str, Any]]) -> dict[str, Any]:
    """Whole-dataset statistics in one pass over the data, missing values ignored.

    ``wanted``: {key: (statistic, column, argument)}. Median, quantiles, mode and distinct values
    are exact, from the column's value counts (never an approximation).
    """
    lazy = {}
    for key, (name, col, _arg) in wanted.items():
        if name == "clock":  # the time the statistics are taken (NOW, TODAY): reads no data
            continue
        s = ddf[col]
        if name in ORDER_STATISTICS:
            lazy[key] = s.dropna().value_counts()
        else:
            lazy[key] = getattr(s, name)()
    values = dict(zip(lazy, dask.compute(*lazy.values()), strict=True))
    if not _CLOCK:  # read once per script run: every NOW and TODAY step sees the same time
        _CLOCK.append(pd.Timestamp.now(tz="UTC").tz_localize(None))
    clock = _CLOCK[0]
    return {
        key: clock if name == "clock" else _finish(name, arg, values[key])
        for key, (name, _c, arg) in wanted.items()
    }


def _finish(name: str, arg: Any, value: Any) -> Any:
    """One statistic from its combined value (value counts for the order statistics)."""
    if name in ORDER_STATISTICS:
        counts = value[value > 0].sort_index()
        if name == "value_counts":
            return counts
        if name == "distinct":
            return list(counts.index)
        if counts.empty:
            return None
        if name == "mode":
            return _mode(counts, str(arg or "MINIMUM").upper())
        return _quantile(counts, 0.5 if name == "median" else float(arg))
    if name == "count":
        return int(value)
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _quantile(counts: pd.Series, q: float) -> Any:
    """Exact quantile (linear interpolation, as pandas) from sorted value counts."""
    cum = counts.to_numpy().cumsum()
    pos = q * (int(cum[-1]) - 1)
    lo, hi = int(np.floor(pos)), int(np.ceil(pos))
    v_lo = counts.index[int(np.searchsorted(cum, lo + 1))]
    v_hi = counts.index[int(np.searchsorted(cum, hi + 1))]
    if lo == hi or v_lo == v_hi:
        return v_lo
    try:
        return v_lo + (v_hi - v_lo) * (pos - lo)
    except TypeError:
        return v_lo


def _mode(counts: pd.Series, rule: str) -> Any:
    """Most frequent value; ties broken by DataBrew's rule (MINIMUM, MAXIMUM, AVERAGE, NONE)."""
    values = list(counts[counts == counts.max()].index)
    if len(values) == 1 or rule == "NONE":
        return values[0] if len(values) == 1 else None
    if rule == "AVERAGE":
        return float(np.mean([float(v) for v in values]))
    return max(values) if rule == "MAXIMUM" else min(values)


# --------------------------------------------------------------------------- neighbours
def _contexts(
    ddf: dd.DataFrame, before: int, after: int, keep: Callable[[pd.DataFrame], pd.DataFrame] | None = None
) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """For each partition, the rows it needs from the others (one small pass over the data).

    ``(above, below)``: the last ``before`` rows of the partitions above it (among the rows
    ``keep`` selects, when given) and the first ``after`` rows of the partitions below it.
    """

    def ends(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        kept = keep(df) if keep is not None else df
        return kept.tail(before) if before else kept.iloc[:0], df.head(after) if after else df.iloc[:0]

    parts = dask.compute(*[dask.delayed(ends)(p) for p in ddf.to_delayed()])
    above, acc = [], ddf._meta
    for last, _first in parts:
        above.append(acc)
        if len(last):
            acc = (pd.concat([acc, last]) if len(acc) else last).tail(before)
    below, acc = [], ddf._meta
    for _last, first in reversed(parts):
        below.append(acc)
        if len(first):
            acc = (pd.concat([first, acc]) if len(acc) else first).head(after)
    return list(zip(above, reversed(below), strict=True))


def _valid_rows(column: str, valid: Callable[..., Any], *args: Any) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """The rows of a partition whose ``column`` holds a valid value (``valid(series, *args)``)."""

    def keep(df: pd.DataFrame) -> pd.DataFrame:
        return df[valid(df[column], *args)]

    return keep


def _map_around(
    ddf: dd.DataFrame,
    fn: PartitionFn,
    contexts: Sequence[tuple[pd.DataFrame, pd.DataFrame]],
    meta: pd.DataFrame | None = None,
) -> dd.DataFrame:
    """Run ``fn`` on every partition between its context rows, which are then dropped.

    ``meta``: the planned columns and dtypes after ``fn``, as for :func:`_map`.
    """

    def run(df: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
        above, below = contexts[partition_info["number"]] if partition_info else (df.iloc[:0], df.iloc[:0])
        if not len(above) and not len(below):
            return fn(df)
        both = pd.concat([x for x in (above, df, below) if len(x)], ignore_index=True)
        out = fn(both).iloc[len(above) : len(above) + len(df)]
        out.index = df.index
        return out

    if meta is None:
        inferred = _meta(ddf, fn)
        return ddf.map_partitions(
            lambda df, partition_info=None: (
                _like(run(df, partition_info), inferred) if len(df) else inferred
            ),
            meta=inferred,
        )
    planned = meta
    return ddf.map_partitions(
        lambda df, partition_info=None: (
            _planned(run(df, partition_info), planned) if len(df) else planned
        ),
        meta=planned,
    )


def _offsets(ddf: dd.DataFrame) -> list[int]:
    """Number of rows before each partition (one small pass over the data)."""
    sizes = ddf.map_partitions(len).compute().tolist()
    return [int(x) for x in np.cumsum([0, *sizes[:-1]])]


def _map_counted(
    ddf: dd.DataFrame, fn: PartitionFn, column: str, meta: pd.DataFrame | None = None
) -> dd.DataFrame:
    """Run ``fn`` on every partition, adding the rows above it to ``column`` (row numbers).

    ``meta``: the planned columns and dtypes after ``fn``, as for :func:`_map`.
    """
    before = _offsets(ddf)

    def run(df: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
        out = fn(df)
        above = before[partition_info["number"]] if partition_info else 0
        out = out.assign(**{column: out[column] + above})
        return out if meta is None else _planned(out, meta)

    return ddf.map_partitions(run, meta=_meta(ddf, fn) if meta is None else meta)


def _positioned(ddf: dd.DataFrame) -> dd.DataFrame:
    """Index every row by its position in the data (0, 1, ...), as pandas reads a whole file."""
    starts = _offsets(ddf)

    def number(df: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
        n = starts[partition_info["number"]] if partition_info else 0
        return df.set_axis(pd.RangeIndex(n, n + len(df)), axis=0)

    return ddf.map_partitions(number, meta=ddf._meta)


# --------------------------------------------------------------------------- row order
def _numbered(ddf: dd.DataFrame) -> dd.DataFrame:
    """Add ``_rowid``: partition * 2**40 + position, increasing in the current row order."""

    def number(df: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
        n = partition_info["number"] if partition_info else 0
        return df.assign(_rowid=np.arange(len(df), dtype="int64") + n * ROWID_BLOCK)

    return ddf.map_partitions(number, meta=number(ddf._meta))


def _sorted(
    ddf: dd.DataFrame, keys: list[str], ascending: list[bool], nulls_first: list[bool]
) -> dd.DataFrame:
    """Stable sort on several keys, each ascending or not, missing values first or last.

    Dask's ``sort_values`` needs a numeric first key, so each row first gets the number of the
    range of the first key it falls in (``_part``, cut from a sample), then rows are sorted on
    ``_part``, on "is missing" and the value of each key, and on ``_rowid`` (equal keys keep
    their order).
    """
    ddf = _numbered(ddf)
    first, n = keys[0], ddf.npartitions

    def order(s: pd.Series) -> pd.Series:
        return s.cat.codes.where(s.notna()) if isinstance(s.dtype, pd.CategoricalDtype) else s

    sample = ddf[first].map_partitions(lambda s: order(s).dropna().iloc[:: max(1, len(s) // 100)]).compute()
    cuts = np.sort(sample.to_numpy())
    cuts = cuts[[len(cuts) * i // n for i in range(1, n)]] if len(cuts) else cuts

    def part(df: pd.DataFrame) -> pd.DataFrame:
        s = order(df[first])
        valid = s.notna().to_numpy()
        pos = np.zeros(len(s), dtype="int64")
        if len(cuts) and valid.any():
            pos[valid] = np.searchsorted(cuts, s[valid].to_numpy(), side="right")
        if not ascending[0]:
            pos = (n - 1) - pos
        out = df.assign(_part=np.where(valid, pos + 1, 0 if nulls_first[0] else n + 1))
        for i, (k, top) in enumerate(zip(keys, nulls_first, strict=True)):
            out[f"_na{i}"] = df[k].notna() if top else df[k].isna()
        return out

    ddf = ddf.map_partitions(part, meta=part(ddf._meta))
    by = ["_part", *[x for i, k in enumerate(keys) for x in (f"_na{i}", k)], "_rowid"]
    asc = [True, *[x for a in ascending for x in (True, a)], True]
    ddf = ddf.sort_values(by, ascending=asc)
    return ddf.drop(columns=["_part", "_rowid", *[f"_na{i}" for i in range(len(keys))]])


def _first_rows(ddf: dd.DataFrame, keys: list[str] | None) -> dd.DataFrame:
    """Keep the first row of each set of rows equal on ``keys`` (every column when ``None``).

    The first row id of each key is found without moving rows, so the order is kept.
    """
    ddf = _numbered(ddf)
    subset = keys if keys else [c for c in ddf.columns if c != "_rowid"]
    first = ddf.groupby(subset, dropna=False, observed=True)["_rowid"].min().compute().to_numpy()
    ddf = ddf.map_partitions(lambda df: df[df["_rowid"].isin(first)], meta=ddf._meta)
    return ddf.drop(columns=["_rowid"])


def _by_key(
    ddf: dd.DataFrame, keys: list[str] | None, fn: PartitionFn, meta: pd.DataFrame | None = None
) -> dd.DataFrame:
    """Run ``fn`` with all the rows of each key in one partition, in source order.

    Dask's ``shuffle`` brings equal keys together (``None``: every column is the key; no keys:
    every row in one partition); each partition is put in source order (``_rowid``) before
    ``fn`` sees it, and the rows are sorted back into source order after. ``meta``: the planned
    columns and dtypes after ``fn``, as for :func:`_map`.
    """
    keys = list(ddf.columns) if keys is None else keys
    ddf = _numbered(ddf)

    def run(df: pd.DataFrame) -> pd.DataFrame:
        return fn(df.sort_values("_rowid").set_index("_rowid")).reset_index()

    if meta is not None:  # the row id first, as ``run`` gives it
        meta = pd.concat([pd.DataFrame({"_rowid": pd.Series([], dtype="int64")}), meta], axis=1)
    ddf = _map(ddf.shuffle(on=keys) if keys else ddf.repartition(npartitions=1), run, meta)
    return ddf.sort_values("_rowid").drop(columns=["_rowid"])


def _in_groups(
    ddf: dd.DataFrame, keys: list[str], fn: PartitionFn, meta: pd.DataFrame | None = None
) -> dd.DataFrame:
    """Run ``fn`` on partitions that each hold whole groups of ``keys``, rows in source order.

    Dask's ``shuffle`` brings each group's rows together (all rows in one partition when there
    are no keys). ``meta``: the planned columns and dtypes after ``fn``, as for :func:`_map`.
    """
    if not keys:
        return _map(ddf.repartition(npartitions=1), fn, meta)
    ddf = _numbered(ddf)
    return _map(
        ddf.shuffle(on=keys), lambda df: fn(df.sort_values("_rowid").drop(columns=["_rowid"])), meta
    )


def _groups(
    ddf: dd.DataFrame,
    keys: list[str],
    fn: PartitionFn,
    *,
    new_frame: bool,
    meta: pd.DataFrame | None = None,
) -> dd.DataFrame:
    """A group by: every group in one partition (shuffle on the keys), then ``fn`` (pandas' group
    by) per partition; the groups sorted by the keys, or merged back onto every row.

    ``meta``: the planned columns and dtypes after the step, as for :func:`_map`.
    """
    groups = _map(ddf.shuffle(on=keys), fn, meta if new_frame else None)
    if new_frame:
        return _sorted(groups, keys, ascending=[True] * len(keys), nulls_first=[False] * len(keys))
    found = groups.compute()
    return _map(ddf, lambda df: df.merge(found, on=keys, how="left"), meta)


def _pivoted(
    ddf: dd.DataFrame, pivoted: list[str], fn: PartitionFn, meta: pd.DataFrame | None = None
) -> dd.DataFrame:
    """A pivot: groups of every column but ``pivoted``, each in one partition, then sorted by the
    keys. ``meta``: the planned columns and dtypes after the step, as for :func:`_map`."""
    keys = [c for c in ddf.columns if c not in pivoted]
    ddf = _in_groups(ddf, keys, fn, meta)
    if keys:
        ddf = _sorted(ddf, keys, ascending=[True] * len(keys), nulls_first=[False] * len(keys))
    return ddf


# --------------------------------------------------------------------------- secondary inputs
def _broadcast_join(ddf: dd.DataFrame, right: pd.DataFrame, *args: Any) -> dd.DataFrame:
    """Join every partition with ``right`` held in memory (a broadcast join, as the engine's),
    then append the rows of ``right`` that no partition matched (``args``: see ``_bi_join_rows``)."""
    parts = [dask.delayed(_bi_join_rows)(p, right, *args) for p in ddf.to_delayed()]
    meta = _bi_join_rows(ddf._meta, right.iloc[:0], *args)[0]
    pieces = [dask.delayed(lambda t: t[0])(x) for x in parts]

    def unmatched(columns: list[str], *matched: Any) -> pd.DataFrame:
        found = np.unique(np.concatenate([np.zeros(0, "int64"), *matched]))
        return _bi_join_concat(meta, _bi_join_right_only(columns, right, *args, found))

    pieces.append(dask.delayed(unmatched)(list(ddf.columns), *[dask.delayed(lambda t: t[1])(x) for x in parts]))
    return dd.from_delayed(pieces, meta=meta, verify_meta=False)


def _union_all(ddf: dd.DataFrame, others: list[dd.DataFrame]) -> dd.DataFrame:
    """This dataset's partitions first, then each other input's, columns matched by name."""
    frames = [ddf, *others]
    dtypes = _bi_union_dtypes([f._meta for f in frames])
    return dd.concat(
        [f.map_partitions(_bi_aligned, dtypes, meta=_bi_aligned(f._meta, dtypes)) for f in frames],
        interleave_partitions=False,
    )
