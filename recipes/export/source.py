"""The kernels an exported piece of code calls, as source text (for the code exporters).

``to_code()`` returns statements that call kernels (:mod:`brewdesk.recipes.kernels`) by name; it
does not define them. That call is the declaration: :func:`kernel_code` finds the kernels a
piece of code calls (names it reads but does not define), adds the kernels those call, and
returns their own source (:func:`inspect.getsource`), each once, every kernel after the kernels
it calls, with the ``import`` lines of the standard modules they use beyond the script's header.
The exported script stays standalone and readable (see docs/architecture.md, code export).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
import types
from collections.abc import Callable, Iterable
from functools import cache

from brewdesk.recipes import kernels as kernels_package

HEADER_MODULES: dict[str, str] = {"re": "re", "np": "numpy", "pd": "pandas"}
"""Names the exported pandas scripts' header binds (``import re``, ``numpy as np``, ``pandas as pd``)."""


def import_line(name: str, module: str) -> str:
    """The statement binding ``name`` to ``module`` (``import re``, ``import numpy as np``)."""
    return f"import {module}" if name == module else f"import {module} as {name}"


def header(extra: Iterable[str] = ()) -> str:
    """The exported pandas script's imports: those of :data:`HEADER_MODULES` and the ``extra``
    import lines (:func:`imports`), the standard library's first, a blank line, then the others."""
    lines = [import_line(name, module) for name, module in HEADER_MODULES.items()]
    groups: tuple[list[str], list[str]] = ([], [])
    for line in dict.fromkeys([*lines, *extra]):
        groups[line.split()[1].split(".")[0] not in sys.stdlib_module_names].append(line)
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


def _names(code: types.CodeType) -> list[str]:
    """Global names ``code`` (and the functions and comprehensions inside it) reads, in order."""
    out = list(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            out += _names(const)
    return out


def dependencies(function: Callable[..., object]) -> list[Callable[..., object]]:
    """The kernels ``function`` calls directly (globals that are kernels), in order of first use."""
    known = kernels()
    out: list[Callable[..., object]] = []
    for name in dict.fromkeys(_names(function.__code__)):  # type: ignore[attr-defined]
        value = function.__globals__.get(name)  # type: ignore[attr-defined]
        if value is not None and known.get(name) is value and value is not function:
            out.append(value)
    return out


def ordered(functions: Iterable[Callable[..., object]]) -> list[Callable[..., object]]:
    """``functions`` and the kernels they call, transitively, each once, every function after
    the kernels it calls (a depth-first order from the given functions, in their order)."""
    out: dict[Callable[..., object], None] = {}

    def visit(f: Callable[..., object], path: tuple[Callable[..., object], ...]) -> None:
        if f in out or f in path:
            return
        for dep in dependencies(f):
            visit(dep, (*path, f))
        out[f] = None

    for f in functions:
        visit(f, ())
    return list(out)


def imports(functions: Iterable[Callable[..., object]]) -> list[str]:
    """``import`` lines of the modules the functions read as globals, beyond the script header."""
    lines: dict[str, None] = {}
    for f in functions:
        for name in _names(f.__code__):  # type: ignore[attr-defined]
            value = f.__globals__.get(name)  # type: ignore[attr-defined]
            if isinstance(value, types.ModuleType) and name not in HEADER_MODULES:
                lines[import_line(name, value.__name__)] = None
    return sorted(lines)


def called(code: str) -> list[str]:
    """Names of the kernels ``code`` calls and does not define itself, in order of first use."""
    tree = ast.parse(code)
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    known = kernels()
    used = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in known]
    return [n for n in dict.fromkeys(used) if n not in defined]


def needed(*codes: str) -> list[Callable[..., object]]:
    """Every kernel the given pieces of code call, transitively, each once, in :func:`ordered`
    order."""
    known = kernels()
    return ordered(known[n] for code in codes for n in called(code))


def definitions(functions: Iterable[Callable[..., object]]) -> str:
    """The functions' own source, separated by two blank lines."""
    return "\n\n".join(inspect.getsource(f) for f in functions)


def kernel_code(*codes: str) -> str:
    """Definitions of every kernel the given pieces of code call (transitively), each once,
    preceded by the ``import`` lines they need; empty when they call none. Ends with a blank
    line, so the code can follow it."""
    functions = needed(*codes)
    if not functions:
        return ""
    head = "\n".join(imports(functions))
    return (f"{head}\n\n\n" if head else "") + definitions(functions) + "\n\n"


def with_kernels(code: str) -> str:
    """``code`` preceded by the definitions of the kernels it calls: standalone statements over
    ``df`` that need only the script header's ``re``, ``np`` and ``pd``."""
    return kernel_code(code) + code
