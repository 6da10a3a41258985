"""Peak memory of the app's preview work: ``python peak_memory.py PATH N RECIPE [--no-qt]``.

Run by ``bench_app.py`` (measure (c)) in a fresh process: creates a QApplication (offscreen;
not with ``--no-qt``), reads the first ``N`` rows of ``PATH``, keeps the preview after every step
of ``RECIPE`` (the app's prefix cache) and prints one JSON object with the peak resident set
(MiB) after the imports, after the sample and at the end, the cache size and the rows.
"""

import json
import resource
import sys


def rss() -> float:
    """This process's peak resident set so far, in MiB (``ru_maxrss`` is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


path, n, recipe = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if "--no-qt" not in sys.argv[4:]:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
from brewdesk.engine.readers import parse_source  # noqa: E402 - after Qt, as in the app
from brewdesk.engine.sample_spec import SampleMethod, SampleSpec  # noqa: E402
from brewdesk.engine.sampler import sample  # noqa: E402
from brewdesk.recipes.model.recipe import Recipe  # noqa: E402
from brewdesk.recipes.model.runner import run_pandas  # noqa: E402

base = rss()
df = sample(parse_source(path), SampleSpec(SampleMethod.FIRST_N, n))
after_sample = rss()
frames = run_pandas(Recipe.load(recipe), df, keep_intermediate=True)
cache = sum(int(f.memory_usage(deep=True).sum()) for f in frames) / 2**20
print(json.dumps({"base": base, "sample": after_sample, "peak": rss(), "cache_mb": cache, "rows": len(df)}))
