"""CSV/TSV reader: real files in tmp_path, every partitioning agrees with pandas."""

from __future__ import annotations

import bz2
import gzip
import os
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import LazyDataset, SourceSpec, open_source, parse_source
from brewdesk.engine.readers.csv import block_bounds
from brewdesk.recipes.model.types import ROWID, STRING_DTYPE


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def compute(ds: LazyDataset) -> pd.DataFrame:
    return ds.frame.compute().reset_index(drop=True)


def check_consistent(ds: LazyDataset) -> pd.DataFrame:
    """meta dtypes == every partition's dtypes; _rowid int64 and strictly increasing."""
    meta = ds.frame._meta
    assert list(meta.columns) == [*ds.schema, ROWID]
    parts = [ds.frame.get_partition(i).compute() for i in range(ds.npartitions)]
    for part in parts:
        assert part.dtypes.to_dict() == meta.dtypes.to_dict()
    df = pd.concat(parts, ignore_index=True) if parts else meta
    assert df[ROWID].dtype == np.dtype("int64")
    assert df[ROWID].is_unique and df[ROWID].is_monotonic_increasing
    return df


def values(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=ROWID).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# types


def test_types_inferred_once_with_canonical_dtypes(tmp_path: Path) -> None:
    p = write(
        tmp_path / "t.csv",
        "i,f,b,s,d,ts,zip,amb,none\n"
        "1,1.5,true,x,2020-01-02,2020-01-02 03:04:05,02134,01/02/2020,\n"
        "NA,,False,NA,2020-01-03,2020-01-02T03:04:05.123456,10001,03/04/2020,NA\n"
        "-3,1e3,TRUE,,,,00501,,\n",
    )
    ds = open_source(SourceSpec(str(p)))
    assert dict(ds.schema) == {
        "i": "int64", "f": "float64", "b": "boolean", "s": "string", "d": "datetime",
        "ts": "datetime", "zip": "string", "amb": "string", "none": "string",
    }
    df = check_consistent(ds)
    assert df["i"].dtype == pd.Int64Dtype() and df["i"].isna().tolist() == [False, True, False]
    assert df["f"].dtype == pd.Float64Dtype()
    assert df["b"].dtype == pd.BooleanDtype()
    assert df["s"].dtype == STRING_DTYPE and df["s"].isna().sum() == 2
    assert df["d"].dtype == np.dtype("datetime64[us]")
    assert df["ts"].iloc[1] == pd.Timestamp("2020-01-02 03:04:05.123456")
    assert df["zip"].tolist() == ["02134", "10001", "00501"]  # leading zeros stay text


def test_offsets_become_utc_and_mixed_offsets_stay_text(tmp_path: Path) -> None:
    p = write(tmp_path / "tz.csv", "a,b\n2020-01-01T10:00:00+02:00,2020-01-01T10:00:00Z\n2020-01-01T00:00:00Z,2020-01-01 10:00:00\n")
    ds = open_source(SourceSpec(str(p)))
    assert dict(ds.schema) == {"a": "datetime", "b": "string"}
    assert compute(ds)["a"].tolist() == [pd.Timestamp("2020-01-01 08:00"), pd.Timestamp("2020-01-01 00:00")]


def test_header_false_names_columns_like_databrew(tmp_path: Path) -> None:
    p = write(tmp_path / "h.csv", "1,a\n2,b\n")
    ds = open_source(SourceSpec(str(p), header=False))
    assert list(ds.schema) == ["column_1", "column_2"]
    assert values(compute(ds)).to_dict("list") == {"column_1": [1, 2], "column_2": ["a", "b"]}


def test_blank_duplicate_and_reserved_headers_are_renamed(tmp_path: Path) -> None:
    p = write(tmp_path / "h.csv", "id, ,id,_rowid\n1,2,3,4\n")
    assert list(open_source(SourceSpec(str(p))).schema) == ["id", "column_2", "id_2", "_rowid_2"]


