"""Golden cases for add_double_quotes (in place; missing stays missing; no escaping)."""

from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase("text", _in(["abc", "", "a b", '"q"', "it's", "名"]), {"source_column": "t"}, _in(['"abc"', '""', '"a b"', '""q""', "\"it's\"", '"名"'])),
    GoldenCase("nulls-leading-and-runs", _in([None, None, "x", None, None, "y"]), {"source_column": "t"}, _in([None, None, '"x"', None, None, '"y"'])),
    GoldenCase("category", _in(["a", None, "b", "a", None], "category"), {"source_column": "t"}, _in(['"a"', None, '"b"', '"a"', None])),
    GoldenCase("not-text", _in(["a", "b", "c", "d", "e"]), {"source_column": "n"}, error="expected string or category"),
    GoldenCase("missing-column", _in(["a", "b", "c", "d", "e"]), {"source_column": "zz"}, error="does not exist"),
]
