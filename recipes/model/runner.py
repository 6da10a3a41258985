"""Run steps on pandas frames: the preview path, and each partition's work in the engine.

Frames handed to operations carry the row id (``_rowid``, int64, increasing in source order) as
their index, never as a column; :func:`with_rowid_index` and :func:`with_rowid_column` convert.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from brewdesk.recipes.model import conditions as cond_mod
from brewdesk.recipes.model.errors import BrewdeskError, StepError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.stats import compute_on_frame
from brewdesk.recipes.model.types import ROWID, Schema
from brewdesk.recipes.model.validate import step_schema
from brewdesk.recipes.ops.base import Kind, StepProblem, new_column_fields, referenced_columns
from pydantic import BaseModel

CONDITION_MASK = "condition_mask"


def with_rowid_index(frame: pd.DataFrame) -> pd.DataFrame:
    """Move the ``_rowid`` column into the index (a RangeIndex becomes the row id otherwise)."""
    if ROWID in frame.columns:
        return frame.set_index(ROWID)
    if frame.index.name == ROWID:
        return frame
    out = frame.copy(deep=False)
    out.index = pd.RangeIndex(len(frame), name=ROWID)
    return out


def with_rowid_column(frame: pd.DataFrame) -> pd.DataFrame:
    """Move the row-id index back into an int64 ``_rowid`` column."""
    out = frame.copy(deep=False)
    out.index = out.index.astype("int64")
    out.index.name = ROWID
    return out.reset_index()


def apply_step(step: Step, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
    """Apply one available step to a pandas frame, honouring its conditions.

    A step with conditions changes only the rows where they hold: existing columns keep their old
    values elsewhere, and new columns are missing there. Operations that interpret the condition
    themselves (``handles_condition``, e.g. REMOVE_VALUES) receive the mask in ``fitted``.

    Raises
    ------
    StepError
        When the operation fails on this data; the message names the step. pandas errors
        (impossible casts, bad regexes) are wrapped, never passed raw.
    """
    op = step.operation
    if op is None or not isinstance(step.params, BaseModel):
        raise StepError(f"step {step.id}: unknown operation '{step.op}'")
    try:
        if not step.conditions:
            return op.apply(step.params, frame, fitted)
        mask = cond_mod.mask(step.conditions, frame)
        if op.handles_condition:
            return op.apply(step.params, frame, {**fitted, CONDITION_MASK: mask})
        out = op.apply(step.params, frame, fitted)
        return _restrict(frame, out, mask, written_columns(step.params))
    except BrewdeskError as e:
        if isinstance(e, StepError) and e.message.startswith("step "):
            raise
        raise StepError(f"step {step.id} ({op.title}): {e.message}", hint=e.hint) from None
    except (ValueError, TypeError, KeyError, OverflowError, ArithmeticError, AttributeError) as e:
        raise StepError(f"step {step.id} ({op.title}) failed: {type(e).__name__}: {e}") from e


def written_columns(params: Any) -> set[str]:
    """Every column a step's params name: the columns it reads and the ones it writes."""
    named = set(referenced_columns(params))
    for f in new_column_fields(type(params)):
        value = getattr(params, f)
        if isinstance(value, str):
            named.add(value)
    return named


def _restrict(before: pd.DataFrame, after: pd.DataFrame, mask: Any, named: set[str]) -> pd.DataFrame:
    """Keep the step's changes on the masked rows only.

    A step changes only the columns it names (its ``column()`` / ``new_column()`` params) and
    the columns it creates, so only those are restricted.
    """
    if len(after) != len(before):
        raise StepError("a condition cannot restrict a step that changes the number of rows")
    m = pd.Series(mask, index=after.index)
    out = after.copy(deep=False)
    for c in out.columns:
        if c not in before.columns:
            out[c] = out[c].where(m)
        elif c in named and before[c].dtype == out[c].dtype:
            out[c] = out[c].where(m, before[c])
    return out


def fit_on_frame(step: Step, schema: Schema, frame: pd.DataFrame, inputs: Mapping[str, pd.DataFrame]) -> dict[str, Any]:
    """What ``apply`` needs, computed on this frame alone (the preview path).

    FIT_MAP statistics come from the frame itself, so on a sample they are sample statistics
    (the app marks them as such); NEIGHBOUR steps start with no carry; GLOBAL steps get the
    secondary input frames.
    """
    op = step.operation
    assert op is not None
    if op.kind is Kind.FIT_MAP:
        return compute_on_frame(op.stats(step.params, schema), frame)
    if op.kind is Kind.NEIGHBOUR:
        return {"carry": None}
    if op.kind is Kind.GLOBAL:
        return {"inputs": {k: with_rowid_index(v) for k, v in inputs.items()}}
    return {}


def run_pandas(
    recipe: Recipe | Sequence[Step],
    frame: pd.DataFrame,
    *,
    inputs: Mapping[str, pd.DataFrame] | None = None,
    keep_intermediate: bool = False,
) -> pd.DataFrame | list[pd.DataFrame]:
    """Run every enabled step on a pandas frame (the preview, and the 'whole input' golden way).

    Parameters
    ----------
    recipe
        A recipe or a list of steps.
    frame
        The main input (a ``_rowid`` column, if present, becomes the index).
    inputs
        Secondary input frames by name, for join and union.
    keep_intermediate
        Return the frame after each step (disabled steps repeat their input) instead of the last.

    Returns
    -------
    pandas.DataFrame or list of pandas.DataFrame
        Indexed by ``_rowid``.

    Raises
    ------
    StepError
        When a step does not fit the frame (missing column, wrong type: named like a validation
        problem) or fails on the data.
    """
    steps = recipe.steps if isinstance(recipe, Recipe) else tuple(recipe)
    inputs = dict(inputs or {})
    df = with_rowid_index(frame)
    frames = []
    for step in steps:
        if step.enabled:
            if not step.available:
                raise StepError(f"step {step.id}: unknown operation '{step.op}'")
            schema = Schema.from_frame(df)
            try:
                step_schema(step, schema, {k: Schema.from_frame(v) for k, v in inputs.items()})
            except StepProblem as e:
                where = f"step {steps.index(step) + 1} ({step.id})" + (f", {e.field}" if e.field else "")
                raise StepError(f"{where}: {e.message}") from None
            fitted = fit_on_frame(step, schema, df, inputs)
            df = apply_step(step, df, fitted)
        if keep_intermediate:
            frames.append(df)
    return frames if keep_intermediate else df
