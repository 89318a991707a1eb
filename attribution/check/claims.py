"""Shared reasoning for contested-claim and one-sided: who accuses whom, who denies what.

Evidence is combined from cue classes (``accuse`` / ``deny``), what the denial's
object refers to ("denied Russian accusations" -> Russia), who the accusation
targets ("accused the SDF" -> an SDF commander) and content overlap (rapidfuzz).

The words and sides of a claim are in :mod:`.claim_words`, accusations in :mod:`.accusations`,
contradictions of the same content in :mod:`.contradictions`,
rejections in :mod:`.rejections`; this module pairs them into disputes and re-exports what the
rules use (``claims.charges``, ``claims.side_name``, ...).
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..model import Attribution
from . import vocab
from .context import Context, mentions
from .claim_words import (  # noqa: F401  (re-exported)
    _after_cue, _same_camp_sides, _stem, content_words, cue_lemma, lemma_in, link, negations, overlap,
    party_variants, same_camp, side_key, side_name, variants,
)
from .accusations import accused_parties, charges  # noqa: F401  (re-exported)
from .stated import charged_party, stated_charges  # noqa: F401  (re-exported)
from .rejections import _refers_back, _rejection_words, named_claim, rebuttal_only, rejections
from .framed import framed_claim
from .contradictions import _contradictions, _normative


# ---------------------------------------------------------------- disputes

class Dispute(NamedTuple):
    """One dispute: the claims on one side, the rejections of them on the other."""

    claims: tuple[Attribution, ...]
    rejections: tuple[Attribution, ...]
    # the claim's holder when the rejection itself reports the claim and no attribution of
    # the article does ("rebutted Exxon's accusation that ..."): then ``claims`` is empty
    holder: str = ""


def _may_link(ctx: Context, rej: Attribution, others: list[Attribution], back: bool) -> set[int]:
    """The claims among ``others`` (by ``id``) for which :func:`link` can give a reason that
    :func:`rejected_claims` uses: two or more content words shared with ``rej`` (else no
    content overlap), an accusation or, for a plain denial, a claim of the three sentences
    before it (``denier-is-accused``), or, when ``rej`` refers back, an
    earlier claim whose side ``rej``'s words name (``refers-to-accuser``).  The rest are
    skipped without changing the result: this keeps the check from comparing every pair."""
    words = set(content_words(ctx, rej))
    out = {id(c) for c in others if len(words.intersection(content_words(ctx, c))) >= 2}
    start = ctx.hull(rej).start
    named: dict[frozenset, bool] = {}
    # a plain denial may answer a statement about its source just before it (``denier-is-accused``)
    near = ctx.attr_sentence(rej) - 3 if _plain_denial(ctx, rej) else None
    for c in others:
        if id(c) in out:
            continue
        if "accuse" in ctx.cue_classes(c) or near is not None and ctx.attr_sentence(c) >= near:
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


def rejected_claims(ctx: Context, rej: Attribution, pool: list[Attribution],
                    rejs: list[Attribution] = ()) -> list[Attribution]:
    """The claims of another source that ``rej`` rejects, or none when the evidence is weak.

    A claim is rejected when the rejection repeats its content, when the rejecting source is
    the one the claim accuses ("accused the SDF of ..." / "an SDF commander denied"), or when
    the rejection refers back to a claim by a noun ("the allegations", "those reports",
    "Russian accusations"): then the claims of the source it names, else of the nearest
    earlier named source.  A rejection that names a source but no claim ("disavowed Graham's
    endorsement") disputes nothing.  A rejection naming whose claim it rejects may answer a
    rejection of that party among ``rejs`` ("Clinton said the families were wrong ..." /
    "Smith rejected Clinton's claim"): a denial is a claim too.
    """
    si = ctx.attr_sentence(rej)
    back = _refers_back(ctx, rej)
    others = [c for c in _within(ctx, pool, si - REACH, si + 1)
              if c.id != rej.id and not _same_camp_sides(ctx, c, rej)]
    # a lawyer or spokesman disputes the other side, never the party it speaks for ("Lisa
    # Moreno, a lawyer for Whitfield": Whitfield's testimony is not what she disputes)
    others = [c for c in others if not _speaks_for(ctx, rej, c)]
    if _unresolved_description(ctx, rej):
        # "The candidate also continued to refute ...", the description tied to no one: it may
        # well be the person whose statement it would dispute; rather no link than that one
        others = [c for c in others if ctx.speaker(c) is None or ctx.speaker(c).kind.value != "person"]
    apposed = [c for c in others if _apposed(ctx, c, rej)]
    if apposed:
        # "Clinton has also said that ... - a point that intelligence officials have disputed":
        # the statement the rejecting apposition is attached to, and no other
        return apposed
    holder = named_claim(ctx, rej)
    if holder is not None and rejs:
        start = ctx.hull(rej).start
        # only the named party's own rejections: two sides rejecting the same claim agree
        own = [c for c in rejs if c.id != rej.id and ctx.hull(c).start < start
               and si - REACH <= ctx.attr_sentence(c) and not _same_camp_sides(ctx, c, rej)
               and not _speaks_for(ctx, rej, c) and holds(ctx, c, holder)]
        others = sorted(others + own, key=lambda c: ctx.hull(c).start)
    held = [c for c in others if holds(ctx, c, holder)] if holder is not None else []
    if held:
        # "disputed the prosecution's timeline": the claims of that party, never a statement
        # by another side (the disputer's own client: "Harlan has pleaded not guilty"); a
        # holder the article's sources cannot be matched to ("critics' claims") leaves the
        # other evidence to decide
        others = held
    else:
        holder = None
    near = [c for c in others if ctx.attr_sentence(c) >= si - 3]
    strong, named = [], []
    maybe = _may_link(ctx, rej, others, back)
    for c in others:
        if id(c) not in maybe:  # no reason link() could give would count below
            continue
        reasons = link(ctx, c, rej)
        if "content-overlap" in reasons and (rebuttal_only(ctx, rej) or ctx.attr_sentence(c) > si):
            # (a statement of a later sentence is no claim the rejection answers: "Fiorina's team
            # denied that she would accept new speeches. / Huckabee's campaign said he hasn't
            # accepted any new gigs" share words, and agree)
            reasons = tuple(x for x in reasons if x != "content-overlap")
        if "denier-is-accused" in reasons and _pointed_past(ctx, c, rej):
            reasons = tuple(x for x in reasons if x != "denier-is-accused")
        if "content-overlap" in reasons or ("denier-is-accused" in reasons and (
                _answerable(ctx, c) or ("accuse" in ctx.cue_classes(c) and not _states_claim(ctx, rej)
                                        and not rebuttal_only(ctx, rej))
                or _plain_denial(ctx, rej) and ctx.attr_sentence(c) >= si - 3 and (ctx.states(c) or _belief(ctx, c))
                and ctx.hull(c).start < ctx.hull(rej).start)):
            strong.append(c)
        elif back and "refers-to-accuser" in reasons and ctx.hull(c).start < ctx.hull(rej).start:
            named.append(c)
    if named and not strong:
        # "pushed back on those charges": the pointer points at the nearest of them, not past a
        # statement of another side at an older one
        named = [c for c in named if not _pointed_past(ctx, c, rej)] or named
        # "denied Russian accusations": the accusations among that source's claims, if any;
        # "rejected Clinton's claim", "the department's timeline": those and what the party
        # said last before it
        strong = [c for c in named if "accuse" in ctx.cue_classes(c)] or named
        if holder is not None and not _names_a_charge(ctx, rej):
            last = max(named, key=lambda c: ctx.hull(c).start)
            strong += [c for c in named if ctx.attr_sentence(c) == ctx.attr_sentence(last)
                       and c not in strong]
    if strong:
        return sorted(strong, key=lambda c: ctx.hull(c).start)
    if holder is not None:
        # the named party's earlier claims, its accusations first; none when the party says
        # nothing in the article (the rejection then reports the claim itself)
        start = ctx.hull(rej).start
        earlier = [c for c in others if ctx.hull(c).start < start]
        return sorted([c for c in earlier if "accuse" in ctx.cue_classes(c)] or earlier,
                      key=lambda c: ctx.hull(c).start)
    if back and not _states_claim(ctx, rej):
        # the nearest earlier claim, unless the rejection states the claim itself ("rejected
        # claims that it had misled investors": tied by content, if at all)
        earlier = [c for c in near if c.speaker is not None and ctx.hull(c).start < ctx.hull(rej).start]
        if earlier:
            last = max(earlier, key=lambda c: ctx.hull(c).start)
            # "rejected that idea" answers the statement just before it: when that one is no
            # claim of fact (an opinion, a question), the rejection is not tied to anything
            start = ctx.hull(rej).start
            between = _within(ctx, ctx.attributions, ctx.attr_sentence(last), si)
            # (the last claimant going on is still the claim: "..., he said. 'That was not true'")
            before = [c for c in between if c.id != rej.id and ctx.hull(c).start < start
                      and ctx.hull(c).start > ctx.hull(last).start and c.speaker is not None
                      and not _same_camp_sides(ctx, c, rej) and side_key(ctx, c) != side_key(ctx, last)]
            if before:
                return []
            if _represents_someone(ctx, rej) and ctx.speaker(last) is not None \
                    and ctx.speaker(last).kind.value == "person":
                # "She testified ... Her attorney disputed that account": the attorney of the
                # person just quoted, most likely; rather no link than her own client's words
                return []
            return [c for c in earlier if side_key(ctx, c) == side_key(ctx, last)]
    return []


def _apposed(ctx: Context, claim: Attribution, rej: Attribution) -> bool:
    """``rej`` is a rejection in apposition to ``claim``'s statement, its content (the noun the
    extract stage read off the relative clause: "a point", "claims") right after ``claim``'s
    content in the same sentence, with only a comma or a dash between: "..., a point that
    intelligence officials have disputed", "... - an account that neighbours dispute"."""
    if rej.cue is None or not rej.content or not claim.content \
            or max(s.end for s in rej.content) > rej.cue.start \
            or ctx.attr_sentence(claim) != ctx.attr_sentence(rej):
        return False
    gap = ctx.text[max(s.end for s in claim.content):min(s.start for s in rej.content)]
    return bool(re.fullmatch(r"[\s\"”’']*[,;:—–-]{1,2}\s*", gap))


