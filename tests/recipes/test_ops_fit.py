"""Golden cases of the FIT_MAP and NEIGHBOUR operations, run the engine's ways.

Each case: pandas on the whole input, validation of the schema effect, simulated partitions
(1, 3, one row each, with empty partitions between) and the exported code must all agree with
the hand-worked expected frame; error cases must raise a BrewdeskError with the expected text.
"""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from tests.recipes.test_ops_fit_harness import FIT_OPS, check_case, load_cases, make_step

CASES = load_cases()


@pytest.mark.parametrize(("op_id", "case"), CASES, ids=[f"{o}-{c.name}" for o, c in CASES])
def test_golden(op_id: str, case: object) -> None:
    check_case(op_id, case)


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_every_op_has_cases_and_declaration(op_id: str) -> None:
    from brewdesk.recipes import registry

    op = registry.get(op_id)
    cases = [c for o, c in CASES if o == op_id]
    assert len(cases) >= 3, f"{op_id}: {len(cases)} golden cases"
    assert any(c.error for c in cases), f"{op_id}: no error case"
    assert op.title and op.category and op.__doc__
    assert op.kind.name in {"FIT_MAP", "NEIGHBOUR"}

    assert sys.modules[type(op).__module__].__doc__, f"{op_id}: module docstring"
    for case in cases:
        if case.error is None:
            step = make_step(op_id, case)
            assert op.describe(step.params)


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_databrew_round_trip(op_id: str) -> None:
    from brewdesk.recipes import registry

    op = registry.get(op_id)
    if not op.databrew:
        with pytest.raises(NotImplementedError):
            op.to_databrew(make_step(op_id, next(c for o, c in CASES if o == op_id and c.error is None)).params)
        return
    for o, case in CASES:
        if o != op_id or case.error is not None:
            continue
        params = make_step(op_id, case).params
        name, raw = op.to_databrew(params)
        assert name in op.databrew
        assert all(isinstance(v, str) for v in raw.values())
        back = op.Params.model_validate(op.from_databrew(name, raw))
        assert op.to_databrew(back) == (name, raw)


def test_input_is_not_mutated() -> None:
    from brewdesk.recipes.runner import run_pandas

    for op_id, case in CASES:
        if case.error is None:
            before = case.input.copy(deep=True)
            run_pandas([make_step(op_id, case)], case.input)
            pd.testing.assert_frame_equal(case.input, before)


DATABREW_STEPS = [
    ("FILL_WITH_AVERAGE", {"sourceColumn": "age"}, "fill_with_average", {"source_column": "age"}),
    ("FILL_WITH_MODE", {"sourceColumn": "age", "modeType": "AVERAGE"}, "fill_with_mode", {"source_column": "age", "mode_type": "AVERAGE"}),
    ("FILL_WITH_MOST_FREQUENT", {"sourceColumn": "city"}, "fill_with_most_frequent", {"source_column": "city"}),
    ("FILL_WITH_SUM", {"sourceColumn": "n"}, "fill_with_sum", {"source_column": "n"}),
    ("REPLACE_WITH_AVERAGE", {"sourceColumn": "n", "columnDataType": "number"}, "replace_with_average", {"source_column": "n"}),
    ("REPLACE_WITH_MEDIAN", {"sourceColumn": "n", "columnDataType": "number"}, "replace_with_median", {"source_column": "n"}),
    ("ONE_HOT_ENCODING", {"sourceColumn": "color"}, "one_hot_encoding", {"source_column": "color", "categories": None}),
    (
        "NORMALIZATION",
        {"sourceColumn": "votes", "strategy": "Z_SCORE", "targetColumn": "votes_z"},
        "scale",
        {"source_column": "votes", "strategy": "Z_SCORE", "target_column": "votes_z"},
    ),
    (
        "SCALE",
        {"sourceColumn": "v", "strategy": "SCALE_BETWEEN", "lowerBound": "-1", "upperBound": "1", "targetColumn": "w"},
        "scale",
        {"source_column": "v", "strategy": "SCALE_BETWEEN", "target_column": "w", "min_value": -1.0, "max_value": 1.0},
    ),
    (
        "FLAG_OUTLIERS",
        {
            "sourceColumn": "x",
            "targetColumn": "x_flag",
            "outlierStrategy": "MODIFIED_Z_SCORE",
            "threshold": "3.5",
            "trueString": "yes",
            "falseString": "no",
        },
        "flag_outliers",
        {
            "source_column": "x",
            "target_column": "x_flag",
            "outlier_strategy": "MODIFIED_Z_SCORE",
            "threshold": 3.5,
            "true_string": "yes",
            "false_string": "no",
        },
    ),
    (
        "REMOVE_OUTLIERS",
        {"sourceColumn": "x", "outlierStrategy": "IQR", "threshold": "1.5", "removeType": "CLEAR", "trimValue": "FALSE"},
        "remove_outliers",
        {"source_column": "x", "outlier_strategy": "IQR", "threshold": 1.5, "remove_type": "CLEAR", "trim_value": False},
    ),
    (
        "ROW_NUMBER",
        {"targetColumn": "rn", "groupByColumns": "[\"g\"]", "orderByColumns": "[]"},
        "row_number",
        {"target_column": "rn", "group_by_columns": ["g"], "order_by_columns": []},
    ),
    ("PREV", {"sourceColumn": "x", "numRows": "2", "targetColumn": "p"}, "prev", {"source_column": "x", "num_rows": 2, "target_column": "p"}),
    (
        "ROLLING_SUM",
        {"sourceColumn": "x", "numRowsBefore": "3", "numRowsAfter": "0", "targetColumn": "s"},
        "rolling_sum",
        {"source_column": "x", "num_rows_before": 3, "num_rows_after": 0, "target_column": "s"},
    ),
    (
        "ROLLING_AVERAGE",
        {"sourceColumn": "x", "numRowsBefore": "1", "numRowsAfter": "1", "targetColumn": "a"},
        "rolling_average",
        {"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "a"},
    ),
]


@pytest.mark.parametrize(("name", "raw", "op_id", "params"), DATABREW_STEPS, ids=[s[0] for s in DATABREW_STEPS])
def test_from_databrew_string_parameters(name: str, raw: dict[str, str], op_id: str, params: dict[str, object]) -> None:
    from brewdesk.recipes.registry import by_databrew_name

    op = by_databrew_name()[name]
    assert op.id == op_id
    model = op.Params.model_validate(op.from_databrew(name, raw))
    assert model == op.Params.model_validate(params)
