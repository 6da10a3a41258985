"""The operation contract for the app's forms, checked for every operation in the registry
(Orange3-style widget tests; ``docs/architecture.md``, the operation contract and its tests).

For every operation and each degenerate sample of its example's input (zero rows, all-null rows;
see ``tests/recipes/test_contract.py``, which checks the same frames without the app): the form
builds offscreen with one editor per parameter, holds the example's params exactly as given
(params -> form -> params; :data:`FORM_LOSSY` lists where it cannot yet, with the reason), and
the step previews on the sample without an error; in the window, on the all-null sample, the
preview reaches the form and the grid.
"""

from __future__ import annotations

import pytest
from brewdesk.app.main_window import MainWindow
from brewdesk.app.preview import PreviewCache
from brewdesk.app.step_form import StepForm
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.registry import operations
from brewdesk.recipes.model.runner import with_rowid_index
from brewdesk.recipes.model.types import Schema
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from tests.recipes.test_contract import degenerate, example

SAMPLES = ("empty", "all-null")

FORM_LOSSY: dict[str, str] = {
    "categorical_mapping": "the form has no editor for a mapping: category_map is refused as not a dictionary",
    "cryptographic_hash": "create_secret_if_missing=None (not given) comes back False from the check box",
    "deterministic_encrypt": "create_secret_if_missing=None (not given) comes back False from the check box",
    "fill_with_custom": "the value '0' is read as JSON: it comes back as the number 0",
    "replace_with_custom": "the value '0' is read as JSON: it comes back as the number 0",
    "remove_duplicates": "an empty column list gives [] (refused: at least one item), not None (every column)",
    "shuffle_rows": "an empty group_by_columns list gives [] (refused: at least one item), not None (no groups)",
    "row_any": "the column list comes back in the schema's order, not the order given",
    "split_column_multiple_delimiter": "the table editor drops a delimiter that is only a space",
}
"""``{operation id: reason}``: operations whose example params do not come back unchanged from
the form; the test fails once they do (remove the entry then)."""


@pytest.fixture(scope="module")
def shared_window(qapp, tmp_path_factory):
    """One window for the module (a window per operation would cost minutes), isolated as the
    ``_isolated`` fixture of ``conftest.py`` isolates each test."""
    with pytest.MonkeyPatch.context() as mp:
        home = tmp_path_factory.mktemp("forms_home")
        mp.setenv("BREWDESK_HOME", str(home))
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
        w = MainWindow(recover=False)
        w.ask_save_changes = lambda: "discard"  # never block on a modal question
        yield w
        w.close_form()
        w.session.wait(30)
        w.session.undo_stack.setClean()
        w.close()
        w.deleteLater()  # deleted now, while the application lives (not by the garbage collector at exit)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _step(op_id: str) -> Step:
    case = example(op_id)
    return Step.create(op_id, case.params, conditions=case.conditions)


@pytest.mark.parametrize("how", SAMPLES)
@pytest.mark.parametrize("op_id", list(operations()))
def test_form_holds_the_example(qtbot, op_id: str, how: str) -> None:
    """The form built on the sample's schema holds the example's params; the preview of the
    step it gives (the session's preview computation, without its worker thread) succeeds."""
    op = operations()[op_id]
    case, step = example(op_id), _step(op_id)
    sample = with_rowid_index(degenerate(case.input, how))
    inputs = {name: with_rowid_index(degenerate(f, how)) for name, f in case.inputs.items()}
    form = StepForm(op, Schema.from_frame(sample), prefill=step.params.model_dump(),
                    inputs={k: Schema.from_frame(v) for k, v in inputs.items()})
    qtbot.addWidget(form)
    assert form.editors.keys() == op.Params.model_fields.keys()
    if form.conditions is not None:
        form.conditions.set_conditions(step.conditions)
    built, problems = form.build()
    same = not problems and built is not None and built.params == step.params
    if op_id in FORM_LOSSY:
        assert not same, f"{op_id} comes back unchanged now: remove it from FORM_LOSSY"
    else:
        assert not problems, problems
        assert same, f"the form changed the params: {built.params if built else None!r}"
        assert built.conditions == step.conditions
        step = built
    result = PreviewCache(sample).candidate([], step, inputs)
    assert not result.error, f"preview failed: {result.error}"
    assert result.after is not None and result.diff is not None


@pytest.mark.parametrize("op_id", list(operations()))
def test_window_previews_the_example(shared_window: MainWindow, op_id: str) -> None:
    """The form opened in the window on the all-null sample previews the example in the grid.

    (One sample only: every preview and sample load through the session's worker thread costs
    references to ``True`` that are never given back, and a few thousand of them crash the
    interpreter at exit with ``bool_dealloc``.)"""
    w, s = shared_window, shared_window.session
    op = operations()[op_id]
    case, step = example(op_id), _step(op_id)
    for name, frame in case.inputs.items():
        s.set_input(name, degenerate(frame, "all-null"))
    s.set_sample(degenerate(case.input, "all-null"))
    assert s.wait(30)
    form = w.open_form(op, prefill=step.params.model_dump())
    assert form is not None
    try:
        if form.conditions is not None:
            form.conditions.set_conditions(step.conditions)
        if op_id in FORM_LOSSY:
            form.preview_requested.emit(step)  # preview the example itself
        else:
            assert form.revalidate() is not None
        assert s.wait(30)
        cand = s.candidate
        assert cand is not None
        assert not cand.error, f"preview failed: {cand.error}"
        assert cand.after is not None
        assert w.model.rowCount() == len(cand.after)
        if op_id not in FORM_LOSSY:
            assert "Preview:" in form.preview_label.text()
    finally:
        w.close_form()
        # the closed form's pending validation must not preview into the next test
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        s.wait(30)
    assert s.candidate is None and not s.recipe.steps
