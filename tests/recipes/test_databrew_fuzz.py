"""Hypothesis fuzzers over the DataBrew importer (issue 5: recipes from strangers).

``import_databrew`` must return a Recipe or raise RecipeFormatError (DataBrewStepsError is
one), quickly, for any text or document: random text, random JSON/YAML, DataBrew-shaped steps
with every known operation name and random parameter values (strings, JSON-encoded lists,
numbers, nested objects, code-looking strings), the fixtures mutated, and YAML tags that would
construct Python objects. eval/exec/compile are watched while it runs (any call with source
text fails the test; imports of modules are allowed); an imported recipe must save and load back
unchanged.
"""

from __future__ import annotations

import builtins
import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest
from brewdesk.recipes.model.databrew import import_databrew
from brewdesk.recipes.model.errors import RecipeFormatError
from brewdesk.recipes.model.recipe import Recipe
from brewdesk.recipes.model.registry import by_databrew_name
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "databrew"
MAX_SECONDS = 5.0
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAMES = sorted(by_databrew_name())
KEYS = sorted({"sourceColumn", "sourceColumns", "targetColumn", "value", "pattern", "delimiter", "startPosition",
               "endPosition", "columnDataType", "expressions", "valueExpression", "withExpressions", "numRows",
               "secretId", "lowerBound", "upperBound", "joinType", "leftColumns", "rightColumns", "groupByColumns",
               "aggregateFunction", "unit", "format", "trueString", "falseString", "regexColumnSelector"})
EVIL = ["__import__('os').system('touch /tmp/brewdesk_pwned')", "().__class__.__mro__[1].__subclasses__()",
        "lambda: 0", "`x` == 1 or __import__('os')", "!!python/object/apply:os.system ['id']", "${jndi:ldap://x}",
        "[x for x in range(10**9)]", "9**9**9", "(a+)+$"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | st.sampled_from(EVIL),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=25,
)


CALLS: list[str] = []


def _tripwire(name: str) -> Any:
    real = getattr(builtins, name)

    def wrapped(*a: Any, **k: Any) -> Any:
        # module imports (a lazily imported parser) exec code objects compiled from .py files;
        # text from a recipe would arrive as a string
        source = a[0] if a else None
        from_module = name == "compile" and len(a) > 1 and str(a[1]).endswith(".py")
        if isinstance(source, str | bytes) and not from_module:
            CALLS.append(f"{name}({source[:60]!r})")
        return real(*a, **k)

    return wrapped


def import_ok(data: Any) -> Recipe | None:
    """Import with eval/exec/compile recording calls; a RecipeFormatError is fine."""
    saved = {n: getattr(builtins, n) for n in ("eval", "exec", "compile")}
    CALLS.clear()
    t0 = time.perf_counter()
    try:
        for n in saved:
            setattr(builtins, n, _tripwire(n))
        try:
            recipe = import_databrew(data, source="fuzz.json")
        except RecipeFormatError as exc:
            assert str(exc), "an error needs a message"
            recipe = None
    finally:
        for n, f in saved.items():
            setattr(builtins, n, f)
    assert CALLS == [], f"{CALLS} called while importing a DataBrew recipe"
    assert time.perf_counter() - t0 < MAX_SECONDS, "import too slow (hang?)"
    if recipe is not None:
        again = Recipe.loads(recipe.dumps(), source="again.json")
        assert again.to_json() == recipe.to_json()
    return recipe


def _param_value(draw: Any) -> Any:
    kind = draw(st.sampled_from(["text", "json-list", "json", "raw"]))
    if kind == "text":
        return draw(st.text(max_size=30) | st.sampled_from(EVIL) | st.from_regex(r"-?\d{1,6}(\.\d{1,3})?", fullmatch=True))
    if kind == "json-list":
        return json.dumps(draw(st.lists(st.text(max_size=8) | st.sampled_from(EVIL), max_size=4)))
    if kind == "json":
        return json.dumps(draw(json_values))
    return draw(json_values)


