"""Code export: a recipe as a standalone pandas or Dask script (docs/architecture.md, "Code export").

The pandas exporter is :mod:`brewdesk.recipes.export.codegen` (pure model code: it needs no Dask); the
Dask exporter is :mod:`brewdesk.engine.export_dask` (it mirrors the engine's stages and
primitives). The CLI's ``export-code`` and the app's "Export as Python script" call :func:`script`.
"""

from __future__ import annotations

from collections.abc import Mapping

from brewdesk.engine import export_dask
from brewdesk.recipes.export import codegen
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe
from brewdesk.recipes.model.types import Schema

ENGINES = ("pandas", "dask")
"""What an exported script runs on: plain pandas (in memory) or Dask (partitions, out of core)."""


def script(
    recipe: Recipe,
    *,
    source: str,
    destination: str,
    inputs: Mapping[str, str] | None = None,
    engine: str = "pandas",
    schema: Schema | None = None,
) -> str:
    """A standalone script for ``recipe`` reading ``source`` and writing ``destination``.

    Parameters
    ----------
    recipe
        The recipe (disabled steps are left out).
    source, destination
        Paths the script reads and writes (the format follows the extension).
    inputs
        Paths of the secondary inputs, by name.
    engine
        ``"pandas"`` (the default; needs only pandas and numpy) or ``"dask"``.
    schema
        The main input's columns (the Dask export plans statistics steps from them).

    Raises
    ------
    BrewdeskError
        Naming every enabled step whose operation cannot be exported (for Dask: cannot be
        written as correct Dask code), or for an unknown ``engine``.
    """
    if engine == "dask":
        return export_dask.script(recipe, source=source, destination=destination, inputs=inputs, schema=schema)
    if engine != "pandas":
        raise BrewdeskError(f"unknown engine {engine!r} for code export", hint="use " + " or ".join(ENGINES))
    return codegen.script(recipe, source=source, destination=destination, inputs=inputs)
