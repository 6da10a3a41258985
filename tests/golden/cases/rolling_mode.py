"""Golden cases for rolling_mode (most frequent value of the window; ties by mode_type)."""

from tests.golden.cases import GoldenCase, frame

X = [1, 2, 2, 1, None, 3, 4]
Y = [1.5, None, 1.5, 2.0, 2.0, 2.0, 0.5, 0.5, 0.5, 0.5]
P = {"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "m"}

CASES = [
    GoldenCase(
        name="ties_minimum",
        input=frame({"x": ("int64", X)}),
        params={**P, "mode_type": "MINIMUM"},
        # windows: [1 2] [1 2 2] [2 2 1] [2 1 -] [1 - 3] [- 3 4] [3 4]
        expected=frame({"x": ("int64", X), "m": ("int64", [1, 2, 2, 1, 1, 3, 3])}),
    ),
    GoldenCase(
        name="ties_maximum",
        input=frame({"x": ("int64", X)}),
        params={**P, "mode_type": "MAXIMUM"},
        expected=frame({"x": ("int64", X), "m": ("int64", [2, 2, 2, 2, 3, 4, 4])}),
    ),
    GoldenCase(
        name="ties_average_int_rounds_half_to_even",
        input=frame({"x": ("int64", X)}),
        params={**P, "mode_type": "AVERAGE"},
        # 1.5 -> 2, 3.5 -> 4
        expected=frame({"x": ("int64", X), "m": ("int64", [2, 2, 2, 2, 2, 4, 4])}),
    ),
    GoldenCase(
        name="ties_none_gives_missing",
        input=frame({"x": ("int64", X)}),
        params={**P, "mode_type": "NONE"},
        expected=frame({"x": ("int64", X), "m": ("int64", [None, 2, 2, None, None, None, None])}),
    ),
    GoldenCase(
        name="float_two_above_two_below_none",
        input=frame({"x": ("float64", Y)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "target_column": "m", "mode_type": "NONE"},
        expected=frame({"x": ("float64", Y), "m": ("float64", [1.5, 1.5, None, 2.0, 2.0, 2.0, 0.5, 0.5, 0.5, 0.5])}),
    ),
    GoldenCase(
        name="float_rows_below_average",
        input=frame({"x": ("float64", Y)}),
        params={"source_column": "x", "num_rows_before": 0, "num_rows_after": 3, "target_column": "m", "mode_type": "AVERAGE"},
        expected=frame({"x": ("float64", Y), "m": ("float64", [1.5, 2.0, 2.0, 2.0, 1.25, 0.5, 0.5, 0.5, 0.5, 0.5])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 5)}),
        params=P,
        expected=frame({"x": ("float64", [None] * 5), "m": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        name="unknown_mode_type_refused",
        input=frame({"x": ("int64", X)}),
        params={**P, "mode_type": "MEDIAN"},
        error="mode_type",
    ),
]
