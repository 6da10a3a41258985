from . import GoldenCase, frame

_F = [2.5, -2.5, None, None, 3.0, -0.1]
_I = [3, None, -4, None, 0]

CASES = [
    GoldenCase("floats", frame({"x": ("float64", _F)}), {"source_column": "x", "target_column": "r"}, frame({"x": ("float64", _F), "r": ("float64", [2.0, -3.0, None, None, 3.0, -1.0])})),
    GoldenCase("int-unchanged", frame({"i": ("int64", _I)}), {"source_column": "i", "target_column": "r"}, frame({"i": ("int64", _I), "r": ("int64", _I)})),
    GoldenCase(
        "placed-after-source",
        frame({"x": ("float64", _F), "n": ("int64", [1, 2, 3, 4, 5, 6])}),
        {"source_column": "x", "target_column": "下"},
        frame({"x": ("float64", _F), "下": ("float64", [2.0, -3.0, None, None, 3.0, -1.0]), "n": ("int64", [1, 2, 3, 4, 5, 6])}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["1.5", None, "2", None, "3"])}), {"source_column": "s", "target_column": "r"}, error="expected int64 or float64"),
]
