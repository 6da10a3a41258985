"""NEST_TO_ARRAY: the values of several columns as one array per row, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_ARRAY.html

Semantics
---------
- Each row gets a list of its values of ``source_columns``, in the order the columns are listed
  (DataBrew: "the order of the selected columns is maintained").
- The values are cast to one common type (DataBrew: "typecast to a common type that supports the
  data types of all columns"); Brewdesk's rule, where the page is silent: one type stays as it is
  (``category`` counts as text); integers with decimals give decimals (``1`` -> ``1.0``); any
  other mix gives text, written as CHANGE_DATA_TYPE to string writes it (``true``,
  ``2024-01-31 13:45:00``, ``1.5``). Nested columns combine only with nested columns; a mix is a
  validation problem.
- A missing value stays in its place as a missing element (``[1, None, 3]``), like Spark's
  ``array()``; a row whose values are all missing gets an array of missing elements, never a
  missing array.
- The new column (type ``object``, see :mod:`brewdesk.recipes.ops._nested` for how arrays are
  held and written) goes right after the first source column, or where it was when
  ``remove_source_columns`` removes the sources. ``target_column`` may name one of the sources
  (it is replaced); any other existing name is refused.
"""

from __future__ import annotations

from brewdesk.recipes.ops._nested import NestOperation


class NestToArray(NestOperation):
    """Nest ``source_columns`` into an array column ``target_column``."""

    id = "nest_to_array"
    title = "Nest to array"
    databrew = ("NEST_TO_ARRAY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_ARRAY.html"
    nest_kind = "array"
    cast = True


OPERATION = NestToArray()
