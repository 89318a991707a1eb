"""Quoted stretches of a block, for the rules that need every quote in the text (including
the ones extraction produced no attribution for).

There is one quote scanner in the project, the extract stage's
(:mod:`attribution.extract.quotes`: straight, curly, ``''...''``, guillemets, ``„...“``,
inch marks, mixed “...\" marks); this module only adapts its quotations to a block.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

from ..extract.quotes import iter_quotes


class Quoted(NamedTuple):
    start: int        # index of the opening mark in the block text
    end: int          # index after the closing mark (block end when unclosed)
    closed: bool
    inner_start: int
    inner_end: int

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


def scan(text: str) -> Iterator[Quoted]:
    """Quoted stretches of ``text`` in order; an unclosed one runs to the end."""
    for q in iter_quotes(text):
        end = q.end if q.closed else len(text)
        yield Quoted(q.start, end, q.closed, q.inner_start, q.inner_end if q.closed else len(text))
