"""Whether an attribution's source is a source at all, for vague-attribution (:mod:`.cues`): a
noun phrase that speaks the cue (not the object of another verb, not a crowd's chant at an
event, not a naming), in a statement rather than a question; and whether a hedge's holder is
given (an agent after "by", a possessor, a named report before or right after it).  Split out
of ``cues.py``.
"""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Anonymity, Attribution, Span, SpeakerKind
from .. import vocab
from ..context import Context


def _crowd_act(ctx: Context, a: Attribution) -> bool:
    """The group's act is a crowd's at an event, whatever the cue ("supporters responded with
    chants of ...", "fans also chanted, '...', referring to ..."): an event cue between the source
    and the cue."""
    if a.source is None or a.cue is None or a.cue.start < a.source.end:
        return False
    if a.cue.start - a.source.end > 200:
        return False
    after = re.match(r"\s+with\s+(?:\w+\s+){0,2}?\w+", ctx.text[a.cue.end:a.cue.end + 40])  # "responded with chants"
    between = ctx.text[a.source.end:a.cue.end] + (after.group(0) if after else "")
    events = "|".join(sorted(vocab.words("vague", "event_cues")))
    return re.search(rf"\b(?:{events})(?:s|es|ed|d|ing)?\b", between, re.I) is not None


def _noun_phrase(ctx: Context, span: Span) -> bool:
    """The source is a noun phrase: a noun, pronoun or number before its first preposition, or
    a quantifier standing alone ("many", "some"); not a clause fragment extract took for one
    ("emblematic of the ways the two candidates", "fast in the way major news institutions")."""
    toks = ctx.tokens_in(span)
    if not toks:
        return True  # no parse to judge by: resolve's decision stands
    if any(t.upos == "CCONJ" and u.upos == "VERB" and u.xpos in ("VBD", "VBZ", "VBP")
           for t, u in zip(toks, toks[1:])):
        return False  # "his supporters, and took a heckler in stride": a second predicate, not a noun phrase
    for k, t in enumerate(toks):
        if t.xpos in ("VBD", "VBZ", "VBP") and any(u.text == "," for u in toks[:k]) and \
                not any(u.xpos in ("WDT", "WP", "WP$") or u.text.lower() == "that" for u in toks[:k]):
            return False  # "many gays, lesbians and transgender people, the attack was a searing
            # moment": a clause after the comma, no relative clause of the group's
    chunk = []
    for t in toks:
        if t.upos in ("ADP", "SCONJ") or t.text == ",":
            break
        chunk.append(t)
    if any(t.upos in ("NOUN", "PROPN", "PRON", "NUM") for t in chunk):
        return True
    return " ".join(t.text.lower() for t in chunk) in vocab.words("vague", "sources")


def _argument_of_cue(ctx: Context, a: Attribution) -> bool:
    """The parse lets the source speak the cue: not the object of another verb in its
    sentence ("Abedin emailed supporters ..., telling them", "Trump, who has been feuding with
    Republican leaders, described ...", "Rallying hundreds of workers, Clinton promised"): the
    subject of some other verb speaks there.  An object of the cue itself ("said several
    observers"), a source the cue depends on ("with polls showing") or the object of "according
    to" stays a source; the subject of a passive cue ("his salespersons were told") is its hearer."""
    if a.source is None or a.cue is None or ctx.sentence_index_at(a.source.start) != ctx.sentence_index_at(a.cue.start):
        return True
    toks = ctx.tokens_in(a.source)
    cue = ctx.tokens_in(a.cue)
    ids = {t.id for t in toks}
    heads = [t for t in toks if t.head not in ids]
    if cue and len(heads) == 1 and heads[0].deprel == "nsubj:pass" and \
            (heads[0].head in {t.id for t in cue} or any(t.head == heads[0].id for t in cue)):
        return False  # "his salespersons were told, ''...''": the passive's subject hears the words
    if not cue or len(heads) != 1 or heads[0].deprel.split(":")[0] not in ("obj", "iobj", "obl"):
        return True
    head = heads[0]
    if head.head in {t.id for t in cue} or any(t.head == head.id for t in cue):
        return True  # "said several observers", "polls showing"
    if not ctx.text[a.source.end:a.cue.start].strip() and cue[0].xpos == "VBG":
        return True  # "Despite polls showing her behind": the participle right after its source
    return ctx.cue_text(a).lower().startswith("according")


