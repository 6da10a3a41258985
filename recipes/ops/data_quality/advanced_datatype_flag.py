"""ADVANCED_DATATYPE_FLAG: flag the values that are of an advanced data type, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADVANCED_DATATYPE_FLAG.html

Semantics
---------
- A value is flagged when it is of ``advanced_data_type`` (Phone, ZipCode, DateTime, State,
  CreditCard, URL, Email, SSN or Gender, by the rules of ``_advanced_types``) and, when
  ``filter_values`` are given, its ``pattern`` detail (for instance a phone's ``AREA_CODE``
  ``Ohio``) is one of them, ignoring case. With filter values but no pattern, the trimmed value
  itself is compared (``Gender`` with ``["female"]``).
- The flag is text: ``true_string`` where the value is flagged, ``false_string`` elsewhere
  (defaults ``True`` / ``False``); a missing value gets a missing flag (as the other flag steps;
  the page does not say). The flag goes to the new ``target_column`` right after the source.
- The pattern must be one of the type's details; ZipCode CITY and TYPE need a ZIP database that
  Brewdesk does not ship and are refused. DataBrew's ``filter values`` key (so spelled on the
  page) and ``filterValues`` both import; export writes ``filterValues`` as a JSON list.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.advanced_types import _ba_flag
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._advanced_types import (
    AdvancedParams,
    check_pattern,
    common_from_databrew,
    common_to_databrew,
    filter_values_from_databrew,
)
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, check_columns, new_column
from pydantic import Field


class AdvancedDatatypeFlagParams(AdvancedParams):
    filter_values: list[str] = Field(default_factory=list, description="Details (or values) to flag; empty: every value of the type")
    target_column: str = new_column(description="New column with the flag")
    true_string: str = Field("True", description="Text written where the flag holds")
    false_string: str = Field("False", description="Text written elsewhere")


class AdvancedDatatypeFlag(Operation):
    """Flag values of ``source_column`` that are of ``advanced_data_type`` (and match the filter)."""

    id = "advanced_datatype_flag"
    kind = Kind.ROW
    category = "Advanced types"
    title = "Flag an advanced data type"
    databrew = ("ADVANCED_DATATYPE_FLAG",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADVANCED_DATATYPE_FLAG.html"
    Params = AdvancedDatatypeFlagParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        check_pattern(params, required=False)
        return place_schema(schema, params.target_column, "string", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        p = params
        flag = _ba_flag(frame[p.source_column], p.advanced_data_type, p.pattern, p.filter_values, p.true_string, p.false_string)
        return place(frame, p.target_column, flag, p.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        p = params
        expr = (
            f"_ba_flag(df[{p.source_column!r}], {p.advanced_data_type!r}, {p.pattern!r}, {p.filter_values!r}, "
            f"{p.true_string!r}, {p.false_string!r})"
        )
        return place_code(p.target_column, expr, p.source_column)

    def describe(self, params: Any) -> str:
        what = f" with {params.pattern or 'value'} in {', '.join(params.filter_values)}" if params.filter_values else ""
        return f"Flag {params.advanced_data_type} values of {params.source_column}{what} in {params.target_column}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = common_from_databrew(operation, parameters)
        out["target_column"] = parameters["targetColumn"]
        out["filter_values"] = filter_values_from_databrew(parameters)
        for key, name in (("trueString", "true_string"), ("falseString", "false_string")):
            if key in parameters:
                out[name] = parameters[key]
        return out

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out = common_to_databrew(params)
        out.update(
            targetColumn=params.target_column,
            filterValues=json.dumps(params.filter_values),
            trueString=params.true_string,
            falseString=params.false_string,
        )
        return "ADVANCED_DATATYPE_FLAG", out


OPERATION = AdvancedDatatypeFlag()
