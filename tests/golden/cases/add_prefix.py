from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5]
_T = [None, "x", None, "", "名"]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase("text", _in(_T), {"source_column": "t", "pattern": "id-"}, _in([None, "id-x", None, "id-", "id-名"])),
    GoldenCase("unicode-prefix-category", _in(["a", None, "b", "a", None], "category"), {"source_column": "t", "pattern": "é_"}, _in(["é_a", None, "é_b", "é_a", None])),
    GoldenCase("all-missing", _in([None] * 5), {"source_column": "t", "pattern": "p"}, _in([None] * 5)),
    GoldenCase("not-text", _in(_T), {"source_column": "n", "pattern": "p"}, error="expected string or category"),
    GoldenCase("empty-prefix", _in(_T), {"source_column": "t", "pattern": ""}, error="pattern"),
]
