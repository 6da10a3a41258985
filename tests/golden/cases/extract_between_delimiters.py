"""Golden cases for extract_between_delimiters (first start match to next end match; not found is missing)."""

from . import GoldenCase, frame

S = [None, "a<b>c", None, None, "x[1]y[2]", "no delim", "<>", "x<a<b>"]
N = [1, 2, 3, 4, 5, 6, 7, 8]
IN = frame({"s": ("string", S), "n": ("int64", N)})

CASES = [
    GoldenCase(
        "regex-delimiters",
        IN,
        {"source_column": "s", "start_pattern": r"<|\[", "end_pattern": r">|\]", "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "b", None, None, "1", None, "", "a<b"]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "category-all-missing-runs",
        frame({"c": ("category", [None, None, "k=v;", None, None, "k=;"])}),
        {"source_column": "c", "start_pattern": "=", "end_pattern": ";", "target_column": "t"},
        frame({"c": ("category", [None, None, "k=v;", None, None, "k=;"]), "t": ("string", [None, None, "v", None, None, ""])}),
    ),
    GoldenCase("bad-regex", IN, {"source_column": "s", "start_pattern": "(", "end_pattern": ")", "target_column": "t"}, error="invalid regular expression"),
    GoldenCase("number-column", IN, {"source_column": "n", "start_pattern": "a", "end_pattern": "b", "target_column": "t"}, error="expected string or category"),
]
