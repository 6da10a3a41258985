"""The project's error types.

Every error a user can cause (bad file, bad recipe, missing column, unwritable destination)
is a :class:`BrewdeskError`. The CLI prints ``str(error)`` as one message and exits non-zero;
the app shows it in a dialog. A raw pandas, pyarrow or Dask traceback reaching a user is a bug.
The input and output errors of the readers and writers live beside the engine, in
:mod:`brewdesk.engine.errors`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


class BrewdeskError(Exception):
    """Base of every error Brewdesk raises on purpose.

    Parameters
    ----------
    message
        One sentence saying what is wrong, naming the file, line, column or step.
    hint
        Optional suggestion for a fix, printed after the message.
    """

    exit_code: int = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # keep the hint when the error crosses a process boundary (distributed workers)
        return (_rebuild, (type(self), self.message, self.hint))


def _rebuild(cls: type[BrewdeskError], message: str, hint: str | None) -> BrewdeskError:
    err = cls.__new__(cls)
    BrewdeskError.__init__(err, message, hint=hint)
    return err


class RecipeFormatError(BrewdeskError):
    """A recipe file cannot be read: invalid JSON, wrong shape, bad parameters."""

    exit_code = 2


class UnknownOperationError(BrewdeskError):
    """A recipe names operations this version of Brewdesk does not have."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One problem found by validating a recipe against a schema.

    Attributes
    ----------
    step_index
        0-based position of the step in the recipe (``None`` for recipe-level problems).
    step_id
        The step's stable id.
    message
        What is wrong, e.g. ``"column 'dep_tme' does not exist (did you mean 'dep_time'?)"``.
    field
        The parameter the problem is in, when there is one.
    """

    step_index: int | None
    step_id: str | None
    message: str
    field: str | None = None

    def __str__(self) -> str:
        where = "recipe"
        if self.step_index is not None:
            where = f"step {self.step_index + 1} ({self.step_id})"
        field = f", {self.field}" if self.field else ""
        return f"{where}{field}: {self.message}"


class RecipeValidationError(BrewdeskError):
    """A recipe does not fit its inputs: missing columns, wrong dtypes, unknown operations.

    Attributes
    ----------
    problems
        Every problem found, in step order; the message lists them all.
    """

    exit_code = 3

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        n = len(self.problems)
        super().__init__(f"recipe is not valid for this input ({n} problem{'s' * (n != 1)}):\n{lines}")

    def __reduce__(self) -> tuple[object, ...]:
        return (RecipeValidationError, (self.problems,))


class StepError(BrewdeskError):
    """A step failed on data (an impossible cast, a regex that does not compile, ...)."""

    exit_code = 4


class ColumnNotFound(BrewdeskError):
    """A column named by the user does not exist."""

    exit_code = 3


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest candidate, or ``""``.

    Parameters
    ----------
    name
        The name that was not found.
    candidates
        Names that do exist.
    """
    cands = [str(c) for c in candidates]
    close = difflib.get_close_matches(name, cands, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in cands}
        if name.lower() in lowered:
            close = [lowered[name.lower()]]
    return f" (did you mean '{close[0]}'?)" if close else ""
