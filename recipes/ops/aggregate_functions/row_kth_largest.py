"""KTH_LARGEST: k-th largest across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.KTH_LARGEST.html

For every row, ``target_column`` gets the ``value``-th (k-th) largest of the row's numbers in
``source_columns``, duplicates counted (``[5, 5, 3]`` with k = 2 gives 5). k is at least 1 and at
most the number of listed columns (checked when the recipe is validated); a row with fewer than k
numbers gives missing. Integer columns give ``int64``, others ``float64``.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import KthParams, RowAggregate


class RowKthLargest(RowAggregate):
    """K-th largest across columns (KTH_LARGEST)."""

    id = "row_kth_largest"
    title = "K-th largest across columns"
    databrew = ("KTH_LARGEST",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.KTH_LARGEST.html"
    how = "KTH_LARGEST"
    Params = KthParams


OPERATION = RowKthLargest()
