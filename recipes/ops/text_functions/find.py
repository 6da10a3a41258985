"""FIND: where a regular expression first matches a text, searching left to right.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.FIND.html

Semantics
---------
DataBrew's page does not say what the result is; Brewdesk follows the Wrangle ``FIND`` function
DataBrew's text functions come from:

- The result is the **0-based index, counted from the start of the text**, of the first match of
  the regular expression ``pattern`` (Python ``re`` syntax); missing when nothing matches.
- The search starts at ``position`` (0-based; default 0, the whole text). A position past the
  end of the text gives missing.
- ``ignore_case`` makes the match case-insensitive (DataBrew's ``ignoreCase``, ``"true"`` /
  ``"false"``). Inline global flags such as ``(?i)`` are not allowed in the pattern.
- The input is a text column or a literal ``value`` (not both); missing stays missing. The result
  is an integer column ``target_column`` right after the source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bc_find
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction, regex_problem
from pydantic import Field


class FindParams(TextValueParams):
    pattern: str = Field(min_length=1, description="Regular expression to search for")
    position: int = Field(0, ge=0, description="Start searching at this character (0-based)")
    ignore_case: bool = Field(False, description="Ignore the difference between upper and lower case")


class Find(ValueFunction):
    """0-based index of the first match of ``pattern`` at or after ``position``."""

    id = "find"
    title = "Find"
    databrew = ("FIND",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.FIND.html"
    Params = FindParams
    out_logical = "int64"
    from_right = False

    def check(self, params: Any, schema: Schema) -> None:
        regex_problem(params.pattern, "pattern")

    def compute(self, params: Any, s: pd.Series) -> pd.Series:
        return _bc_find(s, params.pattern, params.position, params.ignore_case, self.from_right)

    def code(self, params: Any, src: str) -> str:
        return f"_bc_find({src}, {params.pattern!r}, {params.position}, {params.ignore_case}, {self.from_right})"

    def describe(self, params: Any) -> str:
        return f"Position of /{params.pattern}/ in {self.source_words(params)} into {params.target_column}"


OPERATION = Find()
