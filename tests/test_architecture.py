"""The one direction of imports, proven in fresh interpreters, and an import graph without
cycles or hidden function-level imports (``docs/architecture.md``)."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

PROBE = Path(__file__).with_name("import_probe.py")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """``tests/import_probe.py`` with ``args``, in a fresh interpreter (``-P``: without tests/ on the path)."""
    return subprocess.run([sys.executable, "-P", str(PROBE), *args], capture_output=True, text=True, timeout=120)


def test_engine_imports_without_qt():
    r = _run("--block", "PySide6", "--block", "shiboken6", "--walk", "brewdesk.engine", "--operations", "1")
    assert r.returncode == 0, r.stderr


def test_recipes_import_without_dask_or_qt():
    blocked = ("dask", "distributed", "PySide6", "shiboken6", "sqlalchemy")
    r = _run(*(a for name in blocked for a in ("--block", name)), "--walk", "brewdesk.recipes", "--operations", "10")
    assert r.returncode == 0, r.stderr


def test_blocker_really_blocks():
    r = _run("--block", "dask", "--import", "dask")
    assert r.returncode != 0 and "blocked" in r.stderr


def test_probe_checks_what_is_loaded():
    assert _run("--import", "json", "--present", "json").returncode == 0
    r = _run("--import", "json", "--absent", "json")
    assert r.returncode == 1 and "loaded" in r.stderr


# --------------------------------------------------------------------------------------------
# the import graph, read from the source (ast): no cycles, no hidden function-level imports

ROOT = Path(__file__).resolve().parents[1]

ALLOWED_CYCLES: dict[frozenset[str], str] = {}
"""Import cycles still present on purpose, with who removes them. Empty it; never add to it."""

ALLOWED_FUNCTION_IMPORTS: dict[str, str] = {}
"""Files whose function-level imports are still being removed by another helper of issue 9
(removed by the coordinator after merging). Empty it; never add to it."""

LAZY_BREWDESK_IMPORTS: dict[tuple[str, str], str] = {
    ("brewdesk.cli", "brewdesk.app.launch"): "PySide6: only `brewdesk gui` needs the desktop app",
    ("brewdesk.cli", "brewdesk.cli_engine"): "Dask: only the commands that read or compute data need it",
    ("brewdesk.engine.readers", "brewdesk.engine.readers.sql"): "SQLAlchemy: only database sources",
}
"""The only function-level imports of brewdesk modules: each defers an optional heavy dependency."""


@dataclass(frozen=True)
class _Import:
    module: str  # the importing module
    path: str  # its file, relative to the repository
    line: int
    targets: tuple[str, ...]  # absolute module names it may load (the name and, for from-imports, name.attr)
    in_function: bool
    guarded: bool  # inside ``try: ... except ImportError``
    commented: bool


def _modules() -> dict[str, Path]:
    """Every module of the distribution, by name, from pyproject's package-dir."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: dict[str, Path] = {}
    for package, folder in config["tool"]["setuptools"]["package-dir"].items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found.setdefault(".".join([package, *parts]), path)
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _catches_import_error(node: ast.Try) -> bool:
    names = set()
    for handler in node.handlers:
        for t in handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]:
            if isinstance(t, ast.Name):
                names.add(t.id)
    return bool(names & {"ImportError", "ModuleNotFoundError"})


def _imports(name: str, path: Path) -> list[_Import]:
    """Every import statement of a module (``if TYPE_CHECKING:`` blocks left out)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[_Import] = []

    def commented(body: list[ast.stmt], i: int) -> bool:
        # a comment on the statement's lines, or just above the first import of its group
        first = i
        while first > 0 and isinstance(body[first - 1], ast.Import | ast.ImportFrom):
            first -= 1
        start = body[first].lineno
        group_end = body[i].end_lineno or body[i].lineno
        if any("#" in lines[n - 1] for n in range(start, group_end + 1)):
            return True
        return start >= 2 and lines[start - 2].strip().startswith("#")

    def visit(body: list[ast.stmt], in_function: bool, guarded: bool) -> None:
        for i, node in enumerate(body):
            if isinstance(node, ast.Import | ast.ImportFrom):
                if isinstance(node, ast.Import):
                    targets = tuple(a.name for a in node.names)
                else:
                    base = node.module or ""
                    if node.level:
                        anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                        base = ".".join([*anchor, *([node.module] if node.module else [])])
                    targets = (base, *(f"{base}.{a.name}" for a in node.names))
                found.append(_Import(name, str(path.relative_to(ROOT)), node.lineno, targets,
                                     in_function, guarded, commented(body, i)))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(node.body, True, False)
            elif isinstance(node, ast.ClassDef):
                visit(node.body, in_function, guarded)
            elif isinstance(node, ast.If) and _is_type_checking(node):
                visit(node.orelse, in_function, guarded)
            elif isinstance(node, ast.Try):
                visit(node.body, in_function, guarded or _catches_import_error(node))
                for handler in node.handlers:
                    visit(handler.body, in_function, guarded)
                visit(node.orelse, in_function, guarded)
                visit(node.finalbody, in_function, guarded)
            else:
                for field in ("body", "orelse", "finalbody"):
                    sub = getattr(node, field, None)
                    if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                        visit(sub, in_function, guarded)
                for case in getattr(node, "cases", []):
                    visit(case.body, in_function, guarded)

    visit(ast.parse(source).body, False, False)
    return found


def _edges(imp: _Import, modules: dict[str, Path]) -> set[str]:
    """The brewdesk modules an import loads: ``from pkg import sub`` is an edge to ``pkg.sub``."""
    if len(imp.targets) == 1:  # ``import a.b``
        return {imp.targets[0]} & modules.keys()
    base, *names = imp.targets
    subs = {n for n in names if n in modules}
    edges = subs | ({base} if len(subs) < len(names) and base in modules else set())
    return edges - {imp.module}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for imp in _imports(name, path):
            graph[name] |= _edges(imp, modules)
    return graph


def _cycles(graph: dict[str, set[str]]) -> dict[frozenset[str], list[str]]:
    """Strongly connected components of more than one module (Tarjan), each with one cycle path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            connect(v)
    cycles = {}
    for component in components:  # one concrete path through the component, for the message
        start = min(component)
        path, seen = [start], {start}
        while True:
            nxt = min(w for w in graph[path[-1]] if w in component)
            if nxt in seen:
                cycles[frozenset(component)] = path[path.index(nxt):] + [nxt]
                break
            path.append(nxt)
            seen.add(nxt)
    return cycles


