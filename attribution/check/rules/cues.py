"""ATR3xx: cue verbs and hedging (how a claim is introduced)."""
from __future__ import annotations

import re
from itertools import chain
from typing import Iterator

from ...model import Anonymity, Attribution, Severity, Span, SpeakerKind
from .. import vocab
from ...resolve.anonymity_context import member_named_beside
from ..context import Context, Hit, SpanIndex, source_anonymity
from ..registry import message, rule
from ._vague import (_PUBLISHED_IN, _VAGUE_HOLDER, _argument_of_cue, _asked, _crowd_act, _holder_given, _naming,
                     _noun_phrase, _passive_claim, _reported_nearby, agentless_criticism, unextracted_groups)


def is_vague_source(text: str) -> bool:
    """"experts", "some analysts", "many people", "others": a group with nobody named."""
    t = " ".join(re.sub(r"[^\w\s'-]", " ", text or "").split())
    if not t or re.search(r"\b[A-Z][a-z]", t[1:] if t[:1].isupper() else t):
        return False  # a capitalised word after the first: somebody is named
    low = t.lower()
    sources = vocab.words("vague", "sources") - {"they"}
    if low in sources:
        return True
    for d in vocab.vocab()["vague"]["determiners"]:
        if low.startswith(d + " ") and low[len(d) + 1:] in sources:
            return True
    return False


def _vague_group(ctx: Context, a: Attribution, sp, src: str) -> bool:
    """The source is a vague collective: resolve's decision (``Speaker.anonymity``)."""
    if sp is not None and sp.kind != SpeakerKind.ANONYMOUS:
        return False
    vague = source_anonymity(sp, src) == Anonymity.GROUP or (sp is None and is_vague_source(src))
    if vague and _respondents(src) and _POLL_WORD.search(ctx.text):
        return False  # "36 percent of Democrats said", "majorities in all five say" in a story
        # that reports a poll: the poll's figures (the poll is the source, flagged if unnamed)
    if vague and _evidence_named_next(ctx, a, src):
        return False  # "according to a new nationwide poll. ... a CBS poll released Monday": the
        # poll is named in the next sentence (cataphora)
    if vague and _POLL_FIGURE.search(ctx.content_text(a)) and _names_a_poll(ctx.text):
        return False  # "Trump supporters say by 55%-41%" in a story about a named poll
    return vague


# a poll or survey anywhere in the article ("exit polls", "the survey", "those surveyed")
_POLL_WORD = re.compile(r"\b(?:poll|survey)(?:s|ed|ing)?\b", re.I)


def _evidence_named_next(ctx: Context, a: Attribution | None, src: str, span: Span | None = None) -> bool:
    """An unnamed poll or survey whose maker the text right after it ("exit polls reported by
    CNN") or the same or next sentence names ("..., according to recent polling. A Reuters
    rolling poll shows ..."): resolve's test (``anonymity.evidence_named``), for a source
    resolve left unlinked."""
    from ...resolve import load_people, unnamed_evidence
    from ...resolve.anonymity import evidence_named

    people = load_people()
    at = span if span is not None else (a.source if a is not None else None)
    if at is None or not unnamed_evidence(people, src):
        return False
    i = ctx.sentence_index_at(at.start)
    if i is None:
        return False
    upto = ctx.sentences[min(i + 1, len(ctx.sentences) - 1)].end
    return evidence_named(people, ctx.text, src, at.end, upto)


# polls nobody names, a share of them as where a standing or a lead is measured ("support above
# 80 percent in some polls", "Trump still leads many Republican polls", "she fares better in
# other recent polls"): a vague source with no cue of its own (group 1: the polls).  Not "in
# national polls" alone, the standing itself more often than a source (on unannotated train
# articles about half of those were sourced in the sentence or quoted)
_UNNAMED_POLLS = re.compile(r"\b(?:[Ii]n|leads?|led|leading|tops?|topped|trails?|trailed|trailing)\s+"
                            r"((?:many|some|several|most|other|multiple)"
                            r"(?:\s+(?:many|some|several|most|other|recent|early|new|multiple|national|statewide|"
                            r"Republican|Democratic|GOP|primary|state))*\s+polls)\b")


