"""SUBSTRING: the characters between two positions of a text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SUBSTRING.html

Semantics
---------
- The input is a text column (``source_column``) or one literal ``value`` for every row, not
  both.
- Positions are **0-based, start inclusive, end exclusive** (DataBrew's page only says "the
  character position to begin/end with, from the left end"; this is the convention of DataBrew's
  MASK_RANGE, whose page documents it, and of the Wrangle ``SUBSTRING`` function DataBrew's
  functions come from): ``startPosition 1, endPosition 4`` of ``"abcdef"`` is ``"bcd"``.
- Positions past the end are clipped to the end (a start past the end gives empty text).
  ``end_position`` must not be smaller than ``start_position`` (a validation problem).
- Missing stays missing. The result is a text column ``target_column``, placed right after the
  source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_slice
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction
from brewdesk.recipes.ops.base import StepProblem
from pydantic import Field


class SubstringParams(TextValueParams):
    start_position: int = Field(ge=0, description="First character (0-based, included)")
    end_position: int = Field(ge=0, description="End (0-based, excluded)")


class Substring(ValueFunction):
    """Characters ``start_position`` (included) to ``end_position`` (excluded), 0-based."""

    id = "substring"
    title = "Substring"
    databrew = ("SUBSTRING",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SUBSTRING.html"
    Params = SubstringParams

    def check(self, params: Any, schema: Schema) -> None:
        if params.end_position < params.start_position:
            raise StepProblem("endPosition must not be smaller than startPosition", field="end_position")

    kernel = staticmethod(_bt_slice)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.start_position, params.end_position)

    def describe(self, params: Any) -> str:
        return (
            f"Characters {params.start_position} to {params.end_position} of {self.source_words(params)} "
            f"into {params.target_column}"
        )


OPERATION = Substring()
