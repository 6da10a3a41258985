from . import GoldenCase, frame

_T = [None, "hello wORLD", None, None, "straße ünïcode", "", "  mixed Case 123 ", "o'neil-smith\tx"]
_N = [1, 2, 3, 4, 5, 6, 7, 8]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase(
        "text-with-nulls",
        _in(_T),
        {"source_column": "t"},
        _in([None, "Hello world", None, None, "Straße ünïcode", "", "  Mixed case 123 ", "O'neil-smith\tx"]),
    ),
    GoldenCase(
        "category-unicode",
        _in(["\"hELLO. wORLD\"", None, "3 PIGS", "ÉCOLE", None], "category"),
        {"source_column": "t"},
        _in(["\"Hello. world\"", None, "3 Pigs", "École", None]),
    ),
    GoldenCase(
        "all-missing",
        _in([None, None, None, None, None]),
        {"source_column": "t"},
        _in([None, None, None, None, None]),
    ),
    GoldenCase(
        "condition",
        _in(_T),
        {"source_column": "t"},
        _in([None, "hello wORLD", None, None, "Straße ünïcode", "", "  Mixed case 123 ", "O'neil-smith\tx"]),
        conditions=[{"condition": "GREATER_THAN", "target_column": "n", "value": 4}],
    ),
    GoldenCase("not-text", _in(_T), {"source_column": "n"}, error="column 'n' is int64, expected string or category"),
]
