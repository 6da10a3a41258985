"""Hostile-input corpus (issue 5): every file either parses as expected or is refused clearly.

The 168 files of ``tests/data/corpus`` (copied unmodified from public test suites; see
``MANIFEST.md`` there and keep ``LICENSES/`` beside them) go through the reader three ways:
``open_source(...).frame.compute()``, the same with 3 partitions, and a FIRST_N sample. Each
must give the rows this file's ``EXPECT`` table (written from MANIFEST.md / expected.json)
gives, or raise :class:`SourceError` naming the file and matching the expected problem (line,
column, sheet). Any other exception, a read over :data:`TIMEOUT` seconds, or rows that differ
from the expectation fail. ``expected.json`` only describes expectations in prose, so the
table below turns each into values; where upstream ships an expected-output file
(``*.expected.json``, ``*_converted.csv``) the rows are taken from it.

Cells are compared by :func:`cell_ok`: a typed value must equal the expected text under its
type (``"1"`` vs ``1``, ``"2014-01-02"`` vs a Timestamp, ``""`` vs missing).
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import datetime as dt
import io
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import SourceSpec, open_source
from brewdesk.engine.sample_spec import SampleSpec
from brewdesk.engine.sampler import sample
from brewdesk.recipes.model.types import ROWID

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
TIMEOUT = 20.0
NA_TEXT = {"", "NA", "N/A", "NULL", "null", "NaN", "nan"}

# ---------------------------------------------------------------------------------------------
# expectations


@dataclass
class Rows:
    """Expected parse: ``header`` (None: not checked) and ``data`` rows (or a reference file)."""

    header: list[str] | None
    data: list[list[Any]] | None = None
    ref: str | None = None  # reference file giving the rows, relative to the corpus
    opts: dict[str, Any] = field(default_factory=dict)


@dataclass
class Refuse:
    """Expected refusal: a SourceError naming the file whose message matches ``pattern``."""

    pattern: str
    opts: dict[str, Any] = field(default_factory=dict)


def rows(names, data, /, **opts) -> Rows:
    return Rows(names, data, opts=opts)


def ref(path: str, names: list[str] | None = None, /, **opts) -> Rows:
    return Rows(names, ref=path, opts=opts)


def same_as_python_csv(**opts) -> Rows:
    """Rows = Python's csv module (strict quoting) on the file: used where MANIFEST says
    "Verified with Python csv"; header names stripped, blanks -> ``column_<i>``."""
    return Rows(None, ref="<self>", opts=opts)


def refuse(pattern: str, **opts) -> Refuse:
    return Refuse(pattern, opts)


TABLE = [[1, "english"], [2, "中国人"]]
LINT3 = [["Biff", "Baff", "Boff"], ["Qux", "Teaspoon", "Doge"]]
UTF8_ROWS = [[1, 2, "3"], [4, 5, "ʤ"]]
XLSX_CONVERTED = "excel/csvkit/testxlsx_converted.csv"

EXPECT: dict[str, list[Rows | Refuse]] = {
    # --- csv-spectrum: the .csv against upstream's .expected.json (header-keyed, all text)
    "csv/spectrum/location_coordinates.csv": [rows(
        ["Contact Phone Number", "Location Coordinates", "Cities", "Counties"],
        # upstream JSON is wrong (MANIFEST); U+FFFD bytes are in the file and are kept
        [[2095257564, "37\ufffd36'37.8\"N 121\ufffd2'17.9\"W", "Modesto", "Stanislaus"]])],
    "csv/spectrum/location_coordinates.expected.json": [refuse(r"JSON document is an object")],
    # --- csvkit
    "csv/csvkit/bad.csv": [refuse(r"line 2 has the wrong number of fields \(expected 3 columns, got 4\)")],
    "csv/csvkit/blanks.csv": [
        rows(list("abcdef"), [[None, None, None, "NONE", None, "."]]),  # default NA markers
        rows(list("abcdef"), [[None, "NA", "N/A", "NONE", "NULL", "."]], na_values=("",)),
    ],
    "csv/csvkit/blanks_converted.csv": [rows(list("abcdef"), [[None] * 6])],
    "csv/csvkit/mac_newlines.csv": [rows(list("abc"), [["1", 2, 3], ["Once upon\ra time", 5, 6]])],
    "csv/csvkit/null_byte.csv": [rows(list("abc"), [["\x00", 2, 3]])],
    "csv/csvkit/optional_quote_characters.csv": [rows(list("abc"), [[1, 2, 3]])],
    # header names are stripped of surrounding whitespace (csvlayout docs)
    "csv/csvkit/test_header_newline.csv": [rows(["start \t\n\x0b\x0c\r end", "b", "c"], [["d", "e", "f"]])],
    "csv/csvkit/test_locale.csv": [rows(list("abc"), [["1,7", "200.000.000", None]])],
    "csv/csvkit/test_locale_converted.csv": [rows(list("abc"), [[1.7, 200000000, None]])],
    "csv/csvkit/test_date_format.csv": [rows(["a"], [["02/01/2014"], ["31/12/2012"]])],
    "csv/csvkit/test_date_format_converted.csv": [rows(["a"], [["2014-01-02"], ["2012-12-31"]])],
    "csv/csvkit/test_numeric_date_format.csv": [rows(["a"], [[20140102], [20121231]])],
    "csv/csvkit/date_like_number.csv": [rows(["a"], [[4.5]])],
    "csv/csvkit/test_no_leading_zeroes.csv": [rows(list("abc"), [["01", "00.11", 0.1]])],
    "csv/csvkit/test_empty_columns.csv": [refuse(r"line 3 has the wrong number of fields \(expected 5 columns, got 4\)")],
    "csv/csvkit/test_empty_columns_short_row.csv": [refuse(r"line 2 .*expected 3 columns, got 2")],
    "csv/csvkit/test_empty_columns_long_row.csv": [refuse(r"line 2 .*expected 3 columns, got 4")],
    "csv/csvkit/test_extra_header.csv": [refuse(r"line 2 .*expected 4 columns, got 3")],
    "csv/csvkit/test_skip_lines.csv": [rows(list("abc"), [[1, 2, 3]])],
    "csv/csvkit/sniff_limit.csv": [rows(list("abc"), [[1, 2, 3]])],
    "csv/csvkit/test_utf8.csv": [rows(["foo", "bar", "baz"], UTF8_ROWS)],
    "csv/csvkit/test_utf8_bom.csv": [rows(["foo", "bar", "baz"], UTF8_ROWS)],
    "csv/csvkit/test_latin1.csv": [
        refuse(r"byte 16 \(line 3\) is not valid UTF-8"),
        rows(list("abc"), [[1, 2, "3"], [4, 5, "©"]], encoding="latin-1"),
    ],
    "csv/csvkit/test_utf16_big.csv": [rows(list("abc"), UTF8_ROWS)],
    "csv/csvkit/test_utf16_little.csv": [rows(list("abc"), UTF8_ROWS)],
    "csv/csvkit/dummy.csv": [rows(list("abc"), [[1, 2, 3]])],
    "csv/csvkit/dummy.csv.gz": [rows(list("abc"), [[1, 2, 3]])],
    "csv/csvkit/dummy.csv.bz2": [rows(list("abc"), [[1, 2, 3]])],
    "csv/csvkit/dummy.tsv": [rows(list("abc"), [[1, 2, 3]])],
    "csv/csvkit/empty.csv": [refuse(r"the file is empty")],
    "csv/csvkit/no_header_row.csv": [
        rows(["column_1", "column_2", "column_3"], [[1, 2, 3]], header=False),
        rows(["1", "2", "3"], []),  # header=True (default): the one line is the header
    ],
    # MANIFEST says 1.23456789012345678901234567890; the file holds 1.234567 (no newline)
    "csv/csvkit/test_precision.csv": [rows(["a"], [[1.234567]])],
    "csv/csvkit/sort_ints_nulls.csv": [rows(list("abc"), [[1, 2, 3], [4, None, 6], [5, 1, 7]])],
    "csv/csvkit/test_geojson.csv": [same_as_python_csv()],
    "csv/csvkit/testjson_multiline.json": [ref("csv/csvkit/testjson_multiline_converted.csv")],
    "csv/csvkit/testjson_nested.json": [rows(
        ["text", "float", "datetime", "boolean", "nested"],
        [["Chicago Reader", 1.0, "1971-01-01T04:14:00", True,
          {"time": "04:14:00", "nested": {"date": "1971-01-01", "integer": 40}}],
         ["Chicago Sun-Times", 1.27, "1948-01-01T14:57:13", True,
          {"time": "14:57:13", "nested": {"date": "1948-01-01", "integer": 63}}]])],
    # --- csvlint
    "csv/csvlint/cr-line-endings.csv": [rows(["Foo", "Bar", "Baz"], LINT3)],
    "csv/csvlint/crlf-line-endings.csv": [rows(["Foo", "Bsr", "Baz"], LINT3)],
    "csv/csvlint/lf-line-endings.csv": [rows(["Foo", "Bsr", "Baz"], LINT3)],
    "csv/csvlint/inconsistent-line-endings.csv": [rows(["Foo", "Bsr", "Baz"], LINT3)],
    "csv/csvlint/inconsistent-line-endings-unquoted.csv": [rows(["Foo", "Bsr", "Baz"], LINT3)],
    "csv/csvlint/invalid-byte-sequence.csv": [
        refuse(r"byte \d+ \(line 1\) is not valid UTF-8"),
        same_as_python_csv(encoding="iso-8859-1"),
    ],
    # no title-row detection: the title becomes the header, every real row is kept as data
    "csv/csvlint/title-row.csv": [rows(["This is a title row", "column_2", "column_3"],
                                       [["Foo", "Bsr", "Baz"], *LINT3])],
    # lenient parsing returns [1, 2, '3 "'] for line 4: refused (reader fix, this commit)
    "csv/csvlint/invalid_many_rows.csv": [refuse(r"line 4 has text after the closing quote")],
    "csv/csvlint/valid_many_rows.csv": [same_as_python_csv()],
    "csv/csvlint/windows-line-endings.csv": [rows(list("abc"), [["d", "e", "f"]])],
    "csv/csvlint/valid.csv": [rows(["Foo", "Bar", "Baz"], [[1, 2, 3], [3, 2, 1]])],
    "csv/csvlint/spreadsheet.xlsx": [
        rows(list("abc"), []),  # read as Excel by its extension
        refuse(r"is a zip archive \(Excel\?\), not a CSV file", format="csv"),
    ],
    # --- frictionless
    "csv/frictionless/blank-headers.csv": [rows(["id", "column_2", "age"], [[1101, "John", 30], [1102, "Julie", 26]])],
    "csv/frictionless/duplicate-headers.csv": [
        rows(["id", "name", "id_2", "age", "id_3"], None),
        rows(["id", "name", "id_2", "age", "id_3"], [[1101, "John", 0, 30, "001101"], [1102, "Julie", 0, 26, "001102"]]),
    ],
    "csv/frictionless/defective-rows.csv": [refuse(r"line 2 .*expected 3 columns, got 2")],
    "csv/frictionless/blank-rows.csv": [same_as_python_csv()],
    "csv/frictionless/blank-rows-multiple.csv": [same_as_python_csv()],
    "csv/frictionless/structure-errors.csv": [refuse(r"line 5 .*expected 3 columns, got 6")],
    "csv/frictionless/schema-errors.csv": [refuse(r"line 5 .*expected 3 columns, got 6")],
    "csv/frictionless/bom.csv": [rows(["id", "name"], TABLE)],
    "csv/frictionless/latin1.csv": [refuse(r"\(line 3\) is not valid UTF-8"), same_as_python_csv(encoding="latin-1")],
    "csv/frictionless/table-infer-iso-8859-7.csv": [
        refuse(r"\(line 2\) is not valid UTF-8"), same_as_python_csv(encoding="iso-8859-7"),
    ],
    # RFC 4180: a quote that does not start a field is data (as Python csv, strict or not);
    # the upstream parse needs skipinitialspace + backslash escapes, options Brewdesk lacks
    "csv/frictionless/escaping.csv": [rows(["ID", "Test"], [
        [1, ' "Test line 1"'], [2, ' "Test "" line 2"'], [3, ' "Test \\" line 3"']])],
    "csv/frictionless/doublequote.csv": [same_as_python_csv()],
    "csv/frictionless/leading-zeros.csv": [rows(["value"], [["01"], ["002"], ["00003"]])],  # text kept
    "csv/frictionless/matrix-with-comment.csv": [refuse(r"line 2 .*expected 1 columns, got 4")],
    "csv/frictionless/skip-rows.csv": [refuse(r"line 2 .*expected 1 columns, got 2")],
    "csv/frictionless/skip-rows-before-headers.csv": [refuse(r"line 2 .*expected 1 columns, got 2")],
    "csv/frictionless/table-delimiter.csv": [rows(["id", "name"], TABLE)],
    "csv/frictionless/issue-1009-semicolon.csv": [rows(["fieldNameA", "fieldNameB"], [["0123", "c"]])],
    "csv/frictionless/without-headers.csv": [rows(["column_1", "column_2"], [*TABLE, [3, "german"]], header=False)],
    "csv/frictionless/without-headers-extra.csv": [
        refuse(r"line 3 .*expected 2 columns, got 3"), refuse(r"line 3 .*expected 2 columns, got 3", header=False),
    ],
    "csv/frictionless/table-infer-missing-values.csv": [same_as_python_csv()],
    "csv/frictionless/timezone.csv": [same_as_python_csv()],
    "csv/frictionless/numeric-labels.csv": [same_as_python_csv()],
    "csv/frictionless/duplicate-column.csv": [rows(["A", "B", "B_2", "C"], None), same_as_python_csv()],
    "csv/frictionless/nested.csv": [same_as_python_csv()],
    "csv/frictionless/accent.csv": [same_as_python_csv()],
    "csv/frictionless/issue-1066-largecellsize.csv": [same_as_python_csv()],
    "csv/frictionless/table.csv": [rows(["id", "name"], TABLE)],
    "csv/frictionless/table.csv.gz": [rows(["id", "name"], TABLE)],
    "csv/frictionless/table.csv.bz2": [rows(["id", "name"], TABLE)],
    "csv/frictionless/table.csv.xz": [rows(["id", "name"], TABLE)],
    "csv/frictionless/table.csv.zip": [rows(["id", "name"], TABLE)],
    "csv/frictionless/table.tsv": [rows(["id", "name"], [*TABLE, [3, "\\N"]])],
    "other/frictionless/table.jsonl": [rows(["id", "name"], TABLE)],
    "other/frictionless/table.ndjson": [rows(["id", "name"], TABLE)],
    "other/frictionless/table.json": [rows(["id", "name"], TABLE)],
    "other/frictionless/table.keyed.json": [rows(["id", "name"], TABLE)],
    "other/frictionless/table.parquet": [rows(["id", "name"], TABLE)],
    "other/frictionless/table.ods": [refuse(r"cannot open as an Excel workbook .*\.ods")],
    "other/frictionless/sqlite.db": [
        refuse(r"say which table to read .*test_table"),
        rows(["id", "name"], [[1, "foo"], [2, "bar"], [3, "baz"]], table="test_table"),
    ],
    "csv/frictionless/empty.csv": [refuse(r"the file is empty")],
    "csv/frictionless/without-rows.csv": [rows(["id", "name"], [])],
    # --- Excel: calamine
    "excel/calamine/date.xlsx": [rows(["column_1", "column_2"], [
        [dt.datetime(2021, 1, 1), 15], [dt.datetime(2021, 1, 2), 16],
        [dt.timedelta(days=10, hours=15, minutes=10, seconds=10), 17]], header=False)],
    "excel/calamine/date_1904.xlsx": [rows(["column_1", "column_2"], [
        [dt.datetime(2021, 1, 1), 15], [dt.datetime(2021, 1, 2), 16],
        [dt.timedelta(days=10, hours=15, minutes=10, seconds=10), 17]], header=False)],
    "excel/calamine/date_iso.xlsx": [rows(["column_1"], [
        ["2021-01-01"], ["2021-01-01T10:10:10"], ["10:10:10"],
        ["This workbook contains datetime in ISO 8601"],
        ["Please, check source code of the file, if you resave it"],
        ["Created with openpyxl, see https://openpyxl.readthedocs.io/en/latest/datetime.html#using-the-iso-8601-format"]],
        header=False)],
    "excel/calamine/merge_cells.xlsx": [rows(["Row Merge", "column_2", "Not Merged"], [["Column Merge", "Chunk Merged", None]])],
    "excel/calamine/merged_range.xlsx": [rows(["A1", "B1", "C1", "column_4", "E1", "F1", "G1", "H1"], [
        ["A3", "B3", "C3", None, "E3", "F3", "G3", "H3"], ["A4", "B4", "C4", None, "E4", "F4", "G4", "H4"]])],
    "excel/calamine/empty_sheet.xlsx": [refuse(r"sheet 'Sheet1' is empty")],
    "excel/calamine/any_sheets.xlsx": [
        rows(["1", "2"], [["3", 4], ["5", 6], ["This workbook contains 4 sheets: Visible, Hidden, VeryHidden and Chart", None]]),
        refuse(r"sheet 'Hidden' is empty", sheet="Hidden"),
        refuse(r"no sheet named 'Nope'", sheet="Nope"),
    ],
    # error cells are reported with sheet and cell, never turned into blanks unnoticed
    "excel/calamine/errors.xlsx": [
        refuse(r"sheet 'Feuil1' cell A1 holds the Excel error #DIV/0!"),
        refuse(r"sheet 'Feuil1' is empty", excel_errors="null"),  # every cell an error
    ],
    "excel/calamine/header-row.xlsx": [refuse(r"sheet 'Sheet1' cell D9 holds a value beyond the last column")],
    "excel/calamine/temperature-in-middle.xlsx": [rows(["column_1", "label", "value"], [[None, "celsius", 22.2222], [None, "fahrenheit", 72]])],
    "excel/calamine/no-header.xlsx": [rows(["column_1", "column_2"], [["a", 0], ["b", 1]], header=False)],
    # OOXML escape _x000D_ decoded (reader fix, this commit); openpyxl left it raw
    "excel/calamine/has_x000D_.xlsx": [rows(["ABC\r\nDEF"], [])],
    "excel/calamine/whitespace_trim.xlsx": [rows(
        ["trimmed value", "value with tabs", "column_3", "clean text"],
        [["  line1\nline2  ", "  line1\nline2  ", None, None], ["日期 时间", None, None, None]])],
    "excel/calamine/issue_174.xlsx": [rows(
        ["Your Ref #", "Contact Name", "Contact Number", "Address", "City", "Weight", "Pieces",
         "Material Cost", "SPL Instruction", "Remarks", "Your Company"],
        [[123, "Test Contact Name", "Test Contact Number", "Hello Address", "My City", 1.5, 1, 1.201,
          "Nothing SPL", "No Remarks", "My Company?"]])],
    "excel/calamine/table-multiple.xlsx": [rows(["Item", "Type", "Quantity"], [[1, "Apple", 50], [2, "Banana", 200], [3, "Orange", 60], [4, "Pear", 100]])],
    "excel/calamine/formula.issue.xlsx": [refuse(r"sheet 'Sheet1' cell G13 holds a value beyond the last column")],
    "excel/calamine/empty_shared_string.xlsx": [rows(["abc"], [])],  # '' cell = blank row, skipped
    "excel/calamine/pass_protected.xlsx": [refuse(r"password-protected")],
    "excel/calamine/too_small.xls": [refuse(r"old binary Excel format \(\.xls\) is not supported")],
    # --- Excel: frictionless
    "excel/frictionless/merged-cells.xlsx": [rows(["data"], []), rows(["column_1"], [["data"]], header=False)],
    "excel/frictionless/multiline-headers.xlsx": [refuse(r"sheet 'Лист1' cell D4 holds a value beyond")],
    "excel/frictionless/preserve-formatting.xlsx": [rows(
        ["empty", "0", "0.00", "0.0000", "0.00000", "0.0000#", "m/d/yy", "d-mmm", "mm/dd/yy", "mmddyy", "mmddyyam/pmdd"],
        [[None, *[1000.5577] * 5, *["2040-05-20"] * 5]])],  # stored values, not display text
    "excel/frictionless/adjust-floating-point-error.xlsx": [rows(None, None)],
    "excel/frictionless/number-format-multicode.xlsx": [rows(["col1"], [[4.51119775197299], [-9.03233986479077], [15.7929464439101]])],
    "excel/frictionless/sheets.xlsx": [
        rows(["id", "name"], [[1, "london"]]), rows(["id", "name"], [[2, "paris"]], sheet=1),
        rows(["id", "name"], [[3, "rome"]], sheet="Sheet3"),  # 'id ' stripped
    ],
    "excel/frictionless/skip-rows.xlsx": [refuse(r"sheet 'Sheet 1' cell B2 holds a value beyond")],
    "excel/frictionless/table-infer-boolean.xlsx": [rows(["number", "string", "boolean"], [[1, "two", True], [3, "four", False]])],
    "excel/frictionless/cast-int-to-string-issue-1251.xlsx": [rows(list("ABCDE"), [["001", "b", 1, "a", 1], ["002", "c", 1, "1", 1]])],
    "excel/frictionless/issue-1024.xlsx": [refuse(r"sheet 'IPC' cell AN10 holds a value beyond")],
    # --- Excel: csvkit (an unnamed 8th column holds data: refused rather than trimmed)
    "excel/csvkit/test.xlsx": [refuse(r"sheet 'Sheet1' cell H3 holds a value beyond the last column with a header \(G\)")],
    "excel/csvkit/sheets.xlsx": [
        refuse(r"sheet 'not this one' is empty"),
        refuse(r"sheet 'data' cell H3 holds a value beyond", sheet="data"),
        rows(list("abc"), [[1, 2, 3]], sheet="ʤ"),
    ],
    "excel/csvkit/test_skip_lines.xlsx": [refuse(r"sheet 'Sheet1' cell H6 holds a value beyond")],
    "excel/csvkit/testxlsx_converted.csv": [same_as_python_csv()],
    # --- Excel: SheetJS
    "excel/sheetjs/merge_cells.xlsx": [rows(["A1:B2", "column_2", "C1:C2", "Separate blocks"],
                                            [["A3:B3", None, "C3", None], ["… are merged separately", None, None, None]])],
    "excel/sheetjs/merge_cells.xlsx.xml": [refuse(r"cannot tell the format of merge_cells\.xlsx\.xml")],
    "excel/sheetjs/sheet_visibility.xlsx": [rows(["v", "i", "s", "i_2", "b", "l", "e"], [[118, 105, 115, 105, 98, 108, 101]])],
    "excel/sheetjs/mixed_sheets.xlsx": [rows(["type", "name"], [["note", "type"]])],
    # openpyxl 3.1.5 crashes on this streaming-writer file (no default style): clear refusal
    "excel/sheetjs/xlsx-stream-d-date-cell.xlsx": [refuse(r"openpyxl cannot read this workbook")],
    "excel/sheetjs/xlsx-stream-d-date-cell.xlsx.xml": [refuse(r"cannot tell the format of")],
    "excel/sheetjs/formulae_test_simple.xlsx": [
        refuse(r"sheet 'Sheet1' cell A6 holds the Excel error #VALUE!"),
        rows(["column_1", "column_2", "column_3", "column_4"],
             [[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3], [4, 4, 4, 4], [5, 5, 5, 5], [None, 55, None, 55]],
             header=False, excel_errors="null"),
    ],
}

KNOWN_GAPS: dict[str, str] = {}
"""Files whose reading is still wrong, with the reason. Must equal the failing set exactly."""


def _defaults(rel: str) -> list[Rows | Refuse]:
    """Expectations derived from upstream expected-output files next to the input."""
    if rel in EXPECT:
        return EXPECT[rel]
    if rel.startswith("csv/spectrum/") and rel.endswith(".csv"):
        return [ref(rel.removesuffix(".csv") + ".expected.json")]
    if rel.startswith("csv/csvw/") and rel.endswith(".csv"):
        return [ref(rel.removesuffix(".csv") + ".expected.json")]
    if rel.startswith("csv/csvw/") and rel.endswith(".expected.json"):
        return [refuse(r"JSON document is an object")]
    if rel.endswith(".expected.json"):  # csv-spectrum arrays of records: read like json.load
        return [ref(rel)]
    if rel.endswith("_converted.csv"):
        return [same_as_python_csv()]
    return []


# ---------------------------------------------------------------------------------------------
# reading and comparing


def _spec(rel: str, opts: dict[str, Any]) -> SourceSpec:
    opts = dict(opts)
    path = str(CORPUS / rel)
    if rel.endswith(".db"):
        table = opts.pop("table", None)
        return SourceSpec(f"sqlite:///{path}", format="sql", table=table, **opts)
    return SourceSpec(path, **opts)


def read_three_ways(spec: SourceSpec) -> pd.DataFrame:
    """Full read (1 and 3 partitions) and a FIRST_N sample; they must agree."""
    full = open_source(spec).frame.compute().reset_index(drop=True)
    parts = open_source(spec, npartitions=3).frame.compute().reset_index(drop=True)
    head = sample(spec, SampleSpec(size=1000)).reset_index(drop=True)
    pd.testing.assert_frame_equal(parts, full, obj="3 partitions vs 1")
    pd.testing.assert_frame_equal(head, full.iloc[:1000], obj="FIRST_N sample vs full read")
    return full


def _is_na(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


def cell_ok(actual: Any, expected: Any) -> bool:
    """``actual`` (as read) equals ``expected`` (a value, or source text under actual's type)."""
    if _is_na(actual):
        return expected is None or (isinstance(expected, str) and expected in NA_TEXT)
    if expected is None:
        return False
    if isinstance(expected, str) and not isinstance(actual, str):
        text = expected.strip()
        if isinstance(actual, bool):
            return text.lower() in (("true", "t", "yes", "1") if actual else ("false", "f", "no", "0"))
        if isinstance(actual, int | float):
            try:
                return float(text) == float(actual)
            except ValueError:
                return False
        if isinstance(actual, dt.datetime | pd.Timestamp):
            try:
                return pd.Timestamp(text) == pd.Timestamp(actual)
            except ValueError:
                return False
        return False
    if isinstance(actual, float) or isinstance(expected, float):
        return not isinstance(expected, str) and float(actual) == float(expected)
    if isinstance(actual, pd.Timestamp):
        actual = actual.to_pydatetime()
    return actual == expected


def _python_rows(frame: pd.DataFrame) -> tuple[list[str], list[list[Any]]]:
    data = frame.drop(columns=ROWID)
    values = [[None if _is_na(v) else v for v in row] for row in data.astype(object).itertuples(index=False)]
    values = [[v.item() if hasattr(v, "item") and not isinstance(v, str | dict | list) else v for v in r] for r in values]
    return list(data.columns), values


def _names(raw: list[str]) -> list[str]:
    out = []
    for i, n in enumerate(raw, 1):
        n = n.strip() or f"column_{i}"
        out.append(n if n not in out else f"{n}_2")
    return out


def _reference(exp: Rows, rel: str) -> tuple[list[str] | None, list[list[Any]]]:
    csv.field_size_limit(2**31 - 1)
    if exp.ref == "<self>":
        enc = exp.opts.get("encoding") or "utf-8-sig"
        with open(CORPUS / rel, encoding=enc, newline="") as f:
            text = f.read()
        try:
            delim = exp.opts.get("delimiter") or csv.Sniffer().sniff(text[:4096], ",;\t|").delimiter
        except csv.Error:
            delim = ","
        recs = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True) if r]
        return _names(recs[0]), recs[1:]
    path = CORPUS / exp.ref
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as f:
            recs = [r for r in csv.reader(f, strict=True) if r]
        return _names(recs[0]), recs[1:]
    doc = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(doc, dict):  # CSVW: tables[0].row[*].describes[0]
        doc = [r["describes"][0] for r in doc["tables"][0]["row"]]
    header = list(doc[0]) if doc else []
    return header, [[d.get(k) for k in header] for d in doc]


