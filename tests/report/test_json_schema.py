"""The JSON contract's schema: generated from attribution/report/contract.py, shipped current,
and true of real output (the sample, drafts, archive records), checked both by the package's own
validator and by ``jsonschema`` (a test dependency)."""
from __future__ import annotations

import json
import typing
from pathlib import Path

import jsonschema
import pytest

from attribution.model import AttributionType, Confidence, Severity, SpeakerKind
from attribution.report import contract, render
from attribution.report.schema import SCHEMA, json_schema, schema_text, shipped, validate

from .report_article import TOOL, build

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "json-schema.json"
DRAFTS = ["local-council-bookmobile.md", "business-vantor-lawsuit.html", "wire-ferry-deal.txt",
          "political-okonkwo-frey.md"]


def _jsonschema_errors(instance, record: str = "Contract") -> list[str]:
    schema = dict(shipped(), **{"$ref": f"#/$defs/{record}"})
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(instance)]


def _assert_valid(instance, record: str = "Contract") -> None:
    assert validate(instance, record) == []
    assert _jsonschema_errors(instance, record) == []


# ---------------------------------------------------------------- the schema files


def test_shipped_schema_and_docs_copy_are_current():
    """Stale? Run ``.venv/bin/python scripts/update_json_schema.py``."""
    assert SCHEMA.read_text(encoding="utf-8") == schema_text()
    assert DOCS.read_text(encoding="utf-8") == schema_text()


def test_schema_is_valid_json_schema_2020_12():
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_the_package_ships_the_schema():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"report/schema.json"' in pyproject


def test_kinds_are_the_model_enums():
    defs = shipped()["$defs"]
    assert defs["AttributionRecord"]["properties"]["type"]["enum"] == [t.value for t in AttributionType]
    assert defs["AttributionRecord"]["properties"]["confidence"]["enum"] == [c.value for c in Confidence]
    assert defs["SpeakerRecord"]["properties"]["kind"]["enum"] == [k.value for k in SpeakerKind]
    assert defs["FindingRecord"]["properties"]["severity"]["enum"] == [s.value for s in Severity]
    assert list(defs["SeverityCounts"]["properties"]) == [s.value for s in
                                                          sorted(Severity, key=lambda s: -s.rank)]


def test_every_record_is_in_the_schema():
    from attribution.report import contract_summary

    records = {name for module in (contract, contract_summary) for name, obj in vars(module).items()
               if typing.is_typeddict(obj)}
    assert len(records) > 20 and records | {"ArchiveRecord"} == set(shipped()["$defs"])


# ---------------------------------------------------------------- real output


def test_hand_built_report_with_every_optional_key_validates():
    import dataclasses

    report = build()
    noisy_source = dataclasses.replace(report.source, notices=("decoded as cp1252 (not valid UTF-8)",))
    first, *rest = report.resolved.attributions
    linked = dataclasses.replace(first, speaker=report.resolved.speakers[0].id, confidence="low")
    noisy = dataclasses.replace(report, resolved=dataclasses.replace(
        report.resolved, document=dataclasses.replace(report.resolved.document, source=noisy_source),
        attributions=(linked, *rest)))
    out = json.loads(render([noisy, build(path="b.md")], "json", tool=dict(TOOL, config=".attribution.toml"),
                            errors=[("missing.md", "no such file")]))
    assert "errors" in out and "config" in out["tool"] and "notices" in out["documents"][0]
    assert "low" in {a.get("confidence") for a in out["documents"][0]["attributions"]}
    _assert_valid(out)
    _assert_valid(json.loads(render([], "json", tool=TOOL)))


