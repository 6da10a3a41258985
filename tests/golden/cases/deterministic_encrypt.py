from . import GoldenCase, frame
from ._pii import KEY, KEY_NAME, MISSING_NAME, SHORT_NAME, siv

_T = ["555-0100", None, "bob", "555-0100", "", "名前"]
_N = [1.5, None, -7.0, 1.5, 0.0, 2.25]


def _in(t: list = _T, n: list = _N, tt: str = "string", nt: str = "float64"):
    return frame({"t": (tt, t), "n": (nt, n)})


CASES = [
    GoldenCase(
        "equal-values-equal-ciphertexts",
        _in(),
        {"source_columns": ["t", "n"], "secret_id": KEY_NAME},
        _in(siv(_T, KEY), siv(["1.5", None, "-7.0", "1.5", "0.0", "2.25"], KEY), nt="string"),
    ),
    GoldenCase(
        "all-null-category",
        _in(t=[None] * 6, tt="category"),
        {"source_columns": ["t"], "secret_id": KEY_NAME, "create_secret_if_missing": False},
        _in([None] * 6),
    ),
    GoldenCase(
        "missing-key",
        _in(),
        {"source_columns": ["t"], "secret_id": MISSING_NAME},
        error="no key 'brewdesk-golden-missing'",
    ),
    GoldenCase(
        "short-key",
        _in(),
        {"source_columns": ["t"], "secret_id": SHORT_NAME},
        error="needs a 256-bit key",
    ),
]
