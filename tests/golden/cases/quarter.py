"""Golden cases for quarter."""

from . import GoldenCase, frame

D = [None, "2024-01-31 13:45:07", None, None, "1999-12-31 23:59:59", "2024-04-01 00:00:00", "1970-09-30 00:00:00"]
T = [None, "2024-03-31", "bad", None, "2024-07-01", "", "2024-10-15"]
IN = frame({"d": ("datetime", D), "s": ("string", T)})

CASES = [
    GoldenCase(
        "datetime",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("int64", [None, 1, None, None, 4, 2, 3]), "s": ("string", T)}),
    ),
    GoldenCase(
        "iso-text",
        IN,
        {"source_column": "s", "target_column": "t"},
        frame({"d": ("datetime", D), "s": ("string", T), "t": ("int64", [None, 1, None, None, 3, None, 4])}),
    ),
    GoldenCase("number-column", frame({"n": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "n", "target_column": "t"}, error="expected datetime"),
]
