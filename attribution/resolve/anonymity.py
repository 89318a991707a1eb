"""Step 6, anonymity decisions and reasons.

:func:`anonymity` decides whether an unnamed source is a person or insider or a vague group
(the one place this is decided; check reads ``Speaker.anonymity``); :func:`unnamed_share` and
:func:`unnamed_evidence` recognise poll shares and unnamed evidence.  Reasons for anonymity
("spoke on condition of anonymity because ...") are linked to the nearest unnamed speaker in
the same sentence, else the next or previous one (:meth:`AnonymityReasons.reasons`)."""
from __future__ import annotations

import functools
import re

from ..model import Anonymity
from ..vocab import People, load_people, norm as _norm
from .records import _Entity


def anonymity(people: People, name: str, plural: bool) -> Anonymity | None:
    """Is an unnamed source an individual or insider ("person") or a vague collective
    ("group")?  The one place this is decided; the check rules read ``Speaker.anonymity``.

    A singular source is a person ("a witness", "a Clinton ally"); a plural one is a group
    unless its head is an insider noun ("officials", "aides", "people familiar with ...")
    or it names a count of them ("two officials").  A definite plural that is no insider
    ("the two men") refers back to people already described: neither.
    """
    low = " ".join(name.lower().split())
    for w in re.finditer(r"[A-Za-z]+", name):
        if _norm(w.group(0).lower()) in people.anonymous_evidence and \
                re.search(r"^[^,;]*?\b(?:by|from|for|at)\s+(?:\w+\s+){0,3}?(?:the\s+)?[A-Z]", name[w.end():]):
            return None  # "a study last year by economists at Duke University": its maker is named
    if re.search(r"\b(?:like|including|such as)\s+(?:[A-Z][\w.'’-]*\s*)+", name):
        return None  # "candidates like Marco Rubio", "several candidates, including Trump": someone is named
    if people.pronouns.get(low) not in (None, "group"):
        return None  # "his comments", "she said": a pronoun is resolved or unresolved, never unnamed
    if any(p in low for p in people.anonymous_phrases if " " in p):
        return Anonymity.PERSON
    part = _PARTITIVE.match(low)
    if part is not None and re.search(r"[a-z]", low[part.end():]):
        # "one of his senior aides", "two of the officials", "some of his critics": a count taken
        # out of a set of people.  A definite set that is no unnamed source decides alone ("one of
        # the two men", "two of the candidates": people the article has introduced); otherwise
        # one of them is an unnamed individual, and a share of them is what the same quantity
        # before the bare noun is ("two officials", "some critics")
        rest = low[part.end():]
        if part.group(2) in ("the", "these", "those") and anonymity(people, f"the {rest}", True) is None:
            return None
        if part.group(1) not in _SINGLE:
            return anonymity(people, f"{part.group(1)} {rest}", True)
        head = description_head(rest, people) or ""
        if head in people.anonymous_evidence or head[:-1] in people.anonymous_evidence:
            return Anonymity.GROUP  # "one of the polls": evidence, no person
        return Anonymity.PERSON
    if unnamed_share(people, name):
        return Anonymity.GROUP  # "four in 10 primary voters say", "a majority of delegates": a poll's share
    words = re.findall(r"[a-z][a-z'’-]*", low)
    shared = bool(re.search(r"^(?:[A-Z][\w.'’-]*\s+)+(?:and|&)\s+[A-Z]", name.strip()))
    head = None
    for w in words:
        if w == "and" and head is not None and not _noun(people, head):
            continue  # "current and former officials", "past and present employees": one head
        if w in people.anonymous_head_cut and head is not None and not (shared and w == "and"):
            break  # "White House and Pentagon spokesmen": one head for both names
        head = w
    if head is None:
        return Anonymity.PERSON
    if words[0] in ("no", "none", "neither", "nobody"):
        return None  # "no other secretary", "neither side": nobody is speaking
    if head in people.anonymous_voices:
        return None  # "says a narrator" in an ad: the ad's maker speaks through the voice
    if head in _BROAD or head in ("some", "several", "few"):
        return Anonymity.GROUP  # "some on Twitter", "many in the party": a quantifier standing for a crowd
    first = re.split(r"\s+(?:and|&)\s+", " ".join(name.split()), maxsplit=1)
    if len(first) == 2 and re.fullmatch(r"(?:[A-Z][\w.'’-]*\s*)+", first[0]) and first[1][:1].islower() and \
            _norm(first[0].split()[-1]) not in people.anonymous_nouns and \
            _norm(first[0].split()[-1]) not in people.parties:
        return None  # "Sanders and his supporters", "Mr. Xi and other leaders": someone is named
        # (not "White House and Pentagon spokesmen", one head for both)
    plural = (plural and not head.endswith("ss")) or (head.endswith("s") and not head.endswith("ss"))
    agents = plural and _role(people, head)
    possessed = any(w.endswith(("'s", "’s", "s'", "s’")) for w in words[:-1]) or words[0] in _POSSESSIVE
    definite = words[0] in ("the", "this", "that", "these", "those", "both") or (
        words[0] in ("all", "both", "each") and len(words) > 2 and (words[1] in _COUNTS or words[1] in (
            "the", "these", "those", "of")))  # "all three candidates", "all the Democrats" (on the debate stage)
    if (head in people.anonymous_evidence or (head.endswith("s") and head[:-1] in people.anonymous_evidence)) \
            and not definite and not possessed:
        if _MAKER.search(name) or _maker_before(people, name.split()[:-1]) or \
                re.search(r"\S\s+[A-Z][\w.&'’-]*\s+(?:[a-z-]+\s+){0,2}" + re.escape(head) + r"\b", " ".join(name.split())):
            return None  # "a report by the state auditor", "a congressional report": the maker is
            # identified, the document speaks for it
        return Anonymity.GROUP  # "official figures suggest", "a memo to board members": unnamed evidence, no person
    if head == "members" and not definite:
        # members of a body that speaks through them ("staff members", "two board members",
        # "members of the transition team") are insiders; members of a party, a chamber or a
        # union at large ("Republican members of Congress", "members within both unions",
        # "some party members", "nearly 140 House members") are a vague collective; a handful
        # counted ("two members", "several members", "at least a dozen members of Congress
        # told ...") are individuals, as "several officials" are
        of = re.search(r"\bmembers\s+of\s+((?:[a-z'’-]+\s*){1,4})", low)
        body = words[:words.index(head)] + (of.group(1).split() if of else [])
        counted = any(w in _COUNTS or w in ("dozen", "several", "few", "handful") for w in words[:words.index(head)]) or \
            re.search(r"(?<![\d,.])(?:[1-9]|1[0-2])\s+(?:[\w'’-]+\s+)*?members\b", low)
        if counted or any(w in people.anonymous_member_bodies for w in body):
            return Anonymity.PERSON
        return Anonymity.GROUP
    if head in people.anonymous_insiders:
        if plural and words[0] in _BROAD and not definite:
            return Anonymity.GROUP  # "many Democratic officials say", "most insiders": a broad share, a vague collective
        return Anonymity.PERSON
    if possessed and plural and not agents and not definite:
        # "his critics", "Mr. Rubio's supporters", "Trump's allies": whose they are does not
        # say who they are; a vague collective
        return Anonymity.GROUP
    if possessed and not plural and not definite and _role(people, head, singular=True) and (head,) not in people.titles:
        # "his spokesman", "the senator's aide" with nobody named in the role (resolve links the
        # role to a named holder first): an unnamed individual.  Not an office written as a
        # title ("the city's transportation director", "Harmon County's emergency management
        # director", "Colorado's delegation chairman"): its one holder is identified by the
        # office, a role noun for someone the article does not name (unresolved, not anonymous)
        return Anonymity.PERSON
    if definite or possessed:
        # "the two men", "the former Florida governor", "Trump's campaign manager", "Clinton's
        # lawyers": someone the article has introduced, or who speaks for someone by role
        return None
    if head in people.anonymous_collectives or any(w in people.anonymous_collectives for w in words[:2]):
        return Anonymity.GROUP
    if plural and re.search(r"\bat\s+[A-Z]", name):
        return None  # "economists at Harlow Bank", "researchers at Duke University": the named
        # institution's people, not a vague collective
    if agents and re.search(r"\b(?:of|for)\s+(?:the\s+)?[A-Za-z]", name):
        return None  # "attorneys for Clinton", "lawyers for the family": they speak for someone
    body = re.match(r"((?:[A-Z][\w.&'’-]*\s+)+)\S+$", " ".join(name.split()))
    if agents and body and _norm(name.split()[0]) not in people.parties and (
            len(body.group(1).split()) > 1 or re.fullmatch(r"[A-Z]{2,}", body.group(1).strip())):
        return None  # "TF Cornerstone representatives", "ISIS lawyers": they speak for the named
        # body (not "Republican lawyers", a party's, nor "Crime experts", capitalised only to
        # open a sentence)
    if words[0] in _COUNTS and len(words) > 1:
        return Anonymity.PERSON  # "three people briefed on the talks", "two residents": counted
        # individuals, not a vague collective
    return Anonymity.GROUP if plural else Anonymity.PERSON


