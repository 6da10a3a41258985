"""The text operations of issue #4 (splits, cleaning, formatting, tokens, advanced data types).

- the exported helper text is each ``_bt_*`` helper's own source;
- degenerate frames (zero rows, all-null columns, unicode headers, mixed types): each step works
  (output schema = validated schema, input untouched, exported code gives the same frame) or
  fails with a :class:`BrewdeskError`, never a raw pandas exception (DESIGN.md section 8).
"""

from __future__ import annotations

import inspect
import json
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes import codegen
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.ops import _text_common as tc
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.runner import run_pandas
from brewdesk.recipes.types import Schema
from brewdesk.recipes.validate import validate

from tests.recipes.test_ops_row_degenerate import FRAMES, OBJ, C, F, N, S, T

PARAMS: list[tuple[str, dict[str, Any]]] = [
    ("split_column_from_start", {"source_column": S, "position": 1}),
    ("split_column_from_start", {"source_column": C, "position": 3}),
    ("split_column_from_start", {"source_column": N, "position": 1}),
    ("split_column_from_end", {"source_column": S, "position": 2}),
    ("split_column_between_positions", {"source_column": C, "start_position": 1, "end_position": 2}),
    ("split_column_with_intervals", {"source_column": S, "start_position": 1, "interval": 2, "limit": 3}),
    ("split_column_multiple_delimiter", {"source_column": S, "pattern_options": [{"pattern": " "}, {"pattern": "é", "include_in_split": True}], "limit": 2}),
    ("split_column_between_delimiter", {"source_column": C, "start_pattern": "é", "end_pattern": "名"}),
    ("remove_combined", {"source_column": S, "remove_letters": True, "collapse_consecutive_whitespace": True}),
    ("remove_combined", {"source_column": C, "remove_custom_value": True, "custom_value": "é"}),
    ("number_format", {"source_column": N, "decimal_places": 2, "numeric_thousand_separator": ","}),
    ("number_format", {"source_column": F, "decimal_places": 1, "numeric_abbreviated_unit": "BILLION", "numeric_unit_abbreviation": "bn"}),
    ("extract_value", {"source_column": OBJ, "path": "`k`", "target_column": "v"}),
    ("extract_value", {"source_column": S, "path": "a[0]", "target_column": "v"}),
    ("format_phone_number", {"source_column": S, "default_region": "JP"}),
    ("format_phone_number", {"source_column": T, "default_region_column": C, "phone_number_format": "NATIONAL"}),
    ("tokenization", {"source_column": S, "target_column": "tok", "stemming_mode": "PORTER", "stop_word_removal_mode": "DEFAULT"}),
    ("tokenization", {"source_column": C, "target_column": "tok", "expand_contractions": True, "delimiter": "|"}),
]


def test_text_helper_sources_match_functions() -> None:
    names = [n for n in vars(tc) if n.startswith("_bt_")]
    assert sorted(names) == sorted(tc.HELPER_SOURCES), "regenerate: python -m brewdesk.recipes.ops._text_common"
    for n in names:
        assert tc.HELPER_SOURCES[n] == inspect.getsource(getattr(tc, n)), n


def _params():
    for i, (op_id, params) in enumerate(PARAMS):
        for name in FRAMES:
            yield pytest.param(op_id, params, name, id=f"{op_id}-{i}-{name}")


def _code(step: Step, df: pd.DataFrame) -> pd.DataFrame:
    code = codegen.step_code(step)
    assert code is not None
    env = {"pd": pd, "np": np, "re": re, "df": df.reset_index(drop=True).copy()}
    exec(code, env)  # noqa: S102 - test of exported code
    return env["df"]


@pytest.mark.parametrize(("op_id", "params", "name"), list(_params()))
def test_degenerate(op_id: str, params: dict[str, Any], name: str) -> None:
    df = FRAMES[name]
    before = df.copy()
    step = Step.create(op_id, params)
    try:
        schema = validate(Recipe(steps=(step,)), Schema.from_frame(df))
        out = run_pandas([step], df)
    except BrewdeskError:
        return
    pd.testing.assert_frame_equal(df, before)
    assert Schema.from_frame(out) == schema
    pd.testing.assert_frame_equal(_code(step, df).reset_index(drop=True), out.reset_index(drop=True))


def test_wrong_type_is_a_brewdesk_error() -> None:
    step = Step.create("split_column_from_start", {"source_column": N, "position": 1})
    with pytest.raises(BrewdeskError, match="expected string or category"):
        validate(Recipe(steps=(step,)), Schema.from_frame(FRAMES["all-null"]))


def test_text_digits_column_splits() -> None:
    out = run_pandas([Step.create("split_column_from_end", {"source_column": T, "position": 1})], FRAMES["unicode-mixed"])
    assert out[f"{T}_1"].tolist()[:1] == ["1"] and out[f"{T}_2"].tolist()[:1] == ["2"]


def test_remove_combined_imports_the_misspelled_keys_of_the_parameter_list() -> None:
    from brewdesk.recipes.registry import get

    op = get("remove_combined")
    params = op.from_databrew(
        "REMOVE_COMBINED",
        {"sourceColumn": "a", "punctuationally": "true", "antidisestablishmentarianism": "TRUE", "removeLetters": "false"},
    )
    assert params == {
        "source_column": "a",
        "remove_leading_and_trailing_punctuation": "true",
        "remove_leading_and_trailing_quotes": "TRUE",
        "remove_letters": "false",
    }
    p = op.Params(**params)
    assert p.remove_leading_and_trailing_quotes and not p.remove_letters
    name, exported = op.to_databrew(p)
    assert exported["removeLeadingAndTrailingPunctuation"] == "true" and "punctuationally" not in exported


def test_tokenization_imports_the_documented_example() -> None:
    from brewdesk.recipes.databrew import import_databrew

    text = json.dumps([{"Action": {"Operation": "TOKENIZATION", "Parameters": {
        "customStopWords": "[]", "delimiter": "- ", "expandContractions": "ENABLED", "sourceColumn": "dimensions",
        "stemmingMode": "PORTER", "stopWordRemovalMode": "DEFAULT", "targetColumn": "dimensions_tokenized"}}}])
    step = import_databrew(text).steps[0]
    assert step.op == "tokenization"
    assert step.params.model_dump() == {
        "source_column": "dimensions", "target_column": "dimensions_tokenized", "delimiter": "- ",
        "expand_contractions": True, "stop_word_removal_mode": "DEFAULT", "custom_stop_words": [],
        "stemming_mode": "PORTER",
    }
    out = run_pandas([step], pd.DataFrame({"dimensions": pd.Series(["Widths aren't heights", None], dtype="string")}))
    assert out["dimensions_tokenized"].tolist()[0] == "width- height"
