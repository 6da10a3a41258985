from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5]
_T = [None, "x", None, "", "名"]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase("text", _in(_T), {"source_column": "t", "pattern": ".csv"}, _in([None, "x.csv", None, ".csv", "名.csv"])),
    GoldenCase("unicode-suffix-category", _in(["a", None, "b", "a", None], "category"), {"source_column": "t", "pattern": "_é"}, _in(["a_é", None, "b_é", "a_é", None])),
    GoldenCase("all-missing", _in([None] * 5), {"source_column": "t", "pattern": "p"}, _in([None] * 5)),
    GoldenCase(
        "condition",
        _in(_T),
        {"source_column": "t", "pattern": "!"},
        _in([None, "x", None, "!", "名!"]),
        conditions=[{"condition": "GREATER_THAN", "target_column": "n", "value": 3}],
    ),
    GoldenCase("not-text", _in(_T), {"source_column": "n", "pattern": "p"}, error="expected string or category"),
]
