"""Step 2, roles and affiliations around a person's name.

Appositions ("X, a spokesman for Y,"), a role noun before the name ("Defense Ministry spokesman
Igor Konashenkov"), a preceding apposition and "X of/from/at Y" give a role and an
affiliation; explicit "for/of Y" beats a possessive, which beats a pre-modifier, which beats
the words before a title.  An affiliation that names an organisation mentioned earlier by its
head word becomes that organisation's name."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..model import Sentence
from ..vocab import norm as _norm
from .words import (_DETS_DEF, _DETS_INDEF, _HYPHEN_ADJ, _PERSON_NOUN, _POSSESSIVE, _PREPS_AFTER_ROLE,
                    _STOP_CHUNK, _is_punct)
from .records import _RolePhrase, _Run


class Roles:
    """Reads role phrases (:meth:`_role_phrase`) and a person run's context."""

    # ------------------------------------------------------------------ roles around a name
    def _chunk_end(self, s: Sentence, a: int) -> int:
        """Index after an apposition-like chunk that starts at ``a``."""
        k = a
        toks = s.tokens
        while k < len(toks):
            t = toks[k]
            w = _norm(t.text)
            if w in _STOP_CHUNK or (t.upos == "PUNCT" and w in (".", "!", "?")):
                break
            if t.upos == "AUX" or (t.upos == "VERB" and not _HYPHEN_ADJ.match(t.text)
                                   and t.xpos not in ("VBN",) and k > a + 1
                                   and not self._in_run(s, k)):
                break
            k += 1
        return k

    def _in_run(self, s: Sentence, k: int) -> _Run | None:
        sent_index = self.sent_of(s.tokens[k].start)
        for r in self.runs_by_sent[sent_index]:
            if r.i <= k < r.j:
                return r
        return None

    def _role_phrase(self, s: Sentence, a: int, b: int, *, head_last: bool = False,
                     any_noun: bool = False) -> _RolePhrase | None:
        """Read a role noun phrase in tokens [a, b): role, affiliation and determiner."""
        toks = s.tokens
        if a >= b:
            return None
        k = a
        definite = indefinite = False
        while k < b and (_norm(toks[k].text) in _DETS_DEF | _DETS_INDEF or toks[k].upos == "DET"):
            w = _norm(toks[k].text)
            definite |= w in _DETS_DEF
            indefinite |= w in _DETS_INDEF or w in ("a", "an")
            k += 1
        det_end = k
        role_at = role_len = None
        p = det_end
        while p < b:
            t = toks[p]
            w = _norm(t.text)
            if w in _PREPS_AFTER_ROLE + ("in",) and toks[p].upos == "ADP" and role_at is None:
                # "chief of staff" is a role; "officials in Moscow" stops here
                n = self._match(toks, p - 1, self.people.roles, self.people.max_role) if p > det_end else 0
                if not n:
                    break
            n = self._match(toks, p, self.people.roles, self.people.max_role, lemma=True)
            if n and toks[p].text[:1].islower() or (n and toks[p].upos == "NOUN"):
                role_at, role_len = p, n
                if not head_last:
                    # keep the last role noun before a preposition ("campaign manager",
                    # "chief political strategist")
                    q = p + n
                    while q < b and (toks[q].upos in ("NOUN", "ADJ") and toks[q].text[:1].islower()
                                     or _norm(toks[q].text) in _POSSESSIVE and q > p):
                        # (over a possessive: "the congressman's spokesman" is the spokesman,
                        # the congressman his affiliation)
                        m = self._match(toks, q, self.people.roles, self.people.max_role, lemma=True)
                        if m:
                            role_at, role_len = q, m
                        q += m or 1
                    break
                p += n
                continue
            p += 1
        if role_at is None and any_noun:
            # "Steve Coll, the dean of the journalism school": an unlisted noun still says what
            # the person is when an apposition is built like a role phrase
            q = det_end
            while q < b and toks[q].upos == "ADJ" and toks[q].text[:1].islower():
                q += 1
            if q < b and toks[q].upos == "NOUN" and toks[q].text.isalpha() and toks[q].text.islower() \
                    and "Number=Plur" not in (toks[q].feats or "") \
                    and (q + 1 == b or _norm(toks[q + 1].text) in _PREPS_AFTER_ROLE) \
                    and _norm(toks[q].text) not in self.people.anonymous_nouns \
                    and _norm(toks[q].text) not in self.people.org_heads:
                role_at, role_len = q, 1
        if role_at is None:
            return None
        head = role_at + role_len - 1
        if head_last and any(not _is_punct(t) for t in toks[head + 1:b]):
            return None
        role = " ".join(_norm(t.lemma if t.upos == "NOUN" and i == head else t.text)
                        for i, t in enumerate(toks[role_at:head + 1], role_at))
        if role not in {" ".join(r) for r in self.people.roles}:
            role = " ".join(_norm(t.text) for t in toks[role_at:head + 1])
        plural = "Number=Plur" in (toks[head].feats or "") or (
            toks[head].text.lower().endswith("s") and _norm(toks[head].lemma) != _norm(toks[head].text))
        aff = aff_kind = None
        aff_off = toks[role_at].start
        # post: "a spokesman for the U.S.-led coalition"
        q = head + 1
        if q < b and _norm(toks[q].text) in _PREPS_AFTER_ROLE:
            e = q + 1
            while e < b and _norm(toks[e].text) not in _STOP_CHUNK and not (
                    toks[e].upos == "PUNCT" and toks[e].text in ".!?"):
                e += 1
            while e > q + 1 and _is_punct(toks[e - 1]):
                e -= 1
            st = q + 1
            if st < e and _norm(toks[st].text) == "the":
                st += 1
            if st < e:
                aff, aff_kind, aff_off = self.tok_text(s, st, e), "post", toks[st].start
                # "a professor of history at American University": the organisation, not the field
                sent_index = self.sent_of(toks[st].start)
                orgs = [r for r in self.runs_by_sent[sent_index] if r.kind == "organization" and not r.modifier
                        and toks[st].start < r.start and r.end <= toks[e - 1].end]
                if orgs and not any(r.start == toks[st].start for r in self.runs_by_sent[sent_index]):
                    aff, aff_off = orgs[-1].name, orgs[-1].start
        if aff is None:
            pre = list(range(det_end, role_at))
            poss = [m for m in pre if _norm(toks[m].text) in _POSSESSIVE and toks[m].upos in ("PART", "PUNCT", "X", "NOUN", "PROPN", "ADP")]
            if poss:
                m = poss[-1]
                st = det_end
                while st < m and _norm(toks[st].text) in _DETS_DEF | _DETS_INDEF:
                    st += 1
                if st < m:
                    aff, aff_kind, aff_off = self.tok_text(s, st, m), "poss", toks[st].start
            else:
                e = role_at
                st = e
                while st > det_end:
                    t = toks[st - 1]
                    w = _norm(t.text)
                    if w in self.people.anonymous_modifiers or _is_punct(t) and t.text not in ("-", "&"):
                        break
                    if t.text[:1].islower() and t.upos not in ("NOUN", "PROPN"):
                        break
                    st -= 1
                if st < e:
                    aff, aff_kind, aff_off = self.tok_text(s, st, e), "premod", toks[st].start
        return _RolePhrase(role=role, head=head, aff=aff, aff_kind=aff_kind, aff_offset=aff_off,
                           definite=definite, indefinite=indefinite, plural=plural, end=b)

    def _person_context(self, r: _Run) -> None:
        s = self.sents[r.sent]
        toks = s.tokens
        n = len(toks)
        found: list[tuple[_RolePhrase, int]] = []
        # "X, a spokesman for Y," / "X, the ministry's spokesman,"
        if r.j < n and toks[r.j].text == "," and r.j + 1 < n:
            a = r.j + 1
            b = self._chunk_end(s, a)
            closed = b >= n or toks[b].text in (",", ";", ")", "(", "—", "–", "--", '"', "\u201d") or (
                toks[b].upos == "PUNCT" and toks[b].text in ".!?") or _norm(toks[b].text) in ("who", "which", "whose")
            if closed and a < b and _norm(toks[a].text) not in ("no", "not", "none") \
                    and toks[a].upos in ("DET", "PRON", "ADJ", "NOUN", "PROPN", "NUM") \
                    and not (toks[a].upos == "PRON" and "Poss=Yes" not in toks[a].feats):
                role_phrase = self._role_phrase(s, a, b) or (
                    self._role_phrase(s, a, b, any_noun=True) if toks[a].upos == "DET" else None)
                if role_phrase and role_phrase.head - a <= 8:
                    found.append((role_phrase, 3))
        # "Defense Ministry spokesman Igor Konashenkov"
        if r.i > 0 and toks[r.i - 1].text[:1].islower() and toks[r.i - 1].upos in ("NOUN", "PROPN", "ADJ"):
            a = r.i - 1
            while a > 0 and not _is_punct(toks[a - 1]) and toks[a - 1].upos not in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") \
                    and _norm(toks[a - 1].text) not in _STOP_CHUNK:
                a -= 1
                if toks[a].upos == "DET":
                    break
            role_phrase = self._role_phrase(s, a, r.i, head_last=True)
            prev = toks[r.i - 1]
            before = toks[a - 1] if a > 0 else None
            if role_phrase is None and not r.title and prev.upos == "NOUN" and "Number=Plur" not in (prev.feats or "") \
                    and prev.text.isalpha() and _norm(prev.text) not in self.people.anonymous_nouns \
                    and _norm(prev.text) not in self.people.org_heads and _norm(prev.text) not in self.people.place_heads \
                    and _PERSON_NOUN.search(prev.text.lower()) \
                    and toks[a].upos != "DET" and (before is None or before.upos not in (
                        "ADP", "PRON", "DET", "AUX", "PART", "SCONJ")):
                # not "the first time Trump ...", "in favor Sanders"
                # "retired neurosurgeon Ben Carson", "CNBC moderator Carl Quintanilla": any noun
                # right before a name describes the person, listed as a role or not
                st = r.i - 1
                while st > a and (toks[st - 1].text[:1].isupper() or toks[st - 1].upos in ("NOUN", "PROPN")) \
                        and _norm(toks[st - 1].text) not in self.people.anonymous_modifiers:
                    st -= 1
                cs = r.i - 1  # "front-runner" split by the tokenizer is one word
                while cs >= 2 and toks[cs - 1].text == "-" and toks[cs - 1].start == toks[cs - 2].end \
                        and toks[cs].start == toks[cs - 1].end:
                    cs -= 2
                st = min(st, cs)
                aff = self.tok_text(s, st, cs) if st < cs else None
                role = self.tok_text(s, cs, r.i).lower() if cs < r.i - 1 else _norm(prev.lemma or prev.text)
                role_phrase = _RolePhrase(role=role, head=r.i - 1, aff=aff,
                                 aff_kind="premod" if aff else None,
                                 aff_offset=toks[st].start, definite=False, indefinite=False,
                                 plural=False, end=r.i)
            if role_phrase:
                found.append((role_phrase, 2))
        # "The ministry's spokesman, Igor Konashenkov,"
        if r.i >= 2 and toks[r.i - 1].text == ",":
            b = r.i - 1
            a = b
            while a > 0 and toks[a - 1].text not in (",", ";", ":", '"', "“", "”", "(") \
                    and toks[a - 1].upos not in ("VERB", "AUX", "SCONJ"):
                a -= 1
            role_phrase = self._role_phrase(s, a, b, head_last=True)
            if role_phrase and not role_phrase.plural:
                # (not "several district GOP leaders, State Treasurer Kelly Mitchell, ...": a list)
                found.append((role_phrase, 3))
        for role_phrase, prio in found:
            if role_phrase.role and r.role is None:
                r.role = role_phrase.role
            if role_phrase.aff:
                aff = self._resolve_aff(role_phrase.aff, role_phrase.aff_kind, role_phrase.aff_offset)
                p = {"post": prio, "poss": 2, "premod": 1}.get(role_phrase.aff_kind or "", 1)
                if p > r.aff_prio:
                    r.affiliation, r.aff_prio = aff, p
        # "Igor Konashenkov of the Defense Ministry"
        if r.j + 1 < n and _norm(toks[r.j].text) in ("of", "from", "at") and r.aff_prio < 2:
            prep = _norm(toks[r.j].text)
            a = r.j + 1
            if _norm(toks[a].text) == "the":
                a += 1
            org = self._in_run(s, a) if a < n else None
            if org is not None and org.i == a and (org.kind == "organization" or (
                    prep != "at" and org.kind == "place")):
                r.affiliation, r.aff_prio = org.name, 2
        if r.role and r.gender is None:
            w = _norm(r.role.split()[-1])
            r.gender = "m" if w in self.people.male else "f" if w in self.people.female else None

    def _resolve_aff(self, aff: str, kind: str | None, offset: int) -> str:
        """A possessive/pre-modifier affiliation that is a bare organisation word
        ("the ministry's", "Ministry spokesman") names the organisation mentioned last."""
        words = [_norm(w) for w in aff.split()]
        if words and words[0] == "the":
            words = words[1:]
            aff = aff.split(None, 1)[1] if " " in aff else aff
        if kind in ("poss", "premod") and len(words) == 1 and words[0] in self.people.org_heads:
            # the last organisation run of 2+ words holding the word, among the runs before
            # the first that ends after ``offset`` (by bisection: issue 16, point 10)
            best = None
            index = self._run_index()
            runs = index.before_end(offset)
            for n in reversed(index.with_word(words[0], runs)):
                if self.runs[n].kind == "organization":
                    best = self.runs[n]
                    break
            if best is not None:
                return best.entity.name if best.entity else best.name
        return aff

    def _run_index(self) -> "_RunIndex":
        """:class:`_RunIndex` of ``self.runs``, rebuilt when a run is added."""
        index = getattr(self, "_runs_index", None)
        if index is None or index.size != len(self.runs):
            index = self._runs_index = _RunIndex(self.runs)
        return index


class _RunIndex:
    """The name runs by position, for the lookups that scanned every run before an offset
    (quadratic on long documents).  Starts, ends and words of a run never change; its kind
    and entity may, so callers test those on the runs the index gives."""

    def __init__(self, runs: list[_Run]):
        self.size = len(runs)
        self.end_reach = list(accumulate((r.end for r in runs), max))
        self.start_reach = list(accumulate((r.start for r in runs), max))
        self.by_word: dict[str, list[int]] = {}
        for n, r in enumerate(runs):
            if len(r.words) > 1:
                for w in dict.fromkeys(r.words):
                    self.by_word.setdefault(w, []).append(n)

    def before_end(self, offset: int) -> int:
        """How many runs ``for r in runs: if r.end > offset: break`` visits."""
        return bisect_right(self.end_reach, offset)

    def before_start(self, offset: int) -> int:
        """How many runs ``for r in runs: if r.start >= offset: break`` visits."""
        return bisect_left(self.start_reach, offset)

    def with_word(self, word: str, limit: int) -> list[int]:
        """The runs of two or more words holding ``word``, among the first ``limit``, in order."""
        found = self.by_word.get(word, [])
        return found[:bisect_left(found, limit)]
