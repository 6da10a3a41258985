"""Golden cases for unix_time (whole seconds since the epoch, rounded down)."""

from . import GoldenCase, frame

D = [None, "1970-01-01 00:00:00", None, None, "1970-01-02 00:00:01.999", "1969-12-31 23:59:59.500", "2000-01-01 00:00:00"]
T = [None, "01/01/1970 00:01", "bad", None, "02/01/1970 01:00", "", "31/12/1969 23:00"]
IN = frame({"d": ("datetime", D), "s": ("string", T)})

CASES = [
    GoldenCase(
        "datetime",
        IN,
        {"source_column": "d", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("int64", [None, 0, None, None, 86401, -1, 946684800]), "s": ("string", T)}),
    ),
    GoldenCase(
        "text-with-format",
        IN,
        {"source_column": "s", "date_time_format": "dd/MM/yyyy HH:mm", "target_column": "t"},
        frame({"d": ("datetime", D), "s": ("string", T), "t": ("int64", [None, 60, None, None, 90000, None, -3600])}),
    ),
    GoldenCase("number-column", frame({"n": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "n", "target_column": "t"}, error="expected datetime"),
]
