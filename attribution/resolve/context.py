"""Step 5 (part), the clause around a source: who the words next to a source span say speaks.

Source linking (:mod:`.linking`) asks here first: a span that is the object of a preposition or
verb gives way to the cue's subject; a span that begins at the apposition of a name or inside a
relative clause about a named person gives way to that person; a name in apposition after
another unnamed person names no one for certain; a trailing "it said" / "she said" is the
subject of the reported words before it when that subject is an organisation, or a named
person's own speech verb.  Lookups on the parse; only ``_attach`` makes entities."""
from __future__ import annotations

import functools
import re

from ..model import Attribution, Sentence
from ..vocab import derived_person_nouns, norm as _norm
from .records import _Entity
from .words import _POSSESSIVE, _is_punct


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """The lemmas of cues.toml's speech verbs ("say", "tell", "add", ...)."""
    from ..vocab import load_lexicon

    return load_lexicon().of_class("speech")


class ClauseContext:
    """The clause context of a source span (see the module docstring)."""

    def _unnamed_person_between(self, s: Sentence, a0: int, comma: int) -> bool:
        """The phrase before the comma ends on another unnamed person described by a clause,
        after for/to/of ("A lawyer for the acquaintance charged with selling the pills, Dwayne
        Keller, 34,"): the name after the comma may be either one's, so it names no speaker (a
        wrong speaker is worse than none).  Not a role that names someone elsewhere ("an aide
        to the senator, Mark Ellis,"), an organisation ("a spokeswoman for the department,
        Alicia Moreno,") nor a bare person noun ("a lawyer for the family, Ann Ruiz,")."""
        toks = s.tokens
        adp = next((k for k in range(a0 + 1, comma) if toks[k].upos == "ADP" and _norm(toks[k].text) in ("for", "to", "of")), None)
        if adp is None:
            return False
        for k in range(adp + 1, comma):
            t = toks[k]
            w = _norm(t.text)
            if t.upos == "NOUN" and not self._in_run(s, k) and (w,) not in self.people.roles and (
                    w in self.people.anonymous_nouns or w in derived_person_nouns()):
                # described by a clause of its own ("charged with ...", "who ..."): the name
                # that follows the clause is as likely to be that person's
                return any(u.upos == "VERB" and u.xpos in ("VBN", "VBG", "VBD", "VBZ") or _norm(u.text) == "who"
                           for u in toks[k + 1:comma])
        return False

    def _name_before_relative(self, s: Sentence, a0: int, a: Attribution) -> _Entity | None:
        """The span began inside a relative clause about a person named before it ("Jo Poe, who
        lives near | the top of Elm Road, one of the steepest streets in town, told ..."): the
        place or thing in the clause says nothing, the person it describes speaks."""
        toks = s.tokens
        if a.cue is None or a.cue.start < a.source.end:
            return None
        if not re.search(r"[,\u2014\u2013]|\s--\s", self.text[a.source.end:a.cue.start]):
            return None  # "Mr. Obama, who has gotten less credit than aides say he deserves": the
            # span runs straight into its own cue, so it is that cue's subject
        # a span that cannot be the cue's subject (the object of a preposition: "killed in | the
        # 2019 fire"; or one that takes in the clause's own verb: "a firefighter, was one of
        # ...") lies inside the clause, which may run past commas ("Dorothy Banks, whose
        # brother, a firefighter, was killed in the fire, discussed ...")
        cue_at = a.cue.start
        inside = toks[a0 - 1].upos == "ADP" if a0 > 0 else False
        inside = inside or any(t.xpos in ("VBD", "VBZ", "VBP") and t.upos in ("VERB", "AUX")
                               and a.source.start <= t.start < min(a.source.end, cue_at) for t in toks)
        for k in range(a0 - 1, 1, -1):
            t = toks[k]
            if (t.text in (",", "\u2014", "\u2013") and not inside) or t.text in (";", '"', "\u201c", "\u201d") \
                    or self._inside(self.quotes, t.start):
                return None
            if _norm(t.text) in ("who", "whose") and toks[k - 1].text == ",":
                if not any(u.text == "," and a.source.start <= u.start < a.cue.start for u in toks):
                    return None  # "Megyn Kelly, who he claims has been unfair": the cue is the clause's own
                run = self._in_run(s, k - 2)
                if run is not None and run.kind == "person" and not run.modifier and run.j == k - 1:
                    return self._attach(run)
                return None
        return None

    def _content_subject_org(self, s: Sentence, sent_index: int, a: Attribution, before: int) -> _Entity | None:
        """An "it" after the reported words in its own sentence is the organisation those words
        are about when it is their subject ("The company will report its results in January, it
        said"; "Quillon ... lost $37 million, according to figures it gave investors"), not an
        organisation cited in the sentence before."""
        toks = s.tokens
        if not a.content or a.content[0].start >= before or a.content[0].start < s.start:
            return None
        for k, t in enumerate(toks):
            if t.start >= before:
                break
            if not t.deprel.startswith("nsubj") or not any(c.start <= t.start < c.end for c in a.content):
                continue
            if self._inside(self.quotes, t.start):
                return None
            run = self._in_run(s, k)
            if run is not None:
                if run.modifier or run.possessor:
                    return None
                e = self._attach(run)
            elif t.upos == "NOUN" and (_norm(t.text) in self.people.org_heads or _norm(t.lemma) in self.people.org_heads):
                st = k
                while st > 0 and toks[st - 1].upos in ("DET", "ADJ") and not _is_punct(toks[st - 1]):
                    st -= 1
                e = self._common_source(s, sent_index, st, k + 1, k, None)
            else:
                return None
            return e if e is not None and e.kind == "organization" else None
        return None

    def _content_speaker(self, s: Sentence, a: Attribution, before: int, cls: str) -> _Entity | None:
        """A trailing "she said" whose reported words open on a named person's own speech verb
        ("Whitcomb said Northline had not approached the town; the company's engineers had
        ruled it out, she said") is that person, when the pronoun fits, not someone named in
        the sentence before."""
        toks = s.tokens
        if not a.content or a.content[0].start >= before or a.content[0].start < s.start:
            return None
        speech = _speech_verbs()
        for k, t in enumerate(toks):
            if t.start >= before:
                break
            if not t.deprel.startswith("nsubj") or not any(c.start <= t.start < c.end for c in a.content):
                continue
            verb = next((v for v in toks if v.id == t.head), None)
            if verb is not None and (verb.deprel == "advcl" or any(c.head == verb.id and c.deprel == "mark" for c in toks)):
                continue  # "When Ms. Friedan recommended ..., Mrs. Schlafly replied that ...": a subordinate clause's subject
            run = self._in_run(s, k)
            if self._inside(self.quotes, t.start) or verb is None or _norm(verb.lemma) not in speech \
                    or run is None or run.kind != "person" or run.modifier or run.possessor:
                return None
            e = self._attach(run)
            return e if e.kind == "person" and self._compat(e, cls) is not None else None
        return None

    def _name_before_apposition(self, s: Sentence, a0: int) -> _Entity | None:
        """The span began at the apposition of a name just before it ("Doug Andres, a spokesman
        for the speaker told the Post", "Rahm Emanuel, his chief of staff, urged"): the named
        person speaks, not an unnamed one.  The name opens the sentence or follows a comma, a
        dash or a quotation mark (not "asked about Smith, the spokesman said"), and the parse
        makes the description its apposition."""
        toks = s.tokens
        if a0 < 2 or toks[a0 - 1].text != "," or _norm(toks[a0].text) not in ("a", "an", "the", "his", "her", "their"):
            return None
        run = self._in_run(s, a0 - 2)
        if run is None or run.kind != "person" or run.modifier or run.j != a0 - 1:
            return None
        if run.i > 0 and toks[run.i - 1].text not in (",", "—", "–", "--", '"', "\u201d", "\u2019", "'", "''"):
            return None
        # the parse makes the description the name's apposition, or (with no comma closing the
        # apposition: "Gary Byrne, a former Secret Service agent has written") a second subject
        # of the name's own verb, which only an apposition can be
        subj = {t.head for t in toks[run.i:run.j] if t.deprel.startswith("nsubj") and not run.i < t.head <= run.j}
        if not any((t.deprel == "appos" and run.i < t.head <= run.j) or (t.deprel.startswith("nsubj") and t.head in subj)
                   for t in toks[a0:a0 + 8]):
            return None  # "Clinton, a top aide said, is very confident": the aide speaks of Clinton
        return self._attach(run)

    def _participle_subject(self, s: Sentence, sent_index: int, a: Attribution) -> _Entity | None:
        """A participle cue after a relative clause that closes the span ("he rose to the
        defense of Tom Walsh, the head of the union, | the AFT, who is under investigation, |
        saying ..."): the participle goes with the main clause, so its subject speaks, not the
        thing the relative clause describes (the parse often hangs the participle on it)."""
        toks = s.tokens
        if a.cue is None or a.cue.start < a.source.end or self.text[a.source.end:a.cue.start].strip() != ",":
            return None
        cue = next((t for t in toks if t.start <= a.cue.start < t.end), None)
        if cue is None or cue.xpos != "VBG":
            return None
        span = [n for n, t in enumerate(toks) if a.source.start <= t.start < a.source.end]
        if not any(_norm(toks[n].text) in ("who", "which") and n > 0 and toks[n - 1].text == "," for n in span):
            return None
        root = next((t for t in toks if t.deprel == "root"), None)
        subj = next((t for t in toks if root is not None and t.head == root.id and t.deprel in ("nsubj", "nsubj:pass")
                     and t.start < a.source.start), None)
        if subj is None or self._inside(self.quotes, subj.start):
            return None
        k = toks.index(subj)
        run = self._in_run(s, k)
        if run is not None and not run.modifier and not run.possessor:
            return self._attach(run)
        w = _norm(subj.text)
        if w in self.people.pronouns and self.people.pronouns[w] in ("male", "female"):
            return self._link_pronoun(subj.start, sent_index, self.people.pronouns[w])
        return None

    def _subject_instead(self, s: Sentence, sent_index: int, a0: int, a: Attribution) -> _Entity | None:
        """A span that is the object of a preposition or verb is no one's voice ("Clinton, during |
        a town hall meeting, said", "he opened | a rally blasting ..."): the speaker is the subject
        (from the parse) of the cue, its governor or that verb, named before the span."""
        toks = s.tokens
        if a0 == 0 or a.cue is None:
            return None
        pre = toks[a0 - 1]
        cue = next((t for t in toks if t.start <= a.cue.start < t.end), None)
        if cue is None or pre is cue or cue.start < pre.start:
            return None
        adp = pre.upos == "ADP" and _norm(pre.text) not in ("to", "by", "of", "with", "for", "from")
        if adp and _norm(pre.text) == "as" and a.source.end <= cue.start and not (a0 >= 2 and _norm(toks[a0 - 2].text) == "such"):
            adp = False  # "grew louder as | Patti Davis, Reagan's daughter, attacked": a clause's subject
        verb = pre.upos == "VERB" and pre.xpos in ("VBD", "VBZ", "VBP", "VBG")
        span_end = a.source.end
        span = [t for t in toks if a.source.start <= t.start < a.source.end]
        # the word's object ("during | a meeting"), never a clause's subject ("said | Mayor X had ...")
        adp = adp and pre.deprel == "case" and any(t.id == pre.head for t in span)
        verb = verb and any(t.head == pre.id and t.deprel in ("obj", "iobj", "obl") for t in span)
        if adp and _norm(pre.text) != "as" and (a0 == 1 or toks[a0 - 2].text in ('"', "\u201c", "\u201d", "\u2014")):
            # "Like Harlan, | Ruiz also rejected", "In Oregon, | the cities of Salem and Eugene
            # said": a phrase opening the sentence, then a comma and the clause's subject
            comma = next((n for n in range(a0 + 1, len(toks)) if toks[n].text == ","
                          and a.source.start <= toks[n].start < span_end), None)
            subj = next((toks[n] for n in range(comma + 1, len(toks)) if toks[n].deprel in ("nsubj", "nsubj:pass")
                         and toks[n].start < span_end), None) if comma is not None else None
            named = self._in_run(s, comma - 1) if comma is not None else None
            if named is not None and named.kind == "person" and comma + 1 < len(toks) and \
                    _norm(toks[comma + 1].text) in ("a", "an", "the"):
                subj = None  # "As Andrew Tabler, an expert on Syria, noted": an apposition, not a new subject
            if subj is not None and not self._inside(self.quotes, subj.start):
                k = toks.index(subj)
                run = self._in_run(s, k)
                if run is not None and not run.modifier and not run.possessor and run.i == comma + 1:
                    return self._attach(run)
                if subj.upos == "NOUN" and not self._in_run(s, k) and all(
                        toks[n].upos in ("DET", "ADJ", "NOUN", "NUM") or _norm(toks[n].text) in _POSSESSIVE
                        for n in range(comma + 1, k)):  # the subject opens the clause after the comma
                    st = k
                    while st > comma + 1 and (toks[st - 1].upos in ("DET", "ADJ", "NOUN", "NUM")
                                              or _norm(toks[st - 1].text) in _POSSESSIVE):
                        st -= 1
                    end = k + 1
                    while end < len(toks) and toks[end].start < span_end and toks[end].upos not in ("VERB", "AUX") \
                            and toks[end].text != ",":
                        end += 1
                    e = self._common_source(s, sent_index, st, end, k, a)
                    return e if e is not None and e.kind in ("person", "organization", "anonymous") else None
        if not (adp or verb) or any(c.head == cue.id and c.deprel.startswith("nsubj") and a0 <= n and c.start < span_end
                                    for n, c in enumerate(toks)):
            return None  # "hours after | Sanders said": the span is the cue's own subject
        up = next((t for t in toks if t.id == cue.head and t.upos == "VERB"), None)  # "..., claiming"
        for gov in [g for g in ((cue, up, pre) if adp else (pre, cue, up)) if g is not None]:
            subj = next((c for c in toks if c.head == gov.id and c.deprel in ("nsubj", "nsubj:pass")
                         and c.start < pre.start), None)
            if subj is None or self._inside(self.quotes, subj.start):
                continue
            k = toks.index(subj)
            run = self._in_run(s, k)
            if run is not None and not run.modifier:
                return self._attach(run)
            w = _norm(subj.text)
            if w in self.people.pronouns and self.people.pronouns[w] not in ("first", "second"):
                return self._link_pronoun(subj.start, sent_index, self.people.pronouns[w])
            if subj.upos == "NOUN":
                st = k
                while st > 0 and (toks[st - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                  or _norm(toks[st - 1].text) in _POSSESSIVE):
                    st -= 1
                e = self._common_source(s, sent_index, st, k + 1, k, a)
                return e if e is not None and e.kind in ("person", "organization") else None
        if verb and _norm(pre.lemma) in _speech_verbs():
            # the parse gave the speech verb no subject ('"...," Ortega, 54, told | KQED'): the
            # name just before the verb, past an age or a party tag in commas, tells; the one
            # told is its object
            k = a0 - 2
            if k >= 2 and toks[k].text == "," and toks[k - 1].upos == "NUM" and toks[k - 2].text == ",":
                k -= 3
            run = self._in_run(s, k) if k >= 0 else None
            if run is not None and run.kind == "person" and not run.modifier and not run.possessor and run.j == k + 1:
                return self._attach(run)
        return None
