"""Shared inputs of the row-wise aggregate functions' golden cases (row_any ... row_variance).

Rows of (a, b, c), the integer columns, hold: ``[5, 5, 3]``, ``[1, 4, -]``, all missing,
``[3, 3, 1]``, ``[2, 2, 7]``, ``[-, 8, -]``. Rows of (f, s), a decimal and a text column, hold
the numbers ``[1.5, 12]`` (text " 12 "), none ("abc" is not a number), ``[2.0]``, ``[-1.0]``
(empty text), ``[2.0, 2]``, ``[10]`` (text "1e1").
"""

from __future__ import annotations

from typing import Any

from . import GoldenCase, frame

COLS: dict[str, tuple[str, list[Any]]] = {
    "a": ("int64", [5, 1, None, 3, 2, None]),
    "b": ("int64", [5, 4, None, 3, 2, 8]),
    "c": ("int64", [3, None, None, 1, 7, None]),
    "f": ("float64", [1.5, None, 2.0, -1.0, 2.0, None]),
    "s": ("string", [" 12 ", "abc", None, "", "2", "1e1"]),
    "flag": ("boolean", [True, None, False, None, True, None]),
    "when": ("datetime", ["2024-01-01", None, None, "2024-01-02", None, None]),
}
IN = frame(COLS)
INTS = ["a", "b", "c"]
MIXED = ["f", "s"]


def out(after: str, logical: str, values: list[Any], name: str = "t") -> Any:
    """The input with the new column ``name`` right after ``after``."""
    items: dict[str, tuple[str, list[Any]]] = {}
    for col, spec in COLS.items():
        items[col] = spec
        if col == after:
            items[name] = (logical, values)
    return frame(items)


def case(name: str, columns: list[str], logical: str, values: list[Any], **params: Any) -> GoldenCase:
    """A case over :data:`IN` aggregating ``columns`` into ``t``."""
    return GoldenCase(
        name, IN, {"source_columns": columns, "target_column": "t", **params}, out(columns[0], logical, values)
    )


def category_case(name: str, columns: list[str], logical: str, values: list[Any], **params: Any) -> GoldenCase:
    """A case over :data:`IN` plus the category column ``k`` (``["7", -, "x", "7", -, -]``)."""
    cols = {**COLS, "k": ("category", ["7", None, "x", "7", None, None])}
    items: dict[str, tuple[str, list[Any]]] = {}
    for col, spec in cols.items():
        items[col] = spec
        if col == columns[0]:
            items["t"] = (logical, values)
    params = {"source_columns": columns, "target_column": "t", **params}
    return GoldenCase(name, frame(cols), params, frame(items))


def error_cases() -> list[GoldenCase]:
    """Errors every numeric aggregate shares: a boolean or datetime column, an unknown column."""
    return [
        GoldenCase("boolean-column", IN, {"source_columns": ["a", "flag"], "target_column": "t"}, error="'flag' is boolean, expected"),
        GoldenCase("datetime-column", IN, {"source_columns": ["when"], "target_column": "t"}, error="'when' is datetime, expected"),
        GoldenCase("unknown-column", IN, {"source_columns": ["a", "bb"], "target_column": "t"}, error="column 'bb' does not exist"),
        GoldenCase("target-exists", IN, {"source_columns": ["a", "b"], "target_column": "c"}, error="column 'c' already exists"),
    ]