# the maker of a document given as a definite description: "a report by the state auditor",
# "a study from the county health department" (an office that identifies who speaks)
_MAKER = re.compile(r"\b(?:by|from)\s+(?:the|its|his|her|their)\s+\w", re.IGNORECASE)
_COUNTS = frozenset("two three four five six seven eight nine ten".split())
# "one of ..." / "another of ...": a single member of a set of people ("each of", "all of" and
# "both of" are the whole set: definite, decided below)
_SINGLE = frozenset(["one", "another", "either"])
# quantifiers that make any plural a broad share of a population ("many officials", "most
# insiders"), not a handful of individuals ("two officials", "several aides")
_BROAD = frozenset(["many", "most"])


def _noun(people: People, word: str) -> bool:
    """A word that can head a source description (a person noun or any plural), as opposed
    to a modifier coordinated with another ("current and former", "past and present")."""
    return (word in people.anonymous_nouns or word in people.anonymous_insiders or (word,) in people.roles
            or (word.endswith("s") and not word.endswith("ss")))
# possessive determiners: "his critics" belong to someone without being identified
_POSSESSIVE = frozenset(["his", "her", "their", "its", "our", "my", "your", "whose"])


def _role(people: People, head: str, singular: bool = False) -> bool:
    """A role noun whose holders act for someone ("lawyers", "spokesmen", "representatives"),
    as opposed to people who merely side with them ("supporters")."""
    if singular:
        return (head,) in people.roles
    for w in (head, head[:-1], head[:-2] if head.endswith("es") else ""):
        if w and (w,) in people.roles:
            return True
    return False


