from . import GoldenCase, frame

_IN = frame(
    {
        "k": ("string", ["b", None, "a", "c", "a", None, "b"]),
        "v": ("int64", [1, 2, 3, 4, 5, 6, 7]),
    }
)

CASES = [
    GoldenCase(
        "ascending-stable-nulls-bottom",
        _IN,
        {"expressions": [{"source_column": "k"}]},
        frame({"k": ("string", ["a", "a", "b", "b", "c", None, None]), "v": ("int64", [3, 5, 1, 7, 4, 2, 6])}),
    ),
    GoldenCase(
        "descending-nulls-top",
        _IN,
        {"expressions": [{"source_column": "k", "ordering": "DESCENDING", "nulls_ordering": "NULLS_TOP"}]},
        frame({"k": ("string", [None, None, "c", "b", "b", "a", "a"]), "v": ("int64", [2, 6, 4, 1, 7, 3, 5])}),
    ),
    GoldenCase(
        "two-keys",
        _IN,
        {"expressions": [{"source_column": "k"}, {"source_column": "v", "ordering": "DESCENDING"}]},
        frame({"k": ("string", ["a", "a", "b", "b", "c", None, None]), "v": ("int64", [5, 3, 7, 1, 4, 6, 2])}),
    ),
    GoldenCase(
        # every key missing: no cut points can be sampled; the second key still orders the rows
        "all-missing-first-key",
        frame({"k": ("float64", [None] * 5), "v": ("int64", [3, 1, 5, 2, 4])}),
        {"expressions": [{"source_column": "k", "ordering": "DESCENDING"}, {"source_column": "v"}]},
        frame({"k": ("float64", [None] * 5), "v": ("int64", [1, 2, 3, 4, 5])}),
    ),
    GoldenCase("bad-column", _IN, {"expressions": [{"source_column": "z"}]}, error="does not exist"),
]
