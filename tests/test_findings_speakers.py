"""bench/findings.py's speaker verdicts: how a predicted speaker is scored against a gold name."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from attribution.model import Speaker

_spec = importlib.util.spec_from_file_location(
    "bench_findings", Path(__file__).resolve().parent.parent / "bench" / "findings.py")
findings = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_findings", findings)   # its dataclasses look their module up
_spec.loader.exec_module(findings)


def _sp(name: str, kind: str = "organization") -> Speaker:
    return Speaker(id="s1", name=name, kind=kind)


def test_an_acronym_of_the_gold_name_with_its_function_words_is_right():
    assert findings.speaker_verdict("Department of Justice", _sp("DOJ")) == "right"
    assert findings.speaker_verdict("Federal Election Commission", _sp("FEC")) == "right"


def test_another_name_is_wrong_and_a_description_is_unspecific():
    assert findings.speaker_verdict("Department of Justice", _sp("DHS")) == "wrong"
    assert findings.speaker_verdict("Maria Lopez", _sp("Tom Hale", "person")) == "wrong"
    assert findings.speaker_verdict("Maria Lopez", _sp("a witness", "anonymous")) == "none"
    assert findings.speaker_verdict("ANON", _sp("Tom Hale", "person")) == "wrong"
