"""Step 6, an unnamed source's anonymity read in context: :func:`mention_anonymity` takes
:func:`~.anonymity.anonymity`'s decision on a description and reads it again with the words
around its mentions, where extract's source phrase stops short of them (members named beside
the group, a poll's name cut before it, an insider phrase running on from it).  Split out of
``anonymity.py``."""
from __future__ import annotations

import re

from ..model import Anonymity
from ..vocab import People, norm as _norm
from .anonymity import anonymity, description_head
from .records import _Entity


def mention_anonymity(people: People, text: str, decided: Anonymity | None,
                      mentions: list[tuple[int, int]]) -> Anonymity | None:
    """``decided`` (:func:`anonymity` of a description, or unnamed evidence's "group"), read
    again with the words around its mentions where extract's source phrase stops short of
    them: members named right after it ("other Republican candidates, including Carly
    Fiorina", "experts like Paul Bauman"), a name coordinated before it ("Ward and other
    security experts") or the rest of a poll's or report's name before it ("A Koberg Financial
    Daily poll") identify it (None); an insider phrase that runs on from it ("according to
    people familiar with the plans", "Democrats involved in the negotiations") makes it
    unnamed insiders ("person")."""
    if decided is None:
        return None
    if mentions:
        start, end = min(mentions)
        det = _DETERMINER_CUT.search(text[max(0, start - 40):start])
        if det is not None and text[start:end][:1].islower():
            # extract cut the determiner off its first mention ("The retired | neurosurgeon
            # addressed ..."): decide on the whole phrase (a definite description refers to
            # someone the article has introduced: not an unnamed source)
            decided = anonymity(people, det.group(0) + text[start:end], False)
            if decided is None:
                return None
    for start, end in mentions:
        if _MEMBERS_AFTER.match(text, end) or _MEMBERS_IN.search(text[start:end]) or \
                _named_before(people, text[max(0, start - 60):end], text[start:end]):
            return None
    if decided is Anonymity.GROUP and mentions and all(
            _name_cut_before(people, text, start, end) or _maker_named(people, text[start:end])
            for start, end in mentions):
        return None  # each mention of the evidence names its maker (one that does not is unnamed:
        # "exit polls reported by CNN ... Exit polls suggest")
    if decided is Anonymity.GROUP:
        phrases = [p for p in people.anonymous_phrases if " " in p]
        for start, end in mentions:
            run = re.split(r"[,;:.!?()\u2014\u2013\"“”]", text[end:end + 60])[0]
            low = " ".join((text[start:end] + run).lower().split())
            reach = len(" ".join(text[start:end].lower().split())) + 1
            if any(0 <= low.find(p) <= reach for p in phrases):
                return Anonymity.PERSON
    return decided


def _maker_named(people: People, mention: str) -> bool:
    """Evidence whose mention names its maker after the head ("A 2025 study by researchers at
    Northcliff State University", "a poll for the Tribune"), where the description kept only
    "A 2025 study"."""
    for w in re.finditer(r"[A-Za-z]+", mention):
        if _norm(w.group(0).lower()) in people.anonymous_evidence and \
                re.search(r"^[^,;]*?\b(?:by|from|for|at)\s+(?:\w+\s+){0,3}?(?:the\s+)?[A-Z]", mention[w.end():]):
            return True
    return False


def _name_cut_before(people: People, text: str, start: int, end: int) -> bool:
    """A mention of evidence ("Daily poll of 14 economists") right after a capitalised word
    that no sentence opens with: the poll's or report's name, cut off by extract ("A Koberg
    Financial Daily poll of 14 economists found")."""
    head = description_head(text[start:end], people) or ""
    if head not in people.anonymous_evidence and head[:-1] not in people.anonymous_evidence:
        return False
    m = re.search(r"[^.!?\s][ \t]+([A-Z][\w&'’-]*)[ \t]+$", text[max(0, start - 40):start])
    return m is not None and not re.fullmatch(r"(?i)an?|the|according|but|and", m.group(1))


# a definite or possessive determiner (and up to two modifiers) right before a mention that
# starts without one ("the" as in "The retired neurosurgeon"; not "that", a complementizer too)
_DETERMINER_CUT = re.compile(
    r"(?:^|(?<=[\s(]))(?:[Tt]he|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+"
    r"(?:(?!(?:and|but|or|nor|to|of|in|on|at|for|with|by|from|as|that|than|if|when|while|after|before|because"
    r"|said|says|say|told|is|was|are|were|be|been|has|have|had|will|would|who|which)\b)[\w'’-]+\s+){0,2}$")
