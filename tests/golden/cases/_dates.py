"""Shared input of the date-part golden cases (a module starting with ``_`` holds no cases)."""

from . import frame

N = [1, 2, 3, 4, 5, 6, 7]
D = [None, "2024-01-31 13:45:10", None, None, "1999-12-31 00:00:00", "2024-02-29 08:05:09", "1970-01-04 23:59:59"]
IN = frame({"n": ("int64", N), "d": ("datetime", D)})
TEXT = ["31/01/2024", "bad", None, "29/02/2023", "01/12/1999"]
ISO = ["2024-01-31", "2024-01-31T10:00:00", None, "x", "1999-12-31 23:00:00"]


def out(t: str, values: list):
    return frame({"n": ("int64", N), "d": ("datetime", D), "p": (t, values)})


def text_in(values: list):
    return frame({"n": ("int64", N[: len(values)]), "d": ("string", values)})


def text_out(values: list, t: str, result: list):
    return frame({"n": ("int64", N[: len(values)]), "d": ("string", values), "p": (t, result)})


CASES: list = []
"""No cases here (the harness loads every module of the package)."""
