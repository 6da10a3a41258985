from . import GoldenCase, frame

_IN = frame(
    {
        "k": ("string", ["a", "b", "a", None, None, "b", "a"]),
        "v": ("int64", [1, 2, 1, None, None, 3, 2]),
    }
)

CASES = [
    GoldenCase(
        "all-columns",
        _IN,
        {},
        frame({"k": ("string", ["a", "b", None, "b", "a"]), "v": ("int64", [1, 2, None, 3, 2])}),
    ),
    GoldenCase(
        "subset-keep-first",
        _IN,
        {"source_columns": ["k"]},
        frame({"k": ("string", ["a", "b", None]), "v": ("int64", [1, 2, None])}),
    ),
    GoldenCase(
        "no-duplicates",
        frame({"x": ("float64", [1.5, 2.5, None, 3.5, 4.5])}),
        {},
        frame({"x": ("float64", [1.5, 2.5, None, 3.5, 4.5])}),
    ),
    GoldenCase("bad-column", _IN, {"source_columns": ["kk"]}, error="does not exist"),
]
