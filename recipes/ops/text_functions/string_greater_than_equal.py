"""STRING_GREATER_THAN_EQUAL: ``true`` when the first text sorts after the second or equals it.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STRING_GREATER_THAN_EQUAL.html

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


class StringGreaterThanEqualParams(TextPairParams):
    pass


class StringGreaterThanEqual(TextCompare):
    """``target_column = text1 >= text2``."""

    id = "string_greater_than_equal"
    title = "Text greater than or equal"
    databrew = ("STRING_GREATER_THAN_EQUAL",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STRING_GREATER_THAN_EQUAL.html"
    Params = StringGreaterThanEqualParams
    symbol = ">="


OPERATION = StringGreaterThanEqual()
