"""MIN: minimum across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MIN.html

For every row, ``target_column`` gets the smallest of the row's numbers in ``source_columns``;
missing when it has none. Integer columns give ``int64``, others ``float64``.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowAggregate


class RowMin(RowAggregate):
    """Minimum across columns (MIN)."""

    id = "row_min"
    title = "Minimum across columns"
    databrew = ("MIN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MIN.html"
    how = "MIN"


OPERATION = RowMin()
