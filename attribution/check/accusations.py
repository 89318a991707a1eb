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
    lying, fraud, bribery, beating, a cover-up, ...), or its reason is a duty left undone
    ("criticized X for not disclosing the loans": [contest] omissions).  A cue of attack outside
    [contest] accuse ("slammed", "blasted") is a charge only by its reason ("blasted X for hiding
    the audit").  Political criticism is no charge: "accused Trump of using divisive rhetoric",
    "of being too cozy with Wall Street", "blasted Trump for skipping the debate"."""
    strong = vocab.words("contest", "charge")
    out = []
    listed = {a.id for a in accusations(ctx)}
    for a in ctx.attributions:
        if "accuse" not in ctx.cue_classes(a) or a.negated or _passive_cue(ctx, a):
            continue
        if a.id not in listed:
            # a cue of attack outside [contest] accuse ("slammed", "blasted", "assailed") is a
            # charge only with a reason that is a wrong: "blasted the agency for hiding the
            # report", never "blasted Trump for skipping the debate"
            if _omission(ctx, a) or _for_reason(ctx, a) and _names_a_wrong(ctx, a):
                out.append(a)
            continue
        if _omission(ctx, a):
            out.append(a)
            continue
        if not _names_a_wrong(ctx, a):
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
    # the act itself is the wrong ("for stealing their data"), not a word of its object
    # ("for supporting the 1994 crime bill")
    toks = _reason(ctx, attr, r"(?:not\s+|failing\s+to\s+)?")
    words = _wrong_stems()
    # (a duty left undone is _omission's: both callers have asked it first)
    return any(_stem(t.lemma.lower()) in words or _stem(t.text.lower()) in words for t in toks)


def _omission(ctx: Context, attr: Attribution) -> bool:
    """A cue of criticism whose reason is a duty left undone ([contest] omissions): "knocked
    Cruz for not reporting loans", "faulted the agency for failing to disclose the audit"."""
    toks = _reason(ctx, attr, r"(?:not|never|failing\s+to)\s+")
    return any((t.lemma or "").lower() in vocab.words("contest", "omissions") for t in toks)


def _reason(ctx: Context, attr: Attribution, lead: str) -> list:
    """The tokens of the first word of a cue's reason ("criticized X for <word>", "over
    <word>"), after ``lead`` (a pattern: "not", "failing to"); none without a cue or a reason."""
    if attr.cue is None:
        return []
    rest = ctx.text[attr.cue.end:ctx.hull(attr).end + 1]
    m = re.match(rf"\s+(?:[\w.’'-]+\s+){{1,6}}?(?:for|over)\s+{lead}(\w+)", rest)
    return ctx.tokens_in(Span(attr.cue.end + m.start(1), attr.cue.end + m.end(1))) if m else []


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
