from . import GoldenCase, frame

_X = [7, -7, 7, -7, None, 5, None]
_Y = [3, 3, -3, -3, 2, 0, None]
_F = [7.5, -7.5, None, 2.0, 1.0]

CASES = [
    GoldenCase(
        "sign-of-dividend",
        frame({"x": ("int64", _X), "y": ("int64", _Y)}),
        {"source_column1": "x", "source_column2": "y", "target_column": "r"},
        frame({"x": ("int64", _X), "r": ("int64", [1, -1, 1, -1, None, None, None]), "y": ("int64", _Y)}),
    ),
    GoldenCase(
        "float-by-value",
        frame({"f": ("float64", _F)}),
        {"source_column1": "f", "value2": 2, "target_column": "r"},
        frame({"f": ("float64", _F), "r": ("float64", [1.5, -1.5, None, 0.0, 1.0])}),
    ),
    GoldenCase(
        "by-zero-value",
        frame({"f": ("float64", _F)}),
        {"source_column1": "f", "value2": 0.0, "target_column": "r"},
        frame({"f": ("float64", _F), "r": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        "text-column",
        frame({"s": ("string", ["1", None, "2", None, "3"])}),
        {"source_column1": "s", "value2": 2, "target_column": "r"},
        error="expected int64 or float64",
    ),
]
