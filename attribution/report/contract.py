"""The JSON contract, version 1, in one place: its records, how a report becomes them, how
programs read them back.

``attribution audit --format json`` prints one :class:`Contract`; an archive run writes one
:class:`ArchiveDocument` (or :class:`ArchiveError`) per line of ``documents.jsonl`` and one
:class:`~attribution.report.contract_summary.ArchiveSummary` as ``summary.json`` (which
``archive-report --format json`` prints); ``attribution rules --format json`` prints a
:class:`RuleListing`.  Each record
is a ``TypedDict`` whose keys are in the order the output has them; the JSON Schema that
ships with the package (``attribution/report/schema.json``, and ``docs/json-schema.json``) is
generated from these classes by ``scripts/update_json_schema.py``
(:mod:`attribution.report.schema`), and ``tests/report/test_json_schema.py`` fails when it is
stale or when real output does not validate against it.

Kinds are the data model's string enums (:class:`~attribution.model.AttributionType`,
:class:`~attribution.model.SpeakerKind`, :class:`~attribution.model.Confidence`,
:class:`~attribution.model.Severity`): they serialise as their values.  ``Annotated`` text
is the field's description in the schema; an ``Annotated`` dict adds schema keywords.

Keys marked ``NotRequired`` are present only when non-empty: ``attributions[].confidence``
(how sure resolve is of the speaker link), ``tool.config`` (the configuration file in effect),
``documents[].notices`` (e.g. "decoded as cp1252") and the top-level ``errors`` (inputs that
could not be read).  To change the output, change a record here and the function that builds
it, run ``scripts/update_json_schema.py``, and bump :data:`VERSION` if a consumer could break.
"""
from collections.abc import Iterable, Sequence
from typing import Annotated, Literal, NotRequired, TypedDict

from ..model import (Attribution, AttributionType, Confidence, Finding, Mention, Report, Severity,
                     Source, Span, Speaker, SpeakerKind)
from . import _view

VERSION = 1

Offset = Annotated[int, "code-point offset into the file's decoded text (end excluded)", {"minimum": 0}]
Pair = Annotated[list[Offset], "[start, end]", {"minItems": 2, "maxItems": 2}]


class SpanRecord(TypedDict):
    """A stretch of the file: its exact text and offsets (``text == file[start:end]``)."""

    text: str
    start: Offset
    end: Offset


class ContentRecord(TypedDict):
    """The words an attribution credits to its source: the hull of its pieces, and the pieces."""

    text: Annotated[str, "the file's text from the first piece's start to the last piece's end"]
    start: Offset
    end: Offset
    spans: Annotated[list[Pair], "the pieces (a quotation split by its cue has two)"]


class AttributionRecord(TypedDict):
    """A direct quotation or a reported claim."""

    id: Annotated[str, "a1, a2, ... (unique in the document)"]
    type: AttributionType
    content: ContentRecord
    cue: Annotated[SpanRecord | None, "the verb or phrase of saying"]
    source: Annotated[SpanRecord | None, "the words naming who says it"]
    speaker: Annotated[str | None, "a speakers[].id; null: no resolved speaker"]
    confidence: NotRequired[Confidence]


class SpeakerRecord(TypedDict):
    """A person, organisation or unnamed source the document cites."""

    id: Annotated[str, "s1, s2, ... (unique in the document)"]
    name: str
    kind: SpeakerKind
    title: str | None
    role: str | None
    affiliation: str | None
    mentions: list[SpanRecord]


class FindingRecord(TypedDict):
    """What an editor should look at, and where."""

    rule: Annotated[str, "the rule's readable id, e.g. anonymous-source"]
    severity: Severity
    message: str
    start: Offset
    end: Offset
    line: Annotated[int, "1-based", {"minimum": 1}]
    column: Annotated[int, "1-based, in code points", {"minimum": 1}]
    attributions: Annotated[list[str], "the attributions[].id it is about"]


class DocumentRecord(TypedDict):
    """One audited input."""

    path: Annotated[str, "as given on the command line ('-' for stdin)"]
    attributions: Annotated[list[AttributionRecord], "in document order"]
    speakers: Annotated[list[SpeakerRecord], "in order of first citation"]
    findings: Annotated[list[FindingRecord], "in document order"]
    notices: NotRequired[Annotated[list[str], "how the input was read, e.g. decoded as cp1252"]]


class ToolRecord(TypedDict):
    name: str
    version: str | None
    model: Annotated[str | None, "the parse model's id"]
    config: NotRequired[Annotated[str, "the configuration file in effect"]]


class SeverityCounts(TypedDict):
    error: int
    warning: int
    info: int


class SummaryRecord(TypedDict):
    documents: int
    attributions: int
    findings: SeverityCounts


class InputError(TypedDict):
    """An input that could not be read (it has no document)."""

    path: str
    message: str


class Contract(TypedDict):
    """The whole ``--format json`` output."""

    version: Literal[1]
    tool: ToolRecord
    documents: Annotated[list[DocumentRecord], "in the order of the inputs"]
    summary: SummaryRecord
    errors: NotRequired[list[InputError]]


class ArchiveDocument(TypedDict):
    """A line of an archive run's ``documents.jsonl``: an audited article."""

    id: Annotated[str, "the article's id (unique in the run)"]
    publisher: NotRequired[str]
    publication_date: NotRequired[str]
    model: Annotated[str, "the parse model's id"]
    path: str
    attributions: list[AttributionRecord]
    speakers: list[SpeakerRecord]
    findings: list[FindingRecord]
    notices: NotRequired[list[str]]