def check(rel: str, exp: Rows | Refuse) -> str:
    """Run one expectation; return "parsed" or "refused", raise AssertionError otherwise."""
    spec = _spec(rel, exp.opts)
    try:
        frame = read_three_ways(spec)
    except SourceError as exc:
        msg = str(exc)
        if not isinstance(exp, Refuse):
            raise AssertionError(f"{rel} {exp.opts}: refused but expected rows: {msg}") from exc
        name = os.path.basename(rel)
        assert name in msg or rel.endswith(".db"), f"{rel}: the message does not name the file: {msg}"
        assert re.search(exp.pattern, msg), f"{rel}: message {msg!r} does not match {exp.pattern!r}"
        return "refused"
    if isinstance(exp, Refuse):
        raise AssertionError(f"{rel} {exp.opts}: read {frame.shape} but expected a refusal ({exp.pattern})")
    header, data = _python_rows(frame)
    want_header, want = exp.header, exp.data
    if exp.ref is not None:
        ref_header, want = _reference(exp, rel)
        want_header = want_header or ref_header
    if want_header is not None:
        assert header == want_header, f"{rel}: header {header} != {want_header}"
    if want is not None:
        assert len(data) == len(want), f"{rel}: {len(data)} rows != {len(want)}:\n{data}\n{want}"
        for i, (got, exp_row) in enumerate(zip(data, want, strict=True)):
            assert len(got) == len(exp_row), f"{rel} row {i}: {got} vs {exp_row}"
            bad = [(c, g, e) for c, g, e in zip(header, got, exp_row, strict=True) if not cell_ok(g, e)]
            assert not bad, f"{rel} row {i}: cells differ (column, read, expected): {bad}"
    return "parsed"


