from . import GoldenCase, frame

_K = ["a", "b", "a", None, None, "b", "a", "a"]
_V = [1, 2, 1, None, None, 3, 2, 1]


def _in(k: list = _K, v: list = _V):
    return frame({"k": ("string", k), "v": ("int64", v)})


CASES = [
    GoldenCase(
        "later-copies-flagged-first-not",
        _in(),
        {"target_column": "dup"},
        frame(
            {
                "k": ("string", _K),
                "v": ("int64", _V),
                "dup": (
                    "string",
                    ["False", "False", "True", "False", "True", "False", "False", "True"],
                ),
            }
        ),
    ),
    GoldenCase(
        "custom-strings-no-duplicates",
        frame(
            {
                "x": ("float64", [1.5, None, 2.5, 3.5]),
                "t": ("datetime", ["2020-01-01", None, None, "2020-01-01"]),
            }
        ),
        {"target_column": "flag", "true_string": "dup", "false_string": ""},
        frame(
            {
                "x": ("float64", [1.5, None, 2.5, 3.5]),
                "t": ("datetime", ["2020-01-01", None, None, "2020-01-01"]),
                "flag": ("string", ["", "", "", ""]),
            }
        ),
    ),
    GoldenCase(
        "condition-flags-selected-rows-only",
        _in(),
        {"target_column": "dup", "true_string": "yes", "false_string": "no"},
        frame(
            {
                "k": ("string", _K),
                "v": ("int64", _V),
                "dup": ("string", ["no", "no", "yes", None, None, "no", "no", "yes"]),
            }
        ),
        conditions=[{"condition": "GREATER_THAN", "target_column": "v", "value": 0}],
    ),
    GoldenCase("target-exists", _in(), {"target_column": "k"}, error="already exists"),
]
