from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6, 7]
_T = [None, "  both  ", None, None, "\t tab\n", "in  side", "\u00a0nbsp\u3000"]
_TRIMMED = [None, "both", None, None, "tab", "in  side", "nbsp"]


def _in(values: list, t: str = "string"):
    return frame({"n": ("int64", _N[: len(values)]), "t": (t, values)})


CASES = [
    GoldenCase("in-place", _in(_T), {"source_column": "t"}, _in(_TRIMMED)),
    GoldenCase(
        "into-target",
        _in(_T),
        {"source_column": "t", "target_column": "clean é"},
        frame({"n": ("int64", _N), "t": ("string", _T), "clean é": ("string", _TRIMMED)}),
    ),
    GoldenCase(
        "target-placed-after-source",
        frame({"t": ("string", _T), "n": ("int64", _N)}),
        {"source_column": "t", "target_column": "t2"},
        frame({"t": ("string", _T), "t2": ("string", _TRIMMED), "n": ("int64", _N)}),
    ),
    GoldenCase("category", _in([" a ", None, "b ", " a ", ""], "category"), {"source_column": "t"}, _in(["a", None, "b", "a", ""])),
    GoldenCase("all-missing", _in([None] * 5), {"source_column": "t"}, _in([None] * 5)),
    GoldenCase("target-exists", _in(_T), {"source_column": "t", "target_column": "n"}, error="column 'n' already exists"),
]
