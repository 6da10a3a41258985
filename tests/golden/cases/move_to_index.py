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
    GoldenCase("first-to-2", _IN, {"source_column": "a", "target_index": 2}, _order("b", "名", "a", "d")),
    GoldenCase("last-to-0", _IN, {"source_column": "d", "target_index": 0}, _order("d", "a", "b", "名")),
    GoldenCase("unicode-to-last", _IN, {"source_column": "名", "target_index": 3}, _order("a", "b", "d", "名")),
    GoldenCase("same-place", _IN, {"source_column": "b", "target_index": 1}, _order("a", "b", "名", "d")),
    GoldenCase("past-the-end", _IN, {"source_column": "a", "target_index": 4}, error='past the last column'),
    GoldenCase("negative", _IN, {"source_column": "a", "target_index": -1}, error='greater than or equal to 0'),
]
