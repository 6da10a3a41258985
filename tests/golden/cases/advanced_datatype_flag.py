"""Golden cases for advanced_datatype_flag (type rules, detail filters, missing -> missing flag)."""

from . import GoldenCase, frame

_PHONE = [None, "(614) 555-0100", "+1 408 341 5669", "123", "+44 20 7946 0958", None, "216-555-0143"]
_MAIL = ["a@b.co", None, "x@y", "bad..x@a.com", " Jo.e+1@Mail.example.org ", "", "no at sign"]
_IN = frame({"phone": ("string", _PHONE), "mail": ("string", _MAIL)})

CASES = [
    GoldenCase(
        "phones-in-ohio",
        _IN,
        {
            "source_column": "phone",
            "advanced_data_type": "Phone",
            "pattern": "AREA_CODE",
            "filter_values": ["ohio"],
            "target_column": "ohio",
            "true_string": "yes",
            "false_string": "no",
        },
        frame({"phone": ("string", _PHONE), "ohio": ("string", [None, "yes", "no", "no", "no", None, "yes"]), "mail": ("string", _MAIL)}),
    ),
    GoldenCase(
        "valid-phones",
        _IN,
        {"source_column": "phone", "advanced_data_type": "Phone", "target_column": "is_phone"},
        frame(
            {
                "phone": ("string", _PHONE),
                "is_phone": ("string", [None, "True", "True", "False", "True", None, "True"]),
                "mail": ("string", _MAIL),
            }
        ),
    ),
    GoldenCase(
        "emails",
        _IN,
        {"source_column": "mail", "advanced_data_type": "Email", "target_column": "ok"},
        frame(
            {
                "phone": ("string", _PHONE),
                "mail": ("string", _MAIL),
                "ok": ("string", ["True", None, "False", "False", "True", "False", "False"]),
            }
        ),
    ),
    GoldenCase(
        "gender-values-category",
        frame({"g": ("category", ["Female", "m", None, "other", "FEMALE "])}),
        {"source_column": "g", "advanced_data_type": "Gender", "filter_values": ["female"], "target_column": "f"},
        frame({"g": ("category", ["Female", "m", None, "other", "FEMALE "]), "f": ("string", ["True", "False", None, "False", "True"])}),
    ),
    GoldenCase(
        "condition-leaves-other-rows-missing",
        _IN,
        {"source_column": "mail", "advanced_data_type": "Email", "target_column": "ok"},
        frame(
            {
                "phone": ("string", _PHONE),
                "mail": ("string", _MAIL),
                "ok": ("string", ["True", None, None, "False", "True", None, None]),
            }
        ),
        conditions=[{"condition": "CONTAINS", "target_column": "mail", "value": "."}],
    ),
    GoldenCase(
        "wrong-pattern",
        _IN,
        {"source_column": "phone", "advanced_data_type": "Phone", "pattern": "STATE", "target_column": "x"},
        error="Phone has no detail 'STATE'",
    ),
    GoldenCase(
        "zip-city-refused",
        _IN,
        {"source_column": "phone", "advanced_data_type": "ZipCode", "pattern": "CITY", "target_column": "x"},
        error="needs a ZIP database",
    ),
    GoldenCase(
        "existing-target",
        _IN,
        {"source_column": "phone", "advanced_data_type": "Phone", "target_column": "mail"},
        error="column 'mail' already exists",
    ),
]
