"""Where an entity was named or mentioned, indexed for the lookups that used to read every
mention of an entity for each source (quadratic on a long document: issue 16, point 10).

``_Entity.named_at`` only grows by appends, except when the entity table merges two entities
(``_merge_prefixed``: extend and sort), which calls :meth:`SpotIndex.forget`;
``_Entity.mentions`` only gains keys.  While an entity's spots run in document order (offsets
and sentences never decreasing: the usual case) the lookups bisect; otherwise they read the
list, as before, with the same answers."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import islice

from .records import _Entity


class Spots:
    """One entity's (offset, sentence) pairs in list order, and whether they are in order."""

    __slots__ = ("pairs", "offs", "monotone", "seen", "last")

    def __init__(self) -> None:
        self.pairs: list[tuple[int, int]] = []
        self.offs: list[int] = []
        self.monotone = True
        self.seen = 0       # how many items of the source list are in
        self.last = None    # the last source item taken (to notice a reordered list)

    def extend(self, pairs) -> None:
        for o, sj in pairs:
            if self.pairs and (o < self.pairs[-1][0] or sj < self.pairs[-1][1]):
                self.monotone = False
            self.pairs.append((o, sj))
            self.offs.append(o)

    def last_before(self, offset: int) -> tuple[int, int] | None:
        """The last pair, in list order, with an offset below ``offset``."""
        if self.monotone:
            i = bisect_left(self.offs, offset)
            return self.pairs[i - 1] if i else None
        before = [p for p in self.pairs if p[0] < offset]
        return before[-1] if before else None

    def last_at_or_before(self, offset: int) -> tuple[int, int] | None:
        if self.monotone:
            i = bisect_right(self.offs, offset)
            return self.pairs[i - 1] if i else None
        before = [p for p in self.pairs if p[0] <= offset]
        return before[-1] if before else None

    def first_after(self, offset: int, max_sent: int) -> tuple[int, int] | None:
        """The first pair, in list order, with an offset above ``offset`` and a sentence at
        most ``max_sent``."""
        if self.monotone:
            j = bisect_right(self.offs, offset)
            return self.pairs[j] if j < len(self.pairs) and self.pairs[j][1] <= max_sent else None
        return next((p for p in self.pairs if p[0] > offset and p[1] <= max_sent), None)


class SpotIndex:
    """:class:`Spots` of each entity's ``named_at`` and of its ``mentions``, kept up to date."""

    def __init__(self, sent_of) -> None:
        self.sent_of = sent_of
        self._named: dict[int, tuple[_Entity, Spots]] = {}
        self._mentioned: dict[int, tuple[_Entity, Spots]] = {}

    def forget(self, e: _Entity) -> None:
        """``e.named_at`` was reordered (a merge): index it afresh."""
        self._named.pop(id(e), None)

    def named(self, e: _Entity) -> Spots:
        src = e.named_at
        sp = self._spots(self._named, e, len(src))
        if sp.seen and src[sp.seen - 1] is not sp.last:  # reordered without forget(): start over
            sp = Spots()
            self._named[id(e)] = (e, sp)
        if sp.seen < len(src):
            sp.extend(src[sp.seen:])
            sp.seen, sp.last = len(src), src[-1]
        return sp

    def mentioned(self, e: _Entity) -> Spots:
        """(offset, sentence) of ``e.mentions`` in insertion order (keys are only added)."""
        n = len(e.mentions)
        sp = self._spots(self._mentioned, e, n)
        if sp.seen < n:
            new = list(islice(reversed(e.mentions), n - sp.seen))[::-1]
            sp.extend((o, self.sent_of(o)) for o, _ in new)
            sp.seen = n
        return sp

    @staticmethod
    def _spots(table: dict, e: _Entity, n: int) -> Spots:
        hit = table.get(id(e))
        if hit is None or hit[0] is not e or hit[1].seen > n:
            hit = table[id(e)] = (e, Spots())
        return hit[1]