# members of the group named right after its mention: ", including Sen. Jeff Merkley",
# " like Paul Bauman", " -- including Clinton --", ", such as the mayor of Boston" (a capital)
# or who leads them: ", led by campaign manager Terry Sullivan", "headed by Ann Ruiz"
_LEADER = r"(?:led|headed)\s+by\s+(?:[a-z][\w.'’-]*\s+){0,3}"
_MEMBERS_IN = re.compile(rf"\b(?:(?:including|like|such as|among them)\s+(?:the\s+|one\s+(?:from|by|of|at)\s+)?|{_LEADER})[A-Z]")
_MEMBERS_AFTER = re.compile(rf"\s*(?:[,(]|--|—|–)?\s*(?:(?:including|like|such as|among them)\s+(?:the\s+|one\s+(?:from|by|of|at)\s+)?|{_LEADER})[A-Z]")
# a name or pronoun coordinated before the group, "other ..." or not: "Ward and other digital
# security experts", "But he and election-law experts agree"
_NAMED_AND_OTHER = re.compile(r"(?:^|\s)([A-Z][\w.'’-]*|he|she|He|She)\s+and\s+(?:the\s+|his\s+|her\s+|their\s+)?other\b[^,;:.!?\n]*$")
# without "other": a pronoun, or a name inside its sentence (after a title or another word, not
# the sentence's capitalised first word: "Investors and analysts say")
_NAMED_AND = re.compile(r"(?:\b(he|she)|[\w,]\s+([A-Z][\w.'’-]*))\s+and\s+(?:the\s+|his\s+|her\s+|their\s+)?$")


def _named_before(people: People, before: str, mention: str = "") -> bool:
    """A named person coordinated with "other ..." before the group ("Ward and other digital
    security experts", "he and other Clinton challengers"), or right before it without "other"
    ("But he and election-law experts agree", "Mayor Ortiz and critics of the plan"; the
    ``mention`` is the end of ``before``): the description names one of them and stands for the
    rest with him.  Not a party or a group noun ("Democrats and
    other critics")."""
    m = _NAMED_AND_OTHER.search(before) or (_NAMED_AND.search(before, 0, len(before) - len(mention)) if mention else None)
    if m is None:
        return False
    word = _norm(next(g for g in m.groups() if g).lower().rstrip(".'’s"))
    return word not in people.parties and word not in people.anonymous_nouns and \
        word.rstrip("s") not in people.parties


class NamedNext:
    """An unnamed individual the next sentences name (:meth:`named_next`), a resolve step
    (mixin of the resolver: reads the name runs, the entity table and where entities speak)."""

    def named_next(self, cited: list[_Entity]) -> None:
        """A description that introduces a person whose name follows ("Donald Trump's campaign
        manager says he is gratified ... Corey Lewandowski, in a statement, said"; "A top Trump
        adviser says ... Ed Brookover spoke to reporters. He says ...") is no unnamed source:
        the article names the speaker (cataphora, as for a pronoun).  The sign is a full name
        that opens one of the next two sentences, is named there for the first time, bare
        (no title, role or description of its own: the description before was its
        introduction) and speaks in that sentence or the next.  Only the anonymity is undone
        (``_Entity.named_next``); the speaker is not moved to the name."""
        for e in cited:
            if e.kind != "anonymous" or e.plural or not e.mentions:
                continue
            first = self.sent_of(min(e.mentions)[0])
            for r in self.runs:
                ent = r.entity
                if r.sent not in (first + 1, first + 2) or r.i != 0 or ent is None or ent.kind != "person" \
                        or len(r.words) < 2 or r.title or r.office or r.role or r.tentative or r.modifier \
                        or r.possessor or any(o < r.start for o, _ in ent.named_at):
                    continue
                toks = self.sents[r.sent].tokens
                if r.j + 1 < len(toks) and toks[r.j].text == "," and _norm(toks[r.j + 1].text) in ("a", "an", "the"):
                    continue  # "Jo Poe, a neighbor, said": introduced by a description of her own
                if any(r.sent <= self.sent_of(o) <= r.sent + 1 for o in self.cited_at.get(id(ent), ())) or \
                        self._speaks_as_subject(toks, r):
                    e.named_next = True
                    break

    def _speaks_as_subject(self, toks, r) -> bool:
        """The name is the subject of a speech verb ("Ed Brookover spoke to reporters")."""
        from .context import _speech_verbs

        verbs = _speech_verbs() | {"speak"}
        return any(t.deprel.startswith("nsubj") and r.i <= k < r.j and 0 < t.head <= len(toks)
                   and _norm(toks[t.head - 1].lemma) in verbs for k, t in enumerate(toks))


# a sentence that turns to the other side ("But the mayor said ...", "However, Ortiz ..."): its
# named speaker answers the group, he does not stand for it
_TURNS = re.compile(r"^\W*(?:but|however|yet|still|meanwhile|instead)\b", re.I)
# a sentence that opens with a quotation
_QUOTE_OPENS = re.compile(r"^\s*(?:[\"“‘]|'')")


