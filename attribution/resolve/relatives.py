"""Step 4, relative pronouns as sources: "X, who said ..." links to the phrase the relative
clause belongs to (split out of :mod:`.linking`, whose :class:`~.linking.SourceLinking` inherits
this)."""
from __future__ import annotations

from ..model import Attribution, Sentence
from ..vocab import norm as _norm
from .records import _Entity
from .words import _POSSESSIVE, _is_punct


class RelativeLinking:
    """The relative-pronoun step of source linking (uses the linker's ``_in_run``, ``_attach``,
    ``_common_source`` and ``people``)."""

    def _relative(self, s: Sentence, sent_index: int, k: int, a: Attribution, *, person: bool) -> _Entity | None:
        """"X, who said ...": the relative pronoun's antecedent is the phrase before it."""
        toks = s.tokens
        m = k - 1
        while m >= 0 and _is_punct(toks[m]):
            m -= 1
        if m < 0:
            return None
        # "Igor Konashenkov, the ministry's spokesman, who ...": skip back over an apposition
        run = self._in_run(s, m)
        if run is not None and not person and m == k - 1 and run.j == k and not run.modifier:
            # a name takes no restrictive relative clause: in "an ad targeting Iowa that
            # attacks ..." the clause belongs to a noun before the name, which is not the speaker
            return None
        if run is not None and person and m == k - 1 and run.j == k and run.i > 0 and toks[run.i - 1].upos == "ADP" \
                and not run.modifier:
            # "the man with a famously complicated relationship with Clinton who declined to run":
            # a name after a preposition with no comma before "who" is not what the clause
            # describes (a name takes "Clinton, who ..."); the clause belongs to a noun before it
            return None
        if run is not None and person and ((run.kind != "person" and (
                run.kind == "place" or run.words in self.people.places)) or (
                run.tentative and run.i > 0 and _norm(toks[run.i - 1].text) in ("from", "in"))):
            # (also a lone word after "from": "Nicky Driscoll, 24, from Manchester, who said")
            # "Alan Berger, a gynecologist from Englewood, New Jersey, who said ...": a place
            # closing the apposition is where the person is from; the person is the name the
            # apposition describes (none when a verb comes first: another clause)
            q = run.i - 1
            while q >= 0 and toks[q].upos not in ("VERB", "AUX"):
                r4 = self._in_run(s, q)
                if r4 is not None and r4.kind == "person" and not r4.modifier and not r4.possessor \
                        and not (r4.i > 0 and toks[r4.i - 1].upos == "ADP"):  # "from Englewood"
                    return self._attach(r4)
                q = r4.i - 1 if r4 is not None else q - 1
            return None
        if run is None or (person and run.kind != "person"):
            q = m
            while q > 0 and toks[q].text != ",":
                q -= 1
            if q > 0 and toks[q].text == ",":
                r2 = self._in_run(s, q - 1)
                # "Mr. Guerrero, a Republican who described himself ...": the named person
                if r2 is not None and r2.kind == "person" and not r2.modifier and (
                        r2.role or r2.affiliation or not self._in_run(s, m)):
                    run = r2
        if run is not None and person and run.kind == "place":
            # "Alan Berger of New Jersey, who said ...": the person before "of <place>"
            k = run.i - 1
            r3 = self._in_run(s, k - 1) if k >= 1 and toks[k].upos == "ADP" else None
            run = r3 if r3 is not None and r3.kind == "person" else None
            if run is None:
                return None
        if run is not None and not run.modifier:
            return self._attach(run)
        if toks[m].upos not in ("NOUN", "PROPN", "NUM") and _norm(toks[m].text) not in self.people.anonymous_nouns:
            return None
        if _norm(toks[m].text) in self.people.not_names or toks[m].upos == "NUM":
            return None  # "on Thursday, which ...": a date is nobody
        st = self._np_start(toks, m)
        if person and st >= 2 and toks[st - 1].upos == "ADP" and toks[st - 2].upos in ("NOUN", "PROPN") and \
                _norm(toks[st - 1].text) not in _AFFILIATING:
            # "said one retired nurse outside the company's headquarters, who declined ...": the
            # noun phrase of a preposition places or qualifies someone; "who" is that someone
            h = st - 2
            run = self._in_run(s, h)
            if run is not None:
                return self._attach(run) if run.kind == "person" and not run.modifier else None
            return self._common_source(s, sent_index, self._np_start(toks, h), h + 1, h, a)
        return self._common_source(s, sent_index, st, m + 1, m, a)

    @staticmethod
    def _np_start(toks, m: int) -> int:
        """Where the noun phrase that ends at token ``m`` (0-based) starts."""
        st = m
        while st > 0 and (toks[st - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                          or (toks[st - 1].upos == "VERB" and toks[st - 1].deprel == "amod")  # "retired"
                          or _norm(toks[st - 1].text) in _POSSESSIVE) and toks[st - 1].text != ",":
            st -= 1
        return st

# prepositions that tie a person to whom they work for or belong to ("an adviser to the governor,
# who ...", "a professor at the university, who ..."): the phrase describes the person, and the
# relative clause belongs to the whole of it
_AFFILIATING = frozenset(["to", "of", "for", "at", "with", "from", "in"])
