"""The closed set of GLOBAL primitives (docs/architecture.md, "GLOBAL primitives").

Each primitive runs a GLOBAL operation over a Dask frame whose index is ``_rowid``, using that
operation's own pandas functions for the per-partition work, so the preview and the full run
share one implementation. The operation names its primitive
(:class:`~brewdesk.recipes.ops.base.Primitive`) and implements that primitive's protocol (the
``*Op`` classes of :mod:`brewdesk.recipes.ops.base`); nothing here knows an operation id:

``DEDUPE``
    One pass hashes every row (two independent 64-bit hashes, i.e. 128 bits) and keeps the
    row ids of the first occurrence of each hash; a filter in the final pass drops the others.
    Order is kept. A false match needs a 128-bit collision (probability about n^2 / 2^129).
``FLAG_DUPLICATES``
    The dedupe pass finds the row ids of the later copies; a map writes the flags (nothing moves).
``SHUFFLE``
    One pass collects row ids, group hashes and random keys; the permutation is computed in
    memory (32 bytes a row); the shuffled columns' values move in one all-to-all exchange.
``SORT``
    Sampled cut points of the first key range-partition the data in a task-based exchange; the
    operation's stable multi-key sort then orders each range.

In a local run, dedupe's hashes and the sort's exchanged ranges are spilled to disk
(:mod:`brewdesk.engine.spill`), so memory does not grow with the dataset.
``GROUP``
    One pass of per-partition partials (the operation's ``partial``), combined exactly
    (``combine``), then either the small result or a broadcast ``attach`` to every row.
``JOIN``
    The second input is read into memory and broadcast: each partition is joined with the
    operation's ``join_partition``; right rows matched by no partition are appended last.
``UNION``
    Partitions of every input are concatenated in order after ``align``.
``PIVOT``
    As ``GROUP`` with a new frame: per-partition partials of the masked value columns,
    combined exactly, then the small result.
``SESSION``
    One pass collects the row id, time, group and order columns; the operation numbers the
    sessions in memory; a map attaches each row's number by row id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from brewdesk.engine import spill
from brewdesk.engine.counts import RowCounts
from brewdesk.engine.frames import Compute, conform, indexed, meta_for, renumber
from brewdesk.engine.plan import Stage
from brewdesk.recipes.model import conditions as cond_mod
from brewdesk.recipes.model.errors import BrewdeskError, StepError
from brewdesk.recipes.model.runner import apply_step
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import (
    LATER_COPIES,
    SESSION_IDS,
    DedupeOp,
    GroupOp,
    JoinOp,
    PivotOp,
    Primitive,
    SessionOp,
    ShuffleOp,
    SortOp,
    UnionOp,
)


def run(
    stage: Stage,
    ddf: dd.DataFrame,
    inputs: Mapping[str, dd.DataFrame],
    *,
    compute: Compute,
    counts: RowCounts,
) -> dd.DataFrame:
    """Run a GLOBAL stage; returns the lazy result (index ``_rowid``).

    Raises
    ------
    StepError
        When the step fails on the data (the message names the step).
    """
    planned = stage.steps[0]
    step, op = planned.step, planned.step.operation
    assert op is not None
    fn = _RUNS.get(op.primitive) if op.primitive is not None else None
    if fn is None:
        raise StepError(f"step {step.id}: no engine primitive for GLOBAL operation {op.id}")
    try:
        out = fn(stage, ddf, inputs, compute)
        if isinstance(out, tuple):  # the pass could count rows in and out
            out, (rows_in, rows_out) = out
            counts.record(step.id, 0, rows_in, rows_out)
        return out
    except BrewdeskError:
        raise
    except (ValueError, TypeError, KeyError, MemoryError) as e:
        raise StepError(f"step {step.id} ({op.title}) failed: {type(e).__name__}: {e}") from e


# --------------------------------------------------------------------------- dedupe
def _hashes(df: pd.DataFrame, subset: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    part = df[subset]
    h1 = pd.util.hash_pandas_object(part, index=False, hash_key="brewdesk-dedup-1").to_numpy()
    h2 = pd.util.hash_pandas_object(part, index=False, hash_key="brewdesk-dedup-2").to_numpy()
    return df.index.to_numpy(dtype="int64"), h1, h2


def _keep_first(df: pd.DataFrame, drop: np.ndarray) -> pd.DataFrame:
    if not len(drop) or not len(df):
        return df
    return df[~np.isin(df.index.to_numpy(), drop, assume_unique=False)]


def _later_copies(ddf: dd.DataFrame, subset: list[str], compute: Compute) -> tuple[np.ndarray, int] | None:
    """Row ids of the rows that repeat an earlier row on ``subset`` (one pass), and the row count.

    ``None`` when the frame has no partitions.
    """
    if not ddf.npartitions:
        return None
    where = spill.folder("duplicates")
    if where is not None:
        return spill.later_copies_on_disk(ddf, subset, compute, _hashes, where)
    parts = compute(*[dask.delayed(_hashes)(d, subset) for d in ddf.to_delayed()])
    if not parts:
        return None
    # pieces arrive in partition order, so row ids already increase: no sort needed
    rowid = np.concatenate([x[0] for x in parts])
    h1 = np.concatenate([x[1] for x in parts])
    h2 = np.concatenate([x[2] for x in parts])
    del parts
    # a cheap 64-bit screen first; the 128-bit check runs on the few rows whose first hash repeats
    cand = np.flatnonzero(pd.Series(h1).duplicated(keep=False).to_numpy())
    dup = pd.DataFrame({"a": h1[cand], "b": h2[cand]}).duplicated(keep="first").to_numpy()
    return rowid[cand[dup]], len(rowid)


def _compared(stage: Stage) -> list[str]:
    """The columns a DEDUPE or FLAG_DUPLICATES step compares (every column when it names none)."""
    step = stage.steps[0].step
    compared = cast(DedupeOp, step.operation).compared_columns(step.params)
    return list(stage.input_schema) if compared is None else compared


def _dedupe(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> Any:
    subset = _compared(stage)
    found = _later_copies(ddf, subset, compute)
    if found is None:
        return ddf
    drop, total = found
    rows = (total, total - len(drop))
    return ddf.map_partitions(_keep_first, drop, meta=meta_for(stage.output_schema), enforce_metadata=False), rows


# --------------------------------------------------------------------------- flag duplicates
def _flag_duplicates(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> Any:
    """FLAG_DUPLICATES: the dedupe pass finds the later copies over the whole dataset; each
    partition then writes its flags (rows and row ids unchanged)."""
    p = stage.steps[0]
    found = _later_copies(ddf, _compared(stage), compute)
    later = found[0] if found is not None else np.zeros(0, dtype="int64")
    schema = stage.output_schema
    return ddf.map_partitions(
        lambda d, x: conform(apply_step(p.step, d, {LATER_COPIES: x}), schema),
        later,
        meta=meta_for(schema),
        enforce_metadata=False,
    )


# --------------------------------------------------------------------------- shuffle
def _shuffle(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> dd.DataFrame:
    """SHUFFLE: pass 1 collects (row id, group hashes, random key) of the rows taking part;
    the permutation pairs each receiving row with a giving row; then every partition sends the
    source-column values asked of it to the receiving partitions (an all-to-all exchange of those
    columns only) and each partition writes what it receives. Rows and row ids do not move."""
    step = stage.steps[0].step
    op, params = cast(ShuffleOp, step.operation), step.params
    cols = op.shuffled_columns(params)
    schema = stage.output_schema
    meta = meta_for(schema)
    n = ddf.npartitions

    def keys(d: pd.DataFrame) -> tuple[np.ndarray, ...]:
        mask = cond_mod.mask(step.conditions, d) if step.conditions else None
        return op.shuffle_keys(params, d, mask)

    parts = compute(*[dask.delayed(keys)(d) for d in ddf.to_delayed()])
    if not parts:
        return ddf
    rowid, g1, g2, key = (np.concatenate([x[i] for x in parts]) for i in range(4))
    holder = np.concatenate([np.full(len(x[0]), j, dtype="int64") for j, x in enumerate(parts)])
    del parts
    to, frm = op.shuffle_order(rowid, g1, g2, key)  # positions: no row-id lookups needed
    del g1, g2, key
    dest, src, dest_part, src_part = rowid[to], rowid[frm], holder[to], holder[frm]
    del rowid, holder, to, frm

    def give(d: pd.DataFrame, want: np.ndarray, to: np.ndarray, to_part: np.ndarray) -> list[pd.DataFrame]:
        moved = d.loc[want, cols]
        moved.index = pd.Index(to, dtype="int64", name=d.index.name)
        return [moved[to_part == i] for i in range(n)]

    def take(d: pd.DataFrame, i: int, *given: list[pd.DataFrame]) -> pd.DataFrame:
        got = pd.concat([g[i] for g in given])
        has = d.index.isin(got.index)
        out = d.copy()
        for c in cols:
            out[c] = got[c].reindex(d.index).where(has, d[c])
        return conform(out, schema)

    frames = ddf.to_delayed()
    given = []
    for j, d in enumerate(frames):
        mine = src_part == j
        given.append(dask.delayed(give)(d, src[mine], dest[mine], dest_part[mine]))
    taken = [dask.delayed(take)(d, i, *given) for i, d in enumerate(frames)]
    return dd.from_delayed(taken, meta=meta, divisions=ddf.divisions, verify_meta=False)


# --------------------------------------------------------------------------- sort
def _sample_keys(df: pd.DataFrame, key: str, k: int) -> pd.Series:
    s = df[key].dropna()
    step = max(1, len(s) // k)
    return s.iloc[::step]


def _assign_part(df: pd.DataFrame, key: str, cuts: pd.Series, n: int, ascending: bool, nulls_top: bool) -> pd.DataFrame:
    s = df[key]
    if len(cuts):
        pos = np.asarray(cuts.searchsorted(s.fillna(cuts.iloc[0]), side="right"), dtype="int64")
    else:  # no non-missing key was sampled (e.g. an all-missing key): one range, nulls placed below
        pos = np.zeros(len(s), dtype="int64")
    part = pos if ascending else (n - 1) - pos
    part = np.where(s.isna().to_numpy(), 0 if nulls_top else n - 1, part)
    out = df.copy(deep=False)
    out["__brewdesk_part"] = part
    out["__brewdesk_rowid"] = df.index.to_numpy()
    return out


def _sort(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> dd.DataFrame:
    p = stage.steps[0]
    op = p.step.operation
    assert op is not None
    params = p.step.params
    schema = stage.output_schema
    meta = meta_for(schema)
    n = ddf.npartitions
    if n == 1:
        return ddf.map_partitions(lambda d: conform(op.apply(params, d, {}), schema), meta=meta)
    first = cast(SortOp, op).sort_keys(params)[0]
    key = first.column
    samples = compute(*[dask.delayed(_sample_keys)(d, key, 200) for d in ddf.to_delayed()])
    allv = pd.concat([x for x in samples if len(x)]) if any(len(x) for x in samples) else pd.Series([], dtype=meta[key].dtype)
    allv = allv.sort_values(ignore_index=True)
    cuts = allv.iloc[[int(len(allv) * i / n) for i in range(1, n)]].reset_index(drop=True) if len(allv) else allv
    asc, top = first.ascending, first.nulls_first

    where = spill.folder("ranges")
    in_meta = meta_for(stage.input_schema)

    def split(d: pd.DataFrame, source: int) -> list[Any]:
        t = _assign_part(d, key, cuts, n, asc, top)
        part = t.pop("__brewdesk_part").to_numpy()
        t = t.drop(columns="__brewdesk_rowid")
        ranges = [t[part == j] for j in range(n)]
        # spilling: the ranges wait on disk for the other half of the exchange, not in memory
        return spill.write_ranges(ranges, where, source) if where is not None else ranges

    def sort_part(j: int, *splits: list[Any]) -> pd.DataFrame:
        if where is not None:
            d = spill.read_range([sp[j] for sp in splits], in_meta)
        else:
            d = pd.concat([sp[j] for sp in splits]) if splits else meta
        return conform(op.apply(params, d, {}), schema)

    # a task-based all-to-all exchange: each input partition is cut into n ranges, range j of
    # every partition is sorted together; ranges are in key order, so the result is sorted
    splits = [dask.delayed(split)(d, i) for i, d in enumerate(ddf.to_delayed())]
    ordered = [dask.delayed(sort_part)(j, *splits) for j in range(n)]
    out = dd.from_delayed(ordered, meta=meta, verify_meta=False)
    return out.map_partitions(renumber, meta=meta)


# --------------------------------------------------------------------------- group by
def _group_by(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> Any:
    p = stage.steps[0]
    op, params = cast(GroupOp, p.step.operation), p.step.params
    partials = compute(*[dask.delayed(op.partial)(params, d) for d in ddf.to_delayed()])
    result = op.combine(params, list(partials), stage.input_schema)
    rows_in = sum(op.partial_rows(x) for x in partials)
    new_frame = op.new_frame(params)
    rows = (rows_in, len(result) if new_frame else rows_in)
    if new_frame:
        result = conform(result, stage.output_schema)
        nparts = max(1, min(ddf.npartitions, len(result) // 1_000_000 + 1))
        return dd.from_pandas(result, npartitions=nparts, sort=False).map_partitions(
            renumber, meta=meta_for(stage.output_schema)
        ), rows
    return ddf.map_partitions(
        lambda d, r: conform(op.attach(params, d, r), stage.output_schema),
        result,
        meta=meta_for(stage.output_schema),
        enforce_metadata=False,
    ), rows


# --------------------------------------------------------------------------- join
def _right_frame(name: str, inputs: Mapping[str, dd.DataFrame], compute: Compute, schema: Schema) -> pd.DataFrame:
    if name not in inputs:
        raise StepError(f"input '{name}' is not given", hint=f"use --input {name}=SOURCE")
    (right,) = compute(indexed(inputs[name], schema))
    return right


def _join(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> dd.DataFrame:
    p = stage.steps[0]
    op, params = cast(JoinOp, p.step.operation), p.step.params
    (name,) = op.input_names(params)
    right = _right_frame(name, inputs, compute, Schema.from_frame(inputs[name]._meta) if name in inputs else Schema())
    out_schema = stage.output_schema

    def part(d: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
        return op.join_partition(params, d, right)

    delayed_parts = [dask.delayed(part)(d) for d in ddf.to_delayed()]
    frames = [dask.delayed(lambda t: conform(t[0], out_schema))(x) for x in delayed_parts]
    matched = [dask.delayed(lambda t: t[1])(x) for x in delayed_parts]

    def tail(*sets: np.ndarray) -> pd.DataFrame:
        m = np.unique(np.concatenate(sets)) if sets else np.zeros(0, "int64")
        extra = op.right_only(params, stage.input_schema, right, m)
        if extra.empty:
            return meta_for(out_schema)
        extra.index = pd.Index(np.arange(len(extra), dtype="int64"))
        return conform(extra, out_schema)

    pieces = frames + ([dask.delayed(tail)(*matched)] if op.keeps_right_only(params) else [])
    out = dd.from_delayed(pieces, meta=meta_for(out_schema), verify_meta=False)
    return out.map_partitions(renumber, meta=meta_for(out_schema))


# --------------------------------------------------------------------------- union
def _union(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> dd.DataFrame:
    p = stage.steps[0]
    op, params = cast(UnionOp, p.step.operation), p.step.params
    target = stage.output_schema
    frames = [ddf]
    for name in op.input_names(params):
        if name not in inputs:
            raise StepError(f"input '{name}' is not given", hint=f"use --input {name}=SOURCE")
        frames.append(indexed(inputs[name], Schema.from_frame(inputs[name]._meta)))
    aligned = [
        f.map_partitions(lambda d: conform(op.align(params, d, target), target), meta=meta_for(target))
        for f in frames
    ]
    out = dd.concat(aligned, interleave_partitions=False)
    return out.map_partitions(renumber, meta=meta_for(target))


# --------------------------------------------------------------------------- pivot
def _pivot(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> Any:
    """PIVOT: per-partition partials (the operation's ``partial``), combined exactly on the
    driver; the result is small (one row per group)."""
    p = stage.steps[0]
    op, params = cast(PivotOp, p.step.operation), p.step.params
    partials = list(compute(*[dask.delayed(op.partial)(params, d) for d in ddf.to_delayed()]))
    result = conform(op.combine(params, partials, stage.input_schema), stage.output_schema)
    rows = (sum(op.partial_rows(x) for x in partials), len(result))
    nparts = max(1, min(ddf.npartitions, len(result) // 1_000_000 + 1))
    with dask.config.set({"dataframe.convert-string": False}):  # lists stay Python objects
        out = dd.from_pandas(result, npartitions=nparts, sort=False)
    return out.map_partitions(renumber, meta=meta_for(stage.output_schema)), rows


# --------------------------------------------------------------------------- session
def _session(stage: Stage, ddf: dd.DataFrame, inputs: Mapping[str, dd.DataFrame], compute: Compute) -> dd.DataFrame:
    """SESSION: one pass collects the row id and the time, group and order columns of every row;
    the operation's ``session_ids`` numbers the sessions of the whole dataset in memory; a map then
    attaches each row's number by row id (rows do not move)."""
    p = stage.steps[0]
    op, params = cast(SessionOp, p.step.operation), p.step.params
    cols = op.key_columns(params)
    parts = compute(*[dask.delayed(lambda d: d[cols])(d) for d in ddf.to_delayed()])
    keys = pd.concat(parts) if parts else meta_for(stage.input_schema)[cols]
    del parts
    ids = op.session_ids(params, keys)
    order = np.argsort(ids.index.to_numpy(dtype="int64"), kind="stable")
    rowids = ids.index.to_numpy(dtype="int64")[order]
    numbers = ids.array[order]
    schema = stage.output_schema

    def attach(d: pd.DataFrame, rowids: np.ndarray, numbers: Any) -> pd.DataFrame:
        mine = pd.Series(numbers[np.searchsorted(rowids, d.index.to_numpy(dtype="int64"))], index=d.index)
        return conform(apply_step(p.step, d, {SESSION_IDS: mine}), schema)

    return ddf.map_partitions(attach, rowids, numbers, meta=meta_for(schema), enforce_metadata=False)


_RUNS: dict[Primitive, Callable[[Stage, dd.DataFrame, Mapping[str, dd.DataFrame], Compute], Any]] = {
    Primitive.DEDUPE: _dedupe,
    Primitive.FLAG_DUPLICATES: _flag_duplicates,
    Primitive.SHUFFLE: _shuffle,
    Primitive.SORT: _sort,
    Primitive.GROUP: _group_by,
    Primitive.JOIN: _join,
    Primitive.UNION: _union,
    Primitive.PIVOT: _pivot,
    Primitive.SESSION: _session,
}
"""How each primitive runs (every member of :class:`Primitive` has one)."""
