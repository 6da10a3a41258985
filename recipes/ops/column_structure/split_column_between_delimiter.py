"""SPLIT_COLUMN_BETWEEN_DELIMITER: split a text column in three at a start and an end delimiter.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_BETWEEN_DELIMITER.html

Semantics
---------
- ``start_pattern`` / ``end_pattern`` are DataBrew's ``patternOption1`` / ``patternOption2``
  (``{"pattern": ..., "includeInSplit": ...}``), literal text, case-sensitive. The pieces are the
  text before the first occurrence of the start delimiter, the text from there to the first
  occurrence of the end delimiter after it, and the rest: ``"a(b)c"`` with ``(`` and ``)`` gives
  ``"a"``, ``"b"``, ``"c"``.
- ``include_start`` / ``include_end`` (``includeInSplit``) keep that delimiter as the first
  characters of the piece that follows it (the start delimiter opens the middle piece, the end
  delimiter opens the last one); false drops it. The page only says "includes the pattern in the
  new column"; which column is Brewdesk's choice, the same as SPLIT_COLUMN_MULTIPLE_DELIMITER's.
- A value without the start delimiter gives the whole value and two missing pieces; one with the
  start but no end delimiter after it gives two pieces and a missing third. Missing stays
  missing in every piece.
- The pieces are string columns ``<source>_1``, ``<source>_2``, ``<source>_3`` replacing the
  source column (the naming rule of every SPLIT_COLUMN_* step, ``_split``); a name that
  already exists is a validation problem. The page also lists ``pattern`` / ``includeInSplit``
  without saying what they do with two delimiters; they are ignored on import. A condition cannot
  restrict this step (it removes the source column).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_split_delimiters
from brewdesk.recipes.ops._plumbing import databrew_error
from brewdesk.recipes.ops._split import SplitOperation, SplitParams, option_from_databrew
from pydantic import Field


class SplitColumnBetweenDelimiterParams(SplitParams):
    start_pattern: str = Field(min_length=1, description="Start delimiter (literal text)")
    include_start: bool = Field(False, description="Keep the start delimiter (opens the middle piece)")
    end_pattern: str = Field(min_length=1, description="End delimiter (literal text)")
    include_end: bool = Field(False, description="Keep the end delimiter (opens the last piece)")


def _options(params: Any) -> list[tuple[str, bool]]:
    return [(params.start_pattern, params.include_start), (params.end_pattern, params.include_end)]


class SplitColumnBetweenDelimiter(SplitOperation):
    """``source_column`` -> before ``start_pattern``, between the delimiters, after ``end_pattern``."""

    id = "split_column_between_delimiter"
    title = "Split between delimiters"
    databrew = ("SPLIT_COLUMN_BETWEEN_DELIMITER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_BETWEEN_DELIMITER.html"
    Params = SplitColumnBetweenDelimiterParams

    def count(self, params: Any) -> int:
        return 3

    def pieces(self, params: Any, s: pd.Series) -> list[pd.Series]:
        return _bt_split_delimiters(s, _options(params), 2, sequence=True)

    def pieces_code(self, params: Any) -> str:
        return f"_bt_split_delimiters(_s, {_options(params)!r}, 2, sequence=True)"

    def describe(self, params: Any) -> str:
        return f"Split {params.source_column} at {params.start_pattern!r} and {params.end_pattern!r}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        try:
            first = option_from_databrew(parameters["patternOption1"])
            second = option_from_databrew(parameters["patternOption2"])
        except KeyError as e:
            raise databrew_error(f"SPLIT_COLUMN_BETWEEN_DELIMITER needs {e.args[0]}") from None
        except ValueError as e:
            raise databrew_error(f"SPLIT_COLUMN_BETWEEN_DELIMITER: {e}") from None
        return {
            "source_column": parameters["sourceColumn"],
            "start_pattern": first["pattern"],
            "include_start": first["include_in_split"],
            "end_pattern": second["pattern"],
            "include_end": second["include_in_split"],
        }

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "SPLIT_COLUMN_BETWEEN_DELIMITER", {
            "sourceColumn": params.source_column,
            "patternOption1": json.dumps({"pattern": params.start_pattern, "includeInSplit": params.include_start}),
            "patternOption2": json.dumps({"pattern": params.end_pattern, "includeInSplit": params.include_end}),
        }


OPERATION = SplitColumnBetweenDelimiter()
