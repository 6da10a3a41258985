"""Golden cases for upper."""

from . import GoldenCase, frame

S = [None, "àbc Déf", None, None, "MiXed 1", "", "o'neil mc-d"]
IN = frame({"s": ("string", S), "n": ("int64", [1, 2, 3, 4, 5, 6, 7])})

CASES = [
    GoldenCase(
        "text-column",
        IN,
        {"source_column": "s", "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "ÀBC DÉF", None, None, "MIXED 1", "", "O'NEIL MC-D"]), "n": ("int64", [1, 2, 3, 4, 5, 6, 7])}),
    ),
    GoldenCase(
        "category-column",
        frame({"c": ("category", ["ab", None, "Cd", "ab", None])}),
        {"source_column": "c", "target_column": "t"},
        frame({"c": ("category", ["ab", None, "Cd", "ab", None]), "t": ("string", {"upper": ["AB", None, "CD", "AB", None], "lower": ["ab", None, "cd", "ab", None], "proper": ["Ab", None, "Cd", "Ab", None]}["upper"])}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "mIx", "target_column": "t"},
        frame({"s": ("string", S), "n": ("int64", [1, 2, 3, 4, 5, 6, 7]), "t": ("string", ["MIX"] * 7)}),
    ),
    GoldenCase("number-column", IN, {"source_column": "n", "target_column": "t"}, error="expected string or category"),
    GoldenCase("neither-column-nor-value", IN, {"target_column": "t"}, error="give source_column or value"),
]
