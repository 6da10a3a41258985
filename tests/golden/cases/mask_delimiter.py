from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]


def _in(t: list, u: list, tt: str = "string"):
    return frame({"n": ("int64", _N[: len(t)]), "t": (tt, t), "u": ("string", u)})


_T = [None, None, "id <ab1> x <c d>", "<open", None, "a>b"]
_U = ["<é>", None, "", "plain", "x<y>", "<>"]

CASES = [
    GoldenCase(
        "pairs-two-columns-nulls",
        _in(_T, _U),
        {"source_columns": ["t", "u"], "start_delimiter": "<", "end_delimiter": ">"},
        _in([None, None, "id ##### x #####", "<open", None, "a>b"], ["###", None, "", "plain", "x###", "##"]),
    ),
    GoldenCase(
        "preserve-delimiters-whitespace-category",
        _in(["<c d>", None, "k <ab>", "<c d>", None, "none"], _U, "category"),
        {
            "source_columns": ["t"],
            "start_delimiter": "<",
            "end_delimiter": ">",
            "preserve_delimiters": True,
            "preserve_whitespace": True,
            "mask_symbol": "*",
        },
        _in(["<* *>", None, "k <**>", "<* *>", None, "none"], _U),
    ),
    GoldenCase(
        "start-only-to-end",
        _in(["user@mail.com", None, "nomail", "@", None, "a@b@c"], _U),
        {"source_columns": ["t"], "start_delimiter": "@", "preserve_delimiters": True, "preserve_symbols": True},
        _in(["user@####.###", None, "nomail", "@", None, "a@#@#"], _U),
    ),
    GoldenCase(
        "end-only-from-start",
        _in(["ab:cd:ef", None, "nocolon", ":x", None, ""], _U),
        {"source_columns": ["t"], "end_delimiter": ":"},
        _in(["###cd:ef", None, "nocolon", "#x", None, ""], _U),
    ),
    GoldenCase("not-text", _in(_T, _U), {"source_columns": ["n"], "start_delimiter": "<"}, error="expected string or category"),
    GoldenCase("empty-delimiter", _in(_T, _U), {"source_columns": ["t"], "start_delimiter": ""}, error="start_delimiter"),
]