@pytest.mark.parametrize("sep", [",", "\t", ";", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, sep: str) -> None:
    p = write(tmp_path / "s.txt", sep.join(["a", "b", "c"]) + "\n" + sep.join(["1", '"x, y"', "3"]) + "\n")
    df = compute(open_source(SourceSpec(str(p))))
    assert values(df).to_dict("list") == {"a": [1], "b": ["x, y"], "c": [3]}


def test_tsv_extension_and_format(tmp_path: Path) -> None:
    p = write(tmp_path / "t.tsv", "a\tb\n1\tx,y\n")
    assert values(compute(open_source(SourceSpec(str(p))))).to_dict("list") == {"a": [1], "b": ["x,y"]}


def test_column_types_override(tmp_path: Path) -> None:
    p = write(tmp_path / "o.csv", "a,b\n1,2\n")
    ds = open_source(SourceSpec(str(p), column_types={"a": "string", "b": "float64"}))
    assert dict(ds.schema) == {"a": "string", "b": "float64"}
    assert compute(ds)["a"].tolist() == ["1"]
    with pytest.raises(SourceError, match="unknown column"):
        open_source(SourceSpec(str(p), column_types={"zz": "string"}))


# ---------------------------------------------------------------------------------------------
# encodings and compression

EXPECTED = {"a": [1, 4], "b": [2, 5], "c": ["3", "ʤ"]}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plain.csv", "a,b,c\n1,2,3\n4,5,ʤ\n".encode()),
        ("bom.csv", b"\xef\xbb\xbf" + "a,b,c\n1,2,3\n4,5,ʤ\n".encode()),
        ("le.csv", "\ufeffa,b,c\r\n1,2,3\r\n4,5,ʤ\r\n".encode("utf-16-le")),
        ("be.csv", "\ufeffa,b,c\n1,2,3\n4,5,ʤ\n".encode("utf-16-be")),
        ("nobom16.csv", "a,b,c\n1,2,3\n4,5,ʤ\n".encode("utf-16-le")),
        ("g.csv.gz", gzip.compress("a,b,c\n1,2,3\n4,5,ʤ\n".encode(), mtime=0)),
        ("b.csv.bz2", bz2.compress(b"\xef\xbb\xbf" + "a,b,c\n1,2,3\n4,5,ʤ\n".encode())),
    ],
    ids=lambda v: v if isinstance(v, str) else "data",  # stable ids: pytest-xdist needs them
)
def test_encodings_and_compression(tmp_path: Path, name: str, data: bytes) -> None:
    ds = open_source(SourceSpec(str(write(tmp_path / name, data))))
    assert values(check_consistent(ds)).to_dict("list") == EXPECTED
    assert list(ds.schema) == ["a", "b", "c"]  # no BOM in the first name


def test_zip_and_utf16_are_single_streamed_partitions(tmp_path: Path) -> None:
    p = tmp_path / "z.csv.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("inner.csv", "a,b\n" + "".join(f"{i},x{i}\n" for i in range(5000)))
    ds = open_source(SourceSpec(str(p)))
    assert ds.npartitions == 1
    df = check_consistent(ds)
    assert len(df) == 5000 and df[ROWID].tolist() == list(range(5000))
    ds4 = open_source(SourceSpec(str(p)), npartitions=4)  # forced by repartitioning
    assert ds4.npartitions == 4
    pd.testing.assert_frame_equal(check_consistent(ds4), df)


def test_undecodable_bytes_name_the_byte_and_line(tmp_path: Path) -> None:
    p = write(tmp_path / "latin.csv", "a,b\n1,x\n2,caf\xe9\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin\.csv: byte 13 \(line 3\) is not valid UTF-8.*encoding="):
        open_source(SourceSpec(str(p)))
    ds = open_source(SourceSpec(str(p), encoding="latin-1"))
    assert compute(ds)["b"].tolist() == ["x", "café"]


