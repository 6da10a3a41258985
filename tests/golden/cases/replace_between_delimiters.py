"""Golden cases for replace_between_delimiters (every occurrence; delimiters kept; literal value)."""

from . import GoldenCase, frame

S = [None, "a<b>c", None, None, "<x>y<z>", "none", ""]
N = [1, 2, 3, 4, 5, 6, 7]


def _in(values: list, t: str = "string"):
    return frame({"s": (t, values), "n": ("int64", N[: len(values)])})


CASES = [
    GoldenCase(
        "every-occurrence",
        _in(S),
        {"source_column": "s", "start_pattern": "<", "end_pattern": ">", "value": "#"},
        _in([None, "a<#>c", None, None, "<#>y<#>", "none", ""]),
    ),
    GoldenCase(
        "literal-backslash-regex-delims",
        _in(["k=v;", None, "k=;x=1;", "k", None]),
        {"source_column": "s", "start_pattern": "=", "end_pattern": "[;,]", "value": "\\1"},
        _in(["k=\\1;", None, "k=\\1;x=\\1;", "k", None]),
    ),
    GoldenCase(
        "category-empty-value",
        _in(["(a)", None, "(bc)d", "(a)", None], "category"),
        {"source_column": "s", "start_pattern": r"\(", "end_pattern": r"\)", "value": ""},
        _in(["()", None, "()d", "()", None]),
    ),
    GoldenCase("bad-regex", _in(S), {"source_column": "s", "start_pattern": "[", "end_pattern": "]", "value": "x"}, error="invalid regular expression"),
    GoldenCase("number-column", _in(S), {"source_column": "n", "start_pattern": "a", "end_pattern": "b", "value": "x"}, error="expected string or category"),
]
