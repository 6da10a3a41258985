"""PROPER: the text in proper case.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.PROPER.html

Semantics
---------
Proper case: every letter that follows a non-letter (or starts the text) is upper-cased and
every other letter lower-cased, like spreadsheet ``PROPER`` and Python's ``str.title``:
``"o'neil mc-d 3rd"`` gives ``"O'Neil Mc-D 3Rd"``. This differs from CAPITAL_CASE, which
starts words only after spaces.

The input is a text column (``source_column``) or one literal ``value`` for every row, not both.
Missing stays missing. The result is a text column ``target_column`` right after the source
column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_title
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction


class ProperParams(TextValueParams):
    pass


class Proper(ValueFunction):
    """The text in proper case."""

    id = "proper"
    title = "Proper case"
    databrew = ("PROPER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.PROPER.html"
    Params = ProperParams

    kernel = staticmethod(_bt_title)

    def describe(self, params: Any) -> str:
        return f"Proper case: {self.source_words(params)} into {params.target_column}"


OPERATION = Proper()
