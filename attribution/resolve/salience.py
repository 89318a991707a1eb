"""Step 5, salience for pronouns (after Lappin and Leass 1994, reduced).

Candidates are earlier mentions within twelve sentences; the score is the sentence distance
plus penalties for mentions that are not subjects or sources, sit in someone's reported
content or in a quotation.  Gender is used only when known (a title, a role noun, a first
name, or an earlier he/she, which source linking records in the entity table; the lookups here
change nothing).  Two compatible antecedents within ``AMBIGUOUS`` of each other leave the
pronoun unresolved."""
from __future__ import annotations

import re
from bisect import bisect_left, insort

from ..vocab import first_name_gender, norm as _norm
from .records import _Cand, _Entity
from .anonymity import anonymity, unnamed_evidence, unnamed_share


# salience margin under which two antecedents of a personal pronoun are too close to call
AMBIGUOUS = 0.5
# sentences between a pronoun or role noun and the speaker's name beyond which the link is
# reported as uncertain (Attribution.confidence "low")
FAR = 3


class Salience:
    """Finds a pronoun's antecedent (:meth:`_pronoun`); never changes an entity."""

    # ------------------------------------------------------------------ pronouns
    def _pronoun(self, offset: int, sent_index: int, cls: str) -> _Entity | None:
        """The pronoun's antecedent (:meth:`_antecedent`), else, for he/she with none before it,
        the person it announces (:meth:`_cataphor`).  A lookup: it changes nothing."""
        best, found = self._antecedent(offset, sent_index, cls)
        if not found and cls in ("male", "female"):
            return self._cataphor(offset, sent_index, cls)
        return best

    def _antecedent(self, offset: int, sent_index: int, cls: str) -> tuple[_Entity | None, bool]:
        """(the most salient compatible antecedent, whether any was found).  The antecedent is
        None when the evidence is weak: a wrong speaker is worse than none, so a pronoun whose
        best antecedent is barely ahead of a different compatible one (within ``AMBIGUOUS``
        salience) stays unresolved."""
        best = None
        best_score = None
        per_entity: dict[int, float] = {}
        in_quote = self._inside(self.quotes, offset)
        own = getattr(self, "_own_content", ())
        listeners = getattr(self, "_listeners", frozenset())
        self._best_cand = None
        lead_end = self._lead_end(sent_index) if cls in ("male", "female", "person") else None
        if lead_end is None:
            lead_end = 1 << 60
        for c in self._timeline_window(sent_index - 12, sent_index):
            if c.start >= offset or c.sent < sent_index - 12 or c.sent > sent_index:
                continue
            if any(s <= c.start < e for s, e in own):
                continue  # '"... differentiation with Bernie Sanders," he conceded': not who speaks
            if cls in ("male", "female", "person") and (c.sent < sent_index or offset >= lead_end) \
                    and self._in_participle_lead(c.sent, c.start):
                continue  # "Asked about Clinton's plans, she said": not the one asked about
            if self._label_line(c.sent):
                continue  # "FULL TEXT.", "ABSTRACT.": a label in capitals, no one's mention
            e = c.entity
            if id(e) in listeners:
                continue  # '"...," he told Hannity': the one spoken to is not who speaks
            pen = self._compat(e, cls)
            if pen is None:
                continue
            if pen and cls in ("male", "female") and c.sent < 3 and self._headline_at(c.start) and not self._known_person(e):
                continue  # "Estavia and Norland fail to agree": a lone unknown word in a headline is no he/she
            # a person named inside a quotation is rarely who speaks after it
            depth = 0.0 if in_quote else 6.0 if c.quoted else 1.5 if c.reported else 0.0
            score = (sent_index - c.sent) + c.tier + pen + depth
            per_entity[id(e)] = min(score, per_entity.get(id(e), score))
            key = (score, -c.start)
            if best_score is None or key < best_score:
                best, best_score = e, key
                self._best_cand = c
        self._skipped_closer = False
        if best is not None and cls in ("male", "female", "person"):
            rivals = [v for k, v in per_entity.items() if k != id(best)]
            if rivals and min(rivals) - best_score[0] < AMBIGUOUS:
                return None, True
            if cls != "person":
                bc = self._best_cand
                # a closer subject left out only because nothing says the lone capitalised word
                # is a person ("Footage of Al-Awlaki appears. Al-Shabaab ... '...,' he says"):
                # it may be who speaks, so the link is shown as uncertain
                self._skipped_closer = any(
                    bc.start < c.start < offset and c.tier <= 0 and c.entity is not best
                    and c.entity.kind == "person" and not c.quoted and not any(s <= c.start < e for s, e in own)
                    and not c.entity.gender and not c.entity.title and all(len(n) < 2 for n in c.entity.names)
                    and self._compat(c.entity, cls) is None
                    for c in self._timeline_window(bc.sent, sent_index))
        return best, best is not None

    def _label_line(self, sent_index: int) -> bool:
        """The sentence is a label or slug in capitals ("FULL TEXT.", "ABSTRACT.", "UPDATE 2"):
        a few words, every one written in capitals."""
        labels = getattr(self, "_labels", None)
        if labels is None:
            labels = self._labels = {}
        if sent_index not in labels:
            if not 0 <= sent_index < len(self.sents):
                return False
            words = [t.text for t in self.sents[sent_index].tokens if t.text[:1].isalpha()]
            labels[sent_index] = 0 < len(words) <= 4 and all(w.isupper() for w in words)
        return labels[sent_index]

    def _in_participle_lead(self, sent_index: int, offset: int) -> bool:
        end = self._lead_end(sent_index)
        return end is not None and offset < end

    def _lead_end(self, sent_index: int) -> int | None:
        """:meth:`_participle_lead`, remembered per sentence."""
        leads = getattr(self, "_leads", None)
        if leads is None:
            leads = self._leads = {}
        if sent_index not in leads:
            leads[sent_index] = self._participle_lead(sent_index)
        return leads[sent_index]

    def _participle_lead(self, sent_index: int) -> int | None:
        """The end (its comma) of a participle clause that opens the sentence ("Asked about her
        vote if Clinton wins, she replied", "Pressed by Starnes on the point, Carson said",
        "Speaking to reporters about Smith, he said"), else None.  The clause has no subject of
        its own: its implied subject is the main clause's, so a person named inside it (the one
        asked about, the one who asked) is not who the main clause's he or she is."""
        if not 0 <= sent_index < len(self.sents):
            return None
        toks = self.sents[sent_index].tokens
        k = 0
        while k < len(toks) and toks[k].text in ('"', "\u201c", "\u2018", "'", "(", "\u2014", "-"):
            k += 1
        if k >= len(toks) or toks[k].upos != "VERB" or not toks[k].text[:1].isupper() \
                or not re.search(r"(?:ed|ing)$", toks[k].text) or self._inside(self.quotes, toks[k].start):
            return None
        for t in toks[k + 1:]:
            if t.text == ",":
                return t.start
            if t.deprel.startswith("nsubj") and t.head == toks[k].id or t.text in (";", ":", ".", "\u2014"):
                return None  # "Asked ... she replied": no comma, or a clause of its own
        return None

    def _timeline_window(self, first: int, last: int) -> list[_Cand]:
        """The mentions of ``self.timeline`` in sentences ``first``..``last``, in timeline order
        (what a scan of the whole timeline keeps; long documents: issue 16, point 10).  The
        index follows appends; ``timeline_epoch`` changes when the timeline is reordered."""
        index = getattr(self, "_timeline_index", None)
        epoch = getattr(self, "timeline_epoch", 0)
        if index is None or index[0] != epoch or index[1] > len(self.timeline):
            index = self._timeline_index = [epoch, 0, []]
        keys = index[2]
        for n in range(index[1], len(self.timeline)):
            insort(keys, (self.timeline[n].sent, n))
        index[1] = len(self.timeline)
        lo = bisect_left(keys, (first, -1))
        hi = bisect_left(keys, (last + 1, -1))
        return [self.timeline[n] for n in sorted(n for _, n in keys[lo:hi])]

    def _cataphor(self, offset: int, sent_index: int, cls: str) -> _Entity | None:
        """Cataphora: "She was twelve when the fire started. Maria Lopez still ..." — the first
        person named in this or the next sentence (reported as uncertain), not a possessor
        ("He had come to sign a deal, he said. Estavia's fisheries minister, Aldo Brun, ...")."""
        listeners = getattr(self, "_listeners", frozenset())
        for r in self.runs:
            if r.start > offset and sent_index <= r.sent <= sent_index + 1 and r.entity is not None \
                    and r.entity.kind == "person" and not r.modifier and not r.possessor and id(r.entity) not in listeners \
                    and self._compat(r.entity, cls) is not None:
                return r.entity
            if r.sent > sent_index + 1:
                break
        return None

    def _acts(self, e: _Entity) -> bool:
        """The entity is a source, or the subject of a clause, somewhere outside a headline
        before the point resolved so far ("Meanwhile Rihanna, who was honored ..., spoke")."""
        if any(not self._headline_at(o) for o in self.cited_at.get(id(e), ())):
            return True
        acting = getattr(self, "_acting", None)
        if acting is None:
            acting = self._acting = {
                id(r.entity) for r in self.runs
                if r.entity is not None and not r.modifier and not self._headline_at(r.start)
                and not self._inside(self.quotes, r.start) and not self._in_dateline(self.sents[r.sent], r.i)
                and self._run_head(self.sents[r.sent], r.i, r.j).deprel.startswith("nsubj")}
        return id(e) in acting

    def _in_a_dateline(self, e: _Entity) -> bool:
        """The entity is named as the place of a dateline ("BREKKVIK, Norland, Oct 9 (Wire) —")."""
        return any(r.entity is e and self._in_dateline(self.sents[r.sent], r.i) for r in self.runs)

    @staticmethod
    def _in_dateline(s, k: int) -> bool:
        """Token ``k`` lies in a dateline: a sentence opening with a word in capitals, ended by
        a dash within a few words ("PORT ALDER, Drelland (Wire) — She ...")."""
        toks = s.tokens
        if not toks or not (toks[0].text.isupper() and len(toks[0].text) > 1):
            return False
        return any(t.text in ("\u2014", "\u2013", "--") for t in toks[k + 1:12])

    def _headline_at(self, offset: int) -> bool:
        """The sentence at ``offset`` is a headline: a Title Case line, or a line of its own
        with no sentence punctuation at its end ("Drelland certifies election result")."""
        sj = self.sent_of(offset)
        if not 0 <= sj < len(self.sents):
            return False
        s = self.sents[sj]
        if id(s) in self.headlines:
            return True
        before = self.text[self.text.rfind("\n", 0, s.start) + 1:s.start]   # "# " of a Markdown heading
        nl = self.text.find("\n", s.end)
        after = self.text[s.end:nl if nl >= 0 else len(self.text)]
        alone = not any(ch.isalnum() for ch in before + after)
        return alone and bool(s.tokens) and s.tokens[-1].text not in (".", "!", "?", "\u2026", '"', "\u201d", "'")

    def _known_person(self, e: _Entity) -> bool:
        """A title, a role, a gender or a known first name says the entity is someone."""
        return bool(e.title or e.role or e.gender or any(
            name_seq and (name_seq[0] in self.people.male_names or name_seq[0] in self.people.female_names)
            for name_seq in e.names))

    def _described_otherwise(self, e: _Entity, words) -> bool:
        """The article introduces the organisation with another generic noun than the one
        that refers back ("the trade group Paper Market Council" for "the company")."""
        if not words:
            return False
        name = [_norm(w) for w in e.name.split()]
        if name and name[0] in ("the", "a", "an") and name[-1] not in words:
            return True  # "the district", "the suit": a description with another head
        if name and name[-1] in self.people.org_public_heads and any(w in self.people.org_businesses for w in words):
            return True  # "the company" is no "Federal Benefits Administration"
        for r in self.runs:
            if r.entity is e and r.i >= 1:
                w = _norm(self.sents[r.sent].tokens[r.i - 1].text)
                if w in self.people.org_generic and w not in words:
                    return True
        return False

    def _compat(self, e: _Entity, cls: str) -> float | None:
        if cls == "person":  # an epithet: any named person, gender unknown
            if e.kind != "person":
                return None
            if not e.title and all(len(name_seq) < 2 for name_seq in e.names) and not self._known_person(e) \
                    and not self._acts(e):
                return None  # "FENWICK — ... the public works director says": a lone capitalised word
                # never known to be someone, that never spoke nor acted (a town, a company), is no epithet's holder
            return 0.0 if e.title or any(len(name_seq) > 1 for name_seq in e.names) else 1.0
        if cls in ("male", "female"):
            want = "m" if cls == "male" else "f"
            if e.kind == "person":
                if e.gender and e.gender != want:
                    return None
                if e.name.isupper():
                    return None  # "PORT ALDER", "FAIRVIEW RECALL": a dateline or a slug
                # a lone capitalised word never given a first name or title may be no person,
                # nor may a name whose first word is no known first name ("Crestline
                # Securities") unless a title, a role or a gender says it is someone
                lone = not e.title and all(len(name_seq) < 2 for name_seq in e.names)
                known = self._known_person(e)
                if not e.gender and not lone and not known:
                    # a first name of the derived list (data/first_names.txt) says the name is a
                    # person's: "Lance Beebe" is someone.  Only as evidence for: a first name the
                    # list gives the other gender excludes no one here ("Lee" is a woman's name
                    # too, and a wife's "Gabriela ... Lazar" may have merged into her husband's
                    # entity); source linking leaves such a link out (_link_pronoun)
                    given = {first_name_gender(self.people, n[0]) for n in e.names if len(n) > 1} - {None}
                    known = given == {want}
                if lone and not known and (not self._acts(e) or self._in_a_dateline(e)):
                    # "Drelland", "Parking", "Lakeshore": a capitalised word never given a first
                    # name, a title, a role or a gender, that never spoke nor did anything
                    # outside a headline ("Drelland certifies election result"), may be a
                    # place or a company
                    return None
                return 1.0 if lone or not known else 0.0
            if e.kind == "anonymous" and not e.plural:
                if unnamed_share(self.people, e.name) or unnamed_evidence(self.people, e.name) or \
                        anonymity(self.people, e.name, e.plural) == "group":
                    return None  # "a majority of voters", "a new poll": never "he" or "she"
                if _document_head(self.people, e.name):
                    return None  # "a Capitol Ledger report released by ...": a document is no "he"
                return None if e.gender and e.gender != want else 0.0
            return None
        if cls == "thing":
            # a place named in passing ("its plant in Ridgeford") says nothing: "it" and "its"
            # as a source are organisations (a country that speaks is one)
            if e.kind == "organization" and unnamed_evidence(self.people, e.name) and \
                    re.search(r"[^s]s$", e.name.split()[-1].lower()) and not e.name.lower().endswith("is"):
                return None  # "previous studies", "recent polls": never "it"
            return 0.0 if e.kind == "organization" else None
        if cls == "body":
            # "the company", "the group": an organisation, never a country, state or city
            if e.kind != "organization" or tuple(_norm(w) for w in e.name.split()) in self.people.places:
                return None
            last = _norm(e.name.split()[-1]) if e.name.split() else ""
            if last in self.people.org_documents or last.rstrip("s") in self.people.org_documents:
                return None  # "Northfield Stock Exchange data", "the agency's report": a document is no "company"
            if self._described_otherwise(e, getattr(self, "_body_words", None)):
                return None  # "the trade group Paper Market Council" is not what "the company" takes up
            # only one that has spoken or acted: a firm named in passing ("an analyst at
            # Crestline Securities", "sales in the Southeast") is not what "the company" takes up
            return 0.0 if self._acts(e) else None
        if cls == "group":
            if e.kind == "organization" and (tuple(_norm(w) for w in e.name.split()) in self.people.places
                                             or any(n in self.people.places for n in e.names)):
                # "Hillary Clinton and Senator Elizabeth Warren of Massachusetts held their first
                # joint event ... as they sought": a country, state or city speaks as "it"; "they"
                # is never the place named beside people
                return None
            if e.kind == "organization" or (e.kind == "anonymous" and e.plural):
                return 0.0
            if e.kind == "person" and not self._known_person(e) and all(len(n) < 2 for n in e.names):
                # "Opinions among older people are ...": a lone capital never known to be a
                # person is no antecedent for "they"
                return None
            return {"anonymous": 1.5, "person": 2.5, "place": 1.5}.get(e.kind)
        return None


_HEAD_ENDS = frozenset(("by", "of", "from", "for", "in", "on", "at", "with", "that", "which", "who", ","))


def _document_head(people, name: str) -> bool:
    """The description's head (its last word before a preposition or clause, past a
    participle: "a report released by the governor's office", "the agency's memo") is a
    document."""
    words = []
    for w in re.findall(r"[\w'’.-]+|,", name.lower()):
        if w in _HEAD_ENDS:
            break
        words.append(w)
    while len(words) > 1 and words[-1].endswith("ed"):
        words.pop()  # "released", "published": a participle after the head
    head = words[-1] if words else None
    return head is not None and (head in people.org_documents or head.rstrip("s") in people.org_documents)
