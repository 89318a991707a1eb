"""Reported speech: a cue verb (or "according to") and the clause it governs.

Frames, tried in this order for every cue verb outside quotation marks:

* inverted after a quotation: ``"...," said Smith, an attorney.``;
* colon lead: ``Smith said: ...``;
* content after the cue: ``X said (that) ...``, ``told reporters that ...``,
  ``warned that ...``, ``denied that ...``, ``accused X of Y``, ``wants to ...``,
  ``referring to X`` (time phrases, "in a statement", "of X" and an indirect
  object are skipped first);
* content before the cue: ``..., he said.`` / ``X, Smith said, Y`` (parenthetical);
* a dependency ``ccomp`` the surface patterns did not see;
* ``according to X`` (:func:`_according`).

Surface first, parse second: the cue is found by lemma *or* by surface form (a
participle mis-tagged as an adjective still counts), the source is the noun
phrase before the cue read off the POS tags (over appositions and
"who ..." interruptions between commas), and a dependency subject is preferred
only when it is contiguous and ends at the cue.  One wrong arc therefore does
not lose the attribution.  Yields :class:`~attribution.extract._tree.Cand`.

Notes:
    The frames follow the source/cue/content model of PARC3 and PolNeAR
    (Pareti 2016; Newell, Margolin and Ruths, LREC 2018): the content of a verb
    cue is its complement clause, "that" included, without final punctuation.

The cue verb and the frames' word lists are in :mod:`.cue`, the noun phrases and subjects in
:mod:`.phrases`, the verb frames in :mod:`.frames`; this module tries them per sentence.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from ..vocab import Lexicon
from ..model import Document, Token
from ._tree import Cand, Tree, span_of, trim
from .cue import OBJ_VERBS, WEAK, XCOMP_VERBS, _head_of, _pieces, cue_lemma  # noqa: F401  (re-exported)
from .phrases import ADJUNCT_NOUNS, NP_GLUE  # noqa: F401  (re-exported)
from .frames import _verb_frame, by_agent  # noqa: F401  (re-exported)


def sentence_cands(doc: Document, si: int, tree: Tree, lexicon: Lexicon,
                   in_quote) -> Iterator[Cand]:
    sent = tree.sent
    toks = sent.tokens
    prev: Cand | None = None
    for v in toks:
        if in_quote(v.start):
            continue
        low = v.text.lower()
        if low == "according" and v.id < len(toks) and toks[v.id].text.lower() == "to":
            c = _according(doc, si, tree, v)
            if c is not None:
                yield c
            continue
        lem = cue_lemma(v, lexicon, sent)
        if lem is None:
            continue
        c = _verb_frame(doc, si, tree, v, lem, lexicon, in_quote)
        if c is not None:
            if c.source is None and not c.passive_agentless and prev is not None:
                c = _coordinated(doc, prev, c)
            elif prev is not None and prev.origin == "relative" and prev.cue is not None and c.cue \
                    and v.text.lower().endswith("ing") and re.fullmatch(r"\s*,\s*", doc.source.text[prev.cue[1]:c.cue[0]]):
                # "..., a charge that party leaders denied, noting that ...": the leaders note
                c = replace(c, source=prev.source, source_head=prev.source_head, source_ids=prev.source_ids)
            prev = c
            yield c


# what may stand between a statement's content and a second cue coordinated with the first:
# "X said A, and disputed B", "X said A and also denied B"
_COORD_GAP = re.compile(r"\s*,?\s*(?:and|but)\s+(?:(?:also|then|later|again|flatly|strongly|"
                        r"repeatedly|vehemently|\w+ly)\s+)?(?:has\s+|had\s+)?$", re.I)


def _coordinated(doc: Document, prev: Cand, c: Cand) -> Cand:
    """The second of two coordinated cues shares the first's subject when the parse did not
    link them ("The lawyer said A, and disputed B": "disputed" is X's too): the source of the
    statement whose content ends right before "and <cue>"."""
    if prev.source is None or c.cue is None or not prev.content:
        return c
    gap = doc.source.text[prev.hull[1]:c.cue[0]]
    if len(gap) > 40 or not _COORD_GAP.fullmatch(gap):
        return c
    return replace(c, source=prev.source, source_head=prev.source_head, source_ids=prev.source_ids)


def _according(doc: Document, si: int, tree: Tree, v: Token) -> Cand | None:
    sent = tree.sent
    toks = sent.tokens
    to = toks[v.id]
    # the source: the noun phrase after "to", up to a comma / end (dependency head when sensible)
    src_ids: list[int] = []
    j = to.id + 1
    while j <= len(toks) and toks[j - 1].text not in (",", ";", ":", ".", "—", "–", "--") and len(src_ids) < 15:
        t = toks[j - 1]
        if t.upos in ("VERB", "AUX") and t.deprel not in ("amod", "compound", "acl") and src_ids:
            break
        src_ids.append(j)
        j += 1
    if not src_ids:
        return None
    k = j + 1  # an apposition that names the source: "according to a spokesman, John Kirby, ..."
    while k <= len(toks) and (toks[k - 1].upos == "PROPN" or (toks[k - 1].text in (".", "-") and k > j + 1)):
        k += 1
    named = k > j + 1 and k <= len(toks) and toks[k - 1].text == "," and toks[k - 2].upos == "PROPN"
    if named:
        src_ids += list(range(j, k))
        j = k
    # the parse's view: "according" is case of the source noun, whose subtree is the source
    h = tree.head(v)
    if h is not None and h.id > to.id and h.upos in ("NOUN", "PROPN", "PRON"):
        dep_ids = tree.subtree(h.id) - {v.id, to.id}
        # not across the comma that ends a sentence-opening phrase: "According to a study by the
        # health department, overdose deaths doubled" (the parse may hang "deaths" on "study")
        opens = v.id == 1 or (v.id == 2 and toks[0].upos in ("CCONJ", "ADV"))
        crosses = opens and j <= len(toks) and toks[j - 1].text == "," and any(
            toks[i - 1].upos != "PUNCT" and toks[i - 1].deprel != "appos" for i in dep_ids if i > j)
        # a phrase set off by punctuation is the source up to that mark, whatever the parse hangs
        # elsewhere ("according to a person close to the process, is to ...", "..., according to
        # people familiar with the network's plans.": the parse may take "close" or "familiar"
        # out of the subtree of the noun, leaving "a person" or a crowd)
        closes = (j > len(toks) or toks[j - 1].text in (",", ";", ":", ".", "!", "?", "—", "–", "--")) \
            and dep_ids < set(src_ids)
        if dep_ids and min(dep_ids) == to.id + 1 and len(dep_ids) <= 25 and not crosses and not named and not closes:
            src_ids = sorted(dep_ids)
    src_set = set(trim(sent, set(src_ids), keep_quotes=False)) or set(src_ids)
    phrase = set(src_ids) | {v.id, to.id}
    # content: the rest of the sentence, without the "according to X" phrase
    lo, hi = min(phrase), max(phrase)
    before = [t.id for t in toks if t.id < lo]
    after = [t.id for t in toks if t.id > hi]
    b = trim(sent, set(before))
    a = trim(sent, set(after))
    if len(b) >= 3 and (len(a) < 3 or (hi + 1 <= len(toks) and toks[hi].text in (".", "!", "?"))):
        content = b
    elif len(a) >= 3 and not b:
        content = a
    else:
        content = trim(sent, set(before + after))
        if not content:
            return None
    spans = _pieces(sent, content)
    return Cand(content=spans, cue=(v.start, to.end), source=span_of(sent, src_set), sentence=si,
                origin="according", cue_lemma="according to", cue_key=(si, v.id),
                source_head=_head_of(tree, src_set), source_ids=tuple(sorted(src_set)))




