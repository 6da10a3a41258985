"""FORMAT_PHONE_NUMBER: phone numbers rewritten in one standard format (E.164 by default).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FORMAT_PHONE_NUMBER.html

Semantics
---------
- Each value of the text column ``source_column`` is parsed as a phone number with Google's
  libphonenumber rules (the ``phonenumbers`` package), then written in ``phone_number_format``:
  ``E164`` (the default, ``+14083415669``), or, beyond what the page lists,
  ``INTERNATIONAL`` (``+1 408-341-5669``), ``NATIONAL`` (``(408) 341-5669``) and ``RFC3966``
  (``tel:+1-408-341-5669``). The column is changed in place (a category column becomes string).
- A number without a ``+`` and country calling code is read in ``default_region`` (a region
  code such as ``US`` or ``GB``) or in the region code found in the same row of
  ``default_region_column`` (a Country column holding region codes; case and surrounding spaces
  ignored); at most one of the two may be given. Without either, such a number is not formatted.
- As the page says, a value that cannot be formatted to a valid phone number (libphonenumber's
  ``is_valid_number``: right length and prefix for its region) is left unchanged. Missing stays
  missing.
- The page allows region codes of "two or three uppercase letters"; libphonenumber knows the
  two-letter ISO 3166 codes, so a three-letter code is a validation problem naming the fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_format_phone
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._plumbing import place, place_code
from brewdesk.recipes.ops.base import Kind, Operation, Params, StepProblem, check_columns, column
from pydantic import Field, model_validator


class FormatPhoneNumberParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column of phone numbers")
    phone_number_format: Literal["E164", "INTERNATIONAL", "NATIONAL", "RFC3966"] = Field("E164", description="Output format")
    default_region: str | None = Field(None, description="Region of numbers without a country code (e.g. US)")
    default_region_column: str | None = column(None, types=TEXT_TYPES, description="Column with each row's region code")

    @model_validator(mode="after")
    def _one_region(self) -> FormatPhoneNumberParams:
        if self.default_region is not None and self.default_region_column is not None:
            raise ValueError("give defaultRegion or defaultRegionColumn, not both")
        return self


class FormatPhoneNumber(Operation):
    """Phone numbers of ``source_column`` in ``phone_number_format``; invalid ones unchanged."""

    id = "format_phone_number"
    kind = Kind.ROW
    category = "Format"
    title = "Format phone numbers"
    databrew = ("FORMAT_PHONE_NUMBER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FORMAT_PHONE_NUMBER.html"
    Params = FormatPhoneNumberParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.default_region is not None:
            # optional heavy dependency: phonenumbers, loaded only to check a default region
            import phonenumbers

            if params.default_region not in phonenumbers.SUPPORTED_REGIONS:
                raise StepProblem(
                    f"unknown region code {params.default_region!r}; use a two-letter ISO 3166 code such as US, GB or DE",
                    field="default_region",
                )
        return schema.with_column(params.source_column, "string")

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        regions = frame[params.default_region_column] if params.default_region_column else None
        values = _bt_format_phone(frame[params.source_column], params.phone_number_format, params.default_region, regions)
        return place(frame, params.source_column, values, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        regions = f"df[{params.default_region_column!r}]" if params.default_region_column else "None"
        expr = (
            f"_bt_format_phone(df[{params.source_column!r}], {params.phone_number_format!r}, "
            f"{params.default_region!r}, {regions})"
        )
        return place_code(params.source_column, expr, params.source_column)

    def describe(self, params: Any) -> str:
        where = (
            f" (region {params.default_region})"
            if params.default_region
            else f" (region from {params.default_region_column})"
            if params.default_region_column
            else ""
        )
        return f"Format phone numbers in {params.source_column} as {params.phone_number_format}{where}"


OPERATION = FormatPhoneNumber()
