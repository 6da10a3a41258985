"""SPLIT_COLUMN_FROM_START: split a text column in two at a position counted from the start.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_FROM_START.html

Semantics
---------
- ``position`` (1 or more) is the number of characters that go into the first piece; the rest
  goes into the second: ``position 1`` of ``"first_name"`` gives ``"f"`` and ``"irst_name"``.
  A value with ``position`` characters or fewer gives the whole value and empty text.
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


class SplitColumnFromStartParams(SplitParams):
    position: int = Field(ge=1, description="Characters in the first piece")


class SplitColumnFromStart(SplitOperation):
    """``source_column`` -> its first ``position`` characters and the rest."""

    id = "split_column_from_start"
    title = "Split at a position from the start"
    databrew = ("SPLIT_COLUMN_FROM_START",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_FROM_START.html"
    Params = SplitColumnFromStartParams

    def count(self, params: Any) -> int:
        return 2

    def pieces(self, params: Any, s: pd.Series) -> list[pd.Series]:
        return _bt_split_at(s, [params.position])

    def pieces_code(self, params: Any) -> str:
        return f"_bt_split_at(_s, [{params.position}])"

    def describe(self, params: Any) -> str:
        return f"Split {params.source_column} after its first {params.position} characters"


OPERATION = SplitColumnFromStart()