def unnamed_share(people: People, name: str) -> bool:
    """A share of a population as a source, as polls report it ("Seventy-four percent of
    Democratic registered voters say", "a majority of voters"): a vague group."""
    words = [_norm(w) for w in re.findall(r"[\w-]+", name)][:4]
    if _RATIO.match(" ".join(words)):
        return True  # "four in 10 voters", "two out of three Democrats"
    return any(w in people.anonymous_collectives for w in words) and " of " in f" {name.lower()} "


_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
# a quantity and "of" before a set of people, its determiner dropped ("two of the officials")
_PARTITIVE = re.compile(rf"^({_NUMBER}|another|either|some|several|many|most|few) of "
                        r"(?:(the|these|those|his|her|their|its|our|my|your)\s+)?")
_RATIO = re.compile(rf"(?:about |nearly |almost |roughly |some |around )?{_NUMBER} (?:in|out of) {_NUMBER}\b")


def unnamed_evidence(people: People, name: str) -> bool:
    """A description of unnamed evidence as a source ("exit polls", "one global index", "surveys
    of New Hampshire voters", "polls in Iowa", "multiple reports"): an evidence head noun, no
    definite article, no capitalised word before the head (after the first) and no maker named
    after it ("a poll by Quinnipiac University", "a survey for CNN")."""
    words = name.split()
    if words and words[0].lower() in ("and", "but", "or", "yet"):
        words = words[1:]  # "And surveys of ... indicated": the conjunction opens the sentence
    if not words or words[0].lower() in ("the", "this", "that", "these", "those"):
        return False
    head = len(words)
    for i, w in enumerate(words[1:], 1):
        if _norm(re.sub(r"[^\w-]", "", w)) in people.anonymous_head_cut:
            head = i  # "surveys of New Hampshire voters", "polls in Iowa": the population or place
            break
    if any(w[:1].isupper() for w in words[1:head]) or (head > 1 and words[0][:1].isupper()) or \
            re.search(r"\b(?:by|for|from)\s+(?:the\s+)?[A-Z]", " ".join(words[head:])) or \
            _MAKER.search(" ".join(words[head:])):
        return False  # "a Quinnipiac poll", "Suffolk poll" (resolve lower-cases a sentence's first
        # word when it is no name: "exit polls"), "a poll by Quinnipiac University", "a report by
        # the state auditor": the maker is named or identified
    if _maker_before(people, words[:head - 1]):
        return False  # "a sheriff's department report", "a congressional report", "his campaign
        # finance documents": whose document it is is said
    return _norm(re.sub(r"[^\w-]", "", words[head - 1])) in people.anonymous_evidence


