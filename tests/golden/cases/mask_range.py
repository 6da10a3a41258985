from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]


def _in(t: list, u: list, tt: str = "string"):
    return frame({"n": ("int64", _N[: len(t)]), "t": (tt, t), "u": ("string", u)})


_T = [None, None, "abcdef", "ab", None, "a b-c_d"]
_U = ["4111-2222", None, "", "xy", "12345", "é"]

CASES = [
    GoldenCase(
        "middle-two-columns-nulls",
        _in(_T, _U),
        {"source_columns": ["t", "u"], "start": 1, "stop": 4},
        _in([None, None, "a###ef", "a#", None, "a###c_d"], ["4###-2222", None, "", "x#", "1###5", "é"]),
    ),
    GoldenCase(
        "negative-start-category-symbol",
        _in(["4111-22", None, "ab", "4111-22", None, "x"], _U, "category"),
        {"source_columns": ["t"], "start": -2, "mask_symbol": "*"},
        _in(["4111-**", None, "**", "4111-**", None, "*"], _U),
    ),
    GoldenCase(
        "whole-text-preserve-symbols-whitespace",
        _in(["a b-c_d", None, "abc", "", None, "@x.y"], _U),
        {"source_columns": ["t"], "preserve_symbols": True, "preserve_whitespace": True},
        _in(["# #-#_#", None, "###", "", None, "@#.#"], _U),
    ),
    GoldenCase(
        "inner-range-preserve-symbols-empty-range",
        _in(["a b-c_d", "abcdef", None, "ab", None, "xyz"], _U),
        {"source_columns": ["t"], "start": 1, "stop": -1, "preserve_symbols": True},
        _in(["a##-#_d", "a####f", None, "ab", None, "x#z"], _U),
    ),
    GoldenCase("not-text", _in(_T, _U), {"source_columns": ["n"]}, error="expected string or category"),
    GoldenCase("empty-symbol", _in(_T, _U), {"source_columns": ["t"], "mask_symbol": ""}, error="mask_symbol"),
]
