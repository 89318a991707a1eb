"""Contradictions (:mod:`.claims`): two sources asserting the same content with opposite
polarity, and what is only an opinion about what ought to be.  Split out of ``claims.py``.
"""
from __future__ import annotations

import re

from ..model import Attribution
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
    out = []
    for i, a in enumerate(attrs):
        sa = ctx.attr_sentence(a)
        for b in attrs[i + 1:]:
            if ctx.attr_sentence(b) - sa > window:
                break
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
