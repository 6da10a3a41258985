"""Opening data in the main window: files, databases, Excel sheets, reader options, recent files.

A mixin of :class:`~brewdesk.app.main_window.MainWindow`; loading itself runs in the session's
worker, so none of these block the window.

A named database connection is opened as ``db:NAME?table=T`` and stays so in the session's
source: the reader looks up its URL and password when it reads, so the recent-files list, the
autosave and the job history hold ``db:NAME?table=T``, never the password. A typed URL that
holds a password is remembered without it.
"""

from __future__ import annotations

from pathlib import Path

from brewdesk.app.dialogs import DatabaseDialog, SourceOptionsDialog, excel_sheets
from brewdesk.engine.readers import SourceSpec, parse_source
from brewdesk.engine.readers.sources import infer_format, is_url
from brewdesk.engine.sampler import SampleSpec
from brewdesk.recipes.errors import BrewdeskError
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

MAX_RECENT = 10


def app_settings() -> QSettings:
    """Brewdesk's settings (recent files, window layout)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "brewdesk", "brewdesk")


def without_password(location: str) -> str:
    """``location`` with the password of a database URL removed (other text unchanged)."""
    if "://" not in location or "@" not in location:
        return location
    from sqlalchemy.engine import make_url

    try:
        url = make_url(location)
    except Exception:  # noqa: BLE001 - not a SQLAlchemy URL: drop the user info's password crudely
        scheme, rest = location.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    if url.password is None:
        return location
    return url._replace(password=None).render_as_string(hide_password=False)


class DataOpening:
    """Data-opening actions of the main window (needs ``self.session`` and ``self.actions_``)."""

    # ------------------------------------------------------------------ opening data
    def open_location(self, text: str, sample: SampleSpec | None = None, **options) -> None:  # noqa: ANN003
        """Open a path or URL (``package://``, ``table:`` and ``db:NAME?table=T`` shorthands allowed)."""
        from brewdesk.engine import locations

        try:
            if text.strip().startswith("db:"):  # resolved by the reader, in the worker
                self.open_spec(SourceSpec(text.strip(), **options), sample)
                return
            spec = parse_source(locations.resolve(text), **options)
            if not is_url(spec.location) and spec.sheet is None and infer_format(spec) == "excel":
                spec = self._choose_sheet(spec)
        except BrewdeskError as e:
            QMessageBox.warning(self, "Cannot open", str(e))
            return
        if spec is not None:
            self.open_spec(spec, sample)

    def _choose_sheet(self, spec: SourceSpec) -> SourceSpec | None:
        sheets = excel_sheets(spec.location)
        if len(sheets) <= 1:
            return spec
        sheet, ok = QInputDialog.getItem(self, "Choose a sheet", f"Sheets of {spec.name}:", sheets, 0, False)
        if not ok:
            return None
        from dataclasses import replace

        return replace(spec, sheet=sheet)

    def open_spec(self, spec: SourceSpec, sample: SampleSpec | None = None) -> None:
        """Load a sample of ``spec`` in the background."""
        self.session.open_source(spec, sample)

    def open_data_dialog(self) -> None:
        """File ▸ Open data…"""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, "Open data", "",
            "Data files (*.csv *.tsv *.txt *.gz *.bz2 *.zip *.xz *.xlsx *.xlsm *.parquet *.pq *.json *.jsonl *.ndjson);;All files (*)",
        )
        if path:
            self.open_location(path)

    def add_input_dialog(self) -> None:
        """File ▸ Add secondary input… (a second dataset for join and union steps)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Add a secondary input", "", "Data files (*.*)")
        if not path:
            return
        name, ok = QInputDialog.getText(self, "Input name", "Name used by join and union steps:", text=Path(path).stem.split(".")[0])
        if ok and name.strip():
            try:
                self.session.open_input(name.strip(), parse_source(path))
            except BrewdeskError as e:
                QMessageBox.warning(self, "Cannot open", str(e))

    def open_database_dialog(self) -> None:
        """File ▸ Open database…"""
        dlg = DatabaseDialog(self)
        if dlg.exec():
            try:
                self.open_spec(dlg.result_spec())
            except BrewdeskError as e:
                QMessageBox.warning(self, "Cannot open", str(e))

    def options_dialog(self) -> None:
        """Reader options and sample settings; the grid reloads with them."""
        s = self.session
        pending = s._loading[0] if s._loading is not None else None
        spec = s.source or pending
        if spec is None:
            QMessageBox.information(self, "No data", "Open a dataset first.")
            return
        dlg = SourceOptionsDialog(spec, s.sample_spec, self)
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
        self.actions_.update_recent()

    def open_dropped(self, path: str) -> None:
        """A dropped file: a Brewdesk recipe opens as a recipe, anything else as data."""
        if path.lower().endswith(".json"):
            try:
                with open(path, encoding="utf-8-sig") as f:
                    head = f.read(4096)
            except OSError:
                head = ""
            if '"brewdesk-recipe"' in head:
                self.open_recipe_file(path)
                return
        self.open_location(path)

