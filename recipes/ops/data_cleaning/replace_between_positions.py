"""REPLACE_BETWEEN_POSITIONS: replace the characters between two positions, in place.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_BETWEEN_POSITIONS.html

Semantics
---------
- Positions are **0-based, start inclusive, end exclusive** (the page does not say; this is the
  convention of Brewdesk's SUBSTRING and EXTRACT_BETWEEN_POSITIONS): characters
  ``start_position`` to ``end_position - 1`` become the literal ``value``
  (``"abcdef"``, 1, 4, ``"#"`` gives ``"a#ef"``). ``start == end`` inserts ``value``.
- Positions past the end are clipped to the end, as Python slicing does: a text shorter than
  ``start_position`` gets ``value`` appended (the documentation is silent).
- ``end_position`` must not be smaller than ``start_position`` (a validation problem).
- Missing stays missing. The column is changed in place; a category column gives a string
  column.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_slice_replace
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, StepProblem, column
from pydantic import Field


class ReplaceBetweenPositionsParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    start_position: int = Field(ge=0, description="First character replaced (0-based, included)")
    end_position: int = Field(ge=0, description="End of the replaced characters (0-based, excluded)")
    value: str = Field("", description="Literal replacement text")


class ReplaceBetweenPositions(TextMapOperation):
    """Replace characters ``start_position`` (included) to ``end_position`` (excluded)."""

    id = "replace_between_positions"
    category = "Clean"
    title = "Replace between positions"
    databrew = ("REPLACE_BETWEEN_POSITIONS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_BETWEEN_POSITIONS.html"
    Params = ReplaceBetweenPositionsParams

    def check(self, params: Any, schema: Schema) -> None:
        if params.end_position < params.start_position:
            raise StepProblem("endPosition must not be smaller than startPosition", field="end_position")

    kernel = staticmethod(_bt_slice_replace)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.start_position, params.end_position, params.value)

    def describe(self, params: Any) -> str:
        return (
            f"Replace characters {params.start_position} to {params.end_position} of "
            f"{params.source_column} with {params.value!r}"
        )


OPERATION = ReplaceBetweenPositions()
