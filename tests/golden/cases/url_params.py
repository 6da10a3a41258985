"""Golden cases for url_params (query parameters as a JSON object of lists)."""

from __future__ import annotations

from . import GoldenCase, frame

URLS = [
    "https://example.com/?firstParam=answer&secondParam=42",
    "https://x.org/p?a=1&b=2&a=3#top",
    "https://x.org/p",
    None,
    "q=caf%C3%A9+au+lait&empty=&flag",
    "",
    "https://example.com/?firstParam=answer&secondParam=42",
]
OUT = [
    '{"firstParam": ["answer"], "secondParam": ["42"]}',
    '{"a": ["1", "3"], "b": ["2"]}',
    "{}",
    None,
    '{"q": ["café au lait"], "empty": [""], "flag": [""]}',
    "{}",
    '{"firstParam": ["answer"], "secondParam": ["42"]}',
]
IN = frame({"url": ("string", URLS), "n": ("int64", list(range(len(URLS))))})

CASES = [
    GoldenCase(
        "documented-example-and-edges",
        IN,
        {"source_column": "url", "target_column": "params"},
        frame({"url": ("string", URLS), "params": ("string", OUT), "n": ("int64", list(range(len(URLS))))}),
    ),
    GoldenCase(
        "literal-value",
        frame({"a": ("int64", [1])}),
        {"value": "https://example.com/?firstParam=answer&secondParam=42", "target_column": "params"},
        frame({"a": ("int64", [1]), "params": ("string", ['{"firstParam": ["answer"], "secondParam": ["42"]}'])}),
    ),
    GoldenCase("number-column", IN, {"source_column": "n", "target_column": "params"}, error="'n' is int64, expected"),
]
