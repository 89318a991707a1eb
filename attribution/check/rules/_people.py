"""Who a source is, for the ATR2xx rules (:mod:`.speakers`): its head noun, why it is unnamed, whether
it holds a role or is described, and the name words that name-inconsistency compares.  Split out of
``speakers.py``.
"""
from __future__ import annotations

import re

from ...model import Attribution, Speaker, SpeakerKind
from .. import vocab
from ..context import Context


def _by_speaker(ctx: Context) -> dict[str, list[Attribution]]:
    out: dict[str, list[Attribution]] = {}
    for a in ctx.attributions:
        if a.speaker:
            out.setdefault(a.speaker, []).append(a)
    return out


def source_head(text: str) -> str | None:
    """Head word of a source phrase: "people familiar with the talks" -> people (the resolve
    stage's :func:`~attribution.resolve.anonymity.description_head`)."""
    from ...resolve.anonymity import description_head

    return description_head(text or "")


def _reason(ctx: Context, sp: Speaker | None, attrs: list[Attribution]) -> str | None:
    """Why the source is unnamed: resolve's decision (``Speaker.anonymity_reason``), else the
    same decision (:func:`attribution.resolve.anonymity_reason`) on the attribution's sentence
    and the next, for a source resolve linked to no reason."""
    if sp is not None and sp.anonymity_reason:
        return sp.anonymity_reason
    from ...resolve import anonymity_reason, load_people

    for a in attrs:
        si = ctx.attr_sentence(a)
        for j in (si, si + 1):
            if j == si + 1 and any(b.source is not None and ctx.attr_sentence(b) == j and not re.match(
                    r"(?:the|he|she|they|this|that)\b", ctx.span_text(b.source).strip().lower())
                    for b in ctx.attributions):
                continue  # the next sentence's reason belongs to its own new source
            if 0 <= j < len(ctx.sentences):
                reason = anonymity_reason(load_people(), ctx.sentence_text(j))
                if reason:
                    return reason
    return None


def _role_holder(ctx: Context, head: str) -> bool:
    """Some named speaker holds the role ("the judge" and "Judge Berman")."""
    for sp in ctx.resolved.speakers:
        if sp.kind == SpeakerKind.ANONYMOUS:
            continue
        for field in (sp.role, sp.title):
            if field and head in field.lower():
                return True
        for m in sp.mentions:
            before = ctx.text[max(0, m.start - 30):m.start].lower()
            if re.search(rf"\b{re.escape(head)}\.?\s*$", before) or head in m.text.lower().split():
                return True
    return False


def _described(ctx: Context, sp: Speaker) -> bool:
    """The text around one of the person's mentions says who they are ("GOP frontrunner
    Donald Trump", "Breitbart's Joel Pollak", "Haley Morris, a spokeswoman ..."), even if
    resolve did not fill role or affiliation."""
    desc = vocab.words("names", "describers")
    preps = {"of", "for", "at", "from"}
    spans = [(m.start, m.end) for m in sp.mentions]
    spans += [(m.start(), m.end()) for m in re.finditer(re.escape(sp.name), ctx.text)]
    for s, e in spans:
        before = ctx.text[max(0, s - 40):s].split("\n")[-1]
        if any(w in desc and w not in preps for w in re.findall(r"[a-z-]+", before.lower())[-3:]):
            return True
        if re.search(r"[A-Z][\w.&-]*['’]s?\s*$", before) and re.search(r"['’]s?\s*$", before):
            return True
        if any(w in desc and w not in preps for w in re.findall(r"[a-z-]+", ctx.text[s:e].lower())):
            return True
        after = ctx.text[e:e + 60].split("\n")[0]
        m = re.match(r"^\s*[,(]\s*(.*)", after)
        if m and any(w in desc for w in re.findall(r"[a-z-]+", m.group(1).lower())[:6]):
            return True
        if re.match(r"^\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]", after):
            return True
    return False


_NAME_WORD = re.compile(r"[A-Z][a-zA-Z'’-]+")


def _name_words(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", w) for w in _NAME_WORD.findall(text)]


def _norm(w: str) -> str:
    return w.lower().replace("’", "'").replace("‘", "'")


def _different_people(ctx: Context, a: str, b: str) -> bool:
    """Both speakers have first names, and they differ (Mark Kelly vs Megyn Kelley)."""
    sa, sb = ctx.resolved.speaker(a), ctx.resolved.speaker(b)
    if sa is None or sb is None:
        return False
    fa, fb = _name_words(sa.name), _name_words(sb.name)
    return len(fa) >= 2 and len(fb) >= 2 and fa[0] != fb[0]
