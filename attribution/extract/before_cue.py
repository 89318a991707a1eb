"""Content before the cue: ``..., he said.``, ``X, Smith said, Y`` (parenthetical) and the
inverted ``..., said Smith, the ministry's spokesman.``.  Split out of :mod:`.frames`."""
from __future__ import annotations

from ..model import Token
from ._tree import Tree
from .clause_end import _content_end
from .cue import FRAMES, QUOTE_END
from .phrases import FINITE, TIME_WORDS, _is_np, _np_back, _np_back_app, _np_forward, _skip_adjuncts


# cues whose subject may follow them ('"...," said Smith'); never "tell", whose following noun
# is the listener ('..., told lawmakers on a visit')
INVERTING = FRAMES["inverting"]


def _inside_another_cue(tree: Tree, v: Token) -> bool:
    """The cue is the clause of another cue or coordinated with it ("Kiedis said his band, ...,
    wrote a host of new songs"): its subject is before it, or lost in the parse, and the noun
    after it is its object, never a source after the cue ('"...," wrote a reader')."""
    head = tree.head(v)
    return v.deprel in ("ccomp", "conj") and head is not None and head.lemma.lower() in INVERTING | {"tell"}


def _before_cue(tree: Tree, v: Token):
    """'<content>, <source> <cue> [rest].' or '<content>, <cue> <source>.'; None when no match."""
    toks = tree.sent.tokens
    n = len(toks)
    if v.xpos == "VBG" or v.text.lower().endswith("ing"):
        return None  # "..., arguing its advantages" introduces what follows, never what precedes
    # after the cue: at most a few words (time, "in a statement", an inverted source) then the end or a comma
    k = v.id + 1
    inverted: list[int] = []
    if k <= n and _is_np(toks[k - 1]) and v.lemma.lower() == "tell":
        # '"...," Dana Whitfield, a spokeswoman for the union, told Reuters.': what follows
        # "told" is whom the source told, never the source
        addressee = _np_forward(toks, k)
        if addressee:
            k = addressee[-1] + 1
    elif k <= n and _is_np(toks[k - 1]) and toks[k - 1].text.lower() not in TIME_WORDS and \
            v.lemma.lower() in INVERTING and not _inside_another_cue(tree, v):
        inverted = _np_forward(toks, k)
        if inverted and inverted[-1] + 1 <= n and toks[inverted[-1]].text == ",":
            # "said Igor Konashenkov, the ministry's spokesman."
            app = _np_forward(toks, inverted[-1] + 2)
            if app:
                inverted = list(range(inverted[0], app[-1] + 1))
        elif inverted and inverted[-1] + 1 <= n and toks[inverted[-1]].text.lower() in ("for", "of", "at", "with"):
            # "said a former spokesman for the ministry, Oleg Petrenko, who ...": the name in
            # apposition after the role's affiliation is the source
            pp = _np_forward(toks, inverted[-1] + 2)
            comma = next((i for i in pp if toks[i - 1].text == ","), None)
            app = [i for i in pp if comma is not None and i > comma]
            if app and all(toks[i - 1].upos == "PROPN" or toks[i - 1].text in (".", "-") for i in app):
                inverted = list(range(inverted[0], app[-1] + 1))
        if inverted:
            k = inverted[-1] + 1
        if inverted and k <= n and toks[k - 1].text.lower() in ("who", "whose") and any(
                t.upos in ("NOUN", "PROPN") for t in toks[inverted[0] - 1:k - 1]):
            # '"...," said a Mexican official who was not authorized to speak publicly.': the
            # relative clause describes the source, to the sentence's end or the next comma
            e = k
            while e <= n and toks[e - 1].text not in (".", "!", "?", ",", ";") and toks[e - 1].text not in ("\"", "“", "``"):
                e += 1
            inverted = list(range(inverted[0], e))
            k = e
    k = _skip_adjuncts(toks, k)
    tail_end = k > n or toks[k - 1].text in (".", "!", "?", ",", ";", "—", "–", ":", "(") or toks[k - 1].text in QUOTE_END \
        or (toks[k - 1].upos in ("ADP", "SCONJ") and toks[k - 1].text.lower() not in ("that", "of"))
    if not tail_end:
        return None
    cont_after: list[int] = []
    if k <= n and toks[k - 1].text == "," and k + 1 <= n and (
            toks[k].text in ('"', "“", "''", "``", "«") or toks[k].xpos not in ("VBG", "WP", "WDT")):
        rest_end = _content_end(toks, k + 1)
        if rest_end > k + 1:
            cont_after = list(range(k + 1, rest_end + 1))
    if cont_after and toks[k].text not in ('"', "“", "''", "``", "«") and (
            toks[k].text.lower() in ("which", "who", "whom", "where", "when") or
            (k + 1 < n and toks[k].upos == "ADP" and toks[k + 1].text.lower() in ("which", "whom"))):
        cont_after = []  # '"It's finished," she said of the election, in which ...': narration
    # before the cue: the source (unless inverted), then a comma (or closing quote + comma)
    j = v.id - 1
    while j >= 1 and toks[j - 1].upos in ("AUX", "PART", "ADV") and toks[j - 1].text.lower() not in ("so",):
        j -= 1
    src: list[int] = inverted
    if not inverted:
        src = _np_back_app(toks, j)
        if not src:
            return None
        if src[0] >= 3 and toks[src[0] - 2].text.lower() == "and" and toks[src[0] - 3].text != ",":
            # "..., she and another reporter said.": two sources joined, one statement
            first = _np_back(toks, src[0] - 2)
            if first:
                src = list(range(first[0], src[-1] + 1))
        j = src[0] - 1
    while j >= 1 and toks[j - 1].text in QUOTE_END:
        j -= 1
    if j < 2 or toks[j - 1].text not in (",", "—", "–", "--", "?", "!"):
        return None
    content = list(range(1, j))
    if len(content) < 2:
        return None
    if cont_after and j < n and toks[j].text in QUOTE_END and toks[cont_after[0] - 1].text not in ('"', "“", "''", "``", "«"):
        cont_after = []  # a closed quotation before the cue: what follows unquoted is narration
    finite_before = any(t.upos in ("VERB", "AUX") and t.xpos in FINITE for t in toks[:j - 1])
    if not finite_before and not cont_after and len(content) < 6:
        return None  # "In an email, Axelrod said ..." is not content
    return content, cont_after, src, "parataxis"
