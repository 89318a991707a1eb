"""Charges made in what a source says (:mod:`.claims`): "Clinton lied about the emails," Trump
said; "called Trump a liar"; "Hale's lies"; the party each charges.  Split out of
``accusations.py``; the article's own allegations reach one-sided through the same
:func:`charged_party`.
"""
from __future__ import annotations

import re

from ..model import Attribution, Span
from . import vocab
from .accusations import _pronoun_person, _proper_runs, _stands_for_a_party
from .claim_words import variants
from .context import Context


def _wrong_predicate(tok, kids, toks=()) -> bool:
    """``tok`` states wrongdoing: a verb of wrongdoing (``rules.toml`` [contest] wrong_verbs,
    which holds [unsourced] wrongdoing; "lie" of untruth only: "lied about", "lies to voters", not "lies
    ahead") or a noun that names a wrongdoer as a predicate ("is a liar", "a crook")
    ([contest] wrongdoers)."""
    lemma = tok.lemma.lower()
    if tok.upos == "VERB" and figurative(kids):
        return False
    if tok.upos == "VERB":
        if lemma == "lie":
            if tok.text.lower() in ("lay", "lain"):
                return False
            return not any(k.text.lower() in vocab.words("contest", "lie_of_place") for k in kids)
        return lemma in vocab.words("contest", "wrong_verbs")
    if tok.upos == "NOUN":
        # a wrongdoer of two words ("a con artist", "a con man"): the noun with its compound
        compound = " ".join([*(k.text.lower() for k in kids if k.deprel == "compound" and k.id == tok.id - 1), lemma])
        return (lemma in vocab.words("contest", "wrongdoers") or compound in vocab.words("contest", "wrongdoers")) and (
            any(k.deprel == "cop" for k in kids) or _called(tok, toks) is not None)
    return False


def figurative(kids) -> bool:
    """A verb of wrongdoing used as a figure of speech, known by its object ("had stolen
    Christie's thunder", "stole the show", "cheated death"; [contest] figurative_objects)."""
    objs = vocab.words("contest", "figurative_objects")
    return any(k.deprel == "obj" and k.lemma.lower() in objs for k in kids)


def _called(tok, toks):
    """The one a wrongdoer noun is said of by a verb of naming ("called Trump a pathological
    liar", "branded the mayor a crook"): the verb's other object, when the noun is its second
    object or its predicate (``xcomp``)."""
    if tok.deprel not in ("obj", "xcomp"):
        return None
    head = next((h for h in toks if h.id == tok.head), None)
    if head is None or head.lemma.lower() not in vocab.words("contest", "naming_verbs"):
        return None
    return next((k for k in toks if k.head == head.id and k.deprel in ("obj", "iobj") and k.id != tok.id
                 and k.id < tok.id), None)


def stated_charges(ctx: Context) -> list[tuple[Attribution, str, Span]]:
    """Statements that charge an identified party with wrongdoing in what they say: "Clinton
    lied about the emails," Trump said; Sanders said Acme had defrauded its customers; "Jones is
    a crook."  The party is the named subject of the verb of wrongdoing (or the definite
    description of an organisation or role: "the police union"); a pronoun is never guessed at.
    Not: a negated, hedged (`could have`), conditional or questioned wrongdoing, the speaker's
    own ("I lied"), one in a headline, one a denial takes ("denied that the state had hidden ...")."""
    return ctx.memo("accusations.stated", ctx, lambda: _stated_charges(ctx))


def _stated_charges(ctx: Context) -> list[tuple[Attribution, str, Span]]:
    out = []
    if not ctx.sentences:
        return out
    for a in ctx.attributions:
        if a.negated or a.speaker is None or not a.content or ctx.in_headline(a) \
                or not ctx.states(a) or "accuse" in ctx.cue_classes(a) and not ctx.cue_classes(a) & {"speech", "writing"}:
            continue
        if "deny" in ctx.cue_classes(a):
            continue   # what a denial takes is denied, not charged: "Hale denied that the state had hidden ..."
        own = variants(ctx, a)
        found = None
        for c in a.content:
            si = ctx.sentence_index_at(c.start)
            if si is None:
                continue
            sent = ctx.sentences[si]
            for t in sent.tokens:
                if c.start <= t.start and t.end <= c.end:
                    found = charged_party(ctx, sent, t, own)
                    if found and _reported_within(ctx, sent, t, a):
                        found = None   # someone else's charge that the source reports
                    if found:
                        break
            if found:
                break
        if found:
            out.append((a, *found))
    return out


