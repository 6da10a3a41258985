"""Golden cases for get_advanced_datatype (whole-dataset share of each type; at least half wins)."""

from . import GoldenCase, frame

_MAIL = ["a@b.co", None, "x@example.org", "not mail", "c@d.io", "", "e@f.net"]
_N = [1, 2, 3, 4, 5, 6, 7]


def _typed(values, name, kind, logical="string"):
    return frame({"n": ("int64", _N[: len(values)]), name: (logical, values), f"{name}_advanced_data_type": ("string", [kind] * len(values))})


CASES = [
    # 4 of 5 non-blank values are emails (blank and missing not counted)
    GoldenCase("emails", frame({"n": ("int64", _N), "m": ("string", _MAIL)}), {"source_column": "m"}, _typed(_MAIL, "m", "Email")),
    GoldenCase(
        "state-codes-beat-country-codes",
        frame({"n": ("int64", _N[:4]), "s": ("category", ["CA", "TX", "DE", None])}),
        {"source_column": "s"},
        _typed(["CA", "TX", "DE", None], "s", "State", "category"),
    ),
    GoldenCase(
        "exactly-half-zip-codes",
        frame({"n": ("int64", _N[:4]), "z": ("string", ["98101", "hello", "10001-1234", "world"])}),
        {"source_column": "z"},
        _typed(["98101", "hello", "10001-1234", "world"], "z", "ZipCode"),
    ),
    GoldenCase(
        "no-type-under-half",
        frame({"n": ("int64", _N[:3]), "t": ("string", ["a@b.co", "free text", "more text"])}),
        {"source_column": "t"},
        _typed(["a@b.co", "free text", "more text"], "t", None),
    ),
    GoldenCase(
        "all-missing",
        frame({"n": ("int64", _N[:2]), "t": ("string", [None, None])}),
        {"source_column": "t"},
        _typed([None, None], "t", None),
    ),
    GoldenCase(
        "name-clash",
        frame({"t": ("string", ["a"]), "t_advanced_data_type": ("string", ["x"])}),
        {"source_column": "t"},
        error="column 't_advanced_data_type' already exists",
    ),
    GoldenCase("number-column", frame({"n": ("int64", _N)}), {"source_column": "n"}, error="expected string or category"),
]
