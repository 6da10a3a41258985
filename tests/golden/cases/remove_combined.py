"""Golden cases for remove_combined (custom value, character sets, both-ends strip, collapse)."""

from . import GoldenCase, frame

_T = [None, ' "Hello, World!" ', "a1 . b2\u00a0\u00a0c3", None, "", "'quoted'?", "Ünïcode_42#x"]
_IN = frame({"t": ("string", _T), "n": ("int64", [1, 2, 3, 4, 5, 6, 7])})
_N = ("int64", [1, 2, 3, 4, 5, 6, 7])

CASES = [
    GoldenCase(
        "strip-ends-and-collapse",
        _IN,
        {
            "source_column": "t",
            "remove_leading_and_trailing_punctuation": True,
            "remove_leading_and_trailing_quotes": True,
            "remove_leading_and_trailing_whitespace": True,
            "collapse_consecutive_whitespace": True,
        },
        frame({"t": ("string", [None, "Hello, World", "a1 . b2 c3", None, "", "quoted", "Ünïcode_42#x"]), "n": _N}),
    ),
    GoldenCase(
        "letters-numbers-special",
        _IN,
        {"source_column": "t", "remove_letters": True, "remove_numbers": True, "remove_special_characters": True},
        frame({"t": ("string", [None, "   ", "  \u00a0\u00a0", None, "", "", "Üï"]), "n": _N}),
    ),
    GoldenCase(
        "punctuation-quotes-whitespace",
        _IN,
        {"source_column": "t", "remove_all_punctuation": True, "remove_all_quotes": True, "remove_all_whitespace": True},
        frame({"t": ("string", [None, "HelloWorld", "a1b2c3", None, "", "quoted", "Ünïcode_42#x"]), "n": _N}),
    ),
    GoldenCase(
        "custom-value-then-characters",
        _IN,
        {
            "source_column": "t",
            "remove_custom_value": True,
            "custom_value": "World",
            "remove_custom_characters": True,
            "custom_characters": "lo#",
        },
        frame({"t": ("string", [None, ' "He, !" ', "a1 . b2\u00a0\u00a0c3", None, "", "'quted'?", "Ünïcde_42x"]), "n": _N}),
    ),
    GoldenCase(
        "category-column",
        frame({"c": ("category", ["  a  b ", None, "a"])}),
        {"source_column": "c", "collapse_consecutive_whitespace": True},
        frame({"c": ("string", [" a b ", None, "a"])}),
    ),
    GoldenCase(
        "condition-restricts-rows",
        _IN,
        {"source_column": "t", "remove_all_whitespace": True, "remove_numbers": True},
        frame({"t": ("string", [None, ' "Hello, World!" ', "a.bc", None, "", "'quoted'?", "Ünïcode_#x"]), "n": _N}),
        conditions=[{"condition": "GREATER_THAN", "target_column": "n", "value": 2}],
    ),
    GoldenCase("nothing-chosen", _IN, {"source_column": "t"}, error="nothing to remove"),
    GoldenCase("custom-value-missing", _IN, {"source_column": "t", "remove_custom_value": True}, error="customValue is empty"),
    GoldenCase("number-column", _IN, {"source_column": "n", "remove_letters": True}, error="expected string or category"),
]
