"""DataBrew recipes: import (every documented shape and quirk), export, round trips, the CLI."""

from __future__ import annotations

import importlib
import json
import pickle
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from brewdesk.cli import main
from brewdesk.recipes.model import databrew
from brewdesk.recipes.model.databrew import (
    DataBrewStepsError,
    export_databrew,
    import_databrew,
    is_databrew,
    read_databrew,
    read_recipe,
)
from brewdesk.recipes.model.errors import RecipeFormatError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.registry import operations
from brewdesk.recipes.model.runner import run_pandas

from tests.golden.cases import frame

FIXTURES = Path(__file__).parent / "fixtures" / "databrew"


def _step(op: str, params: dict[str, Any] | None = None, *, conditions: Any = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"Action": {"Operation": op, "Parameters": params or {}}}
    if conditions:
        out["ConditionExpressions"] = list(conditions)
    return out


def _summary(recipe: Recipe) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """What a round trip must keep: op, params and conditions of every step (not the ids)."""
    return [(s.op, s.params.model_dump(mode="json"), [c.to_json() for c in s.conditions]) for s in recipe.steps]


# --------------------------------------------------------------------------- documented examples
def test_chess_example_from_the_recipe_structure_page() -> None:
    recipe = read_recipe(FIXTURES / "chess.json")
    assert recipe.name == "chess"
    assert [s.op for s in recipe.steps] == ["remove_values", "replace_text", "replace_text", "replace_text"]
    (cond,) = recipe.steps[0].conditions
    assert (cond.condition, cond.target_column, list(cond.value)) == ("IS", "winner", ["draw"])
    assert recipe.steps[1].params.pattern == "mate" and recipe.steps[1].params.value == "checkmate"
    games = frame({
        "winner": ("string", ["white", "draw", "black", "draw", None]),
        "victory_status": ("string", ["mate", "draw", "resign", "outoftime", "mate"]),
    })
    out = run_pandas(recipe, games)
    assert list(out["winner"].fillna("-")) == ["white", "black", "-"]
    assert list(out["victory_status"]) == ["checkmate", "other player resigned", "checkmate"]


def test_console_download_with_several_steps_and_a_condition() -> None:
    recipe = read_recipe(FIXTURES / "console_download.json")
    assert [s.op for s in recipe.steps] == ["change_data_type", "fill_with_average", "upper_case", "rename", "delete", "sort"]
    assert recipe.steps[0].params.column_data_type == "double"
    assert recipe.steps[4].params.source_columns == ["note"]  # a JSON-encoded list string
    assert recipe.steps[5].params.expressions[0].ordering == "DESCENDING"
    (cond,) = recipe.steps[1].conditions
    assert (cond.condition, cond.target_column, cond.value) == ("GREATER_THAN_EQUAL", "passengers", 2)
    assert dict(recipe.inputs) == {"main": None}


def test_cloudformation_pascal_case_json_and_yaml_agree() -> None:
    pytest.importorskip("yaml")
    from_json = read_recipe(FIXTURES / "cloudformation.json")
    from_yaml = read_recipe(FIXTURES / "cloudformation.yaml")
    assert from_json.name == "clean-fares" and from_yaml.name == "clean-fares-yaml"
    assert _summary(from_json) == _summary(from_yaml)
    assert _summary(from_json) == [
        ("upper_case", {"source_column": "carrier"}, []),
        ("rename", {"source_column": "carrier", "target_column": "airline"}, []),
        ("fill_with_median", {"source_column": "fare"}, [{"condition": "IS", "target_column": "zone", "value": ["A", "B"]}]),
    ]


def test_cloudformation_properties_and_describe_recipe_shapes() -> None:
    steps = [{"Action": {"Operation": "RENAME", "Parameters": {"SourceColumn": "a", "TargetColumn": "b"}}}]
    for doc in ({"Name": "r1", "Steps": steps}, {"Name": "r1", "RecipeSteps": steps}):
        r = import_databrew(doc)
        assert r.name == "r1" and _summary(r) == [("rename", {"source_column": "a", "target_column": "b"}, [])]
    assert import_databrew({"Name": "r1", "Steps": steps}, name="mine").name == "mine"
    assert import_databrew(steps).name == "imported"
    two = {"Resources": {k: {"Type": "AWS::DataBrew::Recipe", "Properties": {"Steps": steps}} for k in ("A", "B")}}
    with pytest.raises(RecipeFormatError, match="holds 2 DataBrew recipes"):
        import_databrew(two)


