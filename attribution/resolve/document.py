"""Step 0, the document view: sentences repaired, quotation regions, capitalisation vocabulary.

Sentence splits inside a name are undone (:meth:`DocumentView._merge_sentences`; a possessive
split in the wrong place got its word back in parse, :mod:`attribution.parse.repairs`); quotation
regions are scanned once; in a Title Case headline a capital counts only on a word the article
never writes in lower case.  The remaining methods are read-only lookups over the text:
offset to sentence, token spans, title and name-shape tests."""
from __future__ import annotations

import bisect
import dataclasses

from ..model import Attribution, AttributionType, Document, Quotation, Sentence, Token
from ..vocab import People, norm as _norm
from .words import _PARTICLE_NAME, _PARTY_TAG, _is_punct
from .records import _Cand, _Entity, _Run
from .spots import SpotIndex


class DocumentView:
    """The state every step shares: the repaired sentences, the text and the entity table's lists."""

    def __init__(self, doc: Document, people: People, attributions: list[Attribution],
                 quotations: tuple[Quotation, ...]):
        self.doc = doc
        self.people = people
        self.text = doc.source.text
        self.sents = self._merge_sentences(doc.sentences)
        self.sent_starts = [s.start for s in self.sents]
        self.attrs = attributions
        self.entities: list[_Entity] = []
        self.runs: list[_Run] = []
        self.runs_by_sent: list[list[_Run]] = [[] for _ in self.sents]
        self.timeline: list[_Cand] = []
        self.spots = SpotIndex(self.sent_of)  # where each entity was named / mentioned, indexed
        self.cited_at: dict[int, list[int]] = {}   # id(entity) -> offsets where it is a source
        self.role_only_at: dict[int, _Entity] = {}  # offset of a role phrase -> its sole holder (.role_holders)
        self._quote_regions(quotations)
        self._cap_vocab()

    # ------------------------------------------------------------------ helpers
    def _merge_sentences(self, sents: tuple[Sentence, ...]) -> list[Sentence]:
        """Undo sentence splits that cut a name ("Senator Maria | Lopez said", "Col. | Ahmed")."""
        out: list[Sentence] = []
        for s in sents:
            if out and s.tokens and out[-1].tokens and s.block == out[-1].block and self._spurious(out[-1], s):
                prev = out[-1]
                off = len(prev.tokens)
                moved = tuple(dataclasses.replace(t, id=t.id + off, head=t.head + off if t.head else 0)
                              for t in s.tokens)
                out[-1] = Sentence(tokens=prev.tokens + moved, start=prev.start, end=s.end, block=prev.block)
            else:
                out.append(s)
        return out

    def _spurious(self, a: Sentence, b: Sentence) -> bool:
        if "\n" in self.text[a.end:b.start]:
            return False
        last = a.tokens[-1]
        next_token = b.tokens[0]
        if not next_token.text[:1].isupper():
            return last.text not in (".", "!", "?", "\u2026") and not _is_punct(last)
        if not _is_punct(last):
            if last.text.endswith(".") and (_norm(last.text),) in self.people.titles:
                return True
            return last.upos in ("PROPN",) or (_norm(last.text),) in self.people.titles
        if last.text == "." and len(a.tokens) >= 2 and a.tokens[-2].end == last.start:
            w = a.tokens[-2].text
            return (_norm(w),) in self.people.titles or (len(w) == 1 and w.isupper())
        return False

    def _quote_regions(self, quotations: tuple[Quotation, ...]) -> None:
        regions = [(q.start, q.end) for q in quotations]  # extract's, read from Extraction
        content: list[tuple[int, int]] = []
        for a in self.attrs:
            for sp in a.content:
                content.append((sp.start, sp.end))
                if a.type == AttributionType.DIRECT:
                    regions.append((sp.start, sp.end))
        self.quotes = self._union(regions)
        self.contents = self._union(content)

    @staticmethod
    def _union(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for s, e in sorted(regions):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return out

    @staticmethod
    def _inside(regions: list[tuple[int, int]], offset: int) -> bool:
        """``offset`` lies in one of the disjoint, sorted ``regions``."""
        i = bisect.bisect_right(regions, (offset, float("inf"))) - 1
        return i >= 0 and regions[i][0] <= offset < regions[i][1]

    def _cap_vocab(self) -> None:
        """Capitalised words seen inside sentences, lower-case words, and Title Case lines."""
        vocab, lower = set(), set()
        self.headlines: set[int] = set()
        for s in self.sents:
            alpha = [t for t in s.tokens if t.text[:1].isalpha()]
            caps = sum(1 for t in alpha if t.text[:1].isupper())
            if len(alpha) >= 4 and caps >= 0.7 * len(alpha):
                self.headlines.add(id(s))
                continue
            first = self._first_word(s)
            for k, t in enumerate(s.tokens):
                if k != first and t.text[:1].isupper():
                    vocab.add(t.text)
                elif t.text.islower():
                    lower.add(t.text)
        self.vocab = vocab
        self.lower_vocab = lower

    @staticmethod
    def _first_word(s: Sentence) -> int:
        for k, t in enumerate(s.tokens):
            if not _is_punct(t):
                return k
        return 0

    def sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def slice(self, a: int, b: int) -> str:
        return self.text[a:b]

    def wspan(self, s: Sentence, k: int) -> tuple[int, int]:
        """Character span of word ``k`` alone (words of a multi-word token share its span)."""
        t = s.tokens[k]
        if t.end - t.start == len(t.text):
            return t.start, t.end
        seg = self.text[t.start:t.end]
        pos = 0
        for u in s.tokens:
            if u.start != t.start or u.end != t.end:
                continue
            idx = seg.find(u.text, pos)
            if idx < 0:
                idx = seg.replace("\u2019", "'").find(u.text.replace("\u2019", "'"), pos)
            if idx < 0:
                return t.start, t.end
            if u is t:
                return t.start + idx, t.start + idx + len(u.text)
            pos = idx + len(u.text)
        return t.start, t.end

    def tok_text(self, s: Sentence, i: int, j: int) -> str:
        return self.text[self.wspan(s, i)[0]:self.wspan(s, j - 1)[1]]

    def _match(self, toks: tuple[Token, ...], k: int, table: frozenset, longest: int,
               lemma: bool = False) -> int:
        """Length of the longest entry of ``table`` starting at token ``k`` (0: none)."""
        for n in range(min(longest, len(toks) - k), 0, -1):
            words = tuple(_norm(t.text) for t in toks[k:k + n])
            if words in table:
                return n
            if lemma:
                lw = words[:-1] + (_norm(toks[k + n - 1].lemma),)
                if lw in table:
                    return n
        return 0

    def _title_at(self, toks: tuple[Token, ...], k: int) -> int:
        if not toks[k].text[:1].isupper():
            return 0
        return self._match(toks, k, self.people.titles, self.people.max_title)

    def _namelike(self, s: Sentence, k: int, first: int) -> bool:
        t = s.tokens[k]
        w = t.text
        if not w or _is_punct(t):
            return False
        if _norm(w) in self.people.not_names:
            return False
        if _PARTY_TAG.match(w):
            return False
        if _PARTICLE_NAME.match(w):
            return True
        if not w[0].isupper():
            return False
        if t.upos in ("PRON", "DET", "CCONJ", "SCONJ", "PART", "INTJ", "NUM") or w == "I":
            return False
        if t.upos == "ADP" and k == first:
            return False
        if _norm(w) in self.people.pronouns:
            return False
        if id(s) in self.headlines and ((w.lower() in self.lower_vocab and w not in self.vocab)
                                        or t.upos not in ("PROPN", "NOUN", "ADJ", "X")):
            return False  # "Hillary Clinton Campaign Wants ...": a headline's capitals prove nothing
        if t.upos == "PROPN" and not (k > 0 and s.tokens[k - 1].text in ('"', "\u201c")):
            return True
        if k != first and not self._after_opening(s, k):
            return True
        # sentence-initial capital on a common word: a name only with more evidence
        if t.upos in ("NOUN", "ADJ", "X", "VERB", "PROPN"):
            next_token = s.tokens[k + 1] if k + 1 < len(s.tokens) else None
            if w in self.vocab and w.lower() not in self.people.anonymous_nouns:
                return True
            if next_token is not None and next_token.upos == "PROPN" and next_token.text[:1].isupper():
                return True
            seq = (_norm(w),)
            if seq in self.people.places or seq in self.people.org_names:
                return True
        return False

    def _after_opening(self, s: Sentence, k: int) -> bool:
        """The token opens a quotation or follows a colon/dash (a capital proves nothing)."""
        if k == 0:
            return True
        prev = s.tokens[k - 1].text
        return prev in ('"', "“", "‘", "'", ":", "—", "–", "--", "(", "-")
