"""The form of one step, generated from its operation's parameter schema.

A :class:`StepForm` lays out one editor per parameter (see :mod:`brewdesk.app.form_fields`), a
condition editor where the operation accepts conditions, and a note. Whenever an editor changes
it validates (pydantic errors and the step's schema check, each shown beside its field) and,
when the step is valid, asks for a preview; Apply hands the step over, Cancel drops it.

Operations whose output columns depend on the data (``Operation.sample_fields``: PIVOT's values,
ONE_HOT_ENCODING's categories, UNNEST_STRUCT's fields) get a "Fill from sample" button: it runs
``Operation.from_sample`` in the session's worker on the sample as it is before the step and
fills those fields. The form also fills them by itself when they are empty (or still hold what
the last fill gave) and the other fields are valid: when it opens, once the source column is
picked, and again when it changes. Values the user typed are replaced only by the button.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from brewdesk.app.condition_editor import ConditionEditor
from brewdesk.app.form_fields import UNSET, FieldEditor, humanize, make_editor
from brewdesk.app.preview import CandidateResult, error_text, fill_from_sample
from brewdesk.recipes.model.conditions import Condition
from brewdesk.recipes.model.recipe import Step, new_step_id
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.model.validate import step_schema
from brewdesk.recipes.ops.base import Kind, Operation, StepProblem
from pydantic import BaseModel, ValidationError
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from brewdesk.app.session import Session

ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: #6b6b6b;"
GENERAL = "_"
FILL_KIND = "fill"
"""The worker kind of "Fill from sample" requests."""


def clean_message(msg: str) -> str:
    """pydantic messages for people: no ``Value error,`` prefix, a capital first letter."""
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg[:1].upper() + msg[1:]


def accepts_conditions(op: Operation) -> bool:
    """Whether the step may carry conditions (filters always do)."""
    return op.handles_condition or not op.changes_rows


class StepForm(QWidget):
    """Form for adding or editing one step.

    Parameters
    ----------
    op
        The operation.
    schema
        Columns existing before the step (from validation at the insertion point).
    step
        The step being edited (its values prefill the form), or ``None`` for a new step.
    prefill
        Parameter values to start with (e.g. the column right-clicked).
    inputs
        Schemas of the secondary inputs (join, union).

    Signals
    -------
    preview_requested(Step)
        The form holds a valid step: preview it.
    preview_cleared()
        The form is invalid: show the data without the step.
    applied(Step), cancelled()
        The user's decision.
    """

    preview_requested = Signal(object)
    preview_cleared = Signal()
    applied = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        op: Operation,
        schema: Schema,
        *,
        step: Step | None = None,
        prefill: Mapping[str, Any] | None = None,
        inputs: Mapping[str, Schema] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.op = op
        self.schema = schema
        self.inputs = dict(inputs or {})
        self.editing = step
        self.step_id = step.id if step is not None else new_step_id()
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, QLabel] = {}
        self.current: Step | None = None
        self.session: Session | None = None
        self.index = 0
        self.fill_button: QPushButton | None = None
        self.fill_status: QLabel | None = None
        self._auto_key: str | None = None
        self._filled: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.revalidate)
        self._build()
        if step is not None and isinstance(step.params, BaseModel):
            self.set_values(step.params.model_dump())
            if self.conditions is not None:
                self.conditions.set_conditions(step.conditions)
            self.note.setText(step.note)
        if prefill:
            self.set_values(prefill)
        self._timer.start()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        op = self.op
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        title = QLabel(f"<b>{'Edit' if self.editing else 'Add'} step: {op.title}</b>")
        title.setWordWrap(True)
        outer.addWidget(title)
        sub = f"{op.category} · {op.id}"
        if op.kind is Kind.FIT_MAP:
            sub += " · preview uses sample statistics; the job uses the whole dataset"
        elif op.kind is Kind.GLOBAL:
            sub += " · reshapes the whole dataset"
        caption = QLabel(sub)
        caption.setWordWrap(True)
        caption.setStyleSheet(HINT_STYLE)
        outer.addWidget(caption)

        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 4, 4, 4)
        lay.setSpacing(3)
        js = op.Params.model_json_schema()
        defs = js.get("$defs", {})
        required = set(js.get("required", []))
        for name, prop in js.get("properties", {}).items():
            if name in op.sample_fields and self.fill_button is None:
                self._build_fill(lay)
            editor = make_editor(name, prop, defs, self.schema, required=name in required)
            field = op.Params.model_fields[name]
            if not field.is_required():
                default = field.get_default(call_default_factory=True)
                if default is not None:
                    try:
                        editor.set_value(default)
                    except (TypeError, ValueError):
                        pass
            editor.changed.connect(self._changed)
            label = QLabel(humanize(name) + ("" if name in required else "  (optional)"))
            label.setBuddy(editor)
            lay.addWidget(label)
            lay.addWidget(editor)
            desc = prop.get("description")
            if desc:
                hint = QLabel(desc)
                hint.setWordWrap(True)
                hint.setStyleSheet(HINT_STYLE)
                lay.addWidget(hint)
            err = QLabel()
            err.setWordWrap(True)
            err.setStyleSheet(ERROR_STYLE)
            err.hide()
            lay.addWidget(err)
            lay.addSpacing(6)
            self.editors[name] = editor
            self.errors[name] = err
        self.conditions: ConditionEditor | None = None
        if accepts_conditions(op):
            heading = "Remove rows where (all must hold)" if op.handles_condition else "Only change rows where (all must hold)"
            self.conditions = ConditionEditor(self.schema, heading)
            self.conditions.changed.connect(self._changed)
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            lay.addWidget(line)
            lay.addWidget(self.conditions)
            if op.handles_condition and self.editing is None:
                self.conditions.add_row()
        lay.addSpacing(6)
        lay.addWidget(QLabel("Note (optional)"))
        self.note = QLineEdit()
        lay.addWidget(self.note)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)

        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        self.preview_label = QLabel("Preview: waiting for valid input")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.preview_label)
        self.apply_button = QPushButton("Apply")
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(False)
        self.cancel_button = QPushButton("Cancel")
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.apply_button)
        outer.addLayout(buttons)

    def _build_fill(self, lay: QVBoxLayout) -> None:
        names = ", ".join(humanize(f).lower() for f in self.op.sample_fields)
        self.fill_button = QPushButton("Fill from sample")
        self.fill_button.setToolTip(f"Read the {names} from the data as it is before this step")
        self.fill_button.setEnabled(False)
        self.fill_button.clicked.connect(lambda: self.fill_from_sample())
        self.fill_status = QLabel(f"The {names} depend on the data: fill them from the sample")
        self.fill_status.setWordWrap(True)
        self.fill_status.setStyleSheet(HINT_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.fill_button)
        row.addWidget(self.fill_status, 1)
        lay.addLayout(row)

    # ------------------------------------------------------------------ fill from sample
    def attach_sample(self, session: Session, index: int) -> None:
        """Let "Fill from sample" read the session's sample before position ``index``."""
        self.session = session
        self.index = index
        if self.fill_button is not None:
            self.fill_button.setEnabled(True)
            session.worker.done.connect(self._fill_done)
            session.worker.failed.connect(self._fill_failed)
        self._timer.start()

    def _fill_base(self) -> tuple[Any, str | None]:
        """The params without the sample fields (validated), or ``(None, problem)``."""
        values = {k: v for k, v in self.values().items() if k not in self.op.sample_fields}
        try:
            return self.op.Params.model_validate(values), None
        except ValidationError as e:
            err = e.errors()[0]
            loc = err.get("loc") or ()
            where = humanize(str(loc[0])) + ": " if loc else ""
            return None, where + clean_message(err["msg"])
        except (ValueError, TypeError) as e:
            return None, str(e)

    def fill_from_sample(self, *, auto: bool = False) -> bool:
        """Read the sample fields from the data before the step, in the session's worker.

        Returns ``False`` (with the reason shown beside the button) when it cannot start.
        """
        session = self.session
        if self.fill_button is None or session is None or session.cache is None:
            return False
        params, problem = self._fill_base()
        if params is None:
            if not auto:
                self._set_fill_status(f"Fill the other fields first ({problem})", error=True)
            return False
        self._auto_key = self._base_key()
        cache, op, inputs = session.cache, self.op, dict(session.input_frames)
        prefix = [s for s in session.recipe.steps[: self.index] if s.id != self.step_id]
        self._set_fill_status("Reading the sample…")
        self.fill_button.setEnabled(False)
        session.worker.submit(FILL_KIND, lambda: fill_from_sample(cache, prefix, op, params, inputs))
        return True

    def _base_key(self) -> str:
        values = {k: v for k, v in self.values().items() if k not in self.op.sample_fields}
        return json.dumps(values, sort_keys=True, default=str)

    def _sample_key(self) -> str:
        values = {f: self.editors[f].value() for f in self.op.sample_fields if f in self.editors}
        return json.dumps(values, sort_keys=True, default=str)

    def _may_fill_by_itself(self) -> bool:
        """The sample fields are empty, or hold what the last fill gave (not the user's own)."""
        blank = all(self.editors[f].is_blank() for f in self.op.sample_fields if f in self.editors)
        return blank or self._sample_key() == self._filled

    def _set_fill_status(self, text: str, *, error: bool = False) -> None:
        if self.fill_status is not None:
            self.fill_status.setText(text)
            self.fill_status.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)

    def _fill_done(self, kind: str, result: Any) -> None:
        if kind != FILL_KIND or self.fill_button is None:
            return
        self.fill_button.setEnabled(True)
        if result is None:
            self._set_fill_status("The sample gave nothing to fill")
            return
        values = result.model_dump()
        filled = {f: values[f] for f in self.op.sample_fields if f in values}
        self.set_values(filled)
        self._filled = self._sample_key()
        self.revalidate()  # preview the filled step now
        counts = ", ".join(
            f"{len(v)} {humanize(f).lower()}" if isinstance(v, list) else humanize(f).lower() for f, v in filled.items()
        )
        self._set_fill_status(f"Filled from the sample before this step: {counts}")

    def _fill_failed(self, kind: str, exc: BaseException) -> None:
        if kind != FILL_KIND or self.fill_button is None:
            return
        self.fill_button.setEnabled(True)
        self._set_fill_status(f"Could not fill from the sample: {error_text(exc)}", error=True)

    # ------------------------------------------------------------------ values
    def set_values(self, values: Mapping[str, Any]) -> None:
        """Set editors from parameter values (unknown names ignored)."""
        for name, v in values.items():
            ed = self.editors.get(name)
            if ed is not None and v is not None:
                ed.set_value(v)
        self._changed()

    def values(self) -> dict[str, Any]:
        """Parameter values given in the form (fields left empty are left out)."""
        out = {}
        for name, ed in self.editors.items():
            v = ed.value()
            if v is not UNSET:
                out[name] = v
        return out

    def _changed(self) -> None:
        button = getattr(self, "apply_button", None)  # conditions may change while the form is built
        if button is not None:
            button.setEnabled(False)
        self._timer.start()

    # ------------------------------------------------------------------ validation
    def build(self) -> tuple[Step | None, dict[str, str]]:
        """The step the form describes, or the problems, ``{field or "_": message}``."""
        errors: dict[str, str] = {}
        params = None
        try:
            params = self.op.Params.model_validate(self.values())
        except ValidationError as e:
            for err in e.errors():
                loc = err.get("loc") or ()
                key = str(loc[0]) if loc and str(loc[0]) in self.editors else GENERAL
                where = ".".join(str(x) for x in loc[1:]) if key != GENERAL else ".".join(str(x) for x in loc)
                msg = clean_message(err["msg"])
                errors.setdefault(key, f"{msg} ({where})" if where else msg)
        except (ValueError, TypeError) as e:
            errors[GENERAL] = str(e)
        conds: list[Condition] = []
        if self.conditions is not None:
            for i, raw in enumerate(self.conditions.values(), start=1):
                try:
                    conds.append(Condition.model_validate(raw))
                except ValidationError as e:
                    errors.setdefault("conditions", f"Condition {i}: " + clean_message(e.errors()[0]["msg"]))
        if params is None or errors:
            return None, errors
        enabled = self.editing.enabled if self.editing is not None else True
        step = Step(op=self.op.id, params=params, id=self.step_id, v=self.op.version, enabled=enabled,
                    note=self.note.text(), conditions=tuple(conds))
        try:
            step_schema(step, self.schema, self.inputs)
        except StepProblem as e:
            errors[e.field if e.field in self.editors or e.field == "conditions" else GENERAL] = e.message
        except Exception as e:  # noqa: BLE001 - a bug in an operation must not crash the form
            errors[GENERAL] = f"{type(e).__name__}: {e}"
        return (None, errors) if errors else (step, {})

    def revalidate(self) -> Step | None:
        """Validate now, show the problems, and request or clear the preview.

        Sample fields that are empty, or still hold what the last fill gave, are first
        (re)filled from the sample, once per set of values of the other fields.
        """
        self._timer.stop()
        if (
            self.fill_button is not None
            and self.session is not None
            and self._may_fill_by_itself()
            and self._base_key() != self._auto_key
        ):
            self.fill_from_sample(auto=True)
        step, errors = self.build()
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        if self.conditions is not None:
            self.conditions.set_error(errors.get("conditions"))
        general = errors.get(GENERAL) or (errors.get("conditions") if self.conditions is None else None)
        self.general_error.setText(general or "")
        self.general_error.setVisible(bool(general))
        self.current = step
        self.apply_button.setEnabled(step is not None)
        if step is None:
            self.preview_label.setText("Preview: fix the fields marked in red")
            self.preview_cleared.emit()
        else:
            self.preview_label.setText("Preview: computing…")
            self.preview_requested.emit(step)
        return step

    @property
    def problems(self) -> dict[str, str]:
        """The problems shown now."""
        out = {n: lab.text() for n, lab in self.errors.items() if lab.isVisibleTo(self) and lab.text()}
        if self.general_error.text():
            out[GENERAL] = self.general_error.text()
        return out

    def show_preview(self, result: CandidateResult | None) -> None:
        """Show the preview's counts (or its error) under the form."""
        if result is None:
            return
        if result.error is not None or result.diff is None:
            self.preview_label.setText(f"<span style='{ERROR_STYLE}'>Preview failed: {_esc(result.error or '')}</span>")
            self.preview_label.setToolTip(result.error or "")
            return
        d = result.diff
        text = f"<b>Preview:</b> {d.text}"
        if d.aligned and len(d.removed_rowids):
            ids = ", ".join(str(int(x)) for x in d.removed_rowids[:12])
            more = "…" if len(d.removed_rowids) > 12 else ""
            text += f"<br><span style='{HINT_STYLE}'>Removed row ids: {ids}{more}</span>"
        self.preview_label.setText(text)
        self.preview_label.setToolTip("")

    def apply(self) -> None:
        """Validate and hand the step over (``applied``)."""
        step = self.revalidate()
        if step is not None:
            self.applied.emit(step)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
