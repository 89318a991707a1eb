"""What a rule sees: the resolved document plus small read-only helpers.

Rules are generators of :class:`Hit` (a location and a message); the checker
turns hits into :class:`~attribution.model.Finding` objects, applying severity
overrides, suppression and line/column.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Anonymity, Attribution, Resolved, Sentence, Severity, Span, Speaker, Token
from ..vocab.inflect import demonyms
from . import vocab as _vocab


# cue classes that report speech, writing or a publicly stated stance (bench/gold/GUIDE.md)
STATED = frozenset({"speech", "writing", "loaded", "accuse", "deny", "warn"})


def source_anonymity(sp: Speaker | None, src_text: str) -> Anonymity | None:
    """The resolve stage's decision (``Speaker.anonymity``); for a source resolve could not
    link to a speaker, the same decision made on the source phrase."""
    if sp is not None:
        return sp.anonymity
    from ..resolve import anonymity, load_people
    from ..resolve.anonymity import description_head

    people = load_people()
    head = description_head(src_text, people) or ""  # "an executive familiar with the talks": one
    return anonymity(people, src_text, head.endswith("s") and not head.endswith("ss"))


class Quoted(NamedTuple):
    """A quotation's piece in one block (:meth:`Context.block_quotes`), as indexes into the
    block's text; a piece left open (unclosed, or running on into the next paragraph) runs
    to the block's end."""

    start: int        # the opening mark
    end: int          # after the closing mark (the block's end when open)
    closed: bool
    inner_start: int
    inner_end: int

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


class Hit(NamedTuple):
    start: int
    end: int
    message: str
    attributions: tuple[str, ...] = ()
    severity: Severity | None = None  # None: the rule's (or the config's) level


@dataclass
class Context:
    resolved: Resolved
    config: object = None   # attribution.config.Config
    lexicon: object = None
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    # per-document memo of pure helpers (name variants, claims' per-attribution values):
    # rules compare attributions pairwise, so each value is computed once, not once a pair
    _memo: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._sent_starts = [s.start for s in self.resolved.document.sentences]

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

    def in_headline(self, attr: Attribution) -> bool:
        """The attribution sits in the first block and that block is a headline (no sentence
        punctuation at its end): headlines echo the body and add no finding of their own."""
        if self.block_of(self.hull(attr).start) != 0:
            return False
        block = self.resolved.document.source.blocks[0]
        return is_headline(block.text)

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

    def cue_classes(self, attr: Attribution) -> frozenset[str]:
        return self.memo("cue_classes", attr,
                         lambda: _vocab.cue_classes(attr, self.lexicon, self.cue_text(attr)))

    def states(self, attr: Attribution) -> bool:
        """The attribution reports speech, writing or a stated stance (bench/gold/GUIDE.md):
        its cue is of a STATED class, an accusation is made by its source ("critics denounced
        the plan", not "people were charged fees"), and it is no non-answer ("declined to
        comment", "refused to say")."""
        classes = self.cue_classes(attr)
        said = bool(classes & (STATED - {"accuse"}))
        if not classes & STATED or attr.cue is None:
            return said
        lemma = (attr.cue_lemma or "").lower()
        if re.search(r"\b(?:will|would|could|might|may|should|must|shall)\s+(?:\w+ly\s+)?$",
                     self.text[max(0, attr.cue.start - 24):attr.cue.start].lower()) or \
                re.match(r"(?:will|would|could|might|may|should|must|shall)\b", self.cue_text(attr).lower()):
            return False  # "Republicans will pledge to ...", "critics would argue": not yet said
        if lemma in _vocab.words("cue_classes", "weak_deny") and \
                self.text[attr.cue.end:attr.cue.end + 4].lower().startswith(" to "):
            return False
        if lemma in _vocab.words("cue_classes", "weak_deny") and re.match(
                r"\s*(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|less\s+than\s+)?[\d$£€]",
                self.text[attr.cue.end:attr.cue.end + 32]):
            return False  # "Trade declined 40 percent": a fall, not a refusal
        if lemma == "confirm" and self._appointee(attr):
            return False  # "the Senate confirmed 68 judicial nominees": an appointment, not a statement
        if said:
            return True
        before = self.text[max(0, attr.cue.start - 16):attr.cue.start].lower()
        return not re.search(r"\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\w+ly\s+)?$", before)

    def _appointee(self, attr: Attribution) -> bool:
        """The content is a bare noun phrase whose head is a role ("a judge", "68 judicial
        nominees by this point"): whom a vote put in office."""
        from ..resolve import load_people

        toks = [t for c in attr.content for t in self.tokens_in(c)]
        if not toks or any(t.upos in ("VERB", "AUX") for t in toks):
            return False
        head = None
        for t in toks:
            if t.upos in ("ADP", "PUNCT", "SCONJ"):
                break
            if t.upos == "NOUN":
                head = t.text.lower()
        roles = load_people().roles
        return head is not None and ((head,) in roles or (re.sub(r"e?s$", "", head),) in roles
                                     or (head[:-1],) in roles)

    def name_variants(self, speaker: Speaker) -> set[str]:
        """Lower-cased strings by which ``speaker`` may be referred to (names, surnames,
        affiliation, demonyms such as 'Russian' for 'Russia'); a new set each call."""
        return set(self.memo("name_variants", speaker, lambda: frozenset(self._name_variants(speaker))))

    def _name_variants(self, speaker: Speaker) -> set[str]:
        pron = _vocab.words("names", "pronouns")
        out: set[str] = set()
        texts = [speaker.name, *(m.text for m in speaker.mentions)]
        if speaker.affiliation:
            texts.append(speaker.affiliation)
        for t in texts:
            t = re.sub(r"['’]s\b", "", t or "").strip()
            if not t or t.lower() in pron:
                continue
            out.add(t.lower())
            for w in re.findall(r"[A-Z][\w.-]+", t):
                if len(w) >= 3 and w.lower() not in pron:
                    out.add(w.lower())
        out |= {d for w in list(out) for d in demonyms(w)}
        return {o for o in out if o not in {"the", "a", "an"}}


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


def mentions(haystack: str, variants: set[str]) -> bool:
    h = haystack.lower()
    for v in variants:
        if len(v) < 3 or v not in h:  # the pattern below is v itself: no substring, no match
            continue
        if re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", h):
            return True
    return False


_SMALL = frozenset("a an the and or but nor of in on at to for by with from as vs via per".split())


def is_headline(text: str) -> bool:
    """A first block that reads as a headline: no sentence punctuation at its end; or title
    case ("Woman Reveals Stunning Thing ..."); or short decks on separate lines
    ("Campaign for Trump says he'll recast image; \\nIncendiary style ..., aide implies.")."""
    t = text.strip()
    if not re.search(r"[.!?][\"'’”)]*\s*$", t):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", t)
    if len(words) > 40:
        return False
    lines = [ln for ln in t.splitlines() if ln.strip()]
    if len(lines) >= 2 and re.search(r"[;:]\s*$", lines[0]):
        return True
    content = [w for w in words if w.lower() not in _SMALL]
    return len(content) >= 4 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


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
