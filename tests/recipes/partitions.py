"""The engine's run of one step over pandas pieces, without Dask (see ``docs/architecture.md``).

- FIT_MAP: ``stats.partial`` per piece, ``stats.finalize`` over all partials, then ``apply`` per
  piece with the whole-dataset statistics;
- NEIGHBOUR: ``apply`` per piece with the carry of the earlier pieces (folded with
  ``carry(state, summarize(piece))``) and, for steps that read ahead, the backward carry of the
  following pieces (``carry_back(state, summarize_back(piece))`` from the last piece).

Used by the golden test's ``pieces`` way (empty pieces at the start, between rows and at the
end, which the Dask ways never make), the contract test and the property tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from brewdesk.recipes.model import stats as stats_mod
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.runner import apply_step, with_rowid_index
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind

PIECEWISE_KINDS = (Kind.FIT_MAP, Kind.NEIGHBOUR)
"""The kinds whose partition protocol :func:`run_pieces` simulates."""


def pieces_at(frame: pd.DataFrame, cuts: Sequence[int]) -> list[pd.DataFrame]:
    """``frame`` (row id as index) cut at the given positions (repeats make empty pieces)."""
    df = with_rowid_index(frame)
    bounds = [0, *sorted(min(max(c, 0), len(df)) for c in cuts), len(df)]
    return [df.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def gaps(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """``frame`` (row id as index) in pieces with empty pieces at the start, between the pieces
    and at the end."""
    df = with_rowid_index(frame)
    n = len(df)
    cuts = sorted({0, n // 3, n // 2, n})
    pieces = [df.iloc[:0]]
    for a, b in zip(cuts, cuts[1:], strict=False):
        pieces += [df.iloc[a:b], df.iloc[:0]]
    return pieces


def run_pieces(step: Step, pieces: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Run one FIT_MAP or NEIGHBOUR step over pieces (row id as index) as the engine does, and
    check that every piece's output has the same columns and dtypes."""
    op = step.operation
    assert op is not None
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
    else:
        raise AssertionError(f"{op.id} is {op.kind}, not FIT_MAP or NEIGHBOUR")
    for o in outs[1:]:
        assert list(o.columns) == list(outs[0].columns)
        pd.testing.assert_series_equal(o.dtypes, outs[0].dtypes)
    return pd.concat(outs)
