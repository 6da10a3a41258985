from . import GoldenCase, frame

_IN = frame({"a": ("int64", [1, None, 3, 4, None]), "é b": ("string", ["x", None, "ü", "", "y"])})

CASES = [
    GoldenCase(
        "basic",
        _IN,
        {"source_column": "a", "target_column": "alpha"},
        frame({"alpha": ("int64", [1, None, 3, 4, None]), "é b": ("string", ["x", None, "ü", "", "y"])}),
    ),
    GoldenCase(
        "unicode",
        _IN,
        {"source_column": "é b", "target_column": "名前"},
        frame({"a": ("int64", [1, None, 3, 4, None]), "名前": ("string", ["x", None, "ü", "", "y"])}),
    ),
    GoldenCase("missing-column", _IN, {"source_column": "b", "target_column": "c"}, error="column 'b' does not exist"),
    GoldenCase("target-exists", _IN, {"source_column": "a", "target_column": "é b"}, error="already exists"),
]
