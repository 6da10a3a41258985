"""Recipe validation without data (OpenRefine-style): fold each step's schema effect.

A recipe is checked against the schema of its input before any data is touched: every missing
column, wrong dtype, use of a column after a step removed it, unknown operation and bad condition
is reported at once, each naming the step, with a close-match suggestion.
"""

from __future__ import annotations

from collections.abc import Mapping

from brewdesk.recipes.model.conditions import check as check_conditions
from brewdesk.recipes.model.errors import Problem, RecipeValidationError, did_you_mean
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import StepProblem, referenced_columns
from pydantic import BaseModel


def step_schema(step: Step, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
    """Schema after one available step.

    Raises
    ------
    StepProblem
        When the step does not fit ``schema``.
    """
    op = step.operation
    assert op is not None and isinstance(step.params, BaseModel)
    problems = check_conditions(step.conditions, schema)
    if problems:
        raise StepProblem(problems[0], field="conditions")
    if step.conditions and op.changes_rows and not op.handles_condition:
        raise StepProblem(f"{op.id} cannot take a condition", field="conditions")
    out = op.columns(step.params, schema, inputs)
    if step.conditions and not op.handles_condition:
        dropped = [c for c in schema if c not in out]
        if dropped:
            raise StepProblem(
                f"a condition cannot restrict a step that removes or renames '{dropped[0]}'",
                field="conditions",
            )
        changed = [c for c in schema if out[c] != schema[c]]
        if changed:
            raise StepProblem(
                f"a condition cannot restrict a step that changes the type of '{changed[0]}'",
                field="conditions",
            )
    return out


def schemas(
    recipe: Recipe, schema: Schema, inputs: Mapping[str, Schema] | None = None
) -> tuple[list[Schema], list[Problem]]:
    """Schema after every step (index i = after step i) and every problem found.

    Disabled steps pass the schema through. A broken step passes its input schema on, so the
    steps after it are still checked.

    Parameters
    ----------
    recipe
        The recipe.
    schema
        Schema of the main input.
    inputs
        Schemas of the secondary inputs, by name.
    """
    inputs = dict(inputs or {})
    out: list[Schema] = []
    problems: list[Problem] = []
    removed_by: dict[str, int] = {}
    for i, step in enumerate(recipe.steps):
        if not step.enabled:
            out.append(schema)
            continue
        if not step.available:
            problems.append(Problem(i, step.id, f"unknown operation '{step.op}'"))
            out.append(schema)
            continue
        gone = [c for c in referenced_columns(step.params) if c not in schema and c in removed_by]
        if gone:
            c = gone[0]
            problems.append(
                Problem(
                    i,
                    step.id,
                    f"column '{c}' was removed or renamed by step {removed_by[c] + 1}"
                    f"{did_you_mean(c, schema)}",
                )
            )
            out.append(schema)
            continue
        try:
            new = step_schema(step, schema, inputs)
        except StepProblem as e:
            problems.append(Problem(i, step.id, e.message, e.field))
            out.append(schema)
            continue
        for c in schema:
            if c not in new:
                removed_by[c] = i
        for c in new:
            removed_by.pop(c, None)
        schema = new
        out.append(schema)
    return out, problems


def validate(recipe: Recipe, schema: Schema, inputs: Mapping[str, Schema] | None = None) -> Schema:
    """Check the whole recipe and return the output schema.

    Raises
    ------
    RecipeValidationError
        Listing every problem, when there is at least one; also when a secondary input the
        recipe needs is not given.
    """
    inputs = dict(inputs or {})
    problems = [
        Problem(None, None, f"input '{name}' is needed by the recipe but was not given (use --input {name}=SOURCE)")
        for name in recipe.secondary_inputs
        if name not in inputs
    ]
    expected = recipe.inputs.get("main")
    if expected is not None:
        for c, t in expected.items():
            if c not in schema:
                problems.append(Problem(None, None, f"input column '{c}' is missing{did_you_mean(c, schema)}"))
            elif schema[c] != t:
                problems.append(Problem(None, None, f"input column '{c}' is {schema[c]}, the recipe expects {t}"))
    after, step_problems = schemas(recipe, schema, inputs)
    problems.extend(step_problems)
    if problems:
        raise RecipeValidationError(problems)
    return after[-1] if after else schema
