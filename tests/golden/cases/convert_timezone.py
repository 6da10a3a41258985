"""Golden cases for convert_timezone (wall clock to wall clock; DST gaps missing, repeats first)."""

from . import GoldenCase, frame

D = [None, "2024-01-15 12:00:00", None, None, "2024-07-15 12:00:00", "2024-03-10 02:30:00", "2024-11-03 01:30:00"]
K = [1, 2, 3, 4, 5, 6, 7]
IN = frame({"d": ("datetime", D), "k": ("int64", K)})

CASES = [
    GoldenCase(
        "new-york-to-utc",
        IN,
        {"source_column": "d", "from_time_zone": "America/New_York", "to_time_zone": "UTC", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("datetime", [None, "2024-01-15 17:00:00", None, None, "2024-07-15 16:00:00", None, "2024-11-03 05:30:00"]), "k": ("int64", K)}),
    ),
    GoldenCase(
        "utc-to-kolkata-formatted",
        IN,
        {"source_column": "d", "from_time_zone": "UTC", "to_time_zone": "Asia/Kolkata", "date_time_format": "yyyy-MM-dd HH:mm", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("string", [None, "2024-01-15 17:30", None, None, "2024-07-15 17:30", "2024-03-10 08:00", "2024-11-03 07:00"]), "k": ("int64", K)}),
    ),
    GoldenCase(
        "iso-text",
        frame({"s": ("string", [None, "2024-06-01T00:00:00", "bad", None, "2024-12-01 23:30:00"])}),
        {"source_column": "s", "from_time_zone": "Europe/Paris", "to_time_zone": "UTC", "target_column": "t"},
        frame({"s": ("string", [None, "2024-06-01T00:00:00", "bad", None, "2024-12-01 23:30:00"]), "t": ("datetime", [None, "2024-05-31 22:00:00", None, None, "2024-12-01 22:30:00"])}),
    ),
    GoldenCase("unknown-zone", IN, {"source_column": "d", "from_time_zone": "Mars/Base", "to_time_zone": "UTC", "target_column": "t"}, error="unknown time zone"),
    GoldenCase("number-column", IN, {"source_column": "k", "from_time_zone": "UTC", "to_time_zone": "UTC", "target_column": "t"}, error="expected datetime"),
]
