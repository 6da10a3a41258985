"""Golden cases for split_column_from_start (first ``position`` characters, then the rest)."""

from . import GoldenCase, frame

_T = [None, "first_name", None, "ab", "", "é名x", None]
_N = [1, 2, 3, 4, 5, 6, 7]
_IN = frame({"n": ("int64", _N), "t": ("string", _T), "z": ("float64", [0.5, None, 1.0, None, 2.0, None, 3.0])})
_Z = ("float64", [0.5, None, 1.0, None, 2.0, None, 3.0])

CASES = [
    GoldenCase(
        "position-1",
        _IN,
        {"source_column": "t", "position": 1},
        frame(
            {
                "n": ("int64", _N),
                "t_1": ("string", [None, "f", None, "a", "", "é", None]),
                "t_2": ("string", [None, "irst_name", None, "b", "", "名x", None]),
                "z": _Z,
            }
        ),
    ),
    GoldenCase(
        "past-the-end",
        _IN,
        {"source_column": "t", "position": 3},
        frame(
            {
                "n": ("int64", _N),
                "t_1": ("string", [None, "fir", None, "ab", "", "é名x", None]),
                "t_2": ("string", [None, "st_name", None, "", "", "", None]),
                "z": _Z,
            }
        ),
    ),
    GoldenCase(
        "category-all-missing",
        frame({"c": ("category", [None, None, None])}),
        {"source_column": "c", "position": 2},
        frame({"c_1": ("string", [None] * 3), "c_2": ("string", [None] * 3)}),
    ),
    GoldenCase("position-zero", _IN, {"source_column": "t", "position": 0}, error="position"),
    GoldenCase("number-column", _IN, {"source_column": "n", "position": 1}, error="expected string or category"),
    GoldenCase(
        "name-clash",
        frame({"t": ("string", ["ab"]), "t_1": ("string", ["x"])}),
        {"source_column": "t", "position": 1},
        error="column 't_1' already exists",
    ),
]
