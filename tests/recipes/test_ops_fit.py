"""Golden cases of the FIT_MAP and NEIGHBOUR operations, run the engine's ways.

Each case: pandas on the whole input, validation of the schema effect, simulated partitions
(1, 3, one row each, with empty partitions between) and the exported code must all agree with
the hand-worked expected frame; error cases must raise a BrewdeskError with the expected text.
"""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from tests.recipes.test_ops_fit_harness import FIT_OPS, check_case, load_cases, make_step

CASES = load_cases()


@pytest.mark.parametrize(("op_id", "case"), CASES, ids=[f"{o}-{c.name}" for o, c in CASES])
def test_golden(op_id: str, case: object) -> None:
    check_case(op_id, case)


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_every_op_has_cases_and_declaration(op_id: str) -> None:
    from brewdesk.recipes import registry

    op = registry.get(op_id)
    cases = [c for o, c in CASES if o == op_id]
    assert len(cases) >= 3, f"{op_id}: {len(cases)} golden cases"
    assert any(c.error for c in cases), f"{op_id}: no error case"
    assert op.title and op.category and op.__doc__
    assert op.kind.name in {"FIT_MAP", "NEIGHBOUR"}

    assert sys.modules[type(op).__module__].__doc__, f"{op_id}: module docstring"
    for case in cases:
        if case.error is None:
            step = make_step(op_id, case)
            assert op.describe(step.params)


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_databrew_round_trip(op_id: str) -> None:
    from brewdesk.recipes import registry

    op = registry.get(op_id)
    if not op.databrew:
        with pytest.raises(NotImplementedError):
            op.to_databrew(make_step(op_id, next(c for o, c in CASES if o == op_id and c.error is None)).params)
        return
    for o, case in CASES:
        if o != op_id or case.error is not None:
            continue
        params = make_step(op_id, case).params
        name, raw = op.to_databrew(params)
        assert name in op.databrew
        assert all(isinstance(v, str) for v in raw.values())
        back = op.Params.model_validate(op.from_databrew(name, raw))
        assert op.to_databrew(back) == (name, raw)


def test_input_is_not_mutated() -> None:
    from brewdesk.recipes.runner import run_pandas

    for op_id, case in CASES:
        if case.error is None:
            before = case.input.copy(deep=True)
            run_pandas([make_step(op_id, case)], case.input)
            pd.testing.assert_frame_equal(case.input, before)
