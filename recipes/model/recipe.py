"""Immutable :class:`Step` and :class:`Recipe`, and the native recipe file (docs/architecture.md section 5).

.. code-block:: json

    {"format": "brewdesk-recipe", "format_version": 1, "name": "clean flights",
     "inputs": {"main": {"columns": {"dep_time": "int64", "carrier": "string"}}},
     "steps": [{"id": "a1f3", "op": "remove_missing", "v": 1,
                "params": {"source_columns": ["dep_time"]}, "enabled": true, "note": ""}]}

Loading never executes code: parameters are plain JSON validated by each operation's pydantic
model. An unknown operation is kept as data (its step loads, shows as unavailable and refuses to
run). Errors name the step (1-based index and id) and the field.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from brewdesk.recipes.model import registry
from brewdesk.recipes.model.conditions import Condition
from brewdesk.recipes.model.errors import RecipeFormatError, UnknownOperationError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Operation, rename_in_params
from pydantic import BaseModel, ValidationError

FORMAT = "brewdesk-recipe"
FORMAT_VERSION = 1
MAIN = "main"
MAX_RECIPE_BYTES = 16 * 2**20


def new_step_id() -> str:
    """A short random step id (8 hex digits)."""
    return secrets.token_hex(4)


@dataclass(frozen=True)
class Step:
    """One recipe step: an operation with its parameters.

    Attributes
    ----------
    op
        Operation id (kept even when this Brewdesk does not know it).
    params
        Validated ``Params`` model of the operation, or the raw dict for an unknown operation.
    id
        Stable step id; edits, undo and caches key on it, never on list positions.
    v
        Parameter-format version the params are in (always the operation's current version
        once loaded, since loading runs the upgraders).
    enabled
        Disabled steps are kept in the file but skipped.
    note
        Free text from the user.
    conditions
        DataBrew condition expressions, ANDed, restricting the rows the step touches.
    """

    op: str
    params: Any
    id: str = field(default_factory=new_step_id)
    v: int = 1
    enabled: bool = True
    note: str = ""
    conditions: tuple[Condition, ...] = ()

    @property
    def operation(self) -> Operation | None:
        """The registered operation, or ``None`` when unknown."""
        return registry.find(self.op)

    @property
    def available(self) -> bool:
        """Whether this Brewdesk can run the step."""
        return self.operation is not None and isinstance(self.params, BaseModel)

    def describe(self) -> str:
        """The recipe-panel sentence (with its condition)."""
        op = self.operation
        if op is None or not isinstance(self.params, BaseModel):
            return f"{self.op} (unavailable: unknown operation)"
        text = op.describe(self.params)
        if self.conditions:
            text += " where " + " and ".join(c.describe() for c in self.conditions)
        return text

    def to_json(self) -> dict[str, Any]:
        """The native file form of the step."""
        params = (
            self.params.model_dump(mode="json", exclude_defaults=False)
            if isinstance(self.params, BaseModel)
            else dict(self.params)
        )
        out: dict[str, Any] = {"id": self.id, "op": self.op, "v": self.v, "params": params}
        out["enabled"] = self.enabled
        out["note"] = self.note
        if self.conditions:
            out["conditions"] = [c.to_json() for c in self.conditions]
        return out

    @classmethod
    def create(
        cls,
        op: str,
        params: Mapping[str, Any] | BaseModel | None = None,
        *,
        conditions: Iterable[Condition | Mapping[str, Any]] = (),
        enabled: bool = True,
        note: str = "",
        id: str | None = None,
    ) -> Step:
        """Build a step for a known operation, validating its parameters.

        Raises
        ------
        UnknownOperationError
            For an operation id that is not registered.
        RecipeFormatError
            When the parameters do not validate (message names the field).
        """
        operation = registry.get(op)
        model = params if isinstance(params, BaseModel) else _validate_params(operation, dict(params or {}), where=f"operation {op}")
        conds = tuple(c if isinstance(c, Condition) else _condition(c, where=f"operation {op}") for c in conditions)
        return cls(op=op, params=model, id=id or new_step_id(), v=operation.version, enabled=enabled, note=note, conditions=conds)


@dataclass(frozen=True)
class Recipe:
    """An immutable, ordered list of steps with a name and the inputs it expects.

    Attributes
    ----------
    steps
        The steps, in order.
    name
        Recipe name.
    inputs
        ``{input name: expected schema or None}``; ``"main"`` is the dataset the steps run on,
        other names are secondary inputs for join and union.
    description
        Free text.
    """

    steps: tuple[Step, ...] = ()
    name: str = "untitled"
    inputs: Mapping[str, Schema | None] = field(default_factory=lambda: {MAIN: None})
    description: str = ""

    # ------------------------------------------------------------------ editing (immutable)
    def index(self, step_id: str) -> int:
        """Position of the step with ``step_id``.

        Raises
        ------
        KeyError
            When no step has that id.
        """
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        raise KeyError(step_id)

    def step(self, step_id: str) -> Step:
        """The step with ``step_id``."""
        return self.steps[self.index(step_id)]

    def with_steps(self, steps: Iterable[Step]) -> Recipe:
        """A copy with other steps."""
        return replace(self, steps=tuple(steps))

    def inserted(self, step: Step, at: int | None = None) -> Recipe:
        """A copy with ``step`` inserted at position ``at`` (appended when ``None``)."""
        steps = list(self.steps)
        steps.insert(len(steps) if at is None else at, step)
        return self.with_steps(steps)

    def removed(self, step_id: str) -> Recipe:
        """A copy without the step."""
        return self.with_steps(s for s in self.steps if s.id != step_id)

    def replaced(self, step: Step) -> Recipe:
        """A copy with the step of the same id replaced."""
        return self.with_steps(step if s.id == step.id else s for s in self.steps)

    def moved(self, step_id: str, to: int) -> Recipe:
        """A copy with the step moved to position ``to``."""
        steps = list(self.steps)
        s = steps.pop(self.index(step_id))
        steps.insert(to, s)
        return self.with_steps(steps)

    def prefix(self, n: int) -> Recipe:
        """The first ``n`` steps."""
        return self.with_steps(self.steps[:n])

    def rename_columns(self, mapping: Mapping[str, str]) -> Recipe:
        """Rename column references in every step (binding a recipe to differently named headers).

        The names in ``mapping`` are input column names; steps that refer to them are updated,
        and so is the expected main input schema.
        """
        steps = []
        for s in self.steps:
            if isinstance(s.params, BaseModel):
                conds = tuple(
                    c.model_copy(update={"target_column": mapping.get(c.target_column, c.target_column)})
                    for c in s.conditions
                )
                s = replace(s, params=rename_in_params(s.params, mapping), conditions=conds)
            steps.append(s)
        inputs = dict(self.inputs)
        if inputs.get(MAIN) is not None:
            inputs[MAIN] = inputs[MAIN].renamed(mapping)  # type: ignore[union-attr]
        return replace(self, steps=tuple(steps), inputs=inputs)

    @property
    def enabled_steps(self) -> list[Step]:
        """Steps that run."""
        return [s for s in self.steps if s.enabled]

    @property
    def secondary_inputs(self) -> list[str]:
        """Names of inputs other than ``main``."""
        return [n for n in self.inputs if n != MAIN]

    # ------------------------------------------------------------------ file format
    def to_json(self) -> dict[str, Any]:
        """The native file form."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "name": self.name,
            "description": self.description,
            "inputs": {
                n: ({"columns": s.to_dict()} if s is not None else {}) for n, s in self.inputs.items()
            },
            "steps": [s.to_json() for s in self.steps],
        }

    def dumps(self) -> str:
        """Serialize to JSON text (stable key order, two-space indent)."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"

    def save(self, path: str | Path) -> None:
        """Write the recipe file atomically (temporary file beside it, then ``os.replace``)."""
        path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(self.dumps())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def loads(cls, text: str, *, source: str = "recipe") -> Recipe:
        """Parse native recipe JSON text.

        Raises
        ------
        RecipeFormatError
            Invalid JSON (with line and column), wrong format marker, newer format version,
            malformed steps or parameters (naming the step and the field).
        """
        if len(text) > MAX_RECIPE_BYTES:
            raise RecipeFormatError(f"{source}: recipe is larger than {MAX_RECIPE_BYTES // 2**20} MB")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise RecipeFormatError(
                f"{source}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}"
            ) from None
        except RecursionError:
            raise RecipeFormatError(f"{source}: JSON is nested too deeply") from None
        return cls.from_json(data, source=source)

    @classmethod
    def load(cls, path: str | Path) -> Recipe:
        """Read a native recipe file.

        Raises
        ------
        RecipeFormatError
            When the file is missing, unreadable, or not a valid recipe.
        """
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise RecipeFormatError(f"{p}: recipe file not found") from None
        except (OSError, UnicodeDecodeError) as e:
            raise RecipeFormatError(f"{p}: cannot read recipe file: {e}") from None
        return cls.loads(text, source=str(p))

    @classmethod
    def from_json(cls, data: Any, *, source: str = "recipe") -> Recipe:
        """Build a recipe from parsed native JSON (see :meth:`loads`)."""
        if not isinstance(data, dict):
            raise RecipeFormatError(f"{source}: a recipe is a JSON object, got {type(data).__name__}")
        if data.get("format") != FORMAT:
            hint = None
            if isinstance(data, list) or "Steps" in data or "RecipeSteps" in data:
                hint = "this looks like an AWS DataBrew recipe; use 'brewdesk import-databrew'"
            raise RecipeFormatError(f"{source}: not a Brewdesk recipe (\"format\" must be \"{FORMAT}\")", hint=hint)
        fv = data.get("format_version")
        if not isinstance(fv, int) or fv < 1:
            raise RecipeFormatError(f"{source}: \"format_version\" must be a positive integer")
        if fv > FORMAT_VERSION:
            raise RecipeFormatError(
                f"{source}: recipe format version {fv} is newer than this Brewdesk reads ({FORMAT_VERSION})",
                hint="upgrade Brewdesk",
            )
        unknown = set(data) - {"format", "format_version", "name", "description", "inputs", "steps"}
        if unknown:
            raise RecipeFormatError(f"{source}: unknown recipe field(s): {', '.join(sorted(unknown))}")
        inputs = _inputs(data.get("inputs", {MAIN: {}}), source)
        raw_steps = data.get("steps", [])
        if not isinstance(raw_steps, list):
            raise RecipeFormatError(f"{source}: \"steps\" must be a list")
        steps = []
        seen: set[str] = set()
        for i, raw in enumerate(raw_steps):
            step = _step(raw, i, source)
            if step.id in seen:
                raise RecipeFormatError(f"{source}: step {i + 1}: duplicate step id {step.id!r}")
            seen.add(step.id)
            steps.append(step)
        name = data.get("name", "untitled")
        if not isinstance(name, str):
            raise RecipeFormatError(f"{source}: \"name\" must be a string")
        return cls(steps=tuple(steps), name=name, inputs=inputs, description=str(data.get("description", "")))

    def check_runnable(self) -> None:
        """Refuse a recipe that holds steps this Brewdesk cannot run.

        Raises
        ------
        UnknownOperationError
            Listing every unavailable step at once.
        """
        bad = [(i, s) for i, s in enumerate(self.steps) if s.enabled and not s.available]
        if bad:
            lines = ", ".join(f"step {i + 1} ({s.id}): '{s.op}'" for i, s in bad)
            raise UnknownOperationError(
                f"recipe uses operations this Brewdesk does not have: {lines}",
                hint="disable or remove those steps, or upgrade Brewdesk",
            )


def _inputs(raw: Any, source: str) -> dict[str, Schema | None]:
    if not isinstance(raw, dict):
        raise RecipeFormatError(f"{source}: \"inputs\" must be an object")
    out: dict[str, Schema | None] = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict):
            raise RecipeFormatError(f"{source}: input {name!r} must be an object")
        cols = spec.get("columns")
        if cols is None:
            out[name] = None
            continue
        try:
            out[name] = Schema(cols)
        except (ValueError, TypeError, AttributeError) as e:
            raise RecipeFormatError(f"{source}: input {name!r}: {e}") from None
    out.setdefault(MAIN, None)
    return out


def _where(i: int, raw: Any) -> str:
    sid = raw.get("id") if isinstance(raw, dict) else None
    return f"step {i + 1}" + (f" ({sid})" if sid else "")


def _step(raw: Any, i: int, source: str) -> Step:
    where = f"{source}: {_where(i, raw)}"
    if not isinstance(raw, dict):
        raise RecipeFormatError(f"{where}: a step is an object")
    unknown = set(raw) - {"id", "op", "v", "params", "enabled", "note", "conditions"}
    if unknown:
        raise RecipeFormatError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
    op_id = raw.get("op")
    if not isinstance(op_id, str) or not op_id:
        raise RecipeFormatError(f"{where}: \"op\" must name an operation")
    sid = raw.get("id") or new_step_id()
    if not isinstance(sid, str):
        raise RecipeFormatError(f"{where}: \"id\" must be a string")
    v = raw.get("v", 1)
    if not isinstance(v, int) or isinstance(v, bool) or v < 1:
        raise RecipeFormatError(f"{where}: \"v\" must be a positive integer")
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise RecipeFormatError(f"{where}: \"params\" must be an object")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RecipeFormatError(f"{where}: \"enabled\" must be true or false")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise RecipeFormatError(f"{where}: \"note\" must be a string")
    raw_conds = raw.get("conditions", [])
    if not isinstance(raw_conds, list):
        raise RecipeFormatError(f"{where}: \"conditions\" must be a list")
    conds = tuple(_condition(c, where=where) for c in raw_conds)
    op = registry.find(op_id)
    if op is None:
        # kept as data: the step loads, shows as unavailable and refuses to run
        return Step(op=op_id, params=params, id=sid, v=v, enabled=enabled, note=note, conditions=conds)
    if v > op.version:
        raise RecipeFormatError(
            f"{where}: operation {op_id} version {v} is newer than this Brewdesk's ({op.version})",
            hint="upgrade Brewdesk",
        )
    params = upgrade_params(op, params, v, where=where)
    model = _validate_params(op, params, where=where)
    return Step(op=op_id, params=model, id=sid, v=op.version, enabled=enabled, note=note, conditions=conds)


def upgrade_params(op: Operation, params: dict[str, Any], v: int, *, where: str) -> dict[str, Any]:
    """Run the operation's upgraders from version ``v`` to its current version."""
    while v < op.version:
        up = op.upgraders.get(v)
        if up is None:
            raise RecipeFormatError(f"{where}: no upgrader for {op.id} from version {v}")
        params = up(dict(params))
        v += 1
    return params


def _validate_params(op: Operation, params: dict[str, Any], *, where: str) -> BaseModel:
    try:
        return op.Params.model_validate(params)
    except ValidationError as e:
        msgs = []
        for err in e.errors():
            loc = ".".join(str(x) for x in err["loc"]) or "params"
            msgs.append(f"{loc}: {err['msg']}")
        raise RecipeFormatError(f"{where}: invalid parameters for {op.id}: " + "; ".join(msgs)) from None
    except (UnknownOperationError, ValueError, TypeError) as e:
        raise RecipeFormatError(f"{where}: invalid parameters for {op.id}: {e}") from None


def _condition(raw: Any, *, where: str) -> Condition:
    try:
        return Condition.model_validate(raw)
    except ValidationError as e:
        msgs = "; ".join(f"{'.'.join(str(x) for x in err['loc']) or 'condition'}: {err['msg']}" for err in e.errors())
        raise RecipeFormatError(f"{where}: invalid condition: {msgs}") from None
