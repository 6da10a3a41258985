"""Golden cases for split_column_from_end (all but the last ``position`` characters, then those)."""

from . import GoldenCase, frame

_T = [None, "nationality", None, "ab", "", "é名x", None]
_IN = frame({"t": ("string", _T), "n": ("int64", [1, 2, 3, 4, 5, 6, 7])})
_N = ("int64", [1, 2, 3, 4, 5, 6, 7])

CASES = [
    GoldenCase(
        "position-1",
        _IN,
        {"source_column": "t", "position": 1},
        frame(
            {
                "t_1": ("string", [None, "nationalit", None, "a", "", "é名", None]),
                "t_2": ("string", [None, "y", None, "b", "", "x", None]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "longer-than-value",
        _IN,
        {"source_column": "t", "position": 3},
        frame(
            {
                "t_1": ("string", [None, "national", None, "", "", "", None]),
                "t_2": ("string", [None, "ity", None, "ab", "", "é名x", None]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "all-missing",
        frame({"t": ("string", [None, None])}),
        {"source_column": "t", "position": 2},
        frame({"t_1": ("string", [None, None]), "t_2": ("string", [None, None])}),
    ),
    GoldenCase("position-zero", _IN, {"source_column": "t", "position": 0}, error="position"),
    GoldenCase("missing-column", _IN, {"source_column": "x", "position": 1}, error="column 'x' does not exist"),
]
