"""Writers: Dask frames to files and database tables, safely (docs/architecture.md section 7).

Public API::

    parse_dest(text, **options) -> DestSpec       # "out.csv.gz", "sqlite:///o.db?table=t", ...
    check_destination(dest) -> None                # cheap pre-flight, before any work
    write(frame, dest, *, compute=dask.compute, schema=None) -> OutputReport
                                                   # schema: planned types (recipes.Schema)

Every output is written to a hidden staging place, verified, and only then swapped into place
(files and folders) or committed (SQL, one transaction). A failure leaves the old destination
exactly as it was. See :mod:`.base` for formats and options, :mod:`.staging` for the swap,
:mod:`.sql` for tables.
"""

from .base import FORMATS, DestSpec, OutputReport, parse_dest
from .core import write
from .preflight import check_destination
from .staging import MANIFEST

__all__ = [
    "FORMATS",
    "MANIFEST",
    "DestSpec",
    "OutputReport",
    "check_destination",
    "parse_dest",
    "write",
]
