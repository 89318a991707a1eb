"""Lines to blocks: line kinds, paragraphs, over-long paragraphs split, inline directives."""
from __future__ import annotations

import re

from ..model import Block
from .boilerplate import boilerplate_match

MAX_BLOCK_CHARS = 50_000
"""Longest block handed to the parser; longer paragraphs are split with a notice."""

_DIRECTIVE_BODY = r"attribution\s*:\s*(ignore(?:\s*\[([^\]]*)\])?|off|on)"
_TEXT_DIRECTIVE = re.compile(r"\s*\[\s*" + _DIRECTIVE_BODY + r"\s*\]\s*")
_COMMENT_DIRECTIVE = re.compile(r"<!--\s*" + _DIRECTIVE_BODY + r"\s*-->")


def _directive(m: re.Match, pos: int) -> tuple[int, str, frozenset[str]]:
    kind = m.group(1).split("[")[0].strip()
    kind = "ignore" if kind.startswith("ignore") else kind
    rules = frozenset(r.strip() for r in (m.group(2) or "").split(",") if r.strip())
    return pos, kind, rules or frozenset({"*"})


# line kinds
BLANK, PROSE, ITEM, HEADING, SEP = range(5)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the end excluding the "\\n" (a "\\r" stays in the line)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _text_view(text: str):
    spans = _line_spans(text)
    kinds, directives = [], []
    for s, e in spans:
        line = text[s:e]
        if not line.strip():
            kinds.append(BLANK)
            continue
        m = _TEXT_DIRECTIVE.fullmatch(line)
        if m:
            directives.append(_directive(m, s))
            kinds.append(SEP)
        else:
            kinds.append(PROSE)
    return text, kinds, spans, directives


def _group_blocks(text: str, view: str, kinds: list[int], spans: list[tuple[int, int]],
                  notices: list[str]) -> list[Block]:
    """Group lines into paragraphs, drop boilerplate, trim, split over-long ones."""
    groups: list[list[int]] = []
    cur: list[int] = []
    for i, k in enumerate(kinds):
        if k in (BLANK, SEP):
            if cur:
                groups.append(cur)
            cur = []
        elif k in (HEADING, ITEM):
            if cur:
                groups.append(cur)
            cur = [i]
            if k == HEADING:
                groups.append(cur)
                cur = []
        else:
            cur.append(i)
    if cur:
        groups.append(cur)

    blocks: list[Block] = []
    for g in groups:
        run: list[int] = []
        for i in g + [-1]:
            if i >= 0 and not boilerplate_match(view[spans[i][0]:spans[i][1]], "line"):
                run.append(i)
                continue
            if run:
                s, e = spans[run[0]][0], spans[run[-1]][1]
                while s < e and view[s].isspace():
                    s += 1
                while e > s and view[e - 1].isspace():
                    e -= 1
                if e > s and not boilerplate_match(view[s:e], "paragraph"):
                    blocks.extend(_split_long(view, s, e, text, notices))
            run = []
    return blocks


_SPLIT_AT = (re.compile(r"\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))


def _split_long(view: str, s: int, e: int, text: str, notices: list[str]) -> list[Block]:
    if e - s <= MAX_BLOCK_CHARS:
        return [Block(s, e, view[s:e])]
    line = text.count("\n", 0, s) + 1
    notices.append(f"line {line}: paragraph of {e - s:,} characters split into pieces of at most "
                   f"{MAX_BLOCK_CHARS:,}")
    out = []
    while e - s > MAX_BLOCK_CHARS:
        cut = None
        lo, hi = s + MAX_BLOCK_CHARS // 2, s + MAX_BLOCK_CHARS
        for rx in _SPLIT_AT:
            last = None
            for m in rx.finditer(view, lo, hi):
                last = m
            if last:
                cut = last.end()
                break
        cut = cut or hi
        a, b = s, cut
        while b > a and view[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Block(a, b, view[a:b]))
        s = cut
        while s < e and view[s].isspace():
            s += 1
    if e > s:
        out.append(Block(s, e, view[s:e]))
    return out


def _apply_directives(blocks: list[Block], directives: list[tuple[int, str, frozenset[str]]]) -> list[Block]:
    if not directives or not blocks:
        return blocks
    extra: list[set[str]] = [set() for _ in blocks]
    off_at: int | None = None
    regions = []
    for pos, kind, rules in sorted(directives, key=lambda d: d[0]):
        if kind == "ignore":
            for bi, b in enumerate(blocks):
                if b.end > pos:
                    extra[bi] |= rules
                    break
        elif kind == "off":
            if off_at is None:
                off_at = pos
        elif off_at is not None:
            regions.append((off_at, pos))
            off_at = None
    if off_at is not None:
        regions.append((off_at, float("inf")))
    for bi, b in enumerate(blocks):
        if any(lo <= b.start < hi for lo, hi in regions):
            extra[bi].add("*")
    return [Block(b.start, b.end, b.text, b.offsets, b.suppress | frozenset(x)) if x else b
            for b, x in zip(blocks, extra)]
