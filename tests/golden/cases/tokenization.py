"""Golden cases for tokenization (contractions, punctuation tokens, stop words, Porter/Lancaster stems)."""

from . import GoldenCase, frame

_T = [None, "Don't stop! It's well-known that they're running.", "", None, "The dimensions: 10x20 cm", "   "]
_IN = frame({"t": ("string", _T), "n": ("int64", [1, 2, 3, 4, 5, 6])})
_N = ("int64", [1, 2, 3, 4, 5, 6])

CASES = [
    GoldenCase(
        "tokens-only",
        _IN,
        {"source_column": "t", "target_column": "tok"},
        frame(
            {
                "t": ("string", _T),
                "tok": ("string", [None, "Don't stop ! It's well-known that they're running .", "", None, "The dimensions : 10x20 cm", ""]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "databrew-example-porter-default-stop-words",
        _IN,
        {
            "source_column": "t",
            "target_column": "tok",
            "delimiter": "- ",
            "expand_contractions": True,
            "stemming_mode": "PORTER",
            "stop_word_removal_mode": "DEFAULT",
        },
        frame(
            {
                "t": ("string", _T),
                "tok": ("string", [None, "stop- !- well-known- run- .", "", None, "dimens- :- 10x20- cm", ""]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "lancaster-custom-stop-words",
        _IN,
        {
            "source_column": "t",
            "target_column": "tok",
            "delimiter": "|",
            "stemming_mode": "LANCASTER",
            "stop_word_removal_mode": "CUSTOM",
            "custom_stop_words": ["THE", "that", "!", "."],
        },
        frame(
            {
                "t": ("string", _T),
                "tok": ("string", [None, "don't|stop|it's|well-known|they're|run", "", None, "dimend|:|10x20|cm", ""]),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "expand-only-keeps-case",
        frame({"c": ("category", ["Won't you? I'm sure we'd go; John's cat", None])}),
        {"source_column": "c", "target_column": "c", "expand_contractions": True},
        frame({"c": ("string", ["Will not you ? I am sure we would go ; John's cat", None])}),
    ),
    GoldenCase(
        "custom-without-words",
        _IN,
        {"source_column": "t", "target_column": "tok", "stop_word_removal_mode": "CUSTOM"},
        error="needs customStopWords",
    ),
    GoldenCase("number-column", _IN, {"source_column": "n", "target_column": "tok"}, error="expected string or category"),
]