def _belief(ctx: Context, attr: Attribution) -> bool:
    """``attr`` holds a belief of fact ("who believed the manager was leaking stories"): a claim
    another source can deny, though not said aloud ([contest] belief_cues)."""
    return lemma_in(cue_lemma(ctx, attr), vocab.words("contest", "belief_cues"))


def _unresolved_description(ctx: Context, rej: Attribution) -> bool:
    """``rej``'s source is a definite description of a person ("the candidate", "the former
    senator") that resolve tied to no one (resolve's decision: ``Resolved.unresolved_descriptions``)."""
    return rej.id in ctx.resolved.unresolved_descriptions


def _names_a_charge(ctx: Context, rej: Attribution) -> bool:
    """The first claim noun after ``rej``'s cue names a charge ("denied Russian accusations",
    "rejected the allegations"), not any claim ("rejected Clinton's claim", "her account")."""
    after = ctx.text[rej.cue.end:ctx.hull(rej).end] if rej.cue is not None else ""
    nouns = vocab.words("contest", "claim_nouns")
    for w in re.findall(r"[a-z’']+", after.lower())[:8]:
        if w in nouns and w not in ("it", "them", "they", "those"):
            return w in vocab.words("contest", "accusation_nouns")
    return True


def _answerable(ctx: Context, claim: Attribution) -> bool:
    """``claim`` charges its target with something the target's denial answers on its own
    ("accused the SDF of firing", "the book blames Bob for ..."); criticism ("denounced
    Trump's rhetoric", "attacked Romney") is answered only by a plain denial ("Haskell denied
    it"), never by a rejection that states a claim of its own ("rejected rumors that ...")
    or by a counter-attack ("fired back, attacking Trump for ...")."""
    return "accuse" in ctx.cue_classes(claim) \
        and lemma_in(cue_lemma(ctx, claim), vocab.words("contest", "answerable"))


