"""Golden cases for unnest_struct_n (field paths down to unnest_level; delimiter in the names)."""

from tests.golden.cases import GoldenCase, frame

USERS = [
    {"name": "Ammy", "address": {"state": "CA", "zipcode": 12345}},
    None,
    {"name": "Bo", "address": None},
    {"address": {"state": "NY"}},
]
FIELDS = [
    {"column": "user", "path": ["name"], "type": "string"},
    {"column": "user", "path": ["address", "state"], "type": "string"},
    {"column": "user", "path": ["address", "zipcode"], "type": "int64"},
]

CASES = [
    GoldenCase(
        name="documented_example_two_levels",
        input=frame({"id": ("int64", [1, 2, 3, 4]), "user": ("object", USERS)}),
        params={"source_columns": ["user"], "remove_source_column": True, "unnest_level": 2, "fields": FIELDS},
        expected=frame({
            "id": ("int64", [1, 2, 3, 4]),
            "user.name": ("string", ["Ammy", None, "Bo", None]),
            "user.address.state": ("string", ["CA", None, None, "NY"]),
            "user.address.zipcode": ("int64", [12345, None, None, None]),
        }),
    ),
    GoldenCase(
        name="one_level_slash_delimiter_by_regex",
        input=frame({"user": ("object", USERS), "k": ("string", ["a", "b", "c", "d"])}),
        params={"regex_column_selector": "us.*", "delimiter": "/",
                "fields": [{"column": "user", "path": ["name"], "type": "string"},
                           {"column": "user", "path": ["address"]}]},
        expected=frame({
            "user": ("object", USERS),
            "user/name": ("string", ["Ammy", None, "Bo", None]),
            "user/address": ("object", [{"state": "CA", "zipcode": 12345}, None, None, {"state": "NY"}]),
            "k": ("string", ["a", "b", "c", "d"]),
        }),
    ),
    GoldenCase(
        name="field_not_covered",
        input=frame({"user": ("object", USERS)}),
        params={"source_columns": ["user"], "unnest_level": 2, "fields": FIELDS[:2]},
        error="not among the step's fields: 'address.zipcode'",
    ),
    GoldenCase(
        name="path_deeper_than_level",
        input=frame({"user": ("object", USERS)}),
        params={"source_columns": ["user"], "unnest_level": 1, "fields": FIELDS},
        error="deeper than 1 level",
    ),
    GoldenCase(
        name="no_fields",
        input=frame({"user": ("object", USERS)}),
        params={"source_columns": ["user"]},
        error="unnest struct needs the fields of user",
    ),
    GoldenCase(
        name="prefix_and_field",
        input=frame({"user": ("object", USERS)}),
        params={"source_columns": ["user"], "unnest_level": 2,
                "fields": [{"column": "user", "path": ["address"]}, FIELDS[1]]},
        error="both a field and the start of another",
    ),
]
