"""Time to first rows in a fresh process: ``python first_rows.py PATH N``.

Run by ``bench_app.py`` (measure (a)). Prints one JSON object: the seconds spent importing the
reader and sampler, the seconds to open ``PATH`` and read its first ``N`` rows (layout and type
inference included), and the rows read.
"""

import json
import sys
import time

t0 = time.perf_counter()
from brewdesk.engine.readers import parse_source  # noqa: E402 - the imports are what is timed
from brewdesk.engine.sample_spec import SampleMethod, SampleSpec  # noqa: E402
from brewdesk.engine.sampler import sample  # noqa: E402

t1 = time.perf_counter()
df = sample(parse_source(sys.argv[1]), SampleSpec(SampleMethod.FIRST_N, int(sys.argv[2])))
t2 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "first_rows": t2 - t1, "rows": len(df)}))
