"""Validation without data: every problem at once, with step, field and suggestions."""

from __future__ import annotations

import pytest
from brewdesk.recipes.model.errors import RecipeValidationError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.model.validate import validate

SCHEMA = Schema({"dep_time": "int64", "carrier": "string", "delay": "float64"})


def test_reports_every_problem_with_suggestions():
    r = Recipe(
        steps=(
            Step.create("fill_with_median", {"source_column": "dep_tme"}),
            Step.create("rename", {"source_column": "carrier", "target_column": "airline"}),
            Step.create("fill_with_last_valid", {"source_column": "carrier"}),
            Step.create("fill_with_median", {"source_column": "airline"}),
        )
    )
    with pytest.raises(RecipeValidationError) as info:
        validate(r, SCHEMA)
    problems = info.value.problems
    assert [p.step_index for p in problems] == [0, 2, 3]
    assert "did you mean 'dep_time'?" in problems[0].message and problems[0].field == "source_column"
    assert "was removed or renamed by step 2" in problems[1].message
    assert "is string, expected int64 or float64" in problems[2].message
    assert "3 problems" in str(info.value)


def test_disabled_steps_are_skipped_and_schema_folds():
    r = Recipe(
        steps=(
            Step.create("rename", {"source_column": "carrier", "target_column": "airline"}),
            Step.create("fill_with_median", {"source_column": "nope"}, enabled=False),
        )
    )
    assert list(validate(r, SCHEMA)) == ["dep_time", "airline", "delay"]


def test_missing_secondary_input_and_expected_input_schema():
    r = Recipe(
        steps=(Step.create("union", {"secondary_inputs": ["more"]}),),
        inputs={"main": Schema({"dep_time": "string"}), "more": None},
    )
    with pytest.raises(RecipeValidationError) as info:
        validate(r, SCHEMA)
    text = str(info.value)
    assert "input 'more' is needed" in text
    assert "input column 'dep_time' is int64, the recipe expects string" in text


def test_condition_columns_are_checked():
    r = Recipe(
        steps=(
            Step.create(
                "fill_with_median",
                {"source_column": "delay"},
                conditions=[{"condition": "IS", "target_column": "carier", "value": ["AA"]}],
            ),
        )
    )
    with pytest.raises(RecipeValidationError, match="condition column 'carier' does not exist \\(did you mean 'carrier'\\?\\)"):
        validate(r, SCHEMA)


def test_condition_on_row_removing_global_step_is_refused():
    r = Recipe(
        steps=(
            Step.create(
                "remove_duplicates", {}, conditions=[{"condition": "IS_MISSING", "target_column": "delay"}]
            ),
        )
    )
    with pytest.raises(RecipeValidationError, match="cannot take a condition"):
        validate(r, SCHEMA)
