"""Sourcing statistics over archive records, in one pass (:func:`aggregate`).

The records are ``documents.jsonl`` lines (:class:`~attribution.report.contract.ArchiveDocument`
or :class:`~attribution.report.contract.ArchiveError`), read through the contract's readers.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from typing import Iterable

from ..model import Severity
from ..report import contract
from ..report.contract import ArchiveRecord
from ..report.contract_summary import ArchiveSummary, GroupRow, YearRow
from .plan import JSONL_SUFFIXES


TOP = 15


def _group_of(rec: dict) -> str:
    if rec.get("publisher"):
        return str(rec["publisher"])
    path = str(rec.get("path") or rec.get("id") or "")
    if "#" in path and path.split("#", 1)[0].lower().endswith(JSONL_SUFFIXES):
        return path.split("#", 1)[0]  # a JSONL article without publisher: its file
    parent = os.path.dirname(path)
    return parent or "."


class _Tally:
    __slots__ = ("documents", "attributions", "with_speaker", "anonymous", "findings", "rules")

    def __init__(self):
        self.documents = self.attributions = self.with_speaker = self.anonymous = self.findings = 0
        self.rules: Counter = Counter()

    def add(self, rec: ArchiveRecord, by_id: dict) -> None:
        self.documents += 1
        attrs = contract.attributions(rec)
        self.attributions += len(attrs)
        for a in attrs:
            sp = by_id.get(a.get("speaker"))
            if sp is not None and sp.get("kind") is not None:
                self.with_speaker += 1
                self.anonymous += contract.is_anonymous(sp)
        found = contract.findings(rec)
        self.findings += len(found)
        self.rules.update(f.get("rule") for f in found)

    def row(self) -> dict:  # a GroupRow or YearRow without its first key
        return {
            "documents": self.documents,
            "attributions": self.attributions,
            "attributions_per_document": _ratio(self.attributions, self.documents),
            "with_speaker": self.with_speaker,
            "anonymous": self.anonymous,
            "anonymous_share": _ratio(self.anonymous, self.with_speaker),
            "findings": self.findings,
            "findings_per_document": _ratio(self.findings, self.documents),
            "top_rule": min(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))[0] if self.rules else None,
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def aggregate(records: Iterable[ArchiveRecord]) -> ArchiveSummary:
    """Sourcing statistics over archive records (deterministic: independent of record order)."""
    n_records = n_ok = 0
    errors: list[dict] = []
    total = _Tally()
    groups: dict[str, _Tally] = defaultdict(_Tally)
    years: dict[str, _Tally] = defaultdict(_Tally)
    types: Counter = Counter()
    kinds_count: Counter = Counter()
    per_doc: list[int] = []
    speakers: dict[tuple[str, str], dict] = {}
    anonymous: dict[str, dict] = {}
    affiliations: dict[str, dict] = {}
    rules: dict[str, dict] = {}
    severities: Counter = Counter()
    models: Counter = Counter()
    grouped_by = set()

    for rec in records:  # one pass, nothing kept per document: an archive may not fit in memory
        n_records += 1
        if contract.is_error(rec):
            errors.append({"id": rec.get("id"), "error": rec.get("error")})
            continue
        n_ok += 1
        if rec.get("model"):
            models[rec["model"]] += 1
        sp = contract.speakers(rec)
        attrs = contract.attributions(rec)
        total.add(rec, sp)
        groups[_group_of(rec)].add(rec, sp)
        grouped_by.add("publisher" if rec.get("publisher") else "folder")
        if rec.get("publication_date"):
            years[str(rec["publication_date"])[:4]].add(rec, sp)
        per_doc.append(len(attrs))
        by_speaker: Counter = Counter()
        for a in attrs:
            types[a.get("type")] += 1
            s = sp.get(a.get("speaker"))
            kinds_count[s.get("kind") if s else None] += 1
            if s is not None:
                by_speaker[s.get("id")] += 1
        counted: set = set()  # rows already counted for this document

        def once(key) -> int:
            if key in counted:
                return 0
            counted.add(key)
            return 1

        for sid, n in by_speaker.items():
            s = sp[sid]
            name = (s.get("name") or "").strip()
            if not name:
                continue
            if contract.is_anonymous(s):
                row = anonymous.setdefault(name.casefold(), {"name": Counter(), "attributions": 0,
                                                             "documents": 0})
            else:
                row = speakers.setdefault((name.casefold(), s.get("kind") or ""), {
                    "name": Counter(), "kind": s.get("kind"), "attributions": 0, "documents": 0,
                    "affiliation": Counter(), "role": Counter()})
                if s.get("affiliation"):
                    row["affiliation"][s["affiliation"]] += n
                if s.get("role"):
                    row["role"][s["role"]] += n
            row["name"][name] += n
            row["attributions"] += n
            row["documents"] += once(("s", contract.is_anonymous(s), name.casefold(), s.get("kind")))
            aff = (s.get("affiliation") or "").strip()
            if aff:
                arow = affiliations.setdefault(aff.casefold(), {
                    "name": Counter(), "attributions": 0, "anonymous": 0, "speakers": set(),
                    "documents": 0})
                arow["name"][aff] += n
                arow["attributions"] += n
                arow["anonymous"] += n if contract.is_anonymous(s) else 0
                arow["speakers"].add(name.casefold())
                arow["documents"] += once(("a", aff.casefold()))
        seen_rules = set()
        for f in contract.findings(rec):
            rule = f.get("rule") or "?"
            row = rules.setdefault(rule, {"findings": 0, "documents": 0, "severity": Counter()})
            row["findings"] += 1
            row["severity"][f.get("severity")] += 1
            severities[f.get("severity")] += 1
            if rule not in seen_rules:
                seen_rules.add(rule)
                row["documents"] += 1

    def best(c: Counter) -> str | None:
        return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else None

    def top(rows, key):
        return sorted(rows, key=key)[:TOP]

    per_doc_sorted = sorted(per_doc)
    summary: ArchiveSummary = {
        "version": 1,
        "documents": n_records,
        "audited": n_ok,
        "errors": len(errors),
        "error_documents": sorted(errors, key=lambda r: str(r["id"]))[:50],
        "models": sorted(models),
        "attributions": {
            "total": total.attributions,
            "per_document": _ratio(total.attributions, n_ok),
            "median_per_document": (per_doc_sorted[len(per_doc_sorted) // 2] if per_doc_sorted else None),
            "max_per_document": max(per_doc_sorted, default=None),
            "documents_without_attributions": sum(1 for n in per_doc if n == 0),
            "by_type": {k: types[k] for k in sorted(types, key=str)},
            "by_speaker_kind": {str(k) if k else "none": kinds_count[k]
                                for k in sorted(kinds_count, key=lambda k: str(k or "~"))},
        },
        "sources": {
            "with_speaker": total.with_speaker,
            "anonymous": total.anonymous,
            "anonymous_share": _ratio(total.anonymous, total.with_speaker),
        },
        "top_speakers": [
            {"name": best(r["name"]), "kind": r["kind"], "attributions": r["attributions"],
             "documents": r["documents"], "role": best(r["role"]), "affiliation": best(r["affiliation"])}
            for r in top(speakers.values(), lambda r: (-r["attributions"], -r["documents"], best(r["name"])))],
        "top_anonymous": [
            {"name": best(r["name"]), "attributions": r["attributions"], "documents": r["documents"]}
            for r in top(anonymous.values(), lambda r: (-r["attributions"], -r["documents"], best(r["name"])))],
        "top_affiliations": [
            {"name": best(r["name"]), "attributions": r["attributions"], "anonymous": r["anonymous"],
             "speakers": len(r["speakers"]), "documents": r["documents"]}
            for r in top(affiliations.values(),
                         lambda r: (-r["attributions"], -r["documents"], best(r["name"])))],
        "findings": {
            "total": total.findings,
            "per_document": _ratio(total.findings, n_ok),
            "by_severity": {k.value: severities.get(k.value, 0) for k in sorted(Severity, key=lambda s: -s.rank)},
            "by_rule": [
                {"rule": rule, "findings": r["findings"], "documents": r["documents"],
                 "per_100_attributions": _ratio(100 * r["findings"], total.attributions),
                 "severity": {k: r["severity"][k] for k in sorted(r["severity"], key=str)}}
                for rule, r in sorted(rules.items(), key=lambda kv: (-kv[1]["findings"], kv[0]))],
        },
        "group_by": "/".join(sorted(grouped_by)) or None,
        "groups": [GroupRow(group=g, **t.row()) for g, t in sorted(groups.items())],
        "years": [YearRow(year=y, **t.row()) for y, t in sorted(years.items())],
    }
    return summary
