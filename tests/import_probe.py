"""Imports modules in a fresh interpreter, optionally with some top-level packages blocked.

Run by the architecture tests as a script, so each check starts with nothing imported::

    python tests/import_probe.py --block PySide6 --walk brewdesk.engine --operations
    python tests/import_probe.py --import brewdesk.cli --absent PySide6 --absent brewdesk.app
    python tests/import_probe.py --run-module brewdesk --arg ops --arg list --absent dask

``--run-module`` runs a module as ``python -m MODULE ARG...`` would (its output is kept on
stdout) and counts as working when it exits with status 0.

Exits 0 when every import works and every expectation holds; otherwise the failure's
traceback or message is on stderr and the status is 1.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import runpy
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


class Blocker:
    """A meta path finder that refuses to import the given top-level packages."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name.split(".")[0] in self.names:
            raise ImportError(f"{name} is blocked in this test")
        return None


def _loaded(prefix: str) -> list[str]:
    return sorted(m for m in sys.modules if m == prefix or m.startswith(prefix + "."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--block", action="append", default=[], help="top-level package to block")
    parser.add_argument("--walk", action="append", default=[], help="package: import every module")
    parser.add_argument("--import", dest="modules", action="append", default=[], help="module to import")
    parser.add_argument("--run-module", metavar="MODULE", help="run as `python -m MODULE ARG...`")
    parser.add_argument("--arg", dest="run_args", action="append", default=[], help="an ARG of --run-module")
    parser.add_argument("--operations", type=int, default=0, metavar="N",
                        help="the operation registry must hold more than N operations")
    parser.add_argument("--present", action="append", default=[], help="must be loaded afterwards")
    parser.add_argument("--absent", action="append", default=[], help="must not be loaded afterwards")
    args = parser.parse_args(argv)
    sys.meta_path.insert(0, Blocker(set(args.block)))
    for name in args.modules:
        importlib.import_module(name)
    for name in args.walk:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            importlib.import_module(info.name)
    if args.run_module:
        sys.argv = [args.run_module, *args.run_args]
        try:
            runpy.run_module(args.run_module, run_name="__main__", alter_sys=True)
        except SystemExit as exc:
            if exc.code not in (None, 0):
                sys.stderr.write(f"python -m {args.run_module} exited with status {exc.code}\n")
                return 1
    if args.operations:
        registry = importlib.import_module("brewdesk.recipes.model.registry")
        count = len(registry.operations())
        if count <= args.operations:
            sys.stderr.write(f"only {count} operations\n")
            return 1
    missing = [name for name in args.present if not _loaded(name)]
    unwanted = {name: _loaded(name) for name in args.absent if _loaded(name)}
    if missing or unwanted:
        sys.stderr.write(f"not loaded: {missing}; loaded: {unwanted}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
