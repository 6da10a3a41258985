"""NEST_TO_MAP: the values of several columns as one map (column name -> value) per row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_MAP.html

Semantics
---------
- Each row gets a map whose keys are the names of ``source_columns`` and whose values are the
  row's values. A map has no order (DataBrew: "the order of the selected column is not
  maintained"); Brewdesk's dict lists the keys in the order given, and comparisons ignore it.
- Values are cast to one common type, by NEST_TO_ARRAY's rule: one type stays; integers with
  decimals give decimals; any other mix gives text (CHANGE_DATA_TYPE's text form); nested
  columns combine only with nested columns.
- A missing value keeps its key with a missing value (``{"a": 1, "b": None}``), like Spark's
  ``map()``.
- The new ``object`` column goes right after the first source column (where it was, when
  ``remove_source_columns`` removes the sources); Parquet writes a map as a struct, text formats
  as a JSON object (:mod:`brewdesk.recipes.ops._nested`).
"""

from __future__ import annotations

from brewdesk.recipes.ops.data_structure.nest_to_array import NestOperation


class NestToMap(NestOperation):
    """Nest ``source_columns`` into a map column ``target_column`` (keys = column names)."""

    id = "nest_to_map"
    title = "Nest to map"
    databrew = ("NEST_TO_MAP",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_MAP.html"
    nest_kind = "map"
    cast = True


OPERATION = NestToMap()
