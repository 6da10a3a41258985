"""Autosave of the working recipe, and recovery after a crash.

The working recipe (and the source it was made on) is written on a timer to
``data_home()/autosave.json`` whenever it has unsaved changes; a clean exit deletes the file.
When the app starts and finds the file, it offers to recover the recipe.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brewdesk.engine.connections import without_password
from brewdesk.engine.home import data_home
from brewdesk.engine.readers import SourceSpec
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe

FILE_NAME = "autosave.json"


def autosave_path() -> Path:
    """Where the working recipe is autosaved."""
    return data_home() / FILE_NAME


@dataclass(frozen=True)
class Recovered:
    """What an autosave holds."""

    recipe: Recipe
    source: SourceSpec | None
    recipe_path: str | None
    saved_at: float


def _spec_json(spec: SourceSpec | None) -> dict[str, Any] | None:
    """The source as JSON, a database URL's password removed (it is never written to disk)."""
    if spec is None:
        return None
    data = {f.name: getattr(spec, f.name) for f in dataclasses.fields(spec)}
    data["location"] = without_password(str(data["location"]))
    return data


def write(recipe: Recipe, source: SourceSpec | None, recipe_path: str | None = None, *, path: Path | None = None) -> Path:
    """Write the autosave file atomically; returns its path."""
    path = path or autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "saved_at": time.time(),
        "recipe_path": recipe_path,
        "source": _spec_json(source),
        "recipe": recipe.to_json(),
    }
    fd, tmp = tempfile.mkstemp(prefix=".autosave.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, default=str)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read(path: Path | None = None) -> Recovered | None:
    """The autosaved recipe, or ``None`` when there is none (or it is unreadable or empty)."""
    path = path or autosave_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        recipe = Recipe.from_json(data["recipe"], source=str(path))
    except (OSError, ValueError, KeyError, TypeError, BrewdeskError):
        return None
    if not recipe.steps:
        return None
    source = None
    raw = data.get("source")
    if isinstance(raw, dict):
        try:
            raw = {k: (tuple(tuple(x) if isinstance(x, list) else x for x in v) if isinstance(v, list) else v) for k, v in raw.items()}
            source = SourceSpec(**raw)
        except (TypeError, BrewdeskError):
            source = None
    return Recovered(recipe, source, data.get("recipe_path"), float(data.get("saved_at", 0)))


def clear(path: Path | None = None) -> None:
    """Delete the autosave file (clean exit, or after saving)."""
    (path or autosave_path()).unlink(missing_ok=True)
