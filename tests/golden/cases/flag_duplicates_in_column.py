from . import GoldenCase, frame

_K = ["a", "b", "A", None, None, "b", "a ", "a"]
_N = [1, 2, 3, 4, 5, 6, 7, 8]


def _in(k: list = _K, kind: str = "string"):
    return frame({"n": ("int64", _N[: len(k)]), "k": (kind, k)})


CASES = [
    GoldenCase(
        "text-exact-missing-equal",
        _in(),
        {"source_column": "k", "target_column": "dup"},
        frame(
            {
                "n": ("int64", _N),
                "k": ("string", _K),
                "dup": (
                    "string",
                    ["False", "False", "False", "False", "True", "True", "False", "True"],
                ),
            }
        ),
    ),
    GoldenCase(
        "numbers-custom-strings",
        _in([1.0, 2.5, None, 1.0, 2.5, None], "float64"),
        {"source_column": "k", "target_column": "seen", "true_string": "Y", "false_string": "N"},
        frame(
            {
                "n": ("int64", _N[:6]),
                "k": ("float64", [1.0, 2.5, None, 1.0, 2.5, None]),
                "seen": ("string", ["N", "N", "N", "Y", "Y", "Y"]),
            }
        ),
    ),
    GoldenCase(
        "all-null-category",
        _in([None, None, None], "category"),
        {"source_column": "k", "target_column": "dup"},
        frame(
            {
                "n": ("int64", _N[:3]),
                "k": ("category", [None, None, None]),
                "dup": ("string", ["False", "True", "True"]),
            }
        ),
    ),
    GoldenCase(
        "condition-flags-selected-rows-only",
        _in(),
        {"source_column": "k", "target_column": "dup"},
        frame(
            {
                "n": ("int64", _N),
                "k": ("string", _K),
                "dup": ("string", [None, None, None, None, None, "True", "False", "True"]),
            }
        ),
        conditions=[{"condition": "GREATER_THAN", "target_column": "n", "value": 5}],
    ),
    GoldenCase(
        "bad-column", _in(), {"source_column": "kk", "target_column": "dup"}, error="does not exist"
    ),
    GoldenCase(
        "target-exists", _in(), {"source_column": "k", "target_column": "n"}, error="already exists"
    ),
]
