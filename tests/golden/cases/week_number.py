"""Golden cases for week_number (ISO 8601 weeks)."""

from . import GoldenCase, frame

D = [None, "2024-01-31 13:45:07", None, None, "1999-12-31 23:59:59", "2021-01-01 00:00:00", "2024-12-30 08:00:00"]
T = [None, "15/03/2024", "bad", None, "01/06/2024", "", "02/01/2024"]
IN = frame({"d": ("datetime", D), "s": ("string", T)})

CASES = [
    GoldenCase(
        "datetime",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("int64", [None, 5, None, None, 52, 53, 1]), "s": ("string", T)}),
    ),
    GoldenCase(
        "text-with-format",
        IN,
        {"source_column": "s", "date_time_format": "dd/MM/yyyy", "target_column": "t"},
        frame({"d": ("datetime", D), "s": ("string", T), "t": ("int64", [None, 11, None, None, 22, None, 1])}),
    ),
    GoldenCase("number-column", frame({"n": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "n", "target_column": "t"}, error="expected datetime"),
]
