"""Golden cases for split_column_with_intervals (prefix, then ``interval`` pieces; last holds the rest)."""

from . import GoldenCase, frame

_T = [None, "nationality", None, "ab", "", None]
_IN = frame({"n": ("int64", [1, 2, 3, 4, 5, 6]), "t": ("string", _T)})
_N = ("int64", [1, 2, 3, 4, 5, 6])

CASES = [
    GoldenCase(
        "databrew-example-limit-3",
        _IN,
        {"source_column": "t", "start_position": 1, "interval": 4, "limit": 3},
        frame(
            {
                "n": _N,
                "t_1": ("string", [None, "n", None, "a", "", None]),
                "t_2": ("string", [None, "atio", None, "b", "", None]),
                "t_3": ("string", [None, "nali", None, "", "", None]),
                "t_4": ("string", [None, "ty", None, "", "", None]),
            }
        ),
    ),
    GoldenCase(
        "last-holds-the-rest",
        _IN,
        {"source_column": "t", "start_position": 0, "interval": 3, "limit": 2},
        frame(
            {
                "n": _N,
                "t_1": ("string", [None, "", None, "", "", None]),
                "t_2": ("string", [None, "nat", None, "ab", "", None]),
                "t_3": ("string", [None, "ionality", None, "", "", None]),
            }
        ),
    ),
    GoldenCase(
        "default-limit-21-columns",
        frame({"t": ("string", ["abcdefghijklmnopqrstuvwxyz", None])}),
        {"source_column": "t", "start_position": 0, "interval": 1},
        frame(
            {
                f"t_{i}": ("string", [v, None])
                for i, v in enumerate(["", *"abcdefghijklmnopqrs", "tuvwxyz"], start=1)
            }
        ),
    ),
    GoldenCase("interval-zero", _IN, {"source_column": "t", "start_position": 0, "interval": 0}, error="interval"),
    GoldenCase("limit-too-big", _IN, {"source_column": "t", "start_position": 0, "interval": 2, "limit": 21}, error="limit"),
]
