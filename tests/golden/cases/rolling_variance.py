"""Golden cases for rolling_variance (population: divided by n)."""

from tests.golden.cases import GoldenCase, frame

F = [1.5, None, 2.5, 4.0, None, None, None, 10.0, 8.0]
INTS = [2, None, 4, 4, 8, None, 1]

CASES = [
    GoldenCase(
        name="centred_window",
        input=frame({"x": ("float64", F)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "v"},
        expected=frame({
            "x": ("float64", F),
            "v": ("float64", [0.0, 0.25, 0.5625, 0.5625, 0.0, None, 0.0, 1.0, 1.0]),
        }),
    ),
    GoldenCase(
        name="two_above_two_below",
        input=frame({"x": ("float64", F)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "target_column": "v"},
        expected=frame({
            "x": ("float64", F),
            "v": ("float64", [0.25, 1.0555555555555556, 1.0555555555555556, 0.5625, 0.5625, 9.0, 1.0, 1.0, 1.0]),
        }),
    ),
    GoldenCase(
        name="int_centred",
        input=frame({"x": ("int64", INTS)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "v"},
        expected=frame({"x": ("int64", INTS), "v": ("float64", [0.0, 1.0, 0.0, 3.5555555555555554, 4.0, 12.25, 0.0])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("int64", [None] * 5)}),
        params={"source_column": "x", "num_rows_before": 2, "target_column": "v"},
        expected=frame({"x": ("int64", [None] * 5), "v": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        name="datetime_column_refused",
        input=frame({"d": ("datetime", ["2024-01-01", None, "2024-01-03"])}),
        params={"source_column": "d", "target_column": "v"},
        error="column 'd' is datetime",
    ),
]
