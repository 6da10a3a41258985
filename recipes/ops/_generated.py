"""The generated ``HELPER_SOURCES`` blocks of the helper modules (not an operation).

A helper module whose functions are pasted into exported code (``_bd_*`` in ``_common``, ``_bc_*``
in ``_catalogue_common``, ``_bf_*`` in ``_functions_common``, ``_br_*`` in ``_rowagg_common``)
keeps their source text in a generated ``HELPER_SOURCES`` dict, so exporting a step reads no
source file at run time. Running the module (``python -m brewdesk.recipes.ops.<module>``)
rewrites the block from the functions with :func:`rewrite_sources`; its test compares the dict
with :func:`function_sources`.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MARKER = "# --- generated" + ": HELPER_SOURCES"
"""The line that opens a generated block (split so this file has none)."""


def function_sources(namespace: Mapping[str, Any], prefix: str, module: str) -> dict[str, str]:
    """Source text of the functions named ``prefix...`` defined in ``module`` (a module name),
    taken from ``namespace`` (a module's ``vars()`` or ``globals()``), in definition order."""
    return {
        name: inspect.getsource(value)
        for name, value in namespace.items()
        if name.startswith(prefix) and inspect.isfunction(value) and value.__module__ == module
    }


def rewrite_sources(path: str | Path, sources: Mapping[str, str], *, command: str) -> None:
    """Replace the generated block of the file at ``path`` (from its marker line to the closing
    brace of ``HELPER_SOURCES``) with ``sources``, keeping everything before and after it.

    Raises
    ------
    ValueError
        When the file has no generated block.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    head, found, rest = text.partition(MARKER)
    if not found or "\n}\n" not in rest:
        raise ValueError(f"{path} has no generated HELPER_SOURCES block")
    tail = rest[rest.index("\n}\n") + 3 :]
    body = "".join(f"    {name!r}: {source!r},\n" for name, source in sources.items())
    block = f"{MARKER} ({command})\nHELPER_SOURCES: dict[str, str] = {{\n{body}}}\n"
    path.write_text(head + block + tail, encoding="utf-8")
