"""``python -m brewdesk`` and the ``brewdesk`` console script.

Loading the command line loads pandas and the operations (about half a second; Dask only when a
command reads data, :mod:`brewdesk.cli_engine`): a Ctrl-C in that time ends the program quietly
with status 130, as one during a command does (:func:`brewdesk.cli.entry`).
"""

from __future__ import annotations

import sys

try:
    from brewdesk.cli import entry
except KeyboardInterrupt:
    sys.stderr.write("cancelled\n")
    sys.exit(130)

__all__ = ["entry"]

if __name__ == "__main__":
    entry()
