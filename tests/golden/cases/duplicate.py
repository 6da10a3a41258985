from . import GoldenCase, frame

_A = [None, None, 3, None, 5, 6]
_B = [None, "x", None, None, "ü 名", ""]
_IN = frame({"a": ("int64", _A), "é b": ("string", _B), "d": ("datetime", [None, "2024-01-31 10:00:00", None, None, "1999-12-31 23:59:59", "2024-02-29 00:00:00"])})

CASES = [
    GoldenCase(
        "int-in-the-middle",
        _IN,
        {"source_column": "a", "target_column": "a copy"},
        frame({"a": ("int64", _A), "a copy": ("int64", _A), "é b": ("string", _B), "d": ("datetime", [None, "2024-01-31 10:00:00", None, None, "1999-12-31 23:59:59", "2024-02-29 00:00:00"])}),
    ),
    GoldenCase(
        "unicode-last",
        frame({"a": ("int64", _A), "é b": ("string", _B)}),
        {"source_column": "é b", "target_column": "名前"},
        frame({"a": ("int64", _A), "é b": ("string", _B), "名前": ("string", _B)}),
    ),
    GoldenCase(
        "datetime",
        _IN.drop(columns=["a", "é b"]),
        {"source_column": "d", "target_column": "d2"},
        frame({"d": ("datetime", [None, "2024-01-31 10:00:00", None, None, "1999-12-31 23:59:59", "2024-02-29 00:00:00"]), "d2": ("datetime", [None, "2024-01-31 10:00:00", None, None, "1999-12-31 23:59:59", "2024-02-29 00:00:00"])}),
    ),
    GoldenCase(
        "condition-leaves-others-missing",
        frame({"a": ("int64", _A), "é b": ("string", _B)}),
        {"source_column": "é b", "target_column": "copy"},
        frame({"a": ("int64", _A), "é b": ("string", _B), "copy": ("string", [None, None, None, None, "ü 名", ""])}),
        conditions=[{"condition": "GREATER_THAN", "target_column": "a", "value": 4}],
    ),
    GoldenCase("target-exists", _IN, {"source_column": "a", "target_column": "é b"}, error="already exists"),
    GoldenCase("same-name", _IN, {"source_column": "a", "target_column": "a"}, error="needs another name"),
]
