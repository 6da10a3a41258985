"""CHAR: the character with a given Unicode code point.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.CHAR.html

Semantics
---------
- The input is a numeric column (``source_column``) or one literal whole number ``value`` (not
  both): ``65`` gives ``"A"``, ``233`` gives ``"é"``, ``128512`` gives ``"😀"``.
- Numbers that are not a code point give missing: fractions, values below 1 (0 is the NUL
  character, which text columns cannot hold reliably), above 0x10FFFF, or in the surrogate range
  0xD800-0xDFFF. Missing stays missing.
- The result is a text column ``target_column`` right after the source column (at the end for a
  literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bc_char
from brewdesk.recipes.ops._plumbing import check_one_of
from brewdesk.recipes.ops._value_functions import ValueFunction
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field, model_validator


class CharParams(Params):
    source_column: str | None = column(None, types=("int64", "float64"), description="Column of code points")
    value: int | None = Field(None, description="One code point for every row (instead of a column)")
    target_column: str = new_column(description="New column with the character")

    @model_validator(mode="after")
    def _operand(self) -> CharParams:
        check_one_of(self, "source_column", "value")
        return self


class Char(ValueFunction):
    """The character of a Unicode code point."""

    id = "char"
    title = "Character from code"
    databrew = ("CHAR",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.CHAR.html"
    Params = CharParams
    text_input = False

    kernel = staticmethod(_bc_char)

    def describe(self, params: Any) -> str:
        return f"Character of code {self.source_words(params)} into {params.target_column}"


OPERATION = Char()
