"""The native recipe file: round trip, load errors naming step and field, unknown ops as data."""

from __future__ import annotations

import json

import pytest
from brewdesk.recipes.model.errors import RecipeFormatError, UnknownOperationError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.types import Schema


def _doc(*steps, **extra):
    return json.dumps({"format": "brewdesk-recipe", "format_version": 1, "name": "r", "steps": list(steps), **extra})


def test_round_trip_keeps_everything(tmp_path):
    r = Recipe(
        name="clean",
        inputs={"main": Schema({"a": "float64", "b": "string"}), "other": None},
        steps=(
            Step.create("fill_with_median", {"source_column": "a"}, note="fix gaps"),
            Step.create("rename", {"source_column": "b", "target_column": "c"}, enabled=False),
            Step.create(
                "fill_with_last_valid",
                {"source_column": "a"},
                conditions=[{"condition": "IS_BETWEEN", "target_column": "a", "value": {"start": 1, "end": 2}}],
            ),
        ),
    )
    path = tmp_path / "r.json"
    r.save(path)
    again = Recipe.load(path)
    assert again == r
    assert [s.id for s in again.steps] == [s.id for s in r.steps]
    data = json.loads(path.read_text())
    assert data["format"] == "brewdesk-recipe" and data["format_version"] == 1
    assert "describe" not in path.read_text()  # derived prose is never stored


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "invalid JSON at line 1, column 2"),
        ("[]", "a recipe is a JSON object"),
        ('{"format": "x"}', "not a Brewdesk recipe"),
        (_doc(format_version=2), "newer than this Brewdesk"),
        (_doc({"op": "rename", "params": {"source_column": "a"}}), "step 1: invalid parameters for rename: target_column: Field required"),
        (_doc({"id": "s1", "op": "rename", "params": {"source_column": "a", "target_column": "b", "x": 1}}), "step 1 (s1): invalid parameters for rename: x: Extra inputs"),
        (_doc({"op": "rename", "params": {}}, {"op": "rename", "bogus": 1}), "step 1: invalid parameters"),
        (_doc({"op": 3}), "\"op\" must name an operation"),
        (_doc({"op": "rename", "params": {"source_column": "a", "target_column": "b"}, "v": 9}), "version 9 is newer"),
        (_doc({"op": "rename", "params": {"source_column": "a", "target_column": "b"}, "conditions": [{"condition": "NOPE", "target_column": "a"}]}), "invalid condition"),
        (_doc(extra_field=1), "unknown recipe field"),
        (_doc({"id": "a", "op": "remove_duplicates"}, {"id": "a", "op": "remove_duplicates"}), "duplicate step id"),
    ],
)
def test_load_errors_name_step_and_field(text, message):
    with pytest.raises(RecipeFormatError) as info:
        Recipe.loads(text)
    assert message in str(info.value)


def test_deeply_nested_json_is_refused_cleanly():
    with pytest.raises(RecipeFormatError):
        Recipe.loads("[" * 100000 + "]" * 100000)


def test_unknown_operation_loads_as_data_and_refuses_to_run():
    text = _doc({"id": "u1", "op": "teleport_rows", "v": 3, "params": {"speed": "warp"}})
    r = Recipe.loads(text)
    step = r.steps[0]
    assert not step.available and "unavailable" in step.describe()
    assert json.loads(r.dumps())["steps"][0]["params"] == {"speed": "warp"}  # kept as data
    with pytest.raises(UnknownOperationError, match="step 1 \\(u1\\): 'teleport_rows'"):
        r.check_runnable()


def test_editing_is_immutable_and_by_id():
    a = Step.create("fill_with_median", {"source_column": "x"})
    b = Step.create("fill_with_last_valid", {"source_column": "y"})
    r = Recipe(steps=(a, b))
    moved = r.moved(b.id, 0)
    assert [s.id for s in moved.steps] == [b.id, a.id]
    assert [s.id for s in r.steps] == [a.id, b.id]
    assert r.removed(a.id).steps == (b,)


def test_rename_columns_across_steps():
    r = Recipe(
        steps=(
            Step.create("fill_with_median", {"source_column": "dep_time"}),
            Step.create(
                "rename",
                {"source_column": "dep_time", "target_column": "departure"},
                conditions=[],
            ),
        )
    )
    bound = r.rename_columns({"dep_time": "DepTime"})
    assert bound.steps[0].params.source_column == "DepTime"
    assert bound.steps[1].params.source_column == "DepTime"
    assert bound.steps[1].params.target_column == "departure"
