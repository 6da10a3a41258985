"""Golden cases for second."""

from . import GoldenCase, frame

D = [None, "2024-01-31 13:45:07", None, None, "1999-12-31 23:59:59.900", "2024-02-29 00:00:00", "1970-01-01 00:00:30"]
T = [None, "31/01/2024 13:45:07", "bad", None, "01/02/2024 00:00:59", "", "29/02/2024 10:11:12"]
IN = frame({"d": ("datetime", D), "s": ("string", T)})

CASES = [
    GoldenCase(
        "datetime",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("int64", [None, 7, None, None, 59, 0, 30]), "s": ("string", T)}),
    ),
    GoldenCase(
        "text-with-format",
        IN,
        {"source_column": "s", "date_time_format": "dd/MM/yyyy HH:mm:ss", "target_column": "t"},
        frame({"d": ("datetime", D), "s": ("string", T), "t": ("int64", [None, 7, None, None, 59, None, 12])}),
    ),
    GoldenCase("number-column", frame({"n": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "n", "target_column": "t"}, error="expected datetime"),
]
