"""AWS Glue DataBrew recipes: import into a :class:`~brewdesk.recipes.model.recipe.Recipe`, and export.

A DataBrew recipe is a list of steps (https://docs.aws.amazon.com/databrew/latest/dg/recipes.html
#recipes.structure)::

    [{"Action": {"Operation": "REMOVE_VALUES", "Parameters": {"sourceColumn": "winner"}},
      "ConditionExpressions": [{"Condition": "IS", "Value": "[\\"draw\\"]", "TargetColumn": "winner"}]}]

Import accepts every shape DataBrew's console, API, CloudFormation and documentation use:

- the list of steps as the console downloads it, in JSON or YAML (YAML only when PyYAML is
  installed; a clear error otherwise);
- an object holding that list as ``Steps`` (``DescribeRecipe``, CloudFormation's
  ``AWS::DataBrew::Recipe`` properties) or ``RecipeSteps``, or a whole CloudFormation template
  with one ``AWS::DataBrew::Recipe`` resource; its ``Name`` names the recipe;
- a single step wrapped as ``{"RecipeStep": {"Action": ...}}`` or ``{"RecipeAction": {...}}``,
  as the operation pages' examples are (also as elements of a list);
- keys in any case (``Action``/``action``, ``Operation``, ``Parameters``,
  ``ConditionExpressions``, ``Condition``, ``Value``, ``TargetColumn``); PascalCase parameter
  keys (CloudFormation's ``SourceColumn``) become DataBrew's camelCase (``sourceColumn``);
- parameter values as DataBrew's API has them (strings, lists as JSON-encoded strings), and as
  some documented examples and YAML files write them (real arrays, numbers, booleans: scalars
  are turned into the strings DataBrew would hold, arrays and objects are passed on as they are).

Each step is imported by the operation registered under its DataBrew name
(:func:`brewdesk.recipes.model.registry.by_databrew_name`; ``NORMALIZATION`` and ``SCALE`` both
import as ``scale``) through that operation's ``from_databrew``. A JOIN's or UNION's secondary
dataset names become named recipe inputs, bound at run time with ``--input NAME=SOURCE``.

Condition values: ``IS`` and ``IS_NOT`` take a JSON list string (``"[\\"draw\\"]"``; a plain
string is one value); ``IS_BETWEEN`` takes a JSON object or list string (``{"start": a, "end": b}``);
the ordered comparisons (``LESS_THAN``, ...) read a canonical JSON number (``"3"``, ``"2.5"``) as
a number and keep anything else as text; other conditions keep their text.

Every step Brewdesk cannot import (no such operation, an option the operation does not support,
invalid parameters, a malformed step) is listed in one :class:`DataBrewStepsError`, never one at
a time. A malformed document (invalid JSON or YAML, not a list of steps) is a
:class:`~brewdesk.recipes.model.errors.RecipeFormatError`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brewdesk.recipes.model import registry
from brewdesk.recipes.model.conditions import Condition
from brewdesk.recipes.model.errors import RecipeFormatError, did_you_mean
from brewdesk.recipes.model.recipe import FORMAT, MAIN, MAX_RECIPE_BYTES, Recipe, Step
from brewdesk.recipes.ops.base import to_databrew_string
from pydantic import BaseModel, ValidationError

__all__ = [
    "AWS_ONLY",
    "DataBrewStepsError",
    "StepIssue",
    "dumps_databrew",
    "export_databrew",
    "import_databrew",
    "is_databrew",
    "parse_text",
    "read_databrew",
    "read_recipe",
    "yaml_available",
]

_STEP_LIST_KEYS = ("Steps", "RecipeSteps")
_SINGLE_STEP_KEYS = ("RecipeStep", "RecipeAction", "Action")
_CFN_TYPE = "AWS::DataBrew::Recipe"
_LIST_CONDITIONS = {"IS", "IS_NOT"}
_ORDER_CONDITIONS = {"LESS_THAN", "LESS_THAN_EQUAL", "GREATER_THAN", "GREATER_THAN_EQUAL"}
_SECONDARY_FIELDS = ("secondary_input", "secondary_inputs")

_SESSION_ONLY = (
    "It only exists in DataBrew's interactive sessions (a project open in the console, driven by "
    "SendProjectSessionAction): it reads the session's state and changes no data, so a recipe "
    "run as a job, in DataBrew or in Brewdesk, has nothing to do with it."
)
AWS_ONLY: dict[str, str] = {
    "GET_ACTION_RESULT": (
        "GET_ACTION_RESULT fetches the result of an action sent earlier to an open DataBrew "
        "project session (actionId: the ActionId SendProjectSessionAction returned; "
        "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.GET_ACTION_RESULT.html). "
        f"{_SESSION_ONLY} Instead: remove the step; Brewdesk's app previews each step's result "
        "as you add it, and `brewdesk run --report run.json` records every step's rows in and out."
    ),
    "GET_STEP_DATAFRAME": (
        "GET_STEP_DATAFRAME fetches the data frame after one step of a project's recipe "
        "(stepIndex), to page through it in an open DataBrew project session "
        "(https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.GET_STEP_DATAFRAME.html). "
        f"{_SESSION_ONLY} Instead: remove the step; to see the data after a step, select that "
        "step in the app's recipe panel (the grid shows the sample up to it), or save a copy of "
        "the recipe that ends at that step and `brewdesk run` it."
    ),
}
"""DataBrew operation names that exist only in AWS (not as recipe steps a job runs), with why and
what to do instead. Import refuses them with that explanation; ``brewdesk ops show NAME`` prints it."""


# --------------------------------------------------------------------------- errors
@dataclass(frozen=True)
class StepIssue:
    """One step that cannot cross between DataBrew and Brewdesk.

    Attributes
    ----------
    index
        0-based position of the step in the recipe it comes from.
    operation
        The DataBrew operation name (import) or Brewdesk operation id (export), when known.
    reason
        Why the step cannot be imported or exported.
    """

    index: int
    operation: str | None
    reason: str

    def __str__(self) -> str:
        return f"step {self.index + 1} ({self.operation or 'no operation'}): {self.reason}"


class DataBrewStepsError(RecipeFormatError):
    """Steps that cannot be imported from, or exported to, DataBrew: all of them in one error.

    Attributes
    ----------
    issues
        Every step that cannot cross, in step order; the message lists them all.
    """

    def __init__(self, issues: Sequence[StepIssue], *, action: str, source: str) -> None:
        self.issues = list(issues)
        n = len(self.issues)
        lines = "\n".join(f"  - {i}" for i in self.issues)
        hint = (
            "remove or replace those steps in DataBrew, or edit the file"
            if action == "import"
            else "disable or remove those steps before exporting"
        )
        super().__init__(f"{source}: cannot {action} {n} step{'s' * (n != 1)}:\n{lines}", hint=hint)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_steps_error, (self.issues, self.message, self.hint))


def _rebuild_steps_error(issues: list[StepIssue], message: str, hint: str | None) -> DataBrewStepsError:
    err = DataBrewStepsError.__new__(DataBrewStepsError)
    RecipeFormatError.__init__(err, message, hint=hint)
    err.issues = issues
    return err


# --------------------------------------------------------------------------- text
def yaml_available() -> bool:
    """Whether PyYAML is importable (YAML DataBrew recipes need it)."""
    return _yaml() is not None


def _yaml() -> Any:
    try:
        import yaml  # optional dependency (PyYAML is not a requirement): DataBrew's YAML recipes
    except ImportError:
        return None
    return yaml


def parse_text(text: str, *, source: str = "DataBrew recipe") -> Any:
    """Parse DataBrew recipe text, JSON or YAML, into plain Python data.

    Text starting with ``[`` or ``{`` is JSON; anything else is YAML, read with
    ``yaml.safe_load`` (never constructing Python objects) when PyYAML is installed.

    Raises
    ------
    RecipeFormatError
        Text too large, invalid JSON (line and column), invalid YAML, or YAML without PyYAML.
    """
    if len(text) > MAX_RECIPE_BYTES:
        raise RecipeFormatError(f"{source}: recipe is larger than {MAX_RECIPE_BYTES // 2**20} MB")
    body = text.lstrip("\ufeff")
    yaml = _yaml()
    if body.lstrip()[:1] in ("[", "{"):
        # JSON (YAML would accept broken JSON such as {"Action": } with surprising results)
        try:
            return json.loads(body)
        except json.JSONDecodeError as e:
            raise RecipeFormatError(f"{source}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
        except RecursionError:
            raise RecipeFormatError(f"{source}: JSON is nested too deeply") from None
    if yaml is None:
        raise RecipeFormatError(
            f"{source}: not JSON, and reading a YAML DataBrew recipe needs PyYAML, which is not installed",
            hint="pip install pyyaml, or download the recipe as JSON",
        )
    try:
        return yaml.safe_load(body)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e)
        raise RecipeFormatError(f"{source}: invalid YAML{where}: {problem}") from None
    except RecursionError:
        raise RecipeFormatError(f"{source}: YAML is nested too deeply") from None


# --------------------------------------------------------------------------- shapes
def _get(d: Mapping[Any, Any], *names: str) -> Any:
    """``d[name]`` for the first of ``names`` present, keys compared case-insensitively."""
    lowered = {str(k).lower(): v for k, v in d.items()}
    for n in names:
        if n.lower() in lowered:
            return lowered[n.lower()]
    return None


def _has(d: Mapping[Any, Any], *names: str) -> bool:
    keys = {str(k).lower() for k in d}
    return any(n.lower() in keys for n in names)


def _cfn_recipes(data: Mapping[Any, Any]) -> list[tuple[str, Any]]:
    resources = _get(data, "Resources")
    if not isinstance(resources, Mapping):
        return []
    return [
        (str(k), _get(r, "Properties") or {})
        for k, r in resources.items()
        if isinstance(r, Mapping) and _get(r, "Type") == _CFN_TYPE
    ]


def is_databrew(data: Any) -> bool:
    """Whether parsed recipe data is a DataBrew recipe rather than a native Brewdesk one.

    A list is a list of DataBrew steps; an object is DataBrew when it holds ``Steps``,
    ``RecipeSteps``, ``RecipeStep``, ``RecipeAction`` or ``Action`` (any case), or is a
    CloudFormation template with an ``AWS::DataBrew::Recipe``. An object with a ``"format"``
    key, or whose ``steps`` have native ``"op"`` keys, is native (so the native reader reports
    what is wrong with it).
    """
    if isinstance(data, list):
        return True
    if not isinstance(data, Mapping) or "format" in data:
        return False
    steps = data.get("steps")
    if isinstance(steps, list) and any(isinstance(s, Mapping) and "op" in s for s in steps):
        return False  # a native recipe that lost its "format" marker
    return _has(data, *_STEP_LIST_KEYS, *_SINGLE_STEP_KEYS) or bool(_cfn_recipes(data))


def _document(data: Any, source: str) -> tuple[list[Any], str | None]:
    """The raw step list and the recipe's own name, from any accepted top-level shape."""
    if isinstance(data, list):
        return data, None
    if isinstance(data, Mapping):
        cfn = _cfn_recipes(data)
        if len(cfn) > 1:
            names = ", ".join(k for k, _ in cfn)
            raise RecipeFormatError(f"{source}: the template holds {len(cfn)} DataBrew recipes ({names}); import one at a time")
        if cfn:
            data = cfn[0][1]
            if not isinstance(data, Mapping):
                raise RecipeFormatError(f"{source}: the recipe resource's Properties must be an object")
        name = _get(data, "Name")
        name = name if isinstance(name, str) and name else None
        if _has(data, *_STEP_LIST_KEYS):
            steps = _get(data, *_STEP_LIST_KEYS)
            if not isinstance(steps, list):
                raise RecipeFormatError(f"{source}: \"Steps\" must be a list of steps, got {type(steps).__name__}")
            return steps, name
        if _has(data, *_SINGLE_STEP_KEYS):
            return [data], name
    kind = "empty document" if data is None else type(data).__name__
    raise RecipeFormatError(
        f"{source}: a DataBrew recipe is a list of steps "
        f"({{\"Action\": {{\"Operation\": ..., \"Parameters\": {{...}}}}}}), got {kind}"
    )


# --------------------------------------------------------------------------- import
def _camel(key: str) -> str:
    """CloudFormation's PascalCase parameter key -> DataBrew's camelCase (``SourceColumn``)."""
    if key[:1].isupper() and (len(key) == 1 or not key[1].isupper()):
        return key[0].lower() + key[1:]
    return key


def _param_value(value: Any) -> Any:
    """A parameter value as DataBrew holds it: scalars as strings, arrays/objects as given."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return value


def _parameters(raw: Mapping[Any, Any]) -> dict[str, Any]:
    return {_camel(str(k)): _param_value(v) for k, v in raw.items() if v is not None}


def _decode_condition_value(condition: str, value: Any) -> Any:
    if value is None:
        return None
    if condition in _LIST_CONDITIONS:
        if isinstance(value, list | tuple):
            return list(value)
        if isinstance(value, str):
            try:
                parsed = json.loads(value)
            except ValueError:
                return [value]
            return parsed if isinstance(parsed, list) else [value]
        return [value]
    if condition == "IS_BETWEEN":
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value  # reported by validation when the step is checked
        return value
    if condition in _ORDER_CONDITIONS:
        if isinstance(value, str):
            try:
                parsed = json.loads(value)
            except ValueError:
                return value
            if isinstance(parsed, int | float) and not isinstance(parsed, bool) and json.dumps(parsed) == value:
                return parsed
        return value
    return value if isinstance(value, str) else _param_value(value)


def _conditions(raw: Any) -> tuple[Condition, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ValueError("\"ConditionExpressions\" must be a list")
    out = []
    for j, c in enumerate(raw):
        if not isinstance(c, Mapping):
            raise ValueError(f"condition {j + 1} is not an object")
        name = _get(c, "Condition")
        name = name.strip().upper() if isinstance(name, str) else name
        data = {
            "condition": name,
            "target_column": _get(c, "TargetColumn"),
            "value": _decode_condition_value(str(name), _get(c, "Value")),
        }
        try:
            out.append(Condition.model_validate(data))
        except ValidationError as e:
            msgs = "; ".join(f"{'.'.join(str(x) for x in err['loc']) or 'condition'}: {err['msg']}" for err in e.errors())
            raise ValueError(f"condition {j + 1}: {msgs}") from None
    return tuple(out)


def _import_step(raw: Any, index: int) -> tuple[Step | None, StepIssue | None]:
    def issue(reason: str, operation: str | None = None) -> tuple[None, StepIssue]:
        return None, StepIssue(index, operation, reason)

    if not isinstance(raw, Mapping):
        return issue(f"a step is an object, got {type(raw).__name__}")
    inner = _get(raw, "RecipeStep")
    if isinstance(inner, Mapping):
        raw = inner
    action = _get(raw, "Action", "RecipeAction")
    if action is None and _has(raw, "Operation"):
        action = raw  # a bare action
    if not isinstance(action, Mapping):
        return issue("no \"Action\" object with an \"Operation\"")
    name = _get(action, "Operation")
    if not isinstance(name, str) or not name.strip():
        return issue("the action has no \"Operation\"")
    name = name.strip().upper()
    raw_params = _get(action, "Parameters")
    if raw_params is None:
        raw_params = {}
    if not isinstance(raw_params, Mapping):
        return issue("\"Parameters\" must be an object", name)
    op = registry.by_databrew_name().get(name)
    if op is None and name in AWS_ONLY:
        return issue(AWS_ONLY[name], name)
    if op is None:
        return issue(f"no Brewdesk operation{did_you_mean(name, registry.by_databrew_name())}", name)
    try:
        conds = _conditions(_get(raw, "ConditionExpressions"))
    except ValueError as e:
        return issue(str(e), name)
    try:
        params = op.from_databrew(name, _parameters(raw_params))
    except NotImplementedError as e:
        return issue(f"not supported by Brewdesk's {op.id}" + (f": {e}" if str(e) else ""), name)
    except KeyError as e:
        return issue(f"missing parameter {e}", name)
    except (ValueError, TypeError, AttributeError) as e:
        return issue(str(e) or f"not supported by Brewdesk's {op.id}", name)
    except RecipeFormatError as e:  # an operation refusing a parameter (databrew_error)
        return issue(e.message, name)
    try:
        return Step.create(op.id, params, conditions=conds), None
    except RecipeFormatError as e:
        return issue(e.message.removeprefix(f"operation {op.id}: "), name)


def _secondary_inputs(steps: Sequence[Step]) -> list[str]:
    names: dict[str, None] = {}
    for s in steps:
        for f in _SECONDARY_FIELDS:
            v = getattr(s.params, f, None)
            for n in [v] if isinstance(v, str) else list(v or []):
                names[n] = None
    return [n for n in names if n != MAIN]


def _import(data: Any, *, name: str | None, default_name: str, source: str) -> Recipe:
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    if isinstance(data, str):
        data = parse_text(data, source=source)
    raw_steps, own_name = _document(data, source)
    steps: list[Step] = []
    issues: list[StepIssue] = []
    for i, raw in enumerate(raw_steps):
        step, issue = _import_step(raw, i)
        if issue is not None:
            issues.append(issue)
        elif step is not None:
            steps.append(step)
    if issues:
        raise DataBrewStepsError(issues, action="import", source=source)
    inputs: dict[str, Any] = {MAIN: None, **{n: None for n in _secondary_inputs(steps)}}
    return Recipe(steps=tuple(steps), name=name or own_name or default_name, inputs=inputs)


def import_databrew(
    data: str | bytes | Sequence[Any] | Mapping[str, Any],
    *,
    name: str | None = None,
    source: str = "DataBrew recipe",
) -> Recipe:
    """Convert a DataBrew recipe into a native :class:`Recipe`.

    Parameters
    ----------
    data
        The recipe: JSON or YAML text (or bytes), or the parsed list/object (see the module
        docstring for every accepted shape).
    name
        Name of the new recipe; by default the document's own ``Name`` (CloudFormation,
        ``DescribeRecipe``), else ``"imported"``.
    source
        What to call the recipe in error messages (a file name).

    Returns
    -------
    Recipe
        One step per DataBrew step, in order, with new step ids; ``inputs`` holds ``"main"``
        and every secondary dataset a JOIN or UNION names.

    Raises
    ------
    RecipeFormatError
        Invalid JSON/YAML, or a document that is not a list of steps.
    DataBrewStepsError
        Listing every step that cannot be imported (index, operation, reason) at once.
    """
    return _import(data, name=name, default_name="imported", source=source)


# --------------------------------------------------------------------------- export
def _condition_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list | dict | int | float) and not isinstance(value, bool):
        return json.dumps(value, ensure_ascii=False)
    return to_databrew_string(value)


def _export_condition(c: Condition) -> dict[str, str]:
    out = {"Condition": c.condition, "TargetColumn": c.target_column}
    value = c.value
    if c.condition in _LIST_CONDITIONS and value is not None and not isinstance(value, list | tuple):
        value = [value] if not (isinstance(value, str) and value.lstrip().startswith("[")) else value
    if value is not None:
        out["Value"] = _condition_value(value)
    return out


def export_databrew(recipe: Recipe, *, source: str = "recipe") -> list[dict[str, Any]]:
    """Convert a native recipe into DataBrew's recipe JSON (the list of steps).

    Disabled steps are left out (DataBrew has no disabled steps); so are step ids and notes.
    ``Parameters`` values are all strings, as DataBrew's API requires (lists and objects as
    JSON strings); ``ConditionExpressions`` values are strings too (``IS``/``IS_NOT`` lists as
    JSON list strings, ``IS_BETWEEN`` bounds as a JSON object string, numbers as JSON numbers).

    Parameters
    ----------
    recipe
        The recipe to export.
    source
        What to call the recipe in error messages.

    Returns
    -------
    list of dict
        ``[{"Action": {"Operation", "Parameters"}, "ConditionExpressions": [...]}, ...]``
        (``ConditionExpressions`` only on steps that have conditions).

    Raises
    ------
    DataBrewStepsError
        Listing every enabled step that cannot be exported (an unknown operation, an operation
        without a DataBrew equivalent, or parameters DataBrew cannot express) at once.
    """
    out: list[dict[str, Any]] = []
    issues: list[StepIssue] = []
    for i, step in enumerate(recipe.steps):
        if not step.enabled:
            continue
        op = step.operation
        if op is None or not isinstance(step.params, BaseModel):
            issues.append(StepIssue(i, step.op, "unknown operation"))
            continue
        if not op.databrew:
            issues.append(StepIssue(i, step.op, "no DataBrew equivalent"))
            continue
        try:
            name, params = op.to_databrew(step.params)
        except (NotImplementedError, ValueError) as e:
            issues.append(StepIssue(i, step.op, str(e) or "cannot be expressed in DataBrew"))
            continue
        entry: dict[str, Any] = {
            "Action": {
                "Operation": name,
                "Parameters": {k: v if isinstance(v, str) else to_databrew_string(v) for k, v in params.items()},
            }
        }
        if step.conditions:
            entry["ConditionExpressions"] = [_export_condition(c) for c in step.conditions]
        out.append(entry)
    if issues:
        raise DataBrewStepsError(issues, action="export", source=source)
    return out


def dumps_databrew(recipe: Recipe, *, source: str = "recipe") -> str:
    """DataBrew recipe JSON text (two-space indent) of ``recipe``; see :func:`export_databrew`."""
    return json.dumps(export_databrew(recipe, source=source), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- files
def _read_text(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RecipeFormatError(f"{p}: recipe file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise RecipeFormatError(f"{p}: cannot read recipe file: {e}") from None


def read_databrew(path: str | Path) -> Recipe:
    """Import a DataBrew recipe file (JSON or YAML), named by its own ``Name`` or the file's stem.

    Raises
    ------
    RecipeFormatError
        Missing or unreadable file, invalid JSON/YAML, or a file that is not a DataBrew recipe
        (a native Brewdesk recipe is refused with a message saying so).
    DataBrewStepsError
        Listing every step Brewdesk cannot import.
    """
    p = Path(path)
    data = parse_text(_read_text(p), source=str(p))
    if not is_databrew(data):
        if isinstance(data, Mapping) and data.get("format") == FORMAT:
            raise RecipeFormatError(f"{p}: this is already a Brewdesk recipe, not a DataBrew one")
        raise RecipeFormatError(f"{p}: not a DataBrew recipe (a list of steps with \"Action\" objects)")
    return _import(data, name=None, default_name=p.stem, source=str(p))


def read_recipe(path: str | Path) -> Recipe:
    """Read a recipe file, native Brewdesk JSON or DataBrew (JSON or YAML), told apart by content.

    A DataBrew recipe (see :func:`is_databrew`) is imported with :func:`import_databrew`, named
    by its own ``Name`` or else the file's stem; anything else is read as a native recipe.

    Raises
    ------
    RecipeFormatError
        Missing or unreadable file, or an invalid recipe of either kind.
    DataBrewStepsError
        A DataBrew recipe with steps Brewdesk cannot import (all listed).
    """
    p = Path(path)
    text = _read_text(p)
    is_yaml_name = p.suffix.lower() in {".yaml", ".yml"}
    try:
        data = parse_text(text, source=str(p))
    except RecipeFormatError:
        if is_yaml_name:
            raise
        return Recipe.loads(text, source=str(p))  # the native reader's own message
    if is_databrew(data):
        return _import(data, name=None, default_name=p.stem, source=str(p))
    if is_yaml_name:
        return Recipe.from_json(data, source=str(p))
    return Recipe.loads(text, source=str(p))  # strict JSON for native recipes
