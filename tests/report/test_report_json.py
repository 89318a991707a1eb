"""The JSON contract of issue 3: shape, key order, offsets that slice the text, stability."""
from __future__ import annotations

import dataclasses
import json
import random

from attribution.model import AttributionType, Confidence, Severity, SpeakerKind
from attribution.report import contract
from attribution.report import json as rjson
from attribution.report import render

from .report_article import TOOL, build


def _required(record) -> list[str]:
    """The keys every record of this contract type has, in the contract's order."""
    return [k for k in record.__annotations__ if k in record.__required_keys__]


TOP_KEYS = _required(contract.Contract)
DOC_KEYS = _required(contract.DocumentRecord)
ATTR_KEYS = _required(contract.AttributionRecord)
CONTENT_KEYS = _required(contract.ContentRecord)
SPAN_KEYS = _required(contract.SpanRecord)
SPEAKER_KEYS = _required(contract.SpeakerRecord)
FINDING_KEYS = _required(contract.FindingRecord)


def _load(reports, **kw):
    return json.loads(render(reports, "json", tool=TOOL, **kw))


def test_contract_shape_and_key_order():
    report = build()
    out = _load([report])
    assert list(out) == TOP_KEYS
    assert out["version"] == 1
    assert out["tool"] == {"name": "attribution", "version": "0.1.0", "model": "test-model"}
    assert list(out["tool"]) == ["name", "version", "model"]
    (doc,) = out["documents"]
    assert list(doc) == DOC_KEYS
    assert doc["path"] == "drafts/syria.md"
    assert len(doc["attributions"]) == 6
    for a in doc["attributions"]:
        # "confidence" follows "speaker" when resolve says how sure it is of the speaker
        assert list(a) == ATTR_KEYS + (["confidence"] if "confidence" in a else [])
        assert "confidence" not in a or a["speaker"] is not None
        assert a.get("confidence") in (None, *(c.value for c in Confidence))
        assert a["type"] in {t.value for t in AttributionType}
        assert list(a["content"]) == CONTENT_KEYS
        for key in ("cue", "source"):
            assert a[key] is None or list(a[key]) == SPAN_KEYS
        assert a["speaker"] is None or a["speaker"] in {s["id"] for s in doc["speakers"]}
    for s in doc["speakers"]:
        assert list(s) == SPEAKER_KEYS
        assert s["kind"] in {k.value for k in SpeakerKind}
        assert all(list(m) == SPAN_KEYS for m in s["mentions"])
    ids = {a["id"] for a in doc["attributions"]}
    for f in doc["findings"]:
        assert list(f) == FINDING_KEYS
        assert f["severity"] in {s.value for s in Severity}
        assert set(f["attributions"]) <= ids
        assert f["line"] >= 1 and f["column"] >= 1
    assert out["summary"] == {"documents": 1, "attributions": 6,
                              "findings": {"error": 1, "warning": 2, "info": 1}}


def test_every_text_is_the_slice_of_the_file():
    report = build(prefix="Skip to main content\n\n")
    text = report.source.text
    (doc,) = _load([report])["documents"]
    checked = 0
    for a in doc["attributions"]:
        c = a["content"]
        assert c["text"] == text[c["start"]:c["end"]]
        assert c["start"] == min(s for s, _ in c["spans"]) and c["end"] == max(e for _, e in c["spans"])
        for key in ("cue", "source"):
            if a[key] is not None:
                assert a[key]["text"] == text[a[key]["start"]:a[key]["end"]]
                checked += 1
    for s in doc["speakers"]:
        for m in s["mentions"]:
            assert m["text"] == text[m["start"]:m["end"]]
            checked += 1
    assert checked > 10
    # the quote split by its cue: the hull covers the cue, the spans are the two pieces
    split = next(a for a in doc["attributions"] if len(a["content"]["spans"]) == 2)
    (s1, e1), (s2, e2) = split["content"]["spans"]
    assert text[s1:e1] == '"We do not want to get into a shooting match,"'
    assert text[s2:e2] == '"with anybody other than ISIS."'
    assert "Dillon said" in split["content"]["text"]
    # findings: line/column agree with the offsets
    for f in doc["findings"]:
        assert report.source.line_col(f["start"]) == (f["line"], f["column"])


def test_byte_identical_whatever_the_input_order():
    report = build()
    first = render([report], "json", tool=TOOL)
    assert render([report], "json", tool=TOOL) == first
    rng = random.Random(7)
    attrs = list(report.resolved.attributions)
    finds = list(report.findings)
    rng.shuffle(attrs)
    rng.shuffle(finds)
    shuffled = dataclasses.replace(
        report, resolved=dataclasses.replace(report.resolved, attributions=tuple(attrs)),
        findings=tuple(finds))
    assert render([shuffled], "json", tool=TOOL) == first


def test_non_ascii_is_written_as_is():
    out = render([build()], "json", tool=TOOL)
    assert "\u201cThe firing positions" in out
    assert "Russia\u2019s Defense Ministry" in out
    assert "\\u201c" not in out


def test_extra_keys_only_when_needed():
    report = build()
    plain = _load([report])
    assert "errors" not in plain and "notices" not in plain["documents"][0]
    noisy_source = dataclasses.replace(report.source, notices=("decoded as cp1252 (not valid UTF-8)",))
    noisy = dataclasses.replace(
        report, resolved=dataclasses.replace(
            report.resolved, document=dataclasses.replace(report.resolved.document, source=noisy_source)))
    out = _load([noisy], errors=[("missing.md", "no such file")])
    assert out["errors"] == [{"path": "missing.md", "message": "no such file"}]
    assert out["documents"][0]["notices"] == ["decoded as cp1252 (not valid UTF-8)"]
    assert list(out)[:4] == TOP_KEYS


def test_several_documents_and_none():
    a, b = build(path="a.md"), build(path="b.md", prefix="Intro.\n\n")
    out = _load([a, b])
    assert [d["path"] for d in out["documents"]] == ["a.md", "b.md"]
    assert out["summary"]["documents"] == 2 and out["summary"]["attributions"] == 12
    assert out["summary"]["findings"] == {"error": 2, "warning": 4, "info": 2}
    empty = _load([])
    assert empty["documents"] == [] and empty["summary"]["findings"] == {"error": 0, "warning": 0, "info": 0}


def test_document_function_is_the_contract_entry():
    report = build()
    assert rjson.document(report) == rjson.contract([report], TOOL)["documents"][0]
