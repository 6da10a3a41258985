"""No executable source code in string literals: code lives in real modules, where linters, type
checks and coverage see it (exported scripts copy real functions' source, see
:mod:`brewdesk.recipes.export.source`).

A string literal holds code when it is a statement block Python parses that defines a function
or class, imports, or assigns over more than one line. Docstrings are documentation and are not
checked. The exceptions are listed in :data:`ALLOWED` with their reason.
"""

from __future__ import annotations

import ast
import subprocess
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ALLOWED: dict[tuple[str, str], str] = {}
"""``(file, start of the string's code or "" for any)`` -> why the string may hold code."""

DEFINES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)


def holds_code(text: str) -> bool:
    """Whether ``text`` is a block of Python defining, importing or assigning over several lines."""
    if len([line for line in text.splitlines() if line.strip()]) < 2:
        return False
    try:
        tree = ast.parse(textwrap.dedent(text))
    except (SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, DEFINES):
            return True
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign) and node.end_lineno != node.lineno:
            return True
    return False


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstrings of ``tree`` (modules, classes, functions, attributes)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            for stmt in body if isinstance(body, list) else []:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                    out.add(id(stmt.value))
    return out


def code_strings(path: Path) -> list[tuple[int, str]]:
    """``(line, text)`` of the string literals of the file at ``path`` that hold code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs and holds_code(node.value)
    ]


def _python_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    return [name for name in listed if (ROOT / name).is_file()]


def _allowed(name: str, text: str) -> bool:
    start = textwrap.dedent(text).strip()
    return any(path == name and start.startswith(prefix) for path, prefix in ALLOWED)


def test_no_string_literal_holds_code() -> None:
    found = [
        f"{name}:{line}: {text.strip().splitlines()[0]!r}"
        for name in _python_files()
        for line, text in code_strings(ROOT / name)
        if not _allowed(name, text)
    ]
    assert not found, "move this code into a module (exported code copies real functions):\n" + "\n".join(found)


def test_the_check_finds_code_and_leaves_prose_and_short_statements() -> None:
    # built line by line, so that this file holds no such string itself
    assert holds_code("\n".join(["def f(x):", "    return x"]))
    assert holds_code("\n".join(["import os", "import sys"]))
    assert holds_code("\n".join(["x = {", "    'a': 1,", "}"]))
    assert not holds_code("df = df.dropna()")
    assert not holds_code("_s = df['a']\ndf['b'] = _s + 1")
    assert not holds_code("[warehouse]\nurl = 'sqlite:///w.db'\n")
    assert not holds_code("Some prose, over\ntwo lines.")


def test_every_allowed_exception_is_still_needed() -> None:
    files = set(_python_files())
    for path, prefix in ALLOWED:
        if path not in files:
            continue  # removed by another branch: the entry goes at merge time
        texts = [text for _line, text in code_strings(ROOT / path)]
        assert any(textwrap.dedent(t).strip().startswith(prefix) for t in texts), f"remove ALLOWED entry {path}"
