"""Step 3, the entity table: name runs merged into entities (the only mutable objects).

Equal names, a surname alone or a near spelling of it (rapidfuzz ratio >= 85) join the full
name (the most recently named when two share a surname; different first names never join);
an extension of a known full name joins it; organisation names join when equal, nearly equal
or one is a word-suffix of the other.  Every mention is kept, so both spellings reach check.
The timeline of salience candidates is built here too."""
from __future__ import annotations

from rapidfuzz import fuzz

from ..vocab import first_name_gender, norm as _norm
from .words import _ACRONYM, _POSSESSIVE, _is_punct
from .records import _Cand, _Entity, _Run


class EntityTable:
    """Creates and merges entities (:meth:`build_entities`)."""

    # ------------------------------------------------------------------ entities
    def _new(self, kind: str, name: str, **kw) -> _Entity:
        e = _Entity(kind=kind, name=name, order=len(self.entities), **kw)
        self.entities.append(e)
        return e

    def _learn_gender(self, entity: _Entity, gender: str) -> None:
        """A person whose gender the article had not said takes the one a pronoun shows."""
        if entity.kind == "person" and not entity.gender:
            entity.gender = gender

    def _person_match(self, words: tuple[str, ...], offset: int, *, variants: bool = True,
                      gender: str | None = None, titled: bool = False) -> _Entity | None:
        """The person entity a name run joins.  A lone word is a surname first: it joins a
        name ending in it before one that only starts with it ("Trump" is "Donald Trump", not
        "Trump Tower" or "Trump Train" named later), and after a title ("Mr. Trump") it is
        never a first name."""
        surname = words[-1]
        firstn = words[0] if len(words) > 1 else ""
        best = None
        best_key = None
        for fuzzy in (False, True) if variants else (False,):  # an exact surname beats a variant
            for e in self.entities:
                if e.kind != "person" or (gender and e.gender and gender != e.gender):
                    continue  # "Mr. Obama" is not "Michelle Obama"
                ok = by_first = False
                for name_seq in e.names:
                    if name_seq == words:
                        ok, by_first = True, False
                        break
                    if not name_seq:
                        continue
                    es, ef = name_seq[-1], name_seq[0] if len(name_seq) > 1 else ""
                    if firstn and ef and firstn != ef and not (len(firstn) <= 2 or len(ef) <= 2):
                        continue
                    if es == surname or (fuzzy and min(len(es), len(surname)) >= 5
                                         and fuzz.ratio(es, surname) >= 85):
                        ok, by_first = True, False
                        break
                    if not firstn and not titled and surname == ef and len(name_seq) > 1:
                        ok = by_first = True  # (a surname match later in e.names still wins)
                if not ok:
                    continue
                spots = self.spots.named(e)  # the latest naming at or before offset, else the first
                last = spots.latest_at_or_before(offset)
                key = (by_first,) + ((0, -last) if last is not None else (1, spots.sorted_offs[0] if spots.sorted_offs else 0))
                if best_key is None or key < best_key:
                    best, best_key = e, key
            if best is not None:
                return best
        return best

    def _org_key(self, words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w for w in words if w != "the")

    def _org_match(self, words: tuple[str, ...]) -> _Entity | None:
        key = self._org_key(words)
        for e in self.entities:
            if e.kind not in ("organization", "place") or e.key:
                continue
            for name_seq in e.names:
                if name_seq == key:
                    return e
                short, long_ = (key, name_seq) if len(key) <= len(name_seq) else (name_seq, key)
                if len(short) >= 2 and long_[-len(short):] == short and short not in self.people.places:
                    return e
                if len(" ".join(key)) >= 8 and fuzz.ratio(" ".join(key), " ".join(name_seq)) >= 92:
                    return e
        return None

    def _org_first_word(self, word: str) -> _Entity | None:
        """The one organisation whose name of two or more words starts with ``word``: a lone
        capitalised word that is no known person ("Vantor said", "Lakeshore will keep ...")
        is the short name of "Vantor Medical", "Lakeshore Credit Union"."""
        found = {id(e): e for e in self.entities
                 if e.kind == "organization" and not e.key
                 and any(len(name_seq) >= 2 and name_seq[0] == word for name_seq in e.names)}
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        if all(r.definite for r in self.runs if r.entity is e) and not any(
                w in self.people.org_heads for n in e.names for w in n):
            return None  # "the Trump Train": an organisation only by its article, no short name for "Trump"
        # only when the full name comes first: "Trump ... Trump University" stays a person
        lone = min((x.start for x in self.runs if x.words == (word,)), default=None)
        first = min((o for o, _ in e.named_at), default=None)
        return e if lone is not None and first is not None and first < lone else None

    def _attach(self, r: _Run) -> _Entity:
        if r.entity is not None:
            return r.entity
        e = None
        if r.kind == "person":
            g = r.gender or ("m" if len(r.words) > 1 and r.words[0] in self.people.male_names else
                             "f" if len(r.words) > 1 and r.words[0] in self.people.female_names else None)
            e = self._person_match(r.words, r.start, gender=g, titled=bool(r.title))
            if e is None and r.tentative:
                e = self._org_match(r.words) or self._org_first_word(r.words[0])
            if e is None:
                e = self._new("person", r.name)
        else:
            e = None
            if len(r.words) == 1 and not r.definite and not _ACRONYM.match(r.name):
                # "Rep. Jim Jordan ... Jordan said": a known surname beats the country
                e = self._person_match(r.words, r.start, variants=False)
                if e is not None and not any(len(name_seq) > 1 and name_seq[-1] == r.words[0] for name_seq in e.names):
                    e = None  # only a full name's surname, never a first name ("Virginia")
                if e is not None:
                    r.kind = "person"
            if e is None:
                e = self._org_match(r.words)
            if e is None:
                e = self._new(r.kind, r.name)
            elif (not r.possessor and not r.modifier and e.kind != "person"
                  and len(r.words) > len(e.names[0] if e.names else ())):
                e.name = r.name
        if e.kind == "person":
            if len(r.words) > len(e.names[0] if e.names else ()):
                e.name = r.name
                e.names.insert(0, r.words)
            elif r.words not in e.names:
                e.names.append(r.words)
            if r.title and not e.title:
                e.title = r.title
            if r.role and not e.role:
                e.role = r.role
            if r.office and not e.office:
                e.office = r.office
            if r.gender and not e.gender:
                e.gender = r.gender
            if not e.gender and len(r.words) > 1:
                first = r.words[0]
                e.gender = "m" if first in self.people.male_names else "f" if first in self.people.female_names else None
            e.set_aff(r.affiliation, r.aff_prio)
        else:
            key = self._org_key(r.words)
            if key not in e.names:
                e.names.append(key)
        e.mentions[(r.start, r.end)] = None
        e.named_at.append((r.start, r.sent))
        r.entity = e
        return e

    def _merge_prefixed(self) -> None:
        """"Glenn Beck Blasts Drudge" (a headline run) is Glenn Beck when he is named alone."""
        persons = [e for e in self.entities if e.kind == "person" and e.names]
        for b in persons:
            long_ = b.names[0]
            if len(long_) < 3:
                continue
            for a in persons:
                if a is b or not a.names or len(a.names[0]) < 2 or len(a.names[0]) >= len(long_):
                    continue
                if long_[:len(a.names[0])] == a.names[0]:
                    a.mentions.update(b.mentions)
                    a.named_at.extend(b.named_at)
                    a.named_at.sort()
                    self.spots.forget(a)  # reordered
                    for r in self.runs:
                        if r.entity is b:
                            r.entity = a
                    a.title = a.title or b.title
                    a.role = a.role or b.role
                    a.office = a.office or b.office
                    a.set_aff(b.affiliation, b.aff_prio)
                    self.entities.remove(b)
                    break

    def _which_makes_organisations(self) -> None:
        """A name the article takes up with ", which" ("Altamar, which is listed in Toronto,
        rejected ...") or describes in apposition as a business or a body ("Corvel Tools, the
        Milbrook-based maker of power drills": people.toml [organizations] descriptions) names
        no person, unless a title, a role, a gender or a known first name says it does: the
        entity is an organisation ("the company said" may then take it up)."""
        for r in self.runs:
            e = r.entity
            if e is None or e.kind != "person" or r.modifier or r.possessor:
                continue
            toks = self.sents[r.sent].tokens
            if r.j + 1 >= len(toks) or toks[r.j].text != "," or e.title or e.role or e.office or e.gender \
                    or any(first_name_gender(self.people, n[0]) for n in e.names if len(n) > 1):
                continue
            head = self._run_head(self.sents[r.sent], r.i, r.j)
            appos = next((t for t in toks[r.j + 1:r.j + 10] if t.deprel == "appos" and t.head == head.id), None)
            if _norm(toks[r.j + 1].text) == "which" or (
                    appos is not None and appos.upos == "NOUN" and _norm(appos.lemma) in self.people.org_descriptions):
                e.kind = "organization"
                for other in self.runs:
                    if other.entity is e:
                        other.kind = "organization"

    def build_entities(self) -> None:
        full = [r for r in self.runs if r.kind == "person" and (r.title or len(r.words) > 1)]
        orgs = [r for r in self.runs if r.kind != "person"]
        single = [r for r in self.runs if r.kind == "person" and not (r.title or len(r.words) > 1)]
        for r in full:
            self._attach(r)
        self._merge_prefixed()
        for r in orgs:
            self._attach(r)
        for r in single:
            self._attach(r)
        self._which_makes_organisations()
        # timeline of mentions for pronouns
        for r in self.runs:
            if r.modifier or r.entity is None:
                continue
            tier = 0.0 if r.subject else 0.6
            if r.possessor:
                tier = 0.8
            self.timeline.append(self._cand(r.start, r.sent, r.entity, tier))
        # unnamed people in subject position ("Others were unapologetic in their ...",
        # "The employee told agents that he ...") are antecedents too
        for sent_index, s in enumerate(self.sents):
            toks = s.tokens
            for k, t in enumerate(toks):
                if not t.deprel.startswith("nsubj") or t.upos != "NOUN" or self._in_run(s, k):
                    continue
                if not self._common(t) or _norm(t.text) in self.people.org_heads:
                    continue
                st = k
                while st > 0 and (toks[st - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                  or _norm(toks[st - 1].text) in _POSSESSIVE):
                    st -= 1
                if st >= 2 and toks[st - 1].text == "," and self._in_run(s, st - 2) is not None:
                    continue  # "Jane Porter, a spokeswoman for ...": an apposition, not someone else
                if k + 2 < len(toks) and toks[k + 1].text == "," and (
                        (named := self._in_run(s, k + 2)) is not None and named.kind == "person" and not named.modifier):
                    continue  # "His opponent, Hillary Clinton, won": the name that follows is who it is
                e = self._common_source(s, sent_index, st, k + 1, k, None)
                if e is not None:
                    if e.kind == "anonymous":
                        e.named_at.append((t.start, sent_index))
                    self.timeline.append(self._cand(t.start, sent_index, e, 0.2))
        self.timeline.sort(key=lambda c: c.start)
        self.timeline_epoch = getattr(self, "timeline_epoch", 0) + 1  # reordered: salience re-indexes
        # affiliations that named an organisation by a bare head word need the entity names
        for r in self.runs:
            if r.entity is not None and r.entity.kind == "person" and r.affiliation:
                r.entity.set_aff(r.affiliation, r.aff_prio)

    def _cand(self, offset: int, sent: int, entity: _Entity, tier: float) -> _Cand:
        return _Cand(offset, sent, entity, tier, quoted=self._inside(self.quotes, offset),
                     reported=self._inside(self.contents, offset))

    def _source_tier(self, start: int, end: int) -> float:
        """Sources in subject position ("Dillon said", "said Dillon") are the most salient."""
        s, idx = self._span_tokens(start, end)
        if s is None:
            return 0.3
        toks = s.tokens
        if any(toks[k].deprel.startswith("nsubj") for k in idx):
            return -0.5
        k = idx[-1] + 1
        while k < len(toks) and _is_punct(toks[k]):
            k += 1
        if k < len(toks) and toks[k].upos in ("VERB", "AUX") and toks[k].text[:1].islower():
            return -0.5
        k = idx[0] - 1
        if k >= 0 and toks[k].upos == "VERB":
            return -0.5  # inverted: "said Dillon"
        return 0.3
