"""The repository stands alone (docs/architecture.md section 11).

Every tracked text file is read; none may name a data location of one particular machine (an
absolute path into a shared work folder, a home or root folder, the temporary folder) or cite a
design document the repository does not hold. Tests find their data relative to the repository
(``Path(__file__).resolve().parents[N]``), benchmarks use ``tests/benchmarks/gen_taxi.py``.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
THIS = Path(__file__).resolve().relative_to(ROOT).as_posix()

# An absolute path into a machine's own folders, not part of a longer path or URL.
ABSOLUTE = re.compile(r"(?<![\w.~$/-])/(?:work|root|home|tmp|Users|mnt)/[\w.-]")
# The security tests write attack payloads that must never run ("touch /tmp/pwned"); the file
# they name is a canary, not a location the project reads or writes.
CANARY = re.compile(r"/tmp/(?:brewdesk_)?pwned\b")
OUTSIDE_DESIGN_DOC = re.compile(r"\bDESIGN\.md\b")


@functools.cache
def _tracked_text_files() -> dict[str, str]:
    """Path -> text of every tracked file that is text (binary files are data, skipped)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files cannot be listed")
    out = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True, timeout=60
    ).stdout
    files = {}
    for rel in out.decode().split("\0"):
        path = ROOT / rel
        if not rel or not path.is_file():  # deleted in the work tree, not yet committed
            continue
        raw = path.read_bytes()
        if b"\0" in raw[:8192]:
            continue
        try:
            files[rel] = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # text in another encoding: corpus data, never a path or a citation
    return files


def _hits(pattern: re.Pattern[str], *, excuse: re.Pattern[str] | None = None) -> list[str]:
    found = []
    for rel, text in sorted(_tracked_text_files().items()):
        if rel == THIS:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            rest = excuse.sub("", line) if excuse is not None else line
            if pattern.search(rest):
                found.append(f"{rel}:{n}: {line.strip()[:120]}")
    return found


def _absolute(*parts: str) -> str:
    """An absolute path built here, so that this file itself names none."""
    return "/" + "/".join(parts)


def test_the_scan_sees_the_repository():
    files = _tracked_text_files()
    assert "pyproject.toml" in files and THIS in files
    assert "tests/benchmarks/gen_taxi.py" in files and "docs/architecture.md" in files
    assert ABSOLUTE.search(f"CORPUS = Path('{_absolute('work', 'shared', 'corpus')}')")
    assert ABSOLUTE.search(f"open('{_absolute('tmp', 'out.csv')}')")
    assert not ABSOLUTE.search(f"https://example.org{_absolute('home', 'page')} and docs/tmp/notes.md")
    assert not ABSOLUTE.search(CANARY.sub("", f"touch {_absolute('tmp', 'brewdesk_pwned')}"))


def test_no_tracked_file_names_an_absolute_path_of_this_machine():
    hits = _hits(ABSOLUTE, excuse=CANARY)
    assert not hits, "absolute paths outside the repository:\n" + "\n".join(hits)


def test_no_tracked_file_cites_the_outside_design_document():
    hits = _hits(OUTSIDE_DESIGN_DOC)
    assert not hits, "citations of a document the repository does not hold:\n" + "\n".join(hits)
