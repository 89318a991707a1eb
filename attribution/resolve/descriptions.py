"""Step 4b, sources that are common noun phrases: roles, organisation nouns, unnamed sources.

A role noun ("the spokesman") goes to the named person holding that role with a compatible
affiliation, earlier or at most two sentences later; an unnamed-source noun ("officials", "an
SDF commander") becomes an anonymous entity named by its description; an organisation noun
goes to the organisation named earlier with that head word, else a descriptive organisation."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..model import Attribution, Sentence, Token
from .people import _norm
from .words import _ACRONYM, _DETS_DEF, _is_punct
from .records import _Entity, _RolePhrase, _Run



class Descriptions:
    """Resolves a source that is a description rather than a name."""

    def _common(self, t: Token) -> bool:
        w = _norm(t.text)
        return (w in self.P.anonymous_nouns or (w,) in self.P.roles or w in self.P.org_heads
                or _norm(t.lemma) in self.P.anonymous_nouns or (_norm(t.lemma),) in self.P.roles)

    def _adhoc_run(self, s: Sentence, si: int, k: int, a: Attribution) -> _Run:
        t = s.tokens[k]
        words = (_norm(t.text),)
        kind = "person"
        if words in self.P.places or words in self.P.org_names or _ACRONYM.match(t.text) \
                or a.source_kind == "organization":
            kind = "organization"
        r = _Run(sent=si, i=k, j=k + 1, name_i=k, title=None, pre=None, kind=kind, tentative=kind == "person",
                 modifier=False, possessor=False, definite=False, subject=True, start=t.start, end=t.end,
                 name=t.text, words=words)
        self.runs.append(r)
        self.runs.sort(key=lambda x: x.start)
        self.runs_by_sent[si].append(r)
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
        return text

    def _common_source(self, s: Sentence, si: int, a0: int, b: int, head: int,
                       a: Attribution | None) -> _Entity | None:
        toks = s.tokens
        ht = toks[head]
        hw, hl = _norm(ht.text), _norm(ht.lemma)
        desc = self._description(s, a0, b)
        low = " " + desc.lower() + " "
        anon_phrase = any(f" {p} " in low or low.strip().startswith(p) for p in self.P.anonymous_phrases)
        rp = self._role_phrase(s, a0, b)
        if rp is not None and rp.head != head and not anon_phrase:
            rp = None if (hw in self.P.anonymous_nouns or hw in self.P.org_heads) else rp
        anon_noun = (hw in self.P.anonymous_nouns or hl in self.P.anonymous_nouns
                     or bool(re.search(r"\b(?:\d+|[a-z]+)-year-olds?\b", low)))
        if rp is not None and not anon_phrase:
            linked = self._link_role(rp, ht.start, si, anonymous_noun=anon_noun)
            if linked is not None:
                if rp.aff:
                    linked.set_aff(self._resolve_aff(rp.aff, rp.aff_kind, rp.aff_offset),
                                   {"post": 3, "poss": 2}.get(rp.aff_kind or "", 1))
                return linked
            party = bool(rp.aff) and rp.aff_kind == "premod" and all(
                _norm(w) in self.P.parties for w in rp.aff.split())
            if rp.definite and (not rp.aff or party) and not anon_noun:
                # an epithet ("the Republican presidential candidate", "the ranting radio host")
                # stands for the person the article is about, like a pronoun; a bare
                # "the spokesman" with nobody holding the role stays unresolved
                described = any(t.upos not in ("DET",) and not _is_punct(t) for t in toks[a0:rp.head])
                if described:
                    e = self._pronoun(ht.start, si, "person")
                    if e is not None and (not e.role or e.holds(self.P, rp.role)):
                        return e
                return None
        if anon_phrase or anon_noun or rp is not None:
            return self._anonymous(desc, rp, ht, head, a0, s)
        if hw in self.P.org_heads or hl in self.P.org_heads:
            definite = any(_norm(t.text) in _DETS_DEF for t in toks[a0:head])
            if definite:
                e = self._org_by_head(hw if hw in self.P.org_heads else hl, ht.start)
                bare = all(_norm(t.text) in _DETS_DEF for t in toks[a0:head])
                if e is None and bare and (hw in self.P.org_generic or hl in self.P.org_generic):
                    e = self._pronoun(ht.start, si, "thing")  # "the group", "the company" ~ "it"
                    if e is not None and e.kind != "organization":
                        e = None
                if e is not None:
                    return e
            return self._descriptive(desc, ht.start, "organization")
        kind = "anonymous" if a is not None and a.source_kind == "anonymous" else "organization"
        return self._descriptive(desc, ht.start, kind)

    def _org_by_head(self, word: str, offset: int) -> _Entity | None:
        best = None
        for r in self.runs:
            if r.start >= offset:
                break
            if r.entity is not None and r.kind == "organization" and word in r.words and len(r.words) > 1:
                best = r.entity
        return best

    def _descriptive(self, desc: str, offset: int, kind: str) -> _Entity:
        key = kind + ":" + " ".join(w for w in (_norm(x) for x in desc.split()) if w not in ("the", "a", "an"))
        for e in self.entities:
            if e.key == key:
                return e
        return self._new(kind, desc, key=key)

    def _anonymous(self, desc: str, rp: _RolePhrase | None, ht: Token, head: int, a0: int,
                   s: Sentence) -> _Entity:
        words = [w for w in (_norm(x) for x in desc.split())]
        key = "anonymous:" + " ".join(w for w in words if w not in ("the", "a", "an"))
        definite = bool(words) and words[0] in _DETS_DEF
        role = rp.role if rp is not None and rp.role else None
        if definite:
            best = None
            for e in self.entities:
                earlier = any(o < ht.start for o, _ in e.named_at) or any(o < ht.start for o, _ in e.mentions)
                if e.kind == "anonymous" and earlier and (
                        e.key == key or (role and self.P.same_role(e.role, role) and not e.plural)):
                    best = e
            if best is not None:
                return best
        for e in self.entities:
            if e.key == key:
                return e
        plural = rp.plural if rp else ("Number=Plur" in (ht.feats or "") or ht.text.lower().endswith("s"))
        e = self._new("anonymous", desc, key=key, plural=plural)
        if role and (role,) in self.P.roles or (role and tuple(role.split()) in self.P.roles):
            e.role = role
        if rp is not None and rp.aff:
            e.set_aff(self._resolve_aff(rp.aff, rp.aff_kind, rp.aff_offset),
                      {"post": 3, "poss": 2}.get(rp.aff_kind or "", 1))
        if e.role:
            w = _norm(e.role.split()[-1])
            e.gender = "m" if w in self.P.male else "f" if w in self.P.female else None
        return e

    def _aff_compatible(self, a: str, b: str) -> bool:
        wa = {_norm(w) for w in re.split(r"[\s\-]+", a)} - {"the", "of", "for", "'s"}
        wb = {_norm(w) for w in re.split(r"[\s\-]+", b)} - {"the", "of", "for", "'s"}
        wa = {w[:-2] if w.endswith("'s") else w for w in wa}
        wb = {w[:-2] if w.endswith("'s") else w for w in wb}
        if wa & wb:
            return True
        return fuzz.partial_ratio(a.lower(), b.lower()) >= 85

    def _link_role(self, rp: _RolePhrase, offset: int, si: int, *, anonymous_noun: bool) -> _Entity | None:
        if not rp.role:
            return None
        aff = self._resolve_aff(rp.aff, rp.aff_kind, rp.aff_offset) if rp.aff else None
        best = None
        best_key = None
        for e in self.entities:
            if e.kind not in ("person", "anonymous") or e.plural != rp.plural and e.kind == "anonymous":
                continue
            if not e.holds(self.P, rp.role):
                continue
            if rp.plural and e.kind == "person":
                continue  # "analysts say" is not the one analyst the article names
            if aff and e.affiliation and not self._aff_compatible(aff, e.affiliation):
                continue
            spots = e.named_at or [(o, self.sent_of(o)) for o, _ in e.mentions]
            before = [(o, sj) for o, sj in spots if o < offset]
            after = [(o, sj) for o, sj in spots if o > offset and sj - si <= 2]
            if e.kind == "anonymous" and not rp.definite:
                continue
            named = 0 if e.kind == "person" else 1  # a named holder beats an unnamed one
            if before and (rp.definite or (aff and e.affiliation)) and not (anonymous_noun and rp.indefinite):
                dist = si - before[-1][1]
                key = (dist, named, 0, -before[-1][0])
            elif after and not (anonymous_noun and rp.indefinite) and e.kind == "person":
                dist = after[0][1] - si
                key = (dist, named, 1, after[0][0])
            else:
                continue
            if best_key is None or key < best_key:
                best, best_key = e, key
        return best