def _asked(ctx: Context, a: Attribution) -> bool:
    """The attribution is asked about, not stated: its sentence is a question ("Did anyone tell
    you what it said?") or its source opens an indirect question ("whether anyone ever
    instructed aides to ...")."""
    at = a.source or a.cue
    if at is None:
        return False
    i = ctx.sentence_index_at(at.start)
    if i is None:
        return False
    s = ctx.sentences[i]
    if re.search(r"\?[\"”’')\s]*$", ctx.text[s.start:s.end]):
        return True
    return a.source is not None and re.search(r"\b(?:whether|if)\s+(?:\w+\s+)?$",
                                             ctx.text[max(s.start, a.source.start - 20):a.source.start].lower()) is not None


def _naming(ctx: Context, a: Attribution) -> bool:
    """"call" before a short quoted name ('the late bus, which students call "the Night Owl,"'):
    a naming, not a claim ("critics call the plan a giveaway" is one)."""
    if a.cue is None or (a.cue_lemma or "").lower() != "call":
        return False
    m = re.match(r"\s*[\"“]([^\"“”]{1,60})[\"”]", ctx.text[a.cue.end:a.cue.end + 70])
    return m is not None and len(m.group(1).split()) <= vocab.vocab()["terms"]["max_words"]


# modal or future auxiliaries: the group would, might or will say it, it has not ("voters might blame")
_MODAL = re.compile(r"(?i)will|would|could|might|may|should|must|shall|can|ca")
# "call" that is no claim: "called off the deal", "call upon experts", "called to mind"
_CALL_OFF = re.compile(r"\s+(?:off|upon|up|in|to mind|back)\b")
# subject words that belong to the description ("some Democratic strategists", "critics in both parties")
_DESCRIPTION = frozenset(["det", "amod", "compound", "nummod", "nmod", "case", "flat", "advmod", "nmod:poss"])


