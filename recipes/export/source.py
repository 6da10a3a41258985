"""Real functions' source copied into exported scripts (docs/architecture.md, code export).

Exported scripts are standalone: every helper they call is written into them, once, from its own
source (:func:`inspect.getsource`). The helpers are real functions of Brewdesk's modules (linted,
tested, covered):

- the kernels (:mod:`brewdesk.recipes.kernels`): ``to_code()`` returns statements calling them by
  name without defining them. That call is the declaration: :func:`called` finds the kernels a
  piece of code calls (names it reads but does not define);
- whatever else an exporter hands in: the Dask runtime functions
  (:mod:`brewdesk.engine.script_runtime`, handed in by :mod:`brewdesk.engine.export_dask`, as
  this package never imports Dask), a NEIGHBOUR step's ``Window.valid`` function.

One dependency walker (:func:`ordered`) serves them all: it follows every Brewdesk function and
module constant a definition reads, and gives each once, every definition after those it uses.
:func:`imports` gives the ``import`` lines of the modules they read beyond the script's header
(:func:`header`). Annotations are not followed: the kernels' are evaluated only in scripts
whose header binds what they name (``pd``, ``np``), the Dask runtime's never (its script starts
with ``from __future__ import annotations``).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
import types
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import NamedTuple

from brewdesk.recipes import kernels as kernels_package

HEADER_MODULES: dict[str, str] = {"re": "re", "np": "numpy", "pd": "pandas"}
"""Names the exported pandas scripts' header binds (``import re``, ``numpy as np``, ``pandas as pd``)."""


class Definition(NamedTuple):
    """A top-level function or constant of a Brewdesk module, as copied into a script."""

    module: str
    """The module defining it."""
    name: str
    """The name it binds."""
    source: str
    """Its own source text (a ``def`` block or an assignment)."""
    modules: tuple[tuple[str, str], ...]
    """``(name, module)`` of each module it reads as a global (``("base64", "base64")``)."""


def import_line(name: str, module: str) -> str:
    """The statement binding ``name`` to ``module`` (``import re``, ``import numpy as np``)."""
    return f"import {module}" if name == module else f"import {module} as {name}"


def header(
    extra: Iterable[str] = (),
    *,
    modules: Mapping[str, str] = HEADER_MODULES,
    future: Iterable[str] = (),
) -> str:
    """A script's imports: the ``from __future__`` imports of ``future`` (their own group), those
    binding ``modules`` (name -> module) and the ``extra`` import lines (:func:`imports`); the
    standard library's first, a blank line, then the others."""
    lines = [import_line(name, module) for name, module in modules.items()]
    groups: tuple[list[str], list[str], list[str]] = ([f"from __future__ import {f}" for f in future], [], [])
    for line in dict.fromkeys([*lines, *extra]):
        groups[1 + (line.split()[1].split(".")[0] not in sys.stdlib_module_names)].append(line)
    return "\n\n".join("\n".join(sorted(g)) for g in groups if g) + "\n"


@cache
def kernels() -> dict[str, Callable[..., object]]:
    """Every kernel by name: the functions defined in the modules of :mod:`brewdesk.recipes.kernels`.

    Raises
    ------
    ValueError
        When two kernel modules define the same name.
    """
    found: dict[str, Callable[..., object]] = {}
    for info in sorted(pkgutil.iter_modules(kernels_package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{kernels_package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                if name in found:
                    raise ValueError(f"kernel {name} is defined twice")
                found[name] = value
    return found


def called(code: str) -> list[str]:
    """Names of the kernels ``code`` calls and does not define itself, in order of first use."""
    tree = ast.parse(code)
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    known = kernels()
    used = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in known]
    return [n for n in dict.fromkeys(used) if n not in defined]


def calls(*codes: str) -> list[Callable[..., object]]:
    """The kernels the given pieces of code call directly, each once, in order of first use."""
    known = kernels()
    return list(dict.fromkeys(known[n] for code in codes for n in called(code)))


def ordered(functions: Iterable[Callable[..., object]]) -> list[Definition]:
    """``functions`` and every Brewdesk function and module constant they read, transitively,
    each once, every definition after those it reads (depth first from the given functions, in
    their order; a cycle is cut where it closes).

    Parameters
    ----------
    functions
        Top-level functions of Brewdesk modules.
    """
    done: dict[tuple[str, str], Definition | None] = {}

    def visit(module: str, name: str) -> None:
        key = (module, name)
        if key in done:
            return
        done[key] = None  # visited once, even in a cycle
        source, names = _read(module, name)
        namespace = vars(sys.modules[module])
        read: list[tuple[str, str]] = []
        for used in names:
            value = namespace.get(used)
            if isinstance(value, types.FunctionType) and value.__module__.startswith("brewdesk."):
                visit(value.__module__, value.__name__)
            elif isinstance(value, types.ModuleType):
                read.append((used, value.__name__))
            elif used in _constants(module):
                visit(module, used)
        del done[key]
        done[key] = Definition(module, name, source, tuple(read))

    for f in functions:
        visit(f.__module__, f.__name__)
    return [d for d in done.values() if d is not None]


def needed(*codes: str) -> list[Definition]:
    """Every kernel the given pieces of code call, with what they read, in :func:`ordered` order."""
    return ordered(calls(*codes))


def imports(definitions: Iterable[Definition], *, modules: Mapping[str, str] = HEADER_MODULES) -> list[str]:
    """``import`` lines of the modules the definitions read, beyond those of the header (``modules``)."""
    lines = {import_line(name, module): None for d in definitions for name, module in d.modules if name not in modules}
    return sorted(lines)


def definitions(found: Iterable[Definition]) -> str:
    """The definitions' source, separated by two blank lines, ending with a line break (empty
    when there are none)."""
    text = "\n\n\n".join(d.source.rstrip("\n") for d in found)
    return text + "\n" if text else ""


def kernel_code(*codes: str) -> str:
    """Definitions of every kernel the given pieces of code call (transitively), each once,
    preceded by the ``import`` lines they need; empty when they call none. Ends with a blank
    line, so the code can follow it."""
    found = needed(*codes)
    if not found:
        return ""
    head = "\n".join(imports(found))
    return (f"{head}\n\n\n" if head else "") + definitions(found) + "\n\n"


def with_kernels(code: str) -> str:
    """``code`` preceded by the definitions of the kernels it calls: standalone statements over
    ``df`` that need only the script header's ``re``, ``np`` and ``pd``."""
    return kernel_code(code) + code


def _read(module: str, name: str) -> tuple[str, list[str]]:
    """Source of the definition ``name`` of ``module`` and the global names it reads, in order."""
    value = vars(sys.modules[module]).get(name)
    if isinstance(value, types.FunctionType) and value.__module__ == module and value.__name__ == name:
        return inspect.getsource(value), list(dict.fromkeys(_names(value.__code__)))
    return _constants(module)[name]


def _names(code: types.CodeType) -> list[str]:
    """Global names ``code`` (and the functions and comprehensions inside it) reads, in order."""
    out = list(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            out += _names(const)
    return out


@cache
def _constants(module: str) -> dict[str, tuple[str, list[str]]]:
    """Module constants of ``module`` (top-level assignments): ``{name: (source, names read)}``,
    annotations left out."""
    source = inspect.getsource(sys.modules[module])
    out: dict[str, tuple[str, list[str]]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            read = [n.id for n in ast.walk(node.value) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
            for t in targets:
                if isinstance(t, ast.Name):
                    out[t.id] = (ast.get_source_segment(source, node) or "", list(dict.fromkeys(read)))
    return out
