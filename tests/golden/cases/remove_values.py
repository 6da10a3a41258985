from . import GoldenCase, frame

_W = [None, "white", "draw", "draw", "black", None, "dráw é"]
_T = [10, None, 20, 30, None, 5, 7]
_IN = frame({"winner": ("string", _W), "turns": ("int64", _T)})


def _keep(*rows: int):
    return frame({"winner": ("string", [_W[i] for i in rows]), "turns": ("int64", [_T[i] for i in rows])})


CASES = [
    GoldenCase(
        "chess-draws",
        _IN,
        {"source_column": "winner"},
        _keep(0, 1, 4, 5, 6),
        conditions=[{"condition": "IS", "target_column": "winner", "value": ["draw"]}],
    ),
    GoldenCase(
        "greater-than-keeps-missing",
        _IN,
        {"source_column": "turns"},
        _keep(0, 1, 4, 5, 6),
        conditions=[{"condition": "GREATER_THAN", "target_column": "turns", "value": 15}],
    ),
    GoldenCase(
        "two-conditions-and",
        _IN,
        {"source_column": "winner"},
        _keep(0, 1, 2, 3, 4, 6),
        conditions=[
            {"condition": "IS_MISSING", "target_column": "winner"},
            {"condition": "LESS_THAN", "target_column": "turns", "value": 8},
        ],
    ),
    GoldenCase(
        "unicode-contains",
        _IN,
        {"source_column": "winner"},
        _keep(0, 1, 2, 3, 4, 5),
        conditions=[{"condition": "CONTAINS", "target_column": "winner", "value": "é"}],
    ),
    GoldenCase("no-condition-removes-nothing", _IN, {"source_column": "winner"}, _IN),
    GoldenCase(
        "remove-all",
        _keep(0, 2, 3, 5, 6),
        {},
        _keep(),
        conditions=[{"condition": "LESS_THAN", "target_column": "turns", "value": 100}],
    ),
    GoldenCase(
        "bad-condition-column",
        _IN,
        {"source_column": "winner"},
        conditions=[{"condition": "IS", "target_column": "winer", "value": ["draw"]}],
        error="condition column 'winer' does not exist",
    ),
]