@st.composite
def databrew_steps(draw: Any) -> list[Any]:
    steps = []
    for _ in range(draw(st.integers(0, 5))):
        params = {k: _param_value(draw) for k in draw(st.lists(st.sampled_from(KEYS), max_size=5, unique=True))}
        action: dict[str, Any] = {"Operation": draw(st.sampled_from(NAMES) | st.text(max_size=12)), "Parameters": params}
        step: dict[str, Any] = {"Action": action}
        if draw(st.booleans()):
            step["ConditionExpressions"] = [
                {"Condition": draw(st.sampled_from(["IS", "IS_NOT", "LESS_THAN", "IS_BETWEEN", "CONTAINS", "BOGUS"])),
                 "Value": _param_value(draw), "TargetColumn": draw(st.text(max_size=8))}
                for _ in range(draw(st.integers(1, 2)))
            ]
        steps.append(step)
    return steps


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_random_text(text):
    import_ok(text)


@FUZZ
@given(json_values)
def test_fuzz_random_documents(doc):
    import_ok(doc)
    import_ok(json.dumps(doc))


@FUZZ
@given(databrew_steps(), st.sampled_from(["list", "json", "yaml", "cloudformation", "recipe_action"]))
def test_fuzz_databrew_shaped_steps(steps, shape):
    if shape == "list":
        import_ok(steps)
    elif shape == "json":
        import_ok(json.dumps(steps))
    elif shape == "yaml":
        yaml = pytest.importorskip("yaml")
        import_ok(yaml.safe_dump(steps))
    elif shape == "cloudformation":
        import_ok({"Resources": {"R": {"Type": "AWS::DataBrew::Recipe", "Properties": {"Name": "r", "Steps": [
            {"Action": {"Operation": s["Action"]["Operation"], "Parameters": s["Action"]["Parameters"]}} for s in steps]}}}})
    else:
        for s in steps[:1]:
            import_ok({"RecipeAction": s["Action"]})


FIXTURE_DOCS = {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.json"))}


@FUZZ
@given(st.sampled_from(sorted(FIXTURE_DOCS)), st.integers(0, 10_000), st.text(max_size=10))
def test_fuzz_truncated_and_spliced_fixtures(name, cut, junk):
    text = FIXTURE_DOCS[name]
    cut %= len(text) + 1
    import_ok(text[:cut] + junk + text[cut:][: len(text) // 3])


@FUZZ
@given(st.sampled_from(sorted(FIXTURE_DOCS)), st.lists(st.tuples(st.integers(0, 50), st.sampled_from(KEYS), json_values),
                                                        min_size=1, max_size=4))
def test_fuzz_mutated_fixtures(name, changes):
    doc = json.loads(FIXTURE_DOCS[name])
    steps = doc if isinstance(doc, list) else None
    if not steps:
        import_ok(doc)
        return
    steps = copy.deepcopy(steps)
    for index, key, value in changes:
        step = steps[index % len(steps)]
        action = step.get("Action") if isinstance(step, dict) else None
        if isinstance(action, dict) and isinstance(action.get("Parameters"), dict):
            action["Parameters"][key] = value
    import_ok(steps)


def test_yaml_python_tags_construct_nothing(tmp_path):
    pytest.importorskip("yaml")
    marker = tmp_path / "pwned"
    for text in (
        f"- !!python/object/apply:os.system ['touch {marker}']",
        f"- Action: !!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
        "- Action: {Operation: UPPER_CASE, Parameters: !!python/name:os.system }",
    ):
        with pytest.raises(RecipeFormatError):
            import_databrew(text, source="evil.yaml")
    assert not marker.exists()


def test_code_in_databrew_parameters_stays_text():
    steps = [{"Action": {"Operation": "UPPER_CASE", "Parameters": {"sourceColumn": EVIL[0]}}},
             {"Action": {"Operation": "ADD_PREFIX", "Parameters": {"sourceColumn": "a", "pattern": EVIL[1]}}}]
    recipe = import_ok(steps)
    assert recipe is not None
    params = [s.params.model_dump() for s in recipe.steps]
    assert params[0]["source_column"] == EVIL[0]
    assert EVIL[1] in json.dumps(params[1])
