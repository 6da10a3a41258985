"""ROUND: round a number to the nearest integer (or to some decimal places), .5 away from zero.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROUND.html

- DataBrew's page says ".5 rounds up"; Spark (DataBrew's engine) rounds HALF_UP, i.e. away from
  zero for negatives too: 2.5 -> 3, -2.5 -> -3. This is not numpy's or pandas' round-half-to-even.
- A value is rounded as written in decimal: 2.675 (stored in binary as 2.67499999...) rounds to
  2.68 at two places, as Spark's decimal rounding does; values within 1e-14 (relative) of a half
  count as the half.
- ``decimals`` (also ``decimal_places``; default 0, negative rounds to tens, hundreds, ...).
- An integer column stays integer (unchanged unless ``decimals`` is negative); a number column
  stays ``float64``. Missing stays missing. The new column goes right after the source.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bd_round
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import AliasChoices, Field


class RoundParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")
    decimals: int = Field(
        0,
        ge=-15,
        le=15,
        validation_alias=AliasChoices("decimals", "decimal_places"),
        description="Decimal places to keep (negative: tens, hundreds, ...)",
    )


class Round(MapOperation):
    """Round half away from zero to ``decimals`` places."""

    id = "round"
    category = "Functions"
    title = "Round"
    databrew = ("ROUND",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROUND.html"
    Params = RoundParams

    def out_type(self, params: RoundParams, in_type: str) -> str:
        return in_type

    def transform(self, params: RoundParams, s: pd.Series) -> pd.Series:
        return _bd_round(s, params.decimals)

    def expr(self, params: RoundParams, src: str) -> str:
        return f"_bd_round({src}, {params.decimals})"

    def describe(self, params: RoundParams) -> str:
        places = f" to {params.decimals} decimal places" if params.decimals else ""
        return f"Round {params.source_column}{places} into {params.target_column}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"source_column": parameters["sourceColumn"], "target_column": parameters["targetColumn"]}
        for key in ("decimals", "decimalPlaces"):
            if key in parameters:
                out["decimals"] = int(parameters[key])
        return out

    def to_databrew(self, params: RoundParams) -> tuple[str, dict[str, str]]:
        out = {"sourceColumn": params.source_column, "targetColumn": params.target_column}
        if params.decimals:
            out["decimalPlaces"] = str(params.decimals)
        return "ROUND", out


OPERATION = Round()
