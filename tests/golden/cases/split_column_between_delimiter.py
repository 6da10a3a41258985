"""Golden cases for split_column_between_delimiter (before start, between, after end; included delimiters open the next piece)."""

from . import GoldenCase, frame

_T = [None, "a(b)c", None, "no delimiters", "open( only", "()", "x)y(z)w", ""]
_IN = frame({"t": ("category", _T), "n": ("float64", [1.5, None, 3.0, None, 5.0, 6.0, None, 8.0])})
_N = ("float64", [1.5, None, 3.0, None, 5.0, 6.0, None, 8.0])

CASES = [
    GoldenCase(
        "parentheses",
        _IN,
        {"source_column": "t", "start_pattern": "(", "end_pattern": ")"},
        frame(
            {
                "t_1": ("string", [None, "a", None, "no delimiters", "open", "", "x)y", ""]),
                "t_2": ("string", [None, "b", None, None, " only", "", "z", None]),
                "t_3": ("string", [None, "c", None, None, None, "", "w", None]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "include-in-split",
        _IN,
        {"source_column": "t", "start_pattern": "(", "include_start": True, "end_pattern": ")", "include_end": True},
        frame(
            {
                "t_1": ("string", [None, "a", None, "no delimiters", "open", "", "x)y", ""]),
                "t_2": ("string", [None, "(b", None, None, "( only", "(", "(z", None]),
                "t_3": ("string", [None, ")c", None, None, None, ")", ")w", None]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "same-delimiter-twice",
        frame({"t": ("string", ["k=v=w", "k", None])}),
        {"source_column": "t", "start_pattern": "=", "end_pattern": "="},
        frame({"t_1": ("string", ["k", "k", None]), "t_2": ("string", ["v", None, None]), "t_3": ("string", ["w", None, None])}),
    ),
    GoldenCase("empty-delimiter", _IN, {"source_column": "t", "start_pattern": "", "end_pattern": ")"}, error="start_pattern"),
    GoldenCase(
        "name-clash",
        frame({"t": ("string", ["a(b)c"]), "t_3": ("string", ["x"])}),
        {"source_column": "t", "start_pattern": "(", "end_pattern": ")"},
        error="column 't_3' already exists",
    ),
]
