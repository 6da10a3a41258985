"""The text operations of issue #4 (splits, cleaning, formatting, tokens, advanced data types).

- the exported helper text is each ``_bt_*`` helper's own source;
- special cases of single operations (their degenerate frames are checked by
  ``tests/recipes/test_contract.py``, their hostile values by ``test_ops_mixed_values.py``).
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.model.validate import validate

from tests.recipes.mixed_frames import FRAMES, N, T


def test_wrong_type_is_a_brewdesk_error() -> None:
    step = Step.create("split_column_from_start", {"source_column": N, "position": 1})
    with pytest.raises(BrewdeskError, match="expected string or category"):
        validate(Recipe(steps=(step,)), Schema.from_frame(FRAMES["all-null"]))


def test_text_digits_column_splits() -> None:
    out = run_pandas([Step.create("split_column_from_end", {"source_column": T, "position": 1})], FRAMES["unicode-mixed"])
    assert out[f"{T}_1"].tolist()[:1] == ["1"] and out[f"{T}_2"].tolist()[:1] == ["2"]


def test_remove_combined_imports_the_misspelled_keys_of_the_parameter_list() -> None:
    from brewdesk.recipes.model.registry import get

    op = get("remove_combined")
    params = op.from_databrew(
        "REMOVE_COMBINED",
        {"sourceColumn": "a", "punctuationally": "true", "antidisestablishmentarianism": "TRUE", "removeLetters": "false"},
    )
    assert params == {
        "source_column": "a",
        "remove_leading_and_trailing_punctuation": "true",
        "remove_leading_and_trailing_quotes": "TRUE",
        "remove_letters": "false",
    }
    p = op.Params(**params)
    assert p.remove_leading_and_trailing_quotes and not p.remove_letters
    name, exported = op.to_databrew(p)
    assert exported["removeLeadingAndTrailingPunctuation"] == "true" and "punctuationally" not in exported


def test_tokenization_imports_the_documented_example() -> None:
    from brewdesk.recipes.model.databrew import import_databrew

    text = json.dumps([{"Action": {"Operation": "TOKENIZATION", "Parameters": {
        "customStopWords": "[]", "delimiter": "- ", "expandContractions": "ENABLED", "sourceColumn": "dimensions",
        "stemmingMode": "PORTER", "stopWordRemovalMode": "DEFAULT", "targetColumn": "dimensions_tokenized"}}}])
    step = import_databrew(text).steps[0]
    assert step.op == "tokenization"
    assert step.params.model_dump() == {
        "source_column": "dimensions", "target_column": "dimensions_tokenized", "delimiter": "- ",
        "expand_contractions": True, "stop_word_removal_mode": "DEFAULT", "custom_stop_words": [],
        "stemming_mode": "PORTER",
    }
    out = run_pandas([step], pd.DataFrame({"dimensions": pd.Series(["Widths aren't heights", None], dtype="string")}))
    assert out["dimensions_tokenized"].tolist()[0] == "width- height"


RULES = [
    ("Email", None, ["a@b.co", "x@y", "bad..x@a.com", " Jo.e+1@Mail.example.org ", "@a.com"], [True, False, False, True, False], None),
    ("Phone", "TIME_ZONE", ["(614) 555-0100", "+44 20 7946 0958", "123", "555-0100"], [True, True, False, False],
     ["America/New_York", "Europe/London", None, None]),
    ("Phone", "COUNTRY_CODE", ["+44 20 7946 0958", "408-341-5669"], [True, True], ["44", "1"]),
    ("CreditCard", "NETWORK", ["4111 1111 1111 1111", "378282246310005", "4111111111111112", "5555-5555-5555-4444",
                               "6011111111111117", "3530111333300000", "4111--1111111111111"],
     [True, True, False, True, True, True, False], ["Visa", "American Express", None, "Mastercard", "Discover", "JCB", None]),
    ("CreditCard", "LENGTH", ["378282246310005"], [True], ["15"]),
    ("SSN", None, ["123-45-6789", "000-12-3456", "123456789", "666-12-3456", "123-456789", "901-12-3456", "123-00-4567"],
     [True, False, True, False, False, False, False], None),
    ("ZipCode", "STATE", ["98101", "00000", "10001-1234", "1234", "73301", "88501"], [True, False, True, False, True, True],
     ["Washington", None, "New York", None, "Texas", "Texas"]),
    ("ZipCode", "REGION", ["60601", "02108"], [True, True], ["Midwest", "Northeast"]),
    ("ZipCode", "TIME_ZONE", ["96813", "09012"], [True, True], ["Pacific/Honolulu", None]),
    ("DateTime", "MONTH_NAME", ["2026-11-21", "11/21/2026", "21 November 2026", "2026-02-30", "Nov 21, 2026", "hello"],
     [True, True, True, False, True, False], ["November", "November", "November", None, "November", None]),
    ("DateTime", "QUARTER", ["2026-02-03T10:05:00"], [True], ["1"]),
    ("URL", "DOMAIN", ["https://www.Example.com/a?b", "www.test.org", "example.com", "ftp://10.0.0.1:21/x", "http://localhost"],
     [True, True, False, True, True], ["www.example.com", "www.test.org", None, "10.0.0.1", "localhost"]),
    ("URL", "PROTOCOL", ["HTTPS://a.io", "www.b.io"], [True, True], ["https", None]),
    ("State", "TIME_ZONE", ["CA", "texas", "XX", "District of Columbia"], [True, True, False, True],
     ["America/Los_Angeles", "America/Chicago", None, "America/New_York"]),
    ("Gender", None, ["Female", "m", "other"], [True, True, False], None),
]


@pytest.mark.parametrize(("kind", "pattern", "values", "ok", "detail"), RULES, ids=[f"{r[0]}-{r[1]}" for r in RULES])
def test_advanced_type_rules(kind, pattern, values, ok, detail) -> None:
    from brewdesk.recipes.kernels.advanced_types import _ba_classify

    got_ok, got_detail, _hit = _ba_classify(pd.Series([*values, None], dtype="string"), kind, pattern)
    assert got_ok.tolist() == [*ok, False]
    if detail is not None:
        assert got_detail == [*detail, None]


def test_detected_only_types() -> None:
    from brewdesk.recipes.kernels.advanced_types import _ba_classify

    s = pd.Series(["192.168.0.1", "::1", "256.1.1.1", "Germany", "US", "$1,234.50", "12.5 USD", "12"], dtype="string")
    assert _ba_classify(s, "IpAddress")[0].tolist() == [True, True, False, False, False, False, False, False]
    assert _ba_classify(s, "Country")[0].tolist() == [False, False, False, True, True, False, False, False]
    assert _ba_classify(s, "Currency")[0].tolist() == [False, False, False, False, False, True, True, False]


def test_advanced_flag_imports_the_page_example_filter_values() -> None:
    from brewdesk.recipes.model.registry import get

    params = get("advanced_datatype_flag").from_databrew(
        "ADVANCED_DATATYPE_FLAG",
        {"sourceColumn": "p", "advancedDataType": "Phone", "pattern": "AREA_CODE", "filter values": "['Ohio']", "targetColumn": "f"},
    )
    assert params["filter_values"] == ["Ohio"] and params["advanced_data_type"] == "Phone"


def test_extract_details_imports_the_page_example() -> None:
    from brewdesk.recipes.model.registry import get

    params = get("extract_advanced_datatype_details").from_databrew(
        "EXTRACT_ADVANCED_DATATYPE_DETAILS",
        {"pattern": "TIMEZONE", "sourceColumn": "zipCode", "targetColumn": "timeZoneFromZipCode", "advancedDataType": "ZipCode"},
    )
    assert params == {"source_column": "zipCode", "advanced_data_type": "ZipCode", "pattern": "TIME_ZONE",
                      "target_column": "timeZoneFromZipCode"}


def test_number_format_imports_null_settings_as_absent() -> None:
    from brewdesk.recipes.model.registry import get

    op = get("number_format")
    params = op.Params(**op.from_databrew("NUMBER_FORMAT", {
        "sourceColumn": "income", "decimalPlaces": "2", "numericDecimalSeparator": ",",
        "numericThousandSeparator": "null", "numericAbbreviatedUnit": "null", "numericUnitAbbreviation": "",
    }))
    assert params.numeric_thousand_separator is None and params.numeric_abbreviated_unit is None
    out = run_pandas([Step("number_format", params)], pd.DataFrame({"income": pd.Series([1234.5], dtype="Float64")}))
    assert out["income"].tolist() == ["1234,50"]


@pytest.mark.parametrize(
    ("operation", "parameters", "expected"),
    [
        (
            "SPLIT_COLUMN_MULTIPLE_DELIMITER",
            {"limit": "1", "patternOptions": '[{"pattern":",","includeInSplit":true},{"pattern":" ","includeInSplit":true}]',
             "sourceColumn": "description"},
            {"source_column": "description", "limit": 1,
             "pattern_options": [{"pattern": ",", "include_in_split": True}, {"pattern": " ", "include_in_split": True}]},
        ),
        (
            "SPLIT_COLUMN_BETWEEN_DELIMITER",
            {"patternOption1": '{"pattern":"H","includeInSplit":true}', "patternOption2": '{"pattern":"M","includeInSplit":true}',
             "sourceColumn": "last_name"},
            {"source_column": "last_name", "start_pattern": "H", "include_start": True, "end_pattern": "M", "include_end": True},
        ),
        (
            "SPLIT_COLUMN_WITH_INTERVALS",
            {"interval": "4", "sourceColumn": "nationality", "startPosition": "1"},
            {"source_column": "nationality", "start_position": 1, "interval": 4, "limit": 20},
        ),
        (
            "FORMAT_PHONE_NUMBER",
            {"sourceColumn": "Phone Number", "defaultRegionColumn": "Country Code"},
            {"source_column": "Phone Number", "phone_number_format": "E164", "default_region": None,
             "default_region_column": "Country Code"},
        ),
        (
            "GET_ADVANCED_DATATYPE",
            {"columnName": "contact"},
            {"source_column": "contact"},
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_documented_examples_import(operation: str, parameters: dict[str, str], expected: dict[str, Any]) -> None:
    from brewdesk.recipes.model.databrew import import_databrew

    step = import_databrew(json.dumps([{"Action": {"Operation": operation, "Parameters": parameters}}])).steps[0]
    assert step.params.model_dump() == expected
