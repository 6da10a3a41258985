"""Brewdesk's data folder: where the embedded database, named connections and job history live.

``$BREWDESK_HOME`` when set, else the platform's user data folder (``platformdirs``).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["data_home", "embedded_database"]


def data_home() -> Path:
    """Brewdesk's data folder (``$BREWDESK_HOME`` or the platform's user data folder)."""
    env = os.environ.get("BREWDESK_HOME")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("brewdesk", appauthor=False))


def embedded_database() -> Path:
    """Path of the embedded SQLite database (its folder is created on demand)."""
    home = data_home()
    home.mkdir(parents=True, exist_ok=True)
    return home / "brewdesk.sqlite"
