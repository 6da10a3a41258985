"""MOD: the remainder of dividing the first number by the second.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MOD.html

- Each operand is a numeric column (``source_column1`` / ``source_column2``) or a literal number
  (``value1`` / ``value2``), not both. DataBrew's keys: ``sourceColumn1`` or ``value1``, ``sourceColumn2`` or ``value2``, ``targetColumn``.
- A missing operand gives missing.
- The remainder has the sign of the first operand, as Spark's ``%`` (DataBrew runs on Spark):
  ``-7 mod 3 = -1``, ``7 mod -3 = 1``. A zero divisor gives missing. DataBrew's page describes MOD
  as "the percent that one number is of another", which its parameters and name contradict; the
  remainder is what the operation name means.
- Two integer operands give an integer column, otherwise a number column (``float64``).
- The new column is placed right after the first operand column (at the end when both operands
  are literals).
"""

from __future__ import annotations

from brewdesk.recipes.ops._arithmetic import ArithmeticOperation, BinaryParams


class ModParams(BinaryParams):
    pass


class Mod(ArithmeticOperation):
    """``target_column = operand1 % operand2``."""

    id = "mod"
    title = "Remainder (mod)"
    databrew = ("MOD",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MOD.html"
    Params = ModParams
    symbol = "%"
    int_result = True


OPERATION = Mod()
