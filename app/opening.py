"""Opening data in the main window: files, databases, Excel sheets, reader options, recent files.

:class:`DataOpener` serves a window without knowing it: it opens data into a
:class:`~brewdesk.app.session.Session`, parents its dialogs on a given widget and announces
changes of the recent-files list; loading itself runs in the session's worker, so none of these
block the window.

A named database connection is opened as ``db:NAME?table=T`` and stays so in the session's
source: the reader looks up its URL and password when it reads, so the recent-files list, the
autosave and the job history hold ``db:NAME?table=T``, never the password. A typed URL that
holds a password is remembered without it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from brewdesk.app.dialogs import DatabaseDialog, SourceOptionsDialog, excel_sheets
from brewdesk.app.session import Session
from brewdesk.engine import locations
from brewdesk.engine.connections import without_password
from brewdesk.engine.readers import SourceSpec, parse_source
from brewdesk.engine.readers.sources import infer_format, is_url
from brewdesk.engine.sample_spec import SampleSpec
from brewdesk.recipes.model.errors import BrewdeskError
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

MAX_RECENT = 10


def app_settings() -> QSettings:
    """Brewdesk's settings (recent files, window layout)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "brewdesk", "brewdesk")


class DataOpener(QObject):
    """Opens data into a session: locations, files, databases, reader options, recent files.

    Parameters
    ----------
    session
        Where the data is opened (its worker loads the sample).
    parent
        The widget the dialogs and messages are shown over.

    Signals
    -------
    recent_changed()
        The recent-files list changed (:meth:`recent`).
    """

    recent_changed = Signal()

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent

    # ------------------------------------------------------------------ opening data
    def open_location(self, text: str, sample: SampleSpec | None = None, **options) -> None:  # noqa: ANN003
        """Open a path or URL (``package://``, ``table:`` and ``db:NAME?table=T`` shorthands allowed)."""
        try:
            if text.strip().startswith("db:"):  # resolved by the reader, in the worker
                self.open_spec(SourceSpec(text.strip(), **options), sample)
                return
            spec = parse_source(locations.resolve(text), **options)
            if not is_url(spec.location) and spec.sheet is None and infer_format(spec) == "excel":
                spec = self._choose_sheet(spec)
        except BrewdeskError as e:
            QMessageBox.warning(self.parent_widget, "Cannot open", str(e))
            return
        if spec is not None:
            self.open_spec(spec, sample)

    def _choose_sheet(self, spec: SourceSpec) -> SourceSpec | None:
        sheets = excel_sheets(spec.location)
        if len(sheets) <= 1:
            return spec
        sheet, ok = QInputDialog.getItem(self.parent_widget, "Choose a sheet", f"Sheets of {spec.name}:", sheets, 0, False)
        if not ok:
            return None
        return replace(spec, sheet=sheet)

    def open_spec(self, spec: SourceSpec, sample: SampleSpec | None = None) -> None:
        """Load a sample of ``spec`` in the background."""
        self.session.open_source(spec, sample)

    def open_data_dialog(self) -> None:
        """File ▸ Open data…"""
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, "Open data", "",
            "Data files (*.csv *.tsv *.txt *.gz *.bz2 *.zip *.xz *.xlsx *.xlsm *.parquet *.pq *.json *.jsonl *.ndjson);;All files (*)",
        )
        if path:
            self.open_location(path)

    def add_input_dialog(self) -> None:
        """File ▸ Add secondary input… (a second dataset for join and union steps)."""
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "Add a secondary input", "", "Data files (*.*)")
        if not path:
            return
        name, ok = QInputDialog.getText(self.parent_widget, "Input name", "Name used by join and union steps:", text=Path(path).stem.split(".")[0])
        if ok and name.strip():
            try:
                self.session.open_input(name.strip(), parse_source(path))
            except BrewdeskError as e:
                QMessageBox.warning(self.parent_widget, "Cannot open", str(e))

    def open_database_dialog(self) -> None:
        """File ▸ Open database…"""
        dlg = DatabaseDialog(self.parent_widget)
        if dlg.exec():
            try:
                self.open_spec(dlg.result_spec())
            except BrewdeskError as e:
                QMessageBox.warning(self.parent_widget, "Cannot open", str(e))

    def options_dialog(self) -> None:
        """Reader options and sample settings; the grid reloads with them."""
        s = self.session
        pending = s._loading[0] if s._loading is not None else None
        spec = s.source or pending
        if spec is None:
            QMessageBox.information(self.parent_widget, "No data", "Open a dataset first.")
            return
        dlg = SourceOptionsDialog(spec, s.sample_spec, self.parent_widget)
        if dlg.exec():
            self.open_spec(dlg.result_spec(), dlg.result_sample())

    # ------------------------------------------------------------------ recent files
    def recent(self) -> list[str]:
        """Recently opened data locations, newest first."""
        value = app_settings().value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, location: str) -> None:
        """Remember a data location (a password in a URL is never stored)."""
        location = without_password(location)
        items = [location] + [r for r in dict.fromkeys(map(without_password, self.recent())) if r != location]
        app_settings().setValue("recent", items[:MAX_RECENT])
        self.recent_changed.emit()
