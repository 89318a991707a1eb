"""Claims the writer names without a cue (:mod:`.claims`): "it was a report by Politico that he
fabricated the story" / "Carson called that report a lie".  Split out of ``rejections.py``.
"""
from __future__ import annotations

import re

from ..model import Attribution
from . import vocab
from .context import Context
from .claim_words import variants
from .rejections import _called_false


def framed_claim(ctx: Context, rej: Attribution) -> str | None:
    """Whose claim a rejection's pointer ("called that report a lie", "denied the allegations")
    refers to when the writer named it only as a noun just before, with no cue of its own:
    "it was a report by Politico that he fabricated the story" / "Carson called that report a
    lie" -> Politico; "The Ledger's story said ..." is an attribution and is not needed here.
    Looks at the rejection's sentence up to its start and the two sentences before it; None
    when the pointer names no charge or report, or the holder is the rejecting side itself."""
    if rej.cue is None:
        return None
    return ctx.memo("claims.framed_claim", rej, lambda: _framed_claim(ctx, rej))


_POINTED_NOUN = re.compile(r"^\W*(?:\w+ly\s+)?(?:the|that|this|those|these|such)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?P<noun>[a-z]+)\b")
_NAME_RUN = r"(?:[A-Z][\w.&’'-]*\s+){0,4}[A-Z][\w.&’'-]*"


def _framed_claim(ctx: Context, rej: Attribution) -> str | None:
    texts = [ctx.text[rej.cue.end:ctx.hull(rej).end], _called_false(ctx, rej)]
    nouns = vocab.words("contest", "charge_nouns")
    noun = None
    for text in texts:
        m = _POINTED_NOUN.match(text or "")
        if m and m.group("noun").lower() in nouns:
            noun = m.group("noun").lower()
            break
    if noun is None:
        return None
    stem = re.escape(re.sub(r"(?:ie)?s$", "", noun))
    si = ctx.attr_sentence(rej)
    lo = ctx.sentences[max(0, si - 2)].start
    before = ctx.text[lo:min(ctx.hull(rej).start, rej.source.start if rej.source is not None else len(ctx.text))]
    found = None
    # (the last naming match: "Friday's report" names when, not whose)
    for m in re.finditer(rf"(?<![\w-]){stem}\w*\s+(?:(?:published|issued|made|released)\s+)?(?:by|from)\s+"
                         rf"(?:the\s+)?(?P<h1>{_NAME_RUN})"
                         rf"|(?P<h2>{_NAME_RUN})['’]s?\s+(?:[\w-]+\s+){{0,2}}{stem}\w*(?![\w-])", before):
        if not _WHEN.fullmatch((m.group("h1") or m.group("h2")).split()[-1]):
            found = m
    if found is None:
        return None
    words = (found.group("h1") or found.group("h2")).split()
    # a capital that opens a sentence or a clause is no name ("And", "The", "But")
    while words and words[0].lower() in vocab.words("contest", "clause_openers"):
        words = words[1:]
    holder = " ".join(words)
    if not holder or holder.lower() in vocab.words("names", "pronouns"):
        return None
    own = variants(ctx, rej)
    if holder.lower() in own or {w.lower() for w in holder.split()} & own:
        return None
    return holder


_WHEN = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|Yester|To)day|January|February|March|April|May|June|"
                   r"July|August|September|October|November|December|Week|Month|Year", re.I)
