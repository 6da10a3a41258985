"""Golden cases for unnest_map (one row per key/value pair; missing or empty maps keep one row)."""

from tests.golden.cases import GoldenCase, frame

PRICES = [{"small": 1, "large": 3}, None, {}, {"one": 7}]

CASES = [
    GoldenCase(
        name="pairs_into_prefixed_columns",
        input=frame({"id": ("int64", [1, 2, 3, 4]), "price": ("object", PRICES)}),
        params={"source_column": "price", "target_column": "p", "remove_source_column": True, "value_type": "int64"},
        expected=frame({
            "id": ("int64", [1, 1, 2, 3, 4]),
            "p.key": ("string", ["small", "large", None, None, "one"]),
            "p.value": ("int64", [1, 3, None, None, 7]),
        }),
    ),
    GoldenCase(
        name="default_prefix_values_as_they_are",
        input=frame({"m": ("object", [{"a": [1, 2], "b": [3]}, {"c": []}]), "k": ("string", ["x", "y"])}),
        params={"source_column": "m"},
        expected=frame({
            "m": ("object", [{"a": [1, 2], "b": [3]}, {"a": [1, 2], "b": [3]}, {"c": []}]),
            "m.key": ("string", ["a", "b", "c"]),
            "m.value": ("object", [[1, 2], [3], []]),
            "k": ("string", ["x", "x", "y"]),
        }),
    ),
    GoldenCase(
        name="values_as_text",
        input=frame({"m": ("object", [{"t": 1.5, "u": None}, None])}),
        params={"source_column": "m", "value_type": "string", "remove_source_column": True},
        expected=frame({"m.key": ("string", ["t", "u", None]), "m.value": ("string", ["1.5", None, None])}),
    ),
    GoldenCase(
        name="not_a_map",
        input=frame({"m": ("object", [[1, 2]])}),
        params={"source_column": "m"},
        error="holds a list value, not a map",
    ),
    GoldenCase(
        name="new_column_exists",
        input=frame({"m": ("object", [{"a": 1}]), "m.key": ("string", ["x"])}),
        params={"source_column": "m"},
        error="column 'm.key' already exists",
    ),
]
