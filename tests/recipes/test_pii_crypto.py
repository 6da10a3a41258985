"""Hashing and encryption with Brewdesk's local key store (CRYPTOGRAPHIC_HASH, ENCRYPT, DECRYPT,
DETERMINISTIC_ENCRYPT, DETERMINISTIC_DECRYPT): round trips, determinism, wrong keys, and the key
never leaving the key store (recipe, DataBrew export, exported code, run report, errors)."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pandas as pd
import pytest
from brewdesk.cli import main
from brewdesk.recipes.export import codegen
from brewdesk.recipes.model.databrew import export_databrew, import_databrew
from brewdesk.recipes.model.errors import BrewdeskError, RecipeFormatError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.ops import _pii_keys

KEY = bytes(range(7, 39))
KEY_B64 = base64.b64encode(KEY).decode()
ARN = "arn:aws:kms:us-east-1:012345678901:key/1234abcd-12ab"
ENV = "BREWDESK_KEY_1234ABCD_12AB"


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv(ENV, KEY_B64)
    monkeypatch.setenv("BREWDESK_KEYS", str(tmp_path / "keys"))
    return ARN


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "email": pd.array(
                ["a@x.org", "b@x.org", None, "a@x.org", "名@x.org"] * 4, dtype="string"
            ),
            "n": pd.array([1, 2, 3, 1, None] * 4, dtype="Int64"),
            "when": pd.to_datetime(
                ["2020-01-02 03:04:05", None, "2021-01-01 00:00:00", "2020-01-02 03:04:05", None]
                * 4
            ).astype("datetime64[us]"),
        }
    )


def _plain(s: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in s.tolist()]


def _secrets_in(text: str) -> list[str]:
    return [s for s in (KEY_B64, KEY.hex(), repr(KEY)) if s in text]


def test_key_names_map_to_env_and_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BREWDESK_KEYS", str(tmp_path))
    assert _pii_keys._bp_key_location(
        "arn:aws:secretsmanager:us-east-1:012345678901:secret:mysecret"
    ) == (
        "BREWDESK_KEY_MYSECRET",
        str(tmp_path / "MYSECRET.key"),
    )
    assert (
        _pii_keys._bp_key_location("databrew!default", "adfe-1232")[0]
        == "BREWDESK_KEY_DATABREW_DEFAULT_ADFE_1232"
    )
    monkeypatch.delenv("BREWDESK_KEYS")
    monkeypatch.setenv("BREWDESK_HOME", str(tmp_path / "home"))
    assert _pii_keys._bp_key_location("k")[1] == str(tmp_path / "home" / "keys" / "K.key")


def test_round_trips_through_the_engine_on_three_partitions(
    key: str, tmp_path: Path, capsys
) -> None:
    src = tmp_path / "in.parquet"
    _frame().to_parquet(src)
    cols = ["email", "n", "when"]
    recipe = Recipe(
        steps=(
            Step.create("encrypt", {"source_columns": cols, "kms_key_arn": key}),
            Step.create("decrypt", {"source_columns": cols, "kms_key_arn": key}),
            Step.create("deterministic_encrypt", {"source_columns": ["email"], "secret_id": key}),
            Step.create("deterministic_decrypt", {"source_columns": ["email"], "secret_id": key}),
        )
    )
    path = tmp_path / "r.json"
    recipe.save(path)
    out, report = tmp_path / "out.parquet", tmp_path / "run.json"
    code = main(
        [
            "run",
            str(path),
            "-i",
            str(src),
            "-o",
            str(out),
            "--partitions",
            "3",
            "--report",
            str(report),
        ]
    )
    cap = capsys.readouterr()
    assert code == 0, cap.err
    got = pd.read_parquet(out)
    assert _plain(got["email"]) == _plain(_frame()["email"])
    # decrypt gives text (DataBrew: type not kept)
    assert _plain(got["n"]) == ["1", "2", "3", "1", None] * 4
    assert (
        _plain(got["when"])
        == ["2020-01-02 03:04:05", None, "2021-01-01 00:00:00", "2020-01-02 03:04:05", None] * 4
    )
    for text in (
        path.read_text(),
        report.read_text(),
        json.dumps(export_databrew(recipe)),
        cap.out + cap.err,
    ):
        assert not _secrets_in(text)


def test_encrypt_is_probabilistic_and_deterministic_encrypt_is_not(key: str) -> None:
    df = _frame()
    enc = run_pandas(
        [Step.create("encrypt", {"source_columns": ["email"], "kms_key_arn": key})], df
    )
    det = run_pandas(
        [Step.create("deterministic_encrypt", {"source_columns": ["email"], "secret_id": key})], df
    )
    assert enc["email"].iloc[0] != enc["email"].iloc[3]  # same value, fresh nonce
    assert enc["email"].dropna().nunique() == enc["email"].notna().sum()
    assert det["email"].iloc[0] == det["email"].iloc[3]
    assert det["email"].dropna().nunique() == 3
    again = run_pandas(
        [Step.create("deterministic_encrypt", {"source_columns": ["email"], "secret_id": key})], df
    )
    pd.testing.assert_series_equal(det["email"], again["email"])
    raw = base64.b64decode(enc["email"].iloc[0])
    assert len(raw) == 12 + len("a@x.org") + 16  # nonce || ciphertext || tag


def test_wrong_key_names_the_step_column_and_row_but_not_the_value(key: str, monkeypatch) -> None:
    df = _frame()
    enc = run_pandas(
        [Step.create("deterministic_encrypt", {"source_columns": ["email"], "secret_id": key})], df
    )
    monkeypatch.setenv("BREWDESK_KEY_OTHER", base64.b64encode(bytes(32)).decode())
    step = Step.create(
        "deterministic_decrypt", {"source_columns": ["email"], "secret_id": "other"}, id="dd1"
    )
    with pytest.raises(BrewdeskError) as info:
        run_pandas([step], enc.reset_index(drop=True))
    text = str(info.value)
    assert "dd1" in text and "column 'email': row 0 does not decrypt: wrong key" in text
    assert enc["email"].iloc[0] not in text and "a@x.org" not in text


def test_missing_or_bad_key_says_how_to_provide_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BREWDESK_KEYS", str(tmp_path))
    monkeypatch.delenv("BREWDESK_KEY_NOPE", raising=False)
    step = Step.create(
        "cryptographic_hash", {"source_columns": ["email"], "secret_id": "nope"}, id="h1"
    )
    with pytest.raises(BrewdeskError) as info:
        run_pandas([step], _frame())
    text = str(info.value)
    assert "h1" in text and "BREWDESK_KEY_NOPE" in text and str(tmp_path / "NOPE.key") in text
    assert "python -m brewdesk.recipes.ops._pii_keys new 'nope'" in text
    monkeypatch.setenv("BREWDESK_KEY_NOPE", "not base64!")
    with pytest.raises(BrewdeskError, match="is not base64 text") as info:
        run_pandas([step], _frame())
    assert "not base64!" not in str(info.value)


def test_new_key_file_is_private_and_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    monkeypatch.setenv("BREWDESK_KEYS", str(tmp_path / "keys"))
    monkeypatch.delenv("BREWDESK_KEY_CUSTOMERS", raising=False)
    assert _pii_keys.main(["new", "customers"]) == 0
    printed = capsys.readouterr().out
    path = tmp_path / "keys" / "CUSTOMERS.key"
    key = base64.b64decode(path.read_text())
    assert len(key) == 32 and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert str(path) in printed and path.read_text().strip() not in printed
    assert _pii_keys.main(["new", "customers"]) == 1  # never overwrites a key silently
    assert base64.b64decode(path.read_text()) == key
    step = Step.create(
        "deterministic_encrypt", {"source_columns": ["email"], "secret_id": "customers"}
    )
    enc = run_pandas([step], _frame())
    back = run_pandas(
        [
            Step.create(
                "deterministic_decrypt", {"source_columns": ["email"], "secret_id": "customers"}
            )
        ],
        enc,
    )
    assert _plain(back["email"]) == _plain(_frame()["email"])


def test_exported_code_reads_the_key_at_run_time(key: str, monkeypatch) -> None:
    recipe = Recipe(
        steps=(Step.create("cryptographic_hash", {"source_columns": ["email"], "secret_id": key}),)
    )
    text = codegen.script(recipe, source="in.csv", destination="out.csv")
    assert not _secrets_in(text) and f"_bp_key({key!r}" in text
    expected = run_pandas(recipe, _frame())
    env = {"pd": pd, "np": __import__("numpy"), "re": __import__("re"), "df": _frame()}
    exec(codegen.step_code(recipe.steps[0]), env)  # noqa: S102 - the exported code, as the golden tests run it
    assert _plain(env["df"]["email"]) == _plain(expected["email"])


def test_databrew_names_keys_and_refuses_entity_detection(key: str) -> None:
    doc = [
        {
            "Action": {
                "Operation": "CRYPTOGRAPHIC_HASH",
                "Parameters": {
                    "sourceColumns": ["phonenumber"],
                    "secretId": "arn:aws:secretsmanager:us-east-1:0:secret:s",
                },
            }
        }
    ]
    step = import_databrew(doc).steps[0]
    assert step.op == "cryptographic_hash" and step.params.algorithm == "HMAC_SHA256"
    assert step.params.secret_id == "arn:aws:secretsmanager:us-east-1:0:secret:s"
    doc[0]["Action"]["Parameters"]["entityTypeFilter"] = ["USA_ALL"]
    with pytest.raises(RecipeFormatError, match="entityTypeFilter"):
        import_databrew(doc)


def test_cli_error_for_a_missing_key_shows_the_arn_as_written(
    monkeypatch, tmp_path: Path, capsys
) -> None:
    monkeypatch.setenv("BREWDESK_KEYS", str(tmp_path / "keys"))
    monkeypatch.delenv("BREWDESK_KEY_NOKEY", raising=False)
    src = tmp_path / "in.csv"
    src.write_text("email\na@x\n")
    arn = "arn:aws:secretsmanager:us-east-1:0:secret:nokey"
    path = tmp_path / "r.json"
    Recipe(
        steps=(
            Step.create(
                "deterministic_encrypt", {"source_columns": ["email"], "secret_id": arn}, id="e1"
            ),
        )
    ).save(path)
    code = main(["run", str(path), "-i", str(src), "-o", str(tmp_path / "out.csv")])
    err = capsys.readouterr().err
    assert code == 4 and err.startswith("error: step e1 ")
    assert f"no key '{arn}'" in err and "BREWDESK_KEY_NOKEY" in err  # ":secret:" is not an emoji
    assert not (tmp_path / "out.csv").exists()
