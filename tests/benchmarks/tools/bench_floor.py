"""The floor: CSV to Parquet with pyarrow, no transform: ``python bench_floor.py RECIPE SRC DST``.

Run by ``bench_run.py``; RECIPE is ignored. Streaming: 32 MB blocks (about 350,000 rows), one
row group per block.
"""

import sys

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

_recipe, src, dst = sys.argv[1:4]
reader = pacsv.open_csv(src, read_options=pacsv.ReadOptions(block_size=32 * 2**20))
with pq.ParquetWriter(dst, reader.schema, compression="snappy") as writer:
    for batch in reader:
        writer.write_batch(batch)
