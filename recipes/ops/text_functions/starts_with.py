"""STARTS_WITH: ``true`` when a regular expression matches the start of a text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STARTS_WITH.html

Semantics
---------
- ``pattern`` is a regular expression (DataBrew's page: "a regular expression that must match
  the start of the string"; Python ``re`` syntax), so ``.`` matches any character; escape it
  (``\\.``) to mean a dot. ``ignore_case`` (not on DataBrew's page; default ``false``) makes the
  match case-insensitive.
- The input is a text column or a literal ``value`` (not both). A missing value gives a missing
  result. The result is a boolean column ``target_column`` right after the source column (at
  the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_starts
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction, regex_problem
from pydantic import Field


class StartsWithParams(TextValueParams):
    pattern: str = Field(min_length=1, description="Regular expression that must match the start")
    ignore_case: bool = Field(False, description="Ignore the difference between upper and lower case")


class StartsWith(ValueFunction):
    """Whether ``pattern`` matches the start of the text."""

    id = "starts_with"
    title = "Starts with"
    databrew = ("STARTS_WITH",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STARTS_WITH.html"
    Params = StartsWithParams
    out_logical = "boolean"

    def check(self, params: Any, schema: Schema) -> None:
        regex_problem(params.pattern, "pattern", wrap="(?:{})")

    kernel = staticmethod(_bt_starts)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.pattern, not params.ignore_case)

    def describe(self, params: Any) -> str:
        return f"Whether {self.source_words(params)} starts with /{params.pattern}/ into {params.target_column}"


OPERATION = StartsWith()