def unextracted_groups(ctx: Context, sentence) -> Iterator[tuple[Span, str]]:
    """Vague groups that speak a cue extract left without an attribution: the subject of a
    verb of speech or stance ("a bill that critics called anti-gay", "records show, and
    aviation experts say it is worth $18 million", "his supporters have accused the former
    secretary of state of ...", "some strategists fear ... and warn that ..."), whose
    description resolve decides is a vague group.  Yields (subject span, cue word)."""
    from ...resolve import load_people
    from ...resolve.anonymity import anonymity, evidence_named, unnamed_evidence
    from ...resolve.anonymity_context import mention_anonymity
    from ...vocab import load_lexicon
    from ..context import STATED

    lexicon = ctx.lexicon or load_lexicon()
    people = load_people()
    toks = sentence.tokens
    by_id = {t.id: t for t in toks}
    kids: dict[int, list] = {}
    for t in toks:
        kids.setdefault(t.head, []).append(t)
    cues = [a.cue for a in ctx.attributions if a.cue is not None]
    says = vocab.words("vague", "group_cues")
    from ...vocab import all_person_nouns
    people_words = all_person_nouns()
    for v in toks:
        if v.upos != "VERB" or not (lexicon.cue_classes(v.lemma) & STATED) or v.lemma.lower() not in says:
            continue
        if any(c.start <= v.start < c.end for c in cues):
            continue  # extract made it an attribution: the attribution decides
        if any(k.deprel in ("aux", "aux:pass") and _MODAL.fullmatch(k.text) for k in kids.get(v.id, [])) or \
                any(k.deprel == "aux:pass" or k.deprel == "mark" and k.lemma in ("if", "whether") for k in kids.get(v.id, [])):
            continue  # "voters might blame", a passive, "whether anyone told"
        subjects = [k for k in kids.get(v.id, []) if k.deprel == "nsubj"]
        subj = next((k for k in subjects if k.xpos not in ("WDT", "WP")), subjects[0] if subjects else None)
        # (a relative pronoun beside the real subject is a parse slip: "which nonpartisan analyses
        # have estimated to cost": the analyses estimate)
        if subj is None and v.deprel == "conj" and v.head in by_id:
            subj = next((k for k in kids.get(v.head, []) if k.deprel == "nsubj"), None)  # "fear ... and warn"
        if subj is None or subj.upos not in ("NOUN", "PROPN", "PRON", "VERB") or subj.start > v.start:
            continue
        if subj.upos == "PROPN" and subj.text.lower() not in people.anonymous_nouns:
            continue  # a name ("Sanders called her son her hero"), not a party's members ("Democrats")
        word = subj.text.lower()
        if word in people.anonymous_collectives or not (
                word in people_words or word in people.anonymous_evidence or
                (word.endswith("s") and (word[:-1] in people_words or word[:-1] in people.anonymous_evidence))):
            continue  # no people ("their smiles said a lot", "appeals courts said") or a share ("everyone but Hewlett")
        nxt = next((t for t in toks if t.start >= subj.end), None)
        if nxt is not None and nxt.upos == "PROPN" and nxt.start < v.start:
            continue  # "Republican presidential hopefuls Jeb Bush and Chris Christie say": named
        if re.search(r"\bnot\s+$", ctx.text[max(0, subj.start - 8):subj.start].lower()) or \
                _CALL_OFF.match(ctx.text, v.end):
            continue  # "Not everyone was claiming", "called off projects", "call upon", "called to mind"
        if v.lemma.lower() == "call" and re.search(r"\bwhat\s+$", ctx.text[max(0, subj.start - 8):subj.start].lower()):
            continue  # "what economists call spending": a naming
        span_toks = [subj]
        stack = [subj]
        while stack:
            t = stack.pop()
            for k in kids.get(t.id, []):
                if k.deprel in _DESCRIPTION and k.end <= v.start:
                    span_toks.append(k)
                    stack.append(k)
        span_toks.sort(key=lambda t: t.start)
        while span_toks and span_toks[0] is not subj and (span_toks[0].upos in ("ADP", "SCONJ") or
                                                          span_toks[0].xpos in ("WDT", "WP", "WP$")):
            span_toks.pop(0)  # "in which parents": the relative clause's opening, not the group
        start, end = span_toks[0].start, max(t.end for t in span_toks)
        src = ctx.text[start:end]
        if not src or src[0].islower() and src.split()[0] in ("the", "these", "those", "this", "that"):
            continue
        head = subj.text.lower()
        decided = anonymity(people, src, head.endswith("s") and not head.endswith("ss"))
        if mention_anonymity(people, ctx.text, decided, [(start, end)]) != Anonymity.GROUP:
            continue
        if unnamed_evidence(people, src):
            i = ctx.sentence_index_at(start)
            upto = ctx.sentences[min((i or 0) + 1, len(ctx.sentences) - 1)].end
            if evidence_named(people, ctx.text, src, end, upto):
                continue  # "a new poll showed ... The NBC/Wall Street Journal poll": named next
        yield Span(start, end), v.text


# ---- hedges: who holds them (moved from cues.py, which vague_attribution reads them from)

# a named publication or statement after a passive cue, in its clause: where it was said
_PUBLISHED_IN = re.compile(r"[^.;:!?\n]{0,80}?\b(?:in|on)\s+(?:a|an|the|his|her|their|its)?\s*(?:[A-Z][\w.'’&-]*\s+){1,4}"
                           r"(?:blog|column|article|editorial|op-ed|post|report|interview|statement|tweet|letter|memo|"
                           r"filing|lawsuit|complaint|book|speech|broadcast|podcast|show|documentary|story)s?\b")


# the holder after "by"/"from" ("was criticized for ..., even by conservatives like X"); not a manner
# ("which is seen as aligned with the mayor, responded by abruptly blocking ..." names nobody;
# a lower-case word only: "by Kelly Ayotte", "from Beijing" name the holder)
_HOLDER_AFTER = re.compile(r"^[^.;:!?]{0,60}?\b(?:by|from)\s+(?!(?:some|many|other|various|several)\b|[a-z]+ing\b|[a-z]+ly\b)\w")
_OWNED_BEFORE = re.compile(r"(?:\b(?:the|these|those|such|his|her|their|its|our|my|your)|['’]s?)\s+(?:\w+\s+)?$", re.I)


# a vague holder right after a hedge: "from some other quarters", "by many in the party"
_VAGUE_HOLDER = re.compile(r"(?:\s+\w+ly)?\s+(?:by|from)\s+(?:some|many|other|various|several)(?:\s+(?!(?:and|but|or|as|to|for|in|on|at)\b)[a-z]+){0,2}")


