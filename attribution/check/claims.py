"""Shared reasoning for contested-claim and one-sided: who accuses whom, who denies what.

Evidence is combined from cue classes (``accuse`` / ``deny``), what the denial's
object refers to ("denied Russian accusations" -> Russia), who the accusation
targets ("accused the SDF" -> an SDF commander) and content overlap (rapidfuzz).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Attribution, Span
from . import vocab
from .context import Context, mentions

_NEG = re.compile(r"(?<![\w-])(?:not|no|never|n't|none|nobody|nothing|neither|nor)(?![\w-])", re.I)
_STOP = frozenset("""a an the of on in at to for from by with and or but that this these those is
are was were be been being has have had do does did will would can could should may might
it its their his her he she they we i you our your them him not no as than then there said
say says""".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december today""".split())


class Link(NamedTuple):
    accusation: Attribution
    denial: Attribution
    reasons: tuple[str, ...]


def lemma_in(word: str, lemmas: frozenset[str]) -> bool:
    """``word`` (a lemma or an inflected form) is one of ``lemmas`` (crude de-inflection)."""
    w = word.lower()
    cands = {w}
    for suf, rep in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                     ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            cands.add(w[: -len(suf)] + rep)
    return bool(cands & lemmas)


def accusations(ctx: Context) -> list[Attribution]:
    strong = vocab.words("contest", "accuse")
    return [a for a in ctx.attributions if "accuse" in ctx.cue_classes(a) and not a.negated
            and lemma_in(cue_lemma(ctx, a), strong)]


def cue_lemma(ctx: Context, attr: Attribution) -> str:
    if attr.cue_lemma:
        return attr.cue_lemma.lower()
    words = ctx.cue_text(attr).lower().split()
    return words[0] if words else ""


def denials(ctx: Context) -> list[Attribution]:
    weak = vocab.words("cue_classes", "weak_deny")
    return [a for a in ctx.attributions if "deny" in ctx.cue_classes(a) and not a.negated
            and cue_lemma(ctx, a) not in weak]


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
    sp = ctx.speaker(attr)
    out = ctx.name_variants(sp) if sp is not None else set()
    src = ctx.span_text(attr.source).strip()
    if src and src.lower() not in vocab.words("names", "pronouns"):
        from ..model import Mention, Speaker

        out |= ctx.name_variants(Speaker(id="_", name=src, kind="organization",
                                         mentions=(Mention(src, 0, 0),)))
    return out


def _after_cue(ctx: Context, attr: Attribution) -> str:
    """The text from the cue to the end of the attribution's sentence, without the source."""
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


def overlap(ctx: Context, a: Attribution, b: Attribution) -> float:
    """Content similarity 0..100 (rapidfuzz token-set ratio on content words); 0 unless
    at least two content words are shared."""
    from rapidfuzz import fuzz

    wa, wb = content_words(ctx, a), content_words(ctx, b)
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
    if overlap(ctx, acc, den) >= 60:
        reasons.append("content-overlap")
    return tuple(reasons)


def links(ctx: Context) -> list[Link]:
    out = []
    dens = denials(ctx)
    for acc in accusations(ctx):
        for den in dens:
            r = link(ctx, acc, den)
            if r:
                out.append(Link(acc, den, r))
    return out


def negations(text: str) -> int:
    return len(_NEG.findall(text))


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
    if acc.cue is not None:
        rest = ctx.text[acc.cue.end:sent.end]
        m = _OBJ_END.search(rest)
        if m and len(rest[:m.start()].split()) <= 8:
            windows.append(Span(acc.cue.end, acc.cue.end + m.start()))
    windows.append(acc.content_hull)
    for w in windows:
        parties = _proper_runs(ctx, sent, w, own)
        if parties:
            return parties
    return []


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
    for run in runs:
        name = re.sub(r"['’]s$", "", ctx.text[run[0].start:run[-1].end])
        words = {w.lower() for w in name.split()}
        if name.lower() in own or words & own:
            continue
        if len(run) == 1 and re.search(r"(?:ian|ese|ish|an)$", name) and run[0].upos != "PROPN":
            continue  # "Syrian" alone is a nationality, not a party
        out.append((name, Span(run[0].start, run[-1].end)))
    return out