def test_bad_utf8_in_a_later_block_names_the_line(tmp_path: Path) -> None:
    body = "".join(f"{i},ok\n" for i in range(300_000)).encode() + b"300000,caf\xe9\n"
    p = write(tmp_path / "late.csv", b"a,b\n" + body)
    ds = open_source(SourceSpec(str(p), blocksize=2**20))
    with pytest.raises(SourceError, match=r"late\.csv: byte \d+ \(line 300002\) is not valid UTF-8"):
        ds.frame.compute()


# ---------------------------------------------------------------------------------------------
# blocks


def quoted_newline_csv(n: int) -> str:
    rows = ["id,text,amount"]
    for i in range(n):
        text = f'"line {i}\nsecond ""quoted"" line, with comma"' if i % 3 == 0 else f"plain {i}"
        rows.append(f"{i},{text},{i * 0.5}")
    return "\n".join(rows) + "\n"


def test_quoted_newlines_across_block_boundaries(tmp_path: Path) -> None:
    p = write(tmp_path / "q.csv", quoted_newline_csv(3000))
    expected = pd.read_csv(p, keep_default_na=False)
    one = open_source(SourceSpec(str(p)), npartitions=1)
    many = open_source(SourceSpec(str(p), blocksize=4096))
    assert many.npartitions > 20
    df1, dfn = check_consistent(one), check_consistent(many)
    pd.testing.assert_frame_equal(df1, dfn)
    assert df1["text"].tolist() == expected["text"].tolist()
    assert df1["id"].tolist() == expected["id"].tolist()
    # the cuts really fell inside quoted fields before being moved to row starts
    lay = many.handle.layout  # type: ignore[union-attr]
    bounds = block_bounds(lay, many.npartitions)
    raw = [lay.data_start + (lay.size - lay.data_start) * i // many.npartitions for i in range(many.npartitions)]
    assert any(b != r for b, r in zip(bounds, raw, strict=False))
    data = p.read_bytes()
    for b in bounds[1:-1]:
        assert data[b - 1 : b] == b"\n" and data[lay.data_start : b].count(b'"') % 2 == 0


def test_rowid_is_the_byte_offset_of_the_row(tmp_path: Path) -> None:
    p = write(tmp_path / "r.csv", "a,b\n1,x\n\n2,y\r\n3,z")
    df = compute(open_source(SourceSpec(str(p))))
    data = p.read_bytes()
    assert df[ROWID].tolist() == [4, 9, 14]
    assert [data[o : o + 1] for o in df[ROWID]] == [b"1", b"2", b"3"]


@pytest.mark.parametrize("nparts", [1, 2, 3, 7])
def test_npartitions_forced_and_same_frame(tmp_path: Path, nparts: int) -> None:
    p = write(tmp_path / "n.csv", "a,b\n" + "".join(f"{i},{i % 7 or ''}\n" for i in range(2000)))
    ds = open_source(SourceSpec(str(p)), npartitions=nparts)
    assert ds.npartitions == nparts
    df = check_consistent(ds)
    expected = pd.read_csv(p, dtype_backend="numpy_nullable")
    assert df["a"].tolist() == expected["a"].tolist()
    assert df["b"].isna().sum() == expected["b"].isna().sum() and df["b"].dtype == pd.Int64Dtype()


def test_column_projection_reads_only_needed_columns(tmp_path: Path) -> None:
    p = write(tmp_path / "c.csv", "a,b,c\n" + "".join(f"{i},{i},x\n" for i in range(100)))
    ds = open_source(SourceSpec(str(p), blocksize=1024))
    assert int(ds.frame["b"].sum().compute()) == sum(range(100))
    assert ds.frame[["c", ROWID]].compute()["c"].eq("x").all()


# ---------------------------------------------------------------------------------------------
# errors


def test_ragged_row_names_the_line(tmp_path: Path) -> None:
    p = write(tmp_path / "rag.csv", "a,b,c\n1,2,3\n\n4,5\n6,7,8\n")
    with pytest.raises(SourceError, match=r"rag\.csv: line 4 has the wrong number of fields \(expected 3 columns, got 2\)"):
        open_source(SourceSpec(str(p))).frame.compute()


def test_ragged_row_in_a_later_block_names_the_exact_line(tmp_path: Path) -> None:
    lines = ["a,b"] + [f"{i},{i}" for i in range(300_000)]
    lines[250_000] = "oops"  # beyond the 2 MB read at open time
    p = write(tmp_path / "rag2.csv", "\n".join(lines) + "\n")
    ds = open_source(SourceSpec(str(p), blocksize=256 * 1024))
    with pytest.raises(SourceError, match=r"line 250001 has the wrong number of fields"):
        ds.frame.compute()


def test_value_not_fitting_the_inferred_type(tmp_path: Path) -> None:
    lines = ["n,s"] + [f"{i},x" for i in range(400_000)] + ["abc,y"]
    p = write(tmp_path / "late.csv", "\n".join(lines) + "\n")
    ds = open_source(SourceSpec(str(p), blocksize=2**20))
    assert ds.schema["n"] == "int64"
    with pytest.raises(SourceError) as err:
        ds.frame.compute()
    msg = str(err.value)
    assert "late.csv: line 400002, column 'n': value 'abc' is not int64" in msg
    assert "column_types={'n': 'string'}" in msg
    fixed = open_source(SourceSpec(str(p), blocksize=2**20, column_types={"n": "string"}))
    assert fixed.frame["n"].compute().iloc[-1] == "abc"


@pytest.mark.parametrize(
    ("name", "data", "pattern"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("blank.csv", b"\n\n", "the file is empty"),
        ("bin.csv", b"PAR1\x00\x01\x02" * 100, "is a Parquet file, not a CSV file"),
        ("junk.csv", bytes(range(256)) * 40, "does not look like a text"),
        ("bad.csv.gz", b"not gzip at all", "cannot"),
    ],
)
def test_unreadable_files_raise_source_error(tmp_path: Path, name: str, data: bytes, pattern: str) -> None:
    p = write(tmp_path / name, data)
    with pytest.raises(SourceError, match=pattern):
        open_source(SourceSpec(str(p))).frame.compute()


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"nope\.csv: file not found"):
        open_source(SourceSpec(str(tmp_path / "nope.csv")))
    with pytest.raises(SourceError, match="unknown source format"):
        SourceSpec("x.csv", format="cvs")
    with pytest.raises(SourceError, match="unknown source option 'delimeter'.*did you mean 'delimiter'"):
        parse_source("x.csv", delimeter=";")


