"""REPEAT_STRING: a text repeated a number of times.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.REPEAT.html

Semantics
---------
- The input is a text column or a literal ``value`` (not both); ``count`` is how many copies
  are joined, with nothing between them (0 gives empty text).
- Missing stays missing. The result is a text column ``target_column`` right after the source
  column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_repeat
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction
from pydantic import Field


class RepeatStringParams(TextValueParams):
    count: int = Field(ge=0, le=10_000, description="Number of copies")


class RepeatString(ValueFunction):
    """The text repeated ``count`` times."""

    id = "repeat_string"
    title = "Repeat text"
    databrew = ("REPEAT_STRING",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.REPEAT.html"
    Params = RepeatStringParams

    kernel = staticmethod(_bt_repeat)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.count,)

    def describe(self, params: Any) -> str:
        return f"{self.source_words(params)} repeated {params.count} times into {params.target_column}"


OPERATION = RepeatString()
