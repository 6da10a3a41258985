from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase("empty-and-blank", _in(["", None, "a", " \t", "\u3000", "é"]), {"source_column": "t"}, _in([None, None, "a", None, None, "é"])),
    GoldenCase("category", _in(["", None, "a", "", "b"], "category"), {"source_column": "t"}, _in([None, None, "a", None, "b"], "category")),
    GoldenCase("number-unchanged", _in([None, None, 3, None, 0, 6], "int64"), {"source_column": "t"}, _in([None, None, 3, None, 0, 6], "int64")),
    GoldenCase("all-empty", _in([""] * 5), {"source_column": "t"}, _in([None] * 5)),
    GoldenCase("missing-column", _in([""] * 5), {"source_column": "x"}, error="column 'x' does not exist"),
]
