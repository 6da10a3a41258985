"""Golden cases for month_name (full English names)."""

from . import GoldenCase, frame

D = [None, "2024-01-31 13:45:07", None, None, "1999-12-31 23:59:59.900", "2024-02-29 00:00:00", "1970-09-01 00:00:30"]
T = [None, "31/01/2024", "bad", None, "01/05/2024", "", "29/02/2024"]
IN = frame({"d": ("datetime", D), "s": ("string", T)})

CASES = [
    GoldenCase(
        "datetime",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("string", [None, "January", None, None, "December", "February", "September"]), "s": ("string", T)}),
    ),
    GoldenCase(
        "text-with-format",
        IN,
        {"source_column": "s", "date_time_format": "dd/MM/yyyy", "target_column": "t"},
        frame({"d": ("datetime", D), "s": ("string", T), "t": ("string", [None, "January", None, None, "May", None, "February"])}),
    ),
    GoldenCase("number-column", frame({"n": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "n", "target_column": "t"}, error="expected datetime"),
]
