"""URL_PARAMS: the query parameters of a URL as a JSON object of lists, into a new text column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.URL_PARAMS.html

- The input is a text column (``source_column``) or one literal text for every row (``value``),
  not both, as DataBrew's ``sourceColumn | value``.
- DataBrew's example: ``https://example.com/?firstParam=answer&secondParam=42`` gives
  ``{"firstParam": ["answer"], "secondParam": ["42"]}``: every parameter name maps to the list of
  its values, in the order they appear (``?a=1&a=3`` -> ``{"a": ["1", "3"]}``); names keep the
  order of their first appearance. The result is JSON text, written as in the example (``", "``
  and ``": "`` separators, non-ASCII characters kept).
- Decoding follows HTML forms (Python's ``urllib.parse.parse_qs``): ``%xx`` escapes are decoded
  and ``+`` is a space; a parameter without ``=`` or with an empty value gets ``[""]``.
- The query is what follows the first ``?``, up to any ``#`` fragment. Text without ``?`` is read
  as a bare query string when it contains ``=`` and no ``://`` (``a=1&b=2``); otherwise (a URL
  without a query) the result is ``{}``. Missing stays missing.
- The new column goes right after the source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.web import _bf_url_params
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction


class UrlParams(ValueFunction):
    """URL query parameters as JSON."""

    id = "url_params"
    title = "URL query parameters"
    databrew = ("URL_PARAMS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.URL_PARAMS.html"
    Params = TextValueParams
    out_logical = "string"

    kernel = staticmethod(_bf_url_params)

    def describe(self, params: Any) -> str:
        return f"{params.target_column} = query parameters of {self.source_words(params)}"


OPERATION = UrlParams()
