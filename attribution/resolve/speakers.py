"""Step 7, the output: entities that are cited become numbered speakers, attributions get their ids.

Speakers are numbered in the order they are first cited as a source (ties by the order the
entities were made), so the output is deterministic.  A place that speaks is an organisation;
an organisation that is unnamed evidence or a share of a population ("exit polls", "26 percent
of Democrats") is anonymous.  Title, role and affiliation are kept only for the kinds they
describe.
"""
from __future__ import annotations

import bisect
import dataclasses
from typing import Callable

from ..model import Anonymity, Attribution, Confidence, Mention, Speaker, SpeakerKind
from .anonymity import anonymity, evidence_named, plural_description, unnamed_evidence, unnamed_share
from .anonymity_context import mention_anonymity
from ..vocab import People
from .records import _Entity


def cited_order(attributions: list[Attribution], links: dict[str, _Entity | None]) -> list[_Entity]:
    """The linked entities, in the order they are first cited as a source."""
    first_cited: dict[int, int] = {}
    ents: dict[int, _Entity] = {}
    for a in attributions:
        e = links.get(a.id)
        if e is None:
            continue
        pos = a.source.start if a.source else 0
        if id(e) not in first_cited or pos < first_cited[id(e)]:
            first_cited[id(e)] = pos
        ents[id(e)] = e
    return sorted(ents.values(), key=lambda e: (first_cited[id(e)], e.order))


def speaker_records(text: str, cited: list[_Entity], ids: dict[int, str], people: People,
                    sentence_ends: tuple[int, ...] = ()) -> tuple[Speaker, ...]:
    """One :class:`Speaker` per cited entity.  ``sentence_ends``: where the document's
    sentences end, in order (unnamed evidence named in the next sentence is identified)."""
    speakers = []
    for e in cited:
        mentions = tuple(Mention(text=text[s:t], start=s, end=t) for s, t in sorted(e.mentions))
        kind = SpeakerKind.ORGANIZATION if e.kind == "place" else SpeakerKind(e.kind)
        if kind is SpeakerKind.ORGANIZATION and (unnamed_evidence(people, e.name) or unnamed_share(people, e.name)) \
                and not (unnamed_evidence(people, e.name) and _named_later(people, text, e, mentions, sentence_ends)):
            kind = SpeakerKind.ANONYMOUS  # "exit polls suggested", "26 percent of Democrats say": nobody named
        unnamed_orgs = kind is SpeakerKind.ORGANIZATION and _unnamed_organizations(people, e.name)
        if unnamed_orgs:
            kind = SpeakerKind.ANONYMOUS  # "tenant groups say", "some companies warned": no organisation named
        speakers.append(Speaker(
            id=ids[id(e)], name=e.name, kind=kind,
            title=e.title if kind is SpeakerKind.PERSON else None,
            role=(e.role or e.office) if kind is not SpeakerKind.ORGANIZATION else None,
            affiliation=e.affiliation if kind is not SpeakerKind.ORGANIZATION else None,
            mentions=mentions,
            anonymity_reason=e.reason if kind is SpeakerKind.ANONYMOUS else None,
            anonymity=mention_anonymity(
                people, text, Anonymity.GROUP if unnamed_orgs or unnamed_evidence(people, e.name) or unnamed_share(people, e.name)
                else anonymity(people, e.name, e.plural), [(m.start, m.end) for m in mentions])
            if kind is SpeakerKind.ANONYMOUS and not e.named_next else None,
            plural=kind is SpeakerKind.ANONYMOUS and plural_description(e.name, people),
        ))
    return tuple(speakers)


def _unnamed_organizations(people: People, name: str) -> bool:
    """An indefinite plural of a generic organisation noun with nothing named in it ("tenant
    groups", "Protest groups", "some advocacy organizations", "civil rights groups"): a vague
    collective of organisations, as "critics" is of people.  Not "the groups" (named before),
    "their unions"."""
    words = name.split()
    if not words or words[0].lower() in ("the", "these", "those", "this", "that", "its", "their", "his", "her", "our") \
            or any(w[:1].isupper() for w in words[1:]) or any(w.endswith(("'s", "’s", "s'", "s’")) for w in words):
        return False
    last = words[-1].lower()
    one = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    return len(words) > 1 and last.endswith("s") and one in people.org_generic  # not bare "Companies
    # say" after Apple and Google were named: the ones just named


def _named_later(people: People, text: str, e: _Entity, mentions: tuple[Mention, ...],
                 sentence_ends: tuple[int, ...]) -> bool:
    """Unnamed evidence whose first mention is followed, by the end of the next sentence, by
    its maker ("a new poll indicates. ... according to a new poll by the Harvard University
    Institute"): identified (``anonymity.evidence_named``)."""
    if not mentions:
        return False
    first = mentions[0]
    i = bisect.bisect_left(sentence_ends, first.end)
    upto = sentence_ends[min(i + 1, len(sentence_ends) - 1)] if sentence_ends else len(text)
    return evidence_named(people, text, e.name, first.end, upto, right_after=False)


def linked_attributions(attributions: list[Attribution], links: dict[str, _Entity | None],
                        ids: dict[int, str],
                        confidence: Callable[[Attribution, _Entity], Confidence]) -> tuple[Attribution, ...]:
    """Each attribution with its speaker id and the link's confidence (None when unlinked)."""
    return tuple(dataclasses.replace(a, speaker=ids.get(id(links[a.id])) if links.get(a.id) else None,
                                     confidence=confidence(a, links[a.id]) if links.get(a.id) else None)
                 for a in attributions)
