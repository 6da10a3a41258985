"""Golden cases for difference (carry: the last num_rows values of the earlier partitions)."""

from tests.golden.cases import GoldenCase, frame

X = [1, 3, None, 10, 4, 5, None, 8]

CASES = [
    GoldenCase(
        name="one_row_back",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows": 1, "target_column": "d"},
        expected=frame({"x": ("int64", X), "d": ("float64", [None, 2.0, None, None, -6.0, 1.0, None, None])}),
    ),
    GoldenCase(
        name="two_rows_back_float",
        input=frame({"x": ("float64", [0.5, 1.5, 2.5, None, 5.0, 7.5])}),
        params={"source_column": "x", "num_rows": 2, "target_column": "d"},
        expected=frame({
            "x": ("float64", [0.5, 1.5, 2.5, None, 5.0, 7.5]),
            "d": ("float64", [None, None, 2.0, None, 2.5, None]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 5)}),
        params={"source_column": "x", "num_rows": 1, "target_column": "d"},
        expected=frame({"x": ("float64", [None] * 5), "d": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["a", "b"])}),
        params={"source_column": "s", "target_column": "d"},
        error="column 's' is string",
    ),
]
