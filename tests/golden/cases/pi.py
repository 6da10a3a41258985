"""Golden cases for pi (a constant column appended at the end)."""

import math

from . import GoldenCase, frame

IN = frame({"a": ("int64", [None, 1, None, None, 2]), "s": ("string", ["x", None, None, "y", None])})

CASES = [
    GoldenCase(
        "constant-column",
        IN,
        {"target_column": "pi"},
        frame({"a": ("int64", [None, 1, None, None, 2]), "s": ("string", ["x", None, None, "y", None]), "pi": ("float64", [math.pi] * 5)}),
    ),
    GoldenCase(
        "empty-frame",
        frame({"a": ("int64", [])}),
        {"target_column": "pi"},
        frame({"a": ("int64", []), "pi": ("float64", [])}),
    ),
    GoldenCase("existing-column", IN, {"target_column": "a"}, error="already exists"),
]
