"""Golden cases for to_category (whole-dataset sorted categories in every partition)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="text_to_category",
        input=frame({"city": ("string", ["Oslo", None, "Bergen", "Oslo", None, "Ålesund", "Bergen"]), "n": ("int64", [1, 2, 3, 4, 5, 6, 7])}),
        params={"source_column": "city"},
        # categories: Bergen, Oslo, Ålesund (code point order), in every partition
        expected=frame({"city": ("category", ["Oslo", None, "Bergen", "Oslo", None, "Ålesund", "Bergen"]), "n": ("int64", [1, 2, 3, 4, 5, 6, 7])}),
    ),
    GoldenCase(
        name="leading_nulls_and_runs",
        input=frame({"c": ("string", [None, None, "b", None, None, "a", "b", None])}),
        params={"source_column": "c"},
        expected=frame({"c": ("category", [None, None, "b", None, None, "a", "b", None])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"c": ("string", [None] * 6)}),
        params={"source_column": "c"},
        expected=frame({"c": ("category", [None] * 6)}),
    ),
    GoldenCase(
        name="number_column_refused",
        input=frame({"n": ("int64", [1, 2, 3, None, 5, 6])}),
        params={"source_column": "n"},
        error="column 'n' is int64, expected string",
    ),
]
