"""Golden cases for radians."""

import math

from . import GoldenCase, frame

D = [None, 180, None, None, -90, 0, 360]
F = [None, 45.0, None, None, 1.0, -0.0, 720.0]
IN = frame({"d": ("int64", D), "f": ("float64", F)})

CASES = [
    GoldenCase(
        "degrees-to-radians",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"d": ("int64", D), "t": ("float64", [None, math.pi, None, None, -math.pi / 2, 0.0, 2 * math.pi]), "f": ("float64", F)}),
    ),
    GoldenCase(
        "float-column",
        IN,
        {"source_column": "f", "target_column": "t"},
        frame({"d": ("int64", D), "f": ("float64", F), "t": ("float64", [None, math.pi / 4, None, None, math.pi / 180, 0.0, 4 * math.pi])}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["1", None, "2", "3", "4"])}), {"source_column": "s", "target_column": "t"}, error="expected int64 or float64"),
]
