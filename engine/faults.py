"""A test-only hook: make one step fail on chosen partitions of a real run.

The fault-injection tests (``tests/cli/test_faults.py``) need a step that raises halfway
through a job, while earlier partitions are already being written, for every output kind. A
recipe cannot ask for that (recipes never carry code or test switches); the environment of
the ``brewdesk run`` process (or of the Dask workers) does::

    BREWDESK_TEST_FAIL_STEP="<step id>@<partition>[,<partition>...]"   # e.g. "upper@3"
    BREWDESK_TEST_FAIL_STEP="<step id>"                                 # every partition

The distributed tests also need a step that is slow, so that a worker can be killed while it
runs one (``tests/engine/test_distributed_faults.py``)::

    BREWDESK_TEST_STEP_DELAY="<step id>=<seconds>"                      # e.g. "upper=0.5"

When the variables are unset (always, outside those tests) :func:`check` is two dictionary
look-ups per step and partition and does nothing. When it names the step about to run on the
given partition of the final map pass, :func:`check` raises the same :class:`StepError` a
failing operation raises (``step <id> (<title>) failed: ...``), so the run takes exactly the
path of a real data failure: the computation stops, writers discard their staging, the CLI
prints one line and exits with status 4.
"""

from __future__ import annotations

import os
import time

from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.recipe import Step

ENV = "BREWDESK_TEST_FAIL_STEP"
DELAY_ENV = "BREWDESK_TEST_STEP_DELAY"


def check(step: Step, partition: int) -> None:
    """Sleep if :data:`DELAY_ENV` names ``step``; raise if :data:`ENV` names it on ``partition``.

    Raises
    ------
    StepError
        Naming the step, its operation and the partition.
    """
    delay = os.environ.get(DELAY_ENV)
    if delay:
        step_id, _, seconds = delay.partition("=")
        if step_id.strip() == step.id:
            time.sleep(float(seconds))
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
