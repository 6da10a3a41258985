"""``brewdesk`` for ``bench_sql.py``: ``python sql_launch.py MODE ARGS...``.

``MODE`` ``insert`` switches the PostgreSQL COPY path off in this process only (the writer then
loads with ``executemany``, the path of other drivers); any other mode runs ``brewdesk ARGS...``
unchanged.
"""

import sys

from brewdesk.cli import main
from brewdesk.engine.writers import sql

if sys.argv[1] == "insert":
    sql._copy_cursor = lambda conn, plan: None
sys.exit(main(sys.argv[2:]))
