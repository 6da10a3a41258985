"""Golden cases for replace_with_most_frequent (ties: the smallest value)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="placeholder_replaced",
        input=frame({"s": ("string", [None, None, "x", "b", "a", "b", "x", "a", "a"])}),
        params={"source_column": "s"},
        conditions=[{"condition": "IS", "target_column": "s", "value": ["x"]}],
        # counts over all values: a 3, b 2, x 2 -> a
        expected=frame({"s": ("string", [None, None, "a", "b", "a", "b", "a", "a", "a"])}),
    ),
    GoldenCase(
        name="missing_tie_smallest",
        input=frame({"n": ("float64", [None, 2.0, None, None, 1.0, 2.0, 1.0])}),
        params={"source_column": "n"},
        conditions=[{"condition": "IS_MISSING", "target_column": "n"}],
        expected=frame({"n": ("float64", [1.0, 2.0, 1.0, 1.0, 1.0, 2.0, 1.0])}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"n": ("int64", [None] * 5)}),
        params={"source_column": "n"},
        expected=frame({"n": ("int64", [None] * 5)}),
    ),
    GoldenCase(
        name="missing_column",
        input=frame({"n": ("int64", [1, 2, 3, 4, 5])}),
        params={"source_column": "zz"},
        error="column 'zz' does not exist",
    ),
]
