"""Golden cases for extract_value (nested object values and JSON text; 0-based indexes)."""

from . import GoldenCase, frame

_USER = {
    "name": "Ammy",
    "address": {"state": "CA", "zipcode": "12345"},
    "phoneNumber": {"home": "123123123", "work": "456456456"},
    "citizenship": ["Canada", "USA", "Mexico", "India"],
    "active": True,
}
_EMPTY = {"name": None, "address": None, "phoneNumber": None, "citizenship": None, "active": None}
_OBJ = [
    _USER,
    None,
    {**_EMPTY, "name": "Bo", "citizenship": ["Peru"]},
    None,
    _EMPTY,
    {**_EMPTY, "name": "Cy", "citizenship": []},
]
_IN = frame({"user": ("object", _OBJ), "n": ("int64", [1, 2, 3, 4, 5, 6])})
_TEXT = [
    '{"a": {"b": [10, 20, {"c": "x"}]}}',
    None,
    "not json",
    '{"a": null}',
    "",
    '{"a": {"b": []}}',
    '{"a": {"b": [1.5, true]}}',
]
_JSON = frame({"j": ("string", _TEXT)})

CASES = [
    GoldenCase(
        "map-field",
        _IN,
        {"source_column": "user", "path": "`user`.`phoneNumber`.`home`", "target_column": "home"},
        frame({"user": ("object", _OBJ), "home": ("string", ["123123123", None, None, None, None, None]), "n": ("int64", [1, 2, 3, 4, 5, 6])}),
    ),
    GoldenCase(
        "array-second-element",
        _IN,
        {"source_column": "user", "path": "`user`.`citizenship`[1]", "target_column": "second"},
        frame({"user": ("object", _OBJ), "second": ("string", ["USA", None, None, None, None, None]), "n": ("int64", [1, 2, 3, 4, 5, 6])}),
    ),
    GoldenCase(
        "struct-as-json",
        _IN,
        {"source_column": "user", "path": "`address`", "target_column": "addr"},
        frame(
            {
                "user": ("object", _OBJ),
                "addr": ("string", ['{"state": "CA", "zipcode": "12345"}', None, None, None, None, None]),
                "n": ("int64", [1, 2, 3, 4, 5, 6]),
            }
        ),
    ),
    GoldenCase(
        "json-text-bare-path",
        _JSON,
        {"source_column": "j", "path": "j.a.b[2].c", "target_column": "c"},
        frame({"j": ("string", _TEXT), "c": ("string", ["x", None, None, None, None, None, None])}),
    ),
    GoldenCase(
        "json-text-scalars",
        _JSON,
        {"source_column": "j", "path": "`a`.`b`[1]", "target_column": "v"},
        frame({"j": ("string", _TEXT), "v": ("string", ["20", None, None, None, None, None, "true"])}),
    ),
    GoldenCase("bad-path", _JSON, {"source_column": "j", "path": "`a", "target_column": "v"}, error="cannot read the path"),
    GoldenCase("column-only", _JSON, {"source_column": "j", "path": "`j`", "target_column": "v"}, error="names only the column"),
    GoldenCase("number-column", _IN, {"source_column": "n", "path": "a", "target_column": "v"}, error="expected object or string"),
]
