"""Step 8, unattributed quotations: the quotations no attribution covers and whose speaker the
text does not give nearby.

The one place this is decided; the rules unattributed-quote and quoted-fragment read
``Resolved.unattributed``.  The approach: a quotation (from extract's ``Resolved.quotations``)
is unattributed unless an attributed hull covers it, or it is a term rather than a quotation
(a scare quote, title, nickname), or its speaker is given nearby: an attributed sentence in
the quote's own sentences or beside them in the paragraph, a colon or cue verb introducing
it, a transcript label, a cue verb outside the marks in a neighbouring sentence, a run of
quote paragraphs whose first one is introduced, a person speaking or doing an action beat in
the adjacent sentence (the guide counts the adjacent sentence or paragraph), a reporter's
question about a person (Q&A), a statement the sentence before announces, a credit line or
a dated citation, an attributed speaker earlier in the paragraph, a cue the unclosed quote
runs into, a person right after the closing mark, a quote chain whose first paragraph is
attributed, a fragment inside a sentence whose subject is a person, or a pull quote (words the
article says elsewhere).  A beat may be a manner ("X was blunt."); a sentence after the quote may
point back at it ("That was the warning from X"); a person who answers the quote in the next
sentence ("X disagreed, saying ...") is not its speaker; across a paragraph break only a speech
act or a person's stance gives a speaker ("The council approved the tower." does not).  A
quotation extract also made a direct attribution of keeps the verdict given here; other direct
attributions extract made without a source or a cue are judged the same way.
:func:`quotation_verdicts` names, for every quotation, the construction that gave its speaker.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Iterator

from ..extract.direct import possessed_by
from ..model import AttributionType, Resolved, Span, SpeakerKind, UnattributedQuote
from .quote_speaker import (
    _called_slogan, _fragment_of_subject, _pull_quote, _speaker_beside, _subject_follows,
)
from .quote_doubt import doubt
from .view import ResolvedView, SpanIndex
from .quote_text import (
    _answers, _citation_after, _credit_line, _cue_nearby, _introduced, is_fragment, _quote_run,
    _run_with_cue, _runs_into_cue, _slogan, is_term, SPEAKER_LABEL,
)


def _chains(ctx: ResolvedView) -> dict[int, int]:
    """Block index -> first block of its quote chain (a paragraph whose quote runs on
    into the next paragraph, which opens with a quote mark, belongs to one chain)."""
    blocks = ctx.resolved.document.source.blocks
    head: dict[int, int] = {}
    open_prev = False
    for i, b in enumerate(blocks):
        starts_quoted = b.text.lstrip()[:1] in ('"', "\u201c")
        head[i] = head[i - 1] if (i and open_prev and starts_quoted) else i
        qs = ctx.block_quotes(i)
        open_prev = bool(qs) and not qs[-1].closed
    return head


def unattributed_quotes(resolved: Resolved, lexicon=None,
                        persons: tuple[tuple[int, int, bool, bool], ...] | None = None) -> tuple[UnattributedQuote, ...]:
    """The quotations of ``resolved`` whose speaker the text does not give (see the module
    docstring), each marked a fragment when its words sit inside the reporter's own sentence,
    and with what makes its lack of a speaker uncertain (:func:`.quote_doubt.doubt`; ``persons``:
    the spans of the names resolve took for people's)."""
    return tuple(UnattributedQuote(start, end, inner, is_fragment(inner, before), attributions, why)
                 for start, end, inner, before, attributions, why in
                 _find_floating(ResolvedView(resolved, lexicon), persons=persons))


def quotation_verdicts(resolved: Resolved, lexicon=None) -> list[tuple[Span, str | None]]:
    """Every quotation no attribution covers, with the name of the construction that gives its
    speaker ("term", "introduced", "person-paragraph-before", ...) or None when it is flagged
    unattributed: for error analysis and tests of why a quote counts as attributed."""
    verdicts: list = []
    for _ in _find_floating(ResolvedView(resolved, lexicon), verdicts):
        pass
    return verdicts


def _find_floating(ctx: ResolvedView, verdicts: list | None = None,
                   persons: tuple[tuple[int, int, bool, bool], ...] | None = None) -> Iterator[tuple]:
    """The unattributed quotations; ``verdicts``, when given, receives (span, reason) for every
    quotation judged, the reason None for one flagged (see :func:`quotation_verdicts`)."""
    source = ctx.resolved.document.source
    attributed = [a for a in ctx.attributions if ctx.is_attributed(a)]
    # the hulls by start, with the furthest end so far: "does a hull overlap this quote?" by
    # bisection, not a scan of every hull (long documents: issue 16, point 10)
    hulls = sorted((ctx.hull(a) for a in attributed), key=lambda h: h.start)
    hull_starts = [h.start for h in hulls]
    hull_reach = list(accumulate((h.end for h in hulls), max))

    def on_hull(span: Span) -> bool:  # = any(h.overlaps(span) for h in hulls)
        k = bisect_left(hull_starts, span.end)  # hulls[:k] start before the span ends
        return bool(k) and hull_reach[k - 1] > span.start
    # sentence -> whether an attribution there is a speech act, or a person's belief or stance
    # ('Valastro praised ...', 'Trump speculated ...'); a body's stance is not ('The council
    # approved the tower.' names no speaker for the quote in the next paragraph)
    att_sents: dict[int, bool] = {}
    slogan_hulls = []
    for a in attributed:
        if _slogan(ctx, a):
            slogan_hulls.append(ctx.hull(a))
            continue
        sp = ctx.speaker(a)
        spoken = a.cue is None or not a.cue_classes or bool(a.cue_classes - {"cognition"}) or \
            (sp is not None and sp.kind == SpeakerKind.PERSON)
        for i in [ctx.attr_sentence(a)] + [ctx.sentence_index_at(s.start) for s in a.content]:
            if i is not None:
                att_sents[i] = att_sents.get(i, False) or spoken
    chains = _chains(ctx)
    chain_attributed: set[int] = set()
    for a in attributed:
        b = ctx.block_of(ctx.hull(a).start)
        if b is not None:
            chain_attributed.add(chains.get(b, b))

    seen = SpanIndex()  # the quotes flagged so far
    judged = SpanIndex()  # the quotations judged here, flagged or not: the second pass keeps the verdict
    spoken_end: set[int] = set()  # blocks that end with a quotation of speech not flagged
    for bi, block in enumerate(source.blocks):
        quotes = ctx.block_quotes(bi)
        last = quotes[-1] if quotes else None
        # the paragraph ends in a quotation, closed or running on into the next paragraph
        # (the convention for a quotation of several paragraphs: no closing mark until the last)
        ends_quoted = last is not None and not block.text[last.end:].strip(" \t\n\xa0")
        said_in: int | None = None   # the last sentence of the paragraph's last quotation with a speaker
        for q in quotes:
            inner = q.inner(block.text)
            if len(inner.split()) == 0:
                continue
            fs = block.to_file(q.start)
            fe = block.to_file(min(q.end, len(block.text)))
            span = Span(fs, fe)
            if on_hull(span):
                if not any(h.overlaps(span) for h in slogan_hulls):
                    said_in = ctx.sentence_index_at(max(fe - 1, fs))
                _note(verdicts, span, "attribution")
                if q is last and ends_quoted and not any(h.overlaps(span) for h in slogan_hulls):
                    spoken_end.add(bi)  # words with a speaker (not a sign's slogan) end the paragraph
                continue
            si = ctx.sentence_index_at(fs)
            sl = ctx.sentence_index_at(max(fe - 1, fs))   # the quote's last sentence
            sent = ctx.sentences[si] if si is not None else None
            if sent is not None:
                before = ctx.text[max(sent.start, 0):fs] if sent.start <= fs else ""
                after = ctx.text[fe:sent.end] if fe <= sent.end else ""
            else:
                before = block.text[:q.start].rsplit(".", 1)[-1]
                after = block.text[q.end:].split(".", 1)[0]
            judged.add(span)
            if is_term(inner, before, after):
                _note(verdicts, span, "term")
                continue
            if q is last and ends_quoted:
                spoken_end.add(bi)  # flagged below, or a quotation with its speaker
            if bi - 1 in spoken_end and q.start == len(block.text) - len(block.text.lstrip()) \
                    and not _names_previous_speaker(ctx, bi, inner):
                reason = "run-on"   # a quote paragraph that goes on from the quotation ending the one before
            elif said_in is not None and si is not None and si >= said_in:
                # a quotation later in a paragraph whose earlier quotation has its speaker goes on
                # with it, as an attributed speaker earlier in the paragraph does: '"You know, it
                # happens, right?" Trump went on, as if he didn't hear her. "But ..."'
                reason = "continues"
            else:
                reason = _why_spoken(ctx, bi, q, si, sl, before, inner, span, att_sents, attributed,
                                     chains.get(bi, bi) in chain_attributed)
            _note(verdicts, span, reason)
            if reason:
                if reason not in ("slogan", "pull-quote", "credit", "label"):
                    said_in = sl   # a slogan, a credited epigraph, a label's line speak for no neighbour
                continue
            seen.add(span)
            spoken_end.discard(bi)
            yield fs, fe, inner, before, (), doubt(ctx, bi, q.closed, si, sl, span, att_sents,
                                                  persons)

    for a in ctx.attributions:
        if a.type == AttributionType.INDIRECT or ctx.is_attributed(a):
            continue
        if a.cue is not None:
            continue  # introduced by a cue ("saying: ..."): a speaker the extractor did not link
        h = a.content_hull
        if seen.overlaps(h) or on_hull(h) or judged.overlaps(h):
            continue  # flagged already, attributed, or a quotation judged above
        si = ctx.attr_sentence(a)
        sl = ctx.sentence_index_at(max(h.end - 1, h.start))
        if _near_attributed(ctx, si, att_sents, sl):
            continue
        inner = ctx.content_text(a)
        sent = ctx.sentences[si] if ctx.sentences else None
        before = ctx.text[sent.start:h.start] if sent and sent.start <= h.start else ""
        after = ctx.text[h.end:sent.end] if sent and h.end <= sent.end else ""
        if is_term(inner, before.rstrip('"“ '), after.lstrip('"” ')):
            continue
        if re.match(rf"^\s*[\"“]?\s*(?:\(|{SPEAKER_LABEL})", inner):
            continue  # transcript label or stage direction
        bi = ctx.block_of(h.start)
        if bi is not None:
            block = ctx.resolved.document.source.blocks[bi]
            if _cue_nearby(ctx, si, bi, block, sl) or _introduced(ctx, before, block.text[:max(0, h.start - block.start)], bi):
                continue
            qs = [q for q in ctx.block_quotes(bi) if block.to_file(q.start) <= h.start + 1]
            if qs and _quote_run(block.text, qs[-1], ctx, bi):
                continue
            if _credit_line(ctx, bi, inner, ctx.text[h.end:block.end].lstrip(' .,;!?"”\'’')) or \
                    _earlier_in_paragraph(ctx, bi, h.start, attributed):
                continue
            if _subject_follows(ctx, h.end, bi) or (qs and _run_with_cue(ctx, block.text, qs[-1], bi)):
                continue
        if _speaker_beside(ctx, si, att_sents, sl):
            continue
        if _citation_after(ctx.text, h.end):
            continue
        if _fragment_of_subject(ctx, si, inner, before):
            continue
        seen.add(h)
        _note(verdicts, h, None)
        why = doubt(ctx, bi, True, si, sl, h, att_sents, persons) if bi is not None else "heading"
        yield h.start, h.end, inner, before, (a.id,), why


def _note(verdicts: list | None, span: Span, reason: str | None) -> None:
    if verdicts is not None:
        verdicts.append((span, reason))


def _why_spoken(ctx: ResolvedView, bi: int, q, si: int | None, sl: int | None, before: str,
                inner: str, span: Span, att_sents: dict[int, bool], attributed, chain_attributed: bool) -> str | None:
    """Why the quotation ``q`` of paragraph ``bi`` has a speaker though no attribution covers
    it: the name of the first construction that gives one (see the module docstring), or None."""
    block = ctx.resolved.document.source.blocks[bi]
    fs, fe = span.start, span.end
    if si is not None and _near_attributed(ctx, si, att_sents, sl):
        return "attributed-sentence"
    if si is not None and _called_slogan(ctx, si, sl):
        return "slogan"
    if _introduced(ctx, before, block.text[:q.start], bi):
        return "introduced"
    if re.match(rf"^\s*(?:\(|{SPEAKER_LABEL})", inner):
        return "label"  # a transcript label ("PENCE: ...") or a stage direction "(CROSSTALK.)"
    own = (fs, fe) if q.closed and not re.search(r'["“”«»„]', inner) else None
    if _cue_nearby(ctx, si, bi, block, sl, own):
        return "cue-nearby"
    if _quote_run(block.text, q, ctx, bi):
        return "quote-run"
    if si is not None:
        beside = _speaker_beside(ctx, si, att_sents, sl)
        if beside:
            return beside
    if _citation_after(block.text, q.end) or _credit_line(ctx, bi, inner, block.text[q.end:]):
        return "credit"
    if _earlier_in_paragraph(ctx, bi, fs, attributed):
        return "earlier-in-paragraph"
    if not q.closed and _runs_into_cue(ctx, inner, bi):
        return "runs-into-cue"
    if _subject_follows(ctx, fe, bi):
        return "subject-follows"
    if _run_with_cue(ctx, block.text, q, bi):
        return "run-with-cue"
    if chain_attributed and (not q.closed or q.start == 0 or block.text.lstrip()[:1] in ('"', "\u201c")):
        return "chain"
    if _fragment_of_subject(ctx, si, inner, before):
        return "fragment-of-subject"
    if _pull_quote(ctx, inner):
        return "pull-quote"
    return None


def _earlier_in_paragraph(ctx: ResolvedView, bi: int, start: int, attributed) -> bool:
    """An attributed speaker earlier in the same paragraph: the quote continues what they
    said (`"...," said Sen. Amy Klobuchar (D-Minn.), who sponsored the act. "..."`, or
    `..., said Bruce Turry, who .... (He was not.) "..."`), however the sentences between
    were split."""
    for a in attributed:
        if a.source is None and a.speaker is None:
            continue
        anchor = a.source or a.cue or ctx.hull(a)
        if anchor.end <= start and ctx.block_of(anchor.start) == bi:
            return True
    return False


def _near_attributed(ctx: ResolvedView, si: int, att_sents: dict[int, bool], sl: int | None = None) -> bool:
    """An attributed sentence is one of the quote's sentences (``si`` to ``sl``: a quote of
    several sentences) or a neighbour in the same paragraph whose attribution is a speech act or
    a person's stance (a body's belief or plan, `The state plans to add a lane.`, gives no
    speaker: :mod:`.quote_doubt` calls the quote's speaker uncertain)."""
    sents = ctx.sentences
    last = si if sl is None or sl < si else sl
    for j in range(si - 1, last + 2):
        if 0 <= j < len(sents) and j in att_sents and sents[j].block == sents[si].block and \
                (att_sents[j] or si <= j <= last) and not (j > last and _answers(ctx, j)):
            return True
    return False


def _names_previous_speaker(ctx: ResolvedView, bi: int, inner: str) -> bool:
    """The quote paragraph names as a possessor, in the third person, the speaker of the quotation that ends
    the paragraph before ('"One of the shortcomings of Byler's piece ..."' after Byler's own
    words): someone else's words, not Byler's running on."""
    blocks = ctx.resolved.document.source.blocks
    if bi == 0:
        return False
    prev = blocks[bi - 1]
    quotes = ctx.block_quotes(bi - 1)
    if not quotes:
        return False
    last = Span(prev.to_file(quotes[-1].start), prev.to_file(min(quotes[-1].end, len(prev.text))))
    for a in ctx.attributions:
        if a.speaker is None or not any(c.start < last.end and last.start < c.end for c in a.content):
            continue
        sp = ctx.resolved.speaker(a.speaker)
        if sp is None or sp.kind != SpeakerKind.PERSON or not sp.name:
            return False
        surname = sp.name.split()[-1]
        return len(surname) > 2 and surname[:1].isupper() and possessed_by(surname).search(inner) is not None
    return False
