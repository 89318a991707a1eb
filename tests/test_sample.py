"""The audit of the sample article against its gold annotation (corpus/*.gold.json)."""
from __future__ import annotations

import json

import pytest

from .conftest import SAMPLE

pytestmark = pytest.mark.stanza

GOLD = json.loads(SAMPLE.with_suffix(".gold.json").read_text(encoding="utf-8"))


def _words(text: str) -> set[str]:
    return {w.strip('.,"“”\'') .lower() for w in text.split() if w.strip('.,"“”\'')}


def _overlap(gold: dict, pred: dict) -> float:
    g = _words(" ".join(GOLD_TEXT[s:e] for s, e in gold["content"]["spans"]))
    p = _words(" ".join(GOLD_TEXT[s:e] for s, e in pred["content"]["spans"]))
    return len(g & p) / max(1, len(g))


GOLD_TEXT = SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def audited(parser):
    from attribution.audit import audit_source
    from attribution.load import load
    from attribution.report.json import document

    return document(audit_source(load(str(SAMPLE)), parser))


def _match(audited, gold_attr):
    best = max(audited["attributions"], key=lambda p: _overlap(gold_attr, p), default=None)
    return best if best is not None and _overlap(gold_attr, best) >= 0.5 else None


def _speaker(doc, sid):
    return next((s for s in doc["speakers"] if s["id"] == sid), None)


def test_every_gold_attribution_is_found(audited):
    missing = [g["content"]["text"][:60] for g in GOLD["attributions"] if _match(audited, g) is None]
    assert not missing, missing


def test_every_attribution_has_the_gold_speaker(audited):
    gold_speakers = {s["id"]: s for s in GOLD["speakers"]}
    wrong = []
    for g in GOLD["attributions"]:
        pred = _match(audited, g)
        if pred is None:
            continue
        want = gold_speakers[g["speaker"]]["name"].lower()
        got = (_speaker(audited, pred["speaker"]) or {}).get("name") or ""
        if want.removeprefix("the ") not in got.lower() and got.lower().removeprefix("the ") not in want:
            wrong.append((g["content"]["text"][:40], want, got))
    assert len(wrong) <= 1, wrong


def test_dillon_roster_entry(audited):
    dillon = next(s for s in audited["speakers"] if s["name"] == "Ryan Dillon")
    assert dillon["kind"] == "person"
    assert dillon["title"] == "Col."
    assert dillon["role"] == "spokesman"
    assert "coalition" in (dillon["affiliation"] or "")
    n = sum(1 for a in audited["attributions"] if a["speaker"] == dillon["id"])
    assert n == 6


def test_konashenkov_and_the_sdf_commander(audited):
    kon = next(s for s in audited["speakers"] if "Konashenkov" in s["name"])
    assert (kon["title"], kon["role"]) == ("Major General", "spokesman")
    assert "Defense Ministry" in (kon["affiliation"] or "")
    sdf = next(s for s in audited["speakers"] if s["kind"] == "anonymous" and "commander" in s["name"].lower())
    assert sdf["affiliation"] == "SDF"


def test_no_attribution_from_boilerplate(audited):
    body_start = GOLD_TEXT.index("BEIRUT (AP)")
    caption = GOLD_TEXT.index("FILE - ")
    caption_end = GOLD_TEXT.index("(AP Photo, File)") + len("(AP Photo, File)")
    footer = GOLD_TEXT.index("Copyright 2017")
    for a in audited["attributions"]:
        s, e = a["content"]["start"], a["content"]["end"]
        assert s >= body_start and e <= footer, a["content"]["text"]
        assert not (caption <= s < caption_end), a["content"]["text"]
    for f in audited["findings"]:
        assert f["start"] >= body_start and f["start"] < footer, f


def test_sample_findings(audited):
    rules = {}
    for f in audited["findings"]:
        rules.setdefault(f["rule"], []).append(f)
    contested = rules.get("contested-claim", [])
    assert contested, audited["findings"]
    by_id = {a["id"]: a for a in audited["attributions"]}
    cues = {by_id[i]["cue"]["text"] for f in contested for i in f["attributions"] if by_id[i]["cue"]}
    assert {"accused", "denied"} <= cues
    anon = [f for f in rules.get("anonymous-source", []) if "commander" in f["message"].lower()]
    assert anon
    assert any("admitted" in f["message"] for f in rules.get("loaded-cue", []))
    dillon = next(s for s in audited["speakers"] if s["name"] == "Ryan Dillon")
    dillon_ids = {a["id"] for a in audited["attributions"] if a["speaker"] == dillon["id"]}
    assert not [f for f in audited["findings"] if set(f["attributions"]) & dillon_ids]
