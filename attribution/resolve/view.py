"""A read-only view of a resolved document: text, sentences, blocks, attributions, speakers
and extract's quotations, with the lookups the later steps share.

Resolve's last step (:mod:`.unattributed`) and every check rule (``check.Context``, a
subclass) read the document through it, so the two never compute a sentence index, a block
or the text outside quotation marks in two ways.
"""
from __future__ import annotations

import bisect
from typing import NamedTuple

from ..model import Attribution, Resolved, Sentence, Span, Speaker, Token


class Quoted(NamedTuple):
    """A quotation's piece in one block (:meth:`ResolvedView.block_quotes`), as indexes into the
    block's text; a piece left open (unclosed, or running on into the next paragraph) runs
    to the block's end."""

    start: int        # the opening mark
    end: int          # after the closing mark (the block's end when open)
    closed: bool
    inner_start: int
    inner_end: int

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


class ResolvedView:
    """``resolved`` with lookups; ``lexicon`` is the cue lexicon (None: the default one)."""

    def __init__(self, resolved: Resolved, lexicon=None):
        self.resolved = resolved
        self.lexicon = lexicon
        self._sent_starts = [s.start for s in resolved.document.sentences]
        # per-document memo of pure helpers (name variants, claims' per-attribution values):
        # rules compare attributions pairwise, so each value is computed once, not once a pair
        self._memo: dict = {}

    def memo(self, kind: str, obj, compute):
        """``compute()``, remembered for ``obj`` (by identity) under ``kind``."""
        key = (kind, id(obj))
        hit = self._memo.get(key)
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = compute()
        self._memo[key] = (obj, value)  # holds obj, so its id is not reused meanwhile
        return value

    # ---------------------------------------------------------------- text
    @property
    def text(self) -> str:
        return self.resolved.document.source.text

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        return self.resolved.attributions

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.resolved.document.sentences

    def span_text(self, span: Span | None) -> str:
        return "" if span is None else self.text[span.start:span.end]

    def content_text(self, attr: Attribution) -> str:
        return " ".join(self.span_text(s) for s in attr.content)

    def cue_text(self, attr: Attribution) -> str:
        return self.span_text(attr.cue)

    @staticmethod
    def hull(attr: Attribution) -> Span:
        spans = [*attr.content, *(s for s in (attr.cue, attr.source) if s is not None)]
        return Span(min(s.start for s in spans), max(s.end for s in spans))

    # ----------------------------------------------------------- sentences
    def sentence_index_at(self, offset: int) -> int | None:
        if not self._sent_starts:
            return None
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return max(i, 0)

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def tokens_in(self, span: Span) -> list[Token]:
        i = self.sentence_index_at(span.start)
        j = self.sentence_index_at(max(span.end - 1, span.start))
        if i is None:
            return []
        out = []
        for s in self.sentences[i:(j or i) + 1]:
            out.extend(t for t in s.tokens if span.start <= t.start and t.end <= span.end)
        return out

    def attr_sentence(self, attr: Attribution) -> int:
        if 0 <= attr.sentence < len(self.sentences):
            return attr.sentence
        return self.sentence_index_at(self.hull(attr).start) or 0

    def block_of(self, offset: int) -> int | None:
        blocks = self.resolved.document.source.blocks
        starts = self.memo("block_starts", blocks, lambda: _ordered_starts(blocks))
        if starts is not None:  # blocks in order, none overlapping: the one before offset
            i = bisect.bisect_right(starts, offset) - 1
            b = blocks[i] if i >= 0 else None
            return i if b is not None and b.start <= offset < max(b.end, b.start + 1) else None
        for i, b in enumerate(blocks):
            if b.start <= offset < max(b.end, b.start + 1):
                return i
        return None

    # ---------------------------------------------------------- quotations
    def block_quotes(self, bi: int) -> list[Quoted]:
        """The pieces of extract's quotations (``Resolved.quotations``) in block ``bi``."""
        return self.memo("block_quotes", self.resolved, self._block_quotes)[bi]

    def _block_quotes(self) -> list[list[Quoted]]:
        blocks = self.resolved.document.source.blocks
        out: list[list[Quoted]] = [[] for _ in blocks]
        for q in self.resolved.quotations:
            pieces = [(q.block, q.start, q.inner_start)]
            pieces += [(self.block_of(m.start), m.start, m.end) for m in q.runs_on]
            for n, (bi, start, inner) in enumerate(pieces):
                if bi is None:
                    continue
                b = blocks[bi]
                size = len(b.text)
                if n == len(pieces) - 1 and q.closed:
                    out[bi].append(Quoted(_index(b, start), _index(b, q.end), True, _index(b, inner),
                                          _index(b, q.inner_end)))
                else:
                    out[bi].append(Quoted(_index(b, start), size, False, _index(b, inner), size))
        return out

    def quoted_spans(self) -> list[Span]:
        """The quotations' pieces (:meth:`block_quotes`) in file offsets, in document order."""
        return self.memo("quoted_spans", self.resolved, lambda: [
            Span(b.to_file(q.start), b.to_file(min(q.end, len(b.text))))
            for bi, b in enumerate(self.resolved.document.source.blocks) for q in self.block_quotes(bi)])

    def unquoted(self, bi: int, upto: int | None = None) -> str:
        """The text of block ``bi`` (up to index ``upto``) outside quotation marks, the
        stretches between quotations joined by a space."""
        text = self.resolved.document.source.blocks[bi].text
        text = text if upto is None else text[:upto]
        return _outside(text, [(q.start, min(q.end, len(text))) for q in self.block_quotes(bi)
                               if q.start < len(text)])

    def sentence_quotes(self, j: int) -> list[Span]:
        """The quotations that open in sentence ``j`` (:meth:`quoted_spans`), cut at its end.

        A quotation opened in an earlier sentence is not the sentence's own: the words of a
        long quotation's later sentences count as outside quotation marks here, as the rules
        have always read a sentence (reading them as quoted adds floating-quote findings)."""
        s = self.sentences[j]
        spans = self.quoted_spans()
        starts = self.memo("quoted_starts", spans, lambda: [q.start for q in spans])
        k = bisect.bisect_left(starts, s.start)
        out = []
        while k < len(spans) and spans[k].start < s.end:
            out.append(Span(spans[k].start, min(spans[k].end, s.end)))
            k += 1
        return out

    def unquoted_sentence(self, j: int) -> str:
        """The text of sentence ``j`` outside its quotations (:meth:`sentence_quotes`), the
        stretches between them joined by a space."""
        s = self.sentences[j]
        return _outside(self.sentence_text(j), [(q.start - s.start, q.end - s.start)
                                                for q in self.sentence_quotes(j)])

    # ------------------------------------------------------------ speakers
    def speaker(self, attr: Attribution) -> Speaker | None:
        if attr.speaker is None:
            return self.resolved.speaker(None)
        by_id = self.memo("speakers", self.resolved, lambda: {
            sp.id: sp for sp in reversed(self.resolved.speakers)})  # the first of an id wins
        return by_id.get(attr.speaker)

    def is_attributed(self, attr: Attribution) -> bool:
        """Has a source: a resolved speaker or at least a source mention."""
        if attr.passive_agentless:
            return False
        return attr.speaker is not None or attr.source is not None


