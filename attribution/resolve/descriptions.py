"""Step 4b, sources that are common noun phrases: roles, organisation nouns, unnamed sources.

A role noun ("the spokesman") goes to the named person holding that role with a compatible
affiliation, earlier or at most two sentences later; an unnamed-source noun ("officials", "an
SDF commander") becomes an anonymous entity named by its description; an organisation noun
goes to the organisation named earlier with that head word, else a descriptive organisation."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..model import Attribution, Sentence, SourceKind, Token
from ..vocab import derived_person_nouns, load_people, norm as _norm
from .words import _ACRONYM, _DETS_DEF, _PARTITIVE, _POSSESSIVE, _is_punct
from .records import _Entity, _RolePhrase, _Run


# a quantity of a set given by a pronoun: "one of them", "two of those", "another of them"
_SOME_OF_THEM = re.compile(r"(?:one|another|either|two|three|four|some|several|each) of (them|those)$")
_SOME_OF_THE = re.compile(r"(?:one|another|either|two|three|four|some|several|each) of the ([a-z]+)$")


class Descriptions:
    """Resolves a source that is a description rather than a name."""

    def _common(self, t: Token) -> bool:
        w = _norm(t.text)
        return (w in self.people.anonymous_nouns or (w,) in self.people.roles or w in self.people.org_heads
                or _norm(t.lemma) in self.people.anonymous_nouns or (_norm(t.lemma),) in self.people.roles)

    def _adhoc_run(self, s: Sentence, sent_index: int, k: int, a: Attribution) -> _Run:
        t = s.tokens[k]
        words = (_norm(t.text),)
        kind = "person"
        if words in self.people.places or words in self.people.org_names or _ACRONYM.match(t.text) \
                or a.source_kind == SourceKind.ORGANIZATION:
            kind = "organization"
        r = _Run(sent=sent_index, i=k, j=k + 1, name_i=k, title=None, pre=None, kind=kind, tentative=kind == "person",
                 modifier=False, possessor=False, definite=False, subject=True, start=t.start, end=t.end,
                 name=t.text, words=words)
        self.runs.append(r)
        self.runs.sort(key=lambda x: x.start)
        self.runs_by_sent[sent_index].append(r)
        return r

    def _description(self, s: Sentence, a0: int, b: int) -> str:
        toks = s.tokens
        while b > a0 and _is_punct(toks[b - 1]):
            b -= 1
        text = self.tok_text(s, a0, b)
        t0 = toks[a0]
        if t0.upos in ("DET", "NOUN", "ADJ", "NUM", "PRON") and not (len(t0.text) > 1 and t0.text.isupper()) \
                and not self._in_run(s, a0) and t0.text[:1].isupper():
            text = text[:1].lower() + text[1:]
        elif id(s) in self.headlines and b - a0 == 1 and not self._in_run(s, a0) \
                and t0.text.lower() in self.lower_vocab and t0.text not in self.vocab:
            text = text.lower()  # "Report" in a Title Case headline: the common noun "report"
        return text

    def _common_source(self, s: Sentence, sent_index: int, a0: int, b: int, head: int,
                       a: Attribution | None) -> _Entity | None:
        toks = s.tokens
        head_token = toks[head]
        head_word, head_lemma = _norm(head_token.text), _norm(head_token.lemma)
        desc = self._description(s, a0, b)
        some_of = _SOME_OF_THEM.match(desc.lower())
        if some_of is not None:
            # "one of them said", "One of them, a machine tender who ...": a member of a set the
            # article described before; unnamed unless that set is named people ("Holt and
            # Brandt ... one of them"), when who of them speaks is not known
            pron = next((t for t in toks[a0:b] if _norm(t.text) == some_of.group(1)), head_token)
            before, _ = self._antecedent(pron.start, sent_index, "group")
            if before is not None and before.kind == "person":
                return None
            return self._anonymous(desc, None, head_token, head, a0, s)
        some_of = _SOME_OF_THE.match(desc.lower())
        if some_of is not None:
            # "one of the people said" after "two people with knowledge of the review": a member
            # of that unnamed set, which speaks for it
            for e in reversed(self.entities):
                if e.kind == "anonymous" and any(o < head_token.start for o, _ in e.mentions) and \
                        _back_reference(["the", some_of.group(1)], e.name):
                    return e
        low = " " + desc.lower() + " "
        anon_phrase = any(f" {p} " in low or low.strip().startswith(p) for p in self.people.anonymous_phrases)
        role_phrase = self._role_phrase(s, a0, b)
        if role_phrase is not None and role_phrase.head != head and not anon_phrase:
            role_phrase = None if (head_word in self.people.anonymous_nouns or head_word in self.people.org_heads) else role_phrase
        anon_noun = (head_word in self.people.anonymous_nouns or head_lemma in self.people.anonymous_nouns
                     or bool(re.search(r"\b(?:\d+|[a-z]+)-year-olds?\b", low)))
        if role_phrase is not None and not anon_phrase:
            linked = self._link_role(role_phrase, head_token.start, sent_index, anonymous_noun=anon_noun)
            if linked is not None:
                if role_phrase.aff and not (role_phrase.aff_kind == "premod" and role_phrase.aff.islower()):
                    # "a sales director": a department in lower case is no affiliation to keep
                    linked.set_aff(self._resolve_aff(role_phrase.aff, role_phrase.aff_kind, role_phrase.aff_offset),
                                   {"post": 3, "poss": 2}.get(role_phrase.aff_kind or "", 1))
                return linked
            sole = self._sole_holder(role_phrase, head_token.start, anonymous_noun=anon_noun)
            if sole is not None:
                return sole  # the one named person the article gives that role (:mod:`.role_holders`)
            party = bool(role_phrase.aff) and role_phrase.aff_kind == "premod" and all(
                _norm(w) in self.people.parties for w in role_phrase.aff.split())
            if role_phrase.definite and (not role_phrase.aff or party) and not anon_noun:
                # an epithet ("the Republican presidential candidate", "the ranting radio host")
                # stands for the person the article is about, like a pronoun; a bare
                # "the spokesman" with nobody holding the role stays unresolved
                described = any(t.upos not in ("DET",) and not _is_punct(t) for t in toks[a0:role_phrase.head])
                if described:
                    e = self._pronoun(head_token.start, sent_index, "person")
                    if e is not None and (not e.role or e.holds(self.people, role_phrase.role)):
                        if e.office and not e.role and not e.holds(self.people, role_phrase.role):
                            # "Mayor Bill de Blasio" for "the Republican presidential candidate":
                            # the salient person's office is another role, so the link is a
                            # guess, shown as uncertain
                            self.weak_pronoun_at = getattr(self, "weak_pronoun_at", {})
                            self.weak_pronoun_at[head_token.start] = e
                        return e
                return None
        if anon_phrase or anon_noun or role_phrase is not None:
            return self._anonymous(desc, role_phrase, head_token, head, a0, s)
        if head_word in self.people.org_heads or head_lemma in self.people.org_heads:
            definite = any(_norm(t.text) in _DETS_DEF for t in toks[a0:head])
            if definite:
                e = self._org_by_head(head_word if head_word in self.people.org_heads else head_lemma, head_token.start)
                bare = all(_norm(t.text) in _DETS_DEF for t in toks[a0:head])
                if e is None and bare and (head_word in self.people.org_generic or head_lemma in self.people.org_generic):
                    self._body_words = {head_word, head_lemma}
                    try:
                        e = self._pronoun(head_token.start, sent_index, "body")  # "the group", "the company" ~ "it"
                    finally:
                        self._body_words = None
                    if e is not None and (e.kind != "organization" or _other_generic(self.people, e.name, head_word, head_lemma)):
                        e = None  # "the company" is not "the union" the article described before
                if e is not None:
                    return e
            return self._descriptive(desc, head_token.start, "organization")
        kind = "anonymous" if a is not None and a.source_kind == SourceKind.ANONYMOUS else "organization"
        if kind == "organization" and head_token.upos == "NOUN" and toks[a0:head] \
                and all(_norm(t.text) in _DETS_DEF for t in toks[a0:head]) \
                and (named := self._org_by_last_word(head_word, head_token.start)) is not None:
            return named  # "the district": the one organisation named "... District" before it
        if kind == "organization" and self._person_noun(head_token, toks[a0:head]):
            # "Physicians say", "a Cuban economist said": a person noun with no organisation
            # head is people, not an organisation; anonymity() decides individual or group
            return self._anonymous(desc, None, head_token, head, a0, s)
        return self._descriptive(desc, head_token.start, kind)

    def _partitive_end(self, s: Sentence, a0: int, core_end: int, b: int) -> int:
        """Where the core of a source phrase ends when it opens with a count and "of": "one of
        his senior aides", "two of the officials" have their head after "of" ("one of them"
        stays with the pronoun)."""
        toks = s.tokens
        if not (core_end < b - 1 and _norm(toks[core_end].text) == "of" and all(
                t.upos == "NUM" or _norm(t.text) in _PARTITIVE for t in toks[a0:core_end])):
            return core_end
        end = next((k for k in range(core_end + 1, b) if toks[k].upos == "ADP" and
                    _norm(toks[k].text) not in _POSSESSIVE and not self._in_run(s, k)), b)
        last = end - 1
        while last > core_end and _is_punct(toks[last]):
            last -= 1
        return end if toks[last].upos in ("NOUN", "PROPN") or self._in_run(s, last) else core_end

    def _person_noun(self, head: Token, before: list[Token]) -> bool:
        """A common noun head that names people by a suffix of agents ("scientists",
        "physicians", "volunteers"), with no organisation named before it in the phrase."""
        if head.upos != "NOUN":
            return False
        w = _norm(head.text)
        nouns = derived_person_nouns()
        agent = re.search(r"(?:er|ee|or)$", w) is not None and f"{w}s" in nouns and w not in self.people.kin
        if w not in nouns and not agent and (len(w) < 6 or not re.search(r"(?:ists?|ians?|eers?)$", w)):
            return False  # "a clerk in Erie County said": a person noun (scripts/derive_person_nouns.py;
            # "one attendee", "one reader": an agent noun whose plural is derived, "attendees",
            # "readers"; not any noun with a plural there: "a couple", "a voice", "a star")
        return not any(t.ner.endswith("ORG") for t in (*before, head) if t.ner)

    def _org_by_head(self, word: str, offset: int) -> _Entity | None:
        """The entity of the last organisation run of 2+ words holding ``word`` before ``offset``."""
        index = self._run_index()
        for n in reversed(index.with_word(word, index.before_start(offset))):
            r = self.runs[n]
            if r.entity is not None and r.kind == "organization":
                return r.entity
        for r in reversed(self.runs if word in self.people.org_generic else ()):  # "Family Circle magazine ... The magazine said"
            if r.start >= offset or r.entity is None or r.kind != "organization" or not r.modifier:
                continue
            toks = self.sents[r.sent].tokens
            if r.j < len(toks) and _norm(toks[r.j].text) == word and not (
                    r.i > 0 and _norm(toks[r.i - 1].text) in ("the", "a", "an")):
                return r.entity  # (not "the Baton Rouge newspaper, The Advocate": a place before the noun)
        return None

    def _org_by_last_word(self, word: str, offset: int) -> _Entity | None:
        """The one organisation named before ``offset`` whose name of two or more words ends on
        ``word`` ("Wexley School District" for "the district"); None when there are two."""
        found = {}
        for r in self.runs:
            if r.start >= offset:
                break
            if r.entity is not None and r.kind in ("organization", "place") and len(r.words) > 1 \
                    and not r.modifier and r.words[-1] == word and r.words not in self.people.places \
                    and r.entity.kind in ("organization", "place"):
                found[id(r.entity)] = r.entity
        return next(iter(found.values())) if len(found) == 1 else None

    def _descriptive(self, desc: str, offset: int, kind: str) -> _Entity:
        key = kind + ":" + " ".join(w for w in (_norm(x) for x in desc.split()) if w not in ("the", "a", "an"))
        for e in self.entities:
            if e.key == key:
                return e
        return self._new(kind, desc, key=key)

    def _anonymous(self, desc: str, role_phrase: _RolePhrase | None, head_token: Token, head: int, a0: int,
                   s: Sentence) -> _Entity:
        words = [w for w in (_norm(x) for x in desc.split())]
        key = "anonymous:" + " ".join(w for w in words if w not in ("the", "a", "an"))
        definite = bool(words) and words[0] in _DETS_DEF
        role = role_phrase.role if role_phrase is not None and role_phrase.role else None
        if definite:
            best = None
            for e in self.entities:
                if e.kind != "anonymous":
                    continue  # (read before the mentions: a named person is mentioned thousands of times in a long document)
                earlier = any(o < head_token.start for o, _ in e.named_at) or any(o < head_token.start for o, _ in e.mentions)
                if earlier and (
                        e.key == key or (role and self.people.same_role(e.role, role) and not e.plural)
                        or _back_reference(words, e.name)):
                    best = e
            if best is None and _generic_reference(self.people, words):
                # the unnamed individual mentioned last before it
                last = [(max(o for o, _ in e.mentions if o < head_token.start), e.order, e) for e in self.entities
                        if e.kind == "anonymous" and not e.plural and any(o < head_token.start for o, _ in e.mentions)]
                best = max(last, key=lambda x: (x[0], x[1]))[2] if last else None
            if best is not None:
                return best
        for e in self.entities:
            if e.key == key:
                return e
        plural = role_phrase.plural if role_phrase else ("Number=Plur" in (head_token.feats or "") or head_token.text.lower().endswith("s"))
        e = self._new("anonymous", desc, key=key, plural=plural)
        if role and (role,) in self.people.roles or (role and tuple(role.split()) in self.people.roles):
            e.role = role
        if role_phrase is not None and role_phrase.aff:
            e.set_aff(self._resolve_aff(role_phrase.aff, role_phrase.aff_kind, role_phrase.aff_offset),
                      {"post": 3, "poss": 2}.get(role_phrase.aff_kind or "", 1))
        if e.role:
            w = _norm(e.role.split()[-1])
            e.gender = "m" if w in self.people.male else "f" if w in self.people.female else None
        return e

    def _aff_compatible(self, a: str, b: str) -> bool:
        wa = {_norm(w) for w in re.split(r"[\s\-]+", a)} - {"the", "of", "for", "'s"}
        wb = {_norm(w) for w in re.split(r"[\s\-]+", b)} - {"the", "of", "for", "'s"}
        wa = {w[:-2] if w.endswith("'s") else w for w in wa}
        wb = {w[:-2] if w.endswith("'s") else w for w in wb}
        if wa & wb:
            return True
        return fuzz.partial_ratio(a.lower(), b.lower()) >= 85

    def _link_role(self, role_phrase: _RolePhrase, offset: int, sent_index: int, *, anonymous_noun: bool) -> _Entity | None:
        if not role_phrase.role:
            return None
        aff = self._resolve_aff(role_phrase.aff, role_phrase.aff_kind, role_phrase.aff_offset) if role_phrase.aff else None
        best = None
        best_key = None
        for e in self.entities:
            if e.kind not in ("person", "anonymous") or e.plural != role_phrase.plural and e.kind == "anonymous":
                continue
            if not e.holds(self.people, role_phrase.role):
                continue
            if role_phrase.plural and e.kind == "person":
                continue  # "analysts say" is not the one analyst the article names
            if aff and e.affiliation and not self._aff_compatible(aff, e.affiliation):
                continue
            if e.kind == "anonymous" and not role_phrase.definite:
                continue
            # where the entity was named (else mentioned): the last spot before, the first after
            spots = self.spots.named(e) if e.named_at else self.spots.mentioned(e)
            before = spots.last_before(offset)
            after = spots.first_after(offset, sent_index + 2)
            named = 0 if e.kind == "person" else 1  # a named holder beats an unnamed one
            if before and (role_phrase.definite or (aff and e.affiliation)) and not (anonymous_noun and role_phrase.indefinite):
                dist = sent_index - before[1]
                key = (dist, named, 0, -before[0])
            elif after and not (anonymous_noun and role_phrase.indefinite) and e.kind == "person" \
                    and not (before and role_phrase.indefinite):
                # (an indefinite "A lawyer for the acquaintance" after the prosecutor was named is
                # someone new, not the holder named before and again after it)
                dist = after[1] - sent_index
                key = (dist, named, 1, after[0])
            else:
                continue
            if best_key is None or key < best_key:
                best, best_key = e, key
        return best


def _back_reference(words: list[str], earlier: str) -> bool:
    """A bare definite description ("the people", "the official", "the other former employee")
    names again an unnamed source described earlier by the same head noun ("people familiar
    with the matter", "a senior official", "two former employees")."""
    from .anonymity import description_head

    apart = load_people().anonymous_set_apart
    rest = [w for w in words[1:] if w not in ("two", "three", "four") and w not in apart]
    head = description_head(earlier)
    if not rest or head is None or head not in (rest[-1], rest[-1] + "s", rest[-1] + "es"):
        return False
    if head != rest[-1] and not (apart - {"same"}) & set(words):
        return False  # "the source" after "numerous sources" is not one of them unless set apart ("the other")
    # "the other former employee" after "two former employees": one of them, if every word
    # before the head was in the earlier description
    return set(rest[:-1]) <= set(re.findall(r"[a-z][a-z'’-]*", earlier.lower()))


def _generic_reference(people, words: list[str]) -> bool:
    """A bare "the person", "the source": names again an unnamed individual however the
    article first described them (people.toml [anonymous] generic)."""
    return len(words) == 2 and words[1] in people.anonymous_generic


def _other_generic(people, name: str, *heads: str) -> bool:
    """An organisation known only by a description with another generic head ("the union")
    is not the one a bare "the company" refers back to."""
    words = [_norm(w) for w in name.split()]
    if not words:
        return False
    # a description, with its article or in lower case ("environmental groups" is not "the company")
    described = words[0] in _DETS_DEF or name[:1].islower()
    last = words[-1]
    one = last[:-1] if last.endswith("s") and last[:-1] in people.org_generic else last
    return described and one in people.org_generic and last not in heads and one not in heads
