"""Golden cases for flag_column_from_pattern (search anywhere; missing flag for missing)."""

from . import GoldenCase, frame

S = [None, "ab12", None, None, "xyz", "9", "AB"]
IN = frame({"s": ("string", S), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])})

CASES = [
    GoldenCase(
        "digits-anywhere",
        IN,
        {"source_column": "s", "pattern": "[0-9]+", "target_column": "f"},
        frame({"s": ("string", S), "f": ("string", [None, "True", None, None, "False", "True", "False"]), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])}),
    ),
    GoldenCase(
        "anchored-case-sensitive-custom",
        IN,
        {"source_column": "s", "pattern": "^ab", "target_column": "f", "true_string": "y", "false_string": "n"},
        frame({"s": ("string", S), "f": ("string", [None, "y", None, None, "n", "n", "n"]), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])}),
    ),
    GoldenCase("bad-regex", IN, {"source_column": "s", "pattern": "(", "target_column": "f"}, error="invalid regular expression"),
    GoldenCase("number-column", IN, {"source_column": "k", "pattern": "1", "target_column": "f"}, error="column 'k' is int64"),
]
