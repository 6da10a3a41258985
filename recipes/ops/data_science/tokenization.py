"""TOKENIZATION: text split into tokens (optionally without stop words, stemmed), in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.TOKENIZATION.html

Semantics (the page names the options; the steps and their order are Brewdesk's)
-------------------------------------------------------------------------------
1. ``expand_contractions`` (DataBrew ``expandContractions: ENABLED``) rewrites English
   contractions: ``won't`` -> ``will not``, ``can't`` -> ``can not``, ``shan't`` -> ``shall
   not``, ``ain't`` -> ``is not``, ``let's`` -> ``let us``, ``y'all`` -> ``you all``; then the
   endings ``n't`` -> `` not`` (``don't`` -> ``do not``, the page's example), ``'re`` -> `` are``,
   ``'ve`` -> `` have``, ``'ll`` -> `` will``, ``'d`` -> `` would``, ``'m`` -> `` am``, and ``'s`` ->
   `` is`` after it, he, she, that, there, here, what, where, who, how, when, why (other ``'s``
   are possessives and stay). The typographic apostrophe ``’`` counts as ``'``. The case of the
   word's start is kept (``Don't`` -> ``Do not``).
2. Tokens are words (runs of letters, digits and ``_``, joined by inner ``'`` or ``-``, so
   ``don't`` and ``well-known`` stay whole) and every other non-space character on its own
   (``"Hi, you!"`` -> ``Hi`` ``,`` ``you`` ``!``), as NLTK's word tokenizers treat punctuation.
3. ``stop_word_removal_mode`` DEFAULT drops the 179 English stop words of NLTK's ``stopwords``
   corpus (:data:`STOP_WORDS`: ``a``, ``an``, ``the``, ``don't``, ...); CUSTOM drops the words of
   ``custom_stop_words`` instead. Matching ignores case.
4. ``stemming_mode`` PORTER or LANCASTER replaces each word by its stem with NLTK's Porter or
   Lancaster stemmer, which also lower-cases it (the page: "individual lowercase words");
   without stemming the tokens keep their case.
5. The tokens are joined with ``delimiter`` (default one space, the page's default) into the
   string column ``target_column``, placed right after the source. A value with no tokens left
   gives empty text; missing stays missing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_tokenize
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES, MapOperation, describe_target
from brewdesk.recipes.ops._plumbing import databrew_error
from brewdesk.recipes.ops.base import Params, StepProblem, column, new_column
from pydantic import Field

STOP_WORDS: tuple[str, ...] = tuple(
    """i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself
    yourselves he him his himself she she's her hers herself it it's its itself they them their
    theirs themselves what which who whom this that that'll these those am is are was were be
    been being have has had having do does did doing a an the and but if or because as until
    while of at by for with about against between into through during before after above below
    to from up down in out on off over under again further then once here there when where why
    how all any both each few more most other some such no nor not only own same so than too
    very s t can will just don don't should should've now d ll m o re ve y ain aren aren't couldn
    couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma mightn
    mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren weren't
    won won't wouldn wouldn't""".split()
)
"""NLTK's English stop words (the DEFAULT list)."""


class TokenizationParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to tokenize")
    target_column: str = new_column(description="New column with the tokens")
    delimiter: str = Field(" ", min_length=1, description="Text between tokens")
    expand_contractions: bool = Field(False, description="Expand English contractions (don't -> do not)")
    stop_word_removal_mode: Literal["DEFAULT", "CUSTOM"] | None = Field(None, description="Drop stop words (none: keep all)")
    custom_stop_words: list[str] = Field(default_factory=list, description="Stop words for CUSTOM")
    stemming_mode: Literal["PORTER", "LANCASTER"] | None = Field(None, description="Stem words (none: keep them)")


def _stops(params: Any) -> list[str] | None:
    if params.stop_word_removal_mode == "DEFAULT":
        return list(STOP_WORDS)
    if params.stop_word_removal_mode == "CUSTOM":
        return list(params.custom_stop_words)
    return None


class Tokenization(MapOperation):
    """Tokens of ``source_column`` joined by ``delimiter`` in ``target_column``."""

    id = "tokenization"
    category = "Text"
    title = "Tokenize text"
    databrew = ("TOKENIZATION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.TOKENIZATION.html"
    Params = TokenizationParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"

    def check(self, params: Any, schema: Schema) -> None:
        if params.stop_word_removal_mode == "CUSTOM" and not params.custom_stop_words:
            raise StepProblem("stopWordRemovalMode CUSTOM needs customStopWords; list the words to drop", field="custom_stop_words")
        if params.custom_stop_words and params.stop_word_removal_mode != "CUSTOM":
            raise StepProblem("customStopWords are used only with stopWordRemovalMode CUSTOM; set it", field="stop_word_removal_mode")

    def _args(self, params: Any) -> tuple[Any, ...]:
        return (params.delimiter, params.expand_contractions, params.stemming_mode, _stops(params))

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return _bt_tokenize(s, *self._args(params))

    def expr(self, params: Any, src: str) -> str:
        return f"_bt_tokenize({src}, " + ", ".join(repr(a) for a in self._args(params)) + ")"

    def describe(self, params: Any) -> str:
        extra = [
            *(["contractions expanded"] if params.expand_contractions else []),
            *([f"{params.stop_word_removal_mode.lower()} stop words removed"] if params.stop_word_removal_mode else []),
            *([f"{params.stemming_mode.title()} stems"] if params.stemming_mode else []),
        ]
        tail = f" ({', '.join(extra)})" if extra else ""
        return f"Tokenize {params.source_column}{describe_target(params)}{tail}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"source_column": parameters["sourceColumn"], "target_column": parameters["targetColumn"]}
        if parameters.get("delimiter") not in (None, ""):
            out["delimiter"] = parameters["delimiter"]
        flag = str(parameters.get("expandContractions", "")).strip().upper()
        if flag not in ("", "ENABLED", "DISABLED", "TRUE", "FALSE"):
            raise databrew_error(f"TOKENIZATION: expandContractions must be ENABLED or DISABLED, not {flag!r}")
        out["expand_contractions"] = flag in ("ENABLED", "TRUE")
        for key, name in (("stemmingMode", "stemming_mode"), ("stopWordRemovalMode", "stop_word_removal_mode")):
            if parameters.get(key) not in (None, "", "NONE", "DISABLED"):
                out[name] = str(parameters[key]).upper()
        words = parameters.get("customStopWords")
        if words not in (None, "", "[]", []):
            out["custom_stop_words"] = json.loads(words) if isinstance(words, str) else list(words)
        return out

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out = {
            "sourceColumn": params.source_column,
            "targetColumn": params.target_column,
            "delimiter": params.delimiter,
            "expandContractions": "ENABLED" if params.expand_contractions else "DISABLED",
            "customStopWords": json.dumps(params.custom_stop_words),
        }
        if params.stemming_mode:
            out["stemmingMode"] = params.stemming_mode
        if params.stop_word_removal_mode:
            out["stopWordRemovalMode"] = params.stop_word_removal_mode
        return "TOKENIZATION", out


OPERATION = Tokenization()
