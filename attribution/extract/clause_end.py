"""Where the content of a reported statement ends (:mod:`.frames`): at a semicolon, a
contrast ("though", "while"), a second cue coordinated after it ("..., and disputed the
figure"), a second statement after a comma ("..., she said there is no precedent"), another
subject's clause after ", but" ("..., but two audits found ..."), or a participle clause.
Split out of ``frames.py``.
"""
from __future__ import annotations

from ..vocab import load_lexicon
from ..model import Token
from ._tree import is_punct
from .cue import FRAMES
from .phrases import CUE_COORD, FINITE


def _coord_cue(t: Token) -> bool:
    """``t`` is a cue verb that ends the content when coordinated after it ("..., and
    disputed the figure"), by its lemma or, when the tagger's lemma is wrong ("disput"),
    by its surface form."""
    return t.lemma.lower() in CUE_COORD or (_LEXICON.lemma_of(t.text) or "") in CUE_COORD


_LEXICON = load_lexicon()


def _subject_end(toks, k: int) -> int:
    """The last position of a short subject starting at ``k`` (1-based): a personal pronoun,
    a run of up to four proper nouns, or a determiner or adjectives and up to three nouns
    ("two audits by the state comptroller" stops at "audits"); 0 when none starts there."""
    n = len(toks)
    if k > n:
        return 0
    first = toks[k - 1]
    if first.upos == "PRON" and first.text.lower() in ("he", "she", "they", "we", "i", "it"):
        return k
    j = k
    while j <= n and j < k + 4 and toks[j - 1].upos in ("DET", "NUM", "ADJ"):
        j += 1
    h = j
    while h <= n and h < j + 4 and toks[h - 1].upos in ("NOUN", "PROPN"):
        h += 1
    if h == j:
        return 0
    # "by the state comptroller", "of the union": a short modifier of the subject
    if h <= n and toks[h - 1].text.lower() in ("by", "of", "from", "for", "at"):
        m = h + 1
        while m <= n and m < h + 6 and toks[m - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "PART") \
                and toks[m - 1].text not in (",",):
            m += 1
        if m > h + 1:
            h = m
    return h - 1


def _verb_after_subject(toks, k: int) -> int | None:
    """The 1-based index of the first word after the subject that starts at ``k`` and the
    auxiliaries, adverbs and particles after it (the verb, if any); None with no subject."""
    e = _subject_end(toks, k)
    if not e:
        return None
    j = e + 1
    while j <= len(toks) and toks[j - 1].upos in ("AUX", "ADV", "PART"):
        j += 1
    return j


def _new_cue_clause(toks, k: int) -> bool:
    """A new attribution starts at ``k``: a short subject and a finite cue verb that takes
    what follows ("she said there is no precedent"), not a parenthetical ("he said, ...")."""
    j = _verb_after_subject(toks, k)
    if j is None or j >= len(toks):
        return False
    v, nxt = toks[j - 1], toks[j]
    return v.xpos in ("VBD", "VBZ", "VBP") and _is_cue(v) and nxt.text not in (",", ".", ";", ":") \
        and not any(c in "\"”'’" for c in nxt.text)


def _own_clause(toks, k: int) -> bool:
    """A clause with its own subject and finite verb starts at ``k``: "two audits by the
    state comptroller found ...", "the records show ..." ("but not the others" is none)."""
    e = _subject_end(toks, k)
    if not e or toks[k - 1].upos == "PRON":
        return False   # a pronoun subject is handled by the caller's own test
    j = e + 1
    while j <= len(toks) and toks[j - 1].upos in ("AUX", "ADV", "PART"):
        if toks[j - 1].xpos in FINITE:
            return True
        j += 1
    return j <= len(toks) and toks[j - 1].upos == "VERB" and toks[j - 1].xpos in FINITE


def _cue_clause(toks, k: int) -> bool:
    """A clause of its own subject and a cue verb, in any tense, starts at ``k``: "U.S.
    officials have said ...", "the agency has denied ..."."""
    j = _verb_after_subject(toks, k)
    return j is not None and j < len(toks) and toks[j - 1].upos == "VERB" and _is_cue(toks[j - 1]) and \
        toks[j].text not in (",", ".", ";", ":")


def _is_cue(t: Token) -> bool:
    lem = t.lemma.lower()
    return _LEXICON.is_cue_verb(lem) or bool(_LEXICON.lemma_of(t.text))


