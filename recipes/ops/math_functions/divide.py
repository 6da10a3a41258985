"""DIVIDE: divide the first number by the second.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DIVIDE.html

- Each operand is a numeric column (``source_column1`` / ``source_column2``) or a literal number
  (``value1`` / ``value2``), not both. DataBrew's keys: ``sourceColumn1`` or ``value1``, ``sourceColumn2`` or ``value2``, ``targetColumn``.
- A missing operand gives missing.
- The result is always a number column (``float64``). Division by zero gives missing (DataBrew's
  page is silent; Spark's ``/`` gives null too).
- The new column is placed right after the first operand column (at the end when both operands
  are literals).
"""

from __future__ import annotations

from brewdesk.recipes.ops._arithmetic import ArithmeticOperation, BinaryParams


class DivideParams(BinaryParams):
    pass


class Divide(ArithmeticOperation):
    """``target_column = operand1 / operand2``."""

    id = "divide"
    title = "Divide"
    databrew = ("DIVIDE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DIVIDE.html"
    Params = DivideParams
    symbol = "/"
    int_result = False


OPERATION = Divide()
