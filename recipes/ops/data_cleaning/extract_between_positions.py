"""EXTRACT_BETWEEN_POSITIONS: the characters between two positions, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_BETWEEN_POSITIONS.html

Semantics
---------
- Positions are **0-based, start inclusive, end exclusive** (the page does not say; this is the
  convention Brewdesk's SUBSTRING follows, documented by DataBrew's MASK_RANGE):
  ``startPosition 1, endPosition 4`` of ``"abcdef"`` is ``"bcd"``.
- Positions past the end are clipped to the end (a start past the end gives empty text).
  ``end_position`` must not be smaller than ``start_position`` (a validation problem).
- Missing stays missing. The source is a text (or category) column; the result is a text column
  ``target_column`` placed right after it.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_slice
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._value_functions import ValueFunction
from brewdesk.recipes.ops.base import Params, StepProblem, column, new_column
from pydantic import Field


class ExtractBetweenPositionsParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    start_position: int = Field(ge=0, description="First character (0-based, included)")
    end_position: int = Field(ge=0, description="End (0-based, excluded)")
    target_column: str = new_column(description="New column with the extracted text")

    @property
    def value(self) -> None:
        """No literal operand: DataBrew's step reads a column only."""
        return None


class ExtractBetweenPositions(ValueFunction):
    """Characters ``start_position`` (included) to ``end_position`` (excluded), 0-based."""

    id = "extract_between_positions"
    category = "Extract"
    title = "Extract between positions"
    databrew = ("EXTRACT_BETWEEN_POSITIONS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_BETWEEN_POSITIONS.html"
    Params = ExtractBetweenPositionsParams

    def check(self, params: Any, schema: Schema) -> None:
        if params.end_position < params.start_position:
            raise StepProblem("endPosition must not be smaller than startPosition", field="end_position")

    kernel = staticmethod(_bt_slice)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.start_position, params.end_position)

    def describe(self, params: Any) -> str:
        return (
            f"Extract characters {params.start_position} to {params.end_position} of "
            f"{params.source_column} into {params.target_column}"
        )


OPERATION = ExtractBetweenPositions()
