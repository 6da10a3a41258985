"""Start the app: ``brewdesk gui`` and the ``brewdesk-gui`` entry point; offscreen screenshots."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from brewdesk.app.main_window import MainWindow
from brewdesk.engine.locations import resolve
from brewdesk.engine.readers import parse_source
from brewdesk.engine.sample_spec import DEFAULT_SAMPLE_SIZE, SampleMethod, SampleSpec
from PySide6.QtWidgets import QApplication

METHODS = {"first": SampleMethod.FIRST_N, "last": SampleMethod.LAST_N, "random": SampleMethod.RANDOM}


def _application():  # noqa: ANN202
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Brewdesk")
        app.setOrganizationName("brewdesk")
    return app


def run_gui(
    source: str | None = None,
    *,
    recipe: str | None = None,
    screenshot: str | None = None,
    sample: str = "first",
    size: int = DEFAULT_SAMPLE_SIZE,
    timeout: float = 120.0,
    inputs: dict[str, str] | None = None,
) -> int:
    """Open the main window (and run the event loop, or save a screenshot and return).

    Parameters
    ----------
    source
        Data to open (path, URL, ``package://`` or ``table:`` shorthand).
    recipe
        Native recipe file to open.
    screenshot
        Render offscreen (when there is no display), wait until loading and previews are done,
        save a PNG of the main window here and return.
    sample, size
        Sample method (``first``, ``last``, ``random``) and rows.
    timeout
        Seconds to wait for loading before a screenshot gives up.
    inputs
        Secondary inputs for join and union steps, ``{name: location}``.

    Returns
    -------
    int
        Exit status: 0 on success, 1 when the data or recipe could not be opened for a screenshot.
    """
    if screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    window = MainWindow(recover=not screenshot)
    window.resize(1400, 900)
    if recipe:
        if not window.open_recipe_file(recipe, confirm=False) and screenshot:
            return 1
    if source:
        window.opener.open_location(source, SampleSpec(METHODS[sample], size))
    if inputs:
        for name, location in inputs.items():
            window.session.open_input(name, parse_source(resolve(location)))
    window.show()
    if not screenshot:
        return app.exec()
    ok = window.session.wait(timeout)
    for _ in range(5):
        app.processEvents()
    Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(screenshot))
    failed = not ok or (source is not None and window.session.sample is None)
    window.session.undo_stack.setClean()
    window.close()
    return 1 if failed else 0


def main() -> None:
    """``brewdesk-gui`` entry point: ``brewdesk-gui [SOURCE]``."""
    args = sys.argv[1:]
    sys.exit(run_gui(args[0] if args else None))
