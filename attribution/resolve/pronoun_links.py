"""Step 4 (part), a source pronoun's antecedent in its clause and the sentences before.

Before salience (:mod:`.salience`) ranks the mentions before a he/she: cataphora in a clause
that opens the sentence takes up the main clause's subject ("In what he called a 'rant,'
President Obama ..."); a he/she after a sentence whose main subject is a he/she of the same
gender keeps that pronoun's antecedent (centering's "continue"), unless someone of that gender
is named in between; the cue's addressee ("he told Hannity") is never the antecedent.  A
he/she tied to a person tells the entity table that person's gender, which later pronouns use."""
from __future__ import annotations

from ..model import Attribution
from ..vocab import first_name_gender, norm as _norm
from .records import _Entity


# words that open a clause put before the main one ("In what he called ...", "When she ...")
_FRONTING = frozenset(("in", "as", "when", "while", "after", "before", "although", "though", "if", "since",
                       "because"))


class PronounLinks:
    """A source pronoun's link (:meth:`_link_pronoun`) and the cue's addressees."""

    def _addressees(self, a: Attribution) -> frozenset[int]:
        """The entities the cue is addressed to ("he told Hannity", "she said to Ms. Ruiz",
        "he asked Trump"): the cue's object, or its "to" phrase, when it lies in a name run.  A
        pronoun subject of that cue is someone else (a non-reflexive pronoun never takes up its
        own verb's object), so these are never its antecedent."""
        if a.cue is None:
            return frozenset()
        sj = self.sent_of(a.cue.start)
        if not 0 <= sj < len(self.sents):
            return frozenset()
        s = self.sents[sj]
        toks = s.tokens
        cue = next((t for t in toks if t.start <= a.cue.start < t.end), None)
        if cue is None:
            return frozenset()
        out = set()
        for k, t in enumerate(toks):
            if t.head != cue.id:
                continue
            to = t.deprel == "obl" and any(c.head == t.id and c.deprel == "case" and _norm(c.text) == "to" for c in toks)
            if not (t.deprel in ("obj", "iobj") or to):
                continue
            run = self._in_run(s, k)
            if run is not None and not run.modifier and not run.possessor and run.entity is not None:
                out.add(id(run.entity))
        return frozenset(out)

    def _link_pronoun(self, offset: int, sent_index: int, cls: str) -> _Entity | None:
        """A source pronoun's antecedent (:mod:`.salience`); a he/she tied to a person by salience
        tells the entity table that person's gender, which later pronouns use."""
        if cls in ("male", "female") and (fronted := self._fronted_subject(offset, sent_index, cls)) is not None:
            self._evidence(offset, fronted, "fronted")
            return fronted
        if cls in ("male", "female") and (asked := self._asked_person(offset, sent_index, cls)) is not None:
            self._evidence(offset, asked, "asked")
            return asked
        best, found = self._antecedent(offset, sent_index, cls)
        own_cand = getattr(self, "_best_cand", None)
        skipped = getattr(self, "_skipped_closer", False)
        chained = self._subject_chain(offset, sent_index, cls) if cls in ("male", "female") else None
        self._best_cand = own_cand
        self._skipped_closer = skipped
        via = "salience"
        if chained is not None and chained is not best:
            # the sentence before is about a "he" too ("He attended the rally, though he's not sure
            # whether he'll vote for Clinton or Sanders. '...,' he said"): the same person, not the
            # one named last in it
            best, found = chained, True
            self._best_cand = getattr(self, "_chain_cand", None)  # its own evidence decides the confidence
            via = "chain"
        if not found:
            cat = self._cataphor(offset, sent_index, cls) if cls in ("male", "female") else None
            self._evidence(offset, cat, "cataphor")
            return cat
        if best is not None and cls == "group" and best.kind == "person":
            # "they" for one named person: in news copy the group it stands for ("30 political
            # types who they think ...", "outsiders ... when they uttered") is unnamed or plural;
            # a person named with another ("Cruz and Trump have ... Yet they've offered") is one
            # of the speakers, shown as uncertain
            c = getattr(self, "_best_cand", None)
            if c is None or c.entity is not best or not self._coordinated_person(c.start):
                return None
            self.weak_pronoun_at = getattr(self, "weak_pronoun_at", {})
            self.weak_pronoun_at[offset] = best
            self._evidence(offset, best, "pair")
            return best
        if best is not None and cls in ("male", "female"):
            want = "m" if cls == "male" else "f"
            if best.kind == "person" and not best.gender and any(
                    len(n) > 1 and first_name_gender(self.people, n[0]) not in (None, want) for n in best.names):
                return None  # "she said" -> "Earl Bodine": against the first name's gender (data/first_names.txt), no link
            self._learn_gender(best, want)
        c = getattr(self, "_best_cand", None)
        if best is not None and c is not None and c.entity is best and (c.reported or c.quoted):
            # the antecedent is only mentioned in someone's words ("Obama's recent campaign" in
            # a claim): shown as uncertain
            self.weak_pronoun_at = getattr(self, "weak_pronoun_at", {})
            self.weak_pronoun_at[offset] = best
        self._evidence(offset, best, via)
        return best

    def _asked_person(self, offset: int, sent_index: int, cls: str) -> _Entity | None:
        """"asking Rubio why he decided to attack Trump": a he/she opening the question put to the
        person asked is that person, not the one who asks."""
        if not 0 <= sent_index < len(self.sents) or self._inside(self.quotes, offset):
            return None
        s = self.sents[sent_index]
        toks = s.tokens
        k = next((n for n, t in enumerate(toks) if t.start <= offset < t.end), None)
        if k is None or k < 3 or _norm(toks[k - 1].text) not in ("why", "whether", "if", "how", "when", "what"):
            return None
        run = self._in_run(s, k - 2)
        if run is None or run.j != k - 1 or run.kind != "person" or run.entity is None or run.possessor:
            return None
        if run.i < 1 or _norm(toks[run.i - 1].lemma) != "ask" or self._compat(run.entity, cls) is None:
            return None
        return run.entity

    def _evidence(self, offset: int, e: _Entity | None, via: str) -> None:
        """What the pronoun link at ``offset`` rests on: how it was made (salience, the subject
        chain, a fronted clause, cataphora) and whether salience passed over a closer subject
        that may be the speaker; :meth:`.linking.SourceLinking.confidence` reads it."""
        if e is None:
            return
        ev = getattr(self, "link_evidence", None)
        if ev is None:
            ev = self.link_evidence = {}
        ev[offset] = {"via": via, "entity": e,
                      "skipped": via == "salience" and bool(getattr(self, "_skipped_closer", False))}

    def _coordinated_person(self, offset: int) -> bool:
        """The name run at ``offset`` is joined by "and" to another person's name ("Cruz and
        Trump", "Sarah Silverman and Al Franken")."""
        sj = self.sent_of(offset)
        if not 0 <= sj < len(self.sents):
            return False
        s = self.sents[sj]
        run = next((r for r in self.runs_by_sent[sj] if r.start == offset), None)
        if run is None:
            return False
        toks = s.tokens
        after = self._in_run(s, run.j + 1) if run.j + 1 < len(toks) and _norm(toks[run.j].text) == "and" else None
        before = self._in_run(s, run.i - 2) if run.i >= 2 and _norm(toks[run.i - 1].text) == "and" else None
        return any(r is not None and r is not run and r.kind == "person" and not r.modifier for r in (after, before))

    def _subject_chain(self, offset: int, sent_index: int, cls: str) -> _Entity | None:
        """The antecedent of a he/she that is the main subject of the sentence before, when
        nothing of that gender is named in this sentence before the pronoun: a run of sentences
        about one person keeps that person (centering's "continue")."""
        if sent_index == 0 or self._inside(self.quotes, offset):
            return None
        s = self.sents[sent_index]
        for r in self.runs_by_sent[sent_index]:
            if r.start < offset and r.entity is not None and not r.modifier and self._compat(r.entity, cls) is not None \
                    and not any(s0 <= r.start < e0 for s0, e0 in getattr(self, "_own_content", ())):
                return None  # someone of that gender is named in this sentence before it (not in the words it cites)
        prev = self.sents[sent_index - 1]
        toks = prev.tokens
        root = next((t for t in toks if t.deprel == "root"), None)
        subj = next((t for t in toks if root is not None and t.head == root.id and t.deprel == "nsubj"), None)
        lead_end = self._lead_end(sent_index - 1)
        if subj is None and lead_end is not None:
            # "Asked on Fox News who leads the party, he said Ryan.": the parser may make the
            # participle the root; the main clause's subject is the first after the clause
            subj = next((t for t in toks if t.start > lead_end and t.deprel == "nsubj"), None)
        if subj is None or self.people.pronouns.get(_norm(subj.text)) != cls or self._inside(self.quotes, subj.start):
            return None
        if getattr(self, "_chain_depth", 0) > 3:
            return None
        self._chain_depth = getattr(self, "_chain_depth", 0) + 1
        linked = next((c for c in self._timeline_window(sent_index - 1, sent_index - 1) if c.start == subj.start), None)
        if linked is not None and self._compat(linked.entity, cls) is not None:
            self._chain_cand = linked
            return linked.entity  # that pronoun is a source already linked: keep its speaker
        try:
            ante, _ = self._antecedent(subj.start, sent_index - 1, cls)
            self._chain_cand = getattr(self, "_best_cand", None)
            if ante is None:
                ante = self._subject_chain(subj.start, sent_index - 1, cls)
        finally:
            self._chain_depth -= 1
        return ante

    def _fronted_subject(self, offset: int, sent_index: int, cls: str) -> _Entity | None:
        """Cataphora in a clause that opens the sentence ("In what he acknowledged as a
        'rant,' President Obama took a whack at ...", "When she took office, Mayor Ruth Cole
        ..."): the pronoun takes up the subject of the main clause after the comma, a named
        person of its gender, not someone named in the sentence before."""
        if not 0 <= sent_index < len(self.sents):
            return None
        s = self.sents[sent_index]
        toks = s.tokens
        k = next((n for n, t in enumerate(toks) if t.start <= offset < t.end), None)
        if k is None or k == 0 or self._inside(self.quotes, offset):
            return None
        fronted = _norm(toks[0].text) in _FRONTING or (
            # an adverb before the conjunction: "Even as he accused ...", "Just after she ..."
            len(toks) > 1 and toks[0].upos == "ADV" and _norm(toks[1].text) in _FRONTING)
        if not fronted and self._lead_end(sent_index) is None:
            return None  # ("Asked by Starnes if he believed ..., Carson said": a participle clause too)
        if any(t.text in (",", ";", ":", "\u2014", "\u2013") for t in toks[:k]):
            return None  # the pronoun is past the opening clause
        c = next((n for n in range(k + 1, len(toks)) if toks[n].text in (",", ";", "\u2014", "\u2013")), None)
        if c is None or toks[c].text != ",":
            return None
        n = c + 1
        while n < len(toks) and toks[n].text in ('"', "\u201d", "''", "\u2019"):
            n += 1  # a comma inside the closing mark: '... a "rant," President Obama'
        run = self._in_run(s, n) if n < len(toks) else None
        if run is None or run.i != n or run.kind != "person" or run.modifier or run.possessor or run.entity is None:
            return None
        if not self._run_head(s, run.i, run.j).deprel.startswith("nsubj"):
            return None
        return run.entity if self._compat(run.entity, cls) is not None else None
