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
    GoldenCase("later-before-earlier", _IN, {"source_column": "d", "target_column": "b"}, _order("a", "d", "b", "名")),
    GoldenCase("earlier-before-later", _IN, {"source_column": "a", "target_column": "名"}, _order("b", "a", "名", "d")),
    GoldenCase("before-first", _IN, {"source_column": "名", "target_column": "a"}, _order("名", "a", "b", "d")),
    GoldenCase("itself", _IN, {"source_column": "b", "target_column": "b"}, _order("a", "b", "名", "d")),
    GoldenCase("missing-target", _IN, {"source_column": "a", "target_column": "zz"}, error="column 'zz' does not exist"),
]
