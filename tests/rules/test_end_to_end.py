"""The rules through the whole pipeline: load -> parse -> extract -> resolve -> check.

Needs the stanza model (``@pytest.mark.stanza``).  Covers the sample article's
acceptance criteria and checks that every rule's documented *Example* triggers
it while its *Use instead* text does not.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from attribution.check.registry import all_rules
from attribution.config import Config

pytestmark = pytest.mark.stanza

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"


@pytest.fixture(scope="module")
def sample_report(parser):
    from attribution.audit import audit_source
    from attribution.load import load

    return audit_source(load(str(SAMPLE)), parser, config=Config())


def _text(report, f):
    return report.source.text[f.start:f.end]


def _attr(report, id_):
    return next(a for a in report.resolved.attributions if a.id == id_)


def _cue(report, id_):
    a = _attr(report, id_)
    return report.source.text[a.cue.start:a.cue.end] if a.cue else ""


def test_sample_contested_claim_links_russia_and_the_sdf_commander(sample_report):
    r = sample_report
    contested = [f for f in r.findings if f.rule == "contested-claim"]
    assert contested, [(f.rule, f.message) for f in r.findings]
    pairs = [{_cue(r, i) for i in f.attributions} for f in contested]
    assert any("accused" in p and "denied" in p for p in pairs), pairs
    f = next(f for f, p in zip(contested, pairs) if "accused" in p and "denied" in p)
    assert "Russia" in f.message and "SDF" in f.message


def test_sample_anonymous_source_flags_the_sdf_commander(sample_report):
    r = sample_report
    anon = [f for f in r.findings if f.rule == "anonymous-source"]
    assert any("SDF commander" in _text(r, f) for f in anon), [(f.message) for f in anon]
    assert all("coalition spokesman" not in _text(r, f) for f in anon)


def test_sample_loaded_cue_flags_admitted(sample_report):
    r = sample_report
    loaded = [_text(r, f) for f in r.findings if f.rule == "loaded-cue"]
    assert "admitted" in loaded


def test_sample_no_finding_on_dillon_claims_nor_boilerplate(sample_report):
    r = sample_report
    text = r.source.text
    dillon = {s.id for s in r.resolved.speakers if "Dillon" in s.name}
    assert dillon, [s.name for s in r.resolved.speakers]
    dillon_attrs = {a.id for a in r.resolved.attributions if a.speaker in dillon}
    for f in r.findings:
        assert not (set(f.attributions) & dillon_attrs), (f.rule, f.message)
    lede = text.index("BEIRUT")
    tail = text.index("Copyright 2017")
    caption = text.index("FILE - ")
    caption_end = text.index("\n", caption)
    for f in r.findings:
        assert lede <= f.start < tail, (f.rule, f.message)
        assert not (caption <= f.start < caption_end), (f.rule, f.message)
    assert not [f for f in r.findings if f.rule in ("unattributed-quote", "unresolved-source",
                                                     "name-inconsistency")]


def _blocks(section: str) -> list[str]:
    return [m.group(1).strip() + "\n" for m in re.finditer(r"```text\n(.*?)```", section, re.S)]


def _audit(parser, text, rule_id):
    from attribution.audit import audit_source
    from attribution.load import load_text

    report = audit_source(load_text(text, path="example.txt"), parser, config=Config(select=(rule_id,)))
    return [f for f in report.findings if f.rule == rule_id]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_documented_example_triggers_the_rule(parser, rule):
    examples = _blocks(rule.section("Example"))
    assert examples
    for text in examples:
        assert _audit(parser, text, rule.id), f"{rule.id} did not fire on its example:\n{text}"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_documented_fix_does_not_trigger_the_rule(parser, rule):
    for text in _blocks(rule.section("Use instead")):
        assert not _audit(parser, text, rule.id), f"{rule.id} fired on its 'Use instead' text"


@pytest.mark.parametrize("text, rule_id, expected", [
    ('He added that the talks were "professional" and that both sides were "deconflicting" '
     'their air operations, Col. Ryan Dillon said.\n', "unattributed-quote", 0),
    ('The council voted to close the library.\n\n"This is the darkest day for our town in '
     'forty years."\n', "unattributed-quote", 1),
    ("A senior official said the talks had collapsed.\n", "anonymous-source", 1),
    ("Mayor Ann Ruiz said the talks had collapsed.\n", "anonymous-source", 0),
    ("The minister reportedly plans to resign.\n", "vague-attribution", 1),
    ("The minister plans to resign, her spokesman Tom Hale said.\n", "vague-attribution", 0),
    ("The company conceded that profits fell by half.\n", "loaded-cue", 1),
    ("The company said that profits fell by half.\n", "loaded-cue", 0),
])
def test_short_news_sentences(parser, text, rule_id, expected):
    assert len(_audit(parser, text, rule_id)) == expected


@pytest.mark.polnear
def test_polnear_articles_check_cleanly(parser, polnear_train):
    """Real articles: every finding points at real text, has a known rule and a one-line message."""
    import json

    from attribution.audit import audit_source
    from attribution.check.registry import lookup
    from attribution.load import load_text

    with open(polnear_train, encoding="utf-8") as fh:
        records = [json.loads(next(fh))]
    for rec in records:
        report = audit_source(load_text(rec["text"], path="a.txt", fmt="text"), parser, config=Config())
        ids = {a.id for a in report.resolved.attributions}
        for f in report.findings:
            assert lookup(f.rule) is not None
            assert 0 <= f.start < f.end <= len(rec["text"])
            assert "\n" not in f.message and f.message
            assert set(f.attributions) <= ids
        starts = [(f.start, f.rule) for f in report.findings]
        assert starts == sorted(starts)
