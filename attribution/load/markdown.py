"""Markdown: markup blanked to spaces of equal length, so offsets stay the identity."""
from __future__ import annotations

import html as _html
import re

from .blocks import (_COMMENT_DIRECTIVE, _TEXT_DIRECTIVE, BLANK, HEADING, ITEM, PROSE, SEP, _directive,
                     _line_spans)

_FENCE = re.compile(r"( {0,3})(`{3,}|~{3,})([^`]*)$")
_ATX = re.compile(r"( {0,3})(#{1,6})(?=\s|$)")
_ATX_CLOSE = re.compile(r"\s(#+)\s*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)\s*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_DELIM = re.compile(r"\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$")
_REFDEF = re.compile(r" {0,3}\[[^\]]+\]:\s*\S+.*$")
_QUOTE_MARKERS = re.compile(r"(?: {0,3}>[ ]?)+")
_LIST = re.compile(r"(\s*)([-*+]|\d{1,9}[.)])(\s+(?:\[[ xX]\]\s+)?|$)")
_INLINE_BLANK = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"                       # images: all of it
    r"|!\[[^\]\n]*\]\[[^\]\n]*\]"
    r"|\[\^[^\]\n]+\]"                                # footnote references
    r"|<(?:https?|ftp|mailto):[^>\s]+>|<[^>\s@]+@[^>\s]+>"  # autolinks
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"    # inline HTML tags
    r"|`+"                                            # code-span backticks (content kept)
    r"|(?<![\w*\\])\*{1,3}(?=[^\s*])|(?<=[^\s*\\])\*{1,3}(?![\w*])"  # emphasis *
    r"|(?<![\w\\])_{1,3}(?=[^\s_])|(?<=[^\s_\\])_{1,3}(?!\w)"        # emphasis _
    r"|~~"
    r"|\\(?=[!-/:-@\[-`{-~])"                       # backslash escapes
)
_LINK = re.compile(r"(\[)([^\]\n]*)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")


def _blank(chars: list[str], s: int, e: int) -> None:
    for i in range(s, e):
        if chars[i] not in "\n":
            chars[i] = " "


_MD_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CLOSING_MARKS = frozenset("\u201d\u2019\u00bb\u203a")


def _md_entities(chars: list[str]) -> None:
    """Entity references (``&ldquo;``, ``&amp;``) read as the character they stand for.

    The view keeps the file's length: the character takes the entity's first place
    (its last for a closing quotation mark) and the rest is blanked, so a quotation
    written ``&ldquo;...&rdquo;`` covers both entities, words inside it stay inside.
    """
    seg = "".join(chars)
    for m in _MD_ENTITY.finditer(seg):
        value = _html.unescape(m.group(0))
        if len(value) != 1 or value == m.group(0) or not value.isprintable():
            continue
        _blank(chars, m.start(), m.end())
        chars[m.end() - 1 if value in _CLOSING_MARKS else m.start()] = value


