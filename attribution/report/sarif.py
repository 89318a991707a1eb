"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure).

One run; ``tool.driver.rules`` holds every registered rule once (id = the
readable rule id, the ATR code in ``properties``), so ``ruleIndex`` is stable
across runs.  Each result carries ``partialFingerprints`` computed from the rule
id, the path and the normalised text of the attributions it is about, never
from line numbers: editing the article above a finding does not open a new
alert.  Columns count code points (``columnKind``), as the JSON contract does.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from ..model import Finding, Report
from . import _view

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "attributionFingerprint/v1"
DEFAULT_URI = "https://pypi.org/project/attribution-lint/"  # the distribution name (`attribution` on PyPI is another project)


def _camel(rule_id: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^0-9A-Za-z]+", rule_id) if p)


def rule_descriptor(rule) -> dict:
    """A ``reportingDescriptor`` from a registry rule (``.id .code .severity .rationale .doc .status``)."""
    rationale = getattr(rule, "rationale", None) or rule.id
    doc = getattr(rule, "doc", None) or rationale
    sev = getattr(rule, "severity", None)
    section = getattr(rule, "section", None)
    what = (section("What it does") if callable(section) else "") or doc
    out = {
        "id": rule.id,
        "name": _camel(rule.id),
        "shortDescription": {"text": _view.one_line(rationale)},
        "fullDescription": {"text": _view.one_line(what)},
        "help": {"text": doc.strip(), "markdown": doc.strip()},
        "defaultConfiguration": {"level": LEVEL[_view.severity(sev).value] if sev else "warning"},
        "properties": {"tags": ["sourcing"]},
    }
    for key in ("code", "status"):
        value = getattr(rule, key, None)
        if value is not None:
            out["properties"][key] = getattr(value, "value", value)
    return out


def _unknown_descriptor(rule_id: str) -> dict:
    return {"id": rule_id, "name": _camel(rule_id), "shortDescription": {"text": rule_id},
            "properties": {"tags": ["sourcing"]}}


def artifact_uri(path: str) -> str:
    """A URI reference for a path as the user gave it (relative paths stay relative)."""
    if PureWindowsPath(path).drive or path.startswith("/"):
        posix = PureWindowsPath(path).as_posix() if PureWindowsPath(path).drive else path
        return "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    return quote(posix)


def fingerprint(report: Report, f: Finding) -> str:
    """Stable across edits that only move the finding: rule id + path + attribution text."""
    source = report.source
    texts = [_view.attribution_text(source, a) for a in _view.linked(report, f)]
    if not texts:
        texts = [source.text[f.start:f.end]]
    path = source.path.replace("\\", "/")
    payload = "\x00".join([f.rule, path, *(_view.normalise(t) for t in texts)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _region(report: Report, start: int, end: int) -> dict:
    source = report.source
    line, col = source.line_col(start)
    end_line, end_col = source.line_col(max(end, start))
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": max(0, end - start)}


def _location(report: Report, start: int, end: int) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.source.path)},
                                 "region": _region(report, start, end)}}


def _result(report: Report, f: Finding, index: dict[str, int], seen: dict[str, int]) -> dict:
    digest = fingerprint(report, f)
    seen[digest] = seen.get(digest, 0) + 1
    region = _region(report, f.start, f.end)
    region["startLine"], region["startColumn"] = f.line, f.column
    loc = _location(report, f.start, f.end)
    loc["physicalLocation"]["region"] = region
    out = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL[_view.severity(f.severity).value],
        "message": {"text": f.message},
        "locations": [loc],
        "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"},
    }
    related = []
    for i, a in enumerate(_view.linked(report, f), start=1):
        hull = a.content_hull
        rel = _location(report, hull.start, hull.end)
        rel["id"] = i
        said = _view.who(report, a) + (f" {_view.cue_text(report, a)}" if a.cue else "")
        content = _view.shorten(_view.attribution_text(report.source, a), 200)
        rel["message"] = {"text": f"{said}: {content}"}
        related.append(rel)
    if related:
        out["relatedLocations"] = related
    return out


def sarif(reports: Sequence[Report], *, tool: dict, rules: Iterable = ()) -> dict:
    descriptors = [rule_descriptor(r) for r in rules]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for rule_id in sorted({f.rule for r in reports for f in r.findings} - set(index)):
        index[rule_id] = len(descriptors)
        descriptors.append(_unknown_descriptor(rule_id))
    results = []
    for report in reports:
        seen: dict[str, int] = {}
        results.extend(_result(report, f, index, seen) for f in _view.findings(report))
    driver = {"name": tool.get("name", "attribution"), "version": tool.get("version"),
              "informationUri": tool.get("informationUri", DEFAULT_URI), "rules": descriptors}
    if driver["version"] is None:
        del driver["version"]
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    if tool.get("model"):
        run["properties"] = {"model": tool["model"]}
    return {"$schema": SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(reports: Sequence[Report], *, tool: dict, rules: Iterable = ()) -> str:
    from .json import dumps

    return dumps(sarif(reports, tool=tool, rules=rules))
