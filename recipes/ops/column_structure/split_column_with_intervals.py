"""SPLIT_COLUMN_WITH_INTERVALS: split a text column every ``interval`` characters.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_WITH_INTERVALS.html

Semantics
---------
- Positions are 0-based (as in SPLIT_COLUMN_BETWEEN_POSITIONS). The first piece holds the
  characters before ``start_position``; from there a new piece starts every ``interval``
  characters: ``startPosition 1, interval 4`` of ``"nationality"`` gives ``"n"``, ``"atio"``,
  ``"nali"``, ``"ty"``. With ``start_position`` 0 the first piece is always empty text.
- DataBrew creates as many columns as the longest value needs, which depends on the data. A
  Brewdesk schema is known before the data is read, so the step has a declared ``limit``, the
  number of splits (1 to 20, default 20, the maximum DataBrew allows for its other splits): it
  always creates ``limit + 1`` columns, and the last one holds the rest of the text (which may be
  longer than ``interval``), so no text is ever lost. ``limit`` is not a DataBrew parameter: a
  DataBrew import gets 20, and the export writes ``limit`` only when it is not 20.
- Pieces a value is too short to reach are empty text. The pieces are string columns
  ``<source>_1`` ... ``<source>_<limit + 1>`` replacing the source column (the naming rule of
  every SPLIT_COLUMN_* step, ``_split``); a name that already exists is a validation
  problem. Missing stays missing in every piece. A condition cannot restrict this step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_split_at
from brewdesk.recipes.ops._split import SplitOperation, SplitParams
from pydantic import Field

DEFAULT_LIMIT = 20


class SplitColumnWithIntervalsParams(SplitParams):
    start_position: int = Field(ge=0, description="Where the first interval starts (0-based)")
    interval: int = Field(ge=1, description="Characters in each piece")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=20, description="Number of splits (columns created: limit + 1; the last holds the rest)")


def _cuts(params: Any) -> list[int]:
    return [params.start_position + k * params.interval for k in range(params.limit)]


class SplitColumnWithIntervals(SplitOperation):
    """``source_column`` -> the text before ``start_position``, then ``interval``-character pieces."""

    id = "split_column_with_intervals"
    title = "Split at intervals"
    databrew = ("SPLIT_COLUMN_WITH_INTERVALS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_WITH_INTERVALS.html"
    Params = SplitColumnWithIntervalsParams

    def count(self, params: Any) -> int:
        return params.limit + 1

    def pieces(self, params: Any, s: pd.Series) -> list[pd.Series]:
        return _bt_split_at(s, _cuts(params))

    def pieces_code(self, params: Any) -> str:
        return f"_bt_split_at(_s, {_cuts(params)!r})"

    def describe(self, params: Any) -> str:
        return (
            f"Split {params.source_column} every {params.interval} characters from position "
            f"{params.start_position} into {params.limit + 1} columns"
        )

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source_column": parameters["sourceColumn"],
            "start_position": int(parameters["startPosition"]),
            "interval": int(parameters["interval"]),
        }
        if "limit" in parameters:
            out["limit"] = int(parameters["limit"])
        return out

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out = {
            "sourceColumn": params.source_column,
            "startPosition": str(params.start_position),
            "interval": str(params.interval),
        }
        if params.limit != DEFAULT_LIMIT:
            out["limit"] = str(params.limit)
        return "SPLIT_COLUMN_WITH_INTERVALS", out


OPERATION = SplitColumnWithIntervals()
