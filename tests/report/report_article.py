"""A hand-built Report over a short news article, for the report-format tests.

The paragraphs come from the project's sample article (corpus/russia-sdf-syria.txt),
plus a split quote, an unattributed quote and a bracket (to catch rich markup).
Every span is located with ``str.index`` on the text itself, so offsets are real.
"""
from __future__ import annotations

from dataclasses import dataclass

from attribution.model import (
    Attribution,
    Block,
    Document,
    Finding,
    Mention,
    Report,
    Resolved,
    Severity,
    Source,
    Span,
    Speaker,
)

PARAGRAPHS = [
    "Russia on Thursday accused the SDF of firing on Syrian government forces twice with "
    "mortars and artillery from the eastern bank of the river.",
    "\u201cThe firing positions in those districts will be immediately silenced by every means "
    "we have,\u201d Major General Igor Konashenkov, the ministry\u2019s spokesman, said in a statement.",
    "Russia admitted that its special forces were operating alongside Syrian troops near the city [1].",
    "An SDF commander denied Russian accusations, saying his fighters had not fired a single "
    "shell at government forces.",
    "\"We do not want to get into a shooting match,\" Dillon said, \"with anybody other than ISIS.\"",
    "\"This is not over.\"",
]


def _find(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle))


def build(prefix: str = "", path: str = "drafts/syria.md") -> Report:
    """The report; ``prefix`` is prepended to the file (to shift every line)."""
    text = prefix + "\n\n".join(PARAGRAPHS) + "\n"
    blocks, pos = [], len(prefix)
    for para in PARAGRAPHS:
        blocks.append(Block(pos, pos + len(para), para))
        pos += len(para) + 2
    source = Source(path=path, text=text, blocks=tuple(blocks), format="markdown")
    doc = Document(source=source, sentences=(), model="test-model")
    base = len(prefix)

    accuse_cue = _find(text, "accused", base)
    a1 = Attribution(
        id="a1", type="indirect",
        content=(_find(text, "the SDF of firing on Syrian government forces twice with mortars "
                             "and artillery from the eastern bank of the river", base),),
        cue=accuse_cue, source=_find(text, "Russia", base), sentence=0,
        cue_lemma="accuse", cue_classes=frozenset({"accuse"}), source_kind="organization",
        speaker="s1")
    q = _find(text, "\u201cThe firing positions in those districts will be immediately silenced by "
                    "every means we have,\u201d", base)
    a2 = Attribution(
        id="a2", type="direct", content=(q,), cue=_find(text, "said in a statement", base),
        source=_find(text, "Major General Igor Konashenkov, the ministry\u2019s spokesman", base),
        sentence=1, cue_lemma="say", source_kind="name", speaker="s2")
    admitted = _find(text, "admitted", base)
    a3 = Attribution(
        id="a3", type="indirect",
        content=(_find(text, "its special forces were operating alongside Syrian troops near the "
                             "city", base),),
        cue=admitted, source=_find(text, "Russia", admitted.start - 10), sentence=2,
        cue_lemma="admit", cue_classes=frozenset({"loaded"}), source_kind="organization",
        speaker="s1")
    denied = _find(text, "denied", base)
    a4 = Attribution(
        id="a4", type="indirect", content=(_find(text, "Russian accusations", base),),
        cue=denied, source=_find(text, "An SDF commander", base), sentence=3,
        cue_lemma="deny", cue_classes=frozenset({"deny"}), source_kind="anonymous", speaker="s3")
    first = _find(text, "\"We do not want to get into a shooting match,\"", base)
    second = _find(text, "\"with anybody other than ISIS.\"", base)
    a5 = Attribution(
        id="a5", type="direct", content=(first, second), cue=_find(text, "said", first.end),
        source=_find(text, "Dillon", base), sentence=4, cue_lemma="say", source_kind="name",
        speaker="s4")
    orphan = _find(text, "\"This is not over.\"", base)
    a6 = Attribution(id="a6", type="direct", content=(orphan,), cue=None, source=None, sentence=5)

    def mentions(*needles: str) -> tuple[Mention, ...]:
        out, after = [], base
        for n in needles:
            s = _find(text, n, after)
            out.append(Mention(n, s.start, s.end))
            after = s.end
        return tuple(out)

    speakers = (
        Speaker("s1", "Russia", "organization", mentions=mentions("Russia", "Russia")),
        Speaker("s2", "Igor Konashenkov", "person", title="Major General", role="spokesman",
                affiliation="Russia\u2019s Defense Ministry",
                mentions=mentions("Major General Igor Konashenkov")),
        Speaker("s3", "SDF commander", "anonymous", role="commander", affiliation="SDF",
                mentions=mentions("An SDF commander")),
        Speaker("s4", "Ryan Dillon", "person", title="Col.", role="spokesman",
                affiliation="U.S.-led counter-Islamic State coalition", mentions=mentions("Dillon")),
    )
    resolved = Resolved(document=doc, attributions=(a1, a2, a3, a4, a5, a6), speakers=speakers)

    def finding(rule: str, sev: Severity, message: str, span: Span, ids: tuple[str, ...]) -> Finding:
        line, col = source.line_col(span.start)
        return Finding(rule, sev, message, span.start, span.end, line, col, ids)

    findings = (
        finding("contested-claim", Severity.WARNING,
                "Russia's accusation is disputed by SDF commander; give both sides together",
                a4.source if a4.source else denied, ("a1", "a4")),
        finding("anonymous-source", Severity.WARNING,
                "claim sourced to an unnamed SDF commander; no reason for the anonymity is given",
                a4.source, ("a4",)),
        finding("loaded-cue", Severity.INFO, "'admitted' editorialises; consider 'said'",
                admitted, ("a3",)),
        finding("unattributed-quote", Severity.ERROR, "quote with no speaker: \"This is not over.\"",
                orphan, ("a6",)),
    )
    return Report(resolved=resolved, findings=findings)


TOOL = {"name": "attribution", "version": "0.1.0", "model": "test-model"}


def from_contract(source: Source, doc: dict) -> Resolved:
    """Model objects from one ``documents[]`` entry of the JSON contract (e.g. a gold file)."""
    def span(d):
        return None if d is None else Span(d["start"], d["end"])

    attrs = tuple(
        Attribution(id=a["id"], type=a["type"],
                    content=tuple(Span(s, e) for s, e in a["content"]["spans"]),
                    cue=span(a["cue"]), source=span(a["source"]), sentence=0, speaker=a["speaker"])
        for a in doc["attributions"])
    speakers = tuple(
        Speaker(id=s["id"], name=s["name"], kind=s["kind"], title=s["title"], role=s["role"],
                affiliation=s["affiliation"],
                mentions=tuple(Mention(m["text"], m["start"], m["end"]) for m in s.get("mentions", [])))
        for s in doc["speakers"])
    return Resolved(document=Document(source=source, sentences=(), model="gold"),
                    attributions=attrs, speakers=speakers)


@dataclass(frozen=True)
class FakeRule:
    """A stand-in for a registered rule (what the reporters read of one)."""

    code: str
    id: str
    severity: Severity
    rationale: str
    doc: str
    status: str = "stable"
