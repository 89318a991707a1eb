"""Small helpers over the project's parsed ``Sentence`` (no stanza)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Sentence, Token

PUNCT_EDGE = set(".,;:!?-—–()[]{}") | {"--", "..."}
QUOTE_CHARS = set('"“”„«»‘’\'`')


class Tree:
    """Children lists and subtrees of one sentence, robust to cycles."""

    def __init__(self, sent: Sentence):
        self.sent = sent
        self.kids: dict[int, list[Token]] = {t.id: [] for t in sent.tokens}
        self.kids[0] = []
        for t in sent.tokens:
            if t.head in self.kids and t.head != t.id:
                self.kids[t.head].append(t)

    def tok(self, i: int) -> Token:
        return self.sent.tokens[i - 1]

    def children(self, i: int, *deprels: str) -> list[Token]:
        out = self.kids.get(i, [])
        if deprels:
            out = [t for t in out if t.deprel.split(":")[0] in deprels or t.deprel in deprels]
        return out

    def head(self, t: Token) -> Token | None:
        return self.tok(t.head) if 0 < t.head <= len(self.sent.tokens) else None

    def subtree(self, i: int, exclude: set[int] = frozenset()) -> set[int]:
        out: set[int] = set()
        stack = [i]
        while stack:
            j = stack.pop()
            if j in out or j in exclude:
                continue
            out.add(j)
            stack.extend(c.id for c in self.kids.get(j, []))
        return out


def span_of(sent: Sentence, ids: set[int] | list[int]) -> tuple[int, int] | None:
    ids = sorted(ids)
    if not ids:
        return None
    return sent.tokens[ids[0] - 1].start, sent.tokens[ids[-1] - 1].end


def is_punct(t: Token) -> bool:
    return t.upos == "PUNCT" or all(not c.isalnum() for c in t.text)


def trim(sent: Sentence, ids: set[int], *, keep_quotes: bool = True) -> list[int]:
    """Sorted ids without edge punctuation (quote marks kept when ``keep_quotes``)."""
    out = sorted(ids)
    while out and _edge(sent.tokens[out[-1] - 1], keep_quotes):
        out.pop()
    while out and _edge(sent.tokens[out[0] - 1], keep_quotes):
        out.pop(0)
    return out


def _edge(t: Token, keep_quotes: bool) -> bool:
    if not is_punct(t):
        return False
    if keep_quotes and any(c in QUOTE_CHARS for c in t.text):
        return False
    return True


@dataclass
class Cand:
    """An attribution under construction (file offsets)."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    sentence: int
    origin: str
    cue_lemma: str | None = None
    cue_key: tuple[int, int] | None = None       # (sentence index, token id) of the cue head
    source_head: Token | None = None
    source_ids: tuple[int, ...] = ()
    negated: bool = False
    passive_agentless: bool = False
    score: float = 1.0
    extra: dict = field(default_factory=dict)

    @property
    def hull(self) -> tuple[int, int]:
        return min(s for s, _ in self.content), max(e for _, e in self.content)

    def length(self) -> int:
        return sum(e - s for s, e in self.content)
