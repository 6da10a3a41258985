"""Golden cases for rolling_count_a (non-missing values in the window; any column type)."""

from tests.golden.cases import GoldenCase, frame

T = [None, "a", "", None, "b", None, None, "c"]

CASES = [
    GoldenCase(
        name="text_centred_empty_text_counts",
        input=frame({"s": ("string", T)}),
        params={"source_column": "s", "num_rows_before": 1, "num_rows_after": 1, "target_column": "n"},
        expected=frame({"s": ("string", T), "n": ("int64", [1, 2, 2, 2, 1, 1, 1, 1])}),
    ),
    GoldenCase(
        name="rows_below_only",
        input=frame({"s": ("string", T)}),
        params={"source_column": "s", "num_rows_before": 0, "num_rows_after": 3, "target_column": "n"},
        expected=frame({"s": ("string", T), "n": ("int64", [2, 3, 2, 1, 2, 1, 1, 1])}),
    ),
    GoldenCase(
        name="rows_above_only_zero_when_nothing",
        input=frame({"s": ("string", T)}),
        params={"source_column": "s", "num_rows_before": 2, "target_column": "n"},
        expected=frame({"s": ("string", T), "n": ("int64", [0, 1, 2, 2, 2, 1, 1, 1])}),
    ),
    GoldenCase(
        name="datetime_column",
        input=frame({"d": ("datetime", ["2024-01-01", None, None, "2024-01-04", None])}),
        params={"source_column": "d", "num_rows_before": 1, "num_rows_after": 1, "target_column": "n"},
        expected=frame({
            "d": ("datetime", ["2024-01-01", None, None, "2024-01-04", None]),
            "n": ("int64", [1, 1, 1, 1, 1]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 5)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "target_column": "n"},
        expected=frame({"x": ("float64", [None] * 5), "n": ("int64", [0] * 5)}),
    ),
    GoldenCase(
        name="missing_column",
        input=frame({"x": ("float64", [1.0, 2.0, 3.0])}),
        params={"source_column": "y", "target_column": "n"},
        error="column 'y' does not exist",
    ),
]
