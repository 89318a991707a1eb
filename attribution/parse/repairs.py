"""Repairs of the parser's output that every later stage should see.

A possessive split in the wrong place: stanza's multi-word-token expansion sometimes cuts a
name and its possessive at the wrong character ("Clinton's" as "Clinto" + "n's"); the words
of one token get their surface back ("Clinton" + "'s").  A name read as a possessive ("Reyes"
as "Reye" + "s") keeps its whole word on the first piece.  Rows are repaired as they become
tokens; the cache keeps stanza's own rows.
"""
from __future__ import annotations

import re

_POSSESSIVE = re.compile(r"^(.*\w)(['\u2019]s?)$")


def possessive_texts(rows: list, text: str) -> list[str]:
    """The text of every word of one sentence's ``rows`` (offsets into the paragraph ``text``),
    with a wrongly split possessive token given its word back."""
    texts = [row[1] for row in rows]
    k = 0
    while k < len(rows):
        start, end = rows[k][8], rows[k][9]
        m = k
        while m + 1 < len(rows) and rows[m + 1][8] == start and rows[m + 1][9] == end:
            m += 1
        if m > k:
            surface = text[start:end]
            pm = _POSSESSIVE.match(surface)
            if pm and texts[k] != pm.group(1):
                texts[k] = pm.group(1)
                for q in range(k + 1, m + 1):
                    texts[q] = pm.group(2)
            elif not pm and surface[:1].isupper() and surface.isalpha() \
                    and "".join(texts[k:m + 1]) == surface:
                # "Reyes" read as "Reye" + possessive "s": a name keeps its whole word (the
                # piece stays, so word ids and heads are unchanged)
                texts[k] = surface
        k = m + 1
    return texts
