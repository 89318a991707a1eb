"""Build a ``Resolved`` by hand for fast rule tests (no stanza).

Text is split into blocks at blank lines and into sentences after ``.!?`` (and
a closing quote) followed by a space; tokens are regex words, with capitalised
words after the first tagged PROPN.  Attributions and speakers are described
with the text of their spans, which are located with ``str.find`` (``@n`` picks
the n-th occurrence: ``"he@2"``).
"""
from __future__ import annotations

import dataclasses
import re

from attribution.check import check
from attribution.config import Config
from attribution.extract import quotations
from attribution.resolve.person_names import person_names, unresolved_descriptions
from attribution.resolve.unattributed import unattributed_quotes
from attribution.vocab import load_people
from attribution.model import (Attribution, Block, Document, Mention, Resolved, Sentence, Source,
                               Span, Speaker, Token)


def find(text: str, needle: str, after: int = 0) -> Span:
    n = 1
    m = re.match(r"^(.*)@(\d+)$", needle, re.S)
    if m:
        needle, n = m.group(1), int(m.group(2))
    i = after - 1
    for _ in range(n):
        i = text.find(needle, i + 1)
        if i < 0:
            raise AssertionError(f"{needle!r} not in text")
    return Span(i, i + len(needle))


def _document(text: str, suppress: dict[int, set[str]] | None = None, source: Source | None = None) -> Document:
    if source is not None:
        return Document(source=source, sentences=tuple(_sentences(text, source.blocks)), model="hand")
    blocks = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        if m.group(0).strip():
            s, e = m.start(), m.end()
            blocks.append(Block(s, e, text[s:e],
                                suppress=frozenset((suppress or {}).get(len(blocks), ()))))
    src = Source(path="t.txt", text=text, blocks=tuple(blocks))
    return Document(source=src, sentences=tuple(_sentences(text, blocks)), model="hand")


def _sentences(text: str, blocks) -> list[Sentence]:
    sentences = []
    for bi, b in enumerate(blocks):
        start = b.start
        for m in re.finditer(r"[.!?][\"”’]?(?=\s+\S)|$", b.text):
            end = b.start + m.end()
            seg = text[start:end]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                sentences.append(_sentence(text, start + lead, end, bi))
            start = end
    return sentences


def _sentence(text: str, start: int, end: int, block: int) -> Sentence:
    toks = []
    for i, m in enumerate(re.finditer(r"\w+(?:['’.-]\w+)*|[^\w\s]", text[start:end]), 1):
        w = m.group(0)
        if not w[0].isalnum():
            upos = "PUNCT"
        elif w[0].isupper() and i > 1:
            upos = "PROPN"
        else:
            upos = "NOUN"
        toks.append(Token(id=i, text=w, lemma=w.lower(), upos=upos, xpos="", feats="",
                          head=0, deprel="dep", start=start + m.start(), end=start + m.end()))
    return Sentence(tokens=tuple(toks), start=start, end=end, block=block)


def resolved(text: str, attrs: list[dict] = (), speakers: list[dict] = (),
             suppress: dict[int, set[str]] | None = None, source: Source | None = None,
             lexicon=None) -> Resolved:
    """``attrs``: dicts with content (str or list), cue, source, speaker, type, cue_lemma,
    classes, source_kind, passive_agentless, negated.  ``speakers``: dicts with id,
    name, kind, title, role, affiliation, mentions (texts), anonymity_reason (anonymity and
    plural: resolve's decisions when not given)."""
    doc = _document(text, suppress, source)
    out_attrs = []
    for i, a in enumerate(attrs, 1):
        content = a["content"] if isinstance(a["content"], (list, tuple)) else [a["content"]]
        spans = tuple(find(text, c) for c in content)
        cue = find(text, a["cue"]) if a.get("cue") else None
        source = find(text, a["source"]) if a.get("source") else None
        anchor = (cue or spans[0]).start
        sent = max(j for j, s in enumerate(doc.sentences) if s.start <= anchor) if doc.sentences else 0
        out_attrs.append(Attribution(
            id=a.get("id", f"a{i}"), type=a.get("type", "indirect"), content=spans, cue=cue,
            source=source, sentence=sent, cue_lemma=a.get("cue_lemma"),
            cue_classes=frozenset(a.get("classes", ())), source_kind=a.get("source_kind"),
            speaker=a.get("speaker"), negated=a.get("negated", False),
            passive_agentless=a.get("passive_agentless", False)))
    out_speakers = []
    for s in speakers:
        mentions = tuple(Mention(m.split("@")[0], *_se(find(text, m))) for m in s.get("mentions", ()))
        out_speakers.append(Speaker(id=s["id"], name=s["name"], kind=s.get("kind", "person"),
                                    title=s.get("title"), role=s.get("role"),
                                    affiliation=s.get("affiliation"), mentions=mentions,
                                    anonymity_reason=s.get("anonymity_reason"),
                                    anonymity=s.get("anonymity", _anonymity(s)),
                                    plural=s.get("plural", _plural(s))))
    resolved = Resolved(document=doc, attributions=tuple(out_attrs), speakers=tuple(out_speakers),
                        quotations=quotations(doc),  # as extract passes them on
                        person_names=person_names(doc.source.text, load_people()),  # resolve's, as resolve() sets them
                        unresolved_descriptions=unresolved_descriptions(doc.source.text, out_attrs, out_speakers))
    # resolve's last step, as resolve() runs it: the quotations whose speaker is not given
    return dataclasses.replace(resolved, unattributed=unattributed_quotes(resolved, lexicon))


def _anonymity(s: dict) -> str | None:
    """What resolve decides for an unnamed speaker (attribution.resolve.anonymity)."""
    if s.get("kind") != "anonymous":
        return None
    from attribution.resolve import anonymity, load_people

    return anonymity(load_people(), s["name"], s["name"].split()[-1].lower().endswith("s"))


def _plural(s: dict) -> bool:
    """What resolve decides for an unnamed speaker's number (``Speaker.plural``)."""
    from attribution.resolve.anonymity import plural_description

    return s.get("kind") == "anonymous" and plural_description(s["name"])


def _se(span: Span) -> tuple[int, int]:
    return span.start, span.end


def run(text: str, attrs: list[dict] = (), speakers: list[dict] = (), *, rule: str | None = None,
        config: Config | None = None, suppress=None, lexicon=None):
    """Findings (of ``rule`` only, when given) on a hand-built document."""
    config = config or Config(select=(rule,) if rule else ())
    findings = check(resolved(text, attrs, speakers, suppress, lexicon=lexicon), config, lexicon, strict=True)
    return [f for f in findings if rule is None or f.rule == rule]


def quoted(text: str, f) -> str:
    return text[f.start:f.end]