def _maker_before(people: People, words: list[str]) -> bool:
    """The words before an evidence head name its maker: a possessor ("the sheriff's", "his")
    or an institution ("a congressional report", "a grand jury report", "county records"):
    [anonymous] makers and the lower-cased [organizations] heads."""
    makers = people.anonymous_makers
    for w in words:
        low = re.sub(r"[^\w'’-]", "", w.lower())
        if low in _POSSESSIVE or low.endswith(("'s", "’s", "s'", "s’")):
            return True
        if low in makers or _norm(low) in makers:
            return True
    return False


def evidence_named(people: People, text: str, name: str, end: int, upto: int, right_after: bool = True) -> bool:
    """An unnamed piece of evidence (``name``, its mention ending at ``end``: "a new poll", "new
    polls released") whose maker the text names right after it ("exit polls reported by CNN", "a survey
    conducted for the Tribune") or by the end of the next sentence (``upto``), in a mention of
    the same kind of evidence: "..., a new poll indicates. ..., according to a new poll by the
    Harvard University Institute of Politics", "New polls released Sunday showed ... According
    to a Washington Post-ABC News survey, ...": the source is identified (cataphora).  The named
    mention is of the same kind of evidence (a poll, a survey or statistics; a report, a memo
    or a letter).  ``right_after=False``: only a later mention counts (the maker named
    right after one mention names that mention only: "exit polls reported by CNN ... Exit
    polls suggest")."""
    if right_after and re.match(r"\s*(?:\w+\s+){0,2}(?:by|for|from)\s+(?:the\s+)?[A-Z]", text[end:end + 60]):
        return True
    if re.search(r"\b(?:other|others|many|most|several|some|all|various)\b", name.lower()):
        return False  # "many other polls show ... The Times/CBS News poll": a poll named next is
        # not among the others, nor is it all of many
    kind = _evidence_kind(description_head(name, people) or "")
    rest = text[end:upto]
    heads = _alternation(tuple(sorted(people.anonymous_evidence, key=len, reverse=True)))
    for m in heads.finditer(rest.lower()):
        if _evidence_kind(m.group(0)) != kind:
            continue
        before = re.search(r"((?:[A-Z][\w.&/’'-]*\s+){1,5})(?:(?!(?:to|of|in|on|at|by|and|or|the|a|an)\s)[a-z-]+\s+){0,2}$",
                           rest[max(0, m.start() - 80):m.start()])
        if before is not None:
            at = m.start() - len(before.group(0))
            words = before.group(1).split()
            if re.search(r"(?:^|[.!?][\"”’')]*\s+|\n\s*)$", rest[:at]):
                words = words[1:]  # "Several polls show": capitalised only as a sentence's first word
            if words:
                return True  # "a Washington Post-ABC News survey", "the AP-GfK poll"
        if re.match(r",?\s+(?:\w+\s+){0,2}(?:by|for|from)\s+(?:the\s+)?[A-Z]", rest[m.end():m.end() + 60]):
            return True  # "a new poll by the Harvard University Institute of Politics", "The
            # survey, conducted by the Public Policy Institute"
    return False


