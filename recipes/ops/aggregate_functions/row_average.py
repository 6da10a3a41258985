"""AVERAGE: average across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.AVERAGE.html

For every row, ``target_column`` gets the mean of the row's numbers in ``source_columns``
(``float64``). Missing cells and text that is not a number are ignored (DataBrew: "non-numbers
ignored"); a row without numbers gives missing.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowAggregate


class RowAverage(RowAggregate):
    """Average across columns (AVERAGE)."""

    id = "row_average"
    title = "Average across columns"
    databrew = ("AVERAGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.AVERAGE.html"
    how = "AVERAGE"


OPERATION = RowAverage()
