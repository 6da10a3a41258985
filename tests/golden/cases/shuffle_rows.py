"""Expected shuffles come from the SplitMix64 keys of (seed, row id); each was checked to be a
permutation within its groups (the values of every group are the same before and after)."""

from . import GoldenCase, frame

_C = ["fr", "de", "fr", None, "de", "fr", None, "de"]
_AGE = [31, 42, None, 25, 57, 18, 66, 40]
_CITY = ["Paris", "Berlin", "Lyon", "X", "Bonn", "Nice", "Y", None]


def _in(age: list = _AGE, city: list = _CITY, ct: str = "string"):
    return frame({"country": (ct, _C), "age": ("int64", age), "city": ("string", city)})


CASES = [
    GoldenCase(
        "two-columns-move-together",
        _in(),
        {"source_columns": ["age", "city"]},
        _in(
            [18, 25, 57, 42, 66, 31, 40, None],
            ["Nice", "X", "Bonn", "Berlin", "Y", "Paris", None, "Lyon"],
        ),
    ),
    GoldenCase(
        "within-groups-missing-is-a-group",
        _in(),
        {"source_columns": ["age"], "group_by_columns": ["country"]},
        _in([18, 57, 31, 25, 42, None, 66, 40]),
    ),
    GoldenCase(
        "category-groups-same-shuffle",
        _in(ct="category"),
        {"source_columns": ["age"], "group_by_columns": ["country"]},
        _in([18, 57, 31, 25, 42, None, 66, 40], ct="category"),
    ),
    GoldenCase(
        "condition-selects-the-rows-taking-part",
        _in(),
        {"source_columns": ["city"], "group_by_columns": ["country"]},
        _in(city=["Paris", "Bonn", "Lyon", "X", "Berlin", "Nice", "Y", None]),
        conditions=[{"condition": "GREATER_THAN", "target_column": "age", "value": 30}],
    ),
    GoldenCase(
        "all-null-column",
        _in(city=[None] * 8),
        {"source_columns": ["city"]},
        _in(city=[None] * 8),
    ),
    GoldenCase(
        "shuffled-and-grouped",
        _in(),
        {"source_columns": ["age"], "group_by_columns": ["age"]},
        error="both shuffled and a group column",
    ),
    GoldenCase("bad-column", _in(), {"source_columns": ["agee"]}, error="does not exist"),
]
