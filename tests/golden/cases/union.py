from . import GoldenCase, frame

_MAIN = frame({"a": ("int64", [1, None, 3, 4, 5]), "s": ("string", ["x", "y", None, "z", "w"])})

CASES = [
    GoldenCase(
        "by-name-with-new-column",
        _MAIN,
        {"secondary_inputs": ["more"]},
        frame(
            {
                "a": ("float64", [1, None, 3, 4, 5, 1.5, None]),
                "s": ("string", ["x", "y", None, "z", "w", None, "q"]),
                "t": ("boolean", [None, None, None, None, None, True, False]),
            }
        ),
        inputs={"more": frame({"t": ("boolean", [True, False]), "a": ("float64", [1.5, None]), "s": ("string", [None, "q"])})},
        code=False,
        reason="union export needs the other inputs loaded by the script",
    ),
    GoldenCase(
        "type-conflict",
        _MAIN,
        {"secondary_inputs": ["more"]},
        inputs={"more": frame({"a": ("string", ["1", "2"])})},
        error="is int64 here but string",
    ),
]
