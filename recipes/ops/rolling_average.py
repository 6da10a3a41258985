"""ROLLING_AVERAGE: the mean of a window of rows ending at each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_AVERAGE.html

Semantics
---------
- The window of a row is the row itself and the ``num_rows_before`` rows above it in source
  order (the ``_rowid`` order), across partition boundaries: the engine carries the last
  ``num_rows_before`` values of the earlier partitions into each partition.
- The result is the mean of the window's non-missing values, a new ``float64`` column placed
  right after the source; a window without any value gives a missing result. Near the top of
  the data the window is shorter (only the rows that exist).
- ``num_rows_after`` must be 0: a window reaching below the current row needs the following
  partitions, which a forward carry cannot give (a validation problem otherwise). DataBrew
  allows it; Brewdesk refuses it rather than computing something else.
"""

from __future__ import annotations

from brewdesk.recipes.ops._fit_common import Rolling, RollingParams


class RollingAverage(Rolling):
    """Mean of the current row and the ``num_rows_before`` rows above it."""

    id = "rolling_average"
    title = "Rolling average"
    how = "mean"
    databrew = ("ROLLING_AVERAGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_AVERAGE.html"

    def describe(self, params: RollingParams) -> str:
        return (
            f"Rolling average of {params.source_column} over the row and {params.num_rows_before} "
            f"above, into {params.target_column}"
        )


OPERATION = RollingAverage()
