"""Golden cases for random_between (reproducible uniform numbers, both bounds included).

Exact values: a hash of each row's id and the target column's name (no seed), identical in the
four ways; tests/recipes/test_ops_nondeterministic.py checks the bounds are reached and never
passed on many rows.
"""

from __future__ import annotations

from . import GoldenCase, frame

A = [1, None, 3, 4, None, 6]
IN = frame({"a": ("int64", A)})

CASES = [
    GoldenCase(
        "whole-bounds-give-integers",
        IN,
        {"lower_bound": 1, "upper_bound": 6, "target_column": "r"},
        frame({"a": ("int64", A), "r": ("int64", [4, 4, 6, 2, 1, 3])}),
    ),
    GoldenCase(
        "decimal-bounds-give-decimals",
        IN,
        {"lower_bound": -1.5, "upper_bound": 2.0, "target_column": "x"},
        frame({"a": ("int64", A), "x": ("float64", [1.934201546559518, -0.17059232484759312, 1.2279356235674896, -0.0999570903605731, -1.4052186021776127, 1.429716357187031])}),
    ),
    GoldenCase(
        "equal-bounds",
        IN,
        {"lower_bound": 5, "upper_bound": 5, "target_column": "r"},
        frame({"a": ("int64", A), "r": ("int64", [5] * 6)}),
    ),
    GoldenCase("lower-above-upper", IN, {"lower_bound": 7, "upper_bound": 1, "target_column": "r"}, error="lower_bound 7 is above upper_bound 1"),
    GoldenCase("too-wide", IN, {"lower_bound": 0, "upper_bound": 2**60, "target_column": "r"}, error="more than 2**53"),
    GoldenCase("not-a-number", IN, {"lower_bound": "x", "upper_bound": 1, "target_column": "r"}, error="lower_bound"),
]