def test_single_step_wrappers_recipe_action_and_recipe_step() -> None:
    action = read_recipe(FIXTURES / "recipe_action.json")
    assert _summary(action) == [("add_prefix", {"source_column": "claim_num", "pattern": "CLM-"}, [])]
    step = read_recipe(FIXTURES / "recipe_step.json")
    assert step.steps[0].op == "fill_with_custom"
    assert step.steps[0].conditions[0].condition == "IS_MISSING"
    # wrappers as list elements, and a bare action, all in one list
    wrapped = json.loads((FIXTURES / "recipe_action.json").read_text())
    mixed = [wrapped, json.loads((FIXTURES / "recipe_step.json").read_text()), {"Operation": "UPPER_CASE", "Parameters": {"sourceColumn": "x"}}]
    assert [s.op for s in import_databrew(mixed).steps] == ["add_prefix", "fill_with_custom", "upper_case"]


def test_keys_in_any_case() -> None:
    doc = [{"action": {"operation": "rename", "parameters": {"sourceColumn": "a", "targetColumn": "b"}},
            "conditionExpressions": [{"condition": "is_not", "value": '["x"]', "targetColumn": "a"}]}]
    (s,) = import_databrew(doc).steps
    assert s.op == "rename" and s.params.target_column == "b"
    assert (s.conditions[0].condition, list(s.conditions[0].value)) == ("IS_NOT", ["x"])


def test_normalization_is_an_alias_of_scale() -> None:
    norm = read_recipe(FIXTURES / "normalization.json")
    scale = json.loads((FIXTURES / "normalization.json").read_text())
    scale[0]["Action"]["Operation"] = "SCALE"
    assert _summary(norm) == _summary(import_databrew(scale))
    assert norm.steps[0].op == "scale" and norm.steps[0].params.strategy == "MIN_MAX"


def test_real_arrays_and_non_string_scalars_are_accepted() -> None:
    doc = [
        _step("DELETE", {"sourceColumns": ["a", "b"]}),
        _step("JOIN", {"joinKeys": [{"key": "k", "value": "k"}], "joinType": "INNER_JOIN", "secondaryDatasetName": "other"}),
        _step("MOVE_TO_INDEX", {"sourceColumn": "c", "targetIndex": 2}),
        _step("REMOVE_VALUES", {"sourceColumn": "c"}, conditions=[{"Condition": "IS", "Value": ["x", "y"], "TargetColumn": "c"}]),
    ]
    r = import_databrew(doc)
    assert r.steps[0].params.source_columns == ["a", "b"]
    assert r.steps[1].params.join_keys[0].key == "k"
    assert r.steps[2].params.target_index == 2
    assert list(r.steps[3].conditions[0].value) == ["x", "y"]


def test_condition_values_decoded() -> None:
    conds = [
        {"Condition": "IS", "Value": "draw", "TargetColumn": "w"},  # a plain string is one value
        {"Condition": "IS_BETWEEN", "Value": '{"start": 1, "end": 5}', "TargetColumn": "n"},
        {"Condition": "LESS_THAN", "Value": "2.5", "TargetColumn": "n"},
        {"Condition": "LESS_THAN", "Value": "007", "TargetColumn": "code"},  # not a canonical number: text
        {"Condition": "CONTAINS", "Value": "12", "TargetColumn": "code"},  # text conditions keep text
        {"Condition": "IS_MISSING", "TargetColumn": "n"},
    ]
    got = [(c.condition, c.value) for c in import_databrew([_step("REMOVE_VALUES", conditions=conds)]).steps[0].conditions]
    assert got == [("IS", ("draw",)), ("IS_BETWEEN", {"start": 1, "end": 5}), ("LESS_THAN", 2.5),
                   ("LESS_THAN", "007"), ("CONTAINS", "12"), ("IS_MISSING", None)]


