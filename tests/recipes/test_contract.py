"""The operation contract, checked for every operation in the registry (``docs/architecture.md``,
the operation contract and its tests).

Nothing here lists operations: each one is tested by being declared (a module in
``recipes/ops``) with its golden cases (``tests/golden/cases/<id>.py``, required by
``tests/golden/test_golden.py``). The parameters come from the operation's golden cases; the
frames from the case's input, made degenerate:

- ``empty``: zero rows, the input's columns and dtypes;
- ``all-null``: three rows, every value missing;
- ``one-row``: the input's first row;
- ``unicode``: the whole input with every column renamed to a non-ASCII name (the params renamed
  with it, as the app renames columns across a recipe).

On each, the step either refuses with a :class:`BrewdeskError` where :data:`REFUSES` says it
may, or runs: the output's schema is the one ``columns()`` planned without data, the input is
not modified, the exported code gives the same frame, and FIT_MAP / NEIGHBOUR steps give the
same frame over pieces with empty ones between (the engine's protocol, without Dask). Every
operation also: keeps non-default row ids, names a missing column in its error, survives the
recipe file unchanged, and, when it maps to DataBrew, survives export and import unchanged.

The golden test runs the cases themselves the engine's ways; the app's forms get the same
contract in ``tests/app/test_forms_contract.py``.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.export import codegen
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import MAIN, Recipe, Step
from brewdesk.recipes.model.registry import operations
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import ROWID, Schema
from brewdesk.recipes.model.validate import validate
from brewdesk.recipes.ops.base import Kind, Operation, referenced_columns, rename_in_params

from tests.golden.cases import GoldenCase, all_cases
from tests.recipes.partitions import PIECEWISE_KINDS, pieces_at, run_pieces

OPS = operations()
CASES = all_cases()
WORKING: dict[str, list[GoldenCase]] = {}
for _op_id, _case in CASES:
    if not _case.error:
        WORKING.setdefault(_op_id, []).append(_case)

FRAMES = ("empty", "all-null", "one-row", "unicode")

REFUSES: dict[tuple[str, str, str], str] = {}
"""``{(operation id, golden case, frame): substring of the error}``: where a step may refuse a
degenerate frame (with the reason as a comment). Anywhere else it must run."""

CODE_KNOWN: dict[tuple[str, str, str], str] = {
    ("replace_with_rolling_average", "*", "empty"): "the exported code's typed window sum builds a one-value "
    "Series for zero rows (ValueError: Length of values (1) does not match length of index (0))",
    ("replace_with_rolling_sum", "*", "empty"): "as replace_with_rolling_average: the exported code fails on zero rows",
    ("transpose", "collect_list_documented_example", "empty"): "with zero rows the exported code types the value "
    "columns int64, the plan says object",
    ("pivot", "collect_list_in_row_order", "empty"): "with zero rows the exported code types a COLLECT_LIST column "
    "string, the plan says object",
}
"""``{(operation id, golden case or "*" for all, frame): reason}``: where the exported code is
known to differ from ``apply`` on a degenerate frame; the test fails once it agrees (remove the
entry then)."""


NON_DETERMINISTIC = frozenset(op_id for op_id, case in CASES if case.check is not None)
"""Operations whose golden cases check properties (the clock): their exported code is compared
by columns, dtypes and length only."""


def example(op_id: str) -> GoldenCase:
    """The operation's example: its first golden case that runs without an error."""
    return WORKING[op_id][0]


def unicode_name(column: str) -> str:
    """A non-ASCII name for ``column`` (headers in any script must work everywhere)."""
    return f"{column} 列 ü"


def degenerate(frame: pd.DataFrame, how: str) -> pd.DataFrame:
    """``frame`` made degenerate (see the module docstring); its dtypes are kept."""
    if how == "empty":
        return frame.iloc[:0].copy()
    if how == "all-null":
        return frame.iloc[:0].reindex(range(3))
    if how == "one-row":
        return frame.iloc[:1].copy()
    if how == "unicode":
        return frame.rename(columns=unicode_name)
    raise ValueError(how)