def _markdown_view(text: str):
    """Blank Markdown markup in a copy of ``text`` (same length) and classify its lines."""
    spans = _line_spans(text)
    n = len(spans)
    kinds = [BLANK] * n
    directives: list[tuple[int, str, frozenset[str]]] = []
    out_lines: list[str] = []

    first = 0
    # front matter: --- ... --- (YAML) or +++ ... +++ (TOML) opening the file
    if n > 1 and text[spans[0][0]:spans[0][1]].rstrip() in ("---", "+++"):
        delim = text[spans[0][0]:spans[0][1]].rstrip()
        closers = ("---", "...") if delim == "---" else ("+++",)
        for j in range(1, n):
            if text[spans[j][0]:spans[j][1]].rstrip() in closers:
                for k in range(j + 1):
                    s, e = spans[k]
                    out_lines.append(" " * (e - s))
                    kinds[k] = SEP
                first = j + 1
                break

    fence: tuple[str, int] | None = None
    in_comment = False
    in_code = False
    list_ctx = False
    prev_kind = BLANK
    for i in range(first, n):
        s, e = spans[i]
        line = text[s:e]
        chars = list(line)
        # --- multi-line states
        if fence:
            out_lines.append(" " * len(line))
            kinds[i] = SEP
            m = re.match(r" {0,3}(`{3,}|~{3,})\s*$", line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1]:
                fence = None
            prev_kind = SEP
            continue
        pos = 0
        had_comment = False
        if in_comment:
            end = line.find("-->")
            if end < 0:
                out_lines.append(" " * len(line))
                kinds[i] = SEP
                continue
            _blank(chars, 0, end + 3)
            pos = end + 3
            in_comment = False
            had_comment = True
        if in_code:
            if not line.strip() or line.startswith(("    ", "\t")):
                out_lines.append(" " * len(line))
                kinds[i] = SEP if line.strip() else BLANK
                continue
            in_code = False
        if pos == 0:
            m = _FENCE.match(line)
            if m:
                fence = (m.group(2)[0], len(m.group(2)))
                out_lines.append(" " * len(line))
                kinds[i] = SEP
                prev_kind = SEP
                continue
            if (line.startswith(("    ", "\t")) and line.strip() and prev_kind in (BLANK, SEP)
                    and not list_ctx):
                in_code = True
                out_lines.append(" " * len(line))
                kinds[i] = SEP
                prev_kind = SEP
                continue
        # --- HTML comments (and the directives in them)
        while True:
            a = line.find("<!--", pos)
            if a < 0:
                break
            had_comment = True
            b = line.find("-->", a + 4)
            dm = _COMMENT_DIRECTIVE.match(line, a)
            if dm:
                directives.append(_directive(dm, s + a))
            if b < 0:
                _blank(chars, a, len(line))
                in_comment = True
                break
            _blank(chars, a, b + 3)
            pos = b + 3
        cur = "".join(chars)
        if not cur.strip():
            out_lines.append(cur)
            kinds[i] = SEP if had_comment else BLANK
            if kinds[i] == BLANK:
                prev_kind = BLANK  # a comment-only line leaves prev_kind as it was
            continue
        tm = _TEXT_DIRECTIVE.fullmatch(cur)
        if tm:
            directives.append(_directive(tm, s))
            out_lines.append(" " * len(line))
            kinds[i] = SEP
            prev_kind = SEP
            continue
        # --- block-level markers
        kind = PROSE
        q = _QUOTE_MARKERS.match(cur)
        k0 = 0
        if q and q.end() > 0:
            _blank(chars, 0, q.end())
            k0 = q.end()
        body = cur[k0:]
        if _THEMATIC.match(body) or (_SETEXT.match(body) and prev_kind == PROSE and k0 == 0) \
                or _TABLE_DELIM.match(body) or _REFDEF.match(body):
            out_lines.append(" " * len(line))
            kinds[i] = SEP
            prev_kind = SEP
            continue
        m = _ATX.match(body)
        if m:
            _blank(chars, k0, k0 + m.end())
            c = _ATX_CLOSE.search(body)
            if c:
                _blank(chars, k0 + c.start(1), k0 + c.end(1))
            kind = HEADING
        else:
            m = _LIST.match(body)
            if m and (m.group(3) or body.strip() == m.group(2)):
                _blank(chars, k0 + m.start(2), k0 + m.end(3))
                kind = ITEM
        if kind == ITEM:
            list_ctx = True
        elif prev_kind == BLANK and not line.startswith((" ", "\t")):
            list_ctx = False
        # --- inline markup
        seg = "".join(chars)
        for lm in _LINK.finditer(seg):
            _blank(chars, lm.start(1), lm.end(1))
            _blank(chars, lm.start(3), lm.end(3))
        for im in _INLINE_BLANK.finditer(seg):
            _blank(chars, im.start(), im.end())
        _md_entities(chars)
        out_lines.append("".join(chars))
        kinds[i] = kind if "".join(chars).strip() else SEP
        prev_kind = kinds[i]
    view = "\n".join(out_lines)
    assert len(view) == len(text)
    return view, kinds, spans, directives
