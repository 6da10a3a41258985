"""NOW: the current date and time, the same in every row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.NOW.html

- Every row gets the wall-clock date and time in ``time_zone`` (DataBrew's ``timeZone``, an IANA
  name such as ``US/Pacific``; default UTC, as DataBrew's page says), in whole seconds (DataBrew
  shows ``yyyy-mm-dd HH:MM:SS``), as a ``datetime`` column (naive: the zone's local time, no
  offset stored). An unknown zone is a validation problem.
- The clock is read once per run (the step is ``FIT_MAP`` and requests the ``clock`` statistic,
  which reads no data and which the engine takes once for all the NOW and TODAY steps of a run):
  every row, partition and NOW/TODAY step of a run gets the same instant, and the preview shows
  the instant it was computed (once per step). The clock needs no pass over the data
  (``brewdesk explain`` counts none for it); the exported script reads the clock when the step
  runs.
- The column is appended after the last column (the step reads none).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._nondeterministic import ClockOperation


class Now(ClockOperation):
    """The run's date and time in every row."""

    id = "now"
    title = "Current date and time"
    databrew = ("NOW",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.NOW.html"

    def describe(self, params: Any) -> str:
        return f"Current date and time ({params.time_zone}) into {params.target_column}"


OPERATION = Now()
