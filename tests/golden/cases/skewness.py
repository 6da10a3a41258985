"""Golden cases for skewness (ROOT, LOG, SQUARE; row by row)."""

import math

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="page_example_natural_log",
        input=frame({"level": ("float64", [1.0, math.e, None, 0.0, -1.0, 100.0])}),
        params={"source_column": "level", "target_column": "bin", "skew_function": "LOG", "value": 2.718281828},
        # log of 0 or of a negative value is missing
        expected=frame(
            {
                "level": ("float64", [1.0, math.e, None, 0.0, -1.0, 100.0]),
                "bin": ("float64", [0.0, math.log(math.e) / math.log(2.718281828), None, None, None, math.log(100) / math.log(2.718281828)]),
            }
        ),
    ),
    GoldenCase(
        name="log_base_2_int_column_default_is_natural",
        input=frame({"n": ("int64", [8, 1, None, 2, 1024, 3]), "k": ("string", list("abcdef"))}),
        params={"source_column": "n", "target_column": "l2", "skew_function": "LOG", "value": 2},
        expected=frame(
            {
                "n": ("int64", [8, 1, None, 2, 1024, 3]),
                "l2": ("float64", [3.0, 0.0, None, 1.0, 10.0, math.log2(3)]),
                "k": ("string", list("abcdef")),
            }
        ),
    ),
    GoldenCase(
        name="cube_root_keeps_the_sign",
        input=frame({"n": ("int64", [8, -27, None, 0, 1, -1])}),
        params={"source_column": "n", "target_column": "r", "skew_function": "ROOT", "value": 3},
        expected=frame({"n": ("int64", [8, -27, None, 0, 1, -1]), "r": ("float64", [2.0, -3.0, None, 0.0, 1.0, -1.0])}),
    ),
    GoldenCase(
        name="square_root_by_default_negative_missing",
        input=frame({"x": ("float64", [4.0, 2.25, -4.0, None, 0.0, 9.0])}),
        params={"source_column": "x", "target_column": "r", "skew_function": "ROOT"},
        expected=frame({"x": ("float64", [4.0, 2.25, -4.0, None, 0.0, 9.0]), "r": ("float64", [2.0, 1.5, None, None, 0.0, 3.0])}),
    ),
    GoldenCase(
        name="square_overflow_missing_and_in_place",
        input=frame({"x": ("float64", [3.0, -2.0, None, 1e200, 0.5, -0.0])}),
        params={"source_column": "x", "target_column": "x", "skew_function": "SQUARE"},
        expected=frame({"x": ("float64", [9.0, 4.0, None, None, 0.25, 0.0])}),
    ),
    GoldenCase(
        name="all_null",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "target_column": "r", "skew_function": "ROOT", "value": 4},
        expected=frame({"x": ("float64", [None] * 6), "r": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", list("abcdef"))}),
        params={"source_column": "s", "target_column": "r", "skew_function": "LOG"},
        error="column 's' is string, expected float64 or int64",
    ),
    GoldenCase(
        name="log_base_one_refused",
        input=frame({"x": ("float64", [1.0] * 6)}),
        params={"source_column": "x", "target_column": "r", "skew_function": "LOG", "value": 1},
        error="LOG base must be positive and not 1",
    ),
]
