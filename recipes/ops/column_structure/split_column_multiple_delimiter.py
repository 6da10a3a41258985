"""SPLIT_COLUMN_MULTIPLE_DELIMITER: split a text column wherever any of several delimiters occurs.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_MULTIPLE_DELIMITER.html

Semantics
---------
- ``pattern_options`` (DataBrew's ``patternOptions``) lists the delimiters, each literal text
  (case-sensitive) with its own ``include_in_split``. The text is split, from the left, at every
  occurrence of any delimiter, at most ``limit`` times (1 to 20): the step always creates
  ``limit + 1`` string columns, so the schema is known without data, and the last one holds the
  rest of the text, delimiters included. Where two delimiters start at the same place the longer
  one wins (``", "`` before ``","``); the page is silent.
- ``include_in_split`` true keeps that delimiter as the first characters of the piece that
  follows it (``"a,b"`` split on an included ``","`` gives ``"a"`` and ``",b"``); false drops it.
  The page only says "includes the pattern in the new column"; which column is Brewdesk's choice.
- The pieces are named ``<source>_1``, ``<source>_2``, ... and replace the source column (the
  naming rule of every SPLIT_COLUMN_* step, ``_split``); a name that already exists is a
  validation problem. A value with fewer pieces leaves the later columns missing; empty pieces stay
  empty text; missing gives missing in every column.
- DataBrew's single ``pattern`` / ``includeInSplit`` keys are accepted on import as a one-delimiter
  ``patternOptions``. A condition cannot restrict this step (it removes the source column).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_split_delimiters
from brewdesk.recipes.ops._plumbing import databrew_error
from brewdesk.recipes.ops._split import (
    DelimiterOption,
    SplitOperation,
    SplitParams,
    option_from_databrew,
    option_to_databrew,
)
from brewdesk.recipes.ops.base import as_bool
from pydantic import Field


class SplitColumnMultipleDelimiterParams(SplitParams):
    pattern_options: list[DelimiterOption] = Field(min_length=1, description="Delimiters (literal text)")
    limit: int = Field(1, ge=1, le=20, description="Number of splits (columns created: limit + 1)")


def _options(params: Any) -> list[tuple[str, bool]]:
    return [(o.pattern, o.include_in_split) for o in params.pattern_options]


class SplitColumnMultipleDelimiter(SplitOperation):
    """Split ``source_column`` at any of ``pattern_options`` into ``limit + 1`` columns."""

    id = "split_column_multiple_delimiter"
    title = "Split on several delimiters"
    databrew = ("SPLIT_COLUMN_MULTIPLE_DELIMITER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_MULTIPLE_DELIMITER.html"
    Params = SplitColumnMultipleDelimiterParams

    def count(self, params: Any) -> int:
        return params.limit + 1

    def pieces(self, params: Any, s: pd.Series) -> list[pd.Series]:
        return _bt_split_delimiters(s, _options(params), params.limit)

    def pieces_code(self, params: Any) -> str:
        return f"_bt_split_delimiters(_s, {_options(params)!r}, {params.limit})"

    def describe(self, params: Any) -> str:
        delims = " or ".join(repr(o.pattern) for o in params.pattern_options)
        return f"Split {params.source_column} on {delims} into {params.limit + 1} columns"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        raw = parameters.get("patternOptions")
        try:
            if raw not in (None, "", "[]"):
                items = json.loads(raw) if isinstance(raw, str) else raw
                if not isinstance(items, list):
                    raise ValueError("patternOptions must be a JSON list")
                options = [option_from_databrew(i) for i in items]
            elif parameters.get("pattern"):
                options = [{"pattern": parameters["pattern"], "include_in_split": as_bool(parameters.get("includeInSplit", False))}]
            else:
                raise ValueError("patternOptions (or pattern) is required")
        except ValueError as e:
            raise databrew_error(f"SPLIT_COLUMN_MULTIPLE_DELIMITER: {e}") from None
        out: dict[str, Any] = {"source_column": parameters["sourceColumn"], "pattern_options": options}
        if "limit" in parameters:
            out["limit"] = int(parameters["limit"])
        return out

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "SPLIT_COLUMN_MULTIPLE_DELIMITER", {
            "sourceColumn": params.source_column,
            "patternOptions": json.dumps([option_to_databrew(o) for o in params.pattern_options]),
            "limit": str(params.limit),
        }


OPERATION = SplitColumnMultipleDelimiter()
