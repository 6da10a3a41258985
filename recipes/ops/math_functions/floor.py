"""FLOOR: the largest whole number less than or equal to a number.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.FLOOR.html

(The page's prose says "greater than or equal", a slip: floor rounds down.) -2.5 -> -3, 2.5 -> 2.
An integer column stays integer and unchanged; a number column gives a ``float64`` column of
whole numbers (Spark returns a long; a float column keeps values beyond the int64 range).
Missing stays missing. DataBrew's page names the source ``sourceColumn1``; ``sourceColumn`` is
accepted too. The new column goes right after the source.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.kernels.numbers import _bd_floor
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column


class FloorParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")


class Floor(MapOperation):
    """Round down to a whole number."""

    id = "floor"
    category = "Functions"
    title = "Floor"
    databrew = ("FLOOR",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.FLOOR.html"
    Params = FloorParams

    def out_type(self, params: FloorParams, in_type: str) -> str:
        return in_type

    kernel = staticmethod(_bd_floor)

    def describe(self, params: FloorParams) -> str:
        return f"Floor of {params.source_column} into {params.target_column}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        src = parameters.get("sourceColumn", parameters.get("sourceColumn1"))
        return {"source_column": src, "target_column": parameters["targetColumn"]}

    def to_databrew(self, params: FloorParams) -> tuple[str, dict[str, str]]:
        return "FLOOR", {"sourceColumn1": params.source_column, "targetColumn": params.target_column}


OPERATION = Floor()
