"""The JSON contract's archive statistics: ``summary.json`` of an archive run and
``attribution archive-report --format json`` (built by :func:`attribution.archive.aggregate`),
and the line each run appends to ``runs.jsonl``.

Records as in :mod:`attribution.report.contract`: ``TypedDict`` classes in the output's key
order, from which the JSON Schema is generated.  Shares and rates are ``null`` when their
denominator is zero.
"""
from typing import Annotated, Literal, TypedDict

from ..model import SpeakerKind
from .contract import SeverityCounts

Rate = Annotated[float | None, "a ratio rounded to 4 decimals; null when nothing to divide by"]
Counts = Annotated[dict[str, int], "counts by value, keys sorted"]


class FailedDocument(TypedDict):
    id: str
    error: str


class AttributionStats(TypedDict):
    total: int
    per_document: Rate
    median_per_document: int | None
    max_per_document: int | None
    documents_without_attributions: int
    by_type: Annotated[Counts, "per attributions[].type"]
    by_speaker_kind: Annotated[Counts, "per speakers[].kind; none: no resolved speaker"]


class SourceStats(TypedDict):
    with_speaker: Annotated[int, "attributions with a resolved speaker"]
    anonymous: Annotated[int, "attributions whose speaker is anonymous"]
    anonymous_share: Rate


class SpeakerRow(TypedDict):
    name: Annotated[str | None, "the most frequent spelling"]
    kind: SpeakerKind | None
    attributions: int
    documents: int
    role: str | None
    affiliation: str | None


class AnonymousRow(TypedDict):
    name: str | None
    attributions: int
    documents: int


class AffiliationRow(TypedDict):
    name: str | None
    attributions: int
    anonymous: int
    speakers: Annotated[int, "distinct speakers with this affiliation"]
    documents: int


class RuleRow(TypedDict):
    rule: str
    findings: int
    documents: int
    per_100_attributions: Rate
    severity: Annotated[Counts, "findings per severity"]


class FindingStats(TypedDict):
    total: int
    per_document: Rate
    by_severity: SeverityCounts
    by_rule: Annotated[list[RuleRow], "most findings first"]


_TALLY = {
    "documents": int,
    "attributions": int,
    "attributions_per_document": Rate,
    "with_speaker": int,
    "anonymous": int,
    "anonymous_share": Rate,
    "findings": int,
    "findings_per_document": Rate,
    "top_rule": Annotated[str | None, "the rule with the most findings"],
}
GroupRow = TypedDict("GroupRow", {"group": Annotated[str, "a publisher, a JSONL file or a folder"], **_TALLY})
YearRow = TypedDict("YearRow", {"year": Annotated[str, "from publication_date"], **_TALLY})


class ArchiveSummary(TypedDict):
    """Sourcing statistics over an archive run's ``documents.jsonl`` (the last record of each id)."""

    version: Literal[1]
    documents: Annotated[int, "records read"]
    audited: int
    errors: int
    error_documents: Annotated[list[FailedDocument], "the first 50, by id"]
    models: Annotated[list[str], "the parse models' ids"]
    attributions: AttributionStats
    sources: SourceStats
    top_speakers: list[SpeakerRow]
    top_anonymous: list[AnonymousRow]
    top_affiliations: list[AffiliationRow]
    findings: FindingStats
    group_by: Annotated[str | None, "publisher, folder or publisher/folder"]
    groups: list[GroupRow]
    years: list[YearRow]


class RunRecord(TypedDict):
    """A line of ``runs.jsonl``: one archive run (a resumed run appends another)."""

    finished: Annotated[str, "UTC, e.g. 2024-05-02T10:00:00Z"]
    engine: Literal["inprocess", "pool", "dask"]
    workers: int
    planned: Annotated[int, "documents named by the inputs"]
    skipped: Annotated[int, "already in documents.jsonl"]
    written: Annotated[int, "records this run wrote"]
    errors: Annotated[int, "error records this run wrote"]
    failed: Annotated[int, "documents lost to a failed task (a rerun retries them)"]
    seconds: float
    documents_per_s: float