def insider_role(people: People, name: str) -> str:
    """What calls someone one of the unnamed insiders ``name`` ("Verizon executives", "Vatican
    officials"), for :func:`member_named_beside`: the insiders' head noun ("chief executive"),
    or a capitalised modifier of theirs before an insider noun ("the Vatican spokesman")."""
    head = description_head(name, people) or ""
    one = head[:-3] + "y" if head.endswith("ies") else head[:-1] if head.endswith("s") else head
    pattern = rf"(?i:\b{re.escape(one)}s?\b)" if one else r"(?!)"
    mods = [w for w in re.findall(r"[A-Z][\w.&'’-]*", name) if _norm(w.lower()) not in ("the", "a", "an", "some", "many", "several")]
    if mods:
        # the insider nouns and every spelling of the same role ([roles] same: "spokesmen" ->
        # "spokesman", "spokeswoman", "spokesperson"), one home for both lists
        classes = {people.role_class[w] for w in people.anonymous_insiders if w in people.role_class}
        insiders = sorted(set(people.anonymous_insiders) | {r for r, c in people.role_class.items() if c in classes},
                          key=len, reverse=True)
        pattern += rf"|\b(?:{'|'.join(re.escape(m) for m in mods)})\s+(?:[\w-]+\s+)?(?i:{'|'.join(map(re.escape, insiders))})\b"
    return pattern


def member_named_beside(view, span, skip: str | None = None, role: str | None = None) -> bool:
    """A vague collective that comes with a named member (bench/gold/GUIDE.md, adjudication):
    after the group's mention, the next sentence opens with a named person's own words ("Many
    Sanders supporters insist there was fraud. ''We feel ...,'' said Laurie Cestnick, the
    founder of ..."; "..., said several observers. ''I didn't see it coming ...,'' said
    Madison", Madison quoted before): the claim is sourced to that person, the group only
    introduces it.  Not for unnamed evidence (a poll, a study), nor when the named speaker
    answers the group (a denial, or a sentence opening "But ..."), nor when he is the one the
    group's sentence or the one before speaks about (the mayor the critics attack: "Critics say
    Smith lied. ''...,'' Smith said"), nor for the attribution ``skip`` (the group's own).  A named person
    who speaks next only as a subject ("Analysts say .... Ben Adebayo, an analyst at ...,
    said ...") is another voice: he says something else.  ``role``: for unnamed insiders
    ("executives", "aides"), a pattern (:func:`insider_role`) the member's sentence must match
    outside the quotation, where it calls the named speaker one of them ("''...,'' chief
    executive Lowell McAdam said" after "Verizon executives have admitted"; not "said Rep. Beto
    O'Rourke, a Clinton endorser" after "Clinton aides").  ``view``: a
    :class:`~.view.ResolvedView`."""
    from ..model import SpeakerKind
    from ..vocab import load_people
    from .anonymity import unnamed_evidence

    i = view.sentence_index_at(span.start)
    if i is None or unnamed_evidence(load_people(), view.span_text(span)):
        return False  # a poll or a report has no members ("Polls show ... ''...,'' said Ortiz")
    sentences = view.sentences
    upto = sentences[min(i + 1, len(sentences) - 1)].end
    own = view.text[sentences[max(i - 1, 0)].start:sentences[i].end]  # the group's sentence and the one before
    for b in view.attributions:
        if b.id == skip or b.source is None:
            continue
        at = min(b.source.start, view.hull(b).start)  # a quotation before its "said X"
        if not span.end <= at < upto:
            continue
        sp = view.speaker(b)
        if sp is None or sp.kind is not SpeakerKind.PERSON or "deny" in b.cue_classes:
            continue
        surname = sp.name.split()[-1] if sp.name.split() else ""
        if len(surname) < 2 or re.search(rf"\b{re.escape(surname)}\b", own):
            continue  # the one the group speaks about ("Critics say Smith lied. ''...,'' Smith said";
            # "Trump and the RNC have kept the lineup secret. Many prominent Republicans have said
            # they will not attend ... ''The speakers slots ... are totally filled,'' Trump tweeted")
        j = view.sentence_index_at(at)
        if j is None or j == i or _TURNS.match(view.sentence_text(j)):
            continue
        if _QUOTE_OPENS.match(view.sentence_text(j)) and any(c.start <= view.sentences[j].start + 3 for c in b.content):
            if role is not None:
                sent = view.sentences[j]
                words = list(view.text[sent.start:sent.end])
                for c in b.content:  # the member's own words say nothing of who he is
                    for k in range(max(c.start, sent.start), min(c.end, sent.end)):
                        words[k - sent.start] = " "
                if not re.search(role, "".join(words)):
                    continue
            return True  # the next sentence opens with the member's own words
    return False
