"""ROLLING_SUM: the sum of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_SUM.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order, across partition boundaries (the engine
  carries the last ``num_rows_before`` values of the earlier partitions forward and the first
  ``num_rows_after`` values of the following partitions back).
- The result is the sum of the window's non-missing values, in a new column right after the
  source: ``int64`` for an ``int64`` source (exact up to 2**53), ``float64`` otherwise. A window
  without any value gives a missing result (not 0); near the ends of the data the window is
  shorter.
- Numeric columns only.
"""

from __future__ import annotations

from brewdesk.recipes.ops._window_common import Window


class RollingSum(Window):
    """Sum of the current row and the rows around it."""

    id = "rolling_sum"
    title = "Rolling sum"
    how = "sum"
    words = "sum"
    databrew = ("ROLLING_SUM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_SUM.html"


OPERATION = RollingSum()
