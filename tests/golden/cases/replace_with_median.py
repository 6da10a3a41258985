"""Golden cases for replace_with_median (the condition selects the rows to replace)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="cap_large_values_float",
        input=frame({"x": ("float64", [1.0, 2.0, 500.0, None, 3.0, 1000.0])}),
        params={"source_column": "x"},
        conditions=[{"condition": "GREATER_THAN", "target_column": "x", "value": 100}],
        # median of 1, 2, 3, 500, 1000 = 3
        expected=frame({"x": ("float64", [1.0, 2.0, 3.0, None, 3.0, 3.0])}),
    ),
    GoldenCase(
        name="even_count_int_rounds_half_to_even",
        input=frame({"n": ("int64", [4, 1, None, 2, 10, 3, None, 6])}),
        params={"source_column": "n"},
        conditions=[{"condition": "IS_MISSING", "target_column": "n"}],
        # median of 1 2 3 4 6 10 = 3.5 -> 4 (half to even)
        expected=frame({"n": ("int64", [4, 1, 4, 2, 10, 3, 4, 6])}),
    ),
    GoldenCase(
        name="no_condition_replaces_every_value",
        input=frame({"x": ("float64", [None, 5.0, 1.0, None, 2.0, 8.0])}),
        params={"source_column": "x"},
        expected=frame({"x": ("float64", [3.5] * 6)}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"n": ("int64", [None] * 6)}),
        params={"source_column": "n"},
        expected=frame({"n": ("int64", [None] * 6)}),
    ),
    GoldenCase(
        name="missing_column",
        input=frame({"n": ("int64", [1, 2, 3, 4, 5, 6])}),
        params={"source_column": "m"},
        error="column 'm' does not exist",
    ),
]
