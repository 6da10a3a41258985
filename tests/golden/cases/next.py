"""Golden cases for next (backward carry: the first num_rows values of the following partitions)."""

from tests.golden.cases import GoldenCase, frame

X = [None, 1, None, None, 4, 5, None, 8]
S = ["a", "b", None, "d", "e", "f", "g"]
D = ["2024-01-01", None, "2024-01-03", "2024-01-04", None, "2024-01-06"]

CASES = [
    GoldenCase(
        name="one_row_ahead_nulls_passed_on",
        input=frame({"x": ("int64", X), "k": ("string", list("abcdefgh"))}),
        params={"source_column": "x", "num_rows": 1, "target_column": "n"},
        expected=frame({
            "x": ("int64", X),
            "n": ("int64", [1, None, None, 4, 5, None, 8, None]),
            "k": ("string", list("abcdefgh")),
        }),
    ),
    GoldenCase(
        name="three_rows_ahead_text",
        input=frame({"s": ("string", S)}),
        params={"source_column": "s", "num_rows": 3, "target_column": "n"},
        # with one row per partition the value comes back over three partitions (one all-null)
        expected=frame({"s": ("string", S), "n": ("string", ["d", "e", "f", "g", None, None, None])}),
    ),
    GoldenCase(
        name="datetime_two_ahead",
        input=frame({"d": ("datetime", D)}),
        params={"source_column": "d", "num_rows": 2, "target_column": "n"},
        expected=frame({
            "d": ("datetime", D),
            "n": ("datetime", ["2024-01-03", "2024-01-04", None, "2024-01-06", None, None]),
        }),
    ),
    GoldenCase(
        name="more_rows_than_data",
        input=frame({"b": ("boolean", [True, False, None, True, True, False])}),
        params={"source_column": "b", "num_rows": 10, "target_column": "n"},
        expected=frame({"b": ("boolean", [True, False, None, True, True, False]), "n": ("boolean", [None] * 6)}),
    ),
    GoldenCase(
        name="float_two_ahead",
        input=frame({"x": ("float64", [0.5, None, 2.5, 3.5, None, 4.5])}),
        params={"source_column": "x", "num_rows": 2, "target_column": "x_next"},
        expected=frame({
            "x": ("float64", [0.5, None, 2.5, 3.5, None, 4.5]),
            "x_next": ("float64", [2.5, 3.5, None, 4.5, None, None]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "num_rows": 2, "target_column": "n"},
        expected=frame({"x": ("float64", [None] * 6), "n": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="zero_rows_ahead_refused",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows": 0, "target_column": "n"},
        error="num_rows",
    ),
    GoldenCase(
        name="category_column_refused",
        input=frame({"c": ("category", S)}),
        params={"source_column": "c", "target_column": "n"},
        error="column 'c' is category",
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"x": ("int64", X), "n": ("int64", X)}),
        params={"source_column": "x", "target_column": "n"},
        error="column 'n' already exists",
    ),
]
