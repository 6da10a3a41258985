"""Brewdesk: DataBrew on the desktop.

The top package holds the command line (:mod:`brewdesk.cli`), which sits above both the engine
(:mod:`brewdesk.engine`) and the desktop app (:mod:`brewdesk.app`); imports point one way:
command line -> app -> engine -> recipes (``docs/architecture.md``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("brewdesk")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
