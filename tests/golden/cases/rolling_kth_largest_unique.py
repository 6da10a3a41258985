"""Golden cases for rolling_kth_largest_unique (k-th largest distinct value of the window)."""

from tests.golden.cases import GoldenCase, frame

K = [10, 9, None, 9, 8, 10, None, 7]
F = [2.5, None, -1.0, 2.5, -1.0, None]

CASES = [
    GoldenCase(
        name="second_largest_distinct",
        input=frame({"x": ("int64", K)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "value": 2, "target_column": "k"},
        expected=frame({"x": ("int64", K), "k": ("int64", [9, 9, 9, 9, 9, 9, 8, 7])}),
    ),
    GoldenCase(
        name="third_largest_distinct_skips_duplicates",
        input=frame({"x": ("int64", K)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "value": 3, "target_column": "k"},
        # window of row 1: 10 9 - 9 -> only two distinct values
        expected=frame({"x": ("int64", K), "k": ("int64", [None, None, 8, 8, 8, 8, 7, None])}),
    ),
    GoldenCase(
        name="rows_above_only",
        input=frame({"x": ("int64", K)}),
        params={"source_column": "x", "num_rows_before": 3, "value": 2, "target_column": "k"},
        expected=frame({"x": ("int64", K), "k": ("int64", [None, 9, 9, 9, 8, 9, 9, 8])}),
    ),
    GoldenCase(
        name="float_duplicates_count_once",
        input=frame({"x": ("float64", F)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 2, "value": 2, "target_column": "k"},
        expected=frame({"x": ("float64", F), "k": ("float64", [-1.0, -1.0, -1.0, -1.0, -1.0, None])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("int64", [None] * 4)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "k"},
        expected=frame({"x": ("int64", [None] * 4), "k": ("int64", [None] * 4)}),
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"x": ("int64", K), "k": ("int64", K)}),
        params={"source_column": "x", "target_column": "k"},
        error="column 'k' already exists",
    ),
]
