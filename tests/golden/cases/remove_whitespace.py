from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6, 7]
_T = [None, "  a b  c ", None, None, "\t tab\nline", "nö\u00a0brëak\u3000x", ""]
_OUT = [None, "abc", None, None, "tabline", "nöbrëakx", ""]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase("in-place", _in(_T), {"source_column": "t"}, _in(_OUT)),
    GoldenCase(
        "into-target",
        _in(_T),
        {"source_column": "t", "target_column": "t2"},
        frame({"n": ("int64", _N), "t": ("string", _T), "t2": ("string", _OUT)}),
    ),
    GoldenCase("all-missing", _in([None] * 5), {"source_column": "t"}, _in([None] * 5)),
    GoldenCase(
        "condition",
        _in(_T),
        {"source_column": "t"},
        _in([None, "  a b  c ", None, None, "tabline", "nöbrëakx", ""]),
        conditions=[{"condition": "GREATER_THAN_EQUAL", "target_column": "n", "value": 3}],
    ),
    GoldenCase("not-text", _in(_T), {"source_column": "n"}, error="expected string or category"),
]
