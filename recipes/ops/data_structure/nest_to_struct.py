"""NEST_TO_STRUCT: the values of several columns as one struct per row, each keeping its type.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_STRUCT.html

Semantics
---------
- Each row gets a struct with one field per source column, named after it, in the order the
  columns are listed, each field keeping its column's type (DataBrew: "the order of the selected
  columns and the data type of each column are maintained"): no common-type cast, unlike
  NEST_TO_ARRAY and NEST_TO_MAP.
- A missing value is a missing field value (``{"a": 1, "b": None}``); the struct itself is never
  missing.
- The new ``object`` column goes right after the first source column (where it was, when
  ``remove_source_columns`` removes the sources). Structs are Python dicts; Parquet writes an
  Arrow struct, text formats a JSON object (:mod:`brewdesk.recipes.ops._nested`).
"""

from __future__ import annotations

from brewdesk.recipes.ops.data_structure.nest_to_array import NestOperation


class NestToStruct(NestOperation):
    """Nest ``source_columns`` into a struct column ``target_column`` (types kept)."""

    id = "nest_to_struct"
    title = "Nest to struct"
    databrew = ("NEST_TO_STRUCT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_STRUCT.html"
    nest_kind = "struct"
    cast = False


OPERATION = NestToStruct()
