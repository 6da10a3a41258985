"""FILL_WITH_MODE: replace missing values with the column's mode, with DataBrew's tie rules.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_MODE.html

Semantics
---------
- The mode is the most frequent non-missing value of the whole dataset, from combined value
  counts (``Stat("mode", column, modeType)``), never per partition.
- ``modeType`` decides ties, as DataBrew's page documents with the values 1 2 2 3 3 4 (2 and 3
  tie): ``MINIMUM`` -> 2, ``MAXIMUM`` -> 3, ``AVERAGE`` -> 2.5 (the mean of the tied values),
  ``NONE`` -> no mode, so nothing is filled. Without a tie every rule gives the single mode.
- Text, boolean and datetime columns work with ``MINIMUM``/``MAXIMUM`` (text compared by code
  point, i.e. lexicographically and case-sensitively: ``"B" < "a"``; ``False < True``);
  ``AVERAGE`` needs a numeric column (a validation problem otherwise).
- ``int64`` columns get an ``AVERAGE`` of tied values rounded half to even (2.5 -> 2), as
  fill_with_median; DataBrew's page does not say (documented choice).
- A column with no values is left as it is. Default ``modeType``: ``MINIMUM``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES, ORDERED_TYPES, StatFill
from brewdesk.recipes.ops.base import Params, Stat, StepProblem, check_columns, column
from pydantic import Field

ModeType = Literal["MINIMUM", "NONE", "AVERAGE", "MAXIMUM"]


class FillWithModeParams(Params):
    source_column: str = column(types=ORDERED_TYPES, description="Column to fill")
    mode_type: ModeType = Field(
        "MINIMUM",
        description="Tie rule: MINIMUM, MAXIMUM or AVERAGE of the tied values, or NONE (no fill on a tie)",
    )


def average_problem(mode_type: str, source_column: str, schema: Schema) -> str | None:
    """The message when AVERAGE is asked of a non-numeric column, else ``None``."""
    if mode_type == "AVERAGE" and source_column in schema and schema[source_column] not in NUMERIC_TYPES:
        return (
            f"modeType AVERAGE needs a numeric column; '{source_column}' is {schema[source_column]} "
            "(use MINIMUM or MAXIMUM)"
        )
    return None


class FillWithMode(StatFill):
    """Fill missing values with the whole-dataset mode (ties: MINIMUM, MAXIMUM, AVERAGE, NONE)."""

    id = "fill_with_mode"
    title = "Fill with mode"
    databrew = ("FILL_WITH_MODE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_MODE.html"
    value_code = "_mode"
    Params = FillWithModeParams

    def columns(self, params: FillWithModeParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        problem = average_problem(params.mode_type, params.source_column, schema)
        if problem:
            raise StepProblem(problem, field="mode_type")
        return schema

    def check(self, params: FillWithModeParams, schema: Schema) -> None:
        problem = average_problem(params.mode_type, params.source_column, schema)
        if problem:
            raise StepError(problem)

    def requests(self, params: FillWithModeParams) -> dict[str, Stat]:
        return {"mode": Stat("mode", params.source_column, params.mode_type)}

    def value(self, params: FillWithModeParams, fitted: Mapping[str, Any]) -> Any:
        return fitted["mode"]

    def describe(self, params: FillWithModeParams) -> str:
        tie = {"MINIMUM": "smallest", "MAXIMUM": "largest", "AVERAGE": "average", "NONE": "no fill"}
        return f"Fill missing values in {params.source_column} with the mode (ties: {tie[params.mode_type]})"


OPERATION = FillWithMode()
