"""Golden cases for rolling_sum (window: num_rows_before above, the row, num_rows_after below)."""

from tests.golden.cases import GoldenCase, frame

X = [1, None, 3, None, None, None, 7, 8]

CASES = [
    GoldenCase(
        name="int_three_row_window",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 2, "target_column": "sum"},
        # windows: [1] [1 -] [1 - 3] [- 3 -] [3 - -] [- - -] [- - 7] [- 7 8]; int64 stays int64
        expected=frame({"x": ("int64", X), "sum": ("int64", [1, 1, 4, 3, 3, None, 7, 15])}),
    ),
    GoldenCase(
        name="float_two_row_window",
        input=frame({"x": ("float64", [0.5, None, 1.25, 2.0, None, None, 3.5])}),
        params={"source_column": "x", "num_rows_before": 1, "target_column": "sum"},
        expected=frame({
            "x": ("float64", [0.5, None, 1.25, 2.0, None, None, 3.5]),
            "sum": ("float64", [0.5, 0.5, 1.25, 3.25, 2.0, None, 3.5]),
        }),
    ),
    GoldenCase(
        name="window_longer_than_data_is_running_total",
        input=frame({"x": ("int64", [None, 1, 2, 3, 4, 5])}),
        params={"source_column": "x", "num_rows_before": 5, "target_column": "sum"},
        expected=frame({"x": ("int64", [None, 1, 2, 3, 4, 5]), "sum": ("int64", [None, 1, 3, 6, 10, 15])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "num_rows_before": 2, "target_column": "sum"},
        expected=frame({"x": ("float64", [None] * 6), "sum": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="two_above_two_below",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_after": 2, "target_column": "sum"},
        # num_rows_before defaults to 2: rows i-2 .. i+2, clipped at both ends
        expected=frame({"x": ("int64", X), "sum": ("int64", [4, 4, 4, 3, 10, 15, 15, 15])}),
    ),
    GoldenCase(
        name="rows_below_only_float",
        input=frame({"x": ("float64", [0.5, None, 1.25, 2.0, None, None, 3.5])}),
        params={"source_column": "x", "num_rows_before": 0, "num_rows_after": 3, "target_column": "sum"},
        expected=frame({
            "x": ("float64", [0.5, None, 1.25, 2.0, None, None, 3.5]),
            "sum": ("float64", [3.75, 3.25, 3.25, 5.5, 3.5, 3.5, 3.5]),
        }),
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"x": ("int64", X), "sum": ("int64", X)}),
        params={"source_column": "x", "target_column": "sum"},
        error="column 'sum' already exists",
    ),
]
