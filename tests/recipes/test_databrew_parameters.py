"""DataBrew's documented parameter shapes import as each operation expects.

The round trip of every operation's mapping (params -> DataBrew -> params) is the contract
test's (``tests/recipes/test_contract.py``); DataBrew recipe documents are
``test_databrew.py``'s. Here: the shapes DataBrew's documentation and console write, which
export never produces (aliases, single-column forms, ``$1`` groups, nested date parts).
"""

from __future__ import annotations

import pytest
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.registry import by_databrew_name, get


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
    op = by_databrew_name()[name]
    assert op.id == op_id
    model = op.Params.model_validate(op.from_databrew(name, raw))
    assert model == op.Params.model_validate(params)