def test_file_changed_after_opening(tmp_path: Path) -> None:
    p = write(tmp_path / "ch.csv", "a\n1\n2\n")
    ds = open_source(SourceSpec(str(p)))
    write(p, "a\n1\n2\n3\n")
    os.utime(p, ns=(1, 1))
    with pytest.raises(SourceError, match="changed after it was opened"):
        ds.frame.compute()


# ---------------------------------------------------------------------------------------------
# irregular files read in one stream


def test_stray_quotes_inside_fields_are_read_sequentially(tmp_path: Path) -> None:
    p = write(tmp_path / "stray.csv", "name,height\n" + "".join(f"p{i},5'{i % 12}\"\n" for i in range(3000)))
    ds = open_source(SourceSpec(str(p), blocksize=4096))
    assert ds.npartitions == 1  # the quote parity rule does not hold: not split
    df = check_consistent(ds)
    assert df["height"].iloc[11] == "5'11\"" and df[ROWID].tolist() == list(range(3000))


def test_classic_mac_line_breaks(tmp_path: Path) -> None:
    p = write(tmp_path / "mac.csv", b'a,b,c\r1,2,3\r"Once upon\ra time",5,6\r')
    df = compute(open_source(SourceSpec(str(p))))
    assert values(df).to_dict("list") == {"a": ["1", "Once upon\ra time"], "b": [2, 5], "c": [3, 6]}