def contract_step(op_id: str, how: str, case: GoldenCase) -> tuple[Step, pd.DataFrame, dict[str, pd.DataFrame]]:
    """The step of ``case`` and its main and secondary frames made degenerate ``how``."""
    step = Step.create(op_id, case.params, conditions=case.conditions)
    if how == "unicode":
        names = set(case.input.columns).union(*(f.columns for f in case.inputs.values()))
        mapping = {c: unicode_name(c) for c in names}
        # column names nested in sub-models (sort keys, join keys, aggregates, struct fields) are
        # out of rename_in_params' reach (RENAME_GAPS): every string naming a column is renamed
        renamed = renamed_values(rename_in_params(step.params, mapping).model_dump(), mapping)
        conditions = [{**c, "target_column": mapping.get(c["target_column"], c["target_column"])} for c in case.conditions]
        step = Step.create(op_id, renamed, conditions=conditions)
    inputs = {name: degenerate(f, how) for name, f in case.inputs.items()}
    return step, degenerate(case.input, how), inputs


def renamed_values(value: Any, mapping: dict[str, str]) -> Any:
    """``value`` (dumped params) with every string that is a key of ``mapping`` replaced."""
    if isinstance(value, str):
        return mapping.get(value, value)
    if isinstance(value, list | tuple):
        return [renamed_values(v, mapping) for v in value]
    if isinstance(value, dict):
        return {k: renamed_values(v, mapping) for k, v in value.items()}
    return value


def exported(step: Step, frame: pd.DataFrame, inputs: dict[str, pd.DataFrame]) -> pd.DataFrame | None:
    """The frame the step's exported pandas code gives on ``frame`` (``None``: no export)."""
    code = codegen.step_code(step)
    if code is None:
        return None
    env = {"pd": pd, "np": np, "re": re, "df": frame.reset_index(drop=True).copy(), "inputs": dict(inputs)}
    exec(code, env)  # noqa: S102 - the test runs the exported code, as the golden test does
    return env["df"].reset_index(drop=True)


def check_code(op_id: str, step: Step, frame: pd.DataFrame, inputs: dict[str, pd.DataFrame], out: pd.DataFrame) -> None:
    """The exported code gives ``out`` (index reset): same values, same logical types."""
    code = exported(step, frame, inputs)
    if code is None:
        return
    assert list(code.columns) == list(out.columns), "exported code: other columns"
    assert Schema.from_frame(code) == Schema.from_frame(out), "exported code: other types"
    if op_id in NON_DETERMINISTIC:
        assert len(code) == len(out)
    else:
        pd.testing.assert_frame_equal(code, out, check_dtype=False, check_exact=False, obj="exported code")


def check_contract(op_id: str, case: GoldenCase, how: str, *, pieces: bool = True) -> None:
    """The contract of ``op_id`` with ``case``'s params on its input made degenerate ``how``."""
    step, frame, inputs = contract_step(op_id, how, case)
    before, inputs_before = frame.copy(), {k: v.copy() for k, v in inputs.items()}
    recipe = Recipe(steps=(step,), inputs={MAIN: None, **dict.fromkeys(inputs)})
    key = (op_id, case.name, how)
    refusal = REFUSES.get(key)
    try:
        planned = validate(recipe, Schema.from_frame(frame), {k: Schema.from_frame(v) for k, v in inputs.items()})
        out = run_pandas(recipe, frame, inputs=inputs)
    except BrewdeskError as e:
        assert refusal is not None, f"{key} refused: {e}"
        assert refusal in str(e)
        return
    finally:
        pd.testing.assert_frame_equal(frame, before, obj=f"{key}: the input frame")
        for k, v in inputs.items():
            pd.testing.assert_frame_equal(v, inputs_before[k], obj=f"{key}: the input {k!r}")
    assert refusal is None, f"{key} runs now: remove it from REFUSES"
    assert list(Schema.from_frame(out).items()) == list(planned.items()), f"{key}: not the planned schema"
    if how in ("empty", "all-null") and not OPS[op_id].changes_rows:
        assert len(out) == len(frame)
    out = out.reset_index(drop=True)
    if case.code:
        if key in CODE_KNOWN or (op_id, "*", how) in CODE_KNOWN:
            with pytest.raises((AssertionError, ValueError)):
                check_code(op_id, step, frame, inputs, out)
        else:
            check_code(op_id, step, frame, inputs, out)
    if pieces and OPS[op_id].kind in PIECEWISE_KINDS:
        half = len(frame) // 2
        for cuts in ([], [0, 0], [half, half], [len(frame), len(frame)]):
            parts = run_pieces(step, pieces_at(frame, cuts)).reset_index(drop=True)
            pd.testing.assert_frame_equal(parts, out, obj=f"{key}: pieces cut at {cuts}")


