"""File ▸ Export as Python script…: the recipe as a standalone pandas or Dask script.

The script reads the window's data source, runs every enabled step with the code each operation
exports (:mod:`brewdesk.recipes.export.codegen`; the Dask script plans statistics steps from the open
data's columns) and writes an output file beside the script. It is generated and written in a
worker thread, so the window stays responsive; the file appears whole (written to a temporary
name, then renamed) or not at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from brewdesk.app.session import Session
from brewdesk.app.workers import Worker
from brewdesk.engine import export_code
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

FILTERS = {
    "pandas script (*.py)": "pandas",
    "Dask script, for data larger than memory (*.py)": "dask",
}
"""Save dialog filters: the one chosen picks the script's engine."""


def write_script(text: str, path: Path) -> Path:
    """Write ``text`` to ``path`` atomically (a temporary file beside it, then a rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return path


class ScriptExporter(QObject):
    """Exports a session's recipe as a script in the background.

    Parameters
    ----------
    session
        Whose recipe, data source and inputs the script uses.
    window
        Parent of the save dialog and the messages; its status bar shows the progress.

    Signals
    -------
    exported(path, engine)
        The script was written.
    failed(message)
        The recipe could not be exported (the message names the steps) or the file not written.
    """

    exported = Signal(str, str)
    failed = Signal(str)

    def __init__(self, session: Session, window: QMainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.worker = Worker(self)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self._engine = "pandas"

    def export(
        self,
        path: str | Path | None = None,
        *,
        engine: str | None = None,
        destination: str | None = None,
    ) -> bool:
        """Export the recipe to ``path`` (asks with a save dialog when ``None``).

        Parameters
        ----------
        path
            Script file to write.
        engine
            ``"pandas"`` or ``"dask"`` (with the dialog: from the chosen file type).
        destination
            Output the script writes (default: ``<script name>.output.csv`` beside the script).

        Returns
        -------
        bool
            ``True`` when the export started (its result arrives through ``exported``/``failed``).
        """
        w = self.window
        session = self.session
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(
                w, "Export as Python script", f"{session.recipe.name}.py", ";;".join(FILTERS)
            )
            if not path:
                return False
            engine = engine or FILTERS.get(chosen, "pandas")
        engine = engine or "pandas"
        target = Path(path)
        out = destination or str(target.with_name(f"{target.stem}.output.csv"))
        source = session.source.location if session.source is not None else "input.csv"
        if "://" in source or source.startswith(("db:", "table:")):  # a database: the script reads files only
            source = "input.csv"
        inputs = {name: spec.location for name, spec in session.inputs.items()}
        recipe = session.recipe
        schema = session.input_schema if session.sample is not None else None
        self._engine = engine
        self.worker.submit(
            "export",
            lambda: write_script(
                export_code.script(
                    recipe,
                    source=source,
                    destination=out,
                    inputs=inputs,
                    engine=engine,
                    schema=schema,
                ),
                target,
            ),
        )
        w.statusBar().showMessage(f"Exporting {target.name}…")
        return True

    def _done(self, kind: str, result: object) -> None:
        self.window.statusBar().showMessage(f"Exported {result} ({self._engine} script)", 6000)
        self.exported.emit(str(result), self._engine)

    def _failed(self, kind: str, exc: object) -> None:
        message = str(exc)
        self.window.statusBar().clearMessage()
        self.failed.emit(message)
        QMessageBox.warning(self.window, "Cannot export as Python script", message)
