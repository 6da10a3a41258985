from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]
_T = [None, "a.b.c", None, None, "Café café", "2024-01-31"]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase(
        "literal-dot-every-occurrence",
        _in(_T),
        {"source_column": "t", "pattern": ".", "value": "/"},
        _in([None, "a/b/c", None, None, "Café café", "2024-01-31"]),
    ),
    GoldenCase(
        "literal-unicode-case-sensitive",
        _in(_T),
        {"source_column": "t", "pattern": "café", "value": "thé"},
        _in([None, "a.b.c", None, None, "Café thé", "2024-01-31"]),
    ),
    GoldenCase(
        "regex-groups",
        _in(_T),
        {"source_column": "t", "pattern": r"(\d{4})-(\d{2})-(\d{2})", "value": r"\3/\2/\1", "regex": True},
        _in([None, "a.b.c", None, None, "Café café", "31/01/2024"]),
    ),
    GoldenCase(
        "regex-delete",
        _in(_T),
        {"source_column": "t", "pattern": r"[^a-z]", "value": "", "regex": True},
        _in([None, "abc", None, None, "afcaf", ""]),
    ),
    GoldenCase("all-missing", _in([None] * 5), {"source_column": "t", "pattern": "x", "value": "y"}, _in([None] * 5)),
    GoldenCase(
        "bad-regex",
        _in(_T),
        {"source_column": "t", "pattern": "(a", "value": "", "regex": True},
        error="invalid regular expression '(a'",
    ),
    GoldenCase(
        "lookahead",
        _in(_T),
        {"source_column": "t", "pattern": r"\d(?=-)", "value": "#", "regex": True},
        _in([None, "a.b.c", None, None, "Café café", "202#-0#-31"]),
    ),
    GoldenCase(
        "unicode-word-class",
        _in(_T),
        {"source_column": "t", "pattern": r"\w+", "value": "w", "regex": True},
        _in([None, "w.w.w", None, None, "w w", "w-w-w"]),
    ),
    GoldenCase("empty-pattern", _in(_T), {"source_column": "t", "pattern": "", "value": "y"}, error="pattern"),
]
