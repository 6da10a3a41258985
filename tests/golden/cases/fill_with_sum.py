"""Golden cases for fill_with_sum."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="int_sum",
        input=frame({"n": ("int64", [None, 1, 2, None, None, 4, None])}),
        params={"source_column": "n"},
        expected=frame({"n": ("int64", [7, 1, 2, 7, 7, 4, 7])}),
    ),
    GoldenCase(
        name="float_sum",
        input=frame({"x": ("float64", [1.5, None, 2.25, None, 0.25, None])}),
        params={"source_column": "x"},
        expected=frame({"x": ("float64", [1.5, 4.0, 2.25, 4.0, 0.25, 4.0])}),
    ),
    GoldenCase(
        name="negative_values",
        input=frame({"n": ("int64", [-5, None, 2, None, 1, -1])}),
        params={"source_column": "n"},
        expected=frame({"n": ("int64", [-5, -3, 2, -3, 1, -1])}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"n": ("int64", [None] * 6)}),
        params={"source_column": "n"},
        expected=frame({"n": ("int64", [None] * 6)}),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", None, "2", "3", None, "4"])}),
        params={"source_column": "s"},
        error="column 's' is string, expected float64 or int64",
    ),
]
