"""``--format sarif``: the required SARIF 2.1.0 structure, checked by hand, and stable fingerprints.

The SARIF 2.1.0 JSON schema cannot be downloaded here, so :func:`validate` checks
the properties the schema marks required (and the enums and minimums) for every
object this reporter writes.
"""
from __future__ import annotations

import dataclasses
import json

import pytest

from attribution.model import Severity
from attribution.report import render, sarif

from .report_article import TOOL, build, FakeRule

LEVELS = {"none", "note", "warning", "error"}




RULES = [
    FakeRule("ATR101", "unattributed-quote", Severity.ERROR, "A quote nobody said cannot be checked.",
             "## What it does\nFlags quotes with no speaker."),
    FakeRule("ATR201", "anonymous-source", Severity.WARNING, "Readers cannot weigh an unnamed source.",
             "## What it does\nFlags unnamed sources."),
    FakeRule("ATR205", "contested-claim", Severity.WARNING, "Both sides belong together.",
             "## What it does\nLinks accusation and denial."),
]


def _message(m, where):
    assert isinstance(m, dict) and isinstance(m.get("text"), str) and m["text"], where


def _region(r, where):
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        assert isinstance(r[key], int) and r[key] >= 1, (where, key)
    assert isinstance(r["charOffset"], int) and r["charOffset"] >= 0
    assert isinstance(r["charLength"], int) and r["charLength"] >= 0
    assert (r["endLine"], r["endColumn"]) >= (r["startLine"], r["startColumn"]), where


def _location(loc, where, bases=None):
    phys = loc["physicalLocation"]
    assert isinstance(phys["artifactLocation"]["uri"], str) and phys["artifactLocation"]["uri"], where
    if "uriBaseId" in phys["artifactLocation"]:  # a relative URI with a base the run defines
        assert phys["artifactLocation"]["uriBaseId"] in (bases or {}), where
        assert ":" not in phys["artifactLocation"]["uri"].split("/")[0], where
    _region(phys["region"], where)


