from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]
_T = [None, "order 123 and 456", None, None, "no digits", "ünï 7"]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


def _out(values: list):
    return frame({"n": ("int64", _N), "t": ("string", _T), "m": ("string", values)})


CASES = [
    GoldenCase("first-match", _in(_T), {"source_column": "t", "pattern": r"\d+", "target_column": "m"}, _out([None, "123", None, None, None, "7"])),
    GoldenCase(
        "first-group",
        _in(_T),
        {"source_column": "t", "pattern": r"(\w+) (\d+)", "target_column": "m"},
        _out([None, "order", None, None, None, "ünï"]),
    ),
    GoldenCase(
        "optional-group-not-taken",
        _in(_T),
        {"source_column": "t", "pattern": r"(x)?digits", "target_column": "m"},
        _out([None, None, None, None, None, None]),
    ),
    GoldenCase("all-missing", _in([None] * 5), {"source_column": "t", "pattern": "a", "target_column": "m"}, frame({"n": ("int64", _N[:5]), "t": ("string", [None] * 5), "m": ("string", [None] * 5)})),
    GoldenCase("bad-regex", _in(_T), {"source_column": "t", "pattern": "[a-", "target_column": "m"}, error="invalid regular expression"),
    GoldenCase("target-exists", _in(_T), {"source_column": "t", "pattern": "a", "target_column": "n"}, error="already exists"),
]
