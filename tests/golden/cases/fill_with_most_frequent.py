"""Golden cases for fill_with_most_frequent (ties: the smallest value)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="text_clear_winner",
        input=frame({"s": ("string", [None, "x", "y", "x", None, None, "z", "x"])}),
        params={"source_column": "s"},
        expected=frame({"s": ("string", ["x", "x", "y", "x", "x", "x", "z", "x"])}),
    ),
    GoldenCase(
        name="int_tie_takes_smallest",
        input=frame({"n": ("int64", [3, None, 1, 3, 1, None])}),
        params={"source_column": "n"},
        expected=frame({"n": ("int64", [3, 1, 1, 3, 1, 1])}),
    ),
    GoldenCase(
        name="boolean",
        input=frame({"b": ("boolean", [None, True, False, True, None, True])}),
        params={"source_column": "b"},
        expected=frame({"b": ("boolean", [True, True, False, True, True, True])}),
    ),
    GoldenCase(
        name="datetime_tie_takes_earliest",
        input=frame({"d": ("datetime", ["2024-01-02", None, "2024-01-01", "2024-01-02", None, "2024-01-01"])}),
        params={"source_column": "d"},
        expected=frame({"d": ("datetime", ["2024-01-02", "2024-01-01", "2024-01-01", "2024-01-02", "2024-01-01", "2024-01-01"])}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"s": ("string", [None] * 6), "k": ("int64", [1, 2, 3, 4, 5, 6])}),
        params={"source_column": "s"},
        expected=frame({"s": ("string", [None] * 6), "k": ("int64", [1, 2, 3, 4, 5, 6])}),
    ),
    GoldenCase(
        name="category_column_refused",
        input=frame({"c": ("category", ["a", None, "b", "a", None, "a"])}),
        params={"source_column": "c"},
        error="column 'c' is category",
    ),
]
