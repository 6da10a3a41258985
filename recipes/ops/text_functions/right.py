"""RIGHT: the last characters of a text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RIGHT.html

Semantics
---------
- The input is a text column (``source_column``) or one literal ``value`` for every row
  (DataBrew's ``sourceColumn | value``), not both.
- ``position`` is the number of characters to keep from the end (0 gives empty text); a text
  shorter than ``position`` is kept whole. Characters are Unicode code points.
- Missing stays missing. The result is a text column ``target_column``, placed right after the
  source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_slice
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction
from pydantic import Field


class RightParams(TextValueParams):
    position: int = Field(ge=0, description="Number of characters to keep from the right")


class Right(ValueFunction):
    """The rightmost ``position`` characters."""

    id = "right"
    title = "Right characters"
    databrew = ("RIGHT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RIGHT.html"
    Params = RightParams

    kernel = staticmethod(_bt_slice)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (0, 0) if params.position == 0 else (-params.position, None)

    def describe(self, params: Any) -> str:
        return f"Last {params.position} characters of {self.source_words(params)} into {params.target_column}"


OPERATION = Right()
