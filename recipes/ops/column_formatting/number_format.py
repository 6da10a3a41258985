"""NUMBER_FORMAT: numbers as formatted text (decimal places, separators, abbreviated units).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NUMBER_FORMAT.html

Semantics
---------
- The numeric column ``source_column`` becomes a string column, in place (the page names no
  target column). Missing stays missing; infinite values give missing.
- ``numeric_abbreviated_unit`` THOUSAND, MILLION, BILLION or TRILLION first divides the value by
  1e3, 1e6, 1e9 or 1e12 and appends ``numeric_unit_abbreviation`` right after the number (no
  space); when no abbreviation is given the first option the page lists for the unit is used
  (``K``, ``M``, ``B``, ``T``). An abbreviation without a unit is a validation problem.
- The value is then rounded to ``decimal_places`` (0 to 15) half away from zero, as DataBrew's
  ROUND does (``2.675`` -> ``2.68``), and written with exactly that many decimals; integer
  columns without a unit are formatted exactly, whatever their size.
- ``numeric_decimal_separator`` is ``.`` or ``,``; ``numeric_thousand_separator`` is none, ``,``,
  space, ``.`` or a backslash (the page lists ``"\\\\"``, a JSON-escaped backslash), put between
  every group of three integer digits; it must differ from the decimal separator. A minus sign
  precedes negative numbers (``-1,234.50``); a value that rounds to zero has no sign.

DataBrew writes ``null`` for a setting that is not enabled; such a value imports as absent.

Example: ``1234567.891`` with 2 places, ``,`` for thousands, ``.`` for decimals, THOUSAND and
``K`` gives ``"1,234.57K"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bt_number_format
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, StepProblem, column
from pydantic import Field

UNITS = {"THOUSAND": (1e3, "K"), "MILLION": (1e6, "M"), "BILLION": (1e9, "B"), "TRILLION": (1e12, "T")}


class NumberFormatParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Numeric column to format")
    decimal_places: int = Field(2, ge=0, le=15, description="Digits after the decimal separator")
    numeric_decimal_separator: Literal[".", ","] = Field(".", description="Decimal separator")
    numeric_thousand_separator: Literal[",", " ", ".", "\\"] | None = Field(None, description="Thousands separator (none: no grouping)")
    numeric_abbreviated_unit: Literal["THOUSAND", "MILLION", "BILLION", "TRILLION"] | None = Field(
        None, description="Divide by this unit (none: no abbreviation)"
    )
    numeric_unit_abbreviation: str | None = Field(None, description="Text after an abbreviated number (default K, M, B, T)")


def _args(params: Any) -> tuple[int, str, str, float, str]:
    divisor, suffix = UNITS[params.numeric_abbreviated_unit] if params.numeric_abbreviated_unit else (1.0, "")
    if params.numeric_unit_abbreviation is not None:
        suffix = params.numeric_unit_abbreviation
    return (
        params.decimal_places,
        params.numeric_decimal_separator,
        params.numeric_thousand_separator or "",
        divisor,
        suffix,
    )


class NumberFormat(MapOperation):
    """Numbers of ``source_column`` as text with the chosen separators, places and unit."""

    id = "number_format"
    category = "Format"
    title = "Format numbers"
    databrew = ("NUMBER_FORMAT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NUMBER_FORMAT.html"
    Params = NumberFormatParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"

    def check(self, params: Any, schema: Schema) -> None:
        if params.numeric_thousand_separator == params.numeric_decimal_separator:
            raise StepProblem(
                f"the thousands and decimal separators are both {params.numeric_decimal_separator!r}; choose different ones",
                field="numeric_thousand_separator",
            )
        if params.numeric_unit_abbreviation is not None and not params.numeric_abbreviated_unit:
            raise StepProblem(
                "numericUnitAbbreviation needs numericAbbreviatedUnit (THOUSAND, MILLION, BILLION or TRILLION)",
                field="numeric_abbreviated_unit",
            )

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return _bt_number_format(s, *_args(params))

    def expr(self, params: Any, src: str) -> str:
        return f"_bt_number_format({src}, " + ", ".join(repr(a) for a in _args(params)) + ")"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        # the page lists null as the "not enabled" value of the three optional settings
        optional = ("numericThousandSeparator", "numericAbbreviatedUnit", "numericUnitAbbreviation")
        kept = {k: v for k, v in parameters.items() if not (k in optional and str(v).lower() in ("", "null", "none"))}
        return super().from_databrew(operation, kept)

    def describe(self, params: Any) -> str:
        unit = f" in {params.numeric_abbreviated_unit.lower()}s" if params.numeric_abbreviated_unit else ""
        return f"Format {params.source_column} with {params.decimal_places} decimals{unit}"


OPERATION = NumberFormat()
