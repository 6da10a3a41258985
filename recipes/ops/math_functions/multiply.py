"""MULTIPLY: multiply two numbers.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MULTIPLY.html

- Each operand is a numeric column (``source_column1`` / ``source_column2``) or a literal number
  (``value1`` / ``value2``), not both. DataBrew's keys: ``sourceColumn1`` or ``value1``, ``sourceColumn2`` or ``value2``, ``targetColumn``.
- A missing operand gives missing.
- Two integer operands (integer columns or whole literal values) give an integer column
  (``int64``; overflow wraps around silently, as in Spark), otherwise a number column (``float64``).
- The new column is placed right after the first operand column (at the end when both operands
  are literals).
"""

from __future__ import annotations

from brewdesk.recipes.ops._arithmetic import ArithmeticOperation, BinaryParams


class MultiplyParams(BinaryParams):
    pass


class Multiply(ArithmeticOperation):
    """``target_column = operand1 * operand2``."""

    id = "multiply"
    title = "Multiply"
    databrew = ("MULTIPLY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MULTIPLY.html"
    Params = MultiplyParams
    symbol = "*"
    int_result = True


OPERATION = Multiply()
