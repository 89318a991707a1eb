"""Rejections (:mod:`.claims`): the attributions that deny or call false a claim, whether a
rejection takes a claim as its object, and the claim it names.  Split out of ``claims.py``.
"""
from __future__ import annotations

import re

from ..model import Attribution, Span
from . import vocab
from .context import Context
from .claim_words import _after_cue, cue_lemma, lemma_in, side_key, variants


def rejections(ctx: Context) -> list[Attribution]:
    """Attributions that reject something: a deny-class cue (deny, dispute, reject, refute,
    dismiss ...; not "declined to comment" and not "did not deny"), or a statement whose
    words reject a claim ("that is not true", "called the claim baseless", "there is no
    evidence")."""
    weak = vocab.words("cue_classes", "weak_deny")
    out = []
    for a in ctx.attributions:
        if a.negated or ctx.in_headline(a) or side_key(ctx, a) is None:
            continue
        classes = ctx.cue_classes(a)
        if "deny" in classes and cue_lemma(ctx, a) not in weak:
            if _takes_a_claim(ctx, a):
                out.append(a)
        elif (classes & {"speech", "writing", "loaded", "deny"}
              or lemma_in(cue_lemma(ctx, a), vocab.words("contest", "verdict_cues"))) \
                and (_rejection_words(ctx, a) or _called_false(ctx, a)):
            out.append(a)
        elif _rebuts(ctx, a) or _denied_before(ctx, a):
            out.append(a)
    return out


def rebuttal_only(ctx: Context, attr: Attribution) -> bool:
    """The attribution is a rejection only by its rebuttal verb ("countered", "pushed back,
    saying"): it states a claim of its own, and shared words with another statement show
    an echo or a reply, not that the other is called untrue; only a charge against its
    source ties it to a claim."""
    classes = ctx.cue_classes(attr)
    return not ("deny" in classes and cue_lemma(ctx, attr) not in vocab.words("cue_classes", "weak_deny")) \
        and not _rejection_words(ctx, attr) and not _called_false(ctx, attr) and _rebuts(ctx, attr)


def _rebuts(ctx: Context, attr: Attribution) -> bool:
    """The attribution answers someone: its cue is a rebuttal verb ("Blake countered that
    ..."), or one stands between its source and its cue ("Mercy Health pushed back, saying
    ..."; "X hit back at the claim, saying ...")."""
    if attr.cue is None:
        return False
    words = vocab.phrase_re("contest", "rebuttal")
    if words.search(_cue_on(ctx, attr)):
        return True
    return bool(words.search(_between(ctx, attr)))


def _cue_on(ctx: Context, attr: Attribution) -> str:
    """The cue and its next word, when the extract stage left a rebuttal's particle out of
    the cue ("has aggressively pushed back on those charges": cue "pushed", and "back" either
    in no span or the first word of the content)."""
    m = re.match(r"\s+[a-z]+(?![\w-])", ctx.text[attr.cue.end:attr.cue.end + 20])
    return ctx.text[attr.cue.start:attr.cue.end + (m.end() if m else 0)]


def _between(ctx: Context, attr: Attribution) -> str:
    """The words between the attribution's source (else its sentence's start) and its cue,
    when fewer than 80 characters: "pushed back on that figure, " in "Hospital officials
    pushed back on that figure, saying ..."; "" when none."""
    if attr.cue is None:
        return ""
    sent = ctx.sentences[ctx.attr_sentence(attr)]
    start = attr.source.end if attr.source is not None and attr.source.end <= attr.cue.start else sent.start
    between = ctx.text[max(sent.start, start):attr.cue.start]
    return between if len(between) < 80 else ""


# what a denial verb before a participle cue takes when it points back at a claim: "dispute
# that, saying ...", "denied it, saying ...", "rejected those reports, arguing ..."
_POINTER = re.compile(r"\s+(?:\w+ly\s+)?(?:(?:it|that|this|them|those|these)\s*[,;—–-]"
                      r"|(?:the|that|this|those|these|such|any|all)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)\s*[,;—–-])")


