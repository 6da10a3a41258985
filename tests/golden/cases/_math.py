"""Shared input of the arithmetic golden cases (a module starting with ``_`` holds no cases)."""

from . import frame

A = [None, 1, None, None, 5, -3]
B = [2, None, None, 4, 10, 3]
F = [0.5, None, 1.25, None, -1.0, 2.0]
S = ["x", None, "y", None, "z", "w"]
IN = frame({"a": ("int64", A), "b": ("int64", B), "f": ("float64", F), "s": ("string", S)})


def out(after: str, name: str, t: str, values: list):
    """IN with the new column placed after ``after`` (at the end when None)."""
    cols = {"a": ("int64", A), "b": ("int64", B), "f": ("float64", F), "s": ("string", S)}
    items = []
    for k, v in cols.items():
        items.append((k, v))
        if k == after:
            items.append((name, (t, values)))
    if after is None:
        items.append((name, (t, values)))
    return frame(dict(items))


CASES: list = []
"""No cases here (the harness loads every module of the package)."""
