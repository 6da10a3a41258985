"""ROLLING_SUM: the sum of a window of rows ending at each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_SUM.html

Semantics
---------
- The window of a row is the row itself and the ``num_rows_before`` rows above it in source
  order, across partition boundaries (the engine carries the last ``num_rows_before`` values of
  the earlier partitions into each partition).
- The result is the sum of the window's non-missing values, in a new column right after the
  source: ``int64`` for an ``int64`` source (exact up to 2**53), ``float64`` otherwise. A window
  without any value gives a missing result (not 0); near the top of the data the window is
  shorter.
- ``num_rows_after`` must be 0 (a forward carry cannot see the following partitions); a
  validation problem otherwise.
"""

from __future__ import annotations

from brewdesk.recipes.ops._fit_common import Rolling, RollingParams


class RollingSum(Rolling):
    """Sum of the current row and the ``num_rows_before`` rows above it."""

    id = "rolling_sum"
    title = "Rolling sum"
    how = "sum"
    databrew = ("ROLLING_SUM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_SUM.html"

    def describe(self, params: RollingParams) -> str:
        return (
            f"Rolling sum of {params.source_column} over the row and {params.num_rows_before} "
            f"above, into {params.target_column}"
        )


OPERATION = RollingSum()
