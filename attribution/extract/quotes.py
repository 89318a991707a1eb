"""A quotation-mark scanner over plain text (no parse needed).

:func:`scan_quotes` finds top-level double quotations: straight ``"..."``,
curly ``“...”``, doubled apostrophes ``''...''`` (as in some wire copy),
guillemets ``«...»`` and low-high ``„...“``.  A quotation that runs over several
paragraphs (each continuation paragraph opens with a quote mark, the previous
one is left open) is one :class:`Quote`.  Nested single quotes (``'...'``,
``‘...’``) are part of their enclosing quotation and never end it.  Inch marks
(``5'10"``, ``a 12" pipe``) are not quotation marks.  Unbalanced marks never raise:
a quotation left open at the end of its paragraph is returned with
``closed=False`` and ends at the paragraph's end; a stray closing mark is ignored.

Paragraphs are separated by a blank line (``\\n\\n``, whitespace allowed).
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

OPENERS = {"“": "curly", "«": "guillemet", "„": "low", "‹": "guillemet1"}
CLOSERS = {"”": ("curly", "low"), "»": ("guillemet",), "“": ("low",), "›": ("guillemet1",)}
AMBIGUOUS = ('"', "''", "``")  # straight marks: direction from context
_PARA = re.compile(r"\n[ \t\r\f\v]*\n\s*")


class Quote(NamedTuple):
    """One quotation.  ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    mark: str  # the opening mark as written ('"', '“', "''", '«', '„', ...)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _opening_context(prev: str) -> bool:
    return _is_space(prev) or prev in "([{—–-/:;,\u2014\u2013'‘"


def _mark_at(text: str, i: int) -> str | None:
    ch = text[i]
    if ch == "'" and text.startswith("''", i):
        # a doubled apostrophe, not an elided "''" like rock 'n' roll
        return "''"
    if ch == "`" and text.startswith("``", i):
        return "``"
    if ch == '"' or ch in OPENERS or ch in CLOSERS:
        return ch
    return None


def _inch(text: str, i: int) -> bool:
    """A ``"`` right after a number written as a measure: 5'10", 12" pipe, 3.5"."""
    j = i - 1
    if j < 0 or not text[j].isdigit():
        return False
    k = j
    while k >= 0 and (text[k].isdigit() or text[k] in ".'’"):
        k -= 1
    measure = text[k + 1:i]
    if re.fullmatch(r"\d+['’]\d+(\.\d+)?", measure):
        return True  # 5'10"
    nxt = text[i + 1:i + 2]
    # 12" followed by a word or a hyphen (12" pipe, 12"-wide) reads as inches
    return nxt == "" or nxt in " -x×" and not text[i + 1:i + 3].strip(" ") in ("", ",", ".")


