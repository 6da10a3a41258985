"""Golden cases for remove_invalid (text not readable as the type; missing and blank kept)."""

from . import GoldenCase, frame

S = [None, None, "12", " 3.5 ", "abc", None, "", "1e3", "7x"]
K = [0, 1, 2, 3, 4, 5, 6, 7, 8]
IN = frame({"s": ("string", S), "k": ("int64", K)})


def _keep(*rows: int):
    return frame({"s": ("string", [S[i] for i in rows]), "k": ("int64", [K[i] for i in rows])})


CASES = [
    # "abc" and "7x" are not numbers; nulls (leading, run) and blank "" are kept
    GoldenCase("number", IN, {"source_column": "s"}, _keep(0, 1, 2, 3, 5, 6, 7)),
    # " 3.5 " has a fraction; "1e3" is 1000, a whole number
    GoldenCase("integer", IN, {"source_column": "s", "column_data_type": "integer"}, _keep(0, 1, 2, 5, 6, 7)),
    GoldenCase(
        "boolean",
        frame({"b": ("string", ["Yes", None, "TRUE", "maybe", "0", "2"])}),
        {"source_column": "b", "column_data_type": "boolean"},
        frame({"b": ("string", ["Yes", None, "TRUE", "0"])}),
    ),
    GoldenCase(
        "date",
        frame({"d": ("string", [None, "2024-01-31", "not a date", "2023-02-30", "2020-05-01 10:00:00"])}),
        {"source_column": "d", "column_data_type": "date"},
        frame({"d": ("string", [None, "2024-01-31", "2020-05-01 10:00:00"])}),
    ),
    GoldenCase("typed-column-unchanged", IN, {"source_column": "k"}, IN),
    GoldenCase("missing-column", IN, {"source_column": "zz"}, error="column 'zz' does not exist"),
]
