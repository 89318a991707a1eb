"""Shared fixtures.  The stanza parser is loaded once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIBUTION_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "corpus" / "polnear"
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"


@pytest.fixture(autouse=True, scope="session")
def _rules_held_to_their_declarations():
    """Every ``check()`` in the tests runs strict (``attribution.check``): a rule that reads an
    undeclared need or configuration key, or emits a message none of its templates describes,
    fails whichever test audits the text that leads it there.  Audits outside the tests run
    unguarded; a test that needs the plain path passes ``strict=False``."""
    from attribution.check import check

    saved = dict(check.__kwdefaults__)
    check.__kwdefaults__["strict"] = True
    yield
    check.__kwdefaults__.clear()
    check.__kwdefaults__.update(saved)


@pytest.fixture(scope="session")
def parser():
    from attribution.modelset import resolve
    from attribution.parse import Parser

    return Parser(resolve(), threads=1)  # 1 thread: far faster when the machine is busy


@pytest.fixture(scope="session")
def stored_parser(request):
    """A parser that replays tests/fixtures/parses/ (no stanza); see tests/stored_parses.py."""
    from .stored_parses import StoredParser, recording, write

    if not recording():
        yield StoredParser()
        return
    live = StoredParser(live=request.getfixturevalue("parser"))
    yield live
    write(live.recorded_header(), live.used)


@pytest.fixture(scope="session")
def polnear_train():
    path = POLNEAR / "train.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpus/polnear is not present")
    return path


@pytest.fixture(scope="session")
def polnear_dev():
    path = POLNEAR / "dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpus/polnear is not present")
    return path
