"""Golden cases for replace_with_rolling_sum (sum of the period rows above, the row left out)."""

from tests.golden.cases import GoldenCase, frame

X = [1, None, 3, None, None, None, 7, 8]

CASES = [
    GoldenCase(
        name="int_three_rows_above",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "period": 3},
        # windows: [] [1] [1 -] [1 - 3] [- 3 -] [3 - -] [- - -] [- - 7]
        expected=frame({"x": ("int64", [1, 1, 1, 4, 3, 3, 7, 7])}),
    ),
    GoldenCase(
        name="float_one_row_above_is_previous_value",
        input=frame({"x": ("float64", [0.5, 1.25, None, 2.0, 3.5])}),
        params={"source_column": "x", "period": 1},
        expected=frame({"x": ("float64", [0.5, 0.5, 1.25, 2.0, 2.0])}),
    ),
    GoldenCase(
        name="long_period_is_running_total_of_rows_above",
        input=frame({"x": ("int64", [5, 1, 2, 3, 4])}),
        params={"source_column": "x", "period": 10},
        expected=frame({"x": ("int64", [5, 5, 6, 8, 11])}),
    ),
    GoldenCase(
        name="condition_selects_rows",
        input=frame({"x": ("int64", [5, 1, 2, 3, 4]), "k": ("string", ["a", "b", "a", "b", "a"])}),
        params={"source_column": "x", "period": 2},
        conditions=[{"condition": "IS", "target_column": "k", "value": ["b"]}],
        expected=frame({"x": ("int64", [5, 5, 2, 3, 4]), "k": ("string", ["a", "b", "a", "b", "a"])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("int64", [None] * 4)}),
        params={"source_column": "x", "period": 2},
        expected=frame({"x": ("int64", [None] * 4)}),
    ),
    GoldenCase(
        name="wrong_column_data_type_refused",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "column_data_type": "string"},
        error="column_data_type",
    ),
]