@pytest.mark.parametrize("how", FRAMES)
@pytest.mark.parametrize("op_id", list(OPS))
def test_degenerate_frames(op_id: str, how: str) -> None:
    """The operation's example on each degenerate frame."""
    check_contract(op_id, example(op_id), how)


@pytest.mark.parametrize("op_id", list(OPS))
def test_every_case_on_empty_and_all_null_frames(op_id: str) -> None:
    """Every working golden case's params (the variants of the operation) on zero rows and on
    all-null rows."""
    for case in WORKING[op_id][1:]:
        for how in ("empty", "all-null"):
            check_contract(op_id, case, how, pieces=False)


# GLOBAL steps and steps adding rows get fresh row ids from the engine
@pytest.mark.parametrize("op_id", [o for o, op in OPS.items() if op.kind is not Kind.GLOBAL and not op.adds_rows])
def test_row_ids_survive(op_id: str) -> None:
    """Frames handed to ``apply`` carry the row id as their index; non-default ids survive
    (every working golden case)."""
    op = OPS[op_id]
    for case in WORKING[op_id]:
        step = Step.create(op_id, case.params, conditions=case.conditions)
        frame = case.input.copy()
        frame.index = pd.RangeIndex(100, 100 + 2 * len(frame), 2, name=ROWID)
        out = run_pandas([step], frame, inputs=case.inputs)
        if op.changes_rows:
            assert set(out.index) <= set(frame.index), case.name
        else:
            assert list(out.index) == list(frame.index), case.name


def example_params(op_id: str) -> Any:
    """The validated params of the operation's example."""
    return Step.create(op_id, example(op_id).params).params


@pytest.mark.parametrize("op_id", [o for o in OPS if referenced_columns(example_params(o))])
def test_missing_column_is_named(op_id: str) -> None:
    """A step naming a column that does not exist fails with an error saying so."""
    case = example(op_id)
    params = example_params(op_id)
    gone = rename_in_params(params, {c: "nope" for c in referenced_columns(params)})
    step = Step.create(op_id, gone.model_dump())
    with pytest.raises(BrewdeskError, match="does not exist"):
        run_pandas([step], case.input, inputs=case.inputs)


@pytest.mark.parametrize("op_id", list(OPS))
def test_declaration(op_id: str) -> None:
    op: Operation = OPS[op_id]
    assert op.title and op.category and op.__doc__
    assert len(sys.modules[type(op).__module__].__doc__ or "") > 80, "module docstring"
    assert isinstance(op.kind, Kind)
    if op.databrew:
        assert op.doc_url.startswith("https://docs.aws.amazon.com/databrew/")
    cases = [c for o, c in CASES if o == op_id]
    assert any(c.error for c in cases), "no golden case of an error"
    assert len(cases) >= 3 or op_id in FEW_CASES, f"{len(cases)} golden cases"


FEW_CASES = {"union": "two cases (by name, by position) and one error cover its parameters"}
"""Operations with fewer than three golden cases, with the reason."""


