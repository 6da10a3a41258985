"""Golden cases for rolling_min (window: num_rows_before above, the row, num_rows_after below)."""

from tests.golden.cases import GoldenCase, frame

X = [4, None, 9, 1, 9, None, None, 3, 7]

CASES = [
    GoldenCase(
        name="centred_int_window",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "m"},
        expected=frame({"x": ("int64", X), "m": ("int64", [4, 4, 1, 1, 1, 9, 3, 3, 3])}),
    ),
    GoldenCase(
        name="rows_above_only",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 2, "target_column": "m"},
        expected=frame({"x": ("int64", X), "m": ("int64", [4, 4, 4, 1, 1, 1, 9, 3, 3])}),
    ),
    GoldenCase(
        name="rows_below_only",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 0, "num_rows_after": 3, "target_column": "m"},
        expected=frame({"x": ("int64", X), "m": ("int64", [1, 1, 1, 1, 3, 3, 3, 3, 7])}),
    ),
    GoldenCase(
        name="leading_nulls_float",
        input=frame({"x": ("float64", [None, None, None, 2.5, -1.0, 6.0])}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "m"},
        expected=frame({
            "x": ("float64", [None, None, None, 2.5, -1.0, 6.0]),
            "m": ("float64", [None, None, 2.5, -1.0, -1.0, -1.0]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("int64", [None] * 5)}),
        params={"source_column": "x", "num_rows_before": 3, "num_rows_after": 1, "target_column": "m"},
        expected=frame({"x": ("int64", [None] * 5), "m": ("int64", [None] * 5)}),
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"x": ("int64", X), "m": ("int64", X)}),
        params={"source_column": "x", "target_column": "m"},
        error="column 'm' already exists",
    ),
]
