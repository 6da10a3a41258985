"""Row operations: golden cases run on pandas, through validation and through exported code.

Until the shared golden harness (tests/golden/test_golden.py) runs every case four ways, this
checks the row operations' cases three ways: ``run_pandas``, ``validate`` (the schema computed
without data must equal the result's schema) and the ``to_code`` output executed on the input.
"""

from __future__ import annotations

import importlib
import inspect
import re

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes import codegen
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.ops import _common
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.registry import get
from brewdesk.recipes.runner import run_pandas
from brewdesk.recipes.types import Schema, canonical_series
from brewdesk.recipes.validate import validate

ROW_OPS = [
    "delete", "duplicate", "move_to_start", "move_to_end", "move_to_index", "move_before",
    "move_after", "change_data_type", "remove_values",
    "upper_case", "lower_case", "capital_case", "sentence_case", "trim", "remove_whitespace",
    "replace_text", "add_prefix", "add_suffix", "extract_pattern", "split_column_single_delimiter",
    "merge",
    "remove_missing", "fill_with_custom", "fill_with_empty", "fill_with_null",
    "add", "subtract", "multiply", "divide", "round", "floor", "mod",
    "year", "month", "day", "hour", "minute", "week_day", "date_format", "format_date",
    "date_diff", "date_time", "time",
]


def _available() -> list[str]:
    out = []
    for op_id in ROW_OPS:
        try:
            importlib.import_module(f"brewdesk.recipes.ops.{op_id}")
            importlib.import_module(f"tests.golden.cases.{op_id}")
        except ModuleNotFoundError:
            continue
        out.append(op_id)
    return out


def _cases() -> list:
    params = []
    for op_id in _available():
        module = importlib.import_module(f"tests.golden.cases.{op_id}")
        for case in module.CASES:
            params.append(pytest.param(op_id, case, id=f"{op_id}-{case.name}"))
    return params


def run_code(step: Step, frame: pd.DataFrame) -> pd.DataFrame:
    """Execute the step's exported code (as codegen exports it) on ``frame`` (RangeIndex)."""
    code = codegen.step_code(step)
    assert code is not None
    ns: dict = {"pd": pd, "np": np, "re": re, "df": frame.reset_index(drop=True).copy()}
    exec(code, ns)  # noqa: S102 - test of exported code
    return ns["df"]


@pytest.mark.parametrize(("op_id", "case"), _cases())
def test_golden_case(op_id: str, case) -> None:
    def steps():
        step = Step.create(op_id, case.params, conditions=case.conditions)
        schema = validate(Recipe(steps=(step,)), Schema.from_frame(case.input))
        return step, schema

    if case.error:
        with pytest.raises(BrewdeskError) as info:
            step, _ = steps()
            run_pandas([step], case.input)
        assert case.error in str(info.value)
        return
    step, schema = steps()
    result = run_pandas([step], case.input)
    pd.testing.assert_frame_equal(result.reset_index(drop=True), case.expected)
    assert schema == Schema.from_frame(case.expected)
    if case.code:
        pd.testing.assert_frame_equal(run_code(step, case.input).reset_index(drop=True), case.expected)


@pytest.mark.parametrize(("op_id", "case"), _cases())
def test_index_preserved(op_id: str, case) -> None:
    """Frames handed to apply() carry the row id index; non-default ids must survive."""
    if case.error or case.conditions:
        return
    step = Step.create(op_id, case.params)
    frame = case.input.copy()
    frame.index = pd.RangeIndex(100, 100 + 2 * len(frame), 2)
    frame.index.name = "_rowid"
    out = step.operation.apply(step.params, frame, {})
    assert set(out.index) <= set(frame.index)
    before = frame.copy()
    assert before.equals(frame)
    if not step.operation.changes_rows:
        assert list(out.index) == list(frame.index)


@pytest.mark.parametrize("op_id", ROW_OPS)
def test_declared(op_id: str) -> None:
    op = get(op_id)
    assert op.databrew and op.doc_url.startswith("https://docs.aws.amazon.com/databrew/")
    assert op.category and op.title
    module = importlib.import_module(f"brewdesk.recipes.ops.{op_id}")
    assert module.__doc__ and len(module.__doc__) > 80
    cases = importlib.import_module(f"tests.golden.cases.{op_id}").CASES
    assert len(cases) >= 3
    assert all(c.input is None or len(c.input) >= 5 for c in cases)


def test_helper_sources_match_functions() -> None:
    """The exported helper text is the helper's own source (regenerate: python -m ...ops._common)."""
    names = [n for n in vars(_common) if n.startswith("_bd_")]
    assert sorted(names) == sorted(_common.HELPER_SOURCES)
    for n in names:
        assert _common.HELPER_SOURCES[n] == inspect.getsource(getattr(_common, n)), n


def test_canonical_outputs() -> None:
    """Every golden expectation is already in canonical dtypes (so the comparisons are exact)."""
    for op_id in _available():
        for case in importlib.import_module(f"tests.golden.cases.{op_id}").CASES:
            if case.expected is not None:
                for c in case.expected.columns:
                    assert canonical_series(case.expected[c]).dtype == case.expected[c].dtype
