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
from brewdesk.recipes.kernels.types import _bd_convert, _bd_missing
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema, logical_type
from brewdesk.recipes.ops.base import Kind, Operation, Params, StepProblem, check_columns, column
from pydantic import Field


class FillWithCustomParams(Params):
    source_column: str = column(description="Column to fill")
    value: str | int | float | bool = Field(description="Value put in the missing cells")


def typed_value(value: Any, logical: str) -> Any:
    """``value`` in the column's logical type.

    Raises
    ------
    StepProblem
        When it does not convert.
    """
    text = value if isinstance(value, str) else ("true" if value is True else "false" if value is False else repr(value))
    if logical in {"string", "category", "object"}:
        return value if isinstance(value, str) else text
    if isinstance(value, bool) and logical != "boolean":
        raise StepProblem(f"{text} is not a value for a {logical} column", field="value")
    if logical in {"int64", "float64"}:
        num = pd.to_numeric(pd.Series([text]), errors="coerce").iloc[0]
        if pd.isna(num) or (logical == "int64" and float(num) != int(num)):
            kind = "a whole number" if logical == "int64" else "a number"
            raise StepProblem(f"{value!r} is not {kind}", field="value")
        return int(num) if logical == "int64" else float(num)
    converted = _bd_convert(pd.Series([text], dtype="string[pyarrow]"), "datetime" if logical == "datetime" else "boolean").iloc[0]
    if pd.isna(converted):
        kind = "a date (ISO 8601, e.g. 2024-01-31)" if logical == "datetime" else "true or false"
        raise StepProblem(f"{value!r} is not {kind}", field="value")
    return bool(converted) if logical == "boolean" else pd.Timestamp(converted)


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
            value = typed_value(params.value, logical_type(s.dtype))
        except StepProblem as e:
            raise StepError(e.message) from None
        if isinstance(s.dtype, pd.CategoricalDtype) and value not in s.cat.categories:
            s = s.cat.add_categories(pd.Index([value], dtype=s.cat.categories.dtype))
        return frame.assign(**{params.source_column: s.mask(_bd_missing(s), value)})

    def describe(self, params: FillWithCustomParams) -> str:
        return f"Fill missing values in {params.source_column} with {params.value!r}"

    def to_code(self, params: FillWithCustomParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        v = _text(params.value)
        # the value's type depends on the column's, known only at run time in the script
        return "\n".join(
            [
                f"_s = df[{col!r}]",
                "_t = 'category' if isinstance(_s.dtype, pd.CategoricalDtype) else "
                "'string' if pd.api.types.is_string_dtype(_s.dtype) or _s.dtype == object else "
                "'boolean' if pd.api.types.is_bool_dtype(_s.dtype) else "
                "'datetime' if pd.api.types.is_datetime64_any_dtype(_s.dtype) else "
                "'int64' if pd.api.types.is_integer_dtype(_s.dtype) else 'float64'",
                f"_v = {v!r} if _t in ('string', 'category') else _bd_convert(pd.Series([{v!r}], "
                "dtype='string[pyarrow]'), _t).iloc[0]",
                "if _t == 'category' and _v not in _s.cat.categories:",
                "    _s = _s.cat.add_categories(pd.Index([_v], dtype=_s.cat.categories.dtype))",
                f"df[{col!r}] = _s.mask(_bd_missing(_s), _v)",
            ]
        )

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
