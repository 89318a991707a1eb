"""The JSON contract (``--format json``), version 1: the canonical report.

Every other format is a view of the same data.  Key order is the contract's;
lists are in document order, so the same input gives byte-identical output.

Extra keys beyond the issue's contract, present only when non-empty:
``attributions[].confidence`` ("high" or "low": how sure resolve is of the speaker link),
``tool.config`` (the configuration file in effect, when one applies),
``documents[].notices`` (e.g. "decoded as cp1252") and a top-level ``errors``
list of ``{"path", "message"}`` for inputs that could not be read.
"""
from __future__ import annotations

import json as _json
from collections.abc import Iterable, Sequence

from ..model import Attribution, Finding, Mention, Report, Source, Span, Speaker
from . import _view

VERSION = 1


def _span(source: Source, span: Span | Mention | None) -> dict | None:
    if span is None:
        return None
    return {"text": source.text[span.start:span.end], "start": span.start, "end": span.end}


def _attribution(source: Source, a: Attribution) -> dict:
    hull = a.content_hull
    return {
        "id": a.id,
        "type": a.type,
        "content": {
            "text": source.text[hull.start:hull.end],
            "start": hull.start,
            "end": hull.end,
            "spans": [[s.start, s.end] for s in a.content],
        },
        "cue": _span(source, a.cue),
        "source": _span(source, a.source),
        "speaker": a.speaker,
        **({"confidence": a.confidence} if a.confidence else {}),
    }


def _speaker(source: Source, sp: Speaker) -> dict:
    return {
        "id": sp.id,
        "name": sp.name,
        "kind": sp.kind,
        "title": sp.title,
        "role": sp.role,
        "affiliation": sp.affiliation,
        "mentions": [_span(source, m) for m in sp.mentions],
    }


def _finding(f: Finding) -> dict:
    return {
        "rule": f.rule,
        "severity": _view.severity(f.severity).value,
        "message": f.message,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "attributions": list(f.attributions),
    }


def document(report: Report) -> dict:
    """One entry of the contract's ``documents`` list."""
    source = report.source
    out = {
        "path": source.path,
        "attributions": [_attribution(source, a) for a in _view.attributions(report)],
        "speakers": [_speaker(source, sp) for sp in report.resolved.speakers],
        "findings": [_finding(f) for f in _view.findings(report)],
    }
    if source.notices:
        out["notices"] = list(source.notices)
    return out


def contract(reports: Sequence[Report], tool: dict,
             errors: Iterable[tuple[str, str]] = ()) -> dict:
    """The whole ``--format json`` object."""
    out = {
        "version": VERSION,
        "tool": {"name": tool.get("name", "attribution"), "version": tool.get("version"),
                 "model": tool.get("model"),
                 **({"config": tool["config"]} if tool.get("config") else {})},
        "documents": [document(r) for r in reports],
        "summary": {
            "documents": len(reports),
            "attributions": sum(len(r.resolved.attributions) for r in reports),
            "findings": _view.counts(reports),
        },
    }
    errors = [{"path": p, "message": m} for p, m in errors]
    if errors:
        out["errors"] = errors
    return out


def dumps(obj: dict) -> str:
    from .safe import json_text  # C1 and bidi controls as \\uXXXX: the same data, inert on a terminal

    return json_text(_json.dumps(obj, ensure_ascii=False, indent=2)) + "\n"


def render(reports: Sequence[Report], *, tool: dict, errors: Iterable[tuple[str, str]] = ()) -> str:
    return dumps(contract(reports, tool, errors))
