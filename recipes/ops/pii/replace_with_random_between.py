"""REPLACE_WITH_RANDOM_BETWEEN: replace the values of columns with random numbers in a range.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_RANDOM_BETWEEN.html

Semantics
---------
- Every non-missing value of each of ``source_columns`` is replaced by a random number between
  ``lower_bound`` and ``upper_bound``. When both bounds are whole numbers (``"1"``, ``"100"`` as
  in DataBrew's example) the numbers are whole and both bounds can occur (the column becomes
  int64); otherwise they are decimal numbers in [lower, upper) (float64). DataBrew's page does not
  say which; this is Brewdesk's choice. ``lower_bound`` above ``upper_bound`` is refused.
- Missing stays missing (there is no value to hide). The source columns may be of any type and
  take the numeric type; a condition is refused when that changes a column's type.
- DataBrew draws new numbers on every run. Brewdesk's numbers are reproducible: each row's number
  is a hash of (``seed``, column position, row id), see :mod:`brewdesk.recipes.ops._pii_random`,
  so the preview, the engine with any partitioning and the exported script agree. The optional
  ``seed`` (default 0) is Brewdesk's own: it is not exported to DataBrew.
- The replacement does not depend on the original values: it hides them, it does not encode them.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._pii_random import STREAM_RANDOM_BETWEEN, RandomReplace
from brewdesk.recipes.ops.base import Params, StepProblem, columns
from pydantic import Field

_LIMIT = 2**62


class ReplaceWithRandomBetweenParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are replaced")
    lower_bound: int | float = Field(description="Smallest random number")
    upper_bound: int | float = Field(
        description="Largest random number (excluded for decimal bounds)"
    )
    seed: int | None = Field(
        None, description="Brewdesk only: another seed gives other numbers (default 0)"
    )


class ReplaceWithRandomBetween(RandomReplace):
    """Replace values with reproducible random numbers between two bounds."""

    id = "replace_with_random_between"
    title = "Replace with random number"
    databrew = ("REPLACE_WITH_RANDOM_BETWEEN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_RANDOM_BETWEEN.html"
    Params = ReplaceWithRandomBetweenParams
    stream = STREAM_RANDOM_BETWEEN
    helper = "_bp_random_between"

    def _whole(self, params: Any) -> bool:
        return isinstance(params.lower_bound, int) and isinstance(params.upper_bound, int)

    def check(self, params: Any) -> None:
        lo, hi = params.lower_bound, params.upper_bound
        for name, v in (("lower_bound", lo), ("upper_bound", hi)):
            if not -_LIMIT <= v <= _LIMIT:
                raise StepProblem(
                    f"{v} is out of range (at most {_LIMIT:.3g} either way)", field=name
                )
        if lo > hi:
            raise StepProblem(f"lower_bound {lo} is above upper_bound {hi}", field="upper_bound")

    def bounds(self, params: Any) -> tuple[Any, Any]:
        return params.lower_bound, params.upper_bound

    def out_type(self, params: Any) -> str:
        return "int64" if self._whole(params) else "float64"

    def describe(self, params: Any) -> str:
        lo, hi = params.lower_bound, params.upper_bound
        return f"Replace {', '.join(params.source_columns)} with random numbers from {lo} to {hi}"


OPERATION = ReplaceWithRandomBetween()