# unnamed polls that show something where extract made no attribution ("as polls show Sanders
# surging", "with recent polls showing a tightening", "Polling shows that ..."): the plural or the
# mass noun bare or with a vague quantifier (group 1); not "the polls", "its polls", "an average of polls"
# (:data:`_POLLS_OWNED`, on the words before: a lookbehind here sees past no modifier, and the
# match would start at "polls" in "the recent polls show", "Gallup polls have found")
_POLLS_SHOW = re.compile(r"(?<![\w-])"
                         r"((?:(?:[Rr]ecent|[Nn]ew|[Ee]arly|[Nn]ational|[Ss]tatewide|[Ss]everal|[Mm]any|[Ss]ome|[Mm]ost|"
                         r"[Oo]ther|[Mm]ultiple|[Nn]umerous)\s+)*(?:[Pp]olls|[Pp]olling|[Ss]urveys))\s+(?:that\s+)?"
                         r"(?:have\s+|has\s+|had\s+|also\s+|consistently\s+|now\s+|still\s+)?"
                         r"(?:show|shows|showed|showing|shown|suggest|suggests|suggested|suggesting|indicate|indicates|"
                         r"indicated|indicating|find|finds|found|finding)\b")
# the word right before such polls, when it makes them someone's or the ones the story spoke of: a
# determiner or possessive ("the recent polls", "its new polls", "an average of recent polls"), or
# a modifier the match began after ("The latest surveys"); a name is the parse's (_polls_owned)
_POLLS_OWNED = re.compile(r"(?<![\w-])(?i:the|its|their|his|her|our|your|of|these|those|latest|recent|new|early|"
                          r"national|statewide|several|many|some|most|other|multiple|numerous)\s+$")


def _polls_owned(sent, text: str, start: int) -> bool:
    """The polls :data:`_POLLS_SHOW` found at ``start`` of ``text`` (``sent``'s) are someone's or
    known: a determiner, possessive or modifier before them (:data:`_POLLS_OWNED`), or a name
    ("Gallup polls have found", "CNN surveys show")."""
    if _POLLS_OWNED.search(text, 0, start):
        return True
    at = sent.start + start
    prev = max((t for t in sent.tokens if t.end <= at), key=lambda t: t.end, default=None)
    return prev is not None and prev.upos == "PROPN" and at - prev.end <= 1


# a poll or survey named in the article ("the AP-GfK poll", "a Quinnipiac University survey")
_POLL_NAME = re.compile(r"\b(?:[A-Z][\w.&/’'-]*\s+){1,4}(?:[a-z-]+\s+){0,2}(?:[Pp]oll(?:s|ing)?|[Ss]urveys?)\b")


def _names_a_poll(text: str) -> bool:
    """The article names a poll ("the AP-GfK poll", "a Reuters rolling poll"): a capitalised
    word before "poll" or "survey" that is not capitalised only because it opens a sentence
    ("Several polls show", "New surveys find")."""
    for m in _POLL_NAME.finditer(text):
        words = m.group(0).split()[:-1]
        if re.search(r"(?:^|[.!?][\"”’')]*\s+|\n\s*)$", text[:m.start()]):
            words = words[1:]
        if any(w[:1].isupper() for w in words):
            return True
    return False


# a poll's split or share in what the group "says": "by 55%-41%", "76%-21%", "by a 2-to-1 margin"
_POLL_FIGURE = re.compile(r"\b\d+(?:\.\d+)?\s?%\s?(?:-|to)\s?\d+|\bby\s+\d+(?:\s?%|\s+percent)|\b\d+-to-\d+\s+margin")


def _respondents(src: str) -> bool:
    """A source that is a poll's respondents: a share ("52 percent of registered voters", "a
    majority of Democrats") or voters, respondents, Americans."""
    from ...resolve import load_people, unnamed_evidence, unnamed_share

    low = src.lower()
    people = load_people()
    if unnamed_evidence(people, src):
        return False  # "surveys of New Hampshire voters indicated": the poll itself
    words = re.findall(r"[a-z]+", low)
    # a share of a population standing alone ("majorities in all five", "half among Democrats"),
    # not a quantifier before a noun ("most analysts")
    share = bool(words) and (words[0] in people.anonymous_collectives or
                             re.sub(r"ies$", "y", words[0]) in people.anonymous_collectives) and \
        (len(words) == 1 or words[1] in ("of", "in", "among"))
    return share or unnamed_share(people, src) or bool(re.search(
        r"\b(?:voters|respondents|americans|adults|likely voters)\b", low))


