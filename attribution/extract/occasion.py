"""Phrases of time or occasion ("at one point", "in one interview", "at the hearing") before a
participle cue: they are nobody, and a participle the parse hangs on one is the clause's.
Split out of ``phrases.py``."""
from __future__ import annotations

from ..model import Token
from ._tree import Tree
from .cue import FRAMES

ADJUNCT_NOUNS = FRAMES["time_words"] | FRAMES["adjunct_nouns"]


def _occasion_phrase(toks, ids: list[int]) -> bool:
    """The noun phrase ``ids`` is a phrase of occasion or time governed by the preposition right
    before it ("at | one point", "in | one interview", "at | the hearing"): the parse makes that
    word a ``case`` of the phrase's head, an ``obl`` of a verb, and the head is an adjunct noun
    (a time, an occasion, a medium).  Other nouns after a preposition may well be who speaks:
    "with some polls indicating", "a chorus of Democrats urging", "a report from the inspector
    general found"."""
    if not ids or ids[0] < 2:
        return False
    p = toks[ids[0] - 2]
    if not (p.upos == "ADP" and p.deprel == "case" and p.head in ids):
        return False
    head = toks[p.head - 1]
    if any(toks[i - 1].deprel == "nmod:poss" and toks[i - 1].head == head.id for i in ids):
        return False   # it names its owner, who speaks: "in his memo to employees explaining"
    return head.deprel.split(":")[0] == "obl" and head.text.lower() in ADJUNCT_NOUNS


def _occasion_head(tree: Tree, v: Token) -> Token | None:
    """The verb a participle goes on from when the parse hangs it on the noun of a phrase of
    occasion set off by a comma before it: in "The senator questioned him for hours, at the
    hearing calling the report false" the parse makes "calling" modify "hearing"; the
    participle is the senator's, like the phrase, which the verb "questioned" governs."""
    if v.deprel != "acl" or v.head != v.id - 1:
        return None
    noun = tree.sent.token(v.head)
    if noun.deprel.split(":")[0] != "obl" or noun.head == 0 or noun.head > noun.id:
        return None
    ids = sorted(i for i in tree.subtree(noun.id) if i < v.id)
    if ids != list(range(ids[0], ids[-1] + 1)) or not _occasion_phrase(tree.sent.tokens, ids[1:]):
        return None
    if ids[0] < 2 or tree.sent.tokens[ids[0] - 2].text != ",":
        return None   # the phrase opens after a comma: "..., at one point calling"
    return tree.sent.token(noun.head)
