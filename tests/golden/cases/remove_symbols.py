"""Golden cases for remove_symbols (letters, digits, accented Latin letters and whitespace kept)."""

from . import GoldenCase, frame

S = [None, "Héllõ, Wõrld!?", None, None, "a+b=c 42", "", "日本 x€"]
IN = frame({"s": ("string", S)})

CASES = [
    GoldenCase(
        "symbols-removed",
        IN,
        {"source_column": "s", "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "Héllõ Wõrld", None, None, "abc 42", "", " x"])}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "$&#$&HEY!#@@", "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", ["HEY"] * 7)}),
    ),
    GoldenCase(
        "tabs-and-latin-extended-kept",
        frame({"s": ("string", ["a\tb", None, "Ł-ő×÷", "ÿ", "..."])}),
        {"source_column": "s", "target_column": "t"},
        frame({"s": ("string", ["a\tb", None, "Ł-ő×÷", "ÿ", "..."]), "t": ("string", ["a\tb", None, "Łő", "ÿ", ""])}),
    ),
    GoldenCase("missing-column", IN, {"source_column": "nope", "target_column": "t"}, error="does not exist"),
]
