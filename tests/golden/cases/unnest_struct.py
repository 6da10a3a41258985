"""Golden cases for unnest_struct (one column per listed field; types from the step)."""

from tests.golden.cases import GoldenCase, frame

ADDR = [{"city": "Oslo", "zip": 150}, None, {"city": None}, {"zip": 5003, "city": "Bergen"}]

CASES = [
    GoldenCase(
        name="typed_fields_with_prefix",
        input=frame({"id": ("int64", [1, 2, 3, 4]), "address": ("object", ADDR), "n": ("int64", [5, 6, 7, 8])}),
        params={"source_column": "address", "target_column": "add", "remove_source_column": True,
                "fields": [{"name": "city", "type": "string"}, {"name": "zip", "type": "int64"}]},
        expected=frame({
            "id": ("int64", [1, 2, 3, 4]),
            "add.city": ("string", ["Oslo", None, None, "Bergen"]),
            "add.zip": ("int64", [150, None, None, 5003]),
            "n": ("int64", [5, 6, 7, 8]),
        }),
    ),
    GoldenCase(
        name="nested_field_kept_as_struct",
        input=frame({"user": ("object", [{"name": "Ammy", "address": {"state": "CA", "zipcode": 12345}}, None])}),
        params={"source_column": "user", "fields": [{"name": "address"}, {"name": "name", "type": "string"}]},
        expected=frame({
            "user": ("object", [{"name": "Ammy", "address": {"state": "CA", "zipcode": 12345}}, None]),
            "user.address": ("object", [{"state": "CA", "zipcode": 12345}, None]),
            "user.name": ("string", ["Ammy", None]),
        }),
    ),
    GoldenCase(
        name="field_not_listed",
        input=frame({"address": ("object", ADDR)}),
        params={"source_column": "address", "fields": [{"name": "city", "type": "string"}]},
        error="has fields that are not among the step's fields: 'zip'",
    ),
    GoldenCase(
        name="no_fields",
        input=frame({"address": ("object", ADDR)}),
        params={"source_column": "address"},
        error="unnest struct needs the fields of 'address'",
    ),
    GoldenCase(
        name="not_a_struct",
        input=frame({"address": ("object", [[1, 2]])}),
        params={"source_column": "address", "fields": [{"name": "a"}]},
        error="holds a list value, not a struct",
    ),
]
