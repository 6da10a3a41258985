"""Date parts (not an operation: the registry skips ``_`` modules).

- The base of YEAR, MONTH, DAY, HOUR, MINUTE, WEEK_DAY ... (:class:`DatePartOperation`): an
  integer part of a datetime, text being parsed first.
- The parts of DATE, DATE_TIME and TIME (a column or a literal each): their fields
  (:func:`part_column`, :func:`part_value`), their operands (:func:`part_operands`), their
  placement (:func:`parts_after`) and their DataBrew ``dateTimeParameters``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.kernels.dates import _bd_date_part
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops._plumbing import (
    databrew_error,
    decode_json,
    first_column,
)
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field

DATE_SOURCE_TYPES: tuple[str, ...] = ("datetime", "string", "category")
"""Column types the date functions accept (text is parsed first)."""


PART_TYPES = ("int64", "float64", "string")
"""Column types a DATE, DATE_TIME or TIME part may come from (text is read as a number)."""


def parts_from_databrew(operation: str, parts: tuple[str, ...], parameters: Mapping[str, Any]) -> dict[str, Any]:
    """DATE_TIME / TIME ``dateTimeParameters`` (``{"hour": {"sourceColumn": "h"}, ...}``) to params.

    Raises
    ------
    RecipeFormatError
        When ``dateTimeParameters`` is not a JSON object.
    """
    spec = decode_json(parameters.get("dateTimeParameters", {}))
    if not isinstance(spec, dict):
        raise databrew_error(f"{operation}: dateTimeParameters must be a JSON object")
    out: dict[str, Any] = {"target_column": parameters["targetColumn"]}
    for p in parts:
        v = spec.get(p)
        if isinstance(v, dict) and v.get("sourceColumn"):
            out[f"{p}_column"] = v["sourceColumn"]
        elif isinstance(v, dict) and v.get("value") not in (None, ""):
            out[p] = int(v["value"])
    if parameters.get("dateTimeFormat"):
        out["date_time_format"] = parameters["dateTimeFormat"]
    return out


def parts_to_databrew(params: Any, parts: tuple[str, ...]) -> dict[str, str]:
    """The ``dateTimeParameters`` and ``targetColumn`` of DATE_TIME / TIME from params."""
    spec: dict[str, Any] = {}
    for p in parts:
        col, v = getattr(params, f"{p}_column"), getattr(params, p)
        if col is not None:
            spec[p] = {"sourceColumn": col}
        elif v is not None:
            spec[p] = {"value": str(v)}
    return {"dateTimeParameters": json.dumps(spec), "targetColumn": params.target_column}


def part_column(part: str) -> Any:
    """The ``<part>_column`` field of DATE, DATE_TIME and TIME: an optional column of the part."""
    return column(None, types=PART_TYPES, description=f"Column holding the {part}")


def part_value(part: str) -> Any:
    """The ``<part>`` field of DATE, DATE_TIME and TIME: the part as a literal number instead."""
    return Field(None, description=f"The {part} as a number (instead of a column)")


def parts_after(params: Any, parts: tuple[str, ...]) -> str | None:
    """The first ``<part>_column`` given (DATE, DATE_TIME and TIME place their result right
    after it), ``None`` when every part is a literal."""
    return first_column(*(getattr(params, f"{p}_column") for p in parts))


def part_operands(params: Any, parts: tuple[str, ...], frame: pd.DataFrame | None) -> list[Any]:
    """The parts of DATE, DATE_TIME and TIME for ``_bd_make_datetime`` / ``_bd_time``.

    Each part is its column ``<part>_column`` or its literal ``<part>`` (0 when neither is given):
    Series and numbers over ``frame``, or their exported-code expressions (over ``df``) when
    ``frame`` is ``None``. When every part is a literal, the first becomes an ``Int64`` Series
    over the frame's rows, so the helper gives one value per row.
    """
    out: list[Any] = []
    for p in parts:
        col, value = getattr(params, f"{p}_column"), getattr(params, p)
        value = 0 if value is None else value
        if col is not None:
            out.append(frame[col] if frame is not None else f"df[{col!r}]")
        else:
            out.append(value if frame is not None else repr(value))
    if parts_after(params, parts) is None:
        out[0] = (
            pd.Series([out[0]] * len(frame), index=frame.index, dtype="Int64")
            if frame is not None
            else f"pd.Series([{out[0]}] * len(df), index=df.index, dtype='Int64')"
        )
    return out


class DatePartParams(Params):
    """A date part function's params: a datetime (or date text) column into a new column."""

    source_column: str = column(types=DATE_SOURCE_TYPES, description="Datetime column (or date text)")
    target_column: str = new_column(description="New column")
    date_time_format: str | None = Field(
        None, description="Pattern of a text column's dates, e.g. dd/MM/yyyy (default ISO 8601)"
    )


class DatePartOperation(MapOperation):
    """Base of YEAR, MONTH, DAY, HOUR, MINUTE, WEEK_DAY ...: an integer part of a datetime, by
    the kernel :func:`~brewdesk.recipes.kernels.dates._bd_date_part` (a subclass may declare
    another kernel taking the source and the strftime pattern).

    A text column is parsed first: with ``date_time_format`` when given, else as ISO 8601;
    text that does not parse gives missing.
    """

    category = "Functions"
    kernel = staticmethod(_bd_date_part)
    part: ClassVar[str]
    """The part (``_bd_date_part``): a pandas ``Series.dt`` attribute, ``week`` or ``millisecond``."""
    offset: ClassVar[int] = 0

    def out_type(self, params: Any, in_type: str) -> str:
        return "int64"

    def check(self, params: Any, schema: Schema) -> None:
        strftime_or_problem(params.date_time_format, "date_time_format")

    def arguments(self, params: Any) -> tuple[Any, ...]:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        if self.kernel is not _bd_date_part:
            return (fmt,)
        return (self.part, fmt, self.offset)

    def describe(self, params: Any) -> str:
        return f"{self.title} of {params.source_column} into {params.target_column}"
