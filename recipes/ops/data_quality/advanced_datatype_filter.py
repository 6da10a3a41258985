"""ADVANCED_DATATYPE_FILTER: keep, remove or clear the rows whose value is of an advanced data type.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADVANCED_DATATYPE_FILTER.html

Semantics
---------
- A row *matches* when its ``source_column`` value is of ``advanced_data_type`` (Phone, ZipCode,
  DateTime, State, CreditCard, URL, Email, SSN or Gender, by the rules of ``_advanced_types``)
  and, when ``filter_values`` are given, its ``pattern`` detail is one of them, ignoring case
  (the page's example keeps the phones whose ``AREA_CODE`` is ``Ohio``). With filter values but
  no pattern the trimmed value itself is compared. A missing value never matches.
- ``strategy``: ``KEEP_ROWS`` keeps the matching rows, ``DISCARD_ROWS`` removes them (the other
  rows keep their order and row ids, as REMOVE_MISSING's do); ``CLEAR_FILTERS`` clears the
  matching values of the column and ``CLEAR_OTHERS`` the other non-missing values, keeping every
  row. A cleared value becomes missing, or empty text with ``clear_with_empty``; the column is
  then a string column (a category column included).
- The pattern must be one of the type's details; ZipCode CITY and TYPE need a ZIP database that
  Brewdesk does not ship and are refused. ``filter values`` (the page's spelling) and
  ``filterValues`` both import, also in the example's ``['Ohio']`` form; export writes
  ``filterValues`` as a JSON list. A condition cannot restrict this step (it removes rows).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.advanced_types import _ba_filter
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._advanced_types import (
    AdvancedParams,
    check_pattern,
    common_from_databrew,
    common_to_databrew,
    filter_values_from_databrew,
)
from brewdesk.recipes.ops.base import Kind, Operation, as_bool, check_columns
from pydantic import Field

Strategy = Literal["KEEP_ROWS", "DISCARD_ROWS", "CLEAR_FILTERS", "CLEAR_OTHERS"]


class AdvancedDatatypeFilterParams(AdvancedParams):
    filter_values: list[str] = Field(default_factory=list, description="Details (or values) that match; empty: every value of the type")
    strategy: Strategy = Field("KEEP_ROWS", description="Keep or discard the matching rows, or clear the matching or other values")
    clear_with_empty: bool = Field(False, description="Clear with empty text instead of missing")


def _clears(params: Any) -> bool:
    return params.strategy in ("CLEAR_FILTERS", "CLEAR_OTHERS")


class AdvancedDatatypeFilter(Operation):
    """Keep, discard or clear the rows whose ``source_column`` value matches the type and filter."""

    id = "advanced_datatype_filter"
    kind = Kind.ROW
    category = "Advanced types"
    title = "Filter by advanced data type"
    databrew = ("ADVANCED_DATATYPE_FILTER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADVANCED_DATATYPE_FILTER.html"
    Params = AdvancedDatatypeFilterParams
    changes_rows = True

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        check_pattern(params, required=False)
        return schema.with_column(params.source_column, "string") if _clears(params) else schema

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        p = params
        keep, values = _ba_filter(
            frame[p.source_column], p.advanced_data_type, p.pattern, p.filter_values, p.strategy, p.clear_with_empty
        )
        if values is None:
            return frame.loc[keep]
        out = frame.copy(deep=False)
        out[p.source_column] = values
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        p = params
        call = (
            f"_ba_filter(df[{p.source_column!r}], {p.advanced_data_type!r}, {p.pattern!r}, {p.filter_values!r}, "
            f"{p.strategy!r}, {p.clear_with_empty!r})"
        )
        if p.strategy in ("KEEP_ROWS", "DISCARD_ROWS"):
            return f"df = df.loc[{call}[0]]"
        return f"df[{p.source_column!r}] = {call}[1]"

    def describe(self, params: Any) -> str:
        what = f" with {params.pattern or 'value'} in {', '.join(params.filter_values)}" if params.filter_values else ""
        verb = {
            "KEEP_ROWS": "Keep rows whose",
            "DISCARD_ROWS": "Remove rows whose",
            "CLEAR_FILTERS": "Clear values of",
            "CLEAR_OTHERS": "Clear values other than",
        }[params.strategy]
        return f"{verb} {params.source_column} is {params.advanced_data_type}{what}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = common_from_databrew(operation, parameters)
        out["filter_values"] = filter_values_from_databrew(parameters)
        if parameters.get("strategy"):
            out["strategy"] = str(parameters["strategy"]).upper()
        if "clearWithEmpty" in parameters:
            out["clear_with_empty"] = as_bool(parameters["clearWithEmpty"])
        return out

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out = common_to_databrew(params)
        out.update(
            filterValues=json.dumps(params.filter_values),
            strategy=params.strategy,
            clearWithEmpty="true" if params.clear_with_empty else "false",
        )
        return "ADVANCED_DATATYPE_FILTER", out


OPERATION = AdvancedDatatypeFilter()

