"""Row operations: golden cases run on pandas, through validation and through exported code.

Until the shared golden harness (tests/golden/test_golden.py) runs every case four ways, this
checks the row operations' cases three ways: ``run_pandas``, ``validate`` (the schema computed
without data must equal the result's schema) and the ``to_code`` output executed on the input.
"""

from __future__ import annotations

import importlib
import re

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes import codegen
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.ops import _date_patterns
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


def test_canonical_outputs() -> None:
    """Every golden expectation is already in canonical dtypes (so the comparisons are exact)."""
    for op_id in _available():
        for case in importlib.import_module(f"tests.golden.cases.{op_id}").CASES:
            if case.expected is not None:
                for c in case.expected.columns:
                    assert canonical_series(case.expected[c]).dtype == case.expected[c].dtype


@pytest.mark.parametrize(("op_id", "case"), _cases())
def test_databrew_round_trip(op_id: str, case) -> None:
    """Exporting a step to DataBrew's string parameters and importing it back gives the same result."""
    if case.error:
        return
    op = get(op_id)
    step = Step.create(op_id, case.params, conditions=case.conditions)
    try:
        name, parameters = op.to_databrew(step.params)
    except NotImplementedError:
        return
    assert name in op.databrew
    assert all(isinstance(v, str) for v in parameters.values())
    again = Step.create(op_id, op.from_databrew(name, parameters), conditions=case.conditions)
    result = run_pandas([again], case.input)
    pd.testing.assert_frame_equal(result.reset_index(drop=True), case.expected)


def test_databrew_imports() -> None:
    """DataBrew's documented parameter shapes import as expected."""
    assert get("delete").from_databrew("DELETE", {"sourceColumns": '["a", "b"]'}) == {"source_columns": ["a", "b"]}
    assert get("delete").from_databrew("DELETE", {"sourceColumn": "a"}) == {"source_columns": ["a"]}
    imported = get("change_data_type").from_databrew("TO_NUMBER_COLUMN", {"sourceColumn": "a", "columnDataType": "number"})
    assert imported == {"source_column": "a", "column_data_type": "double"}
    assert get("add").from_databrew("ADD", {"sourceColumn1": "a", "value1": "100", "targetColumn": "t"}) == {
        "source_column1": "a",
        "value2": "100",
        "target_column": "t",
    }
    step = Step.create("add", {"source_column1": "a", "value2": "100", "target_column": "t"})
    assert step.params.value2 == 100 and isinstance(step.params.value2, int)
    assert get("floor").from_databrew("FLOOR", {"sourceColumn1": "x", "targetColumn": "t"}) == {"source_column": "x", "target_column": "t"}
    assert get("replace_text").from_databrew(
        "REPLACE_TEXT", {"sourceColumn": "a", "pattern": "(x)", "value": "$1$1", "regex": "true"}
    )["value"] == r"\1\1"
    dt = get("date_time").from_databrew(
        "DATE_TIME",
        {
            "dateTimeParameters": '{"year": {"sourceColumn": "y"}, "month": {"value": "2"}, "day": {"sourceColumn": "d"}}',
            "dateTimeFormat": "yyyy-MM-dd",
            "targetColumn": "t",
        },
    )
    assert dt == {"target_column": "t", "year_column": "y", "month": 2, "day_column": "d", "date_time_format": "yyyy-MM-dd"}
    split = get("split_column_single_delimiter")
    assert split.from_databrew("SPLIT_COLUMN_SINGLE_DELIMITER", {"sourceColumn": "a", "pattern": ",", "limit": "2"})["limit"] == 2
    with pytest.raises(BrewdeskError, match="includeInSplit"):
        split.from_databrew("SPLIT_COLUMN_SINGLE_DELIMITER", {"sourceColumn": "a", "pattern": ",", "includeInSplit": "true"})


def test_java_patterns() -> None:
    j = _date_patterns.java_to_strftime
    assert j("yyyy-MM-dd HH:mm:ss") == "%Y-%m-%d %H:%M:%S"
    assert j("yyyy-mm-dd") == "%Y-%m-%d"
    assert j("mm/dd/yyyy") == "%m/%d/%Y"
    assert j("dd/MM/yy hh:mm a") == "%d/%m/%y %I:%M %p"
    assert j("EEEE, MMMM d") == "%A, %B %d"
    assert j("yyyy-MM-dd'T'HH:mm:ss.SSS") == "%Y-%m-%dT%H:%M:%S.%f"
    assert j("YYYY-MM-DD") == "%Y-%m-%d"
    assert j("h 'o''clock' a, ''") == "%I o'clock %p, '"
    assert j("'at' HH") == "at %H"
    assert j("%d.%m.%Y") == "%d.%m.%Y"
    with pytest.raises(ValueError, match="unsupported letter 'z'"):
        j("yyyy z")


@pytest.mark.parametrize(("op_id", "case"), _cases())
def test_native_json_round_trip(op_id: str, case) -> None:
    """Params survive the recipe file (JSON) unchanged, and describe() renders."""
    if case.error:
        return
    step = Step.create(op_id, case.params, conditions=case.conditions)
    again = Recipe.loads(Recipe(steps=(step,)).dumps()).steps[0]
    assert again.params == step.params
    assert step.describe()