def _denied_before(ctx: Context, attr: Attribution) -> bool:
    """A deny verb with a claim for its object stands between the source and a participle
    cue, which the extract stage took for the cue: "Two former players dispute that, saying
    ...", "The company denied the reports, saying ...".  "Refused the offer, saying" and
    "denied Garland a hearing, saying" take no claim."""
    between = _between(ctx, attr)
    if not between or not ctx.cue_text(attr).lower().endswith("ing"):
        return False
    lexicon = ctx.lexicon if ctx.lexicon is not None else _lexicon()
    weak = vocab.words("cue_classes", "weak_deny")
    for m in re.finditer(r"[A-Za-z]+", between):
        lemma = lexicon.lemma_of(m.group(0)) or m.group(0).lower()
        if "deny" not in lexicon.cue_classes(lemma) or lemma in weak:
            continue
        obj = _POINTER.match(between, m.end())
        if obj and (not obj.group("noun") or obj.group("noun").lower() in vocab.words("contest", "claim_nouns")):
            return True
    return False


def _lexicon():
    from ..vocab import load_lexicon

    return load_lexicon()


def _called_false(ctx: Context, attr: Attribution) -> str:
    """What the attribution's source "called" false in the same sentence, before its own cue:
    "Sheriff Irwin called the report a lie and said ...", "X, calling the charges baseless,
    said ..." ("" when nothing): the extract stage makes no attribution of "called ... a lie"."""
    return ctx.memo("claims.called_false", attr, lambda: _called_false_(ctx, attr))


def _called_false_(ctx: Context, attr: Attribution) -> str:
    if attr.cue is None or attr.source is None:
        return ""
    sent = ctx.sentences[ctx.attr_sentence(attr)]
    between = ctx.text[max(sent.start, attr.source.end):attr.cue.start]
    words = vocab.phrase_re("contest", "rejection").pattern
    m = re.search(rf"(?<![\w-])call(?:ed|s|ing)?\s+(?P<np>[^,.;:]{{1,60}}?)\s+{words}", between, re.I)
    return m.group("np") if m else ""


_ADVERB = re.compile(r"(?:\w+ly|again|also|even|still|immediately|publicly|on\s+\w+day|\w+\s+has|\w+\s+had)$")
_NP_END = re.compile(r"(?<![\w-])(?:of|from|by|as|and|in|on|at|for|with|to|because|after|while|but)(?![\w-])|[,;:.!?\"“”()]")


def _takes_a_claim(ctx: Context, rej: Attribution) -> bool:
    """A deny-class cue rejects a claim when what it takes is one: a that-clause ("denied that
    ..."), a pronoun or demonstrative ("denied it", "dismissed that suggestion"), a noun for a
    claim ("rejected the allegations", "dismissed rumors that ..."), or anything at all after
    deny, dispute, refute, rebut and contradict, except a person given something ("denied
    Garland a hearing").  "Rejected the offer", "dismissed Gov. Walker" and "disavowed the
    endorsement" reject no claim."""
    return ctx.memo("claims.takes_claim", rej, lambda: _takes_a_claim_(ctx, rej))


