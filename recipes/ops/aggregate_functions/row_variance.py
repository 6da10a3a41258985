"""VARIANCE: variance across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.VAR.html

For every row, ``target_column`` gets the population variance of the row's numbers in
``source_columns`` (``float64``), as DataBrew's VARIANCE page defines it: ``Var(X) = sum((X -
mean(X))^2) / count(X)`` (ddof = 0). One number gives 0; none gives missing.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowAggregate


class RowVariance(RowAggregate):
    """Variance across columns (VARIANCE)."""

    id = "row_variance"
    title = "Variance across columns"
    databrew = ("VARIANCE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.VAR.html"
    how = "VARIANCE"


OPERATION = RowVariance()