@pytest.mark.stanza
def test_sample_and_drafts_validate(parser):
    from attribution.audit import audit_source
    from attribution.load import load

    paths = [ROOT / "corpus" / "russia-sdf-syria.txt"] + [ROOT / "corpus" / "drafts" / d for d in DRAFTS]
    reports = [audit_source(load(str(p)), parser) for p in paths]
    out = json.loads(render(reports, "json", tool=dict(TOOL, model=parser.model_id)))
    assert out["summary"]["attributions"] > 50 and sum(out["summary"]["findings"].values()) > 5
    kinds = {s["kind"] for d in out["documents"] for s in d["speakers"]}
    assert kinds == {k.value for k in SpeakerKind}
    _assert_valid(out)
    for report in reports:  # an archive line of each
        rec = json.loads(json.dumps(contract.archive_record("x1", publisher="Wire", date="2024-05-02",
                                                            model=parser.model_id, report=report)))
        _assert_valid(rec, "ArchiveDocument")
        _assert_valid(rec, "ArchiveRecord")


def test_archive_error_record_validates():
    rec = contract.archive_record("wire.jsonl#3", publisher="Wire", path="wire.jsonl#3",
                                  error="text too large")
    assert list(rec) == ["id", "publisher", "path", "error"] and contract.is_error(rec)
    _assert_valid(rec, "ArchiveError")
    _assert_valid(rec, "ArchiveRecord")
    assert validate(rec, "ArchiveDocument")  # not a document


def test_archive_summaries_validate():
    from attribution.archive import aggregate

    recs = [json.loads(json.dumps(contract.archive_record(f"d{i}", publisher=pub, date=date, model="m",
                                                          report=build(path=f"d{i}.md"))))
            for i, (pub, date) in enumerate([("Wire", "2024-05-02"), (None, None), ("Daily", "2023-01-09")])]
    recs.append(contract.archive_record("bad.txt", path="bad.txt", error="cannot read: permission denied"))
    summary = json.loads(json.dumps(aggregate(recs)))
    assert summary["audited"] == 3 and summary["errors"] == 1 and summary["top_speakers"]
    assert summary["attributions"]["by_speaker_kind"] and summary["findings"]["by_rule"]
    _assert_valid(summary, "ArchiveSummary")
    empty = json.loads(json.dumps(aggregate([])))
    assert empty["attributions"]["per_document"] is None
    _assert_valid(empty, "ArchiveSummary")
    summary["attributions"]["by_type"]["direct"] = "3"
    assert validate(summary, "ArchiveSummary") == ["$.attributions.by_type.direct: str is not integer"]


def test_rule_listing_validates():
    from attribution.check.registry import all_rules

    listing = json.loads(json.dumps(contract.rule_listing(all_rules())))
    assert len(listing["rules"]) == len(all_rules()) and {r["status"] for r in listing["rules"]} == {
        "stable", "preview"}
    _assert_valid(listing, "RuleListing")


# ---------------------------------------------------------------- the validator says what is wrong


def _doc():
    return json.loads(render([build()], "json", tool=TOOL))


@pytest.mark.parametrize("damage, says", [
    (lambda o: o["documents"][0]["attributions"][0].update(type="quote"), "'quote' is not one of"),
    (lambda o: o["documents"][0]["speakers"][0].update(kind="place"), "'place' is not one of"),
    (lambda o: o["documents"][0]["findings"][0].update(severity="fatal"), "'fatal' is not one of"),
    (lambda o: o["documents"][0]["findings"][0].pop("line"), "no 'line'"),
    (lambda o: o["documents"][0]["findings"][0].update(code="ATR101"), "unexpected 'code'"),
    (lambda o: o["documents"][0]["attributions"][0]["content"]["spans"].append([1]), "1 items"),
    (lambda o: o["documents"][0]["attributions"][0].update(cue={"text": "said", "start": -1, "end": 4}),
     "matches 0 of the anyOf"),
    (lambda o: o["summary"].update(documents="1"), "str is not integer"),
    (lambda o: o.update(version=2), "2 is not 1"),
])
def test_validator_finds_each_kind_of_damage(damage, says):
    out = _doc()
    damage(out)
    errors = validate(out)
    assert any(says in e for e in errors), errors
    assert _jsonschema_errors(out), "jsonschema agrees that it is invalid"


def test_validator_checks_the_contracts_key_order():
    out = _doc()
    a = out["documents"][0]["attributions"][0]
    out["documents"][0]["attributions"][0] = dict(reversed(list(a.items())))
    (error,) = validate(out)
    assert error.startswith("$.documents[0].attributions[0]: keys out of order")
