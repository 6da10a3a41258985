"""STRING_LESS_THAN: ``true`` when the first text sorts before the second.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STRING_LESS_THAN.html

Semantics
---------
- Each operand is a text column (``source_column1`` / ``source_column2``) or a literal
  (``value1`` / ``value2``), not both (DataBrew's ``sourceColumn1 | value1``,
  ``sourceColumn2 | value2``).
- Texts are compared by Unicode code point: binary and case-sensitive (``"B" < "a"``,
  ``"a" < "ab"``), as Spark compares strings; no trimming, no locale collation (DataBrew's page
  does not say; documented choice).
- A missing operand gives a missing result. The result is a boolean column ``target_column``,
  right after the first operand column (at the end when both operands are literals).
"""

from __future__ import annotations

from brewdesk.recipes.ops._value_functions import TextCompare, TextPairParams


class StringLessThanParams(TextPairParams):
    pass


class StringLessThan(TextCompare):
    """``target_column = text1 < text2``."""

    id = "string_less_than"
    title = "Text less than"
    databrew = ("STRING_LESS_THAN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STRING_LESS_THAN.html"
    Params = StringLessThanParams
    symbol = "<"


OPERATION = StringLessThan()
