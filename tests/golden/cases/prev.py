"""Golden cases for prev (carry: the last num_rows values of the earlier partitions)."""

from tests.golden.cases import GoldenCase, frame

X = [None, 1, None, None, 4, 5, None, 8]
S = ["a", "b", None, "d", "e", "f", "g"]

CASES = [
    GoldenCase(
        name="one_row_back_nulls_passed_on",
        input=frame({"x": ("int64", X), "k": ("string", list("abcdefgh"))}),
        params={"source_column": "x", "num_rows": 1, "target_column": "p"},
        expected=frame({
            "x": ("int64", X),
            "p": ("int64", [None, None, 1, None, None, 4, 5, None]),
            "k": ("string", list("abcdefgh")),
        }),
    ),
    GoldenCase(
        name="three_rows_back_text",
        input=frame({"s": ("string", S)}),
        params={"source_column": "s", "num_rows": 3, "target_column": "p"},
        expected=frame({"s": ("string", S), "p": ("string", [None, None, None, "a", "b", None, "d"])}),
    ),
    GoldenCase(
        name="datetime_two_back",
        input=frame({"d": ("datetime", ["2024-01-01", None, "2024-01-03", "2024-01-04", None, "2024-01-06"])}),
        params={"source_column": "d", "num_rows": 2, "target_column": "p"},
        expected=frame({
            "d": ("datetime", ["2024-01-01", None, "2024-01-03", "2024-01-04", None, "2024-01-06"]),
            "p": ("datetime", [None, None, "2024-01-01", None, "2024-01-03", "2024-01-04"]),
        }),
    ),
    GoldenCase(
        name="more_rows_than_data",
        input=frame({"b": ("boolean", [True, False, None, True, True, False])}),
        params={"source_column": "b", "num_rows": 10, "target_column": "p"},
        expected=frame({"b": ("boolean", [True, False, None, True, True, False]), "p": ("boolean", [None] * 6)}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "num_rows": 2, "target_column": "p"},
        expected=frame({"x": ("float64", [None] * 6), "p": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="zero_rows_back_refused",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows": 0, "target_column": "p"},
        error="num_rows",
    ),
    GoldenCase(
        name="category_column_refused",
        input=frame({"c": ("category", S)}),
        params={"source_column": "c", "target_column": "p"},
        error="column 'c' is category",
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"x": ("int64", X), "p": ("int64", X)}),
        params={"source_column": "x", "target_column": "p"},
        error="column 'p' already exists",
    ),
]
