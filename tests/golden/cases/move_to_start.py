from . import GoldenCase, frame

_COLS = {
    "a": ("int64", [None, None, 3, None, 5]),
    "b": ("string", [None, "x", None, None, "ü"]),
    "名": ("float64", [1.5, None, None, 2.0, None]),
    "d": ("boolean", [None, True, None, False, None]),
}
_IN = frame(_COLS)


def _order(*names: str):
    return frame({n: _COLS[n] for n in names})


CASES = [
    GoldenCase("last", _IN, {"source_column": "d"}, _order("d", "a", "b", "名")),
    GoldenCase("unicode", _IN, {"source_column": "名"}, _order("名", "a", "b", "d")),
    GoldenCase("already-first", _IN, {"source_column": "a"}, _order("a", "b", "名", "d")),
    GoldenCase("missing-column", _IN, {"source_column": "z"}, error="column 'z' does not exist"),
]
