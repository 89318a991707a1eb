"""Accusations (:mod:`.claims`): the charges and accusations of an article, and the parties an
accusation targets.  Split out of ``claims.py``.
"""
from __future__ import annotations

import re

from ..model import Attribution, Span
from ..vocab import load_lexicon
from . import vocab
from .context import Context
from .claim_words import _CALENDAR, _STOP, _stem, cue_lemma, lemma_in, variants


def charges(ctx: Context) -> list[Attribution]:
    """The accusations that charge specific wrongdoing: a charge cue ("accused X of", "alleged
    that", "charged X with") or a cue of criticism with its reason ("criticized X for stealing
    the data", "blamed X for ..."), when what is charged names a wrong ([contest] wrongs:
    lying, fraud, bribery, beating, a cover-up, ...).  Political criticism is no charge:
    "accused Trump of using divisive rhetoric", "of being too cozy with Wall Street"."""
    strong = vocab.words("contest", "charge")
    out = []
    for a in accusations(ctx):
        if _passive_cue(ctx, a) or not _names_a_wrong(ctx, a):
            continue
        if lemma_in(cue_lemma(ctx, a), strong) or _for_reason(ctx, a):
            out.append(a)
    return out


def _charge_tokens(ctx: Context, attr: Attribution) -> list:
    """The words of what an accusation charges: its content after its cue, in the cue's
    sentence, up to another source or cue ("accused Clinton of ..., she said ...")."""
    start = attr.cue.end if attr.cue is not None else attr.content_hull.start
    si = ctx.sentence_index_at(start if attr.cue is None else attr.cue.start)
    if si is None:
        return []
    end = min(attr.content_hull.end, ctx.sentences[si].end)
    others = sorted(s.start for o in ctx.attributions if o.id != attr.id
                    for s in (o.source, o.cue) if s is not None and start <= s.start < end)
    end = others[0] if others else end
    return [t for t in ctx.tokens_in(Span(start, max(start, end)))
            if any(c.start <= t.start < c.end for c in attr.content)]


def _names_a_wrong(ctx: Context, attr: Attribution) -> bool:
    """What the accusation charges names a specific wrong ([contest] wrongs: a lemma, or a
    phrase of several words), or calls the party a wrongdoer ([contest] wrongdoers)."""
    toks = _charge_tokens(ctx, attr)
    wrongs = vocab.words("contest", "wrongs")
    words = _wrong_stems()
    nouns = vocab.words("contest", "claim_nouns")
    lexicon = ctx.lexicon if ctx.lexicon is not None else load_lexicon()
    for i, t in enumerate(toks):
        if i and t.upos == "VERB" and lexicon.cue_classes(t.lemma.lower()) & {"speech", "cognition"}:
            # "accused Clinton of implying police officers were racist": what she said is charged,
            # the wrong named after it is someone else's
            toks = toks[:i]
            break
        if _stem(t.lemma.lower()) in words or _stem(t.text.lower()) in words:
            # "blamed Clinton for introducing charges of racism": the wrong of someone else's charge
            if not (i >= 2 and toks[i - 1].text.lower() == "of" and toks[i - 2].text.lower() in nouns):
                return True
    if not toks:
        return False
    breaking, rules = vocab.words("contest", "rule_breaking"), vocab.words("contest", "rule_nouns")
    for t in toks:
        # "of breaking the chamber's rules", "flouted ethics laws": a rule broken is a wrong
        if (t.lemma or "").lower() in breaking and any(
                k.head == t.id and k.deprel == "obj" and (k.lemma or k.text).lower() in rules for k in toks):
            return True
    text = " ".join(ctx.text[toks[0].start:toks[-1].end].lower().split())
    text = re.sub(r"\b(?:" + "|".join(map(re.escape, nouns)) + r") of [\w-]+(?: [\w-]+)?", " ", text)
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in wrongs if " " in w or "-" in w)


