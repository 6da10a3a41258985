from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]


def _in(t: list, u: list, tt: str = "string"):
    return frame({"n": ("int64", _N[: len(t)]), "t": (tt, t), "u": ("string", u)})


_T = [None, None, "call 555-1234", "555555", None, "名555"]
_U = ["a555", "b", None, "", "55", "x"]

CASES = [
    GoldenCase(
        "literal-two-columns-nulls",
        _in(_T, _U),
        {"source_columns": ["t", "u"], "custom_value": "555"},
        _in([None, None, "call ###-1234", "######", None, "名###"], ["a###", "b", None, "", "55", "x"]),
    ),
    GoldenCase(
        "regex-digits-category",
        _in(["ab12", None, "x9y", "ab12", None, "none"], _U, "category"),
        {"source_columns": ["t"], "custom_value": r"\d+", "regex": True, "mask_symbol": "*"},
        _in(["ab**", None, "x*y", "ab**", None, "none"], _U),
    ),
    GoldenCase(
        "regex-false-is-literal",
        _in(["a.b", "axb", None, "..", "", None], _U),
        {"source_columns": ["t"], "custom_value": ".", "mask_symbol": "XY"},
        _in(["aXYb", "axb", None, "XYXY", "", None], _U),
    ),
    GoldenCase("bad-regex", _in(_T, _U), {"source_columns": ["t"], "custom_value": "(", "regex": True}, error="invalid regular expression"),
    GoldenCase("not-text", _in(_T, _U), {"source_columns": ["n"], "custom_value": "5"}, error="expected string or category"),
]