# ---------------------------------------------------------------------------------------------
# the test


def _corpus_files() -> list[str]:
    entries = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    return [e["file"] for e in entries]


def _run_file(rel: str) -> list[str]:
    exps = _defaults(rel)
    assert exps, f"{rel}: no expectation written for this corpus file"
    return [check(rel, e) for e in exps]


def test_corpus_is_complete_and_licensed():
    files = _corpus_files()
    assert len(files) == 168
    assert (CORPUS / "MANIFEST.md").is_file() and (CORPUS / "LICENSES").is_dir()
    assert all((CORPUS / f).is_file() for f in files)
    assert set(EXPECT) <= set(files), sorted(set(EXPECT) - set(files))


def test_every_corpus_file_parses_as_expected_or_is_refused_clearly(capsys):
    pool = cf.ThreadPoolExecutor(max_workers=4)
    outcome: dict[str, str] = {}
    failures: dict[str, str] = {}
    try:
        futures = {rel: pool.submit(_run_file, rel) for rel in _corpus_files()}
        for rel, fut in futures.items():
            try:
                kinds = fut.result(timeout=TIMEOUT)
                outcome[rel] = "parsed" if kinds[0] == "parsed" else "refused"
            except cf.TimeoutError:
                failures[rel] = f"no answer within {TIMEOUT} s (hang?)"
            except AssertionError as exc:
                failures[rel] = str(exc)[:500]
            except Exception as exc:  # a raw, non-Brewdesk exception is a failure
                failures[rel] = f"raw {type(exc).__name__}: {exc}"[:500]
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    parsed = sum(v == "parsed" for v in outcome.values())
    refused = sum(v == "refused" for v in outcome.values())
    total = len(outcome) + len(failures)
    with capsys.disabled():
        print(f"\ncorpus: {total} files: {parsed} parsed as expected, {refused} refused clearly, "
              f"{len(failures)} failing ({len(KNOWN_GAPS)} known gaps); "
              f"acceptable {100 * len(outcome) / total:.1f}%")
        for rel, why in failures.items():
            print(f"  FAIL {rel}: {why}")
    assert set(failures) == set(KNOWN_GAPS), {k: failures.get(k, "now passes") for k in set(failures) ^ set(KNOWN_GAPS)}


