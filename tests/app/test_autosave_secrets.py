"""The autosave file never holds a database password (issue 5: credentials stay out of files)."""

from __future__ import annotations

from brewdesk.app import autosave
from brewdesk.engine.readers import SourceSpec
from brewdesk.recipes.model.recipe import Recipe, Step

SECRET = "S3cr3t-autosave_7Qz"


def test_autosave_drops_the_password_of_a_database_source(tmp_path):
    path = tmp_path / "autosave.json"
    recipe = Recipe(steps=(Step.create("upper_case", {"source_column": "name"}),))
    spec = SourceSpec(location=f"postgresql+psycopg://etl:{SECRET}@db.example:5432/sales", table="orders")
    autosave.write(recipe, spec, path=path)
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text
    back = autosave.read(path)
    assert back is not None and back.source is not None
    assert back.source.location == "postgresql+psycopg://etl@db.example:5432/sales"
    assert back.source.table == "orders" and back.recipe.to_json() == recipe.to_json()


def test_autosave_keeps_file_and_named_connection_sources(tmp_path):
    path = tmp_path / "autosave.json"
    recipe = Recipe(steps=(Step.create("upper_case", {"source_column": "name"}),))
    for location in (str(tmp_path / "data@2024.csv"), "db:warehouse?table=orders"):
        autosave.write(recipe, SourceSpec(location=location), path=path)
        back = autosave.read(path)
        assert back is not None and back.source is not None and back.source.location == location
