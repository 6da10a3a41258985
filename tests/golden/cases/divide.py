from . import GoldenCase, frame
from ._math import IN, out

_X = [None, 1, None, None, 5, -3]
_Z = [0, 4, 0, None, 0, 2]

CASES = [
    GoldenCase("int-columns-give-float", IN, {"source_column1": "a", "source_column2": "b", "target_column": "t"}, out("a", "t", "float64", [None, None, None, None, 0.5, -1.0])),
    GoldenCase(
        "zero-divisor-missing",
        frame({"x": ("int64", _X), "z": ("int64", _Z)}),
        {"source_column1": "x", "source_column2": "z", "target_column": "q"},
        frame({"x": ("int64", _X), "q": ("float64", [None, 0.25, None, None, None, -1.5]), "z": ("int64", _Z)}),
    ),
    GoldenCase("by-zero-value", IN, {"source_column1": "f", "value2": 0, "target_column": "t"}, out("f", "t", "float64", [None] * 6)),
    GoldenCase("value-by-column", IN, {"value1": 1, "source_column2": "f", "target_column": "t"}, out("f", "t", "float64", [2.0, None, 0.8, None, -1.0, 0.5])),
    GoldenCase("text-column", IN, {"source_column1": "a", "source_column2": "s", "target_column": "t"}, error="expected int64 or float64"),
]
