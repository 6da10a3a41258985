"""The engine entry points of the commands that read, plan or compute data.

Loading them loads the readers, the planner, the writers and so Dask (about 0.9 s), so the
command line (:mod:`brewdesk.cli`) loads this module only when such a command runs; ``--help``,
``--version``, ``ops``, ``connections`` (without connections), ``import-databrew`` and
``export-databrew`` start without Dask (``docs/architecture.md`` section 1).
"""

from __future__ import annotations

from brewdesk.engine.export_code import script
from brewdesk.engine.progress import rich_progress
from brewdesk.engine.readers import open_handle, parse_source
from brewdesk.engine.run import RunOptions, make_plan, open_inputs, parse_memory_limit, run_recipe
from brewdesk.engine.sampler import sample
from brewdesk.engine.writers import parse_dest
from brewdesk.engine.writers.base import mask_location

__all__ = [
    "RunOptions",
    "make_plan",
    "mask_location",
    "open_handle",
    "open_inputs",
    "parse_dest",
    "parse_memory_limit",
    "parse_source",
    "rich_progress",
    "run_recipe",
    "sample",
    "script",
]
