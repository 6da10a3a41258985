from . import GoldenCase, frame

_A = [None, "a", None, None, "x", "", "é"]
_B = [None, None, "b", None, "y", "", "名"]
_C = [None, 1, 2, None, 3, 4, -5]
_IN = frame({"a": ("string", _A), "b": ("string", _B), "c": ("int64", _C)})

CASES = [
    GoldenCase(
        "missing-skipped",
        _IN,
        {"source_columns": ["a", "b"], "delimiter": "-", "target_column": "ab"},
        frame({"a": ("string", _A), "ab": ("string", [None, "a", "b", None, "x-y", "-", "é-名"]), "b": ("string", _B), "c": ("int64", _C)}),
    ),
    GoldenCase(
        "three-with-number-no-delimiter",
        _IN,
        {"source_columns": ["c", "a", "b"], "target_column": "m"},
        frame({"a": ("string", _A), "b": ("string", _B), "c": ("int64", _C), "m": ("string", [None, "1a", "2b", None, "3xy", "4", "-5é名"])}),
    ),
    GoldenCase(
        "types-as-text",
        frame({"d": ("datetime", ["2024-01-31 13:45:00", None, None, "1999-12-31 00:00:00", None]), "f": ("boolean", [True, None, False, None, True]), "x": ("float64", [1.5, None, None, 2.0, 0.25])}),
        {"source_columns": ["d", "f", "x"], "delimiter": " | ", "target_column": "m"},
        frame(
            {
                "d": ("datetime", ["2024-01-31 13:45:00", None, None, "1999-12-31 00:00:00", None]),
                "m": ("string", ["2024-01-31 13:45:00 | true | 1.5", None, "false", "1999-12-31 00:00:00 | 2.0", "true | 0.25"]),
                "f": ("boolean", [True, None, False, None, True]),
                "x": ("float64", [1.5, None, None, 2.0, 0.25]),
            }
        ),
    ),
    GoldenCase("one-column", _IN, {"source_columns": ["a"], "delimiter": "-", "target_column": "m"}, error="source_columns"),
    GoldenCase("missing-column", _IN, {"source_columns": ["a", "q"], "delimiter": "-", "target_column": "m"}, error="column 'q' does not exist"),
]
