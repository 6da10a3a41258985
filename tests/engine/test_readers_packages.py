"""Real awkward CSV files shipped in installable packages, read through Brewdesk's readers.

The files come from statsmodels' datasets, scikit-learn's bundled data and bokeh-sampledata
(the ``[dev]`` extra installs them). Each is opened as a user would (``package://PKG/FILE``,
nothing but the location given: delimiter, header, quoting, encoding and types detected) and
compared, row by row and value by value, with what the package's own loader returns:

* space-separated with single-quoted names (statsmodels ``spector``), tab-separated with
  single-quoted names (``anes96``), semicolon-separated (``modechoice``), a UTF-8 BOM
  (``danish_data``), numbers padded with spaces after the comma (``strikes``), a wide file
  with empty cells (``fertility``, 58 columns);
* headerless files: space-separated numbers (scikit-learn ``diabetes_data_raw.csv.gz``,
  statsmodels ``E6_jmulti.csv``), comma-separated numbers (``digits.csv.gz``), and bokeh's
  ``unemployment09.csv.gz``, whose first row starts with text codes;
* a first line that is metadata, not a header: scikit-learn's ``iris.csv`` (as many fields as
  the rows: read as the header, every row intact) and ``wine_data.csv`` /
  ``breast_cancer.csv`` (fewer fields: refused with the file, line and field counts, as the
  hostile-input corpus requires, rather than guessed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from brewdesk.engine import locations
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import open_source, parse_source
from brewdesk.recipes.model.types import ROWID


def read(location: str, *, partitions: int | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    """The whole file through Brewdesk's reader, and its inferred logical types."""
    ds = open_source(parse_source(locations.resolve(location)), npartitions=partitions)
    frame = ds.frame.compute().drop(columns=ROWID).reset_index(drop=True)
    return frame, dict(ds.schema.items())


def same_values(got: pd.Series, want: pd.Series, what: str) -> None:
    assert len(got) == len(want), what
    if pd.api.types.is_numeric_dtype(want.dtype) and not pd.api.types.is_bool_dtype(want.dtype):
        g = pd.to_numeric(got, errors="raise").astype("float64").to_numpy(na_value=np.nan)
        w = want.astype("float64").to_numpy()
        assert np.allclose(g, w, equal_nan=True, rtol=0, atol=1e-12), what
    else:
        assert got.astype("string").fillna("<NA>").tolist() == want.astype("string").fillna("<NA>").tolist(), what


# --------------------------------------------------------------------------------------------
# statsmodels

STATSMODELS = {
    # module: (file, loader columns not in the file)
    "spector": ("spector/spector.csv", set()),
    "anes96": ("anes96/anes96.csv", {"logpopul"}),
    "modechoice": ("modechoice/modechoice.csv", set()),
    "danish_data": ("danish_data/data.csv", set()),
    "strikes": ("strikes/strikes.csv", set()),
    "fertility": ("fertility/fertility.csv", set()),
    "elnino": ("elnino/elnino.csv", set()),
    "scotland": ("scotland/scotvote.csv", set()),
    "randhie": ("randhie/randhie.csv", set()),
    "macrodata": ("macrodata/macrodata.csv", set()),
}


@pytest.mark.parametrize("module", sorted(STATSMODELS))
def test_statsmodels_dataset_matches_its_loader(module):
    import importlib

    loader = importlib.import_module(f"statsmodels.datasets.{module}")
    want = loader.load_pandas().data.reset_index(drop=True)
    rel, derived = STATSMODELS[module]
    got, _types = read(f"package://statsmodels/datasets/{rel}", partitions=3)
    assert len(got) == len(want)
    compared = [c for c in want.columns if c not in derived]
    missing = [c for c in compared if c not in got.columns]
    assert not missing, f"{rel}: columns {missing} not found in {list(got.columns)}"
    for c in compared:
        same_values(got[c], want[c], f"{rel}: column {c!r}")


def test_statsmodels_dialects_detected():
    """What was detected, spelled out: names without quotes or BOM, padded numbers as numbers."""
    got, types = read("package://statsmodels/datasets/spector/spector.csv")
    assert list(got.columns) == ["OBS", "GPA", "TUCE", "PSI", "GRADE"] and got.shape == (32, 5)
    assert types["GPA"] == "float64" and got["GPA"].iloc[0] == 2.66
    got, types = read("package://statsmodels/datasets/anes96/anes96.csv")
    assert list(got.columns)[:3] == ["popul", "TVnews", "selfLR"] and got.shape == (944, 10)
    got, _ = read("package://statsmodels/datasets/danish_data/data.csv")
    assert list(got.columns)[0] == "period" and got["period"].iloc[0] == "1974Q1"
    got, types = read("package://statsmodels/datasets/strikes/strikes.csv")
    assert types["iprod"] == "float64" and got["iprod"].iloc[0] == pytest.approx(0.01138)
    got, types = read("package://statsmodels/datasets/fertility/fertility.csv")
    assert got.shape == (219, 58) and types["1960"] == "float64" and types["Country Name"] == "string"


