"""Offset indexes for :mod:`attribution.extract.merge`: the quotations by offset, and the frames'
content pieces and hull ends, sorted so that merging never scans every frame (issue 16, point 10).
Split out of ``merge.py``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from ._tree import Cand
from ..model import Quotation


def _merge_intervals(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    spans = sorted(spans)
    out: list[list[int]] = []
    for s, e in spans:
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip(" \t\"“”'’‘")):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


class _Quotes:
    def __init__(self, quotes: tuple[Quotation, ...]):
        self.q = quotes
        self.starts = [q.inner_start for q in quotes]

    def at(self, offset: int) -> Quotation | None:
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and self.q[k].inner_start <= offset < self.q[k].inner_end:
            return self.q[k]
        return None

    def inside(self, offset: int) -> bool:
        return self.at(offset) is not None


def _covered(pieces: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(e, pe) - max(s, ps)) for ps, pe in pieces)


class _PieceIndex:
    """The content pieces of the frames kept so far, sorted by start, so that the frames
    overlapping a span are found without scanning every frame (long documents made the
    nesting step quadratic: issue 16, point 10)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.pieces: list[tuple[int, int, int]] = []   # (start, end, frame number)
        self.frames: list[Cand] = []
        self.longest = 0

    def add(self, c: Cand) -> None:
        n = len(self.frames)
        self.frames.append(c)
        for ps, pe in c.content:
            i = bisect_right(self.starts, ps)
            self.starts.insert(i, ps)
            self.pieces.insert(i, (ps, pe, n))
            self.longest = max(self.longest, pe - ps)

    def near(self, s: int, e: int) -> list[Cand]:
        """The kept frames with a piece overlapping [s, e), in the order they were kept."""
        lo = bisect_right(self.starts, s - self.longest - 1)
        hi = bisect_right(self.starts, e)
        hits = sorted({n for ps, pe, n in self.pieces[lo:hi] if ps < e and s < pe})
        return [self.frames[n] for n in hits]


class _Cover:
    """The content pieces of the frames so far, sorted by start, answering "does any piece
    overlap [s, e)?" (what ``any(_covered(c.content, s, e) for c in cands)`` asks) without
    scanning every frame; pieces are added as frames are added or grow."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, ps: int, pe: int) -> None:
        if ps >= pe:  # an empty piece covers nothing
            return
        i = bisect_right(self.starts, ps)
        self.starts.insert(i, ps)
        self.ends.insert(i, pe)
        self.longest = max(self.longest, pe - ps)

    def hits(self, s: int, e: int) -> bool:
        if s >= e:
            return False
        lo = bisect_right(self.starts, s - self.longest - 1)
        hi = bisect_left(self.starts, e)
        return any(pe > s for pe in self.ends[lo:hi])


class _Ends:
    """The frames by the end of their hull, answering :meth:`previous` (the first frame, in
    list order, whose hull ends last at or before an offset) without scanning every frame."""

    def __init__(self, cands: list[Cand]) -> None:
        self.cands = cands
        self.pos = {id(c): n for n, c in enumerate(cands)}
        self.ends = sorted((c.hull[1], n) for n, c in enumerate(cands))
        self.end = {id(c): c.hull[1] for c in cands}

    def appended(self, c: Cand) -> None:
        n = self.pos[id(c)] = len(self.cands) - 1
        self.end[id(c)] = c.hull[1]
        insort(self.ends, (c.hull[1], n))

    def grown(self, c: Cand) -> None:
        n, old = self.pos[id(c)], self.end[id(c)]
        del self.ends[bisect_left(self.ends, (old, n))]
        self.end[id(c)] = c.hull[1]
        insort(self.ends, (c.hull[1], n))

    def previous(self, before: int) -> Cand | None:
        i = bisect_right(self.ends, (before, len(self.cands))) - 1
        if i < 0:
            return None
        j = bisect_left(self.ends, (self.ends[i][0], -1))  # the first frame with that end
        return self.cands[self.ends[j][1]]
