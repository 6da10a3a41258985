"""ROLLING_STANDARD_DEVIATION: the standard deviation of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_STANDARD_DEVIATION.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order, across partition boundaries (forward and
  backward carries of the source values); near the ends of the data the window is shorter.
- The result is the *population* standard deviation (divided by n) of the window's
  non-missing values, a new ``float64`` column right after the source: a window with one value
  gives 0, a window without any value gives a missing result. DataBrew's page does not say
  which; its functions follow Trifacta's, where ROLLINGSTDEV is the population statistic and
  ROLLINGSTDEVSAMP the sample one (the whole-column STANDARD_DEVIATION of group_by is the
  sample statistic).
- Numeric columns only.
- DataBrew's page names the operation ROLLING_STANDARD_DEVIATION but its example uses
  ``ROLLING_STDEV``: both are imported, ``ROLLING_STDEV`` (the example's) is exported.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._window_common import Window


class RollingStandardDeviation(Window):
    """Population standard deviation of the current row and the rows around it."""

    id = "rolling_standard_deviation"
    title = "Rolling standard deviation"
    how = "std"
    words = "standard deviation"
    databrew = ("ROLLING_STDEV", "ROLLING_STANDARD_DEVIATION")
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_STANDARD_DEVIATION.html"

    def out_type(self, params: Any, source_type: str) -> str:
        return "float64"


OPERATION = RollingStandardDeviation()
