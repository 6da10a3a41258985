"""MEDIAN: median across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MEDIAN.html

For every row, ``target_column`` gets the median of the row's numbers in ``source_columns``
(``float64``): the middle number, or the mean of the two middle numbers for an even count; missing
when the row has none.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowAggregate


class RowMedian(RowAggregate):
    """Median across columns (MEDIAN)."""

    id = "row_median"
    title = "Median across columns"
    databrew = ("MEDIAN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MEDIAN.html"
    how = "MEDIAN"


OPERATION = RowMedian()