# ---------------------------------------------------------------------------------------------
# hand-made awkward files and the reader fixes the corpus led to


def _read(tmp_path: Path, name: str, content: bytes, **opts: Any) -> pd.DataFrame:
    path = tmp_path / name
    path.write_bytes(content)
    return read_three_ways(SourceSpec(str(path), **opts)).drop(columns=ROWID)


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        (b'a,b\n1,"x" y\n', 2, "text after the closing quote"),  # lenient: 'x y'
        (b'a,b\n1,2\n"1"x,2\n3,4\n', 3, "text after the closing quote"),  # lenient: '1x'
        (b'a,b\n1,2\n3,"never closed\n4,5\n', 3, "never closed"),  # lenient: swallows the rest
    ],
)
def test_quoting_that_lenient_parsing_corrupts_is_refused(tmp_path, content, line, what):
    with pytest.raises(SourceError, match=rf"bad\.csv: .*{line}.*{what}|bad\.csv: {what}.*line {line}"):
        _read(tmp_path, "bad.csv", content)


def test_a_quote_inside_an_unquoted_field_is_data(tmp_path):
    df = _read(tmp_path, "h.csv", b'name,height\nbob,5\'11"\nann,ab"c\n')
    assert df["height"].tolist() == ["5'11\"", 'ab"c']


