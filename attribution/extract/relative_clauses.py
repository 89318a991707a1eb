"""Verbs that modify a noun and subjects with a relative clause: a participle, infinitive or
relative clause that describes a noun reports no one's words (:func:`_modifies_noun`), and a
subject whose relative clause the parse loses is read off the surface (:func:`_relative_subject`).
Split out of :mod:`attribution.extract.phrases` (the module size limit)."""
from __future__ import annotations

from ..model import Token
from ._tree import Tree, is_punct


def _modifies_noun(toks, v: Token) -> bool:
    """A participle or infinitive that modifies a noun reports no one's words: "refugees
    admitted to the United States", "his decisions not to recommend ..." (read on the
    surface too: the parse often makes such a participle the root)."""
    if v.deprel.startswith("acl") and v.xpos in ("VBN", "VB"):
        return True
    if v.deprel == "amod":
        return True  # "his repeated mispronunciations", "the alleged bribe": an adjective
    k = v.id - 1
    nxt = toks[v.id].text.lower() if v.id < len(toks) else ""
    if v.xpos == "VBN" and k >= 1 and toks[k - 1].xpos == "NNS" and v.id < len(toks) \
            and toks[v.id].upos == "ADP" and nxt != "that":
        return True  # "refugees admitted to ...", never "A Chinese official responded by ..."
    if v.xpos in ("VBD", "VBN") and v.deprel == "advcl" and v.head > v.id and k >= 1 \
            and toks[k - 1].upos in ("NOUN", "PROPN") and nxt in ("in", "by", "on", "at") \
            and not (any(t.text.lower() == "as" and t.upos == "SCONJ" and t.id < v.id for t in toks)
                     and any(t.text == "," for t in toks[v.id:v.head - 1])):
        # (not "As Joan Maddox wrote in May, '...'": the parenthetical "as" clause, whose content
        # is the main clause after its comma; "When Sanders said at a rally that ..." stays out)
        return True  # "The Crime Statistics Bureau cited in Trump's tweet does not exist": the
        # parse took the participle for a clause of the verb after it
    if v.xpos == "VB" and k >= 2 and toks[k - 1].text.lower() == "to" and toks[k - 2].xpos in ("VBN", "JJ") \
            and any(t.text.lower() in ("not", "n't", "never") for t in toks[max(0, k - 5):k - 2]):
        return True  # "who was not authorized to speak publicly", "not allowed to discuss": the
        # reason a source is unnamed, not something said
    if v.xpos == "VB" and k >= 1 and toks[k - 1].text.lower() == "to":
        j = k - 1
        if j >= 1 and toks[j - 1].text.lower() == "not":
            j -= 1
        return j >= 1 and toks[j - 1].upos == "NOUN"
    return False


def _relative_subject(tree: Tree, v: Token) -> list[int]:
    """A subject with a relative clause and no commas, which the parse often loses: "A person
    familiar with the matter who was not authorized to speak publicly said ...": the noun
    phrase from the sentence's start through the relative clause, up to the cue."""
    toks = tree.sent.tokens
    first = 1
    while first < v.id and is_punct(toks[first - 1]):
        first += 1
    rel = next((t for t in toks[first - 1:v.id - 1] if t.text.lower() in ("who", "that") and t.upos == "PRON"), None)
    if rel is None or rel.id <= first + 1:
        return []
    np = toks[first - 1:rel.id - 1]
    if not any(t.upos in ("NOUN", "PROPN") for t in np) or any(
            t.upos in ("VERB", "AUX") or t.text in (",", ";", ":") for t in np):
        return []
    ids = list(range(first, v.id))
    return ids if len(ids) <= 25 else []


def _subject_with_relative(toks, ids: list[int], j: int, v: Token, surface: list[int]) -> list[int] | None:
    """"Executives for Mondelez, which generated more than $30 billion in revenue last year,
    say": the parse's subject (``ids``) and the relative clause set off by commas after it, which
    the parse may hang on the cue, not the last noun of that clause (``surface``); the walk back
    from the cue (``j``) stopped short of the subject at a time phrase."""
    if not (ids[-1] + 1 < j and toks[ids[-1]].text == "," and toks[ids[-1] + 1].text.lower() in ("which", "who", "whose")
            and toks[v.id - 2].text == "," and ids == list(range(ids[0], ids[-1] + 1)) and len(ids) <= 12
            and (not surface or surface[0] > ids[-1]) and v.id - 2 - ids[0] <= 40):
        return None
    return list(range(ids[0], v.id - 1))


# what stands before a rejection's apposition: "..., a charge that ...", "-- something he denied"
_SEPARATORS = (",", "—", "–", "--", "-")


def _something_before(toks, subject: int) -> int | None:
    """The id of "something" right after a separator and before a relative clause's subject
    (at ``subject``), with or without "that"/"which": "..., something he has denied", "--
    something that officials dispute": the pronoun names the statement before the separator."""
    return next((i for i in (subject - 1, subject - 2) if i >= 2 and toks[i - 1].text.lower() == "something"
                 and toks[i - 2].text in _SEPARATORS
                 and (i == subject - 1 or toks[i].text.lower() in ("that", "which"))), None)
