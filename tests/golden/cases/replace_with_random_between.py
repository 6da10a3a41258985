"""Expected numbers are the SplitMix64 values of (seed 0, column position, row id); the properties
(range, reproducibility, seeds, uniformity) are tested in tests/recipes/test_pii_random.py."""

from . import GoldenCase, frame

_N = [5, None, 7, 8, 9, None]
_T = ["a", "b", None, "d", "e", "f"]
_X = [1.5, None, 2.5, 3.5, None, 4.0]


def _in(n: list = _N, t: list = _T, x: list = _X, nt: str = "int64", tt: str = "string"):
    return frame({"n": (nt, n), "t": (tt, t), "x": ("float64", x)})


CASES = [
    GoldenCase(
        "whole-bounds-two-columns-text-becomes-int",
        _in(),
        {"source_columns": ["n", "t"], "lower_bound": 1, "upper_bound": 6},
        _in([3, None, 3, 4, 5, None], [1, 4, None, 6, 6, 3], tt="int64"),
    ),
    GoldenCase(
        "decimal-bounds",
        _in(),
        {"source_columns": ["x"], "lower_bound": -1.5, "upper_bound": 2},
        _in(
            x=[
                0.025393139568796297,
                None,
                -1.1699396358880743,
                1.2159863165039582,
                None,
                0.7065529646863862,
            ]
        ),
    ),
    GoldenCase(
        "condition-selected-rows-only",
        _in(),
        {"source_columns": ["n"], "lower_bound": 10, "upper_bound": 1000},
        _in([5, None, 245, 329, 826, None]),
        conditions=[{"condition": "GREATER_THAN", "target_column": "n", "value": 6}],
    ),
    GoldenCase(
        "equal-bounds-all-null-stays-null",
        _in(t=[None] * 6),
        {"source_columns": ["n", "t"], "lower_bound": 42, "upper_bound": 42},
        _in([42, None, 42, 42, 42, None], [None] * 6, tt="int64"),
    ),
    GoldenCase(
        "lower-above-upper",
        _in(),
        {"source_columns": ["n"], "lower_bound": 5, "upper_bound": 1},
        error="lower_bound 5 is above upper_bound 1",
    ),
    GoldenCase(
        "bad-column",
        _in(),
        {"source_columns": ["nn"], "lower_bound": 1, "upper_bound": 2},
        error="does not exist",
    ),
]
