"""A parsed word as plain data: what the parser returns per word and what the parse cache stores,
and :func:`validate`, the cache reader's test that stored rows are a parse of the paragraph."""
from __future__ import annotations

from typing import NamedTuple

WordRow = NamedTuple("WordRow", [
    ("id", int), ("text", str), ("lemma", str), ("upos", str), ("xpos", str), ("feats", str),
    ("head", int), ("deprel", str), ("start", int), ("end", int), ("ner", str)])
WordRow.__doc__ = """One word of a parsed paragraph: a :class:`~attribution.model.Token`'s fields in
its order, with ``start`` and ``end`` relative to the paragraph's text (the parse stage maps them
into the file).  Plain data: the cache stores a row as a JSON list in this field order."""

_UPOS = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())


def validate(value, text: str) -> list | None:
    """``value`` as :meth:`Parser.parse_texts` returns it for ``text`` (sentences of
    :class:`~attribution.parse.rows.WordRow`), or ``None`` when it is not a parse of ``text``
    this reader can use safely."""
    if type(value) is not list or (not value and text.strip()):
        return None
    n_text = len(text)
    out = []
    prev_end = 0  # end of the previous token: tokens are in order and do not overlap
    for sent in value:
        if type(sent) is not list or not sent:
            return None
        n = len(sent)
        words = []
        roots = 0
        heads = [0] * (n + 1)
        span = None  # the current token's (start, end)
        group = 0    # words on it so far (more than one: a multi-word token)
        for i, w in enumerate(sent, 1):
            if type(w) is not list or len(w) != 11:
                return None
            id_, wtext, lemma, upos, xpos, feats, head, deprel, start, end, ner = w
            if (type(id_) is not int or type(head) is not int or type(start) is not int
                    or type(end) is not int or type(wtext) is not str or type(lemma) is not str
                    or type(xpos) is not str or type(feats) is not str or type(deprel) is not str
                    or type(ner) is not str or type(upos) is not str or upos not in _UPOS):
                return None
            if id_ != i or not 0 <= head <= n or head == i or (head == 0) != (deprel == "root"):
                return None
            if not (wtext and lemma and xpos and feats and deprel and ner):
                return None
            if not 0 <= start < end <= n_text:
                return None
            if (start, end) == span:
                group += 1
                if group > 8:
                    return None
            else:
                if start < prev_end or (start > prev_end and not text[prev_end:start].isspace()):
                    return None  # tokens overlap, or skip text (stanza's cover all but whitespace)
                if group == 1 and words[-1][1] != text[span[0]:span[1]]:
                    return None  # a token of one word is the paragraph's text at its offsets
                span, group, prev_end = (start, end), 1, end
            roots += head == 0
            heads[i] = head
            words.append(WordRow(id_, wtext, lemma, upos, xpos, feats, head, deprel, start, end, ner))
        if group == 1 and words[-1][1] != text[span[0]:span[1]]:
            return None
        if roots != 1 or not _acyclic(heads):
            return None
        out.append(words)
    if prev_end < n_text and not text[prev_end:].isspace():
        return None  # a parse of part of the paragraph (the rest, findings and all, would vanish)
    return out


def _acyclic(heads: list[int]) -> bool:
    """Does every word of the sentence reach the root (``heads[i]``, 1-based; 0 the root)?"""
    state = [0] * len(heads)  # 0 unseen, 1 on the current path, 2 reaches the root
    state[0] = 2
    for start in range(1, len(heads)):
        path = []
        k = start
        while state[k] == 0:
            state[k] = 1
            path.append(k)
            k = heads[k]
        if state[k] == 1:
            return False
        for p in path:
            state[p] = 2
    return True