def _paragraph_ends(text: str) -> list[tuple[int, int]]:
    """(end of paragraph text, start of next paragraph) for each paragraph break."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text)]


def scan_quotes(text: str) -> list[Quote]:
    """Top-level double quotations in ``text``, in order.

    Args:
        text: plain text; paragraphs separated by blank lines.

    Returns:
        The quotations, each with outer and inner offsets, whether it was closed,
        and its opening mark.  Never raises on unbalanced input.
    """
    return list(iter_quotes(text))


def iter_quotes(text: str) -> Iterator[Quote]:
    breaks = _paragraph_ends(text)
    bi = 0  # next paragraph break
    n = len(text)
    i = 0
    open_at: int | None = None   # start of the open quotation
    open_mark = ""
    open_family: tuple[str, ...] = ()
    while i < n:
        # crossing a paragraph break with a quotation open
        while bi < len(breaks) and breaks[bi][0] <= i:
            para_end, next_start = breaks[bi]
            bi += 1
            if open_at is not None:
                mark = _mark_at(text, next_start) if next_start < n else None
                if mark is not None and _continues(mark, open_mark):
                    # the quotation runs on into the next paragraph
                    i = next_start + len(mark)
                    continue
                yield Quote(open_at, para_end, open_at + len(open_mark), para_end, False, open_mark)
                open_at = None
        if i >= n:
            break
        mark = _mark_at(text, i)
        if mark is None:
            i += 1
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + len(mark)] if i + len(mark) < n else ""
        if mark in AMBIGUOUS:
            if mark == '"' and _inch(text, i) and (open_at is None or not _closing_context(nxt)):
                i += 1
                continue
            if open_at is None:
                if not _is_space(nxt) or mark == "``":
                    open_at, open_mark, open_family = i, mark, ("straight",)
                i += len(mark)
                continue
            if open_family == ("straight",) or mark == "''" and open_mark == "``":
                if _is_space(prev) and nxt and (nxt.isalnum()) and mark != "''":
                    # looks like an opener: the previous quotation was never closed
                    yield Quote(open_at, _trim_end(text, i), open_at + len(open_mark),
                                _trim_end(text, i), False, open_mark)
                    open_at, open_mark = i, mark
                    i += len(mark)
                    continue
                yield Quote(open_at, i + len(mark), open_at + len(open_mark), i, True, open_mark)
                open_at = None
                i += len(mark)
                continue
            if mark == '"' and open_mark in ("“", "„") and not _is_space(prev) and _closing_context(nxt):
                para_end = breaks[bi][0] if bi < len(breaks) else n
                if not any(c in text[i:para_end] for c in ("”" if open_mark == "“" else "“”")):
                    # “..." or „...": opened curly or low, closed straight (mixed marks in edited copy)
                    yield Quote(open_at, i + 1, open_at + 1, i, True, open_mark)
                    open_at = None
                    i += 1
                    continue
            i += len(mark)  # a straight mark inside a curly quotation: nested or stray
            continue
        # directional marks
        if open_at is not None and mark in CLOSERS and set(CLOSERS[mark]) & set(open_family):
            yield Quote(open_at, i + 1, open_at + len(open_mark), i, True, open_mark)
            open_at = None
        elif open_at is not None and _mixed_close(text, i, mark, open_at, open_family, prev, nxt):
            # mixed marks in edited copy: "...” (straight open, curly close) or “...,“ said
            # (a curly opener typed where the closer belongs: no opener is followed by a space)
            yield Quote(open_at, i + 1, open_at + len(open_mark), i, True, open_mark)
            open_at = None
        elif mark in OPENERS and (mark != "“" or open_at is None or open_family != ("low",)):
            if open_at is not None:
                if open_family == ("straight",):
                    i += 1  # a curly mark inside a straight quotation
                    continue
                yield Quote(open_at, _trim_end(text, i), open_at + len(open_mark),
                            _trim_end(text, i), False, open_mark)
            open_at, open_mark, open_family = i, mark, (OPENERS[mark],)
        # else: a stray closer, ignored
        i += 1
    if open_at is not None:
        end = _trim_end(text, n)
        yield Quote(open_at, end, open_at + len(open_mark), end, False, open_mark)


def _mixed_close(text: str, i: int, mark: str, open_at: int, open_family: tuple[str, ...],
                 prev: str, nxt: str) -> bool:
    """A directional mark at ``i`` that closes the open quotation although it is not its
    closer: it follows a word or punctuation and is followed by a space or punctuation.

    - ``"...”``: a straight quotation closed by a curly closer, unless a curly quotation
      was opened inside it (then the ``”`` closes that nested one);
    - ``“...“``: a curly quotation closed by an opening mark that is followed by a space
      (``“It's unusual,“ said ...``); an opener is never followed by a space.
    """
    if _is_space(prev) or not _closing_context(nxt):
        return False
    if mark == "”" and open_family == ("straight",):
        return "“" not in text[open_at:i]
    if mark == "“" and open_family == ("curly",):
        return _is_space(nxt) or nxt in ",;"
    return False


def _closing_context(nxt: str) -> bool:
    return _is_space(nxt) or nxt in ".,;:!?)]}—–-"


def _continues(mark: str, open_mark: str) -> bool:
    if mark in AMBIGUOUS:
        return open_mark in AMBIGUOUS
    return mark in OPENERS and (open_mark in OPENERS)


def _trim_end(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def balanced(text: str) -> bool:
    """True when every quotation in ``text`` is closed."""
    return all(q.closed for q in iter_quotes(text))
