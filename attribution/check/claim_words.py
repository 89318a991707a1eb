"""The words of a claim (:mod:`.claims`): its cue lemma, its side (who says it) and the variants
of that side's name, its content words and the words a rejection rejects, their overlap and
link, negations, and whether two sides are one camp.  Split out of ``claims.py``.
"""
from __future__ import annotations

import re

from ..model import Attribution, SpeakerKind
from ..vocab.inflect import lemma_candidates
from . import vocab
from .context import Context, mentions

_NEG = re.compile(r"(?<![\w-])(?:not|no|never|n't|none|nobody|nothing|neither|nor)(?![\w-])", re.I)
_STOP = frozenset("""a an the of on in at to for from by with and or but that this these those is
are was were be been being has have had do does did will would can could should may might
it its their his her he she they we i you our your them him not no as than then there said
say says""".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december today""".split())


def lemma_in(word: str, lemmas: frozenset[str]) -> bool:
    """``word`` (a lemma or an inflected form) is one of ``lemmas`` (crude de-inflection)."""
    return bool(lemma_candidates(word) & lemmas)


def cue_lemma(ctx: Context, attr: Attribution) -> str:
    chained = vocab.chained_lemma(ctx.cue_text(attr), ctx.lexicon if ctx.lexicon is not None else vocab.load_lexicon())
    if chained:
        return chained   # "continued to refute": refute
    if attr.cue_lemma:
        return attr.cue_lemma.lower()
    words = ctx.cue_text(attr).lower().split()
    return words[0] if words else ""


def side_key(ctx: Context, attr: Attribution) -> str | None:
    """Who is behind an attribution: the speaker id, else the source text."""
    sp = ctx.speaker(attr) if attr.speaker else None
    if sp is not None and (re.search(r"[^\W\d_]", sp.name or "") or not sp.name and not attr.source):
        return attr.speaker
    src = ctx.span_text(attr.source).strip().lower()
    # a source with no letter (quotation marks split off a quotation) is nobody's side
    return f"text:{src}" if re.search(r"[^\W\d_]", src) else None


def side_name(ctx: Context, attr: Attribution) -> str:
    sp = ctx.speaker(attr)
    if sp is not None and sp.name:
        return sp.name
    return ctx.span_text(attr.source).strip() or "an unstated source"


def variants(ctx: Context, attr: Attribution) -> set[str]:
    """Names the attribution's side goes by (a new set each call)."""
    return set(ctx.memo("claims.variants", attr, lambda: frozenset(_variants(ctx, attr))))


def _variants(ctx: Context, attr: Attribution) -> set[str]:
    sp = ctx.speaker(attr)
    out = ctx.name_variants(sp) if sp is not None else set()
    src = ctx.span_text(attr.source).strip()
    if src and src.lower() not in vocab.words("names", "pronouns"):
        from ..model import Mention, Speaker

        out |= ctx.name_variants(Speaker(id="_", name=src, kind=SpeakerKind.ORGANIZATION,
                                         mentions=(Mention(src, 0, 0),)))
    return out


def party_variants(ctx: Context, name: str) -> set[str]:
    """Names a named party goes by ("China": "china", "chinese"); a description ("the
    police union") goes by itself only."""
    if not name[:1].isupper():
        return {name.lower()}
    from ..model import Mention, Speaker

    return ctx.name_variants(Speaker(id="_", name=name, kind=SpeakerKind.ORGANIZATION,
                                     mentions=(Mention(name, 0, 0),)))


def _after_cue(ctx: Context, attr: Attribution) -> str:
    """The text from the cue to the end of the attribution's sentence, without the source."""
    return ctx.memo("claims.after_cue", attr, lambda: _after_cue_text(ctx, attr))


def _after_cue_text(ctx: Context, attr: Attribution) -> str:
    si = ctx.attr_sentence(attr)
    sent = ctx.sentences[si] if ctx.sentences else None
    start = attr.cue.start if attr.cue else ctx.hull(attr).start
    end = max(sent.end if sent else 0, ctx.hull(attr).end)
    text = ctx.text[start:end]
    if attr.source and start <= attr.source.start < end:
        a, b = attr.source.start - start, attr.source.end - start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# where the object of a cue ends and a clause of its own begins: "disputed the prosecution's
# timeline, saying Harlan had left ...": Harlan is not whose claim is disputed; nor is anyone
# named in its reason ("deemed those statements false because there is no ISIS video ...")
_OBJECT_END = re.compile(r",\s*(?:\w+ing|and|but|while|although|though|because|as)\b|[;:—–]|\s--\s"
                         r"|\s(?:because|since)\s")


def _what_is_rejected(ctx: Context, attr: Attribution) -> str:
    """:func:`_after_cue` up to the end of the cue's own object: a participle clause or a
    second clause after it names what the speaker says, not whose claim it answers."""
    text = _after_cue(ctx, attr)
    m = _OBJECT_END.search(text, len(ctx.cue_text(attr)))
    return text[:m.start()] if m else text


# where a claim noun's own content clause begins: "rejected the notion that the campaign is
# calling the former secretary of state corrupt" names no holder, only what the notion says
_CONTENT_CLAUSE = re.compile(r"(?<=[a-z’'])\s+(?:that|whether)\s", re.I)


def _rejected_holder(ctx: Context, attr: Attribution) -> str:
    """:func:`_what_is_rejected` without the content clause of a noun it rejects ("Russian
    accusations that ...", "claims by Exxon that ..."): who is named there holds the claim;
    who is named inside the clause is what the claim is about.  A that-clause straight after
    the cue ("denied that Russia ...") is the claim itself and stays."""
    text = _what_is_rejected(ctx, attr)
    cue = len(ctx.cue_text(attr))
    m = _CONTENT_CLAUSE.search(text, cue)
    if m and text[cue:m.start()].strip():
        return text[:m.start()]
    return text


# where the object of a cue ends ("charged the officer | with murder", "accused Clinton | of
# ..."); "blamed the fire on the owner" runs on to the one blamed
_ACCUSED_END = re.compile(r"(?<![\w-])(?:of|for|with|over|in|after|as)(?![\w-])|[,;:.!?]")


def _accused_text(ctx: Context, attr: Attribution) -> str:
    """Who a statement is about, where a denial by that party answers it: the cue's object
    ("accused the SDF of ...", "charged the officer with murder"), or the subject of a that-clause after it
    ("alleged that Clinton's fundraising ...").  A party named later in the sentence ("...
    and Emanuel fired his police chief") is not the accused."""
    text = _after_cue(ctx, attr)[len(ctx.cue_text(attr)):]
    m = re.match(r"\s*(?:,\s*)?that\s+", text)
    if m:
        text = text[m.end():]
        verb = re.search(r"(?<![\w-])(?:is|was|are|were|has|had|have|did|does|would|will|could|"
                         r"\w+ed)(?![\w-])", text)
        return text[:verb.start()] if verb else text[:80]
    m = _ACCUSED_END.search(text)
    return text[:m.start()] if m else text[:80]


def content_words(ctx: Context, attr: Attribution) -> list[str]:
    """The attribution's content words, stemmed (a new list each call)."""
    return list(ctx.memo("claims.content_words", attr, lambda: tuple(_content_words(ctx, attr))))


def _content_words(ctx: Context, attr: Attribution) -> list[str]:
    toks = [t for s in attr.content for t in ctx.tokens_in(s)]
    if toks:
        words = [(t.lemma or t.text).lower() for t in toks if t.upos not in ("PUNCT", "DET", "ADP")]
    else:
        words = re.findall(r"[\w'-]+", ctx.content_text(attr).lower())
    return [_stem(w) for w in words if w not in _STOP and len(w) > 2]


def _stem(w: str) -> str:
    # "firing"/"fired"/"fire" and "forces"/"force" meet (lemmas from a weak model may not)
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)].rstrip("e")
    return w.rstrip("e") if len(w) > 3 else w


