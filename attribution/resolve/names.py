"""Step 1, name runs: proper-name runs in every sentence, split into title and name, typed.

A run is made of PROPN or capitalised words, titles, name particles and, for organisations,
connectors; the last title before the name is its title, words before that a weak affiliation.
Person or organisation is decided in order: a title, a known organisation or place, an
organisation head word or acronym, a place head or preposition, an NER tag, "the", else person."""
from __future__ import annotations

import re
from typing import Iterable

from ..model import Sentence, Token
from ..vocab import norm as _norm
from .words import _ACRONYM, _HYPHEN_ADJ, _PARTICLE_NAME, _PARTY_TAG, _PLACE_PREPS, _POSSESSIVE, _is_punct
from .records import _Run


class NameRuns:
    """Scans the sentences for name runs (:meth:`scan`)."""

    # ------------------------------------------------------------------ runs
    def scan(self) -> None:
        for sent_index, s in enumerate(self.sents):
            toks = s.tokens
            n = len(toks)
            first = self._first_word(s)
            cap = [self._namelike(s, k, first) for k in range(n)]
            k = 0
            while k < n:
                title_len = self._title_at(toks, k)
                if not (cap[k] or title_len):
                    k += 1
                    continue
                i = j = k
                while j < n:
                    title_len = self._title_at(toks, j)
                    if j > i and "\n" in self.text[toks[j - 1].end:toks[j].start]:
                        break  # never across a line break (navigation lines, headlines)
                    if j > i and id(s) in self.headlines:
                        so_far = tuple(_norm(t.text) for t in toks[i:j])
                        if (so_far in self.people.places or so_far in self.people.org_names) \
                                and _norm(toks[j].text) not in self.people.org_heads:
                            break  # "Why Does Israel Refuse To ...": the known name ends the run
                    if title_len:
                        j += title_len
                        continue
                    if cap[j]:
                        j += 1
                        continue
                    if (toks[j].text == "." and j > i and j + 1 < n and cap[j + 1]
                            and toks[j].start == toks[j - 1].end
                            and ((_norm(toks[j - 1].text),) in self.people.titles
                                 or (len(toks[j - 1].text) == 1 and toks[j - 1].text.isupper()))):
                        j += 1  # "Col" "." "Ahmed": an abbreviation split by the tokenizer
                        continue
                    w = _norm(toks[j].text)
                    if j > i and j + 1 < n and (cap[j + 1] or _norm(toks[j + 1].text) in self.people.particles) \
                            and toks[j].text in ("-", "'") and toks[j].start == toks[j - 1].end \
                            and (_norm(toks[j - 1].text) in self.people.particles or len(toks[j - 1].text) == 1
                                 or toks[j + 1].text.islower()
                                 or (toks[j].text == "-" and toks[j - 1].text[:1].isupper()
                                     and toks[j + 1].text[:1].isupper())) \
                            and toks[j + 1].start == toks[j].end:
                        j += 1  # "el-Zour", "O'Neill", "Holtz-Eakin" split by the tokenizer
                        continue
                    if j > i and j + 1 < n and cap[j + 1]:
                        if w in self.people.particles and toks[j].text.islower():
                            j += 1
                            continue
                        if w in ("of", "for", "on", "&") and _norm(toks[j - 1].text) in self.people.org_heads:
                            j += 1
                            continue
                    if (j > i and j + 2 < n and w in ("of", "for", "on") and _norm(toks[j + 1].text) == "the"
                            and cap[j + 2] and _norm(toks[j - 1].text) in self.people.org_heads):
                        j += 2
                        continue
                    if j > i and w in _POSSESSIVE and j + 1 < n and cap[j + 1]:
                        m = j + 1
                        while m < n and (cap[m] or self._title_at(toks, m)):
                            m += 1
                        if any(_norm(t.text) in self.people.org_heads for t in toks[j + 1:m]):
                            j = m
                            continue
                    break
                if j == k:
                    j = k + 1
                split = self._name_after_office(toks, k, j)
                if split:
                    self._make_run(sent_index, s, k, split, first)
                    k = split
                self._make_run(sent_index, s, k, j, first)
                k = j
        for r in self.runs:
            if r.kind == "person" and not r.modifier:
                self._person_context(r)

    def _place_at(self, toks: tuple[Token, ...], k: int) -> bool:
        """A country or state from the places list starts at token ``k`` and ends the phrase
        ("Ohio,", "New Jersey.")."""
        for n in (1, 2, 3):
            words = tuple(_norm(t.text) for t in toks[k:k + n])
            if len(words) == n and words in self.people.places:
                after = toks[k + n] if k + n < len(toks) else None
                return after is None or _is_punct(after)
        return False

    def _name_after_office(self, toks: tuple[Token, ...], i: int, j: int) -> int | None:
        """Where a person's name starts inside a run that closes an office ("Director of
        Government Affairs Phil Smith", "Vice President for Public Policy Ana Ruiz"): the run
        follows "of"/"for" after a role word, and a known first name with a capitalised word
        after it comes later in it."""
        if i < 2 or _norm(toks[i - 1].text) not in ("of", "for") or j - i < 3:
            return None
        before = _norm(toks[i - 2].text)
        if (before,) not in self.people.roles and (before,) not in self.people.titles:
            return None
        for p in range(i + 1, j - 1):
            w = _norm(toks[p].text)
            if (w in self.people.male_names or w in self.people.female_names) and toks[p + 1].text[:1].isupper():
                return p
        return None

    def _make_run(self, sent_index: int, s: Sentence, i: int, j: int, first: int) -> None:
        toks = s.tokens
        # leading "Britain-based", "U.S.-led"; trailing connectors and demonym adjectives
        while i < j and (_HYPHEN_ADJ.match(toks[i].text) and not _PARTICLE_NAME.match(toks[i].text)):
            i += 1
        while j - i > 1 and i == first and _norm(toks[i].text) in self.people.anonymous_modifiers:
            i += 1  # "Several Democrats", "Many Republicans": a quantifier capitalised to open the sentence
        while i < j and (_norm(toks[j - 1].text) in ("of", "for", "on", "and", "&", "the")
                         or _norm(toks[j - 1].text) in _POSSESSIVE
                         or (toks[j - 1].upos == "ADJ" and j - 1 > i and toks[j - 1].upos != "PROPN")):
            j -= 1
        if i >= j:
            return
        if j - i == 1 and toks[i].upos == "ADJ" and not self._title_at(toks, i):
            next_token = toks[j] if j < len(toks) else None
            if next_token is None or next_token.text[:1].islower():
                return  # "Russian accusations", "Syrian troops"
        # title: the last title block followed by at least one name word
        title_span = None
        k = i
        while k < j:
            title_len = self._title_at(toks, k)
            if title_len and k + title_len < j:
                start = k
                while k < j and (title_len := self._title_at(toks, k)) and k + title_len < j:
                    k += title_len
                    if k + 1 < j and toks[k].text == "." and toks[k].start == toks[k - 1].end:
                        k += 1
                title_span = (start, k)
                continue
            k += 1
        if title_span is None:
            # "County Administrator Bettina Sorel", "Assistant District Attorney Karen Oduya": a
            # capitalised role noun before a first name and a surname ends the title
            title_span = next(((i, k + 1) for k in range(i, j - 2) if j - k - 1 in (2, 3) and toks[k].text[:1].isupper()
                               and (_norm(toks[k].text),) in self.people.roles
                               and all(t.upos == "PROPN" and _norm(t.text) not in self.people.org_heads
                                       and _norm(t.text) not in self.people.place_heads for t in toks[k + 1:j])), None)
        name_i = title_span[1] if title_span else i
        name_words = self._name_words(toks, name_i, j)
        words_all = self._name_words(toks, i, j)
        org_head = any(w in self.people.org_heads for w in name_words)
        place_head = any(w in self.people.place_heads for w in name_words)
        title = pre = None
        if title_span and not org_head and not place_head:
            title = self.tok_text(s, *title_span)
            if title_span[0] > i:
                pre = self.tok_text(s, i, title_span[0])
        else:
            name_i = i
            name_words = words_all
        if all(w in self.people.not_names for w in name_words) or _PARTY_TAG.match(self.tok_text(s, i, j)):
            return
        if title_span is None and self._title_at(toks, i) == j - i and self.tok_text(s, i, j).endswith("."):
            return  # "Jackson, Miss.,": an abbreviated title alone (here a state) names no one
        if j - i == 1 and _norm(toks[i].text) in self.people.anonymous_nouns:
            return  # "Republicans", "Democrats": a group, not a name
        prev = toks[i - 1] if i > 0 else None
        prev_w = _norm(prev.text) if prev is not None else ""
        if prev_w in _POSSESSIVE and i >= 2:
            prev_w = ""
        definite = prev_w == "the"
        next_token = toks[j] if j < len(toks) else None
        possessor = next_token is not None and _norm(next_token.text) in _POSSESSIVE
        modifier = (next_token is not None and not possessor and next_token.text[:1].islower()
                    and next_token.upos in ("NOUN", "PROPN", "ADJ", "NUM") and not _is_punct(next_token))
        if (next_token is not None and next_token.text in ("-", "\u2010", "\u2011") and next_token.start == toks[j - 1].end
                and j + 1 < len(toks) and toks[j + 1].text[:1].islower()):
            modifier = True  # "Britain-based", "U.S.-led"
        name = self.tok_text(s, name_i, j)
        tentative = False
        ner = self._ner(toks[name_i:j])
        if title:
            kind = "person"
        elif words_all in self.people.org_names or name_words in self.people.org_names:
            kind = "organization"
        elif name_words in self.people.places:
            kind = "organization"
        elif place_head:
            kind = "place"
        elif org_head or _ACRONYM.match(name.replace(" ", "")) or re.search(r"\.(?:com|org|net|gov|edu)$", name):
            kind = "organization"
        elif ner:
            kind = ner
        elif definite:
            kind = "organization"
        elif modifier and _norm(next_token.text) in self.people.org_generic and next_token.upos == "NOUN" \
                and prev_w not in ("a", "an") and name_words[0] not in self.people.male_names and name_words[0] not in self.people.female_names:
            kind = "organization"  # "Family Circle magazine", "the Acme company": the name of that body
        elif prev_w in _PLACE_PREPS:
            kind = "place"
        elif prev_w in ("of", "at", "for") and i >= 2 and self._role_noun(toks[i - 2]) \
                and name_words[0] not in self.people.male_names and name_words[0] not in self.people.female_names:
            # "a sales director of Vantor Medical", "an analyst at Crestline Securities": where
            # someone holds a role is an organisation ("a lawyer for John Hale" is a person)
            kind = "organization"
        else:
            kind = "person"
            tentative = len(name_words) == 1
        if kind != "place" and not title and j + 1 < len(toks) and toks[j].text == "," \
                and name_words not in self.people.places and self._place_at(toks, j + 1) \
                and name_words[0] not in self.people.male_names and name_words[0] not in self.people.female_names:
            kind = "place"  # "the Millbrook, Ohio, maker of ...", "from Englewood, New Jersey": a town
        head = self._run_head(s, i, j)
        subject = head.deprel.startswith("nsubj") or (i <= first + (1 if definite else 0)
                                                      and not possessor and not modifier)
        if head.deprel == "appos" and 0 < head.head <= len(toks):
            # "Trump's running mate — Indiana Gov. Mike Pence — has thrown ...": the name in
            # apposition to the subject is the subject
            subject = subject or toks[head.head - 1].deprel.startswith("nsubj")
        gender = None
        if title:
            tw = _norm(title.split()[-1]) if title else ""
            if tw in self.people.male or _norm(title) in self.people.male:
                gender = "m"
            elif tw in self.people.female or _norm(title) in self.people.female:
                gender = "f"
        run = _Run(sent=sent_index, i=i, j=j, name_i=name_i, title=title, pre=pre, kind=kind,
                   tentative=tentative, modifier=modifier, possessor=possessor, definite=definite,
                   subject=subject and not modifier, start=self.wspan(s, i)[0], end=self.wspan(s, j - 1)[1],
                   name=name, words=name_words, gender=gender)
        if pre and kind == "person":
            run.affiliation, run.aff_prio = pre, 0
        if title:
            run.office = self.people.offices.get(tuple(_norm(w) for w in title.split()))
        self.runs.append(run)
        self.runs_by_sent[sent_index].append(run)

    def _role_noun(self, t: Token) -> bool:
        """A common noun naming a role or job ("director", "analyst", "spokeswoman")."""
        if t.upos != "NOUN" or not t.text.islower():
            return False
        w, lem = _norm(t.text), _norm(t.lemma)
        return (w,) in self.people.roles or (lem,) in self.people.roles

    @staticmethod
    def _name_words(toks: tuple[Token, ...], i: int, j: int) -> tuple[str, ...]:
        """The normalised words of tokens [i, j); a double-barrelled name is one word
        ("Holtz" "-" "Eakin" -> "holtz-eakin", so "Mr. Holtz-Eakin" is his surname alone),
        while a particle keeps its own ("al" "-" "assad")."""
        out: list[str] = []
        k = i
        while k < j:
            t = toks[k]
            if (t.text == "-" and out and k + 1 < j and t.start == toks[k - 1].end
                    and toks[k + 1].start == t.end and toks[k - 1].text[:1].isupper()
                    and toks[k + 1].text[:1].isupper()):
                out[-1] = f"{out[-1]}-{_norm(toks[k + 1].text)}"
                k += 2
                continue
            out.append(_norm(t.text))
            k += 1
        return tuple(out)

    @staticmethod
    def _ner(toks: Iterable[Token]) -> str | None:
        for t in toks:
            tag = (t.ner or "O").split("-")[-1]
            if tag == "PERSON":
                return "person"
            if tag in ("ORG", "NORP", "GPE"):
                return "organization"
            if tag in ("LOC", "FAC"):
                return "place"
        return None

    @staticmethod
    def _run_head(s: Sentence, i: int, j: int) -> Token:
        ids = {t.id for t in s.tokens[i:j]}
        for t in reversed(s.tokens[i:j]):
            if t.head not in ids:
                return t
        return s.tokens[j - 1]
