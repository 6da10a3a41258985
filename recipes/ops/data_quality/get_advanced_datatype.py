"""GET_ADVANCED_DATATYPE: which advanced data type a text column holds, if any.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.GET_ADVANCED_DATATYPE.html

Semantics
---------
- DataBrew flags a column as an advanced data type "if 50% or more of the values in the column
  meet the criteria for that data type" (projects.adv-data-types.html). Brewdesk counts, over
  the whole dataset, the non-missing, non-blank values of ``source_column`` that are of each
  type (the rules of ``_advanced_types``: DateTime, SSN, Phone, Email, CreditCard, Gender,
  IpAddress, URL, ZipCode, Country, Currency, State; City cannot be recognised without a
  gazetteer). The type with the largest share wins if its share is at least one half; equal
  shares go to the type listed first (DataBrew's order, above). No type: missing.
- DataBrew's page does not say where the answer goes. Brewdesk writes the type name (``Email``,
  ``ZipCode``, ...) into every row of a new string column ``<source>_advanced_data_type``
  placed right after the source, so later steps and the exported data can use it; that name
  already existing is a validation problem.
- The share is a whole-dataset statistic: the engine combines the column's value counts from
  every partition before any row is written (a FIT_MAP step: one entry per distinct value), and
  the preview uses the sample's counts. The page's parameter list names the column
  ``columnName`` and its example ``sourceColumn``; both import, export writes ``sourceColumn``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.advanced_types import _ba_detect
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._advanced_types import DETECTED
from brewdesk.recipes.ops._fit_common import fitted_lines
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Stat,
    StepProblem,
    check_columns,
    column,
)


class GetAdvancedDatatypeParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to classify")


def target(params: Any) -> str:
    """Name of the created column."""
    return f"{params.source_column}_advanced_data_type"


def _requests(params: Any) -> dict[str, Stat]:
    return {"value_counts": Stat("value_counts", params.source_column)}


class GetAdvancedDatatype(Operation):
    """The advanced data type of ``source_column`` (50% of its values or more), in a new column."""

    id = "get_advanced_datatype"
    kind = Kind.FIT_MAP
    category = "Advanced types"
    title = "Get the advanced data type"
    databrew = ("GET_ADVANCED_DATATYPE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.GET_ADVANCED_DATATYPE.html"
    Params = GetAdvancedDatatypeParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if target(params) in schema:
            raise StepProblem(f"column '{target(params)}' already exists; rename it first", field="source_column")
        return place_schema(schema, target(params), "string", params.source_column)

    def stats(self, params: Any, schema: Schema) -> dict[str, Stat]:
        return _requests(params)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        counts = fitted["value_counts"]
        kind = _ba_detect(counts, DETECTED) if counts is not None and len(counts) else None
        values = pd.Series([kind] * len(frame), index=frame.index, dtype="string[pyarrow]")
        return place(frame, target(params), values, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        lines = fitted_lines(_requests(params), fitted)
        expr = (
            f"pd.Series([_ba_detect(_value_counts, {DETECTED!r}) if len(_value_counts) else None] * len(df), "
            "index=df.index, dtype='string[pyarrow]')"
        )
        return "\n".join(lines) + "\n" + place_code(target(params), expr, params.source_column)

    def describe(self, params: Any) -> str:
        return f"Write the advanced data type of {params.source_column} into {target(params)}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        return {"source_column": parameters.get("sourceColumn", parameters.get("columnName"))}

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "GET_ADVANCED_DATATYPE", {"sourceColumn": params.source_column}


OPERATION = GetAdvancedDatatype()
