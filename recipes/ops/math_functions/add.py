"""ADD: add two numbers (columns or values).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ADD.html

- Each operand is a numeric column (``source_column1`` / ``source_column2``) or a literal number
  (``value1`` / ``value2``), not both. DataBrew's page documents ``sourceColumn1`` with ``sourceColumn2`` or ``value1``; a ``value1``
  given with ``sourceColumn1`` and no second column imports as the second operand.
- A missing operand gives missing.
- Two integer operands (integer columns or whole literal values) give an integer column
  (``int64``; overflow wraps around silently, as in Spark), otherwise a number column (``float64``).
- The new column is placed right after the first operand column (at the end when both operands
  are literals).
"""

from __future__ import annotations

from brewdesk.recipes.ops._arithmetic import ArithmeticOperation, BinaryParams


class AddParams(BinaryParams):
    pass


class Add(ArithmeticOperation):
    """``target_column = operand1 + operand2``."""

    id = "add"
    title = "Add"
    databrew = ("ADD",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ADD.html"
    Params = AddParams
    symbol = "+"
    int_result = True


OPERATION = Add()
