"""Golden cases for degrees."""

import math

from . import GoldenCase, frame

R = [None, math.pi, None, None, -math.pi / 2, 0.0, 1.0]
D = [None, 180, None, None, -90, 0, 360]
IN = frame({"r": ("float64", R), "d": ("int64", D)})

CASES = [
    GoldenCase(
        "radians-to-degrees",
        IN,
        {"source_column": "r", "target_column": "t"},
        frame({"r": ("float64", R), "t": ("float64", [None, 180.0, None, None, -90.0, 0.0, 57.29577951308232]), "d": ("int64", D)}),
    ),
    GoldenCase(
        "int-column",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"r": ("float64", R), "d": ("int64", D), "t": ("float64", [None, 10313.240312354817, None, None, -5156.620156177409, 0.0, 20626.480624709635])}),
    ),
    GoldenCase("missing-column", IN, {"source_column": "z", "target_column": "t"}, error="does not exist"),
]
