"""Golden cases for rolling_standard_deviation (population: divided by n)."""

from tests.golden.cases import GoldenCase, frame

F = [1.5, None, 2.5, 4.0, None, None, None, 10.0, 8.0]
INTS = [2, None, 4, 4, 8, None, 1]

CASES = [
    GoldenCase(
        name="centred_window_single_value_is_zero",
        input=frame({"x": ("float64", F)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "sd"},
        # windows: [1.5 -] [1.5 - 2.5] [- 2.5 4] [2.5 4 -] [4 - -] [- - -] [- - 10] [- 10 8] [10 8]
        expected=frame({"x": ("float64", F), "sd": ("float64", [0.0, 0.5, 0.75, 0.75, 0.0, None, 0.0, 1.0, 1.0])}),
    ),
    GoldenCase(
        name="rows_below_only",
        input=frame({"x": ("float64", F)}),
        params={"source_column": "x", "num_rows_before": 0, "num_rows_after": 3, "target_column": "sd"},
        expected=frame({
            "x": ("float64", F),
            "sd": ("float64", [1.0274023338281628, 0.75, 0.75, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0]),
        }),
    ),
    GoldenCase(
        name="int_rows_above",
        input=frame({"x": ("int64", INTS)}),
        params={"source_column": "x", "num_rows_before": 2, "target_column": "sd"},
        expected=frame({"x": ("int64", INTS), "sd": ("float64", [0.0, 0.0, 1.0, 0.0, 1.8856180831641267, 2.0, 3.5])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 5)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "sd"},
        expected=frame({"x": ("float64", [None] * 5), "sd": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        name="boolean_column_refused",
        input=frame({"b": ("boolean", [True, False, None, True, True])}),
        params={"source_column": "b", "target_column": "sd"},
        error="column 'b' is boolean",
    ),
]
