"""Quoted stretches of a block, found on the surface (independent of extraction).

The unattributed-quote rule needs every quote in the text, including the ones
extraction produced no attribution for.  Double quotes only (straight and curly);
single quotes are apostrophes or nested quotes and never start a quote here.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

OPEN = {"\u201c", "\u201e", "\u00ab"}   # “ „ «
CLOSE = {"\u201d", "\u00bb"}            # ” »
STRAIGHT = '"'


class Quoted(NamedTuple):
    start: int        # index of the opening mark in the block text
    end: int          # index after the closing mark (block end when unclosed)
    closed: bool

    def inner(self, text: str) -> str:
        return text[self.start + 1:self.end - 1 if self.closed else self.end]


def scan(text: str) -> Iterator[Quoted]:
    """Quoted stretches of ``text`` in order; an unclosed one runs to the end."""
    open_at: int | None = None
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in OPEN or (ch == STRAIGHT and _opens(text, i)):
                open_at = i
        elif ch in CLOSE or ch == STRAIGHT:
            yield Quoted(open_at, i + 1, True)
            open_at = None
        elif ch in OPEN:  # a new opening before a close: the earlier quote ran on (typo)
            yield Quoted(open_at, i, False)
            open_at = i
    if open_at is not None:
        yield Quoted(open_at, len(text), False)


def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace() and not prev.isspace() and i:
        return False  # a closing straight quote without an opening one
    return True