def test_the_import_graph_is_read_from_every_package():
    graph = _graph()
    for name in ("brewdesk", "brewdesk.cli", "brewdesk.recipes.model.registry", "brewdesk.engine.run",
                 "brewdesk.engine.writers.core", "brewdesk.app.main_window"):
        assert name in graph, name
    assert "brewdesk.engine.plan" in graph["brewdesk.engine.run"]
    assert "brewdesk.engine.writers.sql" in graph["brewdesk.engine.writers.core"]  # from .sql import


def test_cycles_are_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == {frozenset("abc"): ["a", "b", "c", "a"]}
    assert _cycles({"a": {"b", "c"}, "b": {"a"}, "c": {"b"}}) == {frozenset("abc"): ["a", "b", "a"]}
    assert _cycles({"a": {"b"}, "b": set()}) == {}


def test_no_import_cycles():
    cycles = _cycles(_graph())
    found = [path for component, path in cycles.items() if component not in ALLOWED_CYCLES]
    assert not found, "import cycles (module-level and function-level imports):\n" + "\n".join(
        " -> ".join(path) for path in found
    )
    stale = [sorted(c) for c in ALLOWED_CYCLES if c not in cycles]
    assert not stale, f"these cycles are gone: remove them from ALLOWED_CYCLES: {stale}"


def _top(name: str) -> str:
    return name.split(".")[0]


def test_function_level_imports_only_defer_optional_heavy_dependencies():
    modules = _modules()
    wrong: list[str] = []
    offending_files: set[str] = set()
    for name, path in modules.items():
        for imp in _imports(name, path):
            if not imp.in_function:
                continue
            where = f"{imp.path}:{imp.line} imports {imp.targets[0]}"
            problem = None
            if _top(imp.targets[0]) == "brewdesk":
                lazy = {t for t in imp.targets if (name, t) in LAZY_BREWDESK_IMPORTS}
                if not lazy:
                    problem = "a brewdesk module inside a function (import it at module level; a cycle? split by purpose)"
            elif _top(imp.targets[0]) in sys.stdlib_module_names and not imp.guarded:
                problem = "the standard library inside a function (import it at module level)"
            if problem is None and not imp.commented:
                problem = "a function-level import without a comment saying why"
            if problem:
                offending_files.add(imp.path)
                if imp.path not in ALLOWED_FUNCTION_IMPORTS:
                    wrong.append(f"{where}: {problem}")
    assert not wrong, "\n".join(wrong)
    stale = sorted(set(ALLOWED_FUNCTION_IMPORTS) - offending_files)
    assert not stale, f"remove from ALLOWED_FUNCTION_IMPORTS (nothing left to fix): {stale}"


def test_the_lazy_brewdesk_imports_are_still_needed():
    """Every allowed lazy import exists, and its module really loads the heavy dependency."""
    modules = _modules()
    lazy = {(name, t) for name, path in modules.items() for imp in _imports(name, path)
            if imp.in_function for t in imp.targets}
    assert set(LAZY_BREWDESK_IMPORTS) <= lazy
    heavy = {"brewdesk.app.launch": "PySide6", "brewdesk.engine.readers.sql": "sqlalchemy",
             "brewdesk.cli_engine": "dask"}
    for (_, target), reason in LAZY_BREWDESK_IMPORTS.items():
        assert heavy[target].lower() in reason.lower()
        r = _run("--import", target, "--present", heavy[target])
        assert r.returncode == 0, r.stderr


LAYERS = {"brewdesk.recipes": 0, "brewdesk.engine": 1, "brewdesk.app": 2, "brewdesk.resources": 0}
"""Imports point one way: command line (``brewdesk``, ``brewdesk.cli``) -> app -> engine -> recipes."""


def _layer(module: str) -> int:
    for package, layer in LAYERS.items():
        if module == package or module.startswith(package + "."):
            return layer
    return 3  # the top package: brewdesk and its command line


def test_imports_point_one_way_from_the_command_line_down_to_the_recipes():
    upward = [f"{src} imports {dst}" for src, dsts in sorted(_graph().items()) for dst in sorted(dsts)
              if _layer(dst) > _layer(src)]
    assert not upward, "\n".join(upward)
    assert _layer("brewdesk.cli") > _layer("brewdesk.app.main_window") > _layer("brewdesk.engine.run")