def test_statsmodels_headerless_space_separated():
    from statsmodels.datasets import interest_inflation

    want = interest_inflation.load_pandas().data
    got, types = read("package://statsmodels/datasets/interest_inflation/E6_jmulti.csv")
    assert list(got.columns) == ["column_1", "column_2"] and types == {"column_1": "float64", "column_2": "float64"}
    same_values(got["column_1"], want["Dp"], "Dp")
    same_values(got["column_2"], want["R"], "R")


# --------------------------------------------------------------------------------------------
# scikit-learn


def test_sklearn_headerless_diabetes():
    from sklearn.datasets import load_diabetes

    want = load_diabetes(scaled=False)
    got, types = read("package://sklearn/datasets/data/diabetes_data_raw.csv.gz", partitions=2)
    assert got.shape == (442, 10) and list(got.columns) == [f"column_{i}" for i in range(1, 11)]
    assert np.array_equal(got.to_numpy(dtype="float64"), want.data)
    target, _ = read("package://sklearn/datasets/data/diabetes_target.csv.gz")
    assert target.shape == (442, 1)
    assert np.array_equal(target["column_1"].to_numpy(dtype="float64"), want.target)


def test_sklearn_headerless_digits():
    from sklearn.datasets import load_digits

    want = load_digits()
    got, types = read("package://sklearn/datasets/data/digits.csv.gz", partitions=4)
    assert got.shape == (1797, 65) and set(types.values()) == {"int64"}
    assert np.array_equal(got.iloc[:, :64].to_numpy(dtype="float64"), want.data)
    assert np.array_equal(got.iloc[:, 64].to_numpy(dtype="int64"), want.target)


def test_sklearn_space_separated_linnerud():
    from sklearn.datasets import load_linnerud

    want = load_linnerud()
    ex, _ = read("package://sklearn/datasets/data/linnerud_exercise.csv")
    phys, _ = read("package://sklearn/datasets/data/linnerud_physiological.csv")
    assert list(ex.columns) == list(want.feature_names) and list(phys.columns) == list(want.target_names)
    assert np.array_equal(ex.to_numpy(dtype="float64"), want.data)
    assert np.array_equal(phys.to_numpy(dtype="float64"), want.target)


def test_sklearn_iris_metadata_line_as_header_keeps_every_row():
    from sklearn.datasets import load_iris

    want = load_iris()
    got, _ = read("package://sklearn/datasets/data/iris.csv")
    assert list(got.columns) == ["150", "4", "setosa", "versicolor", "virginica"]  # the metadata line
    assert got.shape == (150, 5)
    assert np.array_equal(got.iloc[:, :4].to_numpy(dtype="float64"), want.data)
    assert np.array_equal(got.iloc[:, 4].to_numpy(dtype="int64"), want.target)


@pytest.mark.parametrize("name,fields", [("wine_data.csv", 14), ("breast_cancer.csv", 31)])
def test_sklearn_short_metadata_line_is_refused_clearly(name, fields):
    with pytest.raises(SourceError) as err:
        read(f"package://sklearn/datasets/data/{name}")
    msg = str(err.value)
    assert msg.startswith(f"{name}: line 2 has the wrong number of fields")
    assert f"got {fields}" in msg


# --------------------------------------------------------------------------------------------
# bokeh-sampledata


def test_bokeh_headerless_unemployment():
    import bokeh_sampledata.unemployment as unemployment

    got, types = read("package://bokeh_sampledata/_data/unemployment09.csv.gz", partitions=3)
    assert got.shape == (3218, 9) and list(got.columns) == [f"column_{i}" for i in range(1, 10)]
    assert types["column_2"] == "string" and got["column_2"].iloc[0] == "01"  # FIPS codes keep zeros
    assert got["column_4"].iloc[0] == "Autauga County, AL"  # a quoted comma
    assert types["column_9"] == "float64"
    mine = {(int(s), int(c)): r for s, c, r in zip(got["column_2"], got["column_3"], got["column_9"], strict=True)}
    assert mine == unemployment.data


def test_bokeh_unemployment1948():
    import bokeh_sampledata.unemployment1948 as u48

    want = u48.data.reset_index(drop=True)
    got, types = read("package://bokeh_sampledata/_data/unemployment1948.csv")
    assert list(got.columns) == list(want.columns) and types["Year"] == "int64"
    for c in want.columns:
        same_values(got[c], want[c], c)
