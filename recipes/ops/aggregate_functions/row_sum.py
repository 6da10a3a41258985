"""SUM: sum across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SUM.html

For every row, ``target_column`` gets the sum of the row's numbers in ``source_columns``; missing
(not 0) when the row has none, so "no data" stays visible. Integer columns give an exact ``int64``
sum, others ``float64``.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowAggregate


class RowSum(RowAggregate):
    """Sum across columns (SUM)."""

    id = "row_sum"
    title = "Sum across columns"
    databrew = ("SUM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SUM.html"
    how = "SUM"


OPERATION = RowSum()
