"""Golden cases for rolling_max (window: num_rows_before above, the row, num_rows_after below)."""

from tests.golden.cases import GoldenCase, frame

X = [4, None, 9, 1, 9, None, None, 3, 7]

CASES = [
    GoldenCase(
        name="centred_int_window",
        input=frame({"x": ("int64", X), "k": ("string", list("abcdefghi"))}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "m"},
        expected=frame({
            "x": ("int64", X),
            "m": ("int64", [4, 9, 9, 9, 9, 9, 3, 7, 7]),
            "k": ("string", list("abcdefghi")),
        }),
    ),
    GoldenCase(
        name="rows_above_only",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 2, "target_column": "m"},
        expected=frame({"x": ("int64", X), "m": ("int64", [4, 4, 9, 9, 9, 9, 9, 3, 7])}),
    ),
    GoldenCase(
        name="rows_below_only_float",
        input=frame({"x": ("float64", [4.5, None, -9.0, 1.0, None, None, None, 3.25])}),
        params={"source_column": "x", "num_rows_before": 0, "num_rows_after": 3, "target_column": "m"},
        # the last windows reach past the end of the data; the null run is crossed by the carry
        expected=frame({
            "x": ("float64", [4.5, None, -9.0, 1.0, None, None, None, 3.25]),
            "m": ("float64", [4.5, 1.0, 1.0, 1.0, 3.25, 3.25, 3.25, 3.25]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "target_column": "m"},
        expected=frame({"x": ("float64", [None] * 6), "m": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", "2", None, "3", "4", "5"])}),
        params={"source_column": "s", "target_column": "m"},
        error="column 's' is string",
    ),
    GoldenCase(
        name="negative_rows_refused",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_after": -1, "target_column": "m"},
        error="num_rows_after",
    ),
]