def rejected_words(ctx: Context, attr: Attribution) -> list[str]:
    """The content words of what a statement says is false: after "no evidence that",
    "did not see convincing evidence in the report that", "no proof of" only the rejected
    proposition (the rejection's own frame would dilute the comparison); else all."""
    return list(ctx.memo("claims.rejected_words", attr, lambda: tuple(_rejected_words(ctx, attr))))


def _rejected_words(ctx: Context, attr: Attribution) -> list[str]:
    words = content_words(ctx, attr)
    phrase = vocab.phrase_re("contest", "rejection")
    last = None   # absolute offset after the last rejection phrase
    for span in attr.content:
        for m in phrase.finditer(ctx.span_text(span)):
            last = (span, span.start + m.end())
    if last is None:
        return words
    span, at = last
    rest = re.match(r"(?:\s+(?:in|from)\s+(?:the\s+)?\w+)?\s+(?:that|of|for|to\s+(?:suggest|show|support)"
                    r"(?:\s+that)?)\s", ctx.text[at:span.end])
    if not rest:
        return words
    at += rest.end()
    toks = [t for s in attr.content for t in ctx.tokens_in(s) if t.start >= at]
    tail = [_stem(w) for w in ((t.lemma or t.text).lower() for t in toks
                               if t.upos not in ("PUNCT", "DET", "ADP", "PRON"))
            if w not in _STOP and len(w) > 2]
    return tail if len(tail) >= 2 else words


