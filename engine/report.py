"""The run report: what a run read, did and wrote (JSON, written with ``--report``).

Credentials never appear: source and destination URLs are rendered with their password hidden.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from brewdesk.engine.plan import Plan
from brewdesk.recipes.model.recipe import Recipe, Step


def safe_location(location: str) -> str:
    """``location`` with any password in a URL replaced by ``***``."""
    if "://" not in location or "@" not in location:
        return location
    try:
        # heavy dependency: SQLAlchemy is imported only to mask a database URL
        from sqlalchemy.engine import make_url

        return make_url(location).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a SQLAlchemy URL: mask crudely
        scheme, rest = location.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"


@dataclass
class StepReport:
    """One step's line in the report."""

    index: int
    id: str
    op: str
    description: str
    enabled: bool
    rows_in: int | None = None
    rows_out: int | None = None

    @classmethod
    def of(cls, index: int, step: Step, counts: tuple[int, int] | None) -> StepReport:
        rows_in, rows_out = counts if counts else (None, None)
        return cls(index + 1, step.id, step.op, step.describe(), step.enabled, rows_in, rows_out)


@dataclass
class RunReport:
    """Everything about one run.

    Attributes
    ----------
    steps
        Rows in and out per step (``None`` where the step ran on a distributed worker or is a
        GLOBAL step whose counts are not tracked per step).
    stage_seconds
        Wall time of each probe or primitive pass.
    outputs
        One :class:`~brewdesk.engine.writers.OutputReport` per destination.
    """

    recipe: str
    started: str
    inputs: dict[str, str]
    passes: int
    status: str = "running"
    scheduler: str = ""
    seconds: float = 0.0
    rows_in: int | None = None
    rows_out: int | None = None
    steps: list[StepReport] = field(default_factory=list)
    stage_seconds: list[dict[str, Any]] = field(default_factory=list)
    outputs: list[Any] = field(default_factory=list)
    error: str | None = None

    @classmethod
    def start(cls, recipe: Recipe, plan: Plan, main: Any, inputs: Mapping[str, Any], started: float) -> RunReport:
        ins = {"main": safe_location(main.location)} | {n: safe_location(s.location) for n, s in inputs.items()}
        when = datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds")
        return cls(recipe=recipe.name, started=when, inputs=ins, passes=plan.passes)

    def to_json(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["outputs"] = [
            {**(dataclasses.asdict(o) if dataclasses.is_dataclass(o) else dict(o)), "location": safe_location(o.location)}
            for o in self.outputs
        ]
        return d

    def save(self, path: str | Path) -> None:
        """Write the report as JSON, atomically."""
        path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.to_json(), f, indent=2, default=str)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
