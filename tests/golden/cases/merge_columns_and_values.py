"""Golden cases for merge_columns_and_values (text of several columns joined with a delimiter)."""

from __future__ import annotations

from . import GoldenCase, frame

LAST = ["Doe", None, "Roe", None, ""]
BORN = ["1980-01-31", "1990-05-01", None, None, "2000-12-24"]
N = [1, 2, None, 4, 5]
IN = frame({"last_name": ("string", LAST), "birth_date": ("datetime", BORN), "n": ("int64", N)})

CASES = [
    GoldenCase(
        "documented-example",
        IN,
        {"source_columns": ["last_name", "birth_date"], "delimiter": " was born on: ", "target_column": "merged"},
        frame({
            "last_name": ("string", LAST),
            "merged": ("string", ["Doe was born on: 1980-01-31 00:00:00", "1990-05-01 00:00:00", "Roe", None, " was born on: 2000-12-24 00:00:00"]),
            "birth_date": ("datetime", BORN),
            "n": ("int64", N),
        }),
    ),
    GoldenCase(
        "no-delimiter-numbers",
        IN,
        {"source_columns": ["n", "last_name"], "target_column": "merged"},
        frame({
            "last_name": ("string", LAST),
            "birth_date": ("datetime", BORN),
            "n": ("int64", N),
            "merged": ("string", ["1Doe", "2", "Roe", "4", "5"]),
        }),
    ),
    GoldenCase("one-column", IN, {"source_columns": ["n"], "target_column": "merged"}, error="source_columns"),
    GoldenCase("unknown-column", IN, {"source_columns": ["n", "nn"], "target_column": "merged"}, error="column 'nn' does not exist"),
]
