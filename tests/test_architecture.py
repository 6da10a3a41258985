"""The one direction of imports (DESIGN.md section 1), proven in fresh interpreters."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCKER = textwrap.dedent(
    """
    import sys
    class Block:
        def __init__(self, names): self.names = names
        def find_spec(self, name, path=None, target=None):
            if name.split('.')[0] in self.names:
                raise ImportError(f'{name} is blocked in this test')
            return None
    sys.meta_path.insert(0, Block(BLOCKED))
    """
)


def _run(blocked: set[str], code: str) -> subprocess.CompletedProcess[str]:
    src = BLOCKER.replace("BLOCKED", repr(blocked)) + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, timeout=120)


def test_engine_imports_without_qt():
    r = _run(
        {"PySide6", "shiboken6"},
        """
        import pkgutil, importlib, brewdesk.engine
        for m in pkgutil.walk_packages(brewdesk.engine.__path__, 'brewdesk.engine.'):
            importlib.import_module(m.name)
        import brewdesk.recipes.registry as r; r.operations()
        """,
    )
    assert r.returncode == 0, r.stderr


def test_recipes_import_without_dask_or_qt():
    r = _run(
        {"dask", "distributed", "PySide6", "shiboken6", "sqlalchemy"},
        """
        import pkgutil, importlib, brewdesk.recipes
        for m in pkgutil.walk_packages(brewdesk.recipes.__path__, 'brewdesk.recipes.'):
            importlib.import_module(m.name)
        from brewdesk.recipes.registry import operations
        assert len(operations()) > 10
        """,
    )
    assert r.returncode == 0, r.stderr


def test_blocker_really_blocks():
    r = _run({"dask"}, "import dask")
    assert r.returncode != 0 and "blocked" in r.stderr
