"""ENDS_WITH: ``true`` when a regular expression matches the end of a text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ENDS_WITH.html

Semantics
---------
- ``pattern`` is a regular expression (DataBrew's page: "a regular expression that must match
  the end of the string"; Python ``re`` syntax), so ``.`` matches any character; escape it
  (``\\.``) to mean a dot. ``ignore_case`` (not on DataBrew's page; default ``false``) makes the
  match case-insensitive.
- The input is a text column or a literal ``value`` (not both). A missing value gives a missing
  result. The result is a boolean column ``target_column`` right after the source column (at
  the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_contains
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction, regex_problem
from pydantic import Field


class EndsWithParams(TextValueParams):
    pattern: str = Field(min_length=1, description="Regular expression that must match the end")
    ignore_case: bool = Field(False, description="Ignore the difference between upper and lower case")


class EndsWith(ValueFunction):
    """Whether ``pattern`` matches the end of the text."""

    id = "ends_with"
    title = "Ends with"
    databrew = ("ENDS_WITH",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ENDS_WITH.html"
    Params = EndsWithParams
    out_logical = "boolean"

    def check(self, params: Any, schema: Schema) -> None:
        regex_problem(params.pattern, "pattern", wrap="(?:{})\\Z")

    kernel = staticmethod(_bt_contains)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (f"(?:{params.pattern})\\Z", not params.ignore_case)

    def describe(self, params: Any) -> str:
        return f"Whether {self.source_words(params)} ends with /{params.pattern}/ into {params.target_column}"


OPERATION = EndsWith()
