"""Golden cases for categorical_mapping (others: deleted > kept > other > missing)."""

from . import GoldenCase, frame

S = [None, None, "red", "blue", "teal", None, "red"]
K = [0, 1, 2, 3, 4, 5, 6]
IN = frame({"s": ("string", S), "k": ("int64", K)})
MAP = {"red": "warm", "blue": "cold"}


def _out(m, rows=None):
    rows = range(len(S)) if rows is None else rows
    return frame({"s": ("string", [S[i] for i in rows]), "m": ("string", [m[i] for i in rows]), "k": ("int64", [K[i] for i in rows])})


CASES = [
    GoldenCase("others-missing", IN, {"source_column": "s", "target_column": "m", "category_map": MAP}, _out([None, None, "warm", "cold", None, None, "warm"])),
    GoldenCase(
        "keep-others-string-params",
        IN,
        {"source_column": "s", "target_column": "m", "category_map": MAP, "keep_others": "true", "other": "x"},
        _out([None, None, "warm", "cold", "teal", None, "warm"]),
    ),
    GoldenCase(
        "other-value",
        IN,
        {"source_column": "s", "target_column": "m", "category_map": MAP, "other": "misc"},
        _out([None, None, "warm", "cold", "misc", None, "warm"]),
    ),
    GoldenCase(
        "delete-other-rows",
        IN,
        {"source_column": "s", "target_column": "m", "category_map": MAP, "delete_other_rows": True},
        _out([None, None, "warm", "cold", None, None, "warm"], [0, 1, 2, 3, 5, 6]),
    ),
    GoldenCase(
        "int-column-matched-as-text",
        IN,
        {"source_column": "k", "target_column": "m", "category_map": {"1": "one", "4": "four"}},
        frame({"s": ("string", S), "k": ("int64", K), "m": ("string", [None, "one", None, None, "four", None, None])}),
    ),
    GoldenCase("numeric-map-type", IN, {"source_column": "s", "target_column": "m", "category_map": MAP, "map_type": "NUMERIC"}, error="mapType 'NUMERIC' is not supported"),
]
