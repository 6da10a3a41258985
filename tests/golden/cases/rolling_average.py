"""Golden cases for rolling_average (window: num_rows_before above, the row, num_rows_after below)."""

from tests.golden.cases import GoldenCase, frame

X = [1, None, 3, None, None, None, 7, 8]

CASES = [
    GoldenCase(
        name="three_row_window_skips_missing",
        input=frame({"x": ("int64", X), "k": ("string", list("abcdefgh"))}),
        params={"source_column": "x", "num_rows_before": 2, "target_column": "avg"},
        # windows: [1] [1 -] [1 - 3] [- 3 -] [3 - -] [- - -] [- - 7] [- 7 8]
        expected=frame({
            "x": ("int64", X),
            "avg": ("float64", [1.0, 1.0, 2.0, 3.0, 3.0, None, 7.0, 7.5]),
            "k": ("string", list("abcdefgh")),
        }),
    ),
    GoldenCase(
        name="leading_nulls_two_row_window",
        input=frame({"x": ("float64", [None, None, None, 2.0, 4.0, 6.0, 8.0])}),
        params={"source_column": "x", "num_rows_before": 1, "target_column": "avg"},
        expected=frame({
            "x": ("float64", [None, None, None, 2.0, 4.0, 6.0, 8.0]),
            "avg": ("float64", [None, None, None, 2.0, 3.0, 5.0, 7.0]),
        }),
    ),
    GoldenCase(
        name="window_of_one_row",
        input=frame({"x": ("float64", [None, 1.5, 2.5, None, 3.0, 4.0])}),
        params={"source_column": "x", "num_rows_before": 0, "target_column": "avg"},
        expected=frame({
            "x": ("float64", [None, 1.5, 2.5, None, 3.0, 4.0]),
            "avg": ("float64", [None, 1.5, 2.5, None, 3.0, 4.0]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("int64", [None] * 6)}),
        params={"source_column": "x", "num_rows_before": 3, "target_column": "avg"},
        expected=frame({"x": ("int64", [None] * 6), "avg": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="centred_window_one_above_one_below",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "avg"},
        # windows: [1 -] [1 - 3] [- 3 -] [3 - -] [- - -] [- - 7] [- 7 8] [7 8]
        expected=frame({"x": ("int64", X), "avg": ("float64", [1.0, 2.0, 3.0, 3.0, None, 7.0, 7.5, 7.5])}),
    ),
    GoldenCase(
        name="rows_below_only_reach_over_null_rows",
        input=frame({"x": ("float64", [None, 1.0, None, None, None, 5.0, None])}),
        params={"source_column": "x", "num_rows_before": 0, "num_rows_after": 4, "target_column": "avg"},
        # the one-row partition run passes values back over four partitions (three all-null)
        expected=frame({
            "x": ("float64", [None, 1.0, None, None, None, 5.0, None]),
            "avg": ("float64", [1.0, 3.0, 5.0, 5.0, 5.0, 5.0, None]),
        }),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", "2", None, "3", "4", "5"])}),
        params={"source_column": "s", "target_column": "avg"},
        error="column 's' is string",
    ),
]
