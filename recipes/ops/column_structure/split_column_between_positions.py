"""SPLIT_COLUMN_BETWEEN_POSITIONS: split a text column in three at two positions.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_BETWEEN_POSITIONS.html

Semantics
---------
- Positions are **0-based, start inclusive, end exclusive** (the page does not say; the
  convention of EXTRACT_BETWEEN_POSITIONS and SUBSTRING): the pieces are the characters before
  ``start_position``, from ``start_position`` up to ``end_position``, and from ``end_position``
  on. ``startPosition 2, endPosition 5`` of ``"abcdefg"`` gives ``"ab"``, ``"cde"``, ``"fg"``.
- Positions past the end of a value give empty pieces. ``end_position`` must not be smaller
  than ``start_position`` (a validation problem).
- The three pieces are string columns ``<source>_1``, ``<source>_2``, ``<source>_3`` replacing
  the source column (the naming rule of every SPLIT_COLUMN_* step, ``_split``); a name that
  already exists is a validation problem. Missing stays missing in every piece. A condition
  cannot restrict this step (it removes the source column).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_split_at
from brewdesk.recipes.ops._split import SplitOperation, SplitParams
from brewdesk.recipes.ops.base import StepProblem
from pydantic import Field


class SplitColumnBetweenPositionsParams(SplitParams):
    start_position: int = Field(ge=0, description="Where the middle piece starts (0-based, included)")
    end_position: int = Field(ge=0, description="Where the middle piece ends (0-based, excluded)")


class SplitColumnBetweenPositions(SplitOperation):
    """``source_column`` -> before ``start_position``, up to ``end_position``, and the rest."""

    id = "split_column_between_positions"
    title = "Split between positions"
    databrew = ("SPLIT_COLUMN_BETWEEN_POSITIONS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_BETWEEN_POSITIONS.html"
    Params = SplitColumnBetweenPositionsParams

    def count(self, params: Any) -> int:
        return 3

    def check(self, params: Any) -> None:
        if params.end_position < params.start_position:
            raise StepProblem(
                f"endPosition {params.end_position} is smaller than startPosition {params.start_position}; swap them",
                field="end_position",
            )

    def pieces(self, params: Any, s: pd.Series) -> list[pd.Series]:
        return _bt_split_at(s, [params.start_position, params.end_position])

    def pieces_code(self, params: Any) -> str:
        return f"_bt_split_at(_s, [{params.start_position}, {params.end_position}])"

    def describe(self, params: Any) -> str:
        return f"Split {params.source_column} at positions {params.start_position} and {params.end_position}"


OPERATION = SplitColumnBetweenPositions()
