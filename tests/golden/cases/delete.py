from . import GoldenCase, frame

_IN = frame(
    {
        "a": ("int64", [None, None, 3, None, 5, 6]),
        "é b": ("string", [None, "x", None, None, "ü", ""]),
        "c": ("float64", [1.5, None, None, 2.0, None, 0.0]),
    }
)

CASES = [
    GoldenCase(
        "one",
        _IN,
        {"source_columns": ["a"]},
        frame({"é b": ("string", [None, "x", None, None, "ü", ""]), "c": ("float64", [1.5, None, None, 2.0, None, 0.0])}),
    ),
    GoldenCase(
        "single-key-unicode",
        _IN,
        {"source_column": "é b"},
        frame({"a": ("int64", [None, None, 3, None, 5, 6]), "c": ("float64", [1.5, None, None, 2.0, None, 0.0])}),
    ),
    GoldenCase("several", _IN, {"source_columns": ["c", "a"]}, frame({"é b": ("string", [None, "x", None, None, "ü", ""])})),
    GoldenCase("missing-column", _IN, {"source_columns": ["a", "d"]}, error="column 'd' does not exist"),
    GoldenCase(
        "condition-refused",
        _IN,
        {"source_columns": ["a"]},
        conditions=[{"condition": "IS_MISSING", "target_column": "c"}],
        error="condition cannot restrict",
    ),
]
