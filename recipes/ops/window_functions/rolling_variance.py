"""ROLLING_VARIANCE: the variance of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_VARIANCE.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order, across partition boundaries (forward and
  backward carries of the source values); near the ends of the data the window is shorter.
- The result is the *population* variance (divided by n) of the window's non-missing values,
  a new ``float64`` column right after the source: a window with one value gives 0, a window
  without any value gives a missing result (as ROLLING_STANDARD_DEVIATION, whose square it is;
  Trifacta's ROLLINGVAR, which DataBrew's function follows, is the population variance).
- Numeric columns only.
- DataBrew's page names the operation ROLLING_VARIANCE but its example uses ``ROLLING_VAR``:
  both are imported, ``ROLLING_VAR`` (the example's) is exported.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._window_common import Window


class RollingVariance(Window):
    """Population variance of the current row and the rows around it."""

    id = "rolling_variance"
    title = "Rolling variance"
    how = "var"
    words = "variance"
    databrew = ("ROLLING_VAR", "ROLLING_VARIANCE")
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_VARIANCE.html"

    def out_type(self, params: Any, source_type: str) -> str:
        return "float64"


OPERATION = RollingVariance()
