"""Golden cases for scale (whole-dataset min, max, mean and sample std)."""

import math

from tests.golden.cases import GoldenCase, frame


def _map(values, f):
    return [None if v is None else f(v) for v in values]


N = [None, 2, 4, None, 6, 10]
X = [0.0, 5.0, None, 10.0, None, 2.5]
M = [1, 2, 3, 4, None, 10]  # mean 4, range 9
Z = [None, 2, 4, 4, 4, 5, 5, 7, 9]  # mean 5, sample variance 32 / 7
S = math.sqrt(32 / 7)

CASES = [
    GoldenCase(
        name="min_max_default_target",
        input=frame({"n": ("int64", N), "k": ("string", list("abcdef"))}),
        params={"source_column": "n", "strategy": "MIN_MAX"},
        expected=frame({"n": ("int64", N), "n_scaled": ("float64", _map(N, lambda v: (v - 2) / 8)), "k": ("string", list("abcdef"))}),
    ),
    GoldenCase(
        name="scale_between_bounds",
        input=frame({"x": ("float64", X)}),
        params={"source_column": "x", "strategy": "SCALE_BETWEEN", "target_column": "s", "min_value": -1, "max_value": 1},
        expected=frame({"x": ("float64", X), "s": ("float64", [-1.0, 0.0, None, 1.0, None, -0.5])}),
    ),
    GoldenCase(
        name="mean_normalization",
        input=frame({"m": ("int64", M)}),
        params={"source_column": "m", "strategy": "MEAN_NORMALIZATION", "target_column": "mn"},
        expected=frame({"m": ("int64", M), "mn": ("float64", _map(M, lambda v: (v - 4) / 9))}),
    ),
    GoldenCase(
        name="z_score_sample_std",
        input=frame({"z": ("int64", Z)}),
        params={"source_column": "z", "strategy": "Z_SCORE", "target_column": "zs"},
        expected=frame({"z": ("int64", Z), "zs": ("float64", _map(Z, lambda v: (v - 5) / S))}),
    ),
    GoldenCase(
        name="in_place_when_target_is_source",
        input=frame({"n": ("int64", N), "k": ("string", list("abcdef"))}),
        params={"source_column": "n", "strategy": "MIN_MAX", "target_column": "n"},
        expected=frame({"n": ("float64", _map(N, lambda v: (v - 2) / 8)), "k": ("string", list("abcdef"))}),
    ),
    GoldenCase(
        name="constant_column_scales_to_zero",
        input=frame({"c": ("float64", [3.0, None, 3.0, 3.0, None, 3.0])}),
        params={"source_column": "c", "strategy": "Z_SCORE"},
        expected=frame({"c": ("float64", [3.0, None, 3.0, 3.0, None, 3.0]), "c_scaled": ("float64", [0.0, None, 0.0, 0.0, None, 0.0])}),
    ),
    GoldenCase(
        name="constant_column_scale_between_gives_lower_bound",
        input=frame({"c": ("int64", [7, 7, None, 7, 7, 7])}),
        params={"source_column": "c", "strategy": "SCALE_BETWEEN", "min_value": 10, "max_value": 20},
        expected=frame({"c": ("int64", [7, 7, None, 7, 7, 7]), "c_scaled": ("float64", [10.0, 10.0, None, 10.0, 10.0, 10.0])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "strategy": "MIN_MAX"},
        expected=frame({"x": ("float64", [None] * 6), "x_scaled": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="bounds_reversed",
        input=frame({"x": ("float64", X)}),
        params={"source_column": "x", "strategy": "SCALE_BETWEEN", "min_value": 5, "max_value": 1},
        error="min_value (5) must be below max_value (1)",
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"x": ("float64", X), "x_scaled": ("float64", X)}),
        params={"source_column": "x"},
        error="column 'x_scaled' already exists",
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", "2", None, "3", "4", "5"])}),
        params={"source_column": "s", "strategy": "Z_SCORE"},
        error="column 's' is string",
    ),
]