def _takes_a_claim_(ctx: Context, rej: Attribution) -> bool:
    if rej.cue is None:
        return True
    cue_toks = ctx.tokens_in(rej.cue)
    if cue_toks and cue_toks[-1].upos == "NOUN":
        return True  # "his denial", "a rejection of the report": a noun cue names a response
    if rej.content and max(s.end for s in rej.content) <= rej.cue.start:
        # the claim noun before the cue: "..., a charge that party leaders denied", or the
        # pronoun the extract stage read off such an apposition ("-- something he denied")
        nouns = vocab.words("contest", "claim_nouns") | {"something"}
        return any(w in nouns for w in re.findall(r"[a-z’']+", ctx.content_text(rej).lower()))
    after = _after_cue(ctx, rej)[len(ctx.cue_text(rej)):]
    words = re.findall(r"[\w’'-]+|[^\w\s]", after.lower())
    while words and _ADVERB.match(words[0]):
        words = words[1:]
    if not words:
        return False
    nouns = vocab.words("contest", "claim_nouns")
    if lemma_in(cue_lemma(ctx, rej), frozenset({"dismiss"})):
        # "dismissing them as part of the Washington cartel", "dismissed the plan as a
        # gimmick": a characterisation, not a claim called untrue ("dismissed the allegations
        # as baseless" and "dismissed the charges as politically motivated" still reject one)
        m = re.match(r"((?:\S+\s+){0,6}?)as\s+(?!well\b|much\b|many\b|soon\b|long\b|far\b)(.*)",
                     " ".join(words))
        if m and not {w for w in m.group(1).split() if w not in vocab.words("names", "pronouns")
                      and w not in ("it", "them", "they", "those", "this", "that", "these")} \
                & vocab.words("contest", "charge_nouns") \
                and not vocab.phrase_re("contest", "rejection").search(m.group(2)):
            return False
    if words[0] in ("it", "them"):
        return True
    if words[0] in ("that", "this", "these", "those"):
        # "denied that he ...", "dismissed that": the claim itself; "rejected those days":
        # a determiner, and its noun decides below
        sent = ctx.sentences[ctx.attr_sentence(rej)]
        after = [t for t in sent.tokens if t.start >= rej.cue.end]
        nxt = after[1] if len(after) > 1 and after[0].text.lower() == words[0] else None
        if nxt is None or nxt.upos != "NOUN":
            return True
    m = _NP_END.search(" ".join(words[:8]))
    np = " ".join(words[:8])[: m.start()] if m else " ".join(words[:8])
    if not lemma_in(cue_lemma(ctx, rej), vocab.words("contest", "claim_taking")) \
            and any(w.strip("’'") in vocab.words("contest", "view_nouns") for w in np.split()) \
            and named_claim(ctx, rej) is None:
        # "dismissed concerns that he is bucking his state", "rejected the notion that ...",
        # "rejected the label": a view set aside, whose holder goes unnamed
        return False
    if any(w.strip("’'") in nouns or re.sub(r"['’]s$", "", w) in nouns for w in np.split()
           if w not in ("that", "this", "these", "those", "it", "them", "they")):
        return True
    if named_claim(ctx, rej) is not None:
        return True   # "rejected criticism from Donald Trump that ...": someone's claim
    # a noun with a content clause: "rejected criticism from Trump that closing the unit made
    # the city less safe" ("that" introduces what was said, not a relative clause)
    sent = ctx.sentences[ctx.attr_sentence(rej)]
    toks = [t for t in sent.tokens if t.start >= rej.cue.end][:12]
    for prev, t in zip(toks, toks[1:]):
        if t.text.lower() == "that" and t.upos == "SCONJ" and any(
                p.upos == "NOUN" for p in toks[:toks.index(t)]):
            return True
    if lemma_in(cue_lemma(ctx, rej), vocab.words("contest", "claim_taking")):
        # "denied Garland a hearing", "denied him access": a person given (or refused)
        # something; "denied Russia had ...", "contradicted Trump" are about what was said
        sent = ctx.sentences[ctx.attr_sentence(rej)]
        toks = [t for t in sent.tokens if t.start >= rej.cue.end and t.upos != "PUNCT"][:8]
        if toks and toks[0].text.lower() in ("him", "her", "us", "me"):
            return False
        if toks and toks[0].upos == "PROPN" and lemma_in(cue_lemma(ctx, rej), frozenset({"deny"})):
            rest = [t for t in toks if t.upos != "PROPN"]
            return bool(rest) and rest[0].upos in ("VERB", "AUX")
        return True
    return False


def _rejection_words(ctx: Context, attr: Attribution) -> bool:
    """The attribution's words reject a claim ("That is not true", "called the report
    false", "there is no evidence"): a rejection phrase that is not an attributive adjective
    of some other noun ("a false equivalency", "false prophets" reject nothing; "false
    claims" does)."""
    return ctx.memo("claims.rejection_words", attr, lambda: _rejection_words_(ctx, attr))


def _rejection_words_(ctx: Context, attr: Attribution) -> bool:
    words = vocab.phrase_re("contest", "rejection")
    nouns = vocab.words("contest", "claim_nouns")
    for span in attr.content:
        text = ctx.span_text(span)
        for m in words.finditer(text):
            if _CONDITION.search(text[:m.start()]):
                continue   # "If the numbers are wrong, we fix them": supposed, not asserted
            toks = ctx.tokens_in(Span(span.start + m.start(), span.start + m.end()))
            t = toks[-1] if toks else None
            if t is not None and t.deprel == "amod" and t.head:
                sent = ctx.sentences[ctx.sentence_index_at(t.start)]
                head = next((h for h in sent.tokens if h.id == t.head), None)
                if head is not None and (head.lemma or head.text).lower() not in nouns \
                        and head.text.lower() not in nouns:
                    continue
            if not _loose_phrase(text, m):
                return True
    return False


