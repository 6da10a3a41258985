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
    GoldenCase("earlier-after-later", _IN, {"source_column": "a", "target_column": "名"}, _order("b", "名", "a", "d")),
    GoldenCase("later-after-earlier", _IN, {"source_column": "d", "target_column": "a"}, _order("a", "d", "b", "名")),
    GoldenCase("after-last", _IN, {"source_column": "b", "target_column": "d"}, _order("a", "名", "d", "b")),
    GoldenCase("itself", _IN, {"source_column": "b", "target_column": "b"}, _order("a", "b", "名", "d")),
    GoldenCase("missing-source", _IN, {"source_column": "q", "target_column": "a"}, error="column 'q' does not exist"),
]