def overlap(ctx: Context, a: Attribution, b: Attribution, rejecting: bool = False) -> float:
    """Content similarity 0..100 (rapidfuzz token-set ratio on content words); 0 unless
    at least two content words are shared.  ``rejecting``: ``b`` rejects ``a``, and only
    what ``b`` says is false is compared."""
    from rapidfuzz import fuzz

    wa = content_words(ctx, a)
    wb = rejected_words(ctx, b) if rejecting else content_words(ctx, b)
    if len(set(wa) & set(wb)) < 2:
        return 0.0
    return float(fuzz.token_set_ratio(" ".join(wa), " ".join(wb)))


def link(ctx: Context, acc: Attribution, den: Attribution) -> tuple[str, ...]:
    """Reasons to believe ``den`` disputes ``acc`` (empty: no link)."""
    if acc.id == den.id:
        return ()
    ka, kd = side_key(ctx, acc), side_key(ctx, den)
    if ka is None or kd is None or ka == kd:
        return ()
    reasons = []
    if mentions(_rejected_holder(ctx, den), variants(ctx, acc)):
        reasons.append("refers-to-accuser")
    accused = _accused_text(ctx, acc)
    if mentions(accused, variants(ctx, den)) or _same_head(ctx, den, accused):
        reasons.append("denier-is-accused")
    if overlap(ctx, acc, den, rejecting=True) >= 60:
        reasons.append("content-overlap")
    return tuple(reasons)


def _same_head(ctx: Context, den: Attribution, accused: str) -> bool:
    """``den``'s source is a definite description whose head ends the accused party's name:
    "The militia denied ..." after "accused the breakaway Tarsk Republic's militia of ...",
    "The company" after "accused the Halvorsen company"."""
    src = " ".join(ctx.span_text(den.source).split()).lower() if den.source is not None else ""
    m = re.fullmatch(r"the\s+(?:[a-z-]+\s+){0,2}([a-z-]{3,})", src)
    words = re.findall(r"[\w’'-]+", accused.lower())
    return bool(m and words) and re.sub(r"['’]s?$", "", words[-1]) == m.group(1)


def negations(text: str) -> int:
    """Negations of a statement's polarity: not the contrast in "refugees from Syria but not
    Muslims" or "not only ... but", which deny nothing."""
    n = 0
    for m in _NEG.finditer(text):
        before = text[:m.start()].rstrip().lower()
        after = text[m.end():].lstrip().lower()
        if re.search(r"(?:\bbut|\band|\bor|,)$", before) or re.match(r"(?:only|just|even)\b", after):
            continue
        n += 1
    return n


def same_camp(ctx: Context, a: Attribution, b: Attribution) -> bool:
    """Same speaker, or one speaks for the other ("Gina Castell, Pinecrest's vice president"
    and "a company spokesman" for Pinecrest): the two cannot dispute each other."""
    ka, kb = side_key(ctx, a), side_key(ctx, b)
    if ka is None or kb is None or ka == kb:
        return True
    if _camp_of(ctx, a, b) or _camp_of(ctx, b, a):
        return True
    sa, sb = ctx.speaker(a), ctx.speaker(b)
    if sa is not None and sb is not None and sa.affiliation and sb.affiliation:
        va, vb = ctx.name_variants(sa), ctx.name_variants(sb)
        if mentions(sa.affiliation, vb - {sb.name.lower()}) or mentions(sb.affiliation, va - {sa.name.lower()}):
            return True
    return False


def _camp_of(ctx: Context, a: Attribution, b: Attribution) -> bool:
    """``a``'s source is ``b``'s side's campaign, team, office or spokesman by name: "Trump's
    campaign" for Donald Trump, "Fiorina's team" for Carly Fiorina."""
    src = ctx.span_text(a.source) if a.source else ""
    sp = ctx.speaker(a)
    for text in (src, sp.name if sp is not None else ""):
        for m in re.finditer(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)['’]s?\s+([a-z]+(?:\s+[a-z]+)?)", text or ""):
            head = m.group(2)
            if (head in vocab.words("contest", "camp_nouns")
                    or head.split()[0] in vocab.words("contest", "camp_nouns")) \
                    and mentions(m.group(1), variants(ctx, b)):
                return True
    return False


def _same_camp_sides(ctx: Context, a: Attribution, b: Attribution) -> bool:
    """:func:`same_camp`, remembered per pair of sides: it reads only the two attributions'
    speaker ids and side keys (a document repeats a few sides many times)."""
    key = (a.speaker, side_key(ctx, a), b.speaker, side_key(ctx, b))
    memo = ctx.memo("claims.same_camp", ctx, dict)
    if key not in memo:
        memo[key] = same_camp(ctx, a, b)
    return memo[key]
