"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure).

One run; ``tool.driver.rules`` holds every registered rule once (id = the
readable rule id, the ATR code in ``properties``), so ``ruleIndex`` is stable
across runs.  Each result carries ``partialFingerprints`` computed from the rule
id, the path and the normalised text of the attributions it is about, never
from line numbers: editing the article above a finding does not open a new
alert.  Columns count code points (``columnKind``), as the JSON contract does.
An input under the working directory is named relative to it, with ``uriBaseId``
``%SRCROOT%`` and the directory's ``file://`` URI in the run's ``originalUriBaseIds``
(as code scanning expects: the paths resolve from the repository root); a path
outside it keeps its absolute ``file://`` URI, stdin stays ``-``.
"""
from __future__ import annotations

import hashlib
import os
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
SRCROOT = "%SRCROOT%"
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
        return "file://" + ("" if posix.startswith("/") else "/") + quote(
            posix, safe="/:", errors="surrogateescape")
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    return quote(posix, errors="surrogateescape")  # a non-UTF-8 name: its own bytes, %-escaped


def relative_to(path: str, base: str) -> str | None:
    """``path`` relative to the directory ``base`` when it lies under it (lexically: links
    are not followed), else ``None`` (stdin, a path outside, another drive)."""
    if path in ("", "-") or (PureWindowsPath(path).drive and os.sep == "/"):
        return None
    try:
        rel = os.path.relpath(os.path.normpath(os.path.join(base, path)), base)
    except ValueError:  # Windows: another drive
        return None
    if rel in (os.curdir, os.pardir) or rel.startswith(os.pardir + os.sep):
        return None
    return rel


def artifact_location(path: str, base: str | None) -> dict:
    """``{"uri": ...}``, relative to ``%SRCROOT%`` (``base``) when the path lies under it."""
    rel = relative_to(path, base) if base else None
    if rel is None:
        return {"uri": artifact_uri(path)}
    return {"uri": artifact_uri(rel), "uriBaseId": SRCROOT}


def base_uri(base: str) -> str:
    """The ``file://`` URI of a directory, ending in ``/`` as SARIF requires of a base."""
    uri = artifact_uri(os.path.abspath(base))
    return uri if uri.endswith("/") else uri + "/"


def fingerprint(report: Report, f: Finding) -> str:
    """Stable across edits that only move the finding: rule id + path + attribution text."""
    source = report.source
    texts = [_view.attribution_text(source, a) for a in _view.linked(report, f)]
    if not texts:
        texts = [source.text[f.start:f.end]]
    path = source.path.replace("\\", "/")
    payload = "\x00".join([f.rule, path, *(_view.normalise(t) for t in texts)])
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _region(report: Report, start: int, end: int) -> dict:
    source = report.source
    line, col = source.line_col(start)
    end_line, end_col = source.line_col(max(end, start))
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": max(0, end - start)}


def _location(report: Report, start: int, end: int, artifact: dict) -> dict:
    return {"physicalLocation": {"artifactLocation": dict(artifact),
                                 "region": _region(report, start, end)}}


def _result(report: Report, f: Finding, index: dict[str, int], seen: dict[str, int],
            artifact: dict) -> dict:
    digest = fingerprint(report, f)
    seen[digest] = seen.get(digest, 0) + 1
    region = _region(report, f.start, f.end)
    region["startLine"], region["startColumn"] = f.line, f.column
    loc = _location(report, f.start, f.end, artifact)
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
        rel = _location(report, hull.start, hull.end, artifact)
        rel["id"] = i
        said = _view.who(report, a) + (f" {_view.cue_text(report, a)}" if a.cue else "")
        content = _view.shorten(_view.attribution_text(report.source, a), 200)
        rel["message"] = {"text": f"{said}: {content}"}
        related.append(rel)
    if related:
        out["relatedLocations"] = related
    return out


def sarif(reports: Sequence[Report], *, tool: dict, rules: Iterable = (),
          base: str | None = None) -> dict:
    """The SARIF log; ``base`` is the directory paths are made relative to (default: the
    working directory)."""
    if base is None:
        try:
            base = os.getcwd()
        except OSError:  # the working directory was removed: every path as given
            base = None
    descriptors = [rule_descriptor(r) for r in rules]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for rule_id in sorted({f.rule for r in reports for f in r.findings} - set(index)):
        index[rule_id] = len(descriptors)
        descriptors.append(_unknown_descriptor(rule_id))
    results = []
    used_base = False
    for report in reports:
        seen: dict[str, int] = {}
        artifact = artifact_location(report.source.path, base)
        used_base = used_base or "uriBaseId" in artifact
        results.extend(_result(report, f, index, seen, artifact) for f in _view.findings(report))
    driver = {"name": tool.get("name", "attribution"), "version": tool.get("version"),
              "informationUri": tool.get("informationUri", DEFAULT_URI), "rules": descriptors}
    if driver["version"] is None:
        del driver["version"]
    run = {"tool": {"driver": driver}}
    if used_base:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base_uri(base)}}
    run.update({"columnKind": "unicodeCodePoints", "results": results})
    if tool.get("model"):
        run["properties"] = {"model": tool["model"]}
    return {"$schema": SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(reports: Sequence[Report], *, tool: dict, rules: Iterable = (),
           base: str | None = None) -> str:
    from .json import dumps

    return dumps(sarif(reports, tool=tool, rules=rules, base=base))
