"""Malformed recipes (issue 5): ``Recipe.loads`` returns a Recipe or raises RecipeFormatError.

Hypothesis fuzzers over native recipe text: random JSON documents, valid recipes mutated
(wrong types, unknown fields, deeply nested values, huge strings, newer format versions),
plus a 10 MB recipe and code-looking parameters that must stay plain strings. Any other
exception, or a load slower than :data:`MAX_SECONDS`, fails. About 200 examples per fuzzer.
"""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest
from brewdesk.recipes.model.errors import RecipeFormatError
from brewdesk.recipes.model.recipe import FORMAT_VERSION, MAX_RECIPE_BYTES, Recipe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "clean_flights.recipe.json"
MAX_SECONDS = 5.0
FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VALID = json.loads(EXAMPLE.read_text(encoding="utf-8"))
EVIL = [
    "__import__('os').system('touch /tmp/brewdesk_pwned')",
    "exec(\"open('/tmp/brewdesk_pwned','w')\")",
    "eval('1+1')",
    "().__class__.__mro__[1].__subclasses__()",
    "lambda: 0",
    "{{7*7}}",
    "${jndi:ldap://x}",
]


def load_ok(text: str) -> Recipe | None:
    """Load; a RecipeFormatError is fine, any other exception propagates (fails the test)."""
    t0 = time.perf_counter()
    try:
        recipe = Recipe.loads(text, source="fuzz.json")
    except RecipeFormatError as exc:
        assert str(exc), "an error needs a message"
        recipe = None
    assert time.perf_counter() - t0 < MAX_SECONDS, "recipe load too slow (hang?)"
    if recipe is not None:  # a loaded recipe must serialize and load back the same
        again = Recipe.loads(recipe.dumps(), source="again.json")
        assert again.to_json() == recipe.to_json()
    return recipe


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)
KEYS = ["format", "format_version", "name", "description", "inputs", "steps",
        "id", "op", "v", "params", "enabled", "note", "conditions", "columns", "source_columns"]


def test_the_example_recipe_loads():
    assert load_ok(EXAMPLE.read_text(encoding="utf-8")) is not None


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_random_text(text):
    load_ok(text)


@FUZZ
@given(json_values)
def test_fuzz_random_json_documents(doc):
    load_ok(json.dumps(doc))


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), json_values, max_size=6),
       st.lists(st.dictionaries(st.sampled_from(KEYS), json_values, max_size=7), max_size=4))
def test_fuzz_recipe_shaped_documents(top, steps):
    doc = {"format": "brewdesk-recipe", "format_version": 1, **top}
    if "steps" not in top:
        doc["steps"] = steps
    load_ok(json.dumps(doc))


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


PATHS = [p for p in _paths(VALID) if p]


def _set(doc: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


def _nested(depth: int) -> Any:
    value: Any = "x"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


mutations = st.one_of(
    json_values,                                                # wrong types anywhere
    st.sampled_from(EVIL),                                      # code-looking strings
    st.integers(min_value=-(2**70), max_value=2**70),
    st.just(float("inf")), st.just(float("-inf")), st.just(float("nan")),
    st.integers(min_value=10, max_value=400).map(_nested),      # deeply nested values
    st.integers(min_value=1, max_value=2**20).map(lambda n: "é" * n),  # huge strings
)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(PATHS), mutations), min_size=1, max_size=3),
       st.dictionaries(st.text(max_size=8), json_values, max_size=2))
def test_fuzz_mutated_valid_recipe(changes, extra_fields):
    doc = copy.deepcopy(VALID)
    for path, value in changes:
        try:
            _set(doc, path, value)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change replaced a parent
    if extra_fields and isinstance(doc.get("steps"), list) and doc["steps"] and isinstance(doc["steps"][0], dict):
        doc["steps"][0].update(extra_fields)                   # unknown fields in a step
    load_ok(json.dumps(doc, allow_nan=True))


@FUZZ
@given(st.integers(min_value=FORMAT_VERSION + 1, max_value=2**63), st.booleans())
def test_fuzz_newer_format_version_is_refused(version, as_text):
    doc = {**VALID, "format_version": str(version) if as_text else version}
    with pytest.raises(RecipeFormatError, match=r"format_version|newer than this Brewdesk"):
        Recipe.loads(json.dumps(doc))


@FUZZ
@given(st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
       st.integers(min_value=0, max_value=len(json.dumps(VALID))))
def test_fuzz_truncated_and_spliced_recipe_text(junk, cut):
    text = json.dumps(VALID)
    load_ok(text[:cut])
    load_ok(text[:cut] + junk + text[cut:])


def test_ten_megabyte_recipe_is_loaded_or_refused_quickly():
    doc = copy.deepcopy(VALID)
    doc["description"] = "x" * (10 * 2**20)
    load_ok(json.dumps(doc))
    doc["description"] = "x" * (MAX_RECIPE_BYTES + 1)
    with pytest.raises(RecipeFormatError, match="larger than"):
        Recipe.loads(json.dumps(doc))


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_is_refused(depth):
    with pytest.raises(RecipeFormatError):
        Recipe.loads('{"format": "brewdesk-recipe", "format_version": 1, "x": ' + "[" * depth + "]" * depth + "}")


def test_code_in_parameters_is_never_executed(tmp_path, monkeypatch):
    """Strings that look like code stay strings: nothing is imported, run or written."""
    calls = []
    import builtins

    monkeypatch.setattr(builtins, "eval", lambda *a, **k: calls.append(("eval", a)))
    monkeypatch.setattr(builtins, "exec", lambda *a, **k: calls.append(("exec", a)))
    monkeypatch.chdir(tmp_path)
    for evil in EVIL:
        doc = copy.deepcopy(VALID)
        for path in PATHS:
            node: Any = doc
            try:
                for key in path[:-1]:
                    node = node[key]
                if isinstance(node[path[-1]], str):
                    _set(doc, path, evil.replace("/tmp/", str(tmp_path) + "/"))
                    load_ok(json.dumps(doc))
                    doc = copy.deepcopy(VALID)
            except (KeyError, IndexError, TypeError):
                continue
        unknown = {"format": "brewdesk-recipe", "format_version": 1, "name": evil,
                   "steps": [{"id": "s1", "op": evil, "params": {"expr": evil, evil: [evil]}, "note": evil}]}
        r = load_ok(json.dumps(unknown))
        assert r is not None and r.steps[0].params == {"expr": evil, evil: [evil]}
    assert calls == []
    assert list(tmp_path.iterdir()) == []
