from . import GoldenCase, frame

_F = [2.5, -2.5, None, None, 2.675, 0.49999999, 1.005, -0.5]
_I = [25, -25, 14, None, 5]


def _f(values: list):
    return frame({"x": ("float64", _F), "r": ("float64", values)})


CASES = [
    GoldenCase("half-away-from-zero", frame({"x": ("float64", _F)}), {"source_column": "x", "target_column": "r"}, _f([3.0, -3.0, None, None, 3.0, 0.0, 1.0, -1.0])),
    GoldenCase("two-places-as-written", frame({"x": ("float64", _F)}), {"source_column": "x", "target_column": "r", "decimals": 2}, _f([2.5, -2.5, None, None, 2.68, 0.5, 1.01, -0.5])),
    GoldenCase("decimal-places-alias", frame({"x": ("float64", _F)}), {"source_column": "x", "target_column": "r", "decimal_places": 1}, _f([2.5, -2.5, None, None, 2.7, 0.5, 1.0, -0.5])),
    GoldenCase("int-stays", frame({"i": ("int64", _I)}), {"source_column": "i", "target_column": "r"}, frame({"i": ("int64", _I), "r": ("int64", _I)})),
    GoldenCase("int-to-tens", frame({"i": ("int64", _I)}), {"source_column": "i", "target_column": "r", "decimals": -1}, frame({"i": ("int64", _I), "r": ("int64", [30, -30, 10, None, 10])})),
    GoldenCase("all-missing", frame({"x": ("float64", [None] * 5)}), {"source_column": "x", "target_column": "r"}, frame({"x": ("float64", [None] * 5), "r": ("float64", [None] * 5)})),
    GoldenCase("text-column", frame({"s": ("string", ["1.5", None, "2", None, "3"])}), {"source_column": "s", "target_column": "r"}, error="expected int64 or float64"),
    GoldenCase("too-many-places", frame({"x": ("float64", _F)}), {"source_column": "x", "target_column": "r", "decimals": 16}, error="decimals"),
]
