"""RIGHT_FIND: where a regular expression last matches a text, searching right to left.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RIGHT_FIND.html

Semantics
---------
DataBrew's page does not say what the result is; Brewdesk follows the Wrangle ``RIGHTFIND``
function DataBrew's text functions come from:

- The result is the **0-based index, counted from the start of the text**, of the last match of
  the regular expression ``pattern`` (Python ``re`` syntax): the greatest index where a match
  starts; missing when nothing matches.
- ``position`` counts from the right end: the last ``position`` characters are left out of the
  search (0, the default, searches the whole text).
- ``ignore_case`` makes the match case-insensitive. Inline global flags such as ``(?i)`` are not
  allowed in the pattern.
- The input is a text column or a literal ``value`` (not both); missing stays missing. The result
  is an integer column ``target_column`` right after the source column (at the end for a literal).
"""

from __future__ import annotations

from brewdesk.recipes.ops.text_functions.find import Find, FindParams


class RightFindParams(FindParams):
    pass


class RightFind(Find):
    """0-based index of the last match of ``pattern``, ignoring the last ``position`` characters."""

    id = "right_find"
    title = "Find from the right"
    databrew = ("RIGHT_FIND",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RIGHT_FIND.html"
    Params = RightFindParams
    from_right = True

    def describe(self, params: RightFindParams) -> str:
        return f"Last position of /{params.pattern}/ in {self.source_words(params)} into {params.target_column}"


OPERATION = RightFind()