def _loose_phrase(text: str, m: re.Match) -> bool:
    """A rejection phrase that, where it stands, rejects no claim: "made up" followed by its
    object ("the three legs that made up the old coalition"), and "is wrong" said of anything
    but a claim ("comments that discriminate are wrong", "it is wrong to imply"), unless someone
    "was wrong to say" something."""
    phrase = m.group(0).lower()
    after = text[m.end():]
    if phrase == "incorrect" and re.search(r"politically\s+$", text[:m.start()], re.I):
        return True   # "politically incorrect": a manner, not an error of fact
    if phrase.split()[0] == "made":
        return bool(re.match(r"\s+(?!by\b)[a-z]", after))
    if phrase.split()[-1] == "wrong":
        if re.match(r"\s+to\s+(?:say|claim|suggest|assert|state|insist|allege)\b", after, re.I):
            return False
        before = re.findall(r"[\w’']+", text[:m.start()].lower())[-1:]
        return not (before and (before[0] in ("that", "this", "those", "these")
                                or before[0] in vocab.words("contest", "claim_nouns")
                                and before[0] not in ("it", "they", "them")))
    return False


# a condition or a question opens the clause a rejection phrase is in ("if the figures are
# wrong", "whether the report was false", "asked if it was true"): nothing is rejected
_CONDITION = re.compile(r"(?<![\w-])(?:if|whether|unless|even if|suppose|supposing|what if)\s+"
                        r"[^,.;:!?\"“”]{0,80}$", re.I)


def _refers_back(ctx: Context, rej: Attribution) -> bool:
    """The rejection names what it rejects by a noun or pronoun ("denied the allegations",
    "Those reports are false", "disputed that account") in its first words."""
    nouns = vocab.words("contest", "claim_nouns")
    after = ctx.text[rej.cue.end:ctx.hull(rej).end] if rej.cue is not None else ""
    if _denied_before(ctx, rej):
        return True   # "dispute that, saying ...", "denied those reports, saying ..."
    # "pushed back on that figure, saying ...": the rebuttal's own object, a pointer to a claim
    # ("in a statement" is how, "against accusations of sexism" says what, not which)
    # (and the words after the cue: "pushed back on those charges and ...")
    before = _between(ctx, rej) + ctx.text[rej.cue.start:ctx.hull(rej).end] if _rebuts(ctx, rej) else ""
    m = vocab.phrase_re("contest", "rebuttal").search(before)
    obj = _REBUTTAL_OBJECT.match(before, m.end()) if m else None
    if obj and obj.group("noun").lower() in nouns:
        return True
    for text in (after, ctx.content_text(rej), _called_false(ctx, rej)):
        # "said in a September 2015 statement": where it was said, not what it answers
        text = _WHERE_SAID.sub(" ", text)
        head = re.findall(r"[a-z’']+", text.lower())[:6]
        if any(w in nouns for w in head):
            return True
    if "deny" in ctx.cue_classes(rej) and (
            re.fullmatch(r"\W*(?:that|this|it|them|those)\W*", ctx.content_text(rej), re.I)
            or re.match(r"\s*(?:\w+ly\s+)?(?:that|this|it|them|those)\s*[,;—–]", after, re.I)):
        return True   # "Orr denied that.", "The agency disputed it.", "Doctors disputed that, saying ..."
    # a demonstrative subject: "That is not true," "This never happened"
    # ("denied that that was the case": a complementizer before it)
    return bool(re.match(r"^\W*(?:that\s+(?=(?:that|this|it)\s))?(?:that|this|it)(?:\s+(?:is|was|'s|’s)|['’]s|\s+never|\s+did)\b",
                         ctx.content_text(rej), re.I))


# the statement a cue was made in ("in a statement", "in an interview"), no claim pointed back to
_WHERE_SAID = re.compile(r"(?<![\w-])(?:in|via|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:statement|statements|report|interview|release)(?![\w-])", re.I)

# the object of a rebuttal verb that points back: "on that figure", "at those claims Thursday,",
# "on those charges and has worked ..."
_REBUTTAL_OBJECT = re.compile(r"\s+(?:on|at|against|over)\s+(?:that|this|those|these|the|such)\s+"
                              r"(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)(?:\s+\w+day)?"
                              r"(?:\s*(?:[,;.—–]|$)|\s+(?:and|but|while|as)(?![\w-]))")