def _cited_by_named(ctx: Context, span: Span) -> bool:
    """The span lies in what a named person says, quoted or paraphrased ('"Some have said that he
    should not have accepted it," she said'): a vague group or an unnamed critic found there is a
    source that speaker cites, which bench/gold/GUIDE.md (adjudication) labels, the nested source
    being itself unnamed.  The named speaker's own hedges ("allegedly") stay theirs: the caller
    asks this only for a source hedge ("some have said") or an agentless criticism."""
    for a in ctx.attributions:
        sp = ctx.speaker(a)
        if sp is None or sp.kind != SpeakerKind.PERSON:
            continue
        if any(c.contains(span) for c in a.content):
            return True
    return False


def _in_named_content(ctx: Context, span: Span) -> bool:
    """The hedge is in what a named speaker said ("Chief Hale said the suspect had allegedly
    stolen two cars": the chief's), unless it is in an aside of the writer's inside it, a
    relative clause after a comma ("the candidate, who is supposedly his friend")."""
    for a in ctx.attributions:
        sp = ctx.speaker(a)
        if sp is None or sp.kind == SpeakerKind.ANONYMOUS:
            continue
        for c in a.content:
            if c.contains(span) and not _ASIDE.search(ctx.text[c.start:span.start]):
                return True
    return False


# a non-restrictive relative clause up to the hedge: the writer's description, not the speaker's claim
_ASIDE = re.compile(r"[,(\u2014\u2013]\s*(?:who|which|whose)\b[^,;()\u2014\u2013\"“”]*$"
                    r"|\((?:the|a|an)\s[^()\"“”]*$", re.I)  # or a gloss in parentheses: "benchmarks (the numbers generally considered ..."


@rule("ATR301", "vague-attribution", Severity.WARNING, needs={"attributions", "speakers"},
      messages=('passive claim with no agent ("{cue}"): say who',
                'vague source "{source}": name who says it',
                '"{hedge}" hides the source of the claim: say who'))