@pytest.mark.parametrize("op_id", list(OPS))
def test_recipe_file_round_trip(op_id: str) -> None:
    """Every working golden case's params survive the recipe file, and ``describe()`` renders."""
    for case in WORKING[op_id]:
        step = Step.create(op_id, case.params, conditions=case.conditions)
        again = Recipe.loads(Recipe(steps=(step,)).dumps()).steps[0]
        assert again.params == step.params, case.name
        assert again.conditions == step.conditions, case.name
        assert step.describe()


DATABREW_LOSSY: dict[tuple[str, str], str] = {
    ("group_by", "aggregates"): "a COUNT of rows (no source column) has no DataBrew "
    "form: export writes COUNT of the first key column (tests/recipes/test_databrew.py, KNOWN_BROKEN)",
}
"""``{(operation id, golden case): reason}``: params that come back changed from DataBrew; the
test fails once they come back unchanged (remove the entry then)."""

DATABREW_REFUSED: dict[tuple[str, str], str] = {
    ("remove_missing", "any-of-two"): "DataBrew's REMOVE_MISSING takes one column; the step names two",
}
"""``{(operation id, golden case): reason}``: params DataBrew cannot express; export refuses them."""


@pytest.mark.parametrize("op_id", [o for o, op in OPS.items() if op.databrew])
def test_databrew_round_trip(op_id: str) -> None:
    """params -> ``to_databrew`` -> ``from_databrew`` gives the same params, for every working
    golden case (string values only, under one of the operation's DataBrew names)."""
    op = OPS[op_id]
    for case in WORKING[op_id]:
        params = Step.create(op_id, case.params).params
        if (op_id, case.name) in DATABREW_REFUSED:
            with pytest.raises(NotImplementedError):
                op.to_databrew(params)
            continue
        name, raw = op.to_databrew(params)
        assert name in op.databrew, case.name
        assert all(isinstance(v, str) for v in raw.values()), case.name
        back = op.Params.model_validate(op.from_databrew(name, raw))
        if (op_id, case.name) in DATABREW_LOSSY:
            assert back != params, f"{case.name} round-trips now: remove it from DATABREW_LOSSY"
        else:
            assert back == params, f"{case.name}: {params!r} came back as {back!r} via {raw!r}"


def test_operations_without_databrew_refuse_export() -> None:
    for op_id, op in OPS.items():
        if not op.databrew:
            with pytest.raises(NotImplementedError):
                op.to_databrew(Step.create(op_id, example(op_id).params).params)


def test_exceptions_name_real_cases() -> None:
    names = {(o, c.name) for o, c in CASES}
    assert set(DATABREW_LOSSY) | set(DATABREW_REFUSED) <= names
    for op_id, case_name, how in [*REFUSES, *CODE_KNOWN]:
        assert (op_id, case_name) in names or (op_id in OPS and case_name == "*")
        assert how in FRAMES
    assert set(FEW_CASES) | set(RENAME_GAPS) <= set(OPS)


RENAME_GAPS: dict[str, str] = {
    "group_by": "the aggregates' source_column_name is a field of a sub-model, not a column() marker",
    "join": "join_keys' key and value are fields of a sub-model, not column() markers",
    "sort": "the sort expressions' source_column is a field of a sub-model, not a column() marker",
    "unnest_struct_n": "the fields' column is a field of a sub-model, not a column() marker",
}
"""``{operation id: reason}``: operations whose params name columns where ``rename_in_params``
does not reach, so ``Recipe.rename_columns`` leaves those references stale; the test fails
once it reaches them (remove the entry then)."""


@pytest.mark.parametrize("op_id", list(OPS))
def test_rename_reaches_every_column_reference(op_id: str) -> None:
    """Renaming columns renames every reference in the example's params (as the degenerate
    ``unicode`` frame does by brute force)."""
    case = example(op_id)
    step, _, _ = contract_step(op_id, "unicode", case)
    names = set(case.input.columns).union(*(f.columns for f in case.inputs.values()))
    renamed = rename_in_params(Step.create(op_id, case.params).params, {c: unicode_name(c) for c in names})
    if op_id in RENAME_GAPS:
        assert renamed != step.params, f"{op_id} renames every reference now: remove it from RENAME_GAPS"
    else:
        assert renamed == step.params
