"""Golden cases for nest_to_struct (each field keeps its column's type)."""

import datetime

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="types_kept_in_field_order",
        input=frame({"id": ("int64", [1, 2, 3]), "name": ("string", ["ann", None, "cy"]),
                     "age": ("int64", [30, 41, None]), "when": ("datetime", ["2024-01-02T03:04:05", None, None]),
                     "ok": ("boolean", [True, None, False])}),
        params={"source_columns": ["name", "age", "when", "ok"], "target_column": "person",
                "remove_source_columns": True},
        expected=frame({
            "id": ("int64", [1, 2, 3]),
            "person": ("object", [
                {"name": "ann", "age": 30, "when": datetime.datetime(2024, 1, 2, 3, 4, 5), "ok": True},
                {"name": None, "age": 41, "when": None, "ok": None},
                {"name": "cy", "age": None, "when": None, "ok": False},
            ]),
        }),
    ),
    GoldenCase(
        name="nested_field_and_sources_kept",
        input=frame({"tags": ("object", [["a", "b"], None]), "n": ("float64", [1.5, None])}),
        params={"source_columns": ["n", "tags"], "target_column": "s"},
        expected=frame({
            "tags": ("object", [["a", "b"], None]),
            "n": ("float64", [1.5, None]),
            "s": ("object", [{"n": 1.5, "tags": ["a", "b"]}, {"n": None, "tags": None}]),
        }),
    ),
    GoldenCase(
        name="no_columns",
        input=frame({"a": ("int64", [1])}),
        params={"source_columns": [], "target_column": "s"},
        error="at least 1 item",
    ),
]
