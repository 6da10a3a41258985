"""Golden cases for replace_with_rolling_average (mean of the period rows above, the row left out)."""

from tests.golden.cases import GoldenCase, frame

X = [1, None, 3, None, None, None, 7, 8]

CASES = [
    GoldenCase(
        name="int_two_rows_above",
        input=frame({"x": ("int64", X), "k": ("string", list("abcdefgh"))}),
        params={"source_column": "x", "period": 2},
        # windows: [] [1] [1 -] [- 3] [3 -] [- -] [- -] [- 7]; empty windows keep the value
        expected=frame({"x": ("int64", [1, 1, 1, 3, 3, None, 7, 7]), "k": ("string", list("abcdefgh"))}),
    ),
    GoldenCase(
        name="float_three_rows_above",
        input=frame({"x": ("float64", [2.0, 4.0, None, 5.0, 1.0])}),
        params={"source_column": "x", "period": 3, "column_data_type": "number"},
        expected=frame({"x": ("float64", [2.0, 2.0, 3.0, 3.0, 4.5])}),
    ),
    GoldenCase(
        name="int_average_rounds_half_to_even",
        input=frame({"x": ("int64", [1, 2, 5, 0])}),
        params={"source_column": "x", "period": 2},
        # 1.5 -> 2, 3.5 -> 4
        expected=frame({"x": ("int64", [1, 1, 2, 4])}),
    ),
    GoldenCase(
        name="condition_replaces_missing_only",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "period": 2},
        conditions=[{"condition": "IS_MISSING", "target_column": "x"}],
        expected=frame({"x": ("int64", [1, 1, 3, 3, 3, None, 7, 8])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 5)}),
        params={"source_column": "x", "period": 3},
        expected=frame({"x": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        name="zero_period_refused",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "period": 0},
        error="period",
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", None, "2"])}),
        params={"source_column": "s"},
        error="column 's' is string",
    ),
]
