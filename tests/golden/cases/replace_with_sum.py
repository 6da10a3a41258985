"""Golden cases for replace_with_sum (the condition selects the rows; sum over all values)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="negatives_replaced_int",
        input=frame({"n": ("int64", [None, 5, -1, None, None, 3, -2])}),
        params={"source_column": "n"},
        conditions=[{"condition": "LESS_THAN", "target_column": "n", "value": 0}],
        # sum of 5, -1, 3, -2 = 5
        expected=frame({"n": ("int64", [None, 5, 5, None, None, 3, 5])}),
    ),
    GoldenCase(
        name="missing_replaced_float",
        input=frame({"x": ("float64", [None, None, 1.5, None, 2.0, 0.5])}),
        params={"source_column": "x"},
        conditions=[{"condition": "IS_MISSING", "target_column": "x"}],
        expected=frame({"x": ("float64", [4.0, 4.0, 1.5, 4.0, 2.0, 0.5])}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"x": ("float64", [None] * 5)}),
        params={"source_column": "x"},
        expected=frame({"x": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["a", None, "b", "c", None])}),
        params={"source_column": "s"},
        error="column 's' is string, expected float64 or int64",
    ),
]
