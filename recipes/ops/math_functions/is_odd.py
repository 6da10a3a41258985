"""IS_ODD: flag whether a number is odd.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ISODD.html

Semantics
---------
- A whole number is even when divisible by 2, else odd (negative numbers too: -3 is odd, 0 is
  even). Numbers with a fraction are neither even nor odd: they get ``false_string`` (DataBrew's
  page: "decimals -> false").
- The flag is text: ``true_string`` / ``false_string`` (defaults ``True`` / ``False``, as
  FLAG_OUTLIERS's documented defaults). A missing number gets a missing flag.
- The source is a numeric column; the flag goes to the new ``target_column`` right after it.
"""

from __future__ import annotations

from brewdesk.recipes.ops.math_functions.is_even import IsEven, IsEvenParams


class IsOddParams(IsEvenParams):
    """Same parameters as IS_EVEN."""


class IsOdd(IsEven):
    """Flag odd whole numbers (IS_EVEN's implementation with remainder 1)."""

    id = "is_odd"
    title = "Is odd"
    databrew = ("IS_ODD",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ISODD.html"
    Params = IsOddParams
    remainder = 1
    word = "odd"


OPERATION = IsOdd()
