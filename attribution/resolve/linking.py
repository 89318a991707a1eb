"""Step 4, source linking: each attribution's source span reduced to its head and tied to an entity.

A name run gives its entity; a pronoun the best antecedent (:mod:`.salience`); a relative
pronoun its antecedent; a possessor before a head that names no one the possessor; a common
noun phrase is handed to :mod:`.descriptions`.  The link's confidence is 'high' when the
source names the speaker and 'low' when the name is more than ``FAR`` sentences away or only after."""
from __future__ import annotations

import re

from ..model import Attribution, AttributionType, Confidence, Sentence, Token
from ..vocab import all_person_nouns, norm as _norm
from .words import _PARTY_TAG, _POSSESSIVE, _STOP_CHUNK, _is_punct
from .records import _Entity
from .descriptions import _SOME_OF_THEM
from .relatives import RelativeLinking
from .context import ClauseContext
from .pronoun_links import PronounLinks
from .salience import FAR

# a personal pronoun as a whole source (not a relative: "an official who ... said")
_PERSONAL = re.compile(r"(?i)(?:he|she|they|him|her|them)\b")



class SourceLinking(PronounLinks, ClauseContext, RelativeLinking):
    """Links every attribution to an entity or None (:meth:`resolve_all`)."""

    # ------------------------------------------------------------------ sources
    def resolve_all(self) -> dict[str, _Entity | None]:
        out: dict[str, _Entity | None] = {}
        order = sorted(range(len(self.attrs)),
                       key=lambda k: (self.attrs[k].source.start if self.attrs[k].source else 1 << 60, k))
        first_person: list[int] = []
        for k in order:
            a = self.attrs[k]
            if a.source is None or a.source.end <= a.source.start:
                out[a.id] = None
                continue
            self._own_content = [(c.start, c.end) for c in a.content]  # never its own speaker's antecedent
            self._listeners = self._addressees(a)  # "he told Hannity": never Hannity
            try:
                ent, pron = self._resolve_source(a)
            finally:
                self._own_content = ()
                self._listeners = frozenset()
            if pron == "first":
                first_person.append(k)
                continue
            out[a.id] = ent
            if ent is not None:
                ent.mentions[self._trimmed(a.source.start, a.source.end)] = None
                self.cited_at.setdefault(id(ent), []).append(a.source.start)
                sent_index = self.sent_of(a.source.start)
                self.timeline.append(self._cand(a.source.start, sent_index, ent,
                                                self._source_tier(a.source.start, a.source.end)))
        for k in first_person:
            a = self.attrs[k]
            ent = None
            for b in self.attrs:
                if b is a or b.type == AttributionType.INDIRECT:
                    continue
                if any(sp.start <= a.source.start < sp.end for sp in b.content):
                    ent = out.get(b.id)
                    break
            out[a.id] = ent
            if ent is not None:
                ent.mentions[self._trimmed(a.source.start, a.source.end)] = None
        return out

    def _trimmed(self, start: int, end: int) -> tuple[int, int]:
        """A source span without surrounding blanks and stray punctuation ("Dillon," -> "Dillon")."""
        s, e = start, end
        while s < e and (self.text[s].isspace() or self.text[s] in ",;:(\u2014-"):
            s += 1
        while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in ",;:(\u2014-"):
            e -= 1
        return (s, e) if e > s else (start, end)

    def _span_tokens(self, start: int, end: int) -> tuple[Sentence | None, list[int]]:
        sent_index = self.sent_of(start)
        for sj in (sent_index, sent_index + 1):
            if sj >= len(self.sents):
                break
            s = self.sents[sj]
            idx = [k for k, t in enumerate(s.tokens) if t.start < end and start < t.end]
            if idx:
                return s, idx
        return None, []

    def _resolve_source(self, a: Attribution) -> tuple[_Entity | None, str | None]:
        sp = a.source
        s, idx = self._span_tokens(sp.start, sp.end)
        raw = self.text[sp.start:sp.end]
        if s is None:
            w = _norm(raw.strip())
            cls = self.people.pronouns.get(w)
            if cls:
                return (None, "first") if cls == "first" else (self._link_pronoun(sp.start, self.sent_of(sp.start), cls), cls)
            return self._descriptive(raw.strip(), sp.start, "organization"), None
        sent_index = self.sent_of(s.tokens[idx[0]].start)
        toks = s.tokens
        a0 = idx[0]
        # skip a leading "according to" if extract included it
        while a0 < idx[-1] and (_norm(toks[a0].text) in ("according", "to", "by") or _is_punct(toks[a0])):
            a0 += 1
        a0 = self._after_lead(toks, a0, idx[-1])
        if a0 < idx[-1] and _norm(toks[a0].text) in ("which", "that", "who", "whom") and \
                toks[a0 + 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            # "The plan, which officials said would cost ...": the officials speak, not the plan
            # (nor a person named before the pronoun: "Jo Poe, who officials said ...")
            a0 += 1
            instead = self._subject_instead(s, sent_index, a0, a)
        else:
            instead = self._subject_instead(s, sent_index, a0, a) or self._name_before_apposition(s, a0) \
                or self._name_before_relative(s, a0, a) or self._participle_subject(s, sent_index, a)
        if instead is not None:
            return instead, None
        if a0 < idx[-1] and _norm(toks[a0 + 1].text) in ("itself", "himself", "herself", "themselves"):
            idx = [k for k in idx if k <= a0]  # "Ford itself said": the name before the intensifier
        if a0 >= 3 and toks[a0 - 1].text in ("-", "–") and toks[a0 - 3].text == "(" \
                and toks[a0 - 2].text in ("D", "R", "I") and (tagged := self._in_run(s, a0 - 4)) is not None:
            return self._attach(tagged), None  # "Harry M. Reid (D-| Nev.) blasted": the name before the tag
        b = a0
        while b <= idx[-1] and (_norm(toks[b].text) not in _STOP_CHUNK
                                or toks[b].text in ('"', "\u201c", "\u201d")):
            b += 1
        if b == a0:
            b = a0 + 1
        for k in range(a0 + 1, b):
            # a finite verb ends the noun phrase: a source span that took in a clause
            # ("Sanders compared himself to Clinton, saying", "the company said it would not be
            # able to file ..., warning") names its speaker before the verb
            if toks[k].upos in ("VERB", "AUX") and toks[k].xpos in ("VBD", "VBZ", "VBP", "MD") \
                    and not self._in_run(s, k) and not self._in_anonymous_phrase(toks, k) \
                    and toks[k].deprel not in ("compound", "amod"):  # "House ethics investigators": a noun's modifier tagged as a verb
                b = k
                break
        # a name in apposition names the speaker: "A spokeswoman for the department, Alicia
        # Moreno," / "The lawyer, Mark Ellis,"
        lead = self._in_run(s, a0)
        for k in range(a0 + 2, idx[-1] + 1):
            if lead is not None and lead.kind == "person" and not lead.possessor:
                break  # "Raymond Achterberg, Lakeshore's president": the name comes first
            if toks[k - 1].text == ",":
                run = self._in_run(s, k)
                possessive = run is not None and run.j < len(toks) and _norm(toks[run.j].text) in _POSSESSIVE
                if run is not None and run.kind == "organization" and not run.modifier and run.i == k and not possessive \
                        and _SOME_OF_THEM.match(self.tok_text(s, a0, k - 1).lower()):
                    return self._attach(run), None  # "One of them, UnitedHealth Group, has threatened": named
                if run is not None and run.kind == "person" and not run.modifier and run.i == k and not possessive \
                        and not self._unnamed_person_between(s, a0, k - 1):
                    e = self._attach(run)
                    role_phrase = self._role_phrase(s, a0, k - 1)
                    if role_phrase is not None and role_phrase.role and not e.role:
                        e.role = role_phrase.role  # what the phrase before the name says he or she is
                        if role_phrase.aff and not e.affiliation:
                            e.set_aff(self._resolve_aff(role_phrase.aff, role_phrase.aff_kind, role_phrase.aff_offset), 1)
                    return e, None
        # the head: last nominal word before a preposition that is not inside a name
        core_end = b
        for k in range(a0, b):
            t = toks[k]
            if t.upos == "ADP" and _norm(t.text) not in _POSSESSIVE and not self._in_run(s, k) and k > a0:
                core_end = k
                break
        core_end = self._partitive_end(s, a0, core_end, b)
        head = None
        for k in range(core_end - 1, a0 - 1, -1):
            t = toks[k]
            if t.upos in ("NOUN", "PROPN", "PRON", "NUM", "X") or self._in_run(s, k) or \
                    _norm(t.text) in self.people.pronouns or self.people.unnamed_head(t.text):
                # (an unnamed-source noun the tagger took for an adjective: "a publishing executive")
                head = k
                break
        if head is None:
            return None, None  # no word that could name anyone ("the", a stray mark)
        head_token = toks[head]
        if head == a0 and core_end - a0 == 1 and head_token.text.endswith(".") and self._title_at(toks, head):
            titled = self._in_run(s, head)
            if titled is not None and titled.kind == "person" and titled.name_i > head:
                return self._attach(titled), None  # the span stopped at the title: "Sen. | Bernie Sanders"
            return None, None  # "Jackson, Miss.,": an abbreviated title alone (here a state) is no one
        if _PARTY_TAG.match(self.tok_text(s, a0, core_end).replace(" ", "")):
            # "Sen. Chuck Schumer (D-N.Y.)": the name before the party tag
            k = a0
            while k > 0 and toks[k - 1].text in ("(", ",", "-"):
                k -= 1
            prev = self._in_run(s, k - 1) if k > 0 else None
            return (self._attach(prev) if prev is not None else None), None
        head_word = _norm(head_token.text)
        if head_word in self.people.pronouns and self.people.pronouns[head_word] == "second":
            return None, None  # "you": the reader or someone addressed, never resolved
        if head_word in ("who", "which", "whom") or (head_word == "that" and head_token.upos == "PRON" and core_end - a0 == 1):
            return self._relative(s, sent_index, head, a, person=head_word in ("who", "whom")), None
        if head_word in self.people.pronouns and (head_token.upos in ("PRON", "DET") or core_end - a0 == 1):
            cls = self.people.pronouns[head_word]
            if cls == "first":
                return None, "first"
            if cls == "thing" and (subj := self._content_subject_org(s, sent_index, a, head_token.start)) is not None:
                return subj, cls
            if cls in ("male", "female") and (subj := self._content_speaker(s, a, head_token.start, cls)) is not None:
                return subj, cls
            return self._link_pronoun(head_token.start, sent_index, cls), cls
        run = self._in_run(s, head)
        if run is not None and (not run.modifier or head == run.j - 1) and head >= run.name_i - (1 if run.title else 0):
            if run.modifier and head == run.j - 1 and b > run.j:
                run = None  # "SDF commander": the head is the common noun after the run
        if run is not None and run.kind == "person" and not run.title and (run.words[-1],) in self.people.roles:
            if len(run.words) == 1:
                # a lone "Pastor" opening a headline ("Pastor Wants Girl Scout Leaders ..."): the one
                # person whose title it is ("Pastor Kevin Swanson"), else no name
                titled = {id(e): e for e in self.entities if e.kind == "person" and e.title
                          and _norm(e.title.split()[-1]) == run.words[0]}
                if len(titled) == 1:
                    return next(iter(titled.values())), None
                if run.i == a0:  # "Spokesmen at the FBI and Justice Department said": unnamed people
                    return self._anonymous(self._description(s, a0, b), None, head_token, head, a0, s), None
            run = None  # "UMWA Director of Government Affairs Phil Smith": an office, not a name
        if run is None:
            # "Former Reagan chief of staff Don Regan": a name closing the phrase is its head
            last = b - 1
            while last > a0 and _is_punct(toks[last]):
                last -= 1
            tail = self._in_run(s, last)
            if tail is not None and tail.kind == "person" and not tail.modifier and tail.i > a0 \
                    and toks[tail.i - 1].upos != "ADP" and _norm(toks[tail.i - 1].text) not in ("of", "from", "for", "at", "in") \
                    and not any(_norm(t.text) in ("for", "to", "at", "with", "from") and t.upos == "ADP"
                                for t in toks[a0 + 1:tail.i]):
                # (not "a spokesman for Democratic mayoral candidate Elena Ruiz": the name
                # closes the phrase after "for", so it is whom the spokesman speaks for)
                run = tail
        if run is not None and run.tentative and run.i > 0 and _norm(toks[run.i - 1].text) in ("a", "an"):
            run = None  # "a Republican": a common noun with a capital, not a name
        if run is None and head_token.text[:1].isupper() and not self._common(head_token) and head == a0 and core_end - a0 == 1 \
                and (head_token.upos == "PROPN" or head != self._first_word(s)) \
                and not (self._title_at(toks, head) and head_token.text.endswith(".")) \
                and not (id(s) in self.headlines and head_token.text.lower() in self.lower_vocab
                         and head_token.text not in self.vocab):
            # (not "Report" in "Pence Calls for Prosecutor after Report Reveals ...": a word of a
            # Title Case headline the article writes in lower case elsewhere is a common noun)
            run = self._adhoc_run(s, sent_index, head, a)
        if run is not None and run.modifier and run.j > idx[-1] + 1:
            # the span stops inside a name that modifies the head ("According to USA | TODAY
            # contributor and monetary historian David Marsh"): the person the phrase ends on
            k = run.j
            while k < len(toks) and (toks[k].upos in ("NOUN", "ADJ", "CCONJ", "DET") or self._in_run(s, k)):
                r5 = self._in_run(s, k)
                if r5 is not None and r5 is not run and r5.kind == "person" and not r5.modifier:
                    return self._attach(r5), None
                k = r5.j if r5 is not None else k + 1
            return None, None
        if run is not None and run.words in self.people.places and run.i >= 2 and toks[run.i - 1].text == "," \
                and (prev := self._in_run(s, run.i - 2)) is not None and prev.kind == "place":
            # "Halvard, the Millbrook, | Ohio, maker of ...": the span began at the state of a
            # town in apposition; the speaker is the name the apposition describes, if any
            k = prev.i - 1
            while k >= 0 and _norm(toks[k].text) in ("the", "a", "an"):
                k -= 1
            named = self._in_run(s, k - 1) if k >= 1 and toks[k].text == "," else None
            if named is not None and named.kind != "place" and not named.modifier and named.words not in self.people.places:
                return self._attach(named), None
            return None, None
        if run is not None and run.kind == "organization" and run.i > a0 and head_token.text.endswith("s") \
                and any(_norm(t.text) in self.people.anonymous_modifiers for t in toks[a0:run.i]) \
                and _norm(head_token.text) in self.people.anonymous_nouns:
            run = None  # "Some House Republicans have complained", "two Senate Democrats": members, unnamed
        if run is not None:
            return self._attach(run), None
        # "his statement", "Russia's concerns": the possessor speaks when the head names no one
        # ("Clinton's husband", "Bennett's younger sister" name someone else: nobody we know)
        nouns = all_person_nouns()
        if (_norm(head_token.text) in self.people.kin or _norm(head_token.lemma) in self.people.kin
                or (head_token.upos == "NOUN" and not self._common(head_token)
                    and (_norm(head_token.text) in nouns or _norm(head_token.lemma) in nouns))) \
                and any(_norm(t.text) in _POSSESSIVE or "Poss=Yes" in (t.feats or "") for t in toks[a0:head]):
            # (also "Pruszynski's landlord, Fenwick Properties,": the name in apposition, if any)
            named = self._in_run(s, head + 2) if head + 2 < len(toks) and toks[head + 1].text == "," else None
            if named is not None and named.i == head + 2 and not named.modifier and not named.possessor:
                return self._attach(named), None
            return None, None
        named_doc = self._named_document(s, a0, head, head_token)
        if named_doc is not None:
            return named_doc, None  # "FEC records", "Labor Department figures" (a head also read as people)
        if not self._common(head_token):
            for k in range(a0, head):
                t = toks[k]
                w = _norm(t.text)
                cls = self.people.pronouns.get(w)
                if cls and cls != "first" and ("Poss=Yes" in (t.feats or "") or w in ("his", "her", "its", "their")):
                    return self._link_pronoun(t.start, sent_index, cls), cls
                if w in _POSSESSIVE and k > a0:
                    r = self._in_run(s, k - 1)
                    if r is not None:
                        return self._attach(r), None
            # "an editorial in The Des Moines Register", "a report by the Pentagon": the
            # organisation that publishes the document speaks (also past the span's end)
            if _norm(head_token.lemma) in self.people.org_documents or _norm(head_token.text) in self.people.org_documents:
                k = head + 1
                if k < len(toks) and _norm(toks[k].text) in ("in", "by", "from", "of") and toks[k].upos == "ADP":
                    k += 1
                    r = self._in_run(s, k) if k < len(toks) else None
                    if r is None and k + 1 < len(toks) and _norm(toks[k].text) == "the":
                        r = self._in_run(s, k + 1)
                    if r is not None and r.kind == "organization" and not r.modifier \
                            and r.words not in self.people.places:
                        return self._attach(r), None
        return self._common_source(s, sent_index, a0, b, head, a), None

    def _in_anonymous_phrase(self, toks, k: int) -> bool:
        """The word is inside one of the [anonymous] phrases ("people close to the mayor say":
        the tagger reads "close" as a finite verb), so it does not end the source's noun phrase."""
        window = " ".join(_norm(t.text) for t in toks[max(0, k - 2):k + 3])
        word = _norm(toks[k].text)
        return any(word in p.split() and p in window for p in self.people.anonymous_phrases if " " in p)

    def _named_document(self, s: Sentence, a0: int, head: int, head_token: Token) -> _Entity | None:
        """"FEC records", "the Pentagon documents": an organisation naming the document speaks
        (not a place: "the Iowa caucuses"; not people: "Trump fans")."""
        r = self._in_run(s, head - 1) if head > a0 else None
        if r is not None and r.modifier and r.kind == "organization" and r.j == head \
                and head_token.upos == "NOUN" and r.words not in self.people.places \
                and _norm(head_token.lemma) in self.people.org_documents:
            return self._attach(r)
        return None

    def confidence(self, a: Attribution, e: _Entity) -> Confidence:
        """"high" when the source itself names the speaker or is the speaker's own
        description; "low" when a pronoun or role noun was tied to a name given more than
        ``FAR`` sentences before it (or only after it)."""
        s, t = self._trimmed(a.source.start, a.source.end)
        if any(a.source.start <= o < a.source.end and held is e for o, held in getattr(self, "weak_pronoun_at", {}).items()):
            return Confidence.LOW
        if any(a.source.start <= o < a.source.end and ev["entity"] is e and ev["skipped"]
               for o, ev in getattr(self, "link_evidence", {}).items()):
            return Confidence.LOW  # salience passed over a closer subject that may be the speaker
        words = {_norm(w) for w in re.findall(r"[\w'’.-]+", self.text[s:t])}
        if e.kind == "anonymous" and _PERSONAL.fullmatch(self.text[s:t]) and not any(
                o < s and not re.match(r"(?i)(?:he|she|they)\b", self.text[o:o + 5]) for o in self.cited_at.get(id(e), ())):
            # "she doubled down" tied to "an opponent of the auto bailout", "They are saying" to
            # "state health officials discovered ...": a pronoun whose unnamed antecedent was never
            # cited as a source under its own description before it is a guess (a pronoun after
            # "Aides said ..." is not)
            return Confidence.LOW
        if e.kind != "person" or any(set(name_seq) & words for name_seq in e.names if name_seq):
            return Confidence.HIGH
        sent_index = self.sent_of(s)
        last = self.spots.named(e).max_sent_before(s)  # the latest sentence naming e before s
        return Confidence.HIGH if last is not None and sent_index - last <= FAR else Confidence.LOW

    def _after_lead(self, toks: tuple[Token, ...], a0: int, last: int) -> int:
        """Skip a leading time phrase or dateline that the source span took in, cut off by a
        comma or a dash ("Tuesday, the company", "WASHINGTON — Sen. Chuck Grassley",
        "Sunday night's debate, Sanders"): a weekday or a place in capitals speaks for nobody."""
        while a0 < last and _norm(toks[a0].text) in self.people.not_names and toks[a0 + 1].upos == "PRON":
            a0 += 1  # "Monday he said"
        if toks[a0].text.isupper() and len(toks[a0].text) > 1:
            for k in range(a0 + 1, min(last, a0 + 12)):
                if toks[k].text in ("—", "–", "--"):
                    return k + 1  # "GOTHENBURG, Sweden (Wire) — The board ..."
        for k in range(a0 + 1, min(last, a0 + 7)):
            if toks[k].text not in (",", "—", "–", "--", "-"):
                continue
            lead = [t for t in toks[a0:k] if t.text[:1].isalpha()]
            # a weekday or month, not a first name before a surname ("Jan Brewer", "May Lin")
            dated = any(_norm(t.text) in self.people.not_names and not (
                t.id < len(toks) and toks[t.id].upos == "PROPN" and toks[t.id].text[:1].isupper()
                and t.id < k) for t in lead)
            dateline = bool(lead) and all(t.text.isupper() and len(t.text) > 1 for t in lead)
            if (dated or dateline) and toks[k + 1].upos in ("DET", "PROPN", "PRON", "NOUN", "ADJ"):
                return k + 1
            break
        return a0
