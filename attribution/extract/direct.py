"""Direct quotations: a quoted passage and the cue that introduces it.

The cue is looked for, in order: in the quote's own sentence(s) outside the
marks (``"...," he said``; ``He said, "..."``), at the end of the previous
sentence (``Smith said:`` / ``Smith said.`` leads), in a short next sentence
(``"...". That is what he said.``), and finally the quote continues the previous
direct quotation of the same paragraph (``"A," he said. "B."`` is one
attribution with two content pieces).
"""
from __future__ import annotations

import threading
from bisect import bisect_right
from typing import NamedTuple

from ..model import Document
from .quotes import scan_quotes


class FileQuote(NamedTuple):
    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    block: int


def document_quotes(doc: Document) -> tuple[FileQuote, ...]:
    """Quotations of every block, in file offsets (paragraphs joined by blank lines).

    The document's one scan: extract reads it to pair quotations with cues, resolve to know
    which mentions are quoted.  Remembered for the last few documents (by identity, the
    document held so that its id cannot be reused), so that each stage reads the same
    quotations without scanning again."""
    with _LOCK:
        hit = _SCANNED.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    quotes = _scan_document(doc)
    with _LOCK:
        while len(_SCANNED) >= _REMEMBER:
            _SCANNED.pop(next(iter(_SCANNED)))
        _SCANNED[id(doc)] = (doc, quotes)
    return quotes


_REMEMBER = 4
_LOCK = threading.Lock()
_SCANNED: dict[int, tuple[Document, tuple[FileQuote, ...]]] = {}


def _scan_document(doc: Document) -> tuple[FileQuote, ...]:
    blocks = doc.source.blocks
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for b in blocks:
        starts.append(pos)
        parts.append(b.text)
        pos += len(b.text) + 2
    joined = "\n\n".join(parts)

    def to_file(i: int) -> tuple[int, int]:
        k = max(bisect_right(starts, i) - 1, 0)
        local = min(i - starts[k], len(blocks[k].text))
        return blocks[k].to_file(local) if blocks[k].offsets is None or local < len(blocks[k].offsets) else blocks[k].end, k

    out = []
    for q in scan_quotes(joined):
        s, bk = to_file(q.start)
        e, _ = to_file(q.end)
        is_, _ = to_file(q.inner_start)
        ie, _ = to_file(q.inner_end)
        out.append(FileQuote(s, e, is_, ie, q.closed, bk))
    return tuple(out)


def words_in(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))
