"""STANDARD_DEVIATION: standard deviation across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STDDEV.html

For every row, ``target_column`` gets the population standard deviation (ddof = 0) of the row's
numbers in ``source_columns`` (``float64``): the square root of VARIANCE, whose DataBrew page
divides by the count (the STANDARD_DEVIATION page gives no formula). One number gives 0; none gives
missing.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowAggregate


class RowStandardDeviation(RowAggregate):
    """Standard deviation across columns (STANDARD_DEVIATION)."""

    id = "row_standard_deviation"
    title = "Standard deviation across columns"
    databrew = ("STANDARD_DEVIATION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.STDDEV.html"
    how = "STANDARD_DEVIATION"


OPERATION = RowStandardDeviation()