def _for_reason(ctx: Context, attr: Attribution) -> bool:
    """A cue of criticism with its reason: "criticized Sanders for stealing", "blamed the
    agency for hiding ..."."""
    if attr.cue is None:
        return False
    rest = ctx.text[attr.cue.end:ctx.hull(attr).end + 1]
    m = re.match(r"\s+(?:[\w.’'-]+\s+){1,6}?(?:for|over)\s+(?:not\s+|failing\s+to\s+)?(\w+)", rest)
    if not m:
        return False
    # the act itself is the wrong ("for stealing their data"), not a word of its object
    # ("for supporting the 1994 crime bill")
    toks = ctx.tokens_in(Span(attr.cue.end + m.start(1), attr.cue.end + m.end(1)))
    words = _wrong_stems()
    return any(_stem(t.lemma.lower()) in words or _stem(t.text.lower()) in words for t in toks)


def _wrong_stems() -> set[str]:
    return {_stem(w) for w in (*vocab.words("contest", "wrongs"), *vocab.words("contest", "wrongdoers"),
                               *vocab.words("unsourced", "wrongdoing")) if " " not in w}


def _passive_cue(ctx: Context, attr: Attribution) -> bool:
    """"Lazar was charged in 2014", "who was accused of ...": the source is the accused."""
    if attr.cue is None:
        return False
    before = ctx.text[max(0, attr.cue.start - 25):attr.cue.start].lower()
    cue = ctx.cue_text(attr).lower()
    return bool(re.search(r"(?<![\w-])(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", before)
                or re.match(r"(?:was|were|is|are|been|being|has been|have been|had been)\s", cue))


def accusations(ctx: Context) -> list[Attribution]:
    strong = vocab.words("contest", "accuse")
    return [a for a in ctx.attributions if "accuse" in ctx.cue_classes(a) and not a.negated
            and lemma_in(cue_lemma(ctx, a), strong)]


_OBJ_END = re.compile(r"(?<![\w-])(?:of|for|over|with|in|that|after|as|on)(?![\w-])|[,;:.]")


def accused_parties(ctx: Context, acc: Attribution) -> list[tuple[str, Span]]:
    """Named parties an accusation is aimed at (``accused the SDF of ...`` -> SDF): the
    proper-noun runs of the verb's object ("accused X of"), else of the content; never
    the accuser itself."""
    if not ctx.sentences:
        return []
    sent = ctx.sentences[ctx.attr_sentence(acc)]
    own = variants(ctx, acc)
    windows: list[Span] = []
    has_object = False
    if acc.cue is not None:
        rest = ctx.text[acc.cue.end:sent.end]
        # "accused <party> of <doing>", "charged <party> with <doing>": the whole object,
        # appositions included, relative clauses not ("the audience, which is selected by
        # the Republican National Committee, of ...")
        of = re.search(r"\s+(?:of|for|with)\s+(?:\w+\s+)?\w+ing\b", rest)
        if of and len(rest[:of.start()].split()) <= 14:
            has_object = True
            obj = rest[:of.start()]
            rel = re.search(r",\s*(?:which|who|whom|whose|that|where)\b", obj)
            windows.append(Span(acc.cue.end, acc.cue.end + (rel.start() if rel else of.start())))
        m = _OBJ_END.search(rest)
        if m and len(rest[:m.start()].split()) <= 8:
            windows.append(Span(acc.cue.end, acc.cue.end + m.start()))
    if not has_object:
        # "alleged that Acme hid losses": the party is the subject of what is alleged (not
        # any name in it: "charged that the hearing failed to ... the Sept. 11 attacks");
        # "accused him of ...": the object is the party, and a name elsewhere is not
        toks = [t for t in ctx.tokens_in(acc.content_hull) if t.text.lower() != "that" or t.start > acc.content_hull.start + 5]
        verb = next((t for t in toks if t.upos in ("VERB", "AUX")), None)
        if toks and verb is not None and verb.start > toks[0].start:
            windows.append(Span(toks[0].start, verb.start))
    elif re.fullmatch(r"\s*(?:him|her)\s*", ctx.text[windows[0].start:windows[0].end], re.I):
        # "accused her of ...": the one person of that gender named just before, if only one
        who = _pronoun_person(ctx, acc, ctx.text[windows[0].start:windows[0].end].strip().lower(), own)
        return [(who[0], windows[0])] if who else []
    for w in windows:
        parties = _proper_runs(ctx, sent, w, own)
        if parties:
            return parties
    if windows[:-1]:
        # a definite description: "accused the police union of ...", "the city clerk's office"
        w = windows[0]
        desc = " ".join(ctx.text[w.start:w.end].split()).strip(" ,")
        if re.match(r"(?i)^(?:the|its|his|her|their)\s+\w", desc) and len(desc.split()) <= 6 \
                and _stands_for_a_party(desc):
            return [(desc, w)]
    return []


