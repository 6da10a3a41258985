"""A test-only hook: make one step fail on chosen partitions of a real run.

The fault-injection tests (``tests/cli/test_faults.py``) need a step that raises halfway
through a job, while earlier partitions are already being written, for every output kind. A
recipe cannot ask for that (recipes never carry code or test switches); the environment of
the ``brewdesk run`` process (or of the Dask workers) does::

    BREWDESK_TEST_FAIL_STEP="<step id>@<partition>[,<partition>...]"   # e.g. "upper@3"
    BREWDESK_TEST_FAIL_STEP="<step id>"                                 # every partition

When the variable is unset (always, outside those tests) :func:`check` is one dictionary
look-up per step and partition and does nothing. When it names the step about to run on the
given partition of the final map pass, :func:`check` raises the same :class:`StepError` a
failing operation raises (``step <id> (<title>) failed: ...``), so the run takes exactly the
path of a real data failure: the computation stops, writers discard their staging, the CLI
prints one line and exits with status 4.
"""

from __future__ import annotations

import os

from brewdesk.recipes.errors import StepError
from brewdesk.recipes.recipe import Step

ENV = "BREWDESK_TEST_FAIL_STEP"


def check(step: Step, partition: int) -> None:
    """Raise the injected failure if :data:`ENV` names ``step`` on ``partition``.

    Raises
    ------
    StepError
        Naming the step, its operation and the partition.
    """
    spec = os.environ.get(ENV)
    if not spec:
        return
    step_id, _, where = spec.partition("@")
    if step_id.strip() != step.id:
        return
    if where and partition not in {int(p) for p in where.split(",") if p.strip()}:
        return
    title = step.operation.title if step.operation is not None else step.op
    raise StepError(
        f"step {step.id} ({title}) failed: ValueError: injected test failure on partition {partition} ({ENV} is set)"
    )