def vague_attribution(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags hedges that hide where a claim comes from ("reportedly", "allegedly",
    "it is believed", "some say", "experts say" with no expert named) and passive
    claims with no agent ("it was reported that ...").

    ## Why it matters
    A hedge lets a claim into the story without anyone standing behind it; the reader
    cannot tell who reported, believes or says it, and neither can a fact-checker.

    ## Example
    ```text
    The minister reportedly plans to resign before the summer.
    ```

    ## Use instead
    ```text
    The minister plans to resign before the summer, two of her aides said.
    ```
    """
    hits: list[Span] = []
    quoted = SpanIndex(ctx.quoted_spans())
    flagged = SpanIndex([])  # vague sources flagged so far: one finding per mention
    # attributions to vague groups, and agentless passives
    for a in ctx.attributions:
        if ctx.in_headline(a):
            continue  # the body says it again, with its source
        if ctx.others_words(ctx.hull(a).start):
            continue  # a transcript's answer or an embedded post: the speaker's words, not the article's sourcing
        if a.source is not None and (flagged.overlaps(a.source) or quoted.contains(a.source)):
            continue  # "some senators vented ... and said": one finding for the mention; a
            # source inside quotation marks is the speaker's words, not the article's source
        src = ctx.span_text(a.source).strip()
        sp = ctx.speaker(a)
        named = sp is not None and sp.kind == SpeakerKind.PERSON
        if _asked(ctx, a):
            continue  # "Did anyone tell you what it said?", "whether anyone instructed aides to ...": a question, no claim
        if a.passive_agentless and _passive_claim(ctx, a):
            where = a.cue or a.content_hull
            hits.append(Span(where.start, where.end))
            yield Hit(where.start, where.end,
                      message(vague_attribution, 0, cue=ctx.span_text(where).strip()), (a.id,))
        elif a.source is not None and not named and src.lower() not in _RELATIVE and \
                _noun_phrase(ctx, a.source) and _argument_of_cue(ctx, a) and \
                not _in_named_content(ctx, a.source) and \
                _vague_group(ctx, a, sp, src) and ctx.states(a) and not _naming(ctx, a) and \
                (a.cue_lemma or "").lower() not in vocab.words("vague", "event_cues") and not _crowd_act(ctx, a) and \
                not member_named_beside(ctx, a.source, a.id):
            hits.append(a.source)
            flagged.add(a.source)
            cue = ctx.cue_text(a).strip()
            yield Hit(a.source.start, a.source.end,
                      message(vague_attribution, 1, source=f"{src} {cue}" if cue else src), (a.id,))
    # hedges on the surface
    hedge_re = vocab.phrase_re("vague", "hedges")
    found = SpanIndex(hits)  # what is flagged so far (a long document: not a scan of every hit)
    headline = ctx.headline_block()
    for s in ctx.sentences:
        if s.block == headline:
            continue  # "Anthony Weiner Reportedly Caught In ...": the body says it again
        text = ctx.text[s.start:s.end]
        for m in hedge_re.finditer(text):
            span = Span(s.start + m.start(), s.start + m.end())
            cited = m.group(0).split()[0].lower() in vocab.words("vague", "sources") and _cited_by_named(ctx, span)
            if found.overlaps(span) or (quoted.contains(span) and not cited):
                continue  # inside quotation marks: the speaker's words, not the reporter's
            if (_in_named_content(ctx, span) and not cited) or ctx.others_words(span.start):
                continue  # the named speaker's own hedge, or a transcript's or a post's
            if _covered_by_source(ctx, span):
                continue  # "critics say" with a resolved, non-vague source
            if not m.group(0).split()[0].lower().endswith("ly") and _MODAL_BEFORE.search(text, 0, m.start()):
                continue  # "a line that might bring accusations of sexism": nobody has made them
            if _holder_given(text, m.start(), m.end()):
                continue  # "allegations by three women", "was accused of fraud by prosecutors"
            if _reported_nearby(ctx, span):
                continue  # "..., according to the AP. Khoga was reportedly on that trip": the report is named
            if m.group(0).split()[0].lower() in vocab.words("vague", "sources") and member_named_beside(ctx, span):
                continue  # "many said ... ''...,'' said Ortiz": a group that comes with a named member
            vague_holder = _VAGUE_HOLDER.match(text, m.end())
            if vague_holder:  # "drawn criticism from some other quarters": the finding names them too
                span = Span(span.start, s.start + vague_holder.end())
            found.add(span)
            yield Hit(span.start, span.end,
                      message(vague_attribution, 2, hedge=" ".join(ctx.text[span.start:span.end].split())))
        for m in chain(_UNNAMED_POLLS.finditer(text), _POLLS_SHOW.finditer(text)):
            span = Span(s.start + m.start(1), s.start + m.end(1))
            if found.overlaps(span) or quoted.contains(span) or _in_named_content(ctx, span) or \
                    ctx.others_words(span.start) or _evidence_named_next(ctx, None, ctx.text[span.start:span.end], span):
                continue  # someone's words, or the poll is named in the next sentence
            if m.re is _POLLS_SHOW and (_polls_owned(s, text, m.start(1)) or any(
                    a.source is not None and a.source.overlaps(span) for a in ctx.attributions)):
                continue  # named or known polls; or extract made the polls a source: the attribution decides (above)
            found.add(span)
            yield Hit(span.start, span.end, message(vague_attribution, 1, source=" ".join(m.group(0).split())))
        if re.search(r"\?[\"”’')\s]*$", text):
            continue  # a question states nothing
        for span in agentless_criticism(ctx, s):
            cited = _cited_by_named(ctx, span)  # '"I was disturbed that he was criticized for ...," she said': nobody named criticised
            if found.overlaps(span) or (quoted.contains(span) and not cited) or (_in_named_content(ctx, span) and not cited) or \
                    ctx.others_words(span.start) or _reported_nearby(ctx, span):
                continue  # a hedge or passive flagged already ("was accused of"), or someone's words
            found.add(span)
            yield Hit(span.start, span.end, message(vague_attribution, 2, hedge=" ".join(ctx.text[span.start:span.end].split())))
        for span, cue in unextracted_groups(ctx, s):
            src = ctx.span_text(span)
            if found.overlaps(span) or quoted.contains(span) or _in_named_content(ctx, span) or \
                    ctx.others_words(span.start) or (_respondents(src) and _POLL_WORD.search(ctx.text)) or \
                    member_named_beside(ctx, span):
                continue  # flagged already, someone's words, or a poll's respondents
            found.add(span)
            yield Hit(span.start, span.end, message(vague_attribution, 1, source=f"{src} {cue}"))


# a modal within two words before a hedge that is no adverb: a criticism or an accusation that
# would come, not one made ("might bring accusations of", "could face criticism"); "will
# reportedly" still hides a source
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should)\s+(?:not\s+)?(?:\w+\s+)?$", re.I)


# a relative pronoun as source ("voters who say the economy matters most were split"): the
# clause picks out a group; it sources no claim of the article's
_RELATIVE = frozenset(["who", "that", "which", "whom"])


def _covered_by_source(ctx: Context, span: Span) -> bool:
    """The hedge is the source of an attribution whose source is no vague one ("critics say"
    resolved to someone named); not a hedge in a relative clause inside the source ("Mr. Cruz,
    whose finish was widely seen as a disappointment, said ...": the writer's aside)."""
    for a in ctx.attributions:
        if a.source is not None and a.source.overlaps(span):
            if _ASIDE.search(ctx.text[a.source.start:span.start]):
                return False
            return not is_vague_source(ctx.span_text(a.source))
    return False


@rule("ATR302", "loaded-cue", Severity.INFO, needs={"attributions"},
      messages=('"{word}" editorialises about the speaker; prefer "said"',
                '"{phrase}" editorialises about the speaker; prefer "did not say"'))
def loaded_cue(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags cue verbs that editorialise about the speaker: claimed, admitted,
    conceded, insisted, confessed, alleged, refused to say; and suggests "said".

    ## Why it matters
    "Admitted" implies guilt, "claimed" doubt and "insisted" stubbornness; the cue
    verb should report that someone spoke, not judge what they said.

    ## Example
    ```text
    The mayor admitted that the budget was short by $2 million.
    ```

    ## Use instead
    ```text
    The mayor said that the budget was short by $2 million.
    ```
    """
    forms = vocab.words("loaded_cue", "forms")
    done = SpanIndex()  # the cues flagged so far
    for attr in ctx.attributions:
        if attr.cue is None:
            continue
        cue = ctx.cue_text(attr)
        hit = [w for w in re.findall(r"[A-Za-z]+", cue.lower()) if w in forms]
        if not hit or "loaded" not in ctx.cue_classes(attr):
            continue
        toks = ctx.tokens_in(attr.cue)
        if toks and all(t.upos in ("NOUN", "PROPN") for t in toks) and hit[0].endswith("s") \
                and not hit[0].endswith("ss"):
            continue  # "his claims that ..." (a noun; the stanza tag decides)
        word = hit[0]
        if re.search(r"\b(?:was|were|been|be|being|is|are|get|got)\s+$", ctx.text[max(0, attr.cue.start - 12):attr.cue.start].lower()):
            continue  # "were admitted" to a country, "was conceded": passive, not a cue
        offset = re.search(rf"\b{word}\b", cue.lower()).start()
        span = Span(attr.cue.start + offset, attr.cue.start + offset + len(word))
        if done.overlaps(span):
            continue
        done.add(span)
        yield Hit(span.start, span.end, message(loaded_cue, 0, word=cue[offset:offset + len(word)]),
                  (attr.id,))
    rx = vocab.phrase_re("loaded_cue", "phrases")
    for s in ctx.sentences:
        text = ctx.text[s.start:s.end]
        for m in rx.finditer(text):
            span = Span(s.start + m.start(), s.start + m.end())
            if done.overlaps(span):
                continue
            done.add(span)
            ids = tuple(a.id for a in ctx.attributions if a.cue is not None and a.cue.overlaps(span))
            yield Hit(span.start, span.end, message(loaded_cue, 1, phrase=m.group(0)), ids)
