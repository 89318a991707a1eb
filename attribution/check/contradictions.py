"""Contradictions (:mod:`.claims`): two sources asserting the same content with opposite
polarity, and what is only an opinion about what ought to be.  Split out of ``claims.py``.
"""
from __future__ import annotations

import re

from ..model import Attribution
from . import vocab
from .context import Context
from .claim_words import content_words, negations, overlap, same_camp


# what ought to be, not what is: "should be able to", "must go", "need to": an opinion, and
# two sides holding opposite opinions are not a dispute over a fact
_NORMATIVE = re.compile(r"(?<![\w-])(?:should|shouldn[’']t|ought|must|mustn[’']t|needs? to|have to|has to)(?![\w-])", re.I)


def _normative(ctx: Context, attr: Attribution) -> bool:
    """Every sentence of what ``attr`` says is about what ought to be: a quotation that goes
    on from "We need to make sure ..." to "He is becoming ISIS' best recruiter" states a fact
    as well."""
    sents = [x for span in attr.content
             for x in re.split(r"(?<=[.!?])[\"”’']*\s+(?=[\"“‘']*[A-Z])", ctx.span_text(span)) if x.strip()]
    return bool(sents) and all(_NORMATIVE.search(x) for x in sents)


def _contradictions(ctx: Context, window: int = 10) -> list[tuple[Attribution, Attribution]]:
    """Two sources asserting the same content with opposite polarity ("the water is safe" /
    "the water is not safe"), within ``window`` sentences of each other: the later one
    rejects the earlier."""
    attrs = [a for a in ctx.attributions if a.speaker and a.content and not ctx.in_headline(a)
             and len(ctx.content_text(a).split()) >= 5 and not _normative(ctx, a)]
    words = {a.id: set(content_words(ctx, a)) for a in attrs}
    there = {a.id: _existentials(ctx.content_text(a)) for a in attrs}
    out = []
    for i, a in enumerate(attrs):
        sa = ctx.attr_sentence(a)
        for b in attrs[i + 1:]:
            if ctx.attr_sentence(b) - sa > window:
                break
            if _flipped(there[a.id], there[b.id]) and a.negated == b.negated \
                    and ctx.attr_sentence(b) - sa <= 3 and not same_camp(ctx, a, b):
                out.append((a, b))   # "there's no precedent for ..." / "there is precedent for ..."
                continue
            shared = len(words[a.id] & words[b.id])
            # the same statement, one side negated ("the water is safe" / "is not safe"):
            # half the words of the two together are shared
            if shared < 3 or shared < 0.5 * len(words[a.id] | words[b.id]) or same_camp(ctx, a, b):
                continue
            ta, tb = ctx.content_text(a), ctx.content_text(b)
            if (negations(ta) > 0) == (negations(tb) > 0) and a.negated == b.negated:
                continue
            if overlap(ctx, a, b) >= 85:
                out.append((a, b))
    return out


# "there is (no) N ...": a statement that something exists or does not
_THERE = re.compile(r"(?<![\w-])there\s*(?:['’]s|is|are|was|were|has\s+been|have\s+been)\s+"
                    r"(?P<neg>(?:no|not\s+any|not\s+a|never\s+been\s+(?:a|any))\s+)?"
                    r"(?P<rest>(?:[\w’'-]+\s+){0,6}[\w’'-]+)", re.I)
# a condition or question before it asserts nothing ("whether there is evidence")
_SUPPOSED = re.compile(r"(?<![\w-])(?:if|whether|unless)\s+[^,.;:!?]{0,40}$", re.I)


def _existentials(text: str) -> list[tuple[bool, str, set[str]]]:
    """Each "there is (no) N ..." of ``text``: whether negated, the noun, and the first letters
    of the next content words ("there's no precedent for prosecuting" -> precedent, {prosec})."""
    out = []
    for m in _THERE.finditer(text):
        if _SUPPOSED.search(text[:m.start()]):
            continue
        words = [w.lower() for w in re.findall(r"[\w’'-]+", m.group("rest"))]
        content = [w for w in words if w not in vocab.words("contest", "existence_fillers")]
        if content:
            out.append((bool(m.group("neg")), content[0], {w[:6] for w in content[1:4]}))
    return out


def _flipped(ea: list[tuple[bool, str, set[str]]], eb: list[tuple[bool, str, set[str]]]) -> bool:
    """Of two statements' :func:`_existentials`, one says there is no N and the other that
    there is N, of the same thing ("there's no precedent for prosecuting a case like hers" /
    "there is precedent for prosecution"): the noun and one of the next content words agree,
    the polarity does not."""
    return any(na != nb and ha == hb and ra & rb for na, ha, ra in ea for nb, hb, rb in eb)
