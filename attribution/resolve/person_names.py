"""The words the article gives as a person's name: a capitalised word right after a first name
or an honorific ("Frank Hale", "Mr. Hale", "Frank J. Hale"), whoever says anything.  Resolve
decides it once (:attr:`attribution.model.Resolved.person_names`); a rule asking whether a
party it names is a person or an organisation reads it there, with the speakers' kinds.  So
too the sources that describe a person resolve tied to no one
(:attr:`attribution.model.Resolved.unresolved_descriptions`)."""
from __future__ import annotations

import re

from ..vocab import People, first_name_gender, norm, rule_words

# a word that opens a name (a first name or an honorific, tested below), the space after it and
# an optional middle initial; found at every start, overlapping
_BEFORE = re.compile(r"(?=(?<![\w-])([A-Z][\w.’'-]*)(\s+)(?:([A-Z]\.\s+))?)")
_WORD = re.compile(r"[\w-]")


def person_names(text: str, people: People) -> frozenset[str]:
    """Every string of ``text`` that stands right after a first name or an honorific (and an
    optional middle initial) and ends where a word ends: ``"Hale"`` and ``"Hale's"`` in
    "Mr. Hale's", so a name given as a person's is found whatever follows it."""
    honorifics = {norm(h) for h in rule_words("names", "honorifics")}
    out: set[str] = set()
    for m in _BEFORE.finditer(text):
        word = norm(m.group(1))
        if word not in honorifics and first_name_gender(people, word) is None:
            continue
        after = m.start() + len(m.group(1)) + len(m.group(2))
        for p in (after, after + len(m.group(3))) if m.group(3) else (after,):
            q = p
            while q < len(text) and not text[q].isspace():
                q += 1
                if q == len(text) or not _WORD.match(text[q]):
                    out.add(text[p:q])
    return frozenset(out)


def unresolved_descriptions(text: str, attributions, speakers) -> frozenset[str]:
    """The ids of the attributions whose source is a definite description of a person ("the
    candidate", "the former senator") that resolve tied to no speaker: it may well be someone
    the article quotes, so no rule may take it for anyone else (contested-claim reads it)."""
    from ..vocab import all_person_nouns

    ids = {sp.id for sp in speakers}
    out = set()
    for a in attributions:
        if a.source is None or (a.speaker is not None and a.speaker in ids):
            continue
        words = re.findall(r"[\w’'-]+", text[a.source.start:a.source.end].lower())
        if len(words) >= 2 and words[0] == "the" and words[-1] in all_person_nouns():
            out.add(a.id)
    return frozenset(out)