def _pronoun_person(ctx: Context, acc: Attribution, pronoun: str, own: set[str],
                    end: int | None = None, back: int = 0) -> tuple[str, Span] | None:
    """The person "him" or "her" stands for: the only person named with a first name of that
    gender, or with a title not of the other gender ("Mr. Trump", "Sen. Cole"), in the
    accusation's sentence before ``end`` (its cue by default), or with ``back`` in its paragraph
    and the ``back`` paragraphs before it; none when there are two or none (a guess would put
    the accusation on the wrong person)."""
    from ..vocab import load_people, norm

    pronoun = "her" if pronoun in ("her", "she") else "him"
    people = load_people()
    firsts = people.female_names if pronoun == "her" else people.male_names
    other = people.female if pronoun == "him" else people.male   # people.toml [gender]: "Mrs.", "Mr."
    honorifics = {h for h in vocab.words("names", "honorifics") if norm(h) not in other}
    # the surnames of the article's people: one named by surname alone ("Cruz") may be the one
    # meant as well, whatever the gender of the name found
    surnames = {sp.name.split()[-1].lower() for sp in ctx.resolved.speakers
                if sp.kind.value == "person" and sp.name.split()} if back else set()
    si = ctx.sentence_index_at(end) if end is not None else ctx.attr_sentence(acc)
    end = end if end is not None else acc.cue.start
    if si is None:
        return None
    found: dict[str, tuple[str, Span]] = {}
    unknown: set[str] = set()
    first = si
    block = ctx.sentences[si].block
    while back and first > 0 and ctx.sentences[first - 1].block >= block - back:
        first -= 1
    for j in range(first, si + 1):   # further back than asked is a guess
        sent = ctx.sentences[j]
        toks = [t for t in sent.tokens if t.end <= end]
        for i, t in enumerate(toks):
            titled = i > 0 and toks[i - 1].text.lower() in honorifics   # "Mr. Trump", "Sen. Cole"
            if t.upos == "PROPN" and t.text.lower() in surnames and t.text.lower() not in own \
                    and not (i > 0 and toks[i - 1].upos == "PROPN"):
                unknown.add(t.text.lower())
            if t.upos == "PROPN" and (t.text.lower() in firsts or titled):
                run = [t]
                for u in toks[i + 1:]:
                    if u.upos != "PROPN":
                        break
                    run.append(u)
                name = ctx.text[run[0].start:run[-1].end]
                if name.lower() in own or run[-1].text.lower() in own:
                    continue
                found.setdefault(run[-1].text.lower(), (name, Span(run[0].start, run[-1].end)))
    if len(found) == 1 and not unknown - set(found):
        return next(iter(found.values()))
    return None


def _stands_for_a_party(desc: str) -> bool:
    """A definite description names an identifiable party when its head is an organisation
    ("the police union", "the city clerk's office") or a role ("the sheriff"), as the resolve
    stage's vocabulary knows them; "the audience" or "the plan" is no party."""
    from ..vocab import load_people

    people = load_people()
    head = re.sub(r"['’]s$", "", desc.split()[-1].lower())
    return head in people.org_heads or head in people.org_generic or (head,) in people.roles


