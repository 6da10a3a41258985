"""Golden cases for replace_with_average (the condition selects the rows to replace)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="negative_values_replaced_int",
        input=frame({"n": ("int64", [5, -1, None, 3, -7, 4])}),
        params={"source_column": "n"},
        conditions=[{"condition": "LESS_THAN", "target_column": "n", "value": 0}],
        # mean over all values 5, -1, 3, -7, 4 = 0.8 -> 1 in an int64 column; missing untouched
        expected=frame({"n": ("int64", [5, 1, None, 3, 1, 4])}),
    ),
    GoldenCase(
        name="missing_values_replaced",
        input=frame({"x": ("float64", [None, None, 1.0, None, 2.0, 6.0])}),
        params={"source_column": "x"},
        conditions=[{"condition": "IS_MISSING", "target_column": "x"}],
        expected=frame({"x": ("float64", [3.0, 3.0, 1.0, 3.0, 2.0, 6.0])}),
    ),
    GoldenCase(
        name="no_condition_replaces_every_value",
        input=frame({"x": ("float64", [1.0, None, 2.0, 3.0, None, 6.0]), "k": ("string", ["a"] * 6)}),
        params={"source_column": "x"},
        expected=frame({"x": ("float64", [3.0] * 6), "k": ("string", ["a"] * 6)}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x"},
        conditions=[{"condition": "IS_MISSING", "target_column": "x"}],
        expected=frame({"x": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["a", None, "b", "c", None, "d"])}),
        params={"source_column": "s"},
        error="column 's' is string, expected float64 or int64",
    ),
]
