"""SPLIT_COLUMN_FROM_END: split a text column in two at a position counted from the end.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_FROM_END.html

Semantics
---------
- ``position`` (1 or more) is the number of characters, from the right end, that go into the
  second piece; the rest goes into the first: ``position 1`` of ``"nationality"`` gives
  ``"nationalit"`` and ``"y"``. A value with ``position`` characters or fewer gives empty text
  and the whole value.
- The two pieces are string columns ``<source>_1`` and ``<source>_2`` replacing the source
  column (the naming rule of every SPLIT_COLUMN_* step, ``_split``); a name that already
  exists is a validation problem. Missing stays missing in both pieces. Characters are Unicode
  code points. A condition cannot restrict this step (it removes the source column).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_split_at
from brewdesk.recipes.ops._split import SplitOperation, SplitParams
from pydantic import Field


class SplitColumnFromEndParams(SplitParams):
    position: int = Field(ge=1, description="Characters in the second piece (from the end)")


class SplitColumnFromEnd(SplitOperation):
    """``source_column`` -> all but its last ``position`` characters, and those."""

    id = "split_column_from_end"
    title = "Split at a position from the end"
    databrew = ("SPLIT_COLUMN_FROM_END",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_FROM_END.html"
    Params = SplitColumnFromEndParams

    def count(self, params: Any) -> int:
        return 2

    def pieces(self, params: Any, s: pd.Series) -> list[pd.Series]:
        return _bt_split_at(s, [-params.position])

    def pieces_code(self, params: Any) -> str:
        return f"_bt_split_at(_s, [{-params.position}])"

    def describe(self, params: Any) -> str:
        return f"Split {params.source_column} before its last {params.position} characters"


OPERATION = SplitColumnFromEnd()
