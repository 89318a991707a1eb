"""Where an entity was named or mentioned, indexed for the lookups that used to read every
mention of an entity for each source (quadratic on a long document: issue 16, point 10).

``_Entity.named_at`` only grows by appends, except when the entity table merges two entities
(``_merge_prefixed``: extend and sort), which calls :meth:`SpotIndex.forget`;
``_Entity.mentions`` only gains keys.  While an entity's spots run in document order the
lookups bisect the list; otherwise (a person's full names are listed before the surname-only
mentions) they use the spots sorted by offset, with the same answers as the scans."""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from itertools import accumulate, islice

from .records import _Entity


class Spots:
    """One entity's (offset, sentence) pairs in list order.  Queries answer as the scans of
    the list did: by bisection while the pairs run in document order, else through an index of
    the pairs sorted by offset (built when first needed after the list grew)."""

    __slots__ = ("pairs", "offs", "sorted_offs", "monotone", "seen", "last", "_static")

    def __init__(self) -> None:
        self.pairs: list[tuple[int, int]] = []
        self.offs: list[int] = []          # in list order
        self.sorted_offs: list[int] = []   # the same offsets, sorted
        self.monotone = True
        self.seen = 0       # how many items of the source list are in
        self.last = None    # the last source item taken (to notice a reordered list)
        self._static = None

    def extend(self, pairs) -> None:
        for o, sj in pairs:
            if self.pairs and (o < self.pairs[-1][0] or sj < self.pairs[-1][1]):
                self.monotone = False
            self.pairs.append((o, sj))
            self.offs.append(o)
            insort(self.sorted_offs, o)

    # ------------------------------------------------------------ order-independent
    def latest_at_or_before(self, offset: int) -> int | None:
        """``max(o for o in offsets if o <= offset)``, or None."""
        i = bisect_right(self.sorted_offs, offset)
        return self.sorted_offs[i - 1] if i else None

    def max_sent_before(self, offset: int) -> int | None:
        """``max(sj for o, sj in pairs if o < offset)``, or None."""
        if self.monotone:
            i = bisect_left(self.offs, offset)
            return self.pairs[i - 1][1] if i else None
        st = self._index()
        i = bisect_left(st.soffs, offset)
        return st.sent_max[i - 1] if i else None

    # ------------------------------------------------------------ in list order
    def last_before(self, offset: int) -> tuple[int, int] | None:
        """The last pair, in list order, with an offset below ``offset``."""
        if self.monotone:
            i = bisect_left(self.offs, offset)
            return self.pairs[i - 1] if i else None
        st = self._index()
        i = bisect_left(st.soffs, offset)
        return self.pairs[st.index_max[i - 1]] if i else None

    def first_after(self, offset: int, max_sent: int) -> tuple[int, int] | None:
        """The first pair, in list order, with an offset above ``offset`` and a sentence at
        most ``max_sent``."""
        if self.monotone:
            j = bisect_right(self.offs, offset)
            return self.pairs[j] if j < len(self.pairs) and self.pairs[j][1] <= max_sent else None
        st = self._index()
        if not st.sents_follow_offsets:
            return next((p for p in self.pairs if p[0] > offset and p[1] <= max_sent), None)
        j = bisect_right(st.soffs, offset)
        k = bisect_right(st.ssents, max_sent)
        n = st.index_min(j, k)
        return self.pairs[n] if n is not None else None

    def _index(self) -> "_Sorted":
        if self._static is None or self._static.size != len(self.pairs):
            self._static = _Sorted(self.pairs)
        return self._static


class _Sorted:
    """The pairs sorted by offset: prefix maxima of list position and sentence, and a sparse
    table of the minimum list position over any range of that order."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self.size = len(pairs)
        order = sorted(range(len(pairs)), key=lambda n: pairs[n][0])
        self.soffs = [pairs[n][0] for n in order]
        self.ssents = [pairs[n][1] for n in order]
        self.sents_follow_offsets = all(a <= b for a, b in zip(self.ssents, self.ssents[1:]))
        self.index_max = list(accumulate(order, max))
        self.sent_max = list(accumulate(self.ssents, max))
        self.table = [order]
        width = 1
        while 2 * width <= len(order):
            prev = self.table[-1]
            self.table.append([min(prev[i], prev[i + width]) for i in range(len(prev) - width)])
            width *= 2

    def index_min(self, j: int, k: int) -> int | None:
        """The smallest list position among sorted places ``j``..``k - 1``."""
        if k <= j:
            return None
        t = (k - j).bit_length() - 1
        row = self.table[t]
        return min(row[j], row[k - (1 << t)])


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