# --------------------------------------------------------------------------- errors
def test_unsupported_operations_are_listed_together() -> None:
    with pytest.raises(DataBrewStepsError) as info:
        read_recipe(FIXTURES / "unsupported.json")
    err = info.value
    assert [(i.index, i.operation) for i in err.issues] == [
        (1, "INVOKE_LAMBDA"), (2, "SORT"), (3, "GET_STEP_DATAFRAME"), (4, "FILL_WITH_MEDAIN"),
    ]
    text = str(err)
    assert "cannot import 4 steps" in text
    assert "step 2 (INVOKE_LAMBDA): no Brewdesk operation" in text
    assert "step 3 (SORT): SORT with customOrder is not supported yet" in text
    assert "did you mean 'FILL_WITH_MEDIAN'?" in text
    assert "step 1 " not in text  # the supported step is not listed
    again = pickle.loads(pickle.dumps(err))  # crosses process boundaries (the app's workers)
    assert str(again) == text and again.issues == err.issues


def test_invalid_parameters_are_listed_with_the_unsupported_ones() -> None:
    doc = [_step("RENAME", {"sourceColumn": "a"}), _step("NO_SUCH_OP"), _step("CHANGE_DATA_TYPE", {"columnDataType": "int"})]
    with pytest.raises(DataBrewStepsError) as info:
        import_databrew(doc)
    issues = info.value.issues
    assert [i.index for i in issues] == [0, 1, 2]
    assert "target_column" in issues[0].reason
    assert "sourceColumn" in issues[2].reason


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("42", "a DataBrew recipe is a list of steps"),
        ('{"Name": "x"}', "a DataBrew recipe is a list of steps"),
        ('{"Steps": {"Action": {}}}', '"Steps" must be a list'),
        ('[{"Action": {"Operation": "RENAME"}},\n {"Action": }]', "invalid JSON at line 2, column 13"),
    ],
)
def test_malformed_documents(doc: str, message: str) -> None:
    with pytest.raises(RecipeFormatError, match=message):
        import_databrew(doc)


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        ({"Action": {"Parameters": {"sourceColumn": "a"}}}, 'the action has no "Operation"'),
        ({"ConditionExpressions": []}, 'no "Action" object'),
        ("RENAME", "a step is an object"),
        ({"Action": {"Operation": "DELETE", "Parameters": "a"}}, '"Parameters" must be an object'),
        (_step("DELETE", {"sourceColumn": "a"}, conditions=[{"Condition": "IS_SORTA", "TargetColumn": "a"}]), "condition 1"),
        ({"Action": {"Operation": "DELETE", "Parameters": {"sourceColumn": "a"}}, "ConditionExpressions": {}}, "must be a list"),
    ],
)
def test_malformed_step_names_its_index(step: Any, reason: str) -> None:
    with pytest.raises(DataBrewStepsError) as info:
        import_databrew([_step("UPPER_CASE", {"sourceColumn": "a"}), step])
    (issue,) = info.value.issues
    assert issue.index == 1 and reason in issue.reason
    assert "step 2 " in str(info.value)


def test_yaml_console_download() -> None:
    pytest.importorskip("yaml")
    r = read_recipe(FIXTURES / "console_download.yaml")
    assert _summary(r) == [
        ("delete", {"source_columns": ["note"]}, []),
        ("move_to_index", {"source_column": "fare", "target_index": 0}, []),
        ("fill_with_average", {"source_column": "fare"}, [{"condition": "LESS_THAN", "target_column": "passengers", "value": 3}]),
    ]
    with pytest.raises(RecipeFormatError, match="invalid YAML at line 3"):
        import_databrew("- Action:\n  Operation: [unclosed\n")


def test_yaml_without_pyyaml_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(databrew, "_yaml", lambda: None)
    assert not databrew.yaml_available()
    with pytest.raises(RecipeFormatError, match="needs PyYAML"):
        import_databrew("- Action:\n    Operation: UPPER_CASE\n")
    assert import_databrew('[{"Action": {"Operation": "UPPER_CASE", "Parameters": {"sourceColumn": "a"}}}]').steps


