"""Golden cases for nest_to_map (keys = column names; common value type)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="int_and_float_values_as_floats",
        input=frame({"age": ("int64", [30, None, 25]), "weight_kg": ("float64", [70.5, 60.0, None]),
                     "name": ("string", ["ann", "bob", None])}),
        params={"source_columns": ["age", "weight_kg"], "target_column": "m"},
        expected=frame({
            "age": ("int64", [30, None, 25]),
            "m": ("object", [{"age": 30.0, "weight_kg": 70.5}, {"age": None, "weight_kg": 60.0},
                             {"age": 25.0, "weight_kg": None}]),
            "weight_kg": ("float64", [70.5, 60.0, None]),
            "name": ("string", ["ann", "bob", None]),
        }),
    ),
    GoldenCase(
        name="text_and_boolean_as_text_sources_removed",
        input=frame({"k": ("int64", [1, 2, 3]), "name": ("string", ["ann", None, "cy"]),
                     "ok": ("boolean", [True, None, False])}),
        params={"source_columns": ["ok", "name"], "target_column": "m", "remove_source_columns": True},
        expected=frame({
            "k": ("int64", [1, 2, 3]),
            "m": ("object", [{"ok": "true", "name": "ann"}, {"ok": None, "name": None},
                             {"ok": "false", "name": "cy"}]),
        }),
    ),
    GoldenCase(
        name="all_null",
        input=frame({"a": ("float64", [None, None])}),
        params={"source_columns": ["a"], "target_column": "m", "remove_source_columns": True},
        expected=frame({"m": ("object", [{"a": None}, {"a": None}])}),
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"a": ("int64", [1]), "m": ("int64", [2])}),
        params={"source_columns": ["a"], "target_column": "m"},
        error="column 'm' already exists",
    ),
]
