"""Every golden case of every operation, run the ways that must agree (``docs/architecture.md``,
the operation contract and its tests). This is the one golden harness.

1. ``pandas``: the preview path on the whole input;
2. ``engine-1``: the Dask engine with one partition;
3. ``engine-3`` and ``engine-rows``: three partitions, and one row per partition (nulls,
   duplicates and fill gaps fall across boundaries; null rows form all-null partitions);
4. ``code``: the exported pandas code, where the operation has one;
5. ``pieces``: FIT_MAP and NEIGHBOUR operations' protocol on pandas pieces with empty pieces at
   the start, between the rows and at the end (which the Dask ways never make).

``tests/recipes/test_contract.py`` checks every operation on degenerate frames (empty, all-null,
one row, unicode headers) with its first working case's parameters.

``test_golden_scripts.py`` runs every case once more through the whole exported script, pandas
and Dask (read the input from Parquet, run, write, compare), and ``test_dask_script_partitions``
a many-step recipe on many partitions.
"""

from __future__ import annotations

import re

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from brewdesk.engine.execute import Executor
from brewdesk.engine.plan import plan
from brewdesk.recipes.export import codegen
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import MAIN, Recipe, Step
from brewdesk.recipes.model.registry import get, operations
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import ROWID, Schema, canonical_frame, canonical_series

from tests.golden.cases import GoldenCase, all_cases
from tests.recipes.partitions import PIECEWISE_KINDS, gaps, run_pieces

CASES = all_cases()
WAYS = ["pandas", "engine-1", "engine-3", "engine-rows", "code"]
"""The ways every operation runs (``pieces`` is for FIT_MAP and NEIGHBOUR operations only)."""


def _ways(op_id: str, case: GoldenCase) -> list[str]:
    """The ways a case runs: ``code`` where it has exported code, ``pieces`` for a FIT_MAP or
    NEIGHBOUR operation's working cases."""
    out = [w for w in WAYS if w != "code" or (not case.error and case.code)]
    if not case.error and get(op_id).kind in PIECEWISE_KINDS:
        out.append("pieces")
    return out


def _params():
    for op_id, case in CASES:
        for way in _ways(op_id, case):
            yield pytest.param(op_id, case, way, id=f"{op_id}-{case.name}-{way}")


def _recipe(op_id, case) -> Recipe:
    step = Step.create(op_id, case.params, conditions=case.conditions)
    return Recipe(steps=(step,), inputs={MAIN: None, **{n: None for n in case.inputs}})


def _with_rowid(df: pd.DataFrame) -> pd.DataFrame:
    out = df.reset_index(drop=True)
    out[ROWID] = np.arange(len(out), dtype="int64")
    return out


def _engine(recipe: Recipe, case, nparts: int) -> pd.DataFrame:
    schema = Schema.from_frame(case.input)
    inputs = {n: Schema.from_frame(f) for n, f in case.inputs.items()}
    pl = plan(recipe, schema, inputs)
    n = max(1, min(nparts, len(case.input)))
    # as the readers do (engine/readers/base.py): nested (object) columns stay Python objects
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(_with_rowid(case.input), npartitions=n, sort=False)
        if nparts >= len(case.input) and len(case.input) > 1:
            # exactly one row per partition
            parts = [dask.delayed(lambda i: _with_rowid(case.input).iloc[[i]])(i) for i in range(len(case.input))]
            ddf = dd.from_delayed(parts, meta=_with_rowid(case.input).iloc[:0], verify_meta=False)
        secondary = {k: dd.from_pandas(_with_rowid(v), npartitions=2, sort=False) for k, v in case.inputs.items()}
    out = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync")).build(ddf, secondary)
    result = out.compute(scheduler="sync")
    assert Schema.from_frame(result) == pl.output_schema, "engine output does not match the planned schema"
    return result


def _run(op_id, case, way) -> pd.DataFrame:
    recipe = _recipe(op_id, case)
    if way == "pandas":
        before = case.input.copy(deep=True)
        try:
            return run_pandas(recipe, case.input, inputs=case.inputs)
        finally:
            pd.testing.assert_frame_equal(case.input, before, obj="the input, after the step")
    if way == "pieces":
        return run_pieces(recipe.steps[0], gaps(case.input))
    if way == "code":
        code = codegen.step_code(recipe.steps[0])
        assert code is not None
        env = {"pd": pd, "np": np, "re": re, "df": case.input.reset_index(drop=True), "inputs": dict(case.inputs)}
        exec(code, env)  # noqa: S102 - tests run exported code, as Mito's tests do
        return canonical_frame(env["df"])
    n = {"engine-1": 1, "engine-3": 3, "engine-rows": len(case.input) or 1}[way]
    return _engine(recipe, case, n)


def _compare(result: pd.DataFrame, case, way) -> None:
    got = result.reset_index(drop=True)
    if case.check is not None:  # non-deterministic operations: properties instead of values
        case.check(got)
        return
    exp = case.expected.reset_index(drop=True)
    if not case.order_matters:
        got = got.sort_values(list(got.columns), ignore_index=True, na_position="last")
        exp = exp.sort_values(list(exp.columns), ignore_index=True, na_position="last")
    pd.testing.assert_frame_equal(
        got, exp, check_dtype=way != "code", check_index_type=False, check_column_type=False, check_exact=False
    )


@pytest.mark.parametrize(("op_id", "case", "way"), list(_params()))
def test_golden(op_id, case, way):
    if case.error:
        with pytest.raises(BrewdeskError) as info:
            _run(op_id, case, way)
        assert case.error.lower() in str(info.value).lower()
        return
    _compare(_run(op_id, case, way), case, way)


def test_every_operation_has_golden_cases():
    have = {op_id for op_id, _ in CASES}
    missing = sorted(set(operations()) - have)
    assert not missing, f"operations without golden cases: {missing}"


def test_expectations_are_canonical():
    """Every expected frame is already in canonical dtypes (so the comparisons are exact); a
    nested (object) column whose values are all missing stays object, which canonical_series
    would make text."""
    for op_id, case in CASES:
        if case.expected is not None:
            for c in case.expected.columns:
                s = case.expected[c]
                if s.dtype == object and s.isna().all():
                    continue
                assert canonical_series(s).dtype == s.dtype, (op_id, case.name, c)