def test_detection_of_native_and_databrew() -> None:
    native = Recipe(steps=(Step.create("upper_case", {"source_column": "a"}),)).to_json()
    assert not is_databrew(native)
    assert not is_databrew({k: v for k, v in native.items() if k != "format"})  # native without its marker
    assert is_databrew([]) and is_databrew({"Steps": []}) and is_databrew({"RecipeAction": {}})
    assert is_databrew({"Resources": {"R": {"Type": "AWS::DataBrew::Recipe", "Properties": {}}}})


def test_read_recipe_reads_native_files_as_before(tmp_path: Path) -> None:
    p = tmp_path / "r.json"
    r = Recipe(name="n", steps=(Step.create("upper_case", {"source_column": "a"}),))
    r.save(p)
    assert read_recipe(p) == r
    p.write_text('{"format": "brewdesk-recipe", "format_version": 1,, }')
    with pytest.raises(RecipeFormatError, match="invalid JSON at line 1"):
        read_recipe(p)
    with pytest.raises(RecipeFormatError, match="not found"):
        read_recipe(tmp_path / "nope.json")
    with pytest.raises(RecipeFormatError, match="already a Brewdesk recipe"):
        r.save(p)
        read_databrew(p)


# --------------------------------------------------------------------------- export
def test_export_strings_conditions_and_disabled_steps() -> None:
    recipe = Recipe(steps=(
        Step.create("delete", {"source_columns": ["a", "b"]}),
        Step.create("rename", {"source_column": "c", "target_column": "d"}, enabled=False),
        Step.create("remove_values", {"source_column": "w"}, conditions=[
            {"condition": "IS", "target_column": "w", "value": ["draw"]},
            {"condition": "GREATER_THAN", "target_column": "n", "value": 3},
            {"condition": "IS_BETWEEN", "target_column": "n", "value": {"start": 1, "end": 5}},
            {"condition": "IS_MISSING", "target_column": "m"},
        ]),
    ))
    out = export_databrew(recipe)
    assert len(out) == 2  # the disabled step is left out
    assert out[0] == {"Action": {"Operation": "DELETE", "Parameters": {"sourceColumns": '["a", "b"]'}}}
    assert "ConditionExpressions" not in out[0]
    assert out[1]["ConditionExpressions"] == [
        {"Condition": "IS", "TargetColumn": "w", "Value": '["draw"]'},
        {"Condition": "GREATER_THAN", "TargetColumn": "n", "Value": "3"},
        {"Condition": "IS_BETWEEN", "TargetColumn": "n", "Value": '{"start": 1, "end": 5}'},
        {"Condition": "IS_MISSING", "TargetColumn": "m"},
    ]
    for step in out:
        assert all(isinstance(v, str) for v in step["Action"]["Parameters"].values())
    back = import_databrew(databrew.dumps_databrew(recipe))
    assert _summary(back) == _summary(recipe.with_steps(recipe.enabled_steps))


def test_export_lists_every_step_it_cannot_export() -> None:
    unknown = Step(op="from_the_future", params={"x": 1})
    recipe = Recipe(steps=(
        Step.create("upper_case", {"source_column": "a"}),
        unknown,
        Step.create("to_category", {"source_column": "a"}),
        Step.create("remove_missing", {"source_columns": ["a", "b"]}),
        Step(op="from_the_future", params={}, enabled=False),  # disabled: not exported, not listed
    ))
    with pytest.raises(DataBrewStepsError) as info:
        export_databrew(recipe)
    assert [(i.index, i.operation) for i in info.value.issues] == [(1, "from_the_future"), (2, "to_category"), (3, "remove_missing")]
    text = str(info.value)
    assert "cannot export 3 steps" in text and "no DataBrew equivalent" in text and "unknown operation" in text


