"""TODAY: the current date, the same in every row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.TODAY.html

- Every row gets today's date in ``time_zone`` (DataBrew's ``timeZone``, an IANA name such as
  ``US/Pacific``; default UTC, as DataBrew's page says), as a ``datetime`` column at midnight
  (Brewdesk has no separate date type; DataBrew shows ``yyyy-mm-dd``). An unknown zone is a
  validation problem.
- The clock is read once per run, as NOW's (a ``clock`` statistic of this ``FIT_MAP`` step), so
  every row and partition gets the same date even when a run crosses midnight.
- The column is appended after the last column (the step reads none).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._nondeterministic import ClockOperation


class Today(ClockOperation):
    """The run's date in every row."""

    id = "today"
    title = "Current date"
    databrew = ("TODAY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.TODAY.html"
    date_only = True

    def describe(self, params: Any) -> str:
        return f"Today's date ({params.time_zone}) into {params.target_column}"


OPERATION = Today()
