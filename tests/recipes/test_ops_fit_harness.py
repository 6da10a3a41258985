"""Run golden cases of FIT_MAP / NEIGHBOUR operations the ways the engine will.

Until the shared golden harness lands, this simulates the engine on pandas pieces:

- FIT_MAP: ``stats.partial`` per piece, ``stats.finalize`` over all partials, then ``apply`` per
  piece with the whole-dataset statistics;
- NEIGHBOUR: ``apply`` per piece with the carry of the earlier pieces (folded with
  ``carry(state, summarize(piece))``) and, for steps that read ahead, the backward carry of the
  following pieces (``carry_back(state, summarize_back(piece))`` from the last piece);

and also runs the exported code on the whole input.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes import codegen
from brewdesk.recipes import stats as stats_mod
from brewdesk.recipes.ops.base import Kind
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.runner import apply_step, run_pandas, with_rowid_index
from brewdesk.recipes.types import Schema
from brewdesk.recipes.validate import validate

FIT_OPS = [
    "fill_with_average",
    "fill_with_mode",
    "fill_with_most_frequent",
    "fill_with_sum",
    "replace_with_average",
    "replace_with_median",
    "one_hot_encoding",
    "to_category",
    "scale",
    "flag_outliers",
    "remove_outliers",
    "row_number",
    "prev",
    "rolling_average",
    "rolling_sum",
]


def load_cases(op_ids: Sequence[str] = FIT_OPS) -> list[tuple[str, Any]]:
    """``[(op id, GoldenCase)]`` for every op id whose case module exists."""
    out = []
    for op_id in op_ids:
        try:
            module = importlib.import_module(f"tests.golden.cases.{op_id}")
        except ModuleNotFoundError:
            continue
        for case in module.CASES:
            out.append((op_id, case))
    return out


def make_step(op_id: str, case: Any) -> Step:
    return Step.create(op_id, case.params, conditions=case.conditions)


def split(frame: pd.DataFrame, how: str) -> list[pd.DataFrame]:
    """Pieces of ``frame``: ``one``, ``three``, ``rows`` (one row each), ``gaps`` (empty pieces
    at the start, between rows and at the end)."""
    n = len(frame)
    if how == "one":
        return [frame]
    if how == "three":
        return [frame.iloc[a[0] : a[-1] + 1] if len(a) else frame.iloc[:0] for a in np.array_split(np.arange(n), 3)]
    if how == "rows":
        return [frame.iloc[i : i + 1] for i in range(n)] or [frame]
    if how == "gaps":
        cuts = sorted({0, n // 3, n // 3, n // 2, n})
        pieces = [frame.iloc[:0]]
        for a, b in zip(cuts, cuts[1:], strict=False):
            pieces += [frame.iloc[a:b], frame.iloc[:0]]
        return pieces
    raise ValueError(how)


def run_partitioned(step: Step, frame: pd.DataFrame, how: str) -> pd.DataFrame:
    """Simulate the engine's run of one step over pieces of ``frame`` (see :func:`split`)."""
    return run_pieces(step, split(with_rowid_index(frame), how))


def pieces_at(frame: pd.DataFrame, cuts: Sequence[int]) -> list[pd.DataFrame]:
    """``frame`` (row id as index) cut at the given positions (repeats make empty pieces)."""
    df = with_rowid_index(frame)
    bounds = [0, *sorted(min(max(c, 0), len(df)) for c in cuts), len(df)]
    return [df.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def run_pieces(step: Step, pieces: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Run one step over pieces (row id as index) as the engine does: FIT_MAP statistics from
    every piece's partial, NEIGHBOUR carries in piece order (and back from the last piece for
    steps that read ahead); then ``apply`` per piece."""
    op = step.operation
    assert op is not None
    outs = []
    if op.kind is Kind.FIT_MAP:
        reqs = op.stats(step.params, Schema.from_frame(pieces[0]))
        fitted = {k: stats_mod.finalize(st, [stats_mod.partial(st, p) for p in pieces]) for k, st in reqs.items()}
        outs = [apply_step(step, p, fitted) for p in pieces]
    elif op.kind is Kind.NEIGHBOUR:
        state, forward = None, []
        for p in pieces:
            forward.append(state)
            state = op.carry(step.params, state, op.summarize(step.params, p))
        back: list[Any] = [None] * len(pieces)
        if op.reads_ahead(step.params):  # what the following pieces pass back
            state = None
            for i in range(len(pieces) - 1, -1, -1):
                back[i] = state
                state = op.carry_back(step.params, state, op.summarize_back(step.params, pieces[i]))
        outs = [apply_step(step, p, {"carry": f, "carry_back": b}) for p, f, b in zip(pieces, forward, back, strict=True)]
    else:  # pragma: no cover - only FIT_MAP / NEIGHBOUR here
        raise AssertionError(op.kind)
    for o in outs[1:]:
        assert list(o.columns) == list(outs[0].columns)
        pd.testing.assert_series_equal(o.dtypes, outs[0].dtypes)
    return pd.concat(outs)


def run_code(step: Step, frame: pd.DataFrame) -> pd.DataFrame:
    """Run the exported code of one step on ``frame`` (RangeIndex) with whole-frame fits."""
    op = step.operation
    assert op is not None
    df = with_rowid_index(frame)
    if op.kind is Kind.FIT_MAP:
        fitted: dict[str, Any] = stats_mod.compute_on_frame(op.stats(step.params, Schema.from_frame(df)), df)
    else:
        fitted = {"carry": None}
    code = codegen.step_code(step, fitted)
    assert code, f"{op.id} exports no code"
    ns: dict[str, Any] = {"pd": pd, "np": np, "re": re, "df": frame.copy().reset_index(drop=True)}
    exec(compile(code, f"<{op.id} code>", "exec"), ns)
    return ns["df"]


def check_case(op_id: str, case: Any) -> None:
    """Every check of one golden case (raises AssertionError on a mismatch)."""
    from brewdesk.recipes.errors import BrewdeskError

    if case.error is not None:
        try:
            step = make_step(op_id, case)
            validate(Recipe(steps=(step,)), Schema.from_frame(case.input))
            run_pandas([step], case.input)
        except BrewdeskError as e:
            assert case.error in str(e), f"{case.error!r} not in {str(e)!r}"
        else:
            raise AssertionError(f"{op_id}/{case.name}: expected an error containing {case.error!r}")
        # Without validation the run must still fail with a Brewdesk error (never raw pandas).
        try:
            run_pandas([make_step(op_id, case)], case.input)
        except BrewdeskError:
            pass
        return
    step = make_step(op_id, case)
    expected = case.expected
    got = run_pandas([step], case.input)
    assert isinstance(got, pd.DataFrame)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)
    assert validate(Recipe(steps=(step,)), Schema.from_frame(case.input)) == Schema.from_frame(expected)
    for how in ("one", "three", "rows", "gaps"):
        part = run_partitioned(step, case.input, how)
        pd.testing.assert_frame_equal(part.reset_index(drop=True), expected, obj=f"{how} partitions")
    if case.code and not case.conditions:
        pd.testing.assert_frame_equal(run_code(step, case.input).reset_index(drop=True), expected, obj="exported code")