def test_irregular_quoting_beyond_the_inference_sample_is_refused(tmp_path):
    body = b"a,b\n" + b"1,5'11\"\n" + b"2,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" * 80_000 + b'3,"x" y\n'
    with pytest.raises(SourceError, match=r"big\.csv"):
        _read(tmp_path, "big.csv", body)


def test_header_only_file_in_several_partitions(tmp_path):
    df = _read(tmp_path, "h.csv", b"id,name\n")
    assert list(df.columns) == ["id", "name"] and len(df) == 0


def test_encrypted_workbook_and_xml_are_refused_by_name(tmp_path):
    enc = tmp_path / "secret.xlsx"
    enc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(SourceError, match=r"secret\.xlsx: is a password-protected"):
        open_source(SourceSpec(str(enc)))
    xml = tmp_path / "table.xml"
    xml.write_text('<?xml version="1.0"?>\n<a>1,2</a>\n')
    with pytest.raises(SourceError, match=r"cannot tell the format of table\.xml"):
        open_source(SourceSpec(str(xml)))


@pytest.mark.parametrize(
    ("name", "content", "opts", "header", "first"),
    [
        ("semi.csv", b"a;b;c\n1;2,5;x\n3;4,5;y\n", {}, ["a", "b", "c"], [1, "2,5", "x"]),
        ("tab.txt", b"a\tb\n1\tx y\n", {}, ["a", "b"], [1, "x y"]),
        ("space.txt", b"a b c\n1 2 3\n4 5 6\n", {"delimiter": " "}, ["a", "b", "c"], [1, 2, 3]),
        ("nohead.csv", b"1,x\n2,y\n", {"header": False}, ["column_1", "column_2"], [1, "x"]),
        ("latin1.csv", "a,b\n1,café\n".encode("latin-1"), {"encoding": "latin-1"}, ["a", "b"], [1, "café"]),
        ("bom.csv", b"\xef\xbb\xbfa,b\n1,2\n", {}, ["a", "b"], [1, 2]),
        ("u16.csv", "a,b\n1,ʤ\n".encode("utf-16"), {}, ["a", "b"], [1, "ʤ"]),
        ("u16nobom.csv", "a,b\n1,ʤ\n2,x\n".encode("utf-16-le"), {}, ["a", "b"], [1, "ʤ"]),
        ("nul.csv", b"a,b\nx\x00y,2\n", {}, ["a", "b"], ["x\x00y", 2]),
        ("mixed.csv", b"a,b\r\n1,2\n3,4\r\n5,6\n", {}, ["a", "b"], [1, 2]),
        ("cr.csv", b"a,b\r1,2\r3,4\r", {}, ["a", "b"], [1, 2]),
    ],
)
def test_awkward_dialects_and_encodings(tmp_path, name, content, opts, header, first):
    df = _read(tmp_path, name, content, **opts)
    assert list(df.columns) == header
    assert all(cell_ok(v, e) for v, e in zip(_python_rows(df.assign(**{ROWID: 0}))[1][0], first, strict=True))


