"""Whether an attribution's source is a source at all, for vague-attribution (:mod:`.cues`): a
noun phrase that speaks the cue (not the object of another verb, not a crowd's chant at an
event, not a naming), in a statement rather than a question.  Split out of ``cues.py``.
"""
from __future__ import annotations

import re

from ...model import Attribution, Span
from .. import vocab
from ..context import Context


def _crowd_act(ctx: Context, a: Attribution) -> bool:
    """The group's act is a crowd's at an event, whatever the cue ("supporters responded with
    chants of ...", "fans also chanted, '...', referring to ..."): an event cue between the source
    and the cue."""
    if a.source is None or a.cue is None or a.cue.start < a.source.end:
        return False
    if a.cue.start - a.source.end > 200:
        return False
    after = re.match(r"\s+with\s+(?:\w+\s+){0,2}?\w+", ctx.text[a.cue.end:a.cue.end + 40])  # "responded with chants"
    between = ctx.text[a.source.end:a.cue.end] + (after.group(0) if after else "")
    events = "|".join(sorted(vocab.words("vague", "event_cues")))
    return re.search(rf"\b(?:{events})(?:s|es|ed|d|ing)?\b", between, re.I) is not None


def _noun_phrase(ctx: Context, span: Span) -> bool:
    """The source is a noun phrase: a noun, pronoun or number before its first preposition, or
    a quantifier standing alone ("many", "some"); not a clause fragment extract took for one
    ("emblematic of the ways the two candidates", "fast in the way major news institutions")."""
    toks = ctx.tokens_in(span)
    if not toks:
        return True  # no parse to judge by: resolve's decision stands
    if any(t.upos == "CCONJ" and u.upos == "VERB" and u.xpos in ("VBD", "VBZ", "VBP")
           for t, u in zip(toks, toks[1:])):
        return False  # "his supporters, and took a heckler in stride": a second predicate, not a noun phrase
    chunk = []
    for t in toks:
        if t.upos in ("ADP", "SCONJ") or t.text == ",":
            break
        chunk.append(t)
    if any(t.upos in ("NOUN", "PROPN", "PRON", "NUM") for t in chunk):
        return True
    return " ".join(t.text.lower() for t in chunk) in vocab.words("vague", "sources")


def _argument_of_cue(ctx: Context, a: Attribution) -> bool:
    """The parse lets the source speak the cue: not the object of another verb in its
    sentence ("Abedin emailed supporters ..., telling them", "Trump, who has been feuding with
    Republican leaders, described ...", "Rallying hundreds of workers, Clinton promised"): the
    subject of some other verb speaks there.  An object of the cue itself ("said several
    observers"), a source the cue depends on ("with polls showing") or the object of "according
    to" stays a source."""
    if a.source is None or a.cue is None or ctx.sentence_index_at(a.source.start) != ctx.sentence_index_at(a.cue.start):
        return True
    toks = ctx.tokens_in(a.source)
    cue = ctx.tokens_in(a.cue)
    ids = {t.id for t in toks}
    heads = [t for t in toks if t.head not in ids]
    if not cue or len(heads) != 1 or heads[0].deprel.split(":")[0] not in ("obj", "iobj", "obl"):
        return True
    head = heads[0]
    if head.head in {t.id for t in cue} or any(t.head == head.id for t in cue):
        return True  # "said several observers", "polls showing"
    if not ctx.text[a.source.end:a.cue.start].strip() and cue[0].xpos == "VBG":
        return True  # "Despite polls showing her behind": the participle right after its source
    return ctx.cue_text(a).lower().startswith("according")


def _asked(ctx: Context, a: Attribution) -> bool:
    """The attribution is asked about, not stated: its sentence is a question ("Did anyone tell
    you what it said?") or its source opens an indirect question ("whether anyone ever
    instructed aides to ...")."""
    at = a.source or a.cue
    if at is None:
        return False
    i = ctx.sentence_index_at(at.start)
    if i is None:
        return False
    s = ctx.sentences[i]
    if re.search(r"\?[\"”’')\s]*$", ctx.text[s.start:s.end]):
        return True
    return a.source is not None and re.search(r"\b(?:whether|if)\s+(?:\w+\s+)?$",
                                             ctx.text[max(s.start, a.source.start - 20):a.source.start].lower()) is not None


def _naming(ctx: Context, a: Attribution) -> bool:
    """"call" before a short quoted name ('the late bus, which students call "the Night Owl,"'):
    a naming, not a claim ("critics call the plan a giveaway" is one)."""
    if a.cue is None or (a.cue_lemma or "").lower() != "call":
        return False
    m = re.match(r"\s*[\"“]([^\"“”]{1,60})[\"”]", ctx.text[a.cue.end:a.cue.end + 70])
    return m is not None and len(m.group(1).split()) <= vocab.vocab()["terms"]["max_words"]
