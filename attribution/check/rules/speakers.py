"""ATR2xx: speakers and affiliation (who is talking, and can the reader tell?)."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Anonymity, Attribution, Confidence, Severity, SourceKind, Speaker, SpeakerKind
from .. import claims, vocab
from ..context import Context, Hit, source_anonymity, source_plural
from ...resolve.anonymity_context import insider_role, member_named_beside
from ...vocab import load_people
from ..registry import message, rule
from ._people import (
    _NAME_WORD, _by_speaker, _described, _different_people, _name_words, _norm, _reason, _role_holder,
    source_head,
)


def _question(ctx: Context, a: Attribution) -> bool:
    """Asked, not stated: vague-attribution's test (a question's sentence, "whether someone
    ..."), or a cue of asking whose content is a question ('A reporter asked: "Did they ...?"')."""
    from ._vague import _asked

    if _asked(ctx, a):
        return True
    return (a.cue_lemma or "").lower() in ("ask", "wonder") and any(
        "?" in ctx.text[c.start:c.end] for c in a.content)


def _snippet(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


@rule("ATR201", "anonymous-source", Severity.WARNING, needs={"attributions", "speakers"},
      config=("anonymous-allow", "anonymous-allow-requires-reason"),
      messages=('{claims} sourced to an unnamed source ("{source}"); the article gives no '
                "reason for the anonymity",
                '{claims} sourced to an unnamed source ("{source}"); the article gives a '
                'reason for the anonymity: "{reason}"'))
def anonymous_source(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags claims sourced to an unnamed person or group: "a senior official",
    "sources", "critics", "an SDF commander", "people familiar with the matter".
    The message says whether the article gives a reason for the anonymity ("spoke on
    condition of anonymity because ..."); with a reason the finding drops to info.  A bare
    "spoke on condition of anonymity" says no why, and counts as no reason.
    Phrases in the `anonymous-allow` setting are accepted when a reason is given.

    ## Why it matters
    Readers cannot judge a source they cannot identify, so newsroom standards
    allow anonymity only when the information is vital and the reason is stated.
    An unexplained anonymous source is the first thing a standards editor asks about.

    ## Example
    ```text
    A senior official said the talks had collapsed.
    ```

    ## Use instead
    ```text
    Deputy Minister Lena Ortiz said the talks had collapsed.
    ```
    """
    config = ctx.config
    allow = tuple(getattr(config, "anonymous_allow", ()) or ())
    needs_reason = getattr(config, "anonymous_allow_requires_reason", True)
    groups: list[tuple[Speaker | None, list[Attribution]]] = []
    by_sp = _by_speaker(ctx)
    for sp in ctx.resolved.speakers:
        if sp.kind == SpeakerKind.ANONYMOUS and by_sp.get(sp.id):
            groups.append((sp, by_sp[sp.id]))
    for a in ctx.attributions:
        if a.speaker is None and a.source_kind == SourceKind.ANONYMOUS and a.source is not None:
            groups.append((None, [a]))
    for sp, attrs in groups:
        first = min(attrs, key=lambda a: (a.source or ctx.hull(a)).start)
        src_text = ctx.span_text(first.source).strip() or (sp.name if sp else "")
        name = sp.name if sp is not None and sp.name else src_text
        if source_anonymity(sp, src_text) != Anonymity.PERSON:
            continue  # a vague collective: vague-attribution's business ("critics say")
        attrs = [a for a in attrs if ctx.states(a) and not ctx.in_headline(a) and not _question(ctx, a)
                 and a.confidence != Confidence.LOW]
        if not attrs:
            continue  # beliefs and intentions ("officials believe"), questions ("A reporter asked:
            # Did they discuss the wall?") are not sourced claims, and a link resolve doubts
            # ("she" tied to an unnamed description never cited before) is no unnamed source
        if source_plural(sp, src_text):
            # unnamed insiders with a named member speaking right after them, called one of them
            # ("Verizon executives have admitted ... ''We're doing ...,'' chief executive Lowell
            # McAdam said", "Vatican officials emphasized ... the Vatican spokesman, Federico
            # Lombardi, told"): the claim is sourced to the member (bench/gold/GUIDE.md,
            # adjudication), as for a vague collective (resolve.anonymity_context.member_named_beside)
            role = insider_role(load_people(), src_text or name)
            attrs = [a for a in attrs if a.source is None or not member_named_beside(ctx, a.source, a.id, role=role)]
            if not attrs:
                continue
        if sp is None and re.search(r",\s*(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+", src_text):
            continue  # "Another critic, Laurence H. Tribe": named in apposition (resolve decides
            # for a linked source: "A lawyer for the acquaintance ..., Dwayne Keller," is not named)
        attrs = [a for a in attrs if not a.negated and not re.search(r"\bnot\b|n['’]t\b", ctx.cue_text(a))]
        if not attrs:
            continue  # "officials have not said when ...": no claim
        reason = _reason(ctx, sp, attrs)
        label = " ".join(f"{name} {src_text}".lower().split())
        if any(p in label for p in allow) and (reason or not needs_reason):
            continue
        where = first.source or first.cue or ctx.hull(first)
        start = where.start
        if sp is not None and sp.name and src_text.lower() in ("who", "whom", "that"):
            # a relative pronoun as source ("a White House official who spoke anonymously ...
            # said"): the finding starts at the description it stands for, right before it
            window = ctx.text[max(0, where.start - len(sp.name) - 4):where.start]
            at = window.lower().rfind(sp.name.lower())
            if at >= 0 and re.fullmatch(r"[\s,]*", window[at + len(sp.name):]):
                start = where.start - len(window) + at
                src_text = ctx.text[start:where.end]
        n = len(attrs)
        what = "claim" if n == 1 else f"{n} claims"
        source = _snippet(src_text or name)
        if reason:
            msg = message(anonymous_source, 1, claims=what, source=source, reason=_snippet(reason, 70))
            sev = Severity.INFO
        else:
            msg = message(anonymous_source, 0, claims=what, source=source)
            sev = None
        yield Hit(start, where.end, msg, tuple(a.id for a in attrs), sev)


@rule("ATR202", "unresolved-source", Severity.WARNING, needs={"attributions", "speakers"},
      per="attribution", status="preview",
      messages=('{kind} source "{source}" is not tied to anyone named in the article',))
def unresolved_source(ctx: Context, attr: Attribution) -> Iterator[Hit]:
    """
    ## What it does
    Flags a pronoun ("he", "she", "they") or role-noun ("the spokesman") source
    that cannot be tied to anyone named earlier in the article.

    ## Why it matters
    A pronoun with no antecedent leaves the reader guessing who spoke, often because
    an edit cut the sentence that introduced the speaker.

    ## Example
    ```text
    The bridge will stay closed until spring. "We have no other option," she said.
    ```

    ## Use instead
    ```text
    The bridge will stay closed until spring, said Transport Secretary Maria Chen.
    "We have no other option," she said.
    ```
    """
    if attr.source is None or attr.source_kind not in (SourceKind.PRONOUN, SourceKind.ROLE):
        return
    src = ctx.span_text(attr.source).strip()
    low = re.sub(r"['’](?:ve|re|ll|d|s|m)$", "", src.lower())
    sp = ctx.speaker(attr)
    pron = vocab.words("names", "pronouns")
    if attr.source_kind == SourceKind.PRONOUN:
        if low not in vocab.words("names", "personal"):
            return  # "I", "you", "we" (the writer, the reader); "these", "all of them"
        if sp is not None and (sp.name or "").strip().lower() not in pron | {low}:
            return
        what = "pronoun"
    else:
        if sp is not None:
            return  # tied to an entity (an unnamed one is anonymous-source's business)
        if not re.match(r"^(?:the|this|that|these|those)\s+[a-z]", low):
            return  # "a federal judge" introduces someone new; anything else is not a role noun
        head = source_head(low)
        if head and _role_holder(ctx, head):
            return
        what = "role"
    yield Hit(attr.source.start, attr.source.end,
              message(unresolved_source, kind=what, source=_snippet(src)), (attr.id,))


@rule("ATR203", "missing-affiliation", Severity.INFO, needs={"attributions", "speakers"},
      status="preview", messages=("{name} is quoted without a role or affiliation",))
def missing_affiliation(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a named person quoted or paraphrased in the article whose role or
    affiliation is never given.

    ## Why it matters
    A name alone does not tell the reader why this person's word counts or whose
    side they speak for.  "John Smith said" should say who John Smith is.

    ## Example
    ```text
    The plant will close in March, John Bellamy said.
    ```

    ## Use instead
    ```text
    The plant will close in March, said John Bellamy, a spokesman for Delta Steel.
    ```
    """
    honorifics = vocab.words("names", "honorifics")
    pron = vocab.words("names", "pronouns")
    by_sp = _by_speaker(ctx)
    for sp in ctx.resolved.speakers:
        attrs = by_sp.get(sp.id)
        if sp.kind != SpeakerKind.PERSON or not attrs or not sp.name:
            continue
        if sp.name.strip().lower() in pron or not re.search(r"[A-Z]", sp.name):
            continue
        if len(_name_words(sp.name)) < 2 or sp.name.isupper():
            continue  # a full name only: "Democrats", "Scandal" are not people
        if sp.role or sp.affiliation:
            continue
        if _described(ctx, sp):
            continue
        if sp.title and sp.title.strip().lower() not in honorifics:
            continue  # "Sen.", "Col.", "Mayor" say who they are
        first = min(attrs, key=lambda a: (a.source or ctx.hull(a)).start)
        named = [m for m in sp.mentions if re.search(r"[A-Z]", m.text)
                 and m.text.strip().lower() not in pron]
        where = min(named, key=lambda m: m.start) if named else (first.source or first.cue or ctx.hull(first))
        yield Hit(where.start, where.end, message(missing_affiliation, name=sp.name),
                  tuple(a.id for a in attrs))


@rule("ATR204", "name-inconsistency", Severity.WARNING, needs={"speakers"}, status="preview",
      messages=('"{later}" here but "{first}" on line {line}: the same name spelt two ways',))
def name_inconsistency(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a speaker's name spelt two ways in one article ("Konashenkov" and
    "Konashenkow"), comparing every capitalised word against the names of the
    article's speakers with a fuzzy ratio.

    ## Why it matters
    A misspelt name is the correction readers notice first, and two spellings leave
    them unsure whether one person or two is speaking.

    ## Example
    ```text
    Maj. Gen. Igor Konashenkov said the strikes would continue. Konashenkow also
    said that troops controlled the city.
    ```

    ## Use instead
    ```text
    Maj. Gen. Igor Konashenkov said the strikes would continue. Konashenkov also
    said that troops controlled the city.
    ```
    """
    from rapidfuzz import fuzz

    honor = vocab.words("names", "honorifics")
    pron = vocab.words("names", "pronouns")
    # name words of person speakers: word -> (first offset, speaker id, first name)
    known: dict[str, tuple[int, str]] = {}
    for sp in ctx.resolved.speakers:
        words = _name_words(sp.name)
        if sp.kind != SpeakerKind.PERSON or len(words) < 2:
            continue
        surname = words[-1]
        if len(surname) < 5 or surname.lower() in honor or surname.lower() in pron or surname.isupper():
            continue
        for m in sp.mentions:
            for w in _name_words(m.text):
                if w[:1] == surname[:1] and len(w) >= 5 and (w not in known or m.start < known[w][0]):
                    if w == surname or fuzz.ratio(w, surname) >= 80:
                        known[w] = (m.start, sp.id)
        if surname not in known:
            pos = ctx.text.find(surname)
            if pos >= 0:
                known[surname] = (pos, sp.id)
    if not known:
        return
    # every capitalised word in the text, with its first position
    seen: dict[str, int] = {}
    for s in ctx.sentences:
        for t in s.tokens:
            w = re.sub(r"['’]s$", "", t.text)
            if t.upos != "PROPN" or re.search(r"(?:ish|ian|ic|ese|an|s)$", w):
                continue  # names only: not "Hours", "Danish", "Democratic", "Democrats"
            if len(w) >= 5 and _NAME_WORD.fullmatch(w) and w not in seen:
                seen[w] = t.start
    for w, (pos, _sid) in known.items():
        seen.setdefault(w, pos)
    reported: set[frozenset] = set()
    for w1, (p1, sid) in sorted(known.items(), key=lambda kv: kv[1][0]):
        for w2, p2 in seen.items():
            if w1 == w2 or frozenset((w1, w2)) in reported:
                continue
            if _norm(w1) == _norm(w2) or w1[0].lower() != w2[0].lower():
                continue
            a, b = sorted((w1.lower(), w2.lower()), key=len)
            if b.startswith(a) or b.startswith(a.rstrip("e")) and len(b) - len(a) <= 3:
                continue  # Russia/Russian, Clinton/Clintons, Trump/Trumps
            if fuzz.ratio(w1, w2) < 80:
                continue
            if w2 in known and known[w2][1] != sid and _different_people(ctx, sid, known[w2][1]):
                continue
            reported.add(frozenset((w1, w2)))
            first, later = (w1, w2) if p1 <= p2 else (w2, w1)
            at = max(p1, p2)
            line, _ = ctx.resolved.document.source.line_col(min(p1, p2))
            yield Hit(at, at + len(later), message(name_inconsistency, later=later, first=first, line=line))


@rule("ATR205", "contested-claim", Severity.WARNING, needs={"attributions", "speakers"},
      messages=('{side} {cue}: "{claim}"; {other_side} {other_cue}: "{rejection}"',
                '{side} {cue}: "{claim}"; {other_side} {other_cue}: "{rejection}" '
                "(and {n} more)",
                '{other_side} {other_cue}: "{rejection}", rejecting a claim by {holder}',
                '{other_side} {other_cue}: "{rejection}", rejecting a claim by {holder} '
                "(and {n} more)"))
def contested_claim(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Links a claim by one source to another source's rejection of it: a denial, a
    dispute, "that is not true", "called the claim baseless", "there is no evidence"
    ("Russia accused the SDF of firing ..." and "An SDF commander denied Russian
    accusations").  The rejection is tied to the claim by what it refers to ("the
    allegations", "Russian accusations"), by who was accused (the denier is the
    target), or by shared content.  One dispute gives one finding, at its first
    attribution, listing every attribution on each side; headlines add none, and
    differences of opinion are not disputes.  A rejection that reports the claim it
    rejects ("rebutted Exxon's accusation that ...", "said that Kolb's description was
    false") is a dispute of its own when nothing else in the article states the claim.

    ## Why it matters
    When sources disagree the editor must make sure the story presents both sides
    fairly and does not let one of them stand as fact.

    ## Example
    ```text
    The ministry accused the rebels of shelling the market. A rebel spokesman denied
    the ministry's accusations.
    ```

    ## Use instead
    Keep both sides, give each its due weight near the other, and state neither as
    fact in the headline or lede.  The finding is a review prompt: once the editor
    has checked the balance, suppress it for the paragraph with
    `<!-- attribution: ignore[contested-claim] -->`.
    """
    for d in claims.disputes(ctx):
        first = min((*d.claims, *d.rejections), key=lambda a: ctx.hull(a).start)
        h = ctx.hull(first)
        rej = d.rejections[0]
        more = len(d.claims) + len(d.rejections) - 2
        ids = tuple(a.id for a in sorted((*d.claims, *d.rejections), key=lambda a: ctx.hull(a).start))
        if not d.claims:   # the rejection reports the claim itself: "rebutted Exxon's accusation"
            yield Hit(h.start, h.end, message(
                contested_claim, 3 if more + 1 > 0 else 2, other_side=claims.side_name(ctx, rej),
                other_cue=_snippet(ctx.cue_text(rej) or "disputes", 20),
                rejection=_snippet(ctx.content_text(rej)), holder=d.holder, n=more + 1), ids)
            continue
        claim = d.claims[0]
        yield Hit(h.start, h.end, message(
            contested_claim, 1 if more > 0 else 0, side=claims.side_name(ctx, claim),
            cue=_snippet(ctx.cue_text(claim) or "claims", 20), claim=_snippet(ctx.content_text(claim)),
            other_side=claims.side_name(ctx, rej), other_cue=_snippet(ctx.cue_text(rej) or "disputes it", 20),
            rejection=_snippet(ctx.content_text(rej)), n=more), ids)