def _index(block, offset: int) -> int:
    """The index into ``block.text`` of a file offset (the inverse of ``Block.to_file``)."""
    if block.offsets is None:
        return offset - block.start
    return bisect.bisect_left(block.offsets, offset)


def _outside(text: str, pieces: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in pieces:
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return " ".join(out)


def _ordered_starts(blocks) -> list[int] | None:
    """The blocks' starts when each block ends before the next starts (then at most one
    block holds an offset, and bisect finds it); else None."""
    end = None
    for b in blocks:
        if end is not None and b.start < end:
            return None
        end = max(b.end, b.start + 1)
    return [b.start for b in blocks]


class SpanIndex:
    """Spans sorted by start, answering "does one overlap / contain this span?" by bisection
    where a rule used to scan every span it had seen (quadratic on a long document: issue 16,
    point 10).  Spans may be added as a rule goes."""

    def __init__(self, spans=()) -> None:
        self._starts: list[int] = []
        self._spans: list[Span] = []
        self._longest = 0
        for s in spans:
            self.add(s)

    def add(self, span: Span) -> None:
        i = bisect.bisect_right(self._starts, span.start)
        self._starts.insert(i, span.start)
        self._spans.insert(i, span)
        self._longest = max(self._longest, span.end - span.start)

    def overlaps(self, span: Span) -> bool:
        """``any(s.overlaps(span) for s in spans)``."""
        lo = bisect.bisect_right(self._starts, span.start - self._longest - 1)
        hi = bisect.bisect_left(self._starts, span.end)
        return any(s.overlaps(span) for s in self._spans[lo:hi])

    def contains(self, span: Span) -> bool:
        """``any(s.contains(span) for s in spans)``."""
        lo = bisect.bisect_left(self._starts, span.end - self._longest)
        hi = bisect.bisect_right(self._starts, span.start)
        return any(s.contains(span) for s in self._spans[lo:hi])