_HOLDER = r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w.&’'-]*\s+){0,5}[A-Z][\w.&-]*|the\s+(?:\w+\s+){0,2}\w+"


def named_claim(ctx: Context, rej: Attribution) -> str | None:
    """Whose claim a rejection reports in its own words, when it names one other than the
    rejecting side: "rejected Trump's claim", "rebutted Exxon's accusation that ...",
    "disputed accusations by Exxon Mobil", "rejected criticism from Donald Trump that ...",
    "disputed the prosecution's timeline".  None when it names no holder."""
    if rej.cue is None:
        return None
    return ctx.memo("claims.named_claim", rej, lambda: _named_claim(ctx, rej))


def _first_name(word: str) -> bool:
    from ..vocab import first_name_gender, load_people

    return first_name_gender(load_people(), word.lower()) is not None


def _named_claim(ctx: Context, rej: Attribution) -> str | None:
    nouns = vocab.words("contest", "claim_nouns") - vocab.words("names", "pronouns") \
        - {"it", "them", "they", "those", "this", "that", "these"}
    noun = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    after = ctx.text[rej.cue.end:ctx.sentences[ctx.attr_sentence(rej)].end][:200]
    pronoun = re.match(r"\s+(him|her)\b(?!\s+(?:own\b|[\w-]+(?:s|ing|ed)\b))", after, re.I)
    if pronoun and lemma_in(cue_lemma(ctx, rej), vocab.words("contest", "claim_taking") - {"deny"}):
        # (never "deny him": to deny someone something is to refuse it, "to deny him even that path")
        # "contradicted her, saying ...": the one person of that gender named just before
        from .accusations import _pronoun_person

        who = _pronoun_person(ctx, rej, pronoun.group(1).lower(), variants(ctx, rej), back=1)
        return who[0] if who else None
    if "deny" not in ctx.cue_classes(rej) and rej.content:
        # "said that Cruz's description was false": the claim is the subject of the rejection
        after = " " + re.sub(r"^\W*(?:that\s+)?", "", ctx.content_text(rej))[:200]
        if not _rejection_words(ctx, rej):
            return None
    m = re.match(rf"\s+(?:\w+ly\s+)?(?:(?:all|both|many|some|several|any)\s+(?:of\s+)?)?(?:the\s+)?"
                 rf"(?P<h1>{_HOLDER})['’]s?\s+(?:[\w-]+\s+){{0,2}}(?:{noun})\b"
                 rf"|\s+(?:\w+ly\s+)?(?:the\s+|these\s+|those\s+)?(?:[\w-]+\s+){{0,2}}(?:{noun})\s+"
                 rf"(?:made\s+)?(?:by|from)\s+(?P<h2>[^,;:.()]{{1,80}}?)(?=\s+(?:that|who|which|of|about|over|on|in)\b|[,;:.()]|$)"
                 # any noun with a holder and a content clause: "criticism from Trump that ..."
                 rf"|\s+(?:\w+ly\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,2}}[\w-]+(?<!ed)\s+(?:by|from|in)\s+(?P<h3>[^,;:.()]{{1,80}}?)\s+that\s",
                 after)
    if not m:
        return None
    holder = (m.group("h1") or m.group("h2") or m.group("h3")).strip()
    if m.group("h2") or m.group("h3"):
        # "criticism from Republican presidential candidate Donald Trump": the name ends
        # the description
        runs = re.findall(r"(?:[A-Z][\w.&’'-]*\s+)*[A-Z][\w.&’'-]*", holder)
        if runs:
            holder = runs[-1]
            # "former Secretary of Defense Leon Panetta": the person's name, from the first name
            words = holder.split()
            first = next((i for i, w in enumerate(words[:-1]) if i and _first_name(w)), None)
            if first is not None:
                holder = " ".join(words[first:])
        elif not re.match(r"(?i)the\s", holder) or len(holder.split()) > 4 \
                or re.search(r"(?<![\w-])(?:1[89]|20)\d\d(?![\w-])", holder):
            # "a false report from the 2008 campaign": when, not whose
            return None
    holder = re.sub(r"^(?:the|a|an)\s+", "", holder, flags=re.I) if holder[:1].islower() else holder
    if not holder or holder.lower() in vocab.words("names", "pronouns"):
        return None
    own = variants(ctx, rej)
    if holder.lower() in own or {w.lower() for w in holder.split()} & own:
        return None   # "rejected his own account"
    return holder
