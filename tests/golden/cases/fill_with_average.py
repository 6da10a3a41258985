"""Golden cases for fill_with_average (whole-dataset mean; int64 rounds half to even)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="float_mean_leading_and_runs_of_nulls",
        input=frame({
            "x": ("float64", [None, None, 1.5, None, None, 2.5, 4.0, None]),
            "k": ("string", ["a", "b", "c", "d", "e", "f", "g", "h"]),
        }),
        params={"source_column": "x"},
        # mean of 1.5, 2.5, 4.0 = 8 / 3
        expected=frame({
            "x": ("float64", [8 / 3, 8 / 3, 1.5, 8 / 3, 8 / 3, 2.5, 4.0, 8 / 3]),
            "k": ("string", ["a", "b", "c", "d", "e", "f", "g", "h"]),
        }),
    ),
    GoldenCase(
        name="int_mean_rounds_half_to_even",
        input=frame({"n": ("int64", [None, 1, 2, None, 3, 4, None])}),
        params={"source_column": "n"},
        # mean 10 / 4 = 2.5 -> 2 (half to even); the column stays int64
        expected=frame({"n": ("int64", [2, 1, 2, 2, 3, 4, 2])}),
    ),
    GoldenCase(
        name="int_mean_rounds_up_above_half",
        input=frame({"n": ("int64", [1, None, 2, 4, None, 7])}),
        params={"source_column": "n"},
        # mean 14 / 4 = 3.5 -> 4 (half to even)
        expected=frame({"n": ("int64", [1, 4, 2, 4, 4, 7])}),
    ),
    GoldenCase(
        name="all_null_column_unchanged",
        input=frame({"x": ("float64", [None] * 6), "k": ("int64", [1, 2, 3, 4, 5, 6])}),
        params={"source_column": "x"},
        expected=frame({"x": ("float64", [None] * 6), "k": ("int64", [1, 2, 3, 4, 5, 6])}),
    ),
    GoldenCase(
        name="condition_fills_selected_rows_with_whole_mean",
        input=frame({
            "x": ("float64", [None, 2.0, None, 4.0, None, 6.0]),
            "g": ("string", ["a", "a", "b", "b", "a", "b"]),
        }),
        params={"source_column": "x"},
        conditions=[{"condition": "IS", "target_column": "g", "value": ["a"]}],
        # the mean (4.0) is over the whole column; only rows with g == a are filled
        expected=frame({
            "x": ("float64", [4.0, 2.0, None, 4.0, 4.0, 6.0]),
            "g": ("string", ["a", "a", "b", "b", "a", "b"]),
        }),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["a", None, "b", "c", None, "d"])}),
        params={"source_column": "s"},
        error="column 's' is string, expected float64 or int64",
    ),
    GoldenCase(
        name="missing_column",
        input=frame({"value": ("float64", [1.0, None, 2.0, 3.0, None, 4.0])}),
        params={"source_column": "valeu"},
        error="column 'valeu' does not exist (did you mean 'value'?)",
    ),
]
