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
    GoldenCase("first", _IN, {"source_column": "a"}, _order("b", "名", "d", "a")),
    GoldenCase("unicode", _IN, {"source_column": "名"}, _order("a", "b", "d", "名")),
    GoldenCase("already-last", _IN, {"source_column": "d"}, _order("a", "b", "名", "d")),
    GoldenCase("missing-column", _IN, {"source_column": "z"}, error="column 'z' does not exist"),
]
