"""The app opens AWS DataBrew recipes and exports the recipe as DataBrew JSON."""

from __future__ import annotations

import json

from brewdesk.recipes.model.databrew import read_databrew
from brewdesk.recipes.model.recipe import Recipe, Step


def test_open_databrew_recipe_and_export(window, tmp_path):
    databrew = tmp_path / "chess.json"
    databrew.write_text(json.dumps([
        {"Action": {"Operation": "UPPER_CASE", "Parameters": {"sourceColumn": "winner"}}},
        {"Action": {"Operation": "REMOVE_VALUES", "Parameters": {"sourceColumn": "winner"}},
         "ConditionExpressions": [{"Condition": "IS", "Value": json.dumps(["draw"]), "TargetColumn": "winner"}]},
    ]))
    assert window.open_recipe_file(databrew, confirm=False)
    steps = window.session.recipe.steps
    assert [s.op for s in steps] == ["upper_case", "remove_values"]
    assert steps[1].conditions[0].condition == "IS"
    assert window.session.recipe_path is None  # Save asks for a native file name
    out = tmp_path / "export.json"
    assert window.export_databrew_as(out)
    exported = json.loads(out.read_text())
    assert [s["Action"]["Operation"] for s in exported] == ["UPPER_CASE", "REMOVE_VALUES"]
    assert all(isinstance(v, str) for s in exported for v in s["Action"]["Parameters"].values())
    assert [s.op for s in read_databrew(out).steps] == ["upper_case", "remove_values"]


def test_native_recipe_keeps_its_path(window, tmp_path):
    path = tmp_path / "r.recipe.json"
    Recipe(steps=(Step.create("upper_case", {"source_column": "a"}),)).save(path)
    assert window.open_recipe_file(path, confirm=False)
    assert window.session.recipe_path == path