class ArchiveError(TypedDict):
    """A line of ``documents.jsonl`` for an article that could not be audited (a resumed
    run audits it again)."""

    id: str
    publisher: NotRequired[str]
    publication_date: NotRequired[str]
    path: str
    error: str


ArchiveRecord = ArchiveDocument | ArchiveError


class RuleRecord(TypedDict):
    """A rule as ``attribution rules --format json`` lists it."""

    id: str
    code: Annotated[str, "e.g. ATR201"]
    severity: Annotated[Severity, "its default severity"]
    status: Annotated[Literal["stable", "preview"], "preview rules are off by default"]
    rationale: str
    needs: Annotated[list[str], "what it reads besides the text: attributions, speakers"]
    config: Annotated[list[str], "the configuration keys it reads"]
    messages: Annotated[list[str], "the shapes of its messages; {name} marks words from the text"]


class RuleListing(TypedDict):
    """``attribution rules --format json``."""

    version: Literal[1]
    rules: list[RuleRecord]


# ---------------------------------------------------------------- building records


def span_record(source: Source, span: Span | Mention | None) -> SpanRecord | None:
    if span is None:
        return None
    return {"text": source.text[span.start:span.end], "start": span.start, "end": span.end}


def attribution_record(source: Source, a: Attribution) -> AttributionRecord:
    hull = a.content_hull
    out: AttributionRecord = {
        "id": a.id,
        "type": a.type,
        "content": {
            "text": source.text[hull.start:hull.end],
            "start": hull.start,
            "end": hull.end,
            "spans": [[s.start, s.end] for s in a.content],
        },
        "cue": span_record(source, a.cue),
        "source": span_record(source, a.source),
        "speaker": a.speaker,
    }
    if a.confidence:
        out["confidence"] = a.confidence
    return out


def speaker_record(source: Source, sp: Speaker) -> SpeakerRecord:
    return {
        "id": sp.id,
        "name": sp.name,
        "kind": sp.kind,
        "title": sp.title,
        "role": sp.role,
        "affiliation": sp.affiliation,
        "mentions": [span_record(source, m) for m in sp.mentions],
    }


def finding_record(f: Finding) -> FindingRecord:
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


def document(report: Report) -> DocumentRecord:
    """One entry of the contract's ``documents`` list."""
    source = report.source
    out: DocumentRecord = {
        "path": source.path,
        "attributions": [attribution_record(source, a) for a in _view.attributions(report)],
        "speakers": [speaker_record(source, sp) for sp in report.resolved.speakers],
        "findings": [finding_record(f) for f in _view.findings(report)],
    }
    if source.notices:
        out["notices"] = list(source.notices)
    return out


def contract(reports: Sequence[Report], tool: dict,
             errors: Iterable[tuple[str, str]] = ()) -> Contract:
    """The whole ``--format json`` object."""
    tool_record: ToolRecord = {"name": tool.get("name", "attribution"), "version": tool.get("version"),
                               "model": tool.get("model")}
    if tool.get("config"):
        tool_record["config"] = tool["config"]
    out: Contract = {
        "version": VERSION,
        "tool": tool_record,
        "documents": [document(r) for r in reports],
        "summary": {
            "documents": len(reports),
            "attributions": sum(len(r.resolved.attributions) for r in reports),
            "findings": _view.counts(reports),
        },
    }
    input_errors: list[InputError] = [{"path": p, "message": m} for p, m in errors]
    if input_errors:
        out["errors"] = input_errors
    return out


def archive_record(id_: str, *, publisher: str | None = None, date: str | None = None,
                   model: str | None = None, report: Report | None = None,
                   path: str | None = None, error: str | None = None) -> ArchiveRecord:
    """A ``documents.jsonl`` line: the audited ``report`` (with the ``model`` that parsed it),
    or the ``error`` that stopped the article at ``path``."""
    rec: dict = {"id": id_}
    if publisher is not None:
        rec["publisher"] = publisher
    if date is not None:
        rec["publication_date"] = date
    if error is None:
        rec["model"] = model
        rec.update(document(report))
    else:
        rec["path"] = path
        rec["error"] = error
    return rec  # type: ignore[return-value]


def rule_listing(rules: Iterable) -> RuleListing:
    """``attribution rules --format json`` for the registry's ``rules``."""

    def value(v):
        return getattr(v, "value", v)

    return {"version": VERSION, "rules": [
        {"id": r.id, "code": r.code, "severity": value(r.severity), "status": value(r.status),
         "rationale": r.rationale, "needs": sorted(r.needs), "config": list(r.config),
         "messages": list(r.messages)} for r in rules]}


# ---------------------------------------------------------------- reading records


def is_error(rec: ArchiveRecord) -> bool:
    """Whether a ``documents.jsonl`` record is an :class:`ArchiveError` (no document)."""
    return rec.get("error") is not None


def attributions(rec: DocumentRecord | ArchiveDocument) -> list[AttributionRecord]:
    return rec.get("attributions") or []


def speakers(rec: DocumentRecord | ArchiveDocument) -> dict[str, SpeakerRecord]:
    """The record's speakers by id."""
    return {s.get("id"): s for s in rec.get("speakers") or []}


def findings(rec: DocumentRecord | ArchiveDocument) -> list[FindingRecord]:
    return rec.get("findings") or []


def is_anonymous(sp: SpeakerRecord | None) -> bool:
    return sp is not None and sp.get("kind") == SpeakerKind.ANONYMOUS
