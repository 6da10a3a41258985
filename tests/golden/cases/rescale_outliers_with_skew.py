"""Golden cases for rescale_outliers_with_skew (outliers capped at the fences, then the skew
function on every value)."""

import math

from tests.golden.cases import GoldenCase, frame

X = ("float64", [1.0, 2.0, None, 3.0, 4.0, 5.0, 100.0])

CASES = [
    GoldenCase(
        name="iqr_then_natural_log",
        input=frame({"x": X}),
        params={"source_column": "x", "target_column": "l", "outlier_strategy": "IQR", "threshold": 1.5, "skew_function": "LOG"},
        # Q1 2.25, Q3 4.75: 100 is capped at 8.5 before the logarithm
        expected=frame({"x": X, "l": ("float64", [0.0, math.log(2), None, math.log(3), math.log(4), math.log(5), math.log(8.5)])}),
    ),
    GoldenCase(
        name="modified_z_then_cube_root",
        input=frame({"x": X}),
        params={"source_column": "x", "target_column": "r", "outlier_strategy": "MODIFIED_Z_SCORE", "skew_function": "ROOT", "value": 3},
        # median 3.5, MAD 1.5: the upper fence is 3.5 + 3 * 1.5 / 0.6745
        expected=frame(
            {
                "x": X,
                "r": ("float64", [1.0, 2 ** (1 / 3), None, 3 ** (1 / 3), 4 ** (1 / 3), 5 ** (1 / 3), (3.5 + 4.5 / 0.6745) ** (1 / 3)]),
            }
        ),
    ),
    GoldenCase(
        name="z_score_square_no_outlier",
        input=frame({"n": ("int64", [-2, 0, None, 3, 1, 2])}),
        params={"source_column": "n", "target_column": "sq", "skew_function": "SQUARE"},
        expected=frame({"n": ("int64", [-2, 0, None, 3, 1, 2]), "sq": ("float64", [4.0, 0.0, None, 9.0, 1.0, 4.0])}),
    ),
    GoldenCase(
        name="all_null",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "target_column": "r", "skew_function": "ROOT", "value": 2},
        expected=frame({"x": ("float64", [None] * 6), "r": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="negative_root_refused",
        input=frame({"x": ("float64", [1.0] * 6)}),
        params={"source_column": "x", "target_column": "r", "skew_function": "ROOT", "value": -2},
        error="ROOT value (the root) must be positive",
    ),
]
