"""HTML: the article text (trafilatura) located in the raw file, with an offset per character."""
from __future__ import annotations

import bisect
import html as _html
import re
import unicodedata
from array import array

from ..model import Block
from .blocks import _COMMENT_DIRECTIVE, _directive
from .boilerplate import boilerplate_match

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg",
                        "math", "iframe", "object", "canvas", "select", "textarea"})
_BREAK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "caption", "option",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?")
_WS_RUN = re.compile(r"\s+|\S+")


class _VisibleText:
    """The visible text of an HTML file, whitespace collapsed, with file offsets per character.

    ``norm`` is the text (runs of whitespace, including tag boundaries that
    break lines, collapsed to one space); ``starts[i]``/``ends[i]`` are the file
    offsets where ``norm[i]`` begins and ends in the raw HTML.
    """

    def __init__(self, text: str):
        from html.parser import HTMLParser

        self.parts: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.comments: list[tuple[int, str]] = []
        self.hard: set[int] = set()  # indices of spaces that stand for a block-level tag
        self._last_space = True
        line_starts = [0]
        for m in re.finditer("\n", text):
            line_starts.append(m.end())
        vt = self
        skip = [0]

        class P(HTMLParser):
            def _pos(self) -> int:
                ln, col = self.getpos()
                return line_starts[ln - 1] + col

            def handle_starttag(self, tag, attrs):
                if tag == "body":
                    skip[0] = 0  # <head> need not be closed
                if tag in _SKIP_TAGS and tag not in _VOID:
                    skip[0] += 1
                elif tag in _BREAK_TAGS:
                    vt._space(self._pos(), self._pos(), hard=tag != "br")

            def handle_startendtag(self, tag, attrs):
                if tag in _BREAK_TAGS:
                    vt._space(self._pos(), self._pos(), hard=tag != "br")

            def handle_endtag(self, tag):
                if tag in _SKIP_TAGS:
                    skip[0] = max(0, skip[0] - 1)
                elif tag in _BREAK_TAGS:
                    vt._space(self._pos(), self._pos(), hard=tag != "br")

            def handle_data(self, data):
                if not skip[0]:
                    vt._data(data, self._pos())

            def handle_entityref(self, name):
                self._ref()

            def handle_charref(self, name):
                self._ref()

            def _ref(self):
                p = self._pos()
                m = _ENTITY.match(text, p)
                raw = m.group(0) if m else "&"
                if not skip[0]:
                    vt._entity(_html.unescape(raw), p, p + len(raw), raw)

            def handle_comment(self, data):
                vt.comments.append((self._pos(), data))

        parser = P(convert_charrefs=False)
        parser.feed(text)
        parser.close()
        self.norm = "".join(self.parts)
        del self.parts

    def _space(self, s: int, e: int, hard: bool = False) -> None:
        if self._last_space:
            if len(self.ends):
                self.ends[-1] = max(self.ends[-1], e)
                if hard:
                    self.hard.add(len(self.ends) - 1)
            return
        # a space starts right after the previous character, before any tag: the
        # file offset of a block position is also the end of the token before it,
        # so "<b>spokesman</b> said" gives "spokesman", not "spokesman</b>"
        self.parts.append(" ")
        self.starts.append(self.ends[-1] if len(self.ends) else s)
        self.ends.append(e)
        self._last_space = True
        if hard:
            self.hard.add(len(self.ends) - 1)

    def _data(self, data: str, pos: int) -> None:
        for m in _WS_RUN.finditer(data):
            a, b = pos + m.start(), pos + m.end()
            if m.group(0)[0].isspace():
                self._space(a, b)
            else:
                self.parts.append(m.group(0))
                self.starts.extend(range(a, b))
                self.ends.extend(range(a + 1, b + 1))
                self._last_space = False

    def _entity(self, value: str, s: int, e: int, raw: str) -> None:
        if value == raw:  # unknown entity: literal text
            self._data(raw, s)
            return
        for ch in value:
            if ch.isspace():
                self._space(s, e)
            else:
                self.parts.append(ch)
                self.starts.append(s)
                self.ends.append(e)
                self._last_space = False


