from . import GoldenCase, frame

_T = [None, "a,b,c,d", None, None, "a,,b", "", "solo", "é,名"]
_N = [1, 2, 3, 4, 5, 6, 7, 8]
_IN = frame({"n": ("int64", _N), "t": ("string", _T), "z": ("boolean", [True, None, None, False, True, None, False, True])})
_Z = ("boolean", [True, None, None, False, True, None, False, True])

CASES = [
    GoldenCase(
        "limit-1",
        _IN,
        {"source_column": "t", "pattern": ","},
        frame(
            {
                "n": ("int64", _N),
                "t_1": ("string", [None, "a", None, None, "a", "", "solo", "é"]),
                "t_2": ("string", [None, "b,c,d", None, None, ",b", None, None, "名"]),
                "z": _Z,
            }
        ),
    ),
    GoldenCase(
        "limit-3-more-columns-than-pieces",
        _IN,
        {"source_column": "t", "pattern": ",", "limit": 3},
        frame(
            {
                "n": ("int64", _N),
                "t_1": ("string", [None, "a", None, None, "a", "", "solo", "é"]),
                "t_2": ("string", [None, "b", None, None, "", None, None, "名"]),
                "t_3": ("string", [None, "c", None, None, "b", None, None, None]),
                "t_4": ("string", [None, "d", None, None, None, None, None, None]),
                "z": _Z,
            }
        ),
    ),
    GoldenCase(
        "multi-char-delimiter-literal",
        frame({"t": ("string", ["a.|b.|c", None, "x.y", ".|", None])}),
        {"source_column": "t", "pattern": ".|", "limit": 1},
        frame({"t_1": ("string", ["a", None, "x.y", "", None]), "t_2": ("string", ["b.|c", None, None, "", None])}),
    ),
    GoldenCase(
        "all-missing",
        frame({"t": ("string", [None] * 5)}),
        {"source_column": "t", "pattern": ",", "limit": 2},
        frame({"t_1": ("string", [None] * 5), "t_2": ("string", [None] * 5), "t_3": ("string", [None] * 5)}),
    ),
    GoldenCase("limit-too-big", _IN, {"source_column": "t", "pattern": ",", "limit": 21}, error="limit"),
    GoldenCase(
        "name-clash",
        frame({"t": ("string", _T[:5]), "t_2": ("int64", [1, 2, 3, 4, 5])}),
        {"source_column": "t", "pattern": ","},
        error="column 't_2' already exists",
    ),
]
