from . import GoldenCase, frame

_LEFT = frame({"k": ("string", ["a", "b", "a", None, "c", "b"]), "x": ("int64", [1, 2, 3, 4, 5, 6])})
_RIGHT = frame({"k": ("string", ["a", "b", "z", None, "b"]), "name": ("string", ["A", "B", "Z", "N", "B2"])})


def _case(jt: str, expected, **kw) -> GoldenCase:
    return GoldenCase(
        jt.lower(),
        _LEFT,
        {"secondary_input": "names", "join_type": jt, "join_keys": [{"key": "k", "value": "k"}]},
        expected,
        inputs={"names": _RIGHT},
        code=False,
        reason="join export needs the second input loaded by the script",
        **kw,
    )


CASES = [
    _case(
        "INNER_JOIN",
        frame({"k": ("string", ["a", "b", "b", "a", "b", "b"]), "x": ("int64", [1, 2, 2, 3, 6, 6]),
               "name": ("string", ["A", "B", "B2", "A", "B", "B2"])}),
    ),
    _case(
        "LEFT_JOIN",
        frame({"k": ("string", ["a", "b", "b", "a", None, "c", "b", "b"]), "x": ("int64", [1, 2, 2, 3, 4, 5, 6, 6]),
               "name": ("string", ["A", "B", "B2", "A", None, None, "B", "B2"])}),
    ),
    _case(
        "RIGHT_JOIN",
        frame({"k": ("string", ["a", "b", "b", "a", "b", "b", "z", None]), "x": ("int64", [1, 2, 2, 3, 6, 6, None, None]),
               "name": ("string", ["A", "B", "B2", "A", "B", "B2", "Z", "N"])}),
    ),
    _case(
        "OUTER_JOIN",
        frame({"k": ("string", ["a", "b", "b", "a", None, "c", "b", "b", "z", None]),
               "x": ("int64", [1, 2, 2, 3, 4, 5, 6, 6, None, None]),
               "name": ("string", ["A", "B", "B2", "A", None, None, "B", "B2", "Z", "N"])}),
    ),
    _case(
        "LEFT_EXCLUDING_JOIN",
        frame({"k": ("string", [None, "c"]), "x": ("int64", [4, 5]), "name": ("string", [None, None])}),
    ),
    _case(
        "RIGHT_EXCLUDING_JOIN",
        frame({"k": ("string", ["z", None]), "x": ("int64", [None, None]), "name": ("string", ["Z", "N"])}),
    ),
    _case(
        "OUTER_EXCLUDING_JOIN",
        frame({"k": ("string", [None, "c", "z", None]), "x": ("int64", [4, 5, None, None]),
               "name": ("string", [None, None, "Z", "N"])}),
    ),
    GoldenCase(
        "missing-input-column",
        _LEFT,
        {"secondary_input": "names", "join_type": "INNER_JOIN", "join_keys": [{"key": "k", "value": "kk"}]},
        inputs={"names": _RIGHT},
        error="does not exist in input 'names'",
    ),
]
