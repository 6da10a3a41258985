from . import GoldenCase, frame
from ._pii import KEY, KEY_NAME, MISSING_NAME, OTHER_NAME, siv

_PLAIN = ["555-0100", None, "bob", "555-0100", "", "名前"]


def _in(t: list, tt: str = "string"):
    return frame({"n": ("int64", [1, 2, 3, 4, 5, 6][: len(t)]), "t": (tt, t)})


CASES = [
    GoldenCase(
        "round-trip",
        _in(siv(_PLAIN, KEY)),
        {"source_columns": ["t"], "secret_id": KEY_NAME},
        _in(_PLAIN),
    ),
    GoldenCase(
        "numbers-come-back-as-text",
        _in(siv(["42", None, "-7"], KEY), "category"),
        {"source_columns": ["t"], "secret_id": KEY_NAME},
        _in(["42", None, "-7"]),
    ),
    GoldenCase(
        "all-null",
        _in([None, None]),
        {"source_columns": ["t"], "secret_id": KEY_NAME},
        _in([None, None]),
    ),
    GoldenCase(
        "wrong-key",
        _in(siv(_PLAIN, KEY)),
        {"source_columns": ["t"], "secret_id": OTHER_NAME},
        error="does not decrypt: wrong key",
    ),
    GoldenCase(
        "not-a-ciphertext",
        _in([None, "555-0100"]),
        {"source_columns": ["t"], "secret_id": KEY_NAME},
        error="row 1 does not decrypt",
    ),
    GoldenCase(
        "missing-key",
        _in(_PLAIN),
        {"source_columns": ["t"], "secret_id": MISSING_NAME},
        error="no key",
    ),
]

CASES.append(
    GoldenCase(
        "condition-skips-plain-rows",
        _in([siv(["a"], KEY)[0], "plain", None, siv(["名前"], KEY)[0]]),
        {"source_columns": ["t"], "secret_id": KEY_NAME},
        _in(["a", "plain", None, "名前"]),
        conditions=[{"condition": "NOT_CONTAINS", "target_column": "t", "value": "plain"}],
    )
)
