"""EXTRACT_ADVANCED_DATATYPE_DETAILS: a detail of each value of an advanced data type, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_ADVANCED_DATATYPE_DETAILS.html

Semantics
---------
- For each value of ``advanced_data_type`` (by the rules of ``_advanced_types``) the ``pattern``
  detail is written as text into the new ``target_column``, right after the source:
  Phone ``AREA_CODE`` / ``TIME_ZONE`` / ``COUNTRY_CODE``; ZipCode ``TIME_ZONE`` / ``COUNTRY`` /
  ``STATE`` / ``REGION``; DateTime ``DAY`` / ``MONTH`` / ``MONTH_NAME`` / ``WEEK`` / ``QUARTER`` /
  ``YEAR``; State ``TIME_ZONE``; CreditCard ``LENGTH`` / ``NETWORK``; URL ``PROTOCOL`` / ``TLD`` /
  ``DOMAIN``. ``98101`` with ZipCode ``STATE`` gives ``Washington``.
- Values not of the type, and missing values, give missing, as do values whose detail is unknown
  (a military ZIP code's time zone, a URL without a scheme's PROTOCOL).
- The pattern is required and must be one of the type's details: Email, SSN and Gender have none,
  and ZipCode CITY and TYPE need a ZIP database that Brewdesk does not ship (all validation
  problems). DataBrew's example writes ``TIMEZONE``; a pattern is imported ignoring underscores.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.advanced_types import _ba_details
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._advanced_types import (
    AdvancedParams,
    check_pattern,
    common_from_databrew,
    common_to_databrew,
)
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, check_columns, new_column


class ExtractAdvancedDatatypeDetailsParams(AdvancedParams):
    target_column: str = new_column(description="New column with the detail")


class ExtractAdvancedDatatypeDetails(Operation):
    """The ``pattern`` detail of each ``advanced_data_type`` value of ``source_column``."""

    id = "extract_advanced_datatype_details"
    kind = Kind.ROW
    category = "Advanced types"
    title = "Extract advanced data type details"
    databrew = ("EXTRACT_ADVANCED_DATATYPE_DETAILS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_ADVANCED_DATATYPE_DETAILS.html"
    Params = ExtractAdvancedDatatypeDetailsParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        check_pattern(params, required=True)
        return place_schema(schema, params.target_column, "string", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        values = _ba_details(frame[params.source_column], params.advanced_data_type, params.pattern)
        return place(frame, params.target_column, values, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        expr = f"_ba_details(df[{params.source_column!r}], {params.advanced_data_type!r}, {params.pattern!r})"
        return place_code(params.target_column, expr, params.source_column)

    def describe(self, params: Any) -> str:
        return f"Extract the {params.pattern} of {params.advanced_data_type} values of {params.source_column} into {params.target_column}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        return {**common_from_databrew(operation, parameters), "target_column": parameters["targetColumn"]}

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "EXTRACT_ADVANCED_DATATYPE_DETAILS", {**common_to_databrew(params), "targetColumn": params.target_column}


OPERATION = ExtractAdvancedDatatypeDetails()
