"""The helper text pasted into exported code is each catalogue helper's own source."""

from __future__ import annotations

import inspect

from brewdesk.recipes.ops import _catalogue_common as cc


def test_catalogue_helper_sources_match_functions() -> None:
    names = [n for n in vars(cc) if n.startswith("_bc_")]
    assert sorted(names) == sorted(cc.HELPER_SOURCES), "regenerate: python -m brewdesk.recipes.ops._catalogue_common"
    for n in names:
        assert cc.HELPER_SOURCES[n] == inspect.getsource(getattr(cc, n)), n
