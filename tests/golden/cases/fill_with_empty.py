from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase("nulls-and-blanks", _in([None, None, "a", " \t", None, "é"]), {"source_column": "t"}, _in(["", "", "a", "", "", "é"])),
    GoldenCase("all-missing", _in([None] * 5), {"source_column": "t"}, _in([""] * 5)),
    GoldenCase(
        "condition",
        _in([None, None, "a", " \t", None, "é"]),
        {"source_column": "t"},
        _in([None, None, "a", "", "", "é"]),
        conditions=[{"condition": "GREATER_THAN", "target_column": "n", "value": 3}],
    ),
    GoldenCase("not-text", _in([None, None, "a", " \t", None, "é"]), {"source_column": "n"}, error="column 'n' is int64, expected string"),
]
