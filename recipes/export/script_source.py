"""Copy real functions' source into exported scripts (docs/architecture.md, "Code export").

Exported scripts are standalone: the helpers they call are written into them. The helpers are
real functions of Brewdesk's modules (linted, tested, covered); :func:`copied_source` gives the
source of the functions asked for together with every Brewdesk function and module constant
they use, each once, what a definition uses before it.

A copied function may use the modules a script imports (``pd``, ``np``, ``re``, ``dask``,
``dd``), its arguments, and other top-level functions and constants of Brewdesk modules (which
are copied along). Annotations are ignored when following what a function uses.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
import types
from collections.abc import Callable, Iterable
from typing import Any


def copied_source(functions: Iterable[Callable[..., Any]]) -> str:
    """Source of ``functions`` and of everything of Brewdesk's they use, each once.

    Parameters
    ----------
    functions
        Top-level functions of Brewdesk modules.

    Returns
    -------
    str
        Definitions separated by two blank lines, each after the definitions it uses.
    """
    done: dict[tuple[str, str], str] = {}
    for fn in functions:
        _visit(fn.__module__, fn.__name__, done)
    return "\n\n\n".join(done.values())


def _visit(module: str, name: str, done: dict[tuple[str, str], str]) -> None:
    key = (module, name)
    if key in done:
        return
    done[key] = ""  # placeholder: a definition is visited once, even in a cycle
    node, text = _definitions(module)[name]
    namespace = vars(sys.modules[module])
    for used in sorted(_names_used(node)):
        target = _brewdesk_definition(namespace.get(used))
        if target is not None:
            _visit(*target, done)
        elif used in _definitions(module) and used != name:
            _visit(module, used, done)
    del done[key]
    done[key] = text


def _brewdesk_definition(value: Any) -> tuple[str, str] | None:
    """``(module, name)`` of a Brewdesk function ``value`` (``None`` for anything else)."""
    if isinstance(value, types.FunctionType) and value.__module__.startswith("brewdesk."):
        return value.__module__, value.__name__
    return None


@functools.cache
def _definitions(module: str) -> dict[str, tuple[ast.AST, str]]:
    """Top-level functions and assignments of ``module``: ``{name: (node, source)}``."""
    source = inspect.getsource(sys.modules[module])
    out: dict[str, tuple[ast.AST, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            out[node.name] = (node, ast.get_source_segment(source, node) or "")
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    out[t.id] = (node, ast.get_source_segment(source, node) or "")
    return out


def _names_used(node: ast.AST) -> set[str]:
    """Names a definition reads, annotations left out."""
    found: set[str] = set()

    def walk(n: ast.AST) -> None:
        for field, value in ast.iter_fields(n):
            if field in ("annotation", "returns"):
                continue
            children = value if isinstance(value, list) else [value]
            for c in children:
                if isinstance(c, ast.Name) and isinstance(c.ctx, ast.Load):
                    found.add(c.id)
                elif isinstance(c, ast.AST):
                    walk(c)

    walk(node)
    return found
