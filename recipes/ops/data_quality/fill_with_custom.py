"""FILL_WITH_CUSTOM: replace missing values with a given value.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_CUSTOM.html

- Missing means null, or text that is empty or only whitespace (as REMOVE_MISSING).
- ``value`` is converted to the column's type when the recipe is validated, and a value that does
  not convert is a validation problem on ``value`` (DataBrew's page is silent): an integer column
  takes whole numbers (``"3"``, ``3.0``), a number column any number, a boolean column
  ``true/false`` (also ``t/f``, ``yes/no``, ``y/n``, ``1/0``), a datetime column an ISO 8601 date
  (``2024-01-31`` or ``2024-01-31 13:45:00``), a text or category column any text. The column's
  type never changes.
- DataBrew's ``columnDataType`` says what ``value`` is: export writes ``number`` for a number,
  ``boolean`` for a boolean and ``string`` for text; on import a ``number`` value becomes an
  integer or a float and a ``boolean`` one ``true``/``false``; ``date``, ``timestamp`` and
  ``string`` values stay text, converted to the column's type at validation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_custom_value, _bd_fill_custom
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema, logical_type
from brewdesk.recipes.ops._fit_common import literal
from brewdesk.recipes.ops.base import Kind, Operation, Params, StepProblem, check_columns, column
from pydantic import Field


class FillWithCustomParams(Params):
    source_column: str = column(description="Column to fill")
    value: str | int | float | bool = Field(description="Value put in the missing cells")


def typed_value(value: Any, logical: str) -> Any:
    """``value`` in the column's logical type (the kernel :func:`_bd_custom_value`).

    Raises
    ------
    StepProblem
        When it does not convert.
    """
    try:
        return _bd_custom_value(value, logical)
    except ValueError as e:
        raise StepProblem(str(e), field="value") from None


class FillWithCustom(Operation):
    """Fill missing values of ``source_column`` with ``value`` (in the column's type)."""

    id = "fill_with_custom"
    kind = Kind.ROW
    category = "Missing"
    title = "Fill with custom value"
    databrew = ("FILL_WITH_CUSTOM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_CUSTOM.html"
    Params = FillWithCustomParams

    def columns(self, params: FillWithCustomParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        typed_value(params.value, schema[params.source_column])
        return schema

    def apply(self, params: FillWithCustomParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        try:
            typed_value(params.value, logical_type(s.dtype))
        except StepProblem as e:
            raise StepError(e.message) from None
        return frame.assign(**{params.source_column: _bd_fill_custom(s, params.value)})

    def describe(self, params: FillWithCustomParams) -> str:
        return f"Fill missing values in {params.source_column} with {params.value!r}"

    def to_code(self, params: FillWithCustomParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        return f"df[{col!r}] = _bd_fill_custom(df[{col!r}], {literal(params.value)})"

    def to_databrew(self, params: FillWithCustomParams) -> tuple[str, dict[str, str]]:
        # DataBrew's columnDataType says what ``value`` is, so a number or a boolean comes back
        # as one on import (not as the text "7.0")
        return "FILL_WITH_CUSTOM", {
            "sourceColumn": params.source_column,
            "columnDataType": _DATABREW_TYPE[type(params.value)],
            "value": _text(params.value),
        }

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        value = parameters.get("value", "")
        kind = str(parameters.get("columnDataType") or "string").lower()
        if isinstance(value, str) and kind == "number":
            text = value.strip()
            try:
                value = int(text) if _INTEGER.fullmatch(text) else float(text)
            except ValueError:
                raise ValueError(f"value {value!r} is not a number (columnDataType is number)") from None
        elif isinstance(value, str) and kind == "boolean" and value.strip().lower() in ("true", "false"):
            value = value.strip().lower() == "true"
        # date, timestamp, string and unsupported values stay text: they are converted to the
        # column's type when the recipe is validated
        return {"source_column": parameters.get("sourceColumn"), "value": value}


_DATABREW_TYPE = {str: "string", int: "number", float: "number", bool: "boolean"}
_INTEGER = re.compile(r"[+-]?\d+")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else repr(value)


OPERATION = FillWithCustom()
