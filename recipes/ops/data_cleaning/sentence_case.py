"""SENTENCE_CASE: upper-case the first letter, lower-case the rest.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SENTENCE_CASE.html

DataBrew's page does not say what a sentence is: the whole value is one sentence. The text is
lower-cased and its first letter upper-cased, skipping leading spaces, digits and punctuation
(``  "hELLO. wORLD"`` -> ``  "Hello. world"``).

Missing values stay missing. A category column comes out as a string column (a condition
cannot restrict the step then, since the type changes).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bd_sentence
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, column


class SentenceCaseParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to change")


class SentenceCase(TextMapOperation):
    """Upper-case the first letter, lower-case the rest."""

    id = "sentence_case"
    category = "Format"
    title = "Sentence case"
    databrew = ("SENTENCE_CASE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SENTENCE_CASE.html"
    Params = SentenceCaseParams

    kernel = staticmethod(_bd_sentence)

    def describe(self, params: Any) -> str:
        return f"Sentence case: {params.source_column}"


OPERATION = SentenceCase()