# --------------------------------------------------------------------------- round trip of every operation
KNOWN_BROKEN: dict[str, str] = {
    # fill_with_custom round-trips: export writes DataBrew's columnDataType (number, boolean,
    # string) and import reads a number value back as a number; one_hot_encoding exports its
    # categories as an extra parameter, as PIVOT does its pivotValues
    "group_by": "a COUNT of rows (no source column) has no DataBrew form: each groupByAggFunctionOptions "
    "entry names a sourceColumnName (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.GROUP_BY.html), "
    "so export writes COUNT of the first key column, which imports as a COUNT of that column (the same count "
    "unless that key has missing values)",
}
"""Operations whose DataBrew mapping does not round-trip; the test fails once one does (remove it here)."""

EXPORT_REFUSED: dict[tuple[str, str], str] = {
    ("remove_missing", "any-of-two"): "DataBrew's REMOVE_MISSING takes one column; the step names two",
}
"""Golden cases whose params DataBrew cannot express: export refuses them with a clear error."""

DATABREW_OPS = sorted(op_id for op_id, op in operations().items() if op.databrew)


def _round_trip_failures(op_id: str) -> tuple[list[str], set[tuple[str, str]]]:
    """Failures of import(export(step)) over the op's golden cases, and the cases export refused."""
    op = operations()[op_id]
    module = importlib.import_module(f"tests.golden.cases.{op_id}")
    cases = [c for c in module.CASES if not c.error]
    failures: list[str] = []
    refused: set[tuple[str, str]] = set()
    if not cases:
        return [f"{op_id} has no golden case without an error to round-trip"], refused
    for case in cases:
        step = Step.create(op_id, case.params, conditions=case.conditions)
        name, parameters = op.to_databrew(step.params) if (op_id, case.name) not in EXPORT_REFUSED else ("", {})
        if name and name not in op.databrew:
            failures.append(f"{case.name}: to_databrew names {name!r}, not one of {op.databrew}")
        if any(not isinstance(v, str) for v in parameters.values()):
            failures.append(f"{case.name}: to_databrew gives non-string values {parameters!r}")
        recipe = Recipe(steps=(step,), inputs={"main": None, **{n: None for n in case.inputs}})
        try:
            text = databrew.dumps_databrew(recipe)
        except DataBrewStepsError:
            refused.add((op_id, case.name))
            continue
        try:
            back = import_databrew(text)
        except RecipeFormatError as e:
            failures.append(f"{case.name}: exported {text!r} does not import: {e}")
            continue
        if _summary(back) != _summary(recipe):
            failures.append(f"{case.name}: {_summary(recipe)} came back as {_summary(back)} via {json.loads(text)}")
        elif dict(back.inputs) != dict(recipe.inputs):
            failures.append(f"{case.name}: inputs {dict(recipe.inputs)} came back as {dict(back.inputs)}")
    if len(refused) == len(cases):
        failures.append("export refuses every golden case: nothing was round-tripped")
    return failures, refused


@pytest.mark.parametrize("op_id", DATABREW_OPS)
def test_round_trip_of_every_databrew_operation(op_id: str) -> None:
    failures, refused = _round_trip_failures(op_id)
    assert refused == {k for k in EXPORT_REFUSED if k[0] == op_id}, "export refused other cases than EXPORT_REFUSED lists"
    if op_id in KNOWN_BROKEN:
        assert failures, f"{op_id} round-trips now: remove it from KNOWN_BROKEN"
    else:
        assert not failures, f"{op_id} does not round-trip:\n" + "\n".join(failures)


def test_known_broken_names_only_databrew_operations() -> None:
    assert set(KNOWN_BROKEN) <= set(DATABREW_OPS)
    assert {op for op, _ in EXPORT_REFUSED} <= set(DATABREW_OPS)


def test_every_databrew_name_imports_to_its_operation() -> None:
    from brewdesk.recipes.model.registry import by_databrew_name

    names = by_databrew_name()
    assert names["NORMALIZATION"].id == names["SCALE"].id == "scale"
    for name, op in names.items():
        assert name in op.databrew