def test_mixed_line_endings_keep_every_row(tmp_path):
    df = _read(tmp_path, "mixed.csv", b"a,b\r\n1,2\n3,4\r\n5,6\n")
    assert df["a"].tolist() == [1, 3, 5] and df["b"].tolist() == [2, 4, 6]


def test_metadata_first_line_is_refused_with_its_line(tmp_path):
    with pytest.raises(SourceError, match=r"meta\.csv: line 2 has the wrong number of fields"):
        _read(tmp_path, "meta.csv", b"Exported 2024-01-01 by tool\nid,name\n1,a\n")


def test_ten_thousand_columns(tmp_path):
    n = 10_000
    head = ",".join(f"c{i}" for i in range(n)).encode()
    row = ",".join(str(i) for i in range(n)).encode()
    path = tmp_path / "wide.csv"
    path.write_bytes(head + b"\n" + row + b"\n" + row + b"\n")
    # one read only: a 10,000-column frame costs ~13 s per Dask read (per-column overhead)
    df = open_source(SourceSpec(str(path))).frame.compute().drop(columns=ROWID)
    assert df.shape == (2, n) and df["c9999"].tolist() == [9999, 9999]


def test_ten_megabyte_field(tmp_path):
    big = "x" * (10 * 2**20)
    df = _read(tmp_path, "long.csv", f'id,text\n1,"{big}"\n2,short\n'.encode())
    assert len(df["text"].iloc[0]) == len(big) and df["text"].iloc[1] == "short"


@pytest.mark.parametrize("content", [b"", b"\n", b"\r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_files_are_refused(tmp_path, content):
    with pytest.raises(SourceError, match=r"empty\.csv: the file is empty"):
        _read(tmp_path, "empty.csv", content)


def test_na_markers_are_configurable(tmp_path):
    """'NA' is a default missing-value marker; Namibia's code survives with na_values=("",)."""
    content = b"code,name\nNA,Namibia\nAD,Andorra\n"
    assert _read(tmp_path, "c.csv", content)["code"].isna().tolist() == [True, False]
    assert _read(tmp_path, "c.csv", content, na_values=("",))["code"].tolist() == ["NA", "AD"]