def _content_end(toks, k: int) -> int:
    n = len(toks)
    end = n
    depth = 0
    for t in toks[k - 1:]:
        low = t.text.lower()
        if t.text in ("(",):
            depth += 1
        if t.text in (")",):
            depth -= 1
        if depth == 0 and t.text in (";",):
            end = t.id - 1
            break
        if depth == 0 and low in ("but", "and") and k < t.id < n and _cue_clause(toks, t.id + 1):
            end = t.id - 1  # "claimed responsibility but U.S. officials have said ...": another's statement
            break
        if depth == 0 and low in ("and", "but") and t.id < n and t.id > k + 2:
            j = t.id
            while j < n and toks[j].upos == "ADV":
                j += 1
            nt = toks[j] if j < n else None
            if nt is not None and nt.xpos in ("VBD", "VBZ", "VBP") and _coord_cue(nt):
                end = t.id - 1
                if toks[end - 1].text == ",":
                    end -= 1
                break
        if depth == 0 and t.text in ("-", "--", "—", "–") and k < t.id < n and _rejected_apposition(toks, t.id + 1):
            end = t.id - 1   # "... - a point that intelligence officials have disputed": another's answer
            break
        if depth == 0 and t.text == "," and t.id < n:
            nxt = toks[t.id].text.lower()
            if nxt in ("though", "although", "whereas", "while", "unless"):
                end = t.id - 1
                break
            if nxt in ("but", "and", "or", "so", "yet") and t.id + 1 < n and (
                    toks[t.id + 1].upos in ("PRON", "PROPN", "DET", "NUM") or toks[t.id + 1].text.lower() in ("there", "it")):
                end = t.id - 1
                break
            if nxt in FRAMES["participles"]:
                end = t.id - 1
                break
            if _rejected_apposition(toks, t.id + 1):
                end = t.id - 1   # "..., a charge that party leaders denied": another's answer
                break
            if _new_cue_clause(toks, t.id + 1):
                end = t.id - 1   # "..., she said there is no precedent": a second statement
                break
            if nxt in ("but", "yet") and _own_clause(toks, t.id + 2):
                end = t.id - 1   # "..., but two audits found that ...": another's clause
                break
    while end >= k and is_punct(toks[end - 1]) and not any(c in "\"”'’" for c in toks[end - 1].text):
        end -= 1
    return end


def _rejected_apposition(toks, k: int) -> bool:
    """At ``k`` an apposition names the statement as a claim that someone rejects: "a charge
    that party leaders strongly denied", "claims which the company disputes"."""
    n = len(toks)
    j = k
    while j <= n and j < k + 3 and toks[j - 1].upos in ("DET", "ADJ"):
        j += 1
    if j >= n:
        return False
    # "..., something he has repeatedly denied", "-- something that officials dispute": the
    # indefinite pronoun renames the statement before the separator as a noun would
    something = j == k and toks[j - 1].text.lower() == "something"
    if toks[j - 1].upos != "NOUN" and not something and not (
            # a plural claim noun the parse took for a verb: "..., claims that the board could not corroborate"
            j == k and toks[j - 1].xpos == "VBZ" and toks[j].text.lower() in ("that", "which")
            and _LEXICON.is_cue_noun((toks[j - 1].lemma or "").lower())
            # renaming the statement of a clause before the comma, not the verb of a subject
            # there ("Maria Delgado, 45, claims that the insurer denied ...", "The union, which
            # represents 4,000 drivers, charges that the city refused ...")
            and not any(t.head == toks[j - 1].id and t.deprel.startswith("nsubj") for t in toks)
            and any(t.id < k - 1 and t.upos in ("VERB", "AUX") and t.deprel.split(":")[0] not in ("acl", "amod")
                    for t in toks)):
        return False
    # "that"/"which", or none: "..., a claim Holt rejected", "..., a charge she denies"; with the
    # relative word any noun may name the statement ("..., a timeline that neighbours dispute")
    start = j + 1 if toks[j].text.lower() in ("that", "which") else j
    if not _LEXICON.is_cue_noun((toks[j - 1].lemma or "").lower()) and start == j and not something:
        return False
    if start == j and toks[j].upos not in ("PROPN", "PRON", "DET"):
        return False
    for t in toks[start:start + 8]:
        if t.text in (",", ";", ".") and t.id > j + 2:
            break
        lem = _LEXICON.lemma_of(t.text) or (t.lemma or "").lower()
        if t.upos in ("VERB", "ADJ", "NOUN") and "deny" in _LEXICON.cue_classes(lem):
            return True
        if lem in _LEXICON.frames["unconfirmed_verbs"] and t.id >= 2 and any(
                x.text.lower() in ("not", "n't", "never", "unable") for x in toks[max(0, t.id - 4):t.id - 1]):
            return True   # "..., claims that the inspector general could not corroborate"
    return False