# --------------------------------------------------------------------------- the CLI
def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_cli_join_runs_with_a_named_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flights = tmp_path / "flights.csv"
    flights.write_text("carrier,fare,extra\nAA,10.5,x\nUA,20,y\nZZ,5,z\nAA,7,w\n")
    airlines = tmp_path / "airlines.csv"
    airlines.write_text("code,name,hub\nAA,American,DFW\nUA,United,ORD\n")
    out = tmp_path / "out.csv"
    code, _, err = _run(capsys, "run", str(FIXTURES / "join.json"), "-i", str(flights),
                        "--input", f"airlines={airlines}", "-o", str(out))
    assert code == 0, err
    got = pd.read_csv(out, keep_default_na=False)
    assert got.to_dict("list") == {
        "carrier": ["AA", "UA", "ZZ", "AA"], "fare": [10.5, 20.0, 5.0, 7.0],
        "airline": ["American", "United", "", "American"],
    }
    # without the named input: one clear message naming it
    code, _, err = _run(capsys, "run", str(FIXTURES / "join.json"), "-i", str(flights), "-o", str(tmp_path / "o2.csv"))
    assert code != 0 and "airlines" in err and "Traceback" not in err


def test_cli_import_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    native = tmp_path / "chess.recipe.json"
    code, _, err = _run(capsys, "import-databrew", str(FIXTURES / "chess.json"), "-o", str(native))
    assert code == 0, err
    loaded = Recipe.load(native)
    assert loaded.name == "chess" and _summary(loaded) == _summary(read_recipe(FIXTURES / "chess.json"))
    code, out, _ = _run(capsys, "import-databrew", str(FIXTURES / "join.json"))
    assert code == 0 and json.loads(out)["inputs"] == {"main": {}, "airlines": {}}
    code, out, _ = _run(capsys, "export-databrew", str(native))
    assert code == 0
    exported, original = json.loads(out), json.loads((FIXTURES / "chess.json").read_text())
    assert [s["Action"]["Operation"] for s in exported] == [s["Action"]["Operation"] for s in original]
    assert exported[0] == original[0]  # REMOVE_VALUES with its IS condition, exactly as downloaded
    for e, o in zip(exported, original, strict=True):  # REPLACE_TEXT also writes Brewdesk's "regex"
        assert o["Action"]["Parameters"].items() <= e["Action"]["Parameters"].items()
    dest = tmp_path / "databrew.json"
    code, _, _ = _run(capsys, "export-databrew", str(FIXTURES / "console_download.json"), "-o", str(dest))
    assert code == 0 and _summary(read_recipe(dest)) == _summary(read_recipe(FIXTURES / "console_download.json"))


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "import-databrew", str(FIXTURES / "unsupported.json"))
    assert code == 2 and err.startswith("error: ") and err.count("- step") == 4
    native = tmp_path / "n.json"
    Recipe(steps=(Step.create("to_category", {"source_column": "a"}), Step.create("upper_case", {"source_column": "a"}, enabled=False))).save(native)
    code, _, err = _run(capsys, "import-databrew", str(native))
    assert code == 2 and "already a Brewdesk recipe" in err
    code, _, err = _run(capsys, "export-databrew", str(native))
    assert code == 2 and "step 1 (to_category): no DataBrew equivalent" in err
    Recipe(steps=(Step.create("upper_case", {"source_column": "a"}, enabled=False),)).save(native)
    code, out, err = _run(capsys, "export-databrew", str(native))
    assert code == 0 and json.loads(out) == [] and "left out 1 disabled step" in err


def test_a_refused_parameter_is_listed_with_the_other_bad_steps():
    from brewdesk.recipes.model.databrew import import_databrew
    from brewdesk.recipes.model.errors import RecipeFormatError

    steps = [
        {"Action": {"Operation": "MASK_CUSTOM", "Parameters": {
            "sourceColumns": ["a"], "maskSymbol": "#", "entityTypeFilter": ["EMAIL"], "customValue": "x"}}},
        {"Action": {"Operation": "NO_SUCH_OPERATION", "Parameters": {}}},
    ]
    try:
        import_databrew(steps)
    except RecipeFormatError as e:
        text = str(e)
    else:
        raise AssertionError("the import should fail")
    assert "MASK_CUSTOM" in text and "NO_SUCH_OPERATION" in text
