"""Shared reasoning for contested-claim and one-sided: who accuses whom, who denies what.

Evidence is combined from cue classes (``accuse`` / ``deny``), what the denial's
object refers to ("denied Russian accusations" -> Russia), who the accusation
targets ("accused the SDF" -> an SDF commander) and content overlap (rapidfuzz).
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..model import Attribution, Span
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


def charges(ctx: Context) -> list[Attribution]:
    """The accusations that charge specific wrongdoing ("accused X of", "alleged that",
    "charged X with"), not criticism ("blamed", "condemned", "decried")."""
    strong = vocab.words("contest", "charge")
    return [a for a in accusations(ctx) if lemma_in(cue_lemma(ctx, a), strong)
            and not _passive_cue(ctx, a)]


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


def cue_lemma(ctx: Context, attr: Attribution) -> str:
    if attr.cue_lemma:
        return attr.cue_lemma.lower()
    words = ctx.cue_text(attr).lower().split()
    return words[0] if words else ""


def side_key(ctx: Context, attr: Attribution) -> str | None:
    """Who is behind an attribution: the speaker id, else the source text."""
    if attr.speaker:
        return attr.speaker
    src = ctx.span_text(attr.source).strip().lower()
    return f"text:{src}" if src else None


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

        out |= ctx.name_variants(Speaker(id="_", name=src, kind="organization",
                                         mentions=(Mention(src, 0, 0),)))
    return out


def party_variants(ctx: Context, name: str) -> set[str]:
    """Names a named party goes by ("China": "china", "chinese"); a description ("the
    police union") goes by itself only."""
    if not name[:1].isupper():
        return {name.lower()}
    from ..model import Mention, Speaker

    return ctx.name_variants(Speaker(id="_", name=name, kind="organization",
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
    if mentions(_after_cue(ctx, den), variants(ctx, acc)):
        reasons.append("refers-to-accuser")
    if mentions(_after_cue(ctx, acc), variants(ctx, den)):
        reasons.append("denier-is-accused")
    if overlap(ctx, acc, den, rejecting=True) >= 60:
        reasons.append("content-overlap")
    return tuple(reasons)


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


def _pronoun_person(ctx: Context, acc: Attribution, pronoun: str, own: set[str]) -> tuple[str, Span] | None:
    """The person "him" or "her" stands for: the only person named with a first name of that
    gender, or with a title not of the other gender ("Mr. Trump", "Sen. Cole"), in the
    accusation's sentence before the cue; none when there are two or none (a guess would put
    the accusation on the wrong person)."""
    from ..vocab import load_people, norm

    people = load_people()
    firsts = people.female_names if pronoun == "her" else people.male_names
    other = people.female if pronoun == "him" else people.male   # people.toml [gender]: "Mrs.", "Mr."
    honorifics = {h for h in vocab.words("names", "honorifics") if norm(h) not in other}
    si = ctx.attr_sentence(acc)
    for j in (si,):   # the sentence of the accusation only: further back is a guess
        sent = ctx.sentences[j]
        end = acc.cue.start
        found: dict[str, tuple[str, Span]] = {}
        toks = [t for t in sent.tokens if t.end <= end]
        for i, t in enumerate(toks):
            titled = i > 0 and toks[i - 1].text.lower() in honorifics   # "Mr. Trump", "Sen. Cole"
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
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
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
    for t in sent.tokens:
        if not (window.start <= t.start and t.end <= window.end):
            continue
        proper = t.text[:1].isupper() and (t.upos == "PROPN" or (t.id > 1 and t.upos in ("NOUN", "X")))
        if proper and t.text.lower() not in _CALENDAR and t.text.lower() not in _STOP:
            if runs and prev_id == t.id - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
            prev_id = t.id
    out = []
    # a possessor ("Jessup's former chief of staff, Bryce Colton") is not the party when
    # another name follows
    toks = sent.tokens
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
        out.append((name, Span(run[0].start, run[-1].end)))
    return out


# ---------------------------------------------------------------- disputes

class Dispute(NamedTuple):
    """One dispute: the claims on one side, the rejections of them on the other."""

    claims: tuple[Attribution, ...]
    rejections: tuple[Attribution, ...]
    # the claim's holder when the rejection itself reports the claim and no attribution of
    # the article does ("rebutted Exxon's accusation that ..."): then ``claims`` is empty
    holder: str = ""


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
        elif classes & {"speech", "writing", "loaded", "deny"} and (_rejection_words(ctx, a)
                                                                     or _called_false(ctx, a)):
            out.append(a)
    return out


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
    after = _after_cue(ctx, rej)[len(ctx.cue_text(rej)):]
    words = re.findall(r"[\w’'-]+|[^\w\s]", after.lower())
    while words and _ADVERB.match(words[0]):
        words = words[1:]
    if not words:
        return False
    nouns = vocab.words("contest", "claim_nouns")
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
            toks = ctx.tokens_in(Span(span.start + m.start(), span.start + m.end()))
            t = toks[-1] if toks else None
            if t is not None and t.deprel == "amod" and t.head:
                sent = ctx.sentences[ctx.sentence_index_at(t.start)]
                head = next((h for h in sent.tokens if h.id == t.head), None)
                if head is not None and (head.lemma or head.text).lower() not in nouns \
                        and head.text.lower() not in nouns:
                    continue
            return True
    return False


def _refers_back(ctx: Context, rej: Attribution) -> bool:
    """The rejection names what it rejects by a noun or pronoun ("denied the allegations",
    "Those reports are false", "disputed that account") in its first words."""
    nouns = vocab.words("contest", "claim_nouns")
    after = ctx.text[rej.cue.end:ctx.hull(rej).end] if rej.cue is not None else ""
    for text in (after, ctx.content_text(rej), _called_false(ctx, rej)):
        head = re.findall(r"[a-z’']+", text.lower())[:6]
        if any(w in nouns for w in head):
            return True
    # a demonstrative subject: "That is not true," "This never happened"
    return bool(re.match(r"^\W*(?:that|this|it)(?:\s+(?:is|was|'s|’s)|\s+never|\s+did)\b",
                         ctx.content_text(rej), re.I))


def same_camp(ctx: Context, a: Attribution, b: Attribution) -> bool:
    """Same speaker, or one speaks for the other ("Gina Castell, Pinecrest's vice president"
    and "a company spokesman" for Pinecrest): the two cannot dispute each other."""
    ka, kb = side_key(ctx, a), side_key(ctx, b)
    if ka is None or kb is None or ka == kb:
        return True
    sa, sb = ctx.speaker(a), ctx.speaker(b)
    if sa is not None and sb is not None and sa.affiliation and sb.affiliation:
        va, vb = ctx.name_variants(sa), ctx.name_variants(sb)
        if mentions(sa.affiliation, vb - {sb.name.lower()}) or mentions(sb.affiliation, va - {sa.name.lower()}):
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


def _may_link(ctx: Context, rej: Attribution, others: list[Attribution], back: bool) -> set[int]:
    """The claims among ``others`` (by ``id``) for which :func:`link` can give a reason that
    :func:`rejected_claims` uses: two or more content words shared with ``rej`` (else no
    content overlap), an accusation (``denier-is-accused``), or, when ``rej`` refers back, an
    earlier claim whose side ``rej``'s words name (``refers-to-accuser``).  The rest are
    skipped without changing the result: this keeps the check from comparing every pair."""
    words = set(content_words(ctx, rej))
    out = {id(c) for c in others if len(words.intersection(content_words(ctx, c))) >= 2}
    start = ctx.hull(rej).start
    named: dict[frozenset, bool] = {}
    for c in others:
        if id(c) in out:
            continue
        if "accuse" in ctx.cue_classes(c):
            out.add(id(c))
        elif back and ctx.hull(c).start < start:
            v = frozenset(variants(ctx, c))
            if v not in named:
                named[v] = mentions(_after_cue(ctx, rej), set(v))
            if named[v]:
                out.add(id(c))
    return out


# how many sentences back a rejection may answer a claim (a news story runs 20-80 sentences;
# the bound keeps a long document linear: issue 16, point 10)
REACH = 80


def _within(ctx: Context, pool: list[Attribution], first: int, last: int) -> list[Attribution]:
    """The claims of ``pool`` whose sentence is ``first``..``last``, in pool order (by a
    sentence index of the pool, so that a long document is not scanned once per rejection)."""
    keys = ctx.memo("claims.by_sentence", pool,
                    lambda: sorted((ctx.attr_sentence(c), n) for n, c in enumerate(pool)))
    lo, hi = bisect.bisect_left(keys, (first, -1)), bisect.bisect_left(keys, (last + 1, -1))
    return [pool[n] for n in sorted(n for _, n in keys[lo:hi])]


def rejected_claims(ctx: Context, rej: Attribution, pool: list[Attribution]) -> list[Attribution]:
    """The claims of another source that ``rej`` rejects, or none when the evidence is weak.

    A claim is rejected when the rejection repeats its content, when the rejecting source is
    the one the claim accuses ("accused the SDF of ..." / "an SDF commander denied"), or when
    the rejection refers back to a claim by a noun ("the allegations", "those reports",
    "Russian accusations"): then the claims of the source it names, else of the nearest
    earlier named source.  A rejection that names a source but no claim ("disavowed Graham's
    endorsement") disputes nothing.
    """
    si = ctx.attr_sentence(rej)
    back = _refers_back(ctx, rej)
    others = [c for c in _within(ctx, pool, si - REACH, si + 1)
              if c.id != rej.id and not _same_camp_sides(ctx, c, rej)]
    near = [c for c in others if ctx.attr_sentence(c) >= si - 3]
    strong, named = [], []
    maybe = _may_link(ctx, rej, others, back)
    for c in others:
        if id(c) not in maybe:  # no reason link() could give would count below
            continue
        reasons = link(ctx, c, rej)
        if "content-overlap" in reasons or ("denier-is-accused" in reasons and "accuse" in ctx.cue_classes(c)):
            strong.append(c)
        elif back and "refers-to-accuser" in reasons and ctx.hull(c).start < ctx.hull(rej).start:
            named.append(c)
    if named and not strong:
        # "denied Russian accusations": the accusations among that source's claims, if any
        strong = [c for c in named if "accuse" in ctx.cue_classes(c)] or named
    if strong:
        return sorted(strong, key=lambda c: ctx.hull(c).start)
    if back:
        earlier = [c for c in near if c.speaker is not None and ctx.hull(c).start < ctx.hull(rej).start]
        if earlier:
            last = max(earlier, key=lambda c: ctx.hull(c).start)
            # "rejected that idea" answers the statement just before it: when that one is no
            # claim of fact (an opinion, a question), the rejection is not tied to anything
            start = ctx.hull(rej).start
            between = _within(ctx, ctx.attributions, ctx.attr_sentence(last), si)
            before = [c for c in between if c.id != rej.id and ctx.hull(c).start < start
                      and ctx.hull(c).start > ctx.hull(last).start and c.speaker is not None
                      and not _same_camp_sides(ctx, c, rej)]
            if before:
                return []
            return [c for c in earlier if side_key(ctx, c) == side_key(ctx, last)]
    return []


def disputes(ctx: Context) -> list[Dispute]:
    """Every dispute in the document, each once: rejections linked to the claims they reject,
    joined when they share a claim or a rejection."""
    rejs = rejections(ctx)
    rej_ids = {r.id for r in rejs}
    # what ought to be done is an opinion, not a claim of fact: rejecting it is no dispute
    pool = [a for a in ctx.attributions if a.id not in rej_ids and not a.negated
            and not ctx.in_headline(a) and ctx.cue_classes(a) & {"speech", "writing", "loaded",
                                                                    "accuse", "warn"}
            and not _NORMATIVE.search(ctx.content_text(a))]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = [(c, r) for r in rejs for c in rejected_claims(ctx, r, pool)] + _contradictions(ctx)
    for c, r in pairs:
        parent[find(c.id)] = find(r.id)
    groups: dict[str, tuple[list, list]] = {}
    members: set[tuple[str, int, str]] = set()  # (group, side, attribution id): not a list scan
    for c, r in pairs:
        root = find(r.id)
        g = groups.setdefault(root, ([], []))
        for side, a in ((0, c), (1, r)):
            if (root, side, a.id) not in members:
                members.add((root, side, a.id))
                g[side].append(a)
    key = lambda a: ctx.hull(a).start
    out = [Dispute(tuple(sorted(cs, key=key)), tuple(sorted(rs, key=key))) for cs, rs in groups.values()]
    # a rejection that reports the claim it rejects and whose holder says nothing else the
    # rejection could be tied to: "The university rebutted Exxon's accusation that ..."
    linked = {r.id for _, r in pairs} | {c.id for c, _ in pairs}
    named: list[tuple[str, set[str], list[Attribution]]] = []
    for r in rejs:
        if r.id in linked:
            continue
        holder = named_claim(ctx, r)
        if holder is None or not (lemma_in(cue_lemma(ctx, r), vocab.words("contest", "claim_taking") | {"reject"})
                                  or _rejection_words(ctx, r)):
            continue   # "dismissed a report in Politico": waved aside, not said to be untrue
        words = {w.lower() for w in re.findall(r"[A-Z][\w’'-]+", holder)} or {holder.lower()}
        for _, ws, rs in named:
            if ws & words:   # "Exxon's accusation" and "accusations by Exxon Mobil": one dispute
                rs.append(r)
                break
        else:
            named.append((holder, words, [r]))
    out += [Dispute((), tuple(sorted(rs, key=key)), holder) for holder, _, rs in named]
    return sorted(out, key=lambda d: min(ctx.hull(a).start for a in (*d.claims, *d.rejections)))


_HOLDER = r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w.&’'-]*\s+){0,5}[A-Z][\w.&-]*|the\s+(?:\w+\s+){0,2}\w+"


def named_claim(ctx: Context, rej: Attribution) -> str | None:
    """Whose claim a rejection reports in its own words, when it names one other than the
    rejecting side: "rejected Trump's claim", "rebutted Exxon's accusation that ...",
    "disputed accusations by Exxon Mobil", "rejected criticism from Donald Trump that ...",
    "disputed the prosecution's timeline".  None when it names no holder."""
    if rej.cue is None:
        return None
    return ctx.memo("claims.named_claim", rej, lambda: _named_claim(ctx, rej))


def _named_claim(ctx: Context, rej: Attribution) -> str | None:
    nouns = vocab.words("contest", "claim_nouns") - vocab.words("names", "pronouns") \
        - {"it", "them", "they", "those", "this", "that", "these"}
    noun = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    after = ctx.text[rej.cue.end:ctx.sentences[ctx.attr_sentence(rej)].end][:200]
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
        elif not re.match(r"(?i)the\s", holder) or len(holder.split()) > 4:
            return None
    holder = re.sub(r"^(?:the|a|an)\s+", "", holder, flags=re.I) if holder[:1].islower() else holder
    if not holder or holder.lower() in vocab.words("names", "pronouns"):
        return None
    own = variants(ctx, rej)
    if holder.lower() in own or {w.lower() for w in holder.split()} & own:
        return None   # "rejected his own account"
    return holder


# what ought to be, not what is: "should be able to", "must go", "need to": an opinion, and
# two sides holding opposite opinions are not a dispute over a fact
_NORMATIVE = re.compile(r"(?<![\w-])(?:should|shouldn[’']t|ought|must|mustn[’']t|needs? to|have to|has to)(?![\w-])", re.I)


def _contradictions(ctx: Context, window: int = 10) -> list[tuple[Attribution, Attribution]]:
    """Two sources asserting the same content with opposite polarity ("the water is safe" /
    "the water is not safe"), within ``window`` sentences of each other: the later one
    rejects the earlier."""
    attrs = [a for a in ctx.attributions if a.speaker and a.content and not ctx.in_headline(a)
             and len(ctx.content_text(a).split()) >= 5 and not _NORMATIVE.search(ctx.content_text(a))]
    words = {a.id: set(content_words(ctx, a)) for a in attrs}
    out = []
    for i, a in enumerate(attrs):
        sa = ctx.attr_sentence(a)
        for b in attrs[i + 1:]:
            if ctx.attr_sentence(b) - sa > window:
                break
            shared = len(words[a.id] & words[b.id])
            # the same statement, one side negated ("the water is safe" / "is not safe"):
            # half the words of the two together are shared
            if shared < 3 or shared < 0.5 * len(words[a.id] | words[b.id]) or same_camp(ctx, a, b):
                continue
            ta, tb = ctx.content_text(a), ctx.content_text(b)
            if (negations(ta) > 0) == (negations(tb) > 0) and a.negated == b.negated:
                continue
            if overlap(ctx, a, b) >= 85:
                out.append((a, b))
    return out
