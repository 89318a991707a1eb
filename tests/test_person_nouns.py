"""The derived person-noun list (attribution/data/person_nouns.txt) is what its recipe,
scripts/derive_person_nouns.py, gives from the shipped vectors; and resolve reads it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EWT = ROOT.parent / "shared/ud-english/en_ewt-ud-train.conllu"


@pytest.mark.skipif(not EWT.is_file(), reason="needs ../shared/ud-english")
def test_the_list_is_current():
    run = subprocess.run([sys.executable, str(ROOT / "scripts/derive_person_nouns.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_the_list_holds_people_and_not_institutions():
    from attribution.vocab import derived_person_nouns

    words = derived_person_nouns()
    assert {"clerk", "coroner", "nurse", "paramedic"} <= words
    assert not {"company", "union", "board", "report", "police", "jury", "government"} & words
