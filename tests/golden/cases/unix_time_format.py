"""Golden cases for unix_time_format (seconds since the epoch to date text)."""

from . import GoldenCase, frame

N = [None, 0, None, None, 86401, -1, 946684800]
F = [None, 1.5, None, 90000.0, None, -3600.25]
IN = frame({"n": ("int64", N), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])})

CASES = [
    GoldenCase(
        "java-pattern",
        IN,
        {"source_column": "n", "date_time_format": "yyyy-MM-dd HH:mm:ss", "target_column": "t"},
        frame({"n": ("int64", N), "t": ("string", [None, "1970-01-01 00:00:00", None, None, "1970-01-02 00:00:01", "1969-12-31 23:59:59", "2000-01-01 00:00:00"]), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])}),
    ),
    GoldenCase(
        "float-default-format",
        frame({"f": ("float64", F)}),
        {"source_column": "f", "target_column": "t"},
        frame({"f": ("float64", F), "t": ("string", [None, "1970-01-01 00:00:01.5", None, "1970-01-02 01:00:00", None, "1969-12-31 22:59:59.75"])}),
    ),
    GoldenCase(
        "day-first",
        IN,
        {"source_column": "n", "date_time_format": "dd/MM/yyyy", "target_column": "t"},
        frame({"n": ("int64", N), "t": ("string", [None, "01/01/1970", None, None, "02/01/1970", "31/12/1969", "01/01/2000"]), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["1", "2", "3", "4", "5"])}), {"source_column": "s", "target_column": "t"}, error="expected int64 or float64"),
]