def _holder_given(sent: str, start: int, end: int) -> bool:
    """A hedge whose holder the sentence names: an agent or source after "by"/"from" ("was
    accused of fraud by prosecutors", "drew criticism from Democrats"), or, for a noun
    ("allegations of ..."), a determiner or possessor before it ("the allegations", "Smith's
    accusations"): someone's view, stated elsewhere."""
    word = sent[start:end].split()[0].lower()
    if len(sent[start:end].split()) == 1 and word.endswith("ly"):
        return False  # "reportedly", "allegedly": the adverb hides the holder whatever follows
    if _HOLDER_AFTER.search(sent[end:]) or _PUBLISHED_IN.match(sent, end):
        return True  # "... by prosecutors", "it was reported live ... on CNN's show"
    return word in ("allegations", "accusations") and bool(_OWNED_BEFORE.search(sent[:start]) or
                                                           _MADE_BEFORE.search(sent[:start]) or
                                                           _holder_adjective(sent[:start]))


# the holder makes the allegations in the sentence ("Christie repeated accusations that ...",
# "Trump leveled allegations of fraud"): the subject is named
_MADE_BEFORE = re.compile(r"\b(?:repeat|repeated|repeats|repeating|made|makes|making|level(?:l)?ed|levels|renewed|renews|"
                          r"lodged|lodges|hurled|hurls|echoed|echoes|pressed|presses)\s+(?:\w+\s+)?$", re.I)


def _holder_adjective(before: str) -> bool:
    """A capitalised adjective or noun right before the noun says whose allegations they are
    ("Democratic allegations of bias", "Russian accusations", "GOP accusations"); as the
    sentence's first word only a party or a nationality ("New allegations of ..." names nobody)."""
    from ...resolve import load_people

    if re.search(r"\S\s+[A-Z][\w.'’-]*\s+(?:campaign|administration|government|camp|team|party|aides?|allies)\s+$", before):
        return True  # "recent Clinton campaign accusations that ...": the campaign's
    m = re.search(r"(?:^|(\S)\s+)([A-Z][\w.'’-]*)\s+$", before)
    if m is None:
        return False
    if m.group(1):
        return True
    people = load_people()
    word = m.group(2)
    return word.lower() in people.parties or word.casefold() in people.capitalised or bool(re.search(r"(?:ian|an|ese|ish)$", word))


def _reported_nearby(ctx: Context, span: Span) -> bool:
    """"reportedly" (or "it was reported") right after a named report: an attribution to a named
    organisation (no poll) whose cue is "report" or "according to" in the hedge's sentence or the
    one before, two before in its paragraph ("She had been in Paris, according to the AP. Khoga was reportedly on that trip", "As The
    Hill reported, ... he reportedly refused"), or a named organisation's or person's "according
    to", report or tweet opening the next sentence: the report is that one."""
    if "report" not in ctx.text[span.start:span.end].lower():
        return False
    i = ctx.sentence_index_at(span.start)
    if i is None:
        return False
    back = 2 if i >= 2 and ctx.sentences[i - 2].block == ctx.sentences[i].block else 1  # two back: in its paragraph
    lo = ctx.sentences[max(0, i - back)].start
    hi = ctx.sentences[min(i + 1, len(ctx.sentences) - 1)].end
    for a in ctx.attributions:
        sp = ctx.speaker(a)
        if a.cue is None or sp is None or sp.kind not in (SpeakerKind.ORGANIZATION, SpeakerKind.PERSON) or \
                not lo <= a.cue.start < hi or re.search(r"(?i)\b(?:poll|survey|study)", sp.name):
            continue  # a news organisation's report ("the AP", "The Hill"), not an unnamed one or a poll
        lemma = (a.cue_lemma or "").lower()
        according = lemma == "according to" or ctx.cue_text(a).lower().startswith("according")
        if a.cue.start < span.start:
            if sp.kind is SpeakerKind.ORGANIZATION and (lemma == "report" or according):
                return True
        elif ctx.sentence_index_at(a.cue.start) == i + 1 and (according or lemma in ("report", "tweet")) and \
                not ctx.text[ctx.sentences[i + 1].start:min(a.cue.start, (a.source or a.cue).start)].strip(" \"“'"):
            return True  # the next sentence opens by naming the report: "Trump will reportedly speak on
            # Monday. According to the Trump campaign, ...", "Henry reportedly got a reply ... Henry
            # tweeted, ..." (not "..., according to a CNN tally" at its end, a source of its own figures)
    return False


# what a criticism is for or as: "was lambasted as mainstream", "was slammed for", "over the delay"
_CRITICISED_FOR = frozenset(["for", "as", "over"])


