"""REPLACE_WITH_RANDOM_DATE_BETWEEN: replace the values of columns with random dates in a range.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_RANDOM_DATE_BETWEEN.html

Semantics
---------
- Every non-missing value of each of ``source_columns`` is replaced by a random datetime from
  ``start_date`` to ``end_date``, both included, in whole seconds after ``start_date`` (DataBrew's
  example gives the bounds to the second: ``"2020-12-12 12:12:12"``). Bounds are read as ISO 8601
  (``2020-12-12``, ``2020-12-12 12:12:12``, ``2020-12-12T12:12:12``); an unreadable bound or an
  end before the start is refused.
- Missing stays missing. The source columns may be of any type and become datetime columns; a
  condition is refused when that changes a column's type.
- DataBrew draws new dates on every run. Brewdesk's are reproducible: each row's date is a hash of
  (``seed``, column position, row id), see :mod:`brewdesk.recipes.ops._pii_random`, so the
  preview, the engine with any partitioning and the exported script agree. The optional ``seed``
  (default 0) is Brewdesk's own: it is not exported to DataBrew.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.ops._pii_random import STREAM_RANDOM_DATE, RandomReplace
from brewdesk.recipes.ops.base import Params, StepProblem, columns
from pydantic import Field


class ReplaceWithRandomDateBetweenParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are replaced")
    start_date: str = Field(min_length=1, description="Earliest date, e.g. 2020-12-12 12:12:12")
    end_date: str = Field(min_length=1, description="Latest date, e.g. 2021-12-12 12:12:12")
    seed: int | None = Field(
        None, description="Brewdesk only: another seed gives other dates (default 0)"
    )


def _parse(value: str, field: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value.strip())
    except (ValueError, TypeError):
        ts = None
    if ts is None or ts is pd.NaT or ts.tzinfo is not None:
        raise StepProblem(f"{value!r} is not a date (use e.g. 2020-12-12 12:12:12)", field=field)
    return ts


class ReplaceWithRandomDateBetween(RandomReplace):
    """Replace values with reproducible random dates between two dates."""

    id = "replace_with_random_date_between"
    title = "Replace with random date"
    databrew = ("REPLACE_WITH_RANDOM_DATE_BETWEEN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_RANDOM_DATE_BETWEEN.html"
    Params = ReplaceWithRandomDateBetweenParams
    stream = STREAM_RANDOM_DATE
    helper = "_bp_random_date"
    logical = "datetime"

    def check(self, params: Any) -> None:
        start = _parse(params.start_date, "start_date")
        end = _parse(params.end_date, "end_date")
        if end < start:
            raise StepProblem(
                f"end_date {params.end_date} is before start_date {params.start_date}",
                field="end_date",
            )

    def bounds(self, params: Any) -> tuple[Any, Any]:
        self.check(params)
        return params.start_date.strip(), params.end_date.strip()

    def describe(self, params: Any) -> str:
        cols = ", ".join(params.source_columns)
        return f"Replace {cols} with random dates from {params.start_date} to {params.end_date}"


OPERATION = ReplaceWithRandomDateBetween()