def _pointed_past(ctx: Context, claim: Attribution, rej: Attribution) -> bool:
    """``rej`` rejects by a bare pointer ("Moreau dismissed that.", "She denied it.") or a
    demonstrative claim noun ("pushed back on those charges") and a statement of a third side stands between ``claim`` and it ("Congressional records show
    ...", "Party leaders are said to have urged him ..."): the pointer points at the nearer
    statement, not at an older charge against the same party."""
    if not re.fullmatch(r"\W*(?:that|this|it|them|those)\W*", ctx.content_text(rej), re.I) \
            and not _demonstrative_object(ctx, rej):
        return False
    lo, hi = ctx.hull(claim).end, ctx.hull(rej).start
    mine = side_key(ctx, claim)
    for a in _within(ctx, ctx.attributions, ctx.attr_sentence(claim), ctx.attr_sentence(rej)):
        if a.id in (claim.id, rej.id) or not lo <= ctx.hull(a).start < hi:
            continue
        side = side_key(ctx, a)
        if side is None or side != mine and not _same_camp_sides(ctx, a, rej) \
                and not _same_camp_sides(ctx, a, claim):
            return True
    return False


# a rejection's object that points at the statement just made: "pushed back on those charges",
# "disputed that figure", "rejected these claims" (the noun one of [contest] claim_nouns); a
# determiner after "that" makes it a complementizer ("denied that the charges were true")
_DEMONSTRATIVE = re.compile(r"\s*(?:back\s+)?(?:(?:on|at|against|over)\s+)?(?:that|this|those|these)\s+"
                            r"(?!(?:the|a|an|his|her|its|their|our|my|your)\s)"
                            r"(?P<np>(?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def _demonstrative_object(ctx: Context, rej: Attribution) -> bool:
    """``rej``'s object is a demonstrative and a claim noun: "those charges", "that figure"."""
    return rej.cue is not None and _points_at_claim(ctx.text[rej.cue.end:ctx.hull(rej).end])


def _points_at_claim(after_cue: str) -> bool:
    """The words after a rejection's cue open with a demonstrative and a claim noun."""
    m = _DEMONSTRATIVE.match(after_cue)
    return bool(m) and any(w in vocab.words("contest", "claim_nouns") for w in m.group("np").lower().split())


def _plain_denial(ctx: Context, rej: Attribution) -> bool:
    """``rej`` denies with a verb that takes a claim and states none of its own ("Jensen has
    denied wrongdoing", "Rebel commanders denied it"): said by the party a nearby statement is
    about ("Prosecutors said Jensen wired the money ..."), it answers that statement."""
    return lemma_in(cue_lemma(ctx, rej), vocab.words("contest", "claim_taking")) \
        and "deny" in ctx.cue_classes(rej) and not _states_claim(ctx, rej)


def _speaks_for(ctx: Context, rej: Attribution, claim: Attribution) -> bool:
    """``rej``'s source is described as speaking for ``claim``'s side: "a lawyer for
    Whitfield", "Whitfield's attorney", a speaker whose affiliation names that side."""
    sp = ctx.speaker(rej)
    text = " ".join(filter(None, (ctx.span_text(rej.source) if rej.source else "",
                                  sp.affiliation if sp is not None else "")))
    # the names in the description other than the representative's own ("Lisa Moreno"):
    # titles and role nouns ("attorney") are not a party
    own = {w.lower() for w in (sp.name if sp is not None else "").split()}
    names = [w for w in re.findall(r"[A-Z][\w’'-]+", text) if w.lower() not in own
             and w.lower() not in vocab.words("names", "pronouns")]
    return bool(names) and mentions(" ".join(names), variants(ctx, claim))


def _represents_someone(ctx: Context, rej: Attribution) -> bool:
    """``rej``'s source is someone's representative named by a possessive pronoun: "Her
    attorney, Lisa Moreno", "his lawyer", "their spokesman"."""
    src = ctx.span_text(rej.source) if rej.source else ""
    return bool(re.match(r"\W*(?:his|her|their)\s", src, re.I))


def holds(ctx: Context, claim: Attribution, holder: str) -> bool:
    """``claim`` is said by the party a rejection names as the claim's holder: by name
    ("Exxon's accusation": an Exxon spokesman), by description ("the agency's figures": a
    speaker of the agency), or by its side in a case ("the prosecution's timeline": a
    district attorney; "the defense's account": a defense lawyer; ``rules.toml`` [contest])."""
    sp = ctx.speaker(claim)
    text = " ".join(filter(None, (ctx.span_text(claim.source) if claim.source else "",
                                  *((sp.name, sp.title, sp.role, sp.affiliation) if sp else ()))))
    wanted = party_variants(ctx, holder)
    if wanted & variants(ctx, claim) or mentions(text, wanted):
        return True
    head = holder.lower().split()[-1] if holder.split() else ""
    for side in ("prosecution", "defense"):
        if head in vocab.words("contest", f"{side}_parties") \
                and mentions(text, set(vocab.words("contest", f"{side}_titles"))):
            return True
    return False


_CLAIM_CLAUSE = re.compile(r"^\W*(?:\w+ly\s+)?(?:(?:the|any|all|these|those|such)\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)"
                           r"\s+(?:that|of\s+\w+ing)\s", re.I)


def _states_claim(ctx: Context, rej: Attribution) -> bool:
    """The rejection's object is a claim noun with its own content clause ("rejected claims
    that it had misled investors", "denied allegations of hiding losses"): it says what it
    rejects instead of pointing back at an earlier statement."""
    if rej.cue is None:
        return False
    m = _CLAIM_CLAUSE.match(ctx.text[rej.cue.end:ctx.hull(rej).end + 1])
    return bool(m) and m.group("noun").lower() in vocab.words("contest", "claim_nouns")


def disputes(ctx: Context) -> list[Dispute]:
    """Every dispute in the document, each once: rejections linked to the claims they reject,
    joined when they share a claim or a rejection."""
    rejs = rejections(ctx)
    rej_ids = {r.id for r in rejs}
    # what ought to be done is an opinion, not a claim of fact: rejecting it is no dispute; a
    # belief is a claim ("who believed the manager was leaking stories" / "he denied it")
    pool = [a for a in ctx.attributions if a.id not in rej_ids and not a.negated
            and not ctx.in_headline(a) and (ctx.cue_classes(a) & {"speech", "writing", "loaded",
                                                                     "accuse", "warn"} or _belief(ctx, a))
            and not _normative(ctx, a)
            and not lemma_in(cue_lemma(ctx, a), vocab.words("contest", "proposal_cues"))]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = [(c, r) for r in rejs for c in rejected_claims(ctx, r, pool, rejs)] + _contradictions(ctx)
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
        holder = named_claim(ctx, r) or framed_claim(ctx, r)   # framed: "a report by Politico that ..."
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
