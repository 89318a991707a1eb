"""Accusations (:mod:`.claims`): the charges and accusations of an article, and the parties an
accusation targets.  Split out of ``claims.py``.
"""
from __future__ import annotations

import re

from ..model import Attribution, Span
from . import vocab
from .context import Context
from .claim_words import _CALENDAR, _STOP, cue_lemma, lemma_in, variants


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