_UNIT_TAGS = frozenset({"p", "head", "item", "quote", "cell", "list", "table", "row", "main",
                        "doc", "div"})


def _trafilatura_units(text: str) -> list[str] | None:
    """Article paragraphs as trafilatura sees them (whitespace collapsed), or None."""
    import logging

    import trafilatura
    from lxml import etree

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    xml = trafilatura.extract(text, output_format="xml", include_comments=False,
                              include_tables=True, include_images=False, include_links=False,
                              deduplicate=False)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return None
    units: list[str] = []
    buf: list[str] = []

    def flush():
        t = " ".join("".join(buf).split())
        if t:
            units.append(t)
        buf.clear()

    def walk(el):
        block = el.tag in _UNIT_TAGS
        if block:
            flush()
        if el.tag == "lb":
            buf.append(" ")
        if el.text:
            buf.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(main)
    flush()
    return units


def _html_blocks(text: str, notices: list[str]):
    vt = _VisibleText(text)
    directives = []
    for pos, data in vt.comments:
        m = _COMMENT_DIRECTIVE.fullmatch(f"<!--{data}-->")
        if m:
            directives.append(_directive(m, pos))
    units = _trafilatura_units(text) if vt.norm.strip() else None
    if units is None:
        if vt.norm.strip():
            notices.append("no article text found by trafilatura: no blocks")
        return [], directives
    blocks: list[Block] = []
    hard = sorted(vt.hard)
    cursor, missed = 0, 0
    for unit in units:
        span = _locate(vt.norm, unit, cursor)
        if span is None:
            missed += 1
            continue
        cursor = span[1]
        # a unit that crosses block-level tags (trafilatura's fallback can join a
        # navigation bar to the article) is split at them, so boilerplate shows
        lo, hi = bisect.bisect_right(hard, span[0]), bisect.bisect_left(hard, span[1])
        cuts = [span[0]] + hard[lo:hi] + [span[1]]
        for a, b in zip(cuts, cuts[1:]):
            while a < b and vt.norm[a] == " ":
                a += 1
            while b > a and vt.norm[b - 1] == " ":
                b -= 1
            body = vt.norm[a:b]
            if not body or boilerplate_match(body, "line") or boilerplate_match(body, "paragraph"):
                continue
            offsets = tuple(vt.starts[a:b]) + (vt.ends[b - 1],)
            blocks.append(Block(offsets[0], offsets[-1], body, offsets))
    if missed:
        notices.append(f"{missed} paragraph(s) of the extracted article could not be located "
                       "in the HTML and were skipped")
    return blocks, directives


def _locate(norm: str, unit: str, cursor: int) -> tuple[int, int] | None:
    """Where ``unit`` stands in ``norm`` at or after ``cursor`` (blocks never go back: a unit
    found only before the cursor would overlap a block already placed, or put blocks out of
    order).  The earliest of the exact match and the tolerant one (optional spaces at tag
    boundaries, composed vs decomposed characters) wins: a paragraph written with decomposed
    accents is found where it stands, not inside a later paragraph that contains its text."""
    i = norm.find(unit, cursor)
    if i >= 0 and not norm[cursor:i].strip():
        return i, i + len(unit)  # nothing but spaces before it: no tolerant match can start earlier
    parts = []
    for ch in unit:
        if ch == " ":
            parts.append(" ?")
        else:
            alts = {re.escape(ch)}
            nfd = unicodedata.normalize("NFD", ch)
            if nfd != ch:
                alts.add(re.escape(nfd))
            parts.append(ch if len(alts) == 1 and ch.isalnum() else "(?:" + "|".join(sorted(alts)) + ")")
    try:
        rx = re.compile("".join(parts))
    except re.error:
        rx = None
    m = rx.search(norm, cursor, i + len(unit) if i >= 0 else len(norm)) if rx is not None else None
    if m and m.end() > m.start() and (i < 0 or m.start() < i):
        return m.start(), m.end()
    if i >= 0:
        return i, i + len(unit)
    return None