def _proper_runs(ctx: Context, sent, window: Span, own: set[str]) -> list[tuple[str, Span]]:
    runs: list[list] = []
    prev_id = None
    toks = sent.tokens
    for t in sent.tokens:
        if not (window.start <= t.start and t.end <= window.end):
            continue
        proper = t.text[:1].isupper() and (t.upos == "PROPN" or (t.id > 1 and t.upos in ("NOUN", "X")))
        # an adjective that begins a name: "Islamic State", "Democratic Party"
        proper = proper or (t.text[:1].isupper() and t.upos == "ADJ" and t.id < len(toks)
                            and toks[t.id].upos == "PROPN" and toks[t.id].text[:1].isupper()
                            and toks[t.id].end <= window.end)
        if proper and t.text.lower() not in _CALENDAR and t.text.lower() not in _STOP:
            if runs and prev_id == t.id - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
            prev_id = t.id
    out = []
    # a possessor ("Jessup's former chief of staff, Bryce Colton") is not the party when
    # another name follows
    owners = [r for r in runs if r[-1].id < len(toks) and toks[r[-1].id].text in ("'s", "’s", "'", "’")]
    if len(owners) < len(runs):
        runs = [r for r in runs if r not in owners]
    for run in runs:
        name = re.sub(r"['’]s$", "", ctx.text[run[0].start:run[-1].end])
        words = {w.lower() for w in name.split()}
        if name.lower() in own or words & own:
            continue
        if len(run) == 1 and re.search(r"(?:ian|ese|ish|an)$", name) and run[0].upos != "PROPN":
            continue  # "Syrian" alone is a nationality, not a party
        if len(run) == 1 and re.search(r"(?:ans|ese)$", name):
            continue  # "the Americans", "Republicans": a people or a camp, not one party
        out.append((name, Span(run[0].start, run[-1].end)))
    return out


# ---------------------------------------------------------------- charges made in a statement

def _wrong_predicate(tok, kids, toks=()) -> bool:
    """``tok`` states wrongdoing: a verb of wrongdoing (``rules.toml`` [unsourced] wrongdoing and
    [contest] wrong_verbs; "lie" of untruth only: "lied about", "lies to voters", not "lies
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
        return lemma in vocab.words("unsourced", "wrongdoing") or lemma in vocab.words("contest", "wrong_verbs")
    if tok.upos == "NOUN":
        return lemma in vocab.words("contest", "wrongdoers") and (
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
    own ("I lied"), one in a headline."""
    return ctx.memo("accusations.stated", ctx, lambda: _stated_charges(ctx))


def _stated_charges(ctx: Context) -> list[tuple[Attribution, str, Span]]:
    out = []
    if not ctx.sentences:
        return out
    for a in ctx.attributions:
        if a.negated or a.speaker is None or not a.content or ctx.in_headline(a) \
                or not ctx.states(a) or "accuse" in ctx.cue_classes(a) and not ctx.cue_classes(a) & {"speech", "writing"}:
            continue
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
                    if found:
                        break
            if found:
                break
        if found:
            out.append((a, *found))
    return out


def charged_party(ctx: Context, sent, t, own: set[str] = frozenset()) -> tuple[str, Span] | None:
    """The identified party that token ``t`` of ``sent`` charges with wrongdoing, as its
    subject ("Clinton lied", "the police union inflated ...", "called Trump a liar"), or none:
    not a wrong asserted (negated, hedged, conditional), no identified subject, or a subject in
    ``own`` (the speaker's own side)."""
    toks = sent.tokens
    kids = [k for k in toks if k.head == t.id]
    if t.upos == "NOUN" and not _wrong_predicate(t, kids, toks):
        return _wrong_deed(ctx, sent, t, kids, own)
    if not _wrong_predicate(t, kids, toks):
        return None
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
    return _subject_party(ctx, sent, subj, own)


def _names_wrong_deed(ctx: Context, t, kids) -> bool:
    """``t`` is a noun of a wrong done ([contest] wrong_nouns): its lemma, or a phrase over it
    and its modifiers ("Pay-to-Play operation", which the parser splits)."""
    nouns = vocab.words("contest", "wrong_nouns")
    if t.lemma.lower() in nouns or t.text.lower() in nouns:
        return True
    mods = [k for k in kids if k.deprel in ("compound", "amod") and k.id < t.id]
    if not mods:
        return False
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
    owner = next((k for k in kids if k.deprel == "nmod:poss"), None)
    if owner is not None:
        if owner.upos == "PRON":
            return None   # "her lies": whose, a guess
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
