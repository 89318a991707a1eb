"""Direct quotations: a quoted passage and the cue that introduces it.

The cue is looked for, in order: in the quote's own sentence(s) outside the
marks (``"...," he said``; ``He said, "..."``), at the end of the previous
sentence (``Smith said:`` / ``Smith said.`` leads), in a short next sentence
(``"...". That is what he said.``), and finally the quote continues the previous
direct quotation of the same paragraph (``"A," he said. "B."`` is one
attribution with two content pieces).
"""
from __future__ import annotations

import re

from bisect import bisect_right

from ..model import Document, Quotation, Span
from .quotes import _mark_at, scan_quotes


def quotations(doc: Document) -> tuple[Quotation, ...]:
    """Quotations of every block, in file offsets: the document's one scan, made by extract
    and passed on (``Extraction.quotations``, ``Resolved.quotations``) to resolve and check.

    The blocks are scanned joined by blank lines, so that a quotation running on over several
    paragraphs is one :class:`~attribution.model.Quotation` (with the opening mark of each
    later paragraph in ``runs_on``)."""
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
        e, last = to_file(q.end)
        is_, _ = to_file(q.inner_start)
        ie, _ = to_file(q.inner_end)
        out.append(Quotation(s, e, is_, ie, q.closed, bk, _runs_on(blocks, bk, last)))
    return tuple(out)


def _runs_on(blocks, first: int, last: int) -> tuple[Span, ...]:
    """The opening mark of each block after ``first`` up to ``last`` (a quotation running on)."""
    marks = []
    for k in range(first + 1, last + 1):
        text = blocks[k].text
        lead = len(text) - len(text.lstrip())
        mark = _mark_at(text, lead) if lead < len(text) else None
        if mark is not None:
            marks.append(Span(blocks[k].to_file(lead), blocks[k].to_file(lead + len(mark))))
    return tuple(marks)


def words_in(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def names_speaker(text: str, source: tuple[int, int] | None, q: Quotation) -> bool:
    """The quotation names the previous quote's speaker as a possessor by the surname its source gives
    ("Byler" in "Byler's otherwise excellent piece"): a speaker does not speak of himself so."""
    if not source:
        return False
    names = re.findall(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", text[source[0]:source[1]])
    if not names:
        return False
    surname = names[-1]
    return possessed_by(surname).search(text[q.inner_start:q.inner_end]) is not None


def possessed_by(surname: str) -> re.Pattern:
    """The surname as a possessor ("Byler's piece"), not after "the" ("the Ruiz family's
    farm", a relative of the speaker's own family); resolve's run-on verdict reads the same
    (:func:`attribution.resolve.unattributed._names_previous_speaker`)."""
    return re.compile(rf"(?<!\bthe )(?<!\bThe )\b{re.escape(surname)}['\u2019]s?(?=\s)")
