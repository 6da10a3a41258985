"""Golden cases for millisecond (truncated, not rounded)."""

from . import GoldenCase, frame

D = [None, "2024-01-31 13:45:07.123999", None, None, "1999-12-31 23:59:59.900", "2024-02-29 00:00:00", "1969-12-31 23:59:59.001"]
T = [None, "2024-01-31T13:45:07.250", "bad", None, "2024-01-31 00:00:00", "", "2024-01-31T10:11:12.5"]
IN = frame({"d": ("datetime", D), "s": ("string", T)})

CASES = [
    GoldenCase(
        "datetime",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("int64", [None, 123, None, None, 900, 0, 1]), "s": ("string", T)}),
    ),
    GoldenCase(
        "iso-text",
        IN,
        {"source_column": "s", "target_column": "t"},
        frame({"d": ("datetime", D), "s": ("string", T), "t": ("int64", [None, 250, None, None, 0, None, 500])}),
    ),
    GoldenCase("number-column", frame({"n": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "n", "target_column": "t"}, error="expected datetime"),
]