def _evidence_kind(head: str) -> str:
    """Documents ("report", "memo", "letter") are each their own kind; polls, surveys, studies,
    statistics and data are one (statistics come from a named poll: "statistics indicate ...
    According to July's Washington Post/ABC News polling, ...")."""
    head = re.sub(r"s$", "", head.lower())
    return head if head in ("report", "memo", "letter") else "data"


def description_head(name: str, people: People | None = None) -> str | None:
    """The head noun of an unnamed source's description: "people familiar with the
    matter" -> people, "a senior official" -> official (``people.toml`` [anonymous] head_cut)."""
    cut = (people or load_people()).anonymous_head_cut
    head = None
    for w in re.findall(r"[a-z][a-z'’-]*", " ".join(name.lower().split())):
        if w in cut and head is not None:
            break
        head = w
    return head


def plural_description(name: str, people: People | None = None) -> bool:
    """Does an unnamed source's description stand for several people ("officials", "Verizon
    executives", "people familiar with the matter"), not one ("a witness", "an executive
    familiar with the talks", "the press")?  Decided by the spelling of its head noun
    (:func:`description_head`); resolve sets ``Speaker.plural`` by it."""
    head = description_head(name, people) or ""
    return head.endswith("s") and not head.endswith("ss")


def anonymity_reason(people: People, text: str) -> str | None:
    """The reason for a source's anonymity in ``text`` (from a [anonymous] reasons phrase to
    the end of its sentence), or None when the text says only that the source is unnamed:
    "spoke on condition of anonymity because the talks were private" gives a reason, a bare
    "spoke on condition of anonymity" does not (bench/gold/GUIDE.md)."""
    text = text.replace("’", "'")  # one character for one: offsets unchanged ("wasn’t authorized")
    m = _alternation(people.reasons).search(text.lower())
    if m is None:
        return None
    rest = text[m.start():]
    end = re.search(r"[.!?](?=\s|$|[\"”’'])|;|\n", rest)
    rest = rest[:end.start() if end else len(rest)].strip()
    why = _alternation(people.reasons_why).search(rest.lower())
    if why is None:
        return None
    # the phrase through the end of the clause that holds the why
    cut = re.search(r"[,;)\u2014]|\s--\s", rest[why.end():])
    return rest[:why.end() + (cut.start() if cut else len(rest))].strip()


@functools.lru_cache(maxsize=8)
def _alternation(phrases: tuple[str, ...]) -> re.Pattern:
    """One regex for a list of phrases, longest first, on word boundaries."""
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


class AnonymityReasons:
    """Links anonymity reasons to unnamed speakers (:meth:`reasons`)."""

    # ------------------------------------------------------------------ anonymity reasons
    def reasons(self, speakers: dict[int, _Entity]) -> None:
        anon = [e for e in speakers.values() if e.kind == "anonymous"]
        if not anon:
            return
        pattern = _alternation(self.people.reasons)
        for sent_index, s in enumerate(self.sents):
            low = self.text[s.start:s.end].lower().replace("’", "'")
            if True:
                for m in pattern.finditer(low):
                    at = s.start + m.start()
                    reason = anonymity_reason(self.people, self.text[at:s.end])
                    if reason is None:
                        continue  # a bare "on condition of anonymity" says no why
                    best = None
                    for dsent, pen in ((0, 0), (1, 1), (-1, 2)):
                        cands = []
                        for e in anon:
                            for (ms, me) in e.mentions:
                                if self.sent_of(ms) == sent_index + dsent:
                                    cands.append((abs(ms - at), e))
                        if cands:
                            best = min(cands, key=lambda x: (x[0], x[1].order))[1]
                            break
                    if best is not None and best.reason is None:
                        best.reason = reason