def _reported_within(ctx: Context, sent, t, a: Attribution) -> bool:
    """The wrong at ``t`` is charged under a cue verb of its own inside the attribution's
    content ("court filings revealed that he has sought damages from Nunberg, alleging that the
    consultant violated ..., according to a document"): that cue's subject charges it, not the
    attribution's source."""
    from ..vocab import load_lexicon

    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon()
    by_id = {k.id: k for k in sent.tokens}
    cue = a.cue
    h = by_id.get(t.head)
    seen = 0
    while h is not None and seen < 20:
        if cue is not None and cue.start <= h.start < cue.end:
            return False
        if h.upos == "VERB" and lexicon.cue_classes(h.lemma.lower()) & {"speech", "writing", "accuse"}:
            return True
        h = by_id.get(h.head)
        seen += 1
    return False


def charged_party(ctx: Context, sent, t, own: set[str] = frozenset()) -> tuple[str, Span] | None:
    """The identified party that token ``t`` of ``sent`` charges with wrongdoing, as its
    subject ("Clinton lied", "the police union inflated ...", "called Trump a liar"), or none:
    not a wrong asserted (negated, hedged, conditional), no identified subject, or a subject in
    ``own`` (the speaker's own side)."""
    toks = sent.tokens
    kids = [k for k in toks if k.head == t.id]
    if not _wrong_predicate(t, kids, toks):
        return _wrong_deed(ctx, sent, t, kids, own) if t.upos == "NOUN" else None
    # "not only cheated ... but": a contrast, not a negation
    words = {k.text.lower() for k in kids
             if not (k.text.lower() == "not" and k.id < len(toks) and toks[k.id].text.lower() in ("only", "just", "merely"))}
    if words & set(vocab.words("contest", "modals")) or words & {"not", "never", "n't", "no"} or \
            any(k.deprel == "mark" and k.lemma.lower() in ("if", "whether", "unless") for k in kids):
        return None
    # the subject nearest before the verb ("The implication ... is that Clinton cheated": the
    # parser may hang both on the verb)
    subjs = [k for k in kids if k.deprel in ("nsubj", "nsubj:pass")]
    subj = max((k for k in subjs if k.id < t.id), key=lambda k: k.id, default=None) \
        or (subjs[0] if subjs else None)
    head = next((h for h in toks if h.id == t.head), None)
    if subj is None and t.deprel == "conj" and head is not None:   # "beat them and stole their money"
        subj = next((k for k in toks if k.head == head.id and k.deprel == "nsubj"), None)
    if subj is None and head is not None and any(k.lemma.lower() == "to" and k.deprel == "mark" for k in kids) \
            and (t.deprel == "advcl" or t.deprel == "xcomp" and head.lemma.lower() in ("try", "attempt", "seek")) \
            and ("Tense=Past" in head.feats or "VerbForm=Part" in head.feats):
        # ... when that was done ("had slanted ... to deceive"), not wanted ("wants ... to murder us")
        # "slanted its summaries to deceive the judge": the subject of the one who acts
        subj = next((k for k in toks if k.head == head.id and k.deprel == "nsubj"), None)
    if subj is None:
        # "called him a pathological liar", "called Trump a 'pathological liar'": the one called so
        subj = _called(t, toks)
    if subj is None:
        return None
    if subj.upos == "PRON" and subj.text.lower() in ("he", "she", "him", "her"):
        # "She lies like crazy," Trump said: the one woman named in this paragraph or the one
        # before, if only one
        return _pronoun_person(ctx, None, subj.text.lower(), own, end=subj.start, back=1)
    if subj.upos not in ("PROPN", "NOUN"):
        return None
    party = _subject_party(ctx, sent, subj, own)
    if party is not None and t.upos == "NOUN" and t.lemma.lower() in vocab.words("contest", "thing_wrongdoers"):
        if a_person(ctx, party[0]):
            return None   # "Trump is a fraud": a phony, an insult; "Trump University is a fraud" charges fraud
    return party


def a_person(ctx: Context, name: str) -> bool:
    """``name`` is a person's, as resolve decided: a person speaking in the article goes by it
    (the speakers' kinds), or the article gives it with a first name or an honorific ("Frank
    Hale", "Mr. Hale": ``Resolved.person_names``)."""
    last = name.split()[-1] if name.split() else ""
    if not last[:1].isupper():
        return False
    if any(sp.kind.value == "person" and sp.name.split() and sp.name.split()[-1].lower() == last.lower()
           for sp in ctx.resolved.speakers):
        return True
    return last in ctx.resolved.person_names


