"""The planner: stages, probe passes, and what `explain` prints."""

from __future__ import annotations

from brewdesk.engine.plan import plan
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.types import Schema

SCHEMA = Schema({"a": "float64", "b": "float64", "s": "string"})


def test_independent_statistics_share_one_probe_pass():
    r = Recipe(
        steps=(
            Step.create("fill_with_median", {"source_column": "a"}),
            Step.create("fill_with_median", {"source_column": "b"}),
            Step.create("fill_with_last_valid", {"source_column": "s"}),
        )
    )
    p = plan(r, SCHEMA)
    assert len(p.stages) == 1 and p.stages[0].needs_probe
    assert [(st.name, st.column) for _, _, st in p.stages[0].stats()] == [("median", "a"), ("median", "b")]
    assert p.passes == 2  # one probe pass, one final pass


def test_dependent_statistic_starts_a_new_stage():
    r = Recipe(
        steps=(
            Step.create("fill_with_median", {"source_column": "a"}),
            Step.create("rename", {"source_column": "a", "target_column": "a2"}),
            Step.create("fill_with_median", {"source_column": "a2"}),
        )
    )
    p = plan(r, SCHEMA)
    assert [len(s.steps) for s in p.stages] == [2, 1]
    assert p.passes == 3


def test_global_steps_are_stages_of_their_own_and_explained():
    r = Recipe(
        name="demo",
        steps=(
            Step.create("rename", {"source_column": "s", "target_column": "t"}),
            Step.create("remove_duplicates", {}),
            Step.create("fill_with_median", {"source_column": "a"}, enabled=False),
        ),
    )
    p = plan(r, SCHEMA)
    assert [s.is_global for s in p.stages] == [False, True]
    text = p.explain()
    assert "stage 2: GLOBAL remove_duplicates" in text
    assert "Fill missing" not in text  # disabled steps are not planned
    data = p.to_json()
    assert data["stages"][1]["type"] == "global" and data["output_columns"] == {"a": "float64", "b": "float64", "t": "string"}


def test_probe_runs_only_the_steps_that_can_change_what_it_measures():
    schema = Schema({"a": "float64", "b": "float64", "s": "string", "t": "string"})
    r = Recipe(
        steps=(
            Step.create("upper_case", {"source_column": "s"}, id="case-s"),
            Step.create("upper_case", {"source_column": "t"}, id="case-t"),
            Step.create("remove_missing", {"source_columns": ["b"]}, id="drop-b"),
            Step.create("to_category", {"source_column": "s"}, id="cat-s"),
        )
    )
    stage = plan(r, schema).stages[0]
    assert stage.probe_steps() == {"case-s", "drop-b"}


def test_required_columns_follow_what_the_output_depends_on():
    from brewdesk.engine.plan import required_columns

    schema = Schema({"k": "string", "v": "float64", "w": "float64", "unused": "string"})
    grouped = Recipe(
        steps=(
            Step.create("fill_with_median", {"source_column": "w"}),
            Step.create(
                "group_by",
                {"source_columns": ["k"], "aggregates": [{"source_column_name": "v", "function_name": "SUM", "target_column_name": "s"}]},
            ),
        )
    )
    assert required_columns(grouped, schema) == ["k", "v", "w"]  # w is named by a step
    dedupe = Recipe(steps=(Step.create("remove_duplicates", {}), Step.create("group_by", {
        "source_columns": ["k"], "aggregates": [{"function_name": "COUNT", "target_column_name": "n"}]})))
    assert required_columns(dedupe, schema) == list(schema)  # dedupe compares every column
    assert required_columns(Recipe(), schema) == list(schema)