def agentless_criticism(ctx: Context, sentence) -> Iterator[Span]:
    """Agentless passives of a verb of criticism with what is criticised for or as ("who was
    lambasted as mainstream", "the agency was slammed for its slow response", "he was branded a
    liar"): someone criticised, and the sentence hides who (bench/gold/GUIDE.md: an agentless
    reaction with a speech-like verb).  Not with an agent ("by Democrats"), a modal ("would be
    criticised"), a question, or a bare passive with no reason or label ("was attacked", "was
    mocked", too often an act rather than a view).  Yields the auxiliary through the verb."""
    toks = sentence.tokens
    kids: dict[int, list] = {}
    for t in toks:
        kids.setdefault(t.head, []).append(t)
    verbs = vocab.words("vague", "criticised")
    for v in toks:
        if v.xpos != "VBN" or v.lemma.lower() not in verbs:
            continue
        below = kids.get(v.id, [])
        aux = [k for k in below if k.deprel == "aux:pass"]
        if not aux or any(k.deprel == "obl:agent" for k in below):
            continue
        if len(aux) == 1 and aux[0].text.lower() in ("'s", "’s"):
            continue  # "businesses that he's assailed for outsourcing": "has", an active perfect, as often as "is"
        if any(k.deprel == "aux" and _MODAL.fullmatch(k.text) for k in below) or \
                any(k.deprel == "mark" and k.lemma in ("if", "whether") for k in below):
            continue  # "could be criticised for", "whether he was blamed"
        if re.match(r"[^.;:!?]{0,60}?\bby\s+\w", ctx.text[v.end:sentence.end]):
            continue  # an agent the parse did not attach ("was slammed on Monday by the mayor")
        labelled = any(k.deprel == "xcomp" for k in below)  # "was branded a liar"
        for k in below:
            if k.deprel.split(":")[0] in ("obl", "advcl", "xcomp") and k.lemma.lower() not in vocab.words("vague", "criticised_not_for") and any(
                    c.deprel in ("case", "mark") and c.lemma.lower() in _CRITICISED_FOR for c in kids.get(k.id, [])):
                labelled = True  # "for its slow response", "as mainstream"
        if labelled:
            yield Span(min(a.start for a in aux), v.end)


def _passive_claim(ctx: Context, a: Attribution) -> bool:
    """An agentless passive that reports a statement ("it was revealed that", "was described
    as"), not a naming ("what is called a 'debate'"), a dismissal from a job ("was
    dismissed") or an expectation ("is expected to")."""
    classes = ctx.cue_classes(a)
    if a.cue is not None and re.search(r"\b(?:should|must|can|could|may|might|will|would)\s+(?:not\s+)?be\s+$",
                                       ctx.text[max(0, a.cue.start - 24):a.cue.start].lower()):
        return False  # "It should be noted that ...": the writer's own aside
    if a.cue is not None and re.search(r"\b(?:he|she|they|we|i|you|who)['’]s\s+(?:\w+ly\s+)?$|\b(?:it|which|that)\s+(?:\w+ly\s+)?had\s+(?:\w+ly\s+)?$",
                                       ctx.text[max(0, a.cue.start - 30):a.cue.start].lower()):
        return False  # "he's said he believes ...", "which it previously had said": an active perfect
    if a.cue is not None and re.search(r"\b(?:i|we)\s+(?:was|were|am|are|have been|had been|'ve been|'m|'re)\s+(?:\w+ly\s+|being\s+|now\s+|still\s+|again\s+|also\s+|often\s+)*$",
                                       ctx.text[max(0, a.cue.start - 30):a.cue.start].lower().replace("’", "'")):
        return False  # "I was told there were open issues", "we are now being told that": a speaker's or
        # columnist's own account of being told, in the first person
    if a.cue is not None and _PUBLISHED_IN.match(ctx.text, a.cue.end):
        return False  # "being described as a 'real woman' in a HuffPost blog": the holder is named
    if (a.cue_lemma or "").lower() == "suppose" and re.match(r"\s+to\b", ctx.text[a.cue.end:a.cue.end + 4] if a.cue else ""):
        return False  # "is supposed to hand over the score", "what was supposed to be a policy address": a duty or plan
    return bool(classes & {"speech", "writing", "loaded", "warn"}) and (a.cue_lemma or "").lower() != "call"