def _names_wrong_deed(ctx: Context, t, kids) -> bool:
    """``t`` is a noun of a wrong done ([contest] wrong_nouns): its lemma, or a phrase over it
    and its modifiers ("Pay-to-Play operation", which the parser splits)."""
    nouns = vocab.words("contest", "wrong_nouns")
    if t.lemma.lower() in nouns or t.text.lower() in nouns:
        return True
    mods = [k for k in kids if k.deprel in ("compound", "amod") and k.id < t.id]
    if not mods:
        return False
    # a modifier's own modifiers ("chemical" of "chemical weapons attacks", which the parser hangs
    # on "weapons")
    ids = {k.id for k in mods}
    for k in ctx.sentences[ctx.sentence_index_at(t.start)].tokens:
        if k.head in ids and k.deprel in ("compound", "amod") and k.id < t.id:
            mods.append(k)
    text = re.sub(r"\s*-\s*", "-", " ".join(ctx.text[min(k.start for k in mods):t.end].lower().split()))
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in nouns if " " in w or "-" in w)


def _wrong_deed(ctx: Context, sent, t, kids, own: set[str]) -> tuple[str, Span] | None:
    """The party a noun of a wrong done is said of: its owner ("Clinton's lies", "the
    mayor's cover-up"), or the subject of a verb of doing whose object it is ("Jones committed
    perjury", "The Clintons made the State Department into the same kind of pay-to-play
    operation"); not a wrong hedged ("Clinton's alleged lies"), denied ("no fraud") or under
    a negated or modal verb."""
    toks = sent.tokens
    if not _names_wrong_deed(ctx, t, kids):
        return None
    if any(k.text.lower() in vocab.words("contest", "deed_hedges") or k.lemma.lower() == "no" for k in kids):
        return None
    # (the parser may hang a possessive pronoun on the noun as its subject: "about her lies")
    owner = next((k for k in kids if k.deprel == "nmod:poss"
                  or k.upos == "PRON" and "Poss=Yes" in (k.feats or "") and k.id < t.id), None)
    if owner is not None:
        if owner.upos == "PRON":
            # "her lies": the one woman named in this paragraph or the one before, if only one
            # (as for a pronoun subject); "their", "its": whose, a guess
            if owner.text.lower() not in ("his", "her"):
                return None
            return _pronoun_person(ctx, None, owner.text.lower(), own, end=owner.start, back=1)
        return _subject_party(ctx, sent, owner, own) if owner.upos in ("PROPN", "NOUN") else None
    # up the chain "kind of ... operation" to the verb's object or oblique
    n = t
    by_id = {k.id: k for k in toks}
    while n.deprel == "nmod" and any(k.head == n.id and k.lemma.lower() == "of" for k in toks) \
            and n.head in by_id:
        n = by_id[n.head]
    verb = by_id.get(n.head)
    if verb is None or verb.upos != "VERB" or verb.lemma.lower() not in vocab.words("contest", "deed_verbs"):
        return None
    case = next((k.lemma.lower() for k in toks if k.head == n.id and k.deprel == "case"), None)
    if not (n.deprel == "obj" or n.deprel == "obl" and case in ("into", "in")):
        return None
    vkids = [k for k in toks if k.head == verb.id]
    words = {k.text.lower() for k in vkids}
    if words & set(vocab.words("contest", "modals")) or words & {"not", "never", "n't"} or \
            any(k.deprel == "mark" and k.lemma.lower() in ("if", "whether", "unless") for k in vkids):
        return None
    subj = next((k for k in vkids if k.deprel == "nsubj"), None)
    if subj is None or subj.upos not in ("PROPN", "NOUN"):
        return None
    return _subject_party(ctx, sent, subj, own)


def _subject_party(ctx: Context, sent, subj, own: set[str]) -> tuple[str, Span] | None:
    """The party a subject word names: its proper-noun run ("Hillary Clinton", "Acme
    Logistics"), or a definite description of an organisation or role ("the police union")."""
    toks = sent.tokens
    if subj.upos == "PROPN":
        # the name with its titles and parts ("Mayor Tom Reyes"), not a relative clause or apposition
        run = [subj]
        for k in toks:   # in order: a flat name chains ("Mayor" <- "Tom" <- "Reyes")
            if k.deprel in ("compound", "flat", "flat:name") and any(k.head == r.id for r in run):
                run.append(k)
        span = Span(min(k.start for k in run), max(k.end for k in run))
        parties = _proper_runs(ctx, sent, span, own)
        return parties[0] if len(parties) == 1 else None
    dets = [k for k in toks if k.head == subj.id and k.deprel == "det"]
    if len(dets) != 1 or dets[0].lemma.lower() != "the":
        return None
    mods = [k for k in toks if k.head == subj.id and k.deprel in ("compound", "amod", "nmod:poss")]
    first = min([dets[0], *mods], key=lambda k: k.id)
    span = Span(first.start, subj.end)
    desc = " ".join(ctx.text[span.start:span.end].split())
    if len(desc.split()) <= 5 and _stands_for_a_party(desc) and desc.lower() not in own:
        return desc, span
    return None
