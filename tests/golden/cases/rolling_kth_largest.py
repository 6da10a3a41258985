"""Golden cases for rolling_kth_largest (k-th largest of the window; equal values count separately)."""

from tests.golden.cases import GoldenCase, frame

K = [10, 9, None, 9, 8, 10, None, 7]
F = [2.5, None, -1.0, 2.5, -1.0, None]

CASES = [
    GoldenCase(
        name="second_largest_duplicates_count",
        input=frame({"x": ("int64", K)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "value": 2, "target_column": "k"},
        expected=frame({"x": ("int64", K), "k": ("int64", [9, 9, 9, 9, 9, 9, 8, 7])}),
    ),
    GoldenCase(
        name="third_largest_missing_when_too_few",
        input=frame({"x": ("int64", K)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "value": 3, "target_column": "k"},
        expected=frame({"x": ("int64", K), "k": ("int64", [None, 9, 9, 9, 8, 8, 7, None])}),
    ),
    GoldenCase(
        name="rows_above_only",
        input=frame({"x": ("int64", K)}),
        params={"source_column": "x", "num_rows_before": 3, "value": 2, "target_column": "k"},
        expected=frame({"x": ("int64", K), "k": ("int64", [None, 9, 9, 9, 9, 9, 9, 8])}),
    ),
    GoldenCase(
        name="float_with_negatives",
        input=frame({"x": ("float64", F)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 2, "value": 2, "target_column": "k"},
        expected=frame({"x": ("float64", F), "k": ("float64", [-1.0, 2.5, -1.0, -1.0, -1.0, None])}),
    ),
    GoldenCase(
        name="k_larger_than_window",
        input=frame({"x": ("float64", [1.0, 2.0, 3.0, 4.0])}),
        params={"source_column": "x", "num_rows_before": 1, "value": 5, "target_column": "k"},
        expected=frame({"x": ("float64", [1.0, 2.0, 3.0, 4.0]), "k": ("float64", [None] * 4)}),
    ),
    GoldenCase(
        name="zero_k_refused",
        input=frame({"x": ("int64", K)}),
        params={"source_column": "x", "value": 0, "target_column": "k"},
        error="value",
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", "2", None])}),
        params={"source_column": "s", "target_column": "k"},
        error="column 's' is string",
    ),
]
