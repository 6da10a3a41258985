"""Golden cases for split_column_multiple_delimiter (any delimiter splits, longest first, limit + 1 columns)."""

from . import GoldenCase, frame

_T = [None, "a, b,c d", None, "solo", "", ",x", "é;名"]
_IN = frame({"t": ("string", _T), "n": ("int64", [1, 2, 3, 4, 5, 6, 7])})
_N = ("int64", [1, 2, 3, 4, 5, 6, 7])
_COMMA_SPACE = [{"pattern": ","}, {"pattern": " "}]

CASES = [
    GoldenCase(
        "comma-or-space-limit-3",
        _IN,
        {"source_column": "t", "pattern_options": _COMMA_SPACE, "limit": 3},
        frame(
            {
                "t_1": ("string", [None, "a", None, "solo", "", "", "é;名"]),
                "t_2": ("string", [None, "", None, None, None, "x", None]),
                "t_3": ("string", [None, "b", None, None, None, None, None]),
                "t_4": ("string", [None, "c d", None, None, None, None, None]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "longest-delimiter-wins-and-included",
        _IN,
        {
            "source_column": "t",
            "pattern_options": [{"pattern": ","}, {"pattern": ", ", "include_in_split": True}, {"pattern": ";"}],
            "limit": 2,
        },
        frame(
            {
                "t_1": ("string", [None, "a", None, "solo", "", "", "é"]),
                "t_2": ("string", [None, ", b", None, None, None, "x", "名"]),
                "t_3": ("string", [None, "c d", None, None, None, None, None]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "all-missing",
        frame({"t": ("string", [None, None, None])}),
        {"source_column": "t", "pattern_options": _COMMA_SPACE},
        frame({"t_1": ("string", [None] * 3), "t_2": ("string", [None] * 3)}),
    ),
    GoldenCase("no-delimiter", _IN, {"source_column": "t", "pattern_options": []}, error="pattern_options"),
    GoldenCase("limit-too-big", _IN, {"source_column": "t", "pattern_options": _COMMA_SPACE, "limit": 21}, error="limit"),
    GoldenCase("number-column", _IN, {"source_column": "n", "pattern_options": _COMMA_SPACE}, error="expected string or category"),
]