def validate(log: dict) -> None:
    """The schema's required properties for sarifLog, run, tool, toolComponent,
    reportingDescriptor, result, message, location and region."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json") or "sarif-schema-2.1.0" in log["$schema"]
    assert isinstance(log["runs"], list) and log["runs"]
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        assert isinstance(driver["name"], str) and driver["name"]
        rules = driver.get("rules", [])
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids)), "rule ids are unique"
        for r in rules:
            assert isinstance(r["id"], str) and r["id"]
            for key in ("shortDescription", "fullDescription", "help"):
                if key in r:
                    _message(r[key], r["id"])
            if "defaultConfiguration" in r:
                assert r["defaultConfiguration"]["level"] in LEVELS
        assert run.get("columnKind", "unicodeCodePoints") in {"unicodeCodePoints", "utf16CodeUnits"}
        bases = run.get("originalUriBaseIds", {})
        for base in bases.values():  # an absolute URI that ends with a slash
            assert base["uri"].startswith("file:///") and base["uri"].endswith("/"), base
        for res in run["results"]:
            _message(res["message"], res)
            assert res["level"] in LEVELS
            assert isinstance(res["ruleIndex"], int) and res["ruleIndex"] >= -1
            assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
            for loc in res["locations"]:
                _location(loc, res["ruleId"], bases)
            for loc in res.get("relatedLocations", []):
                assert isinstance(loc["id"], int) and loc["id"] >= -1
                _location(loc, res["ruleId"], bases)
                _message(loc["message"], res["ruleId"])
            fps = res["partialFingerprints"]
            assert fps and all(isinstance(v, str) and v for v in fps.values())


def _sarif(reports, rules=RULES):
    text = sarif.render(reports, tool=TOOL, rules=rules)
    log = json.loads(text)
    validate(log)
    return log


def test_required_structure_and_rules():
    report = build()
    log = _sarif([report])
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "attribution" and driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    by_id = {r["id"]: r for r in driver["rules"]}
    assert by_id["anonymous-source"]["shortDescription"]["text"] == "Readers cannot weigh an unnamed source."
    assert by_id["anonymous-source"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["unattributed-quote"]["defaultConfiguration"]["level"] == "error"
    assert by_id["anonymous-source"]["properties"]["code"] == "ATR201"
    assert "Flags unnamed sources" in by_id["anonymous-source"]["help"]["text"]
    # loaded-cue is not in the rule list given: it still gets a descriptor
    assert "loaded-cue" in by_id
    assert [r["id"] for r in driver["rules"]][:3] == [r.id for r in RULES]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"loaded-cue": "note", "anonymous-source": "warning",
                      "contested-claim": "warning", "unattributed-quote": "error"}


def test_regions_point_at_the_finding():
    report = build(prefix="A headline\n\n")
    text = report.source.text
    log = _sarif([report])
    by_rule = {f.rule: f for f in report.findings}
    for res in log["runs"][0]["results"]:
        f = by_rule[res["ruleId"]]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == text[f.start:f.end]
        assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
        assert region["endColumn"] == region["startColumn"] + region["charLength"]  # one-line spans
    contested = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "contested-claim")
    sides = [loc["message"]["text"] for loc in contested["relatedLocations"]]
    assert sides[0].startswith("Russia accused:") and sides[1].startswith("SDF commander denied:")


def test_fingerprints_do_not_depend_on_line_numbers():
    before = _sarif([build()])["runs"][0]["results"]
    after = _sarif([build(prefix="Update: new lede added.\n\nAnother line.\n\n")])["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before] != \
           [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    fps = [next(iter(r["partialFingerprints"].values())) for r in before]
    assert len(set(fps)) == len(fps)


def test_fingerprints_change_with_path_rule_and_text():
    report = build()
    f = report.findings[1]  # anonymous-source on a4
    base = sarif.fingerprint(report, f)
    assert sarif.fingerprint(build(path="other.md"), f) != base
    assert sarif.fingerprint(report, dataclasses.replace(f, rule="vague-attribution")) != base
    assert sarif.fingerprint(report, dataclasses.replace(f, attributions=("a1",))) != base
    # where the finding sits does not matter
    assert sarif.fingerprint(report, dataclasses.replace(f, line=99, column=7, start=0, end=3)) == base


def test_normalised_text_ignores_case_spacing_and_quote_style():
    from attribution.report._view import normalise

    assert normalise("\u201cWe  will\n NOT stop,\u201d") == normalise('"we will not stop,"')
    assert normalise("it\u2019s") == "it's"


def test_duplicate_findings_get_distinct_fingerprints():
    report = build()
    f = report.findings[1]
    twice = dataclasses.replace(report, findings=(f, dataclasses.replace(f)))
    results = _sarif([twice])["runs"][0]["results"]
    fps = [r["partialFingerprints"]["attributionFingerprint/v1"] for r in results]
    assert fps[0].endswith(":1") and fps[1].endswith(":2") and fps[0][:-2] == fps[1][:-2]


def test_uris_are_uri_references():
    assert sarif.artifact_uri("drafts/syria day 2.md") == "drafts/syria%20day%202.md"
    assert sarif.artifact_uri("drafts\\syria.md") == "drafts/syria.md"
    assert sarif.artifact_uri("/srv/news/a b.md") == "file:///srv/news/a%20b.md"
    assert sarif.artifact_uri("C:\\news\\a.md") == "file:///C:/news/a.md"


def _artifacts(log):
    return [loc["physicalLocation"]["artifactLocation"] for res in log["runs"][0]["results"]
            for loc in res["locations"] + res.get("relatedLocations", [])]


def test_paths_under_the_base_are_relative_to_srcroot(tmp_path):
    base = tmp_path / "news room"
    inside = [build(path="drafts/syria.md"), build(path=str(base / "drafts" / "b.md"))]
    log = json.loads(sarif.render(inside, tool=TOOL, rules=RULES, base=str(base)))
    validate(log)
    assert log["runs"][0]["originalUriBaseIds"] == {
        "%SRCROOT%": {"uri": "file://" + str(base).replace(" ", "%20") + "/"}}
    assert {(a["uri"], a["uriBaseId"]) for a in _artifacts(log)} == {
        ("drafts/syria.md", "%SRCROOT%"), ("drafts/b.md", "%SRCROOT%")}


def test_paths_outside_the_base_stay_as_given(tmp_path):
    outside = [build(path="../elsewhere/a.md"), build(path="/srv/news/b.md"), build(path="-")]
    log = json.loads(sarif.render(outside, tool=TOOL, rules=RULES, base=str(tmp_path)))
    validate(log)
    assert "originalUriBaseIds" not in log["runs"][0]
    assert {a["uri"] for a in _artifacts(log)} == {"../elsewhere/a.md", "file:///srv/news/b.md", "-"}
    assert not any("uriBaseId" in a for a in _artifacts(log))


def test_the_default_base_is_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    log = json.loads(sarif.render([build(path=str(tmp_path / "d" / "x.md"))], tool=TOOL, rules=RULES))
    assert _artifacts(log)[0] == {"uri": "d/x.md", "uriBaseId": "%SRCROOT%"}
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == sarif.base_uri(str(tmp_path))
    # the same inputs from the same directory: the same bytes
    assert sarif.render([build(path="d/x.md")], tool=TOOL, rules=RULES) == \
        sarif.render([build(path="d/x.md")], tool=TOOL, rules=RULES)


def test_render_uses_the_registry_rules():
    from attribution.check.registry import all_rules
    from attribution.report import registered_rules

    rules = all_rules()  # a broken rule module fails here, not skips
    assert rules and registered_rules() == rules
    log = json.loads(render([build()], "sarif", tool=TOOL))
    validate(log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ids[: len(rules)] == [r.id for r in rules]
    assert all(r["properties"]["code"].startswith("ATR")
               for r in log["runs"][0]["tool"]["driver"]["rules"][: len(rules)])
    for desc, rule in zip(log["runs"][0]["tool"]["driver"]["rules"], rules, strict=False):
        assert desc["shortDescription"]["text"] == " ".join(rule.rationale.split())
        assert "##" not in desc["fullDescription"]["text"]        # the "What it does" section
        assert "## Example" in desc["help"]["markdown"]           # the whole documentation
