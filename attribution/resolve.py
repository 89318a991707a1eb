"""The resolve stage: source mentions become document-level speakers.

:func:`resolve` takes the parsed :class:`~attribution.model.Document` and the
attributions found by extract, and returns a :class:`~attribution.model.Resolved`
in which every attribution whose source can be tied to someone carries
``speaker="s1"``, ``"s2"``, ... and the document has one :class:`Speaker` per
person, organisation or unnamed source that is cited.

How it works (no named-entity recognition is needed; stanza NER tags are used
as extra evidence when the model set has them):

0. **Repairs.**  Sentence splits inside a name ("Senator Maria | Lopez said",
   "Col. | Ahmed") are undone and possessives split in the wrong place by the
   tokenizer ("Clinto" + "n's") get their word back, so later steps see names
   whole.  Title Case headlines count a capital only on words the article never
   writes in lower case.
1. **Introductions.**  Every sentence is scanned for proper-name runs: tokens
   tagged PROPN, capitalised words inside a sentence, title words
   (``people.toml [titles]``), name particles ("de", "bin") and, for
   organisations, connectors ("Observatory *for* Human Rights", "Russia*'s*
   Defense Ministry").  A run is split into *title* (the last title before the
   name: "U.S. Army Col. Ryan Dillon" -> title "Col.", name "Ryan Dillon", with
   "U.S. Army" kept as a weak affiliation) and *name*.
2. **Person or organisation.**  Decided in this order: a title makes a person;
   a known organisation name, a country/capital (``[organizations] places``),
   an organisation head word ("Ministry", "Nations", "Observatory") or an
   acronym ("SDF", "U.N.") makes an organisation; a place head ("River",
   "Province") or a run after "in/near/across" makes a place; an NER tag
   decides when present; a run after "the" is an organisation; anything else
   (usually "Dillon", "Ryan Dillon") is a person.  A lone word that matches
   the surname of a person named elsewhere is that person.
3. **Roles and affiliations** are read around each person run: appositions
   ("X, a spokesman for Y," -> role spokesman, affiliation Y; "X, the ministry's
   spokesman" -> affiliation = the organisation named earlier whose name holds
   "Ministry"; "X, the dean of the journalism school" -> an unlisted noun is a
   role too; "a professor of history at American University" -> the
   institution, not the field), a role noun before the name ("Defense Ministry
   spokesman Igor Konashenkov"; also an unlisted person noun such as "retired
   neurosurgeon Ben Carson", "front-runner Donald Trump"), a preceding
   apposition ("The ministry's spokesman, Igor Konashenkov,") and "X of/from Y"
   / "X at <organisation>".  Explicit "for/of Y" beats a possessive, which beats
   a pre-modifier, which beats the words before a title.
4. **Entities.**  Runs are merged into entities: equal names, a surname alone
   ("Dillon") or a variant spelling of it ("Konashenkow", rapidfuzz ratio >= 85)
   join the full name (the most recently named one when two share a surname;
   different first names never join); every mention text is kept, so the
   name-inconsistency rule sees both spellings.  A run that extends a known
   full name ("Glenn Beck Blasts Drudge" in a headline) joins that name.
   Organisation names join when equal, nearly equal, or when one is a
   word-suffix of the other ("Defense Ministry" / "Russia's Defense Ministry").
5. **Sources.**  Each attribution's source span is reduced to its head word:
   a name run -> that entity; a pronoun -> the best earlier antecedent (below);
   a relative pronoun ("X, the ministry's spokesman, who said") -> its
   antecedent; a possessor before a head that names no one ("his statement",
   "Russia's concerns") -> the possessor; a role noun ("the spokesman", "a
   coalition spokesman", "the senator") -> the named person holding that role
   (from an apposition, a role noun before the name, or the office a title names:
   "Sen." -> senator) with a compatible affiliation, found earlier in the
   article or at most two sentences later (the lede pattern), an indefinite
   role noun only then or when both affiliations are given and agree; an
   unnamed-source noun ("officials", "an SDF commander", "people familiar with
   ...") -> an anonymous speaker named by its description (the same description,
   or a definite "the official" after "a senior official", is the same speaker);
   a definite epithet with no holder ("the Republican presidential candidate",
   "the ranting radio host") -> the person a "he/she" would take (a bare "the
   spokesman" stays unresolved);
   an organisation noun ("the ministry") -> the organisation named earlier with
   that head word, a generic one ("the group", "the company") -> the
   organisation an "it" would take, else an organisation speaker named by the
   description ("the coalition").
6. **Pronouns.**  he/she/his/her look for persons (and singular unnamed
   sources), it/its for organisations, they/their for organisations and groups
   first.  Candidates are earlier mentions within twelve sentences (names,
   earlier sources, and unnamed people in subject position: "Others were
   unapologetic in their ..."); the score is the sentence distance plus a
   penalty for mentions that are neither sources in subject position nor
   grammatical subjects, that sit inside someone else's reported content, or
   inside a quotation (unless the pronoun is in one too).  Gender is used only
   when known: Mr./Ms., spokesman/spokeswoman, a common first name
   (``[gender]`` lists), or an earlier he/she resolved to the entity.  "I"/"we"
   inside a quotation take the quotation's speaker.
7. **Anonymity reasons** ("spoke on condition of anonymity because ...", "who
   was not authorized to ...") are linked to the nearest unnamed speaker in the
   same sentence, else in the next or previous one.

A source that cannot be tied to anyone (a pronoun with no antecedent, a bare
"the spokesman" with nobody holding that role) keeps ``speaker=None``; the
check stage reports it as ``unresolved-source``.  Speaker ids follow the order
in which speakers are first cited as a source; the output is deterministic.

The word lists are data in ``attribution/data/people.toml``, validated when
loaded (:class:`PeopleDataError` names the file and line).
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz

from .model import Attribution, Document, Mention, Resolved, Sentence, Speaker, Token

DATA = Path(__file__).resolve().parent / "data" / "people.toml"

__all__ = ["resolve", "load_people", "People", "PeopleDataError"]


# ====================================================================== data

class PeopleDataError(ValueError):
    """``people.toml`` is malformed; the message names the file and the line."""


@functools.lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
    """Lower case, typographic apostrophes straightened, one trailing full stop dropped."""
    w = word.replace("\u2019", "'").replace("\u2018", "'").lower()
    return w[:-1] if len(w) > 1 and w.endswith(".") else w


def _seq(entry: str) -> tuple[str, ...]:
    return tuple(_norm(w) for w in entry.split())


@dataclass(frozen=True)
class People:
    """The resolve stage's vocabulary (see ``people.toml``)."""

    titles: frozenset[tuple[str, ...]]
    offices: dict[tuple[str, ...], str]   # title -> role it names ("Sen." -> "senator")
    roles: frozenset[tuple[str, ...]]
    role_class: dict[str, str]            # role -> canonical role ("spokeswoman" -> "spokesman")
    male: frozenset[str]
    female: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    org_heads: frozenset[str]
    org_generic: frozenset[str]
    org_names: frozenset[tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    place_heads: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    parties: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymous_insiders: frozenset[str]
    anonymous_collectives: frozenset[str]
    anonymous_evidence: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    anonymous_modifiers: frozenset[str]
    reasons: tuple[str, ...]
    pronouns: dict[str, str]              # word -> male | female | group | thing | first
    max_title: int = 1
    max_role: int = 1

    def same_role(self, a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        a, b = a.lower(), b.lower()
        return a == b or self.role_class.get(a, a) == self.role_class.get(b, b)


_SCHEMA: dict[str, dict[str, str]] = {
    "titles": {"words": "strings", "offices": "groups"},
    "roles": {"words": "strings", "same": "groups"},
    "gender": {"male": "strings", "female": "strings", "male_names": "strings", "female_names": "strings"},
    "organizations": {"heads": "strings", "generic": "strings", "names": "strings", "places": "strings",
                      "place_heads": "strings"},
    "names": {"not_names": "strings", "particles": "strings", "parties": "strings"},
    "anonymous": {"nouns": "strings", "insiders": "strings", "collectives": "strings",
                  "evidence": "strings", "phrases": "strings",
                  "modifiers": "strings", "reasons": "strings"},
    "pronouns": {"male": "strings", "female": "strings", "group": "strings", "thing": "strings",
                 "first": "strings", "second": "strings"},
}


def _line(raw: str, needle: str, after: int = 0) -> int:
    i = raw.find(needle, after)
    return raw.count("\n", 0, i) + 1 if i >= 0 else 0


def parse_people(raw: str, path: Path | str = DATA) -> People:
    """Build :class:`People` from TOML text, validating every entry.

    Raises:
        PeopleDataError: unknown or missing sections/keys, non-string or empty
            entries, padded entries, duplicates (after case folding); the
            message is ``FILE:LINE: what is wrong``.
    """
    path = str(path)

    def err(line: int, msg: str) -> PeopleDataError:
        return PeopleDataError(f"{path}:{line}: {msg}" if line else f"{path}: {msg}")

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise err(int(m.group(1)) if m else 0, f"not valid TOML: {exc}") from None

    def sec_pos(section: str) -> int:
        m = re.search(rf"^\[{re.escape(section)}\]", raw, re.M)
        return m.start() if m else 0

    for section in data:
        if section not in _SCHEMA:
            raise err(_line(raw, f"[{section}]"), f"unknown section [{section}] "
                      f"(expected one of {', '.join(sorted(_SCHEMA))})")
    out: dict[str, dict[str, list]] = {}
    for section, keys in _SCHEMA.items():
        if section not in data:
            raise err(0, f"missing section [{section}]")
        if not isinstance(data[section], dict):
            raise err(_line(raw, section), f"[{section}] must be a table")
        base = sec_pos(section)
        for key in data[section]:
            if key not in keys:
                raise err(_line(raw, f"{key}", base), f"[{section}] unknown key {key!r} "
                          f"(expected one of {', '.join(sorted(keys))})")
        out[section] = {}
        for key, shape in keys.items():
            if key not in data[section]:
                if shape == "groups":
                    out[section][key] = []
                    continue
                raise err(_line(raw, f"[{section}]"), f"[{section}] missing key {key!r}")
            m = re.search(rf"^\s*{re.escape(key)}\s*=", raw[base:], re.M)
            kpos = base + (m.start() if m else 0)
            key_line = raw.count("\n", 0, kpos) + 1
            value = data[section][key]
            if not isinstance(value, list):
                raise err(key_line, f"[{section}] {key} must be a list")
            items = value if shape == "strings" else value
            seen: dict[str, int] = {}
            cursor = kpos
            checked = []
            for item in items:
                group = item if shape == "groups" else [item]
                if shape == "groups" and (not isinstance(item, list) or len(item) < 2):
                    raise err(key_line, f"[{section}] {key}: each entry must be a list of two or more strings")
                for s in group:
                    if not isinstance(s, str):
                        raise err(key_line, f"[{section}] {key}: {s!r} is not a string")
                    i = raw.find(f'"{s}"', cursor)
                    line = raw.count("\n", 0, i) + 1 if i >= 0 else key_line
                    if i >= 0:
                        cursor = i + 1
                    if not s.strip() or s != s.strip() or "  " in s:
                        raise err(line, f"[{section}] {key}: bad entry {s!r} (empty or padded)")
                    k = " ".join(_seq(s))
                    if shape == "strings":
                        if k in seen:
                            raise err(line, f"[{section}] {key}: duplicate entry {s!r} "
                                      f"(same as line {seen[k]})")
                        seen[k] = line
                checked.append(item)
            out[section][key] = checked

    roles = out["roles"]["words"]
    role_set = {" ".join(_seq(r)) for r in roles}
    role_class: dict[str, str] = {}
    for group in out["roles"]["same"]:
        canon = " ".join(_seq(group[0]))
        for r in group:
            k = " ".join(_seq(r))
            if k not in role_set:
                raise err(_line(raw, f'"{r}"', sec_pos("roles")),
                          f"[roles] same: {r!r} is not listed in [roles] words")
            role_class[k] = canon
    offices: dict[tuple[str, ...], str] = {}
    title_set = {_seq(t) for t in out["titles"]["words"]}
    for pair in out["titles"]["offices"]:
        if len(pair) != 2 or _seq(pair[0]) not in title_set or " ".join(_seq(pair[1])) not in role_set:
            raise err(_line(raw, f'"{pair[0]}"', sec_pos("titles")) or _line(raw, "offices"),
                      f"[titles] offices: {pair!r} must pair a listed title with a listed role")
        offices[_seq(pair[0])] = pair[1].lower()
    pronouns: dict[str, str] = {}
    for cls, words in out["pronouns"].items():
        for w in words:
            if w.lower() in pronouns:
                raise err(_line(raw, f'"{w}"', sec_pos("pronouns")),
                          f"[pronouns] {w!r} is in both {pronouns[w.lower()]} and {cls}")
            pronouns[w.lower()] = cls
    titles = frozenset(_seq(t) for t in out["titles"]["words"])
    role_seqs = frozenset(_seq(r) for r in roles)
    return People(
        titles=titles,
        offices=offices,
        roles=role_seqs,
        role_class=role_class,
        male=frozenset(_norm(w) for w in out["gender"]["male"]),
        female=frozenset(_norm(w) for w in out["gender"]["female"]),
        male_names=frozenset(_norm(w) for w in out["gender"]["male_names"]),
        female_names=frozenset(_norm(w) for w in out["gender"]["female_names"]),
        org_heads=frozenset(_norm(w) for w in out["organizations"]["heads"]),
        org_generic=frozenset(_norm(w) for w in out["organizations"]["generic"]),
        org_names=frozenset(_seq(w) for w in out["organizations"]["names"]),
        places=frozenset(_seq(w) for w in out["organizations"]["places"]),
        place_heads=frozenset(_norm(w) for w in out["organizations"]["place_heads"]),
        not_names=frozenset(_norm(w) for w in out["names"]["not_names"]),
        particles=frozenset(_norm(w) for w in out["names"]["particles"]),
        parties=frozenset(_norm(w) for w in out["names"]["parties"]),
        anonymous_nouns=frozenset(_norm(w) for w in out["anonymous"]["nouns"]),
        anonymous_insiders=frozenset(_norm(w) for w in out["anonymous"]["insiders"]),
        anonymous_collectives=frozenset(_norm(w) for w in out["anonymous"]["collectives"]),
        anonymous_evidence=frozenset(_norm(w) for w in out["anonymous"]["evidence"]),
        anonymous_phrases=tuple(sorted({p.lower() for p in out["anonymous"]["phrases"]},
                                       key=lambda p: (-len(p), p))),
        anonymous_modifiers=frozenset(_norm(w) for w in out["anonymous"]["modifiers"]),
        reasons=tuple(sorted({p.lower() for p in out["anonymous"]["reasons"]},
                             key=lambda p: (-len(p), p))),
        pronouns=pronouns,
        max_title=max(len(t) for t in titles),
        max_role=max(len(r) for r in role_seqs),
    )


@functools.lru_cache(maxsize=4)
def _load(path: str) -> People:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise PeopleDataError(f"{p}: cannot read the people word lists: {exc}") from None
    return parse_people(raw, p)


def load_people(path: str | Path | None = None) -> People:
    """Load (once, cached) ``attribution/data/people.toml`` or another file."""
    return _load(str(path or DATA))


# ====================================================================== internals

_PREPS_AFTER_ROLE = ("for", "of", "at", "with", "from", "to")
_PLACE_PREPS = ("in", "near", "across", "outside", "inside", "throughout")
_STOP_CHUNK = {",", ";", "(", ")", ":", "—", "–", "--", '"', "“", "”", "who", "which", "that",
               "whose", "whom"}
_POSSESSIVE = {"'s", "'", "s'"}
_DETS_DEF = {"the", "this", "that", "these", "those"}
_DETS_INDEF = {"a", "an", "one", "some", "several", "many", "two", "three", "four", "five",
               "another", "other", "few", "most", "all", "various", "numerous"}
_HYPHEN_ADJ = re.compile(r"^\S+-[a-z]+$")          # Britain-based, U.S.-led
_PARTICLE_NAME = re.compile(r"^[a-z]{1,3}-[A-Z]")   # el-Zour, al-Assad
# nouns that name people by what they do: moderator, neurosurgeon, front-runner, strategist
_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|eon|ee|ive|man|woman|host|chief|icon|czar|guru|star)$")
_PARTY_TAG = re.compile(r"^\(?[DRI]-[A-Z][A-Za-z.]*\)?$")       # (D-N.Y.), R-Texas
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}s?|(?:[A-Z]\.){2,4}|[A-Z]\.[A-Z]\.[A-Z]?)$")


def _is_punct(t: Token) -> bool:
    return t.upos in ("PUNCT", "SYM") or not any(ch.isalnum() for ch in t.text)


@dataclass(eq=False)
class _Entity:
    kind: str                         # person | organization | place | anonymous
    name: str
    title: str | None = None
    role: str | None = None
    affiliation: str | None = None
    aff_prio: int = -1
    gender: str | None = None         # m | f
    plural: bool = False
    key: str = ""                     # for anonymous / descriptive entities
    names: list[tuple[str, ...]] = field(default_factory=list)   # normalised name word tuples
    mentions: dict[tuple[int, int], None] = field(default_factory=dict)
    named_at: list[tuple[int, int]] = field(default_factory=list)  # (offset, sentence) of name runs
    order: int = 0
    reason: str | None = None
    office: str | None = None

    def holds(self, people: "People", role: str | None) -> bool:
        return people.same_role(self.role, role) or people.same_role(self.office, role)

    @property
    def surname(self) -> str:
        return self.names[0][-1] if self.names and self.names[0] else ""

    @property
    def first(self) -> str:
        return self.names[0][0] if self.names and len(self.names[0]) > 1 else ""

    def set_aff(self, aff: str | None, prio: int) -> None:
        if aff and prio > self.aff_prio:
            self.affiliation, self.aff_prio = aff, prio


@dataclass(eq=False)
class _Run:
    sent: int
    i: int                 # token indices [i, j) of the whole run (titles included)
    j: int
    name_i: int            # first token of the name proper
    title: str | None
    pre: str | None        # words before the title ("U.S. Army")
    kind: str              # person | organization | place
    tentative: bool        # a lone word guessed to be a person
    modifier: bool         # modifies a following common noun ("SDF commander")
    possessor: bool
    definite: bool
    subject: bool
    start: int
    end: int
    name: str
    words: tuple[str, ...]
    role: str | None = None
    affiliation: str | None = None
    aff_prio: int = -1
    gender: str | None = None
    office: str | None = None   # the role a title names ("Sen." -> senator)
    entity: _Entity | None = None


@dataclass
class _RolePhrase:
    role: str | None       # the role noun as matched ("spokesman")
    head: int              # token index of the head noun
    aff: str | None
    aff_kind: str | None   # post | poss | premod
    aff_offset: int
    definite: bool
    indefinite: bool
    plural: bool
    end: int               # token index after the phrase


@dataclass
class _Cand:
    start: int
    sent: int
    entity: _Entity
    tier: float            # salience: lower is better (source/subject 0 or below)
    quoted: bool = False   # inside a quotation
    reported: bool = False  # inside someone's reported content


class _Resolver:
    def __init__(self, doc: Document, people: People, attributions: list[Attribution]):
        self.doc = doc
        self.P = people
        self.text = doc.source.text
        self.sents = self._merge_sentences(doc.sentences)
        self.sent_starts = [s.start for s in self.sents]
        self.attrs = attributions
        self.entities: list[_Entity] = []
        self.runs: list[_Run] = []
        self.runs_by_sent: list[list[_Run]] = [[] for _ in self.sents]
        self.timeline: list[_Cand] = []
        self._quote_regions()
        self._cap_vocab()

    # ------------------------------------------------------------------ helpers
    def _merge_sentences(self, sents: tuple[Sentence, ...]) -> list[Sentence]:
        """Undo sentence splits that cut a name ("Senator Maria | Lopez said", "Col. | Ahmed")."""
        out: list[Sentence] = []
        for s in sents:
            s = self._repair_mwt(s)
            if out and s.tokens and out[-1].tokens and s.block == out[-1].block and self._spurious(out[-1], s):
                prev = out[-1]
                off = len(prev.tokens)
                moved = tuple(dataclasses.replace(t, id=t.id + off, head=t.head + off if t.head else 0)
                              for t in s.tokens)
                out[-1] = Sentence(tokens=prev.tokens + moved, start=prev.start, end=s.end, block=prev.block)
            else:
                out.append(s)
        return out

    def _repair_mwt(self, s: Sentence) -> Sentence:
        """A possessive split in the wrong place ("Clinto" + "n's") gets its word back."""
        toks = list(s.tokens)
        changed = False
        k = 0
        while k < len(toks):
            t = toks[k]
            m = k
            while m + 1 < len(toks) and toks[m + 1].start == t.start and toks[m + 1].end == t.end:
                m += 1
            if m > k:
                surface = self.text[t.start:t.end]
                pm = re.match(r"^(.*\w)(['\u2019]s?)$", surface)
                if pm and toks[k].text != pm.group(1):
                    toks[k] = dataclasses.replace(toks[k], text=pm.group(1))
                    for q in range(k + 1, m + 1):
                        toks[q] = dataclasses.replace(toks[q], text=pm.group(2))
                    changed = True
            k = m + 1
        return dataclasses.replace(s, tokens=tuple(toks)) if changed else s

    def _spurious(self, a: Sentence, b: Sentence) -> bool:
        if "\n" in self.text[a.end:b.start]:
            return False
        last = a.tokens[-1]
        nxt = b.tokens[0]
        if not nxt.text[:1].isupper():
            return last.text not in (".", "!", "?", "\u2026") and not _is_punct(last)
        if not _is_punct(last):
            if last.text.endswith(".") and (_norm(last.text),) in self.P.titles:
                return True
            return last.upos in ("PROPN",) or (_norm(last.text),) in self.P.titles
        if last.text == "." and len(a.tokens) >= 2 and a.tokens[-2].end == last.start:
            w = a.tokens[-2].text
            return (_norm(w),) in self.P.titles or (len(w) == 1 and w.isupper())
        return False

    def _quote_regions(self) -> None:
        regions: list[tuple[int, int]] = []
        try:
            from .extract.quotes import scan_quotes

            regions = [(q.start, q.end) for q in scan_quotes(self.text)]
        except Exception:  # the scanner is extract's; fall back to attribution contents only
            regions = []
        content: list[tuple[int, int]] = []
        for a in self.attrs:
            for sp in a.content:
                content.append((sp.start, sp.end))
                if a.type == "direct":
                    regions.append((sp.start, sp.end))
        self.quotes = self._union(regions)
        self.contents = self._union(content)

    @staticmethod
    def _union(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for s, e in sorted(regions):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return out

    @staticmethod
    def _inside(regions: list[tuple[int, int]], offset: int) -> bool:
        """``offset`` lies in one of the disjoint, sorted ``regions``."""
        i = bisect.bisect_right(regions, (offset, float("inf"))) - 1
        return i >= 0 and regions[i][0] <= offset < regions[i][1]

    def _cap_vocab(self) -> None:
        """Capitalised words seen inside sentences, lower-case words, and Title Case lines."""
        vocab, lower = set(), set()
        self.headlines: set[int] = set()
        for s in self.sents:
            alpha = [t for t in s.tokens if t.text[:1].isalpha()]
            caps = sum(1 for t in alpha if t.text[:1].isupper())
            if len(alpha) >= 4 and caps >= 0.7 * len(alpha):
                self.headlines.add(id(s))
                continue
            first = self._first_word(s)
            for k, t in enumerate(s.tokens):
                if k != first and t.text[:1].isupper():
                    vocab.add(t.text)
                elif t.text.islower():
                    lower.add(t.text)
        self.vocab = vocab
        self.lower_vocab = lower

    @staticmethod
    def _first_word(s: Sentence) -> int:
        for k, t in enumerate(s.tokens):
            if not _is_punct(t):
                return k
        return 0

    def sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def slice(self, a: int, b: int) -> str:
        return self.text[a:b]

    def wspan(self, s: Sentence, k: int) -> tuple[int, int]:
        """Character span of word ``k`` alone (words of a multi-word token share its span)."""
        t = s.tokens[k]
        if t.end - t.start == len(t.text):
            return t.start, t.end
        seg = self.text[t.start:t.end]
        pos = 0
        for u in s.tokens:
            if u.start != t.start or u.end != t.end:
                continue
            idx = seg.find(u.text, pos)
            if idx < 0:
                idx = seg.replace("\u2019", "'").find(u.text.replace("\u2019", "'"), pos)
            if idx < 0:
                return t.start, t.end
            if u is t:
                return t.start + idx, t.start + idx + len(u.text)
            pos = idx + len(u.text)
        return t.start, t.end

    def tok_text(self, s: Sentence, i: int, j: int) -> str:
        return self.text[self.wspan(s, i)[0]:self.wspan(s, j - 1)[1]]

    def _match(self, toks: tuple[Token, ...], k: int, table: frozenset, longest: int,
               lemma: bool = False) -> int:
        """Length of the longest entry of ``table`` starting at token ``k`` (0: none)."""
        for n in range(min(longest, len(toks) - k), 0, -1):
            words = tuple(_norm(t.text) for t in toks[k:k + n])
            if words in table:
                return n
            if lemma:
                lw = words[:-1] + (_norm(toks[k + n - 1].lemma),)
                if lw in table:
                    return n
        return 0

    def _title_at(self, toks: tuple[Token, ...], k: int) -> int:
        if not toks[k].text[:1].isupper():
            return 0
        return self._match(toks, k, self.P.titles, self.P.max_title)

    def _namelike(self, s: Sentence, k: int, first: int) -> bool:
        t = s.tokens[k]
        w = t.text
        if not w or _is_punct(t):
            return False
        if _norm(w) in self.P.not_names:
            return False
        if _PARTY_TAG.match(w):
            return False
        if _PARTICLE_NAME.match(w):
            return True
        if not w[0].isupper():
            return False
        if t.upos in ("PRON", "DET", "CCONJ", "SCONJ", "PART", "INTJ", "NUM") or w == "I":
            return False
        if t.upos == "ADP" and k == first:
            return False
        if _norm(w) in self.P.pronouns:
            return False
        if id(s) in self.headlines and ((w.lower() in self.lower_vocab and w not in self.vocab)
                                        or t.upos not in ("PROPN", "NOUN", "ADJ", "X")):
            return False  # "Hillary Clinton Campaign Wants ...": a headline's capitals prove nothing
        if t.upos == "PROPN" and not (k > 0 and s.tokens[k - 1].text in ('"', "\u201c")):
            return True
        if k != first and not self._after_opening(s, k):
            return True
        # sentence-initial capital on a common word: a name only with more evidence
        if t.upos in ("NOUN", "ADJ", "X", "VERB", "PROPN"):
            nxt = s.tokens[k + 1] if k + 1 < len(s.tokens) else None
            if w in self.vocab and w.lower() not in self.P.anonymous_nouns:
                return True
            if nxt is not None and nxt.upos == "PROPN" and nxt.text[:1].isupper():
                return True
            seq = (_norm(w),)
            if seq in self.P.places or seq in self.P.org_names:
                return True
        return False

    def _after_opening(self, s: Sentence, k: int) -> bool:
        """The token opens a quotation or follows a colon/dash (a capital proves nothing)."""
        if k == 0:
            return True
        prev = s.tokens[k - 1].text
        return prev in ('"', "“", "‘", "'", ":", "—", "–", "--", "(", "-")

    # ------------------------------------------------------------------ runs
    def scan(self) -> None:
        for si, s in enumerate(self.sents):
            toks = s.tokens
            n = len(toks)
            first = self._first_word(s)
            cap = [self._namelike(s, k, first) for k in range(n)]
            k = 0
            while k < n:
                tl = self._title_at(toks, k)
                if not (cap[k] or tl):
                    k += 1
                    continue
                i = j = k
                while j < n:
                    tl = self._title_at(toks, j)
                    if j > i and "\n" in self.text[toks[j - 1].end:toks[j].start]:
                        break  # never across a line break (navigation lines, headlines)
                    if j > i and id(s) in self.headlines:
                        so_far = tuple(_norm(t.text) for t in toks[i:j])
                        if (so_far in self.P.places or so_far in self.P.org_names) \
                                and _norm(toks[j].text) not in self.P.org_heads:
                            break  # "Why Does Israel Refuse To ...": the known name ends the run
                    if tl:
                        j += tl
                        continue
                    if cap[j]:
                        j += 1
                        continue
                    if (toks[j].text == "." and j > i and j + 1 < n and cap[j + 1]
                            and toks[j].start == toks[j - 1].end
                            and ((_norm(toks[j - 1].text),) in self.P.titles
                                 or (len(toks[j - 1].text) == 1 and toks[j - 1].text.isupper()))):
                        j += 1  # "Col" "." "Ahmed": an abbreviation split by the tokenizer
                        continue
                    w = _norm(toks[j].text)
                    if j > i and j + 1 < n and (cap[j + 1] or _norm(toks[j + 1].text) in self.P.particles) \
                            and toks[j].text in ("-", "'") and toks[j].start == toks[j - 1].end \
                            and (_norm(toks[j - 1].text) in self.P.particles or len(toks[j - 1].text) == 1
                                 or toks[j + 1].text.islower()) \
                            and toks[j + 1].start == toks[j].end:
                        j += 1  # "el-Zour", "O'Neill" split by the tokenizer
                        continue
                    if j > i and j + 1 < n and cap[j + 1]:
                        if w in self.P.particles and toks[j].text.islower():
                            j += 1
                            continue
                        if w in ("of", "for", "on", "&") and _norm(toks[j - 1].text) in self.P.org_heads:
                            j += 1
                            continue
                    if (j > i and j + 2 < n and w in ("of", "for", "on") and _norm(toks[j + 1].text) == "the"
                            and cap[j + 2] and _norm(toks[j - 1].text) in self.P.org_heads):
                        j += 2
                        continue
                    if j > i and w in _POSSESSIVE and j + 1 < n and cap[j + 1]:
                        m = j + 1
                        while m < n and (cap[m] or self._title_at(toks, m)):
                            m += 1
                        if any(_norm(t.text) in self.P.org_heads for t in toks[j + 1:m]):
                            j = m
                            continue
                    break
                if j == k:
                    j = k + 1
                self._make_run(si, s, k, j, first)
                k = j
        for r in self.runs:
            if r.kind == "person" and not r.modifier:
                self._person_context(r)

    def _make_run(self, si: int, s: Sentence, i: int, j: int, first: int) -> None:
        toks = s.tokens
        # leading "Britain-based", "U.S.-led"; trailing connectors and demonym adjectives
        while i < j and (_HYPHEN_ADJ.match(toks[i].text) and not _PARTICLE_NAME.match(toks[i].text)):
            i += 1
        while i < j and (_norm(toks[j - 1].text) in ("of", "for", "on", "and", "&", "the")
                         or _norm(toks[j - 1].text) in _POSSESSIVE
                         or (toks[j - 1].upos == "ADJ" and j - 1 > i and toks[j - 1].upos != "PROPN")):
            j -= 1
        if i >= j:
            return
        if j - i == 1 and toks[i].upos == "ADJ" and not self._title_at(toks, i):
            nxt = toks[j] if j < len(toks) else None
            if nxt is None or nxt.text[:1].islower():
                return  # "Russian accusations", "Syrian troops"
        # title: the last title block followed by at least one name word
        title_span = None
        k = i
        while k < j:
            tl = self._title_at(toks, k)
            if tl and k + tl < j:
                start = k
                while k < j and (tl := self._title_at(toks, k)) and k + tl < j:
                    k += tl
                    if k + 1 < j and toks[k].text == "." and toks[k].start == toks[k - 1].end:
                        k += 1
                title_span = (start, k)
                continue
            k += 1
        name_i = title_span[1] if title_span else i
        name_words = tuple(_norm(t.text) for t in toks[name_i:j])
        words_all = tuple(_norm(t.text) for t in toks[i:j])
        org_head = any(w in self.P.org_heads for w in name_words)
        place_head = any(w in self.P.place_heads for w in name_words)
        title = pre = None
        if title_span and not org_head and not place_head:
            title = self.tok_text(s, *title_span)
            if title_span[0] > i:
                pre = self.tok_text(s, i, title_span[0])
        else:
            name_i = i
            name_words = words_all
        if all(w in self.P.not_names for w in name_words) or _PARTY_TAG.match(self.tok_text(s, i, j)):
            return
        if j - i == 1 and _norm(toks[i].text) in self.P.anonymous_nouns:
            return  # "Republicans", "Democrats": a group, not a name
        prev = toks[i - 1] if i > 0 else None
        prev_w = _norm(prev.text) if prev is not None else ""
        if prev_w in _POSSESSIVE and i >= 2:
            prev_w = ""
        definite = prev_w == "the"
        nxt = toks[j] if j < len(toks) else None
        possessor = nxt is not None and _norm(nxt.text) in _POSSESSIVE
        modifier = (nxt is not None and not possessor and nxt.text[:1].islower()
                    and nxt.upos in ("NOUN", "PROPN", "ADJ", "NUM") and not _is_punct(nxt))
        if (nxt is not None and nxt.text in ("-", "\u2010", "\u2011") and nxt.start == toks[j - 1].end
                and j + 1 < len(toks) and toks[j + 1].text[:1].islower()):
            modifier = True  # "Britain-based", "U.S.-led"
        name = self.tok_text(s, name_i, j)
        tentative = False
        ner = self._ner(toks[name_i:j])
        if title:
            kind = "person"
        elif words_all in self.P.org_names or name_words in self.P.org_names:
            kind = "organization"
        elif name_words in self.P.places:
            kind = "organization"
        elif place_head:
            kind = "place"
        elif org_head or _ACRONYM.match(name.replace(" ", "")) or re.search(r"\.(?:com|org|net|gov|edu)$", name):
            kind = "organization"
        elif ner:
            kind = ner
        elif definite:
            kind = "organization"
        elif prev_w in _PLACE_PREPS:
            kind = "place"
        else:
            kind = "person"
            tentative = len(name_words) == 1
        head = self._run_head(s, i, j)
        subject = head.deprel.startswith("nsubj") or (i <= first + (1 if definite else 0)
                                                      and not possessor and not modifier)
        gender = None
        if title:
            tw = _norm(title.split()[-1]) if title else ""
            if tw in self.P.male or _norm(title) in self.P.male:
                gender = "m"
            elif tw in self.P.female or _norm(title) in self.P.female:
                gender = "f"
        run = _Run(sent=si, i=i, j=j, name_i=name_i, title=title, pre=pre, kind=kind,
                   tentative=tentative, modifier=modifier, possessor=possessor, definite=definite,
                   subject=subject and not modifier, start=self.wspan(s, i)[0], end=self.wspan(s, j - 1)[1],
                   name=name, words=name_words, gender=gender)
        if pre and kind == "person":
            run.affiliation, run.aff_prio = pre, 0
        if title:
            run.office = self.P.offices.get(tuple(_norm(w) for w in title.split()))
        self.runs.append(run)
        self.runs_by_sent[si].append(run)

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
        si = self.sent_of(s.tokens[k].start)
        for r in self.runs_by_sent[si]:
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
                n = self._match(toks, p - 1, self.P.roles, self.P.max_role) if p > det_end else 0
                if not n:
                    break
            n = self._match(toks, p, self.P.roles, self.P.max_role, lemma=True)
            if n and toks[p].text[:1].islower() or (n and toks[p].upos == "NOUN"):
                role_at, role_len = p, n
                if not head_last:
                    # keep the last role noun before a preposition ("campaign manager",
                    # "chief political strategist")
                    q = p + n
                    while q < b and toks[q].upos in ("NOUN", "ADJ") and toks[q].text[:1].islower():
                        m = self._match(toks, q, self.P.roles, self.P.max_role, lemma=True)
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
                    and _norm(toks[q].text) not in self.P.anonymous_nouns \
                    and _norm(toks[q].text) not in self.P.org_heads:
                role_at, role_len = q, 1
        if role_at is None:
            return None
        head = role_at + role_len - 1
        if head_last and any(not _is_punct(t) for t in toks[head + 1:b]):
            return None
        role = " ".join(_norm(t.lemma if t.upos == "NOUN" and i == head else t.text)
                        for i, t in enumerate(toks[role_at:head + 1], role_at))
        if role not in {" ".join(r) for r in self.P.roles}:
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
                si = self.sent_of(toks[st].start)
                orgs = [r for r in self.runs_by_sent[si] if r.kind == "organization" and not r.modifier
                        and toks[st].start < r.start and r.end <= toks[e - 1].end]
                if orgs and not any(r.start == toks[st].start for r in self.runs_by_sent[si]):
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
                    if w in self.P.anonymous_modifiers or _is_punct(t) and t.text not in ("-", "&"):
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
                rp = self._role_phrase(s, a, b) or (
                    self._role_phrase(s, a, b, any_noun=True) if toks[a].upos == "DET" else None)
                if rp and rp.head - a <= 8:
                    found.append((rp, 3))
        # "Defense Ministry spokesman Igor Konashenkov"
        if r.i > 0 and toks[r.i - 1].text[:1].islower() and toks[r.i - 1].upos in ("NOUN", "PROPN", "ADJ"):
            a = r.i - 1
            while a > 0 and not _is_punct(toks[a - 1]) and toks[a - 1].upos not in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") \
                    and _norm(toks[a - 1].text) not in _STOP_CHUNK:
                a -= 1
                if toks[a].upos == "DET":
                    break
            rp = self._role_phrase(s, a, r.i, head_last=True)
            prev = toks[r.i - 1]
            before = toks[a - 1] if a > 0 else None
            if rp is None and not r.title and prev.upos == "NOUN" and "Number=Plur" not in (prev.feats or "") \
                    and prev.text.isalpha() and _norm(prev.text) not in self.P.anonymous_nouns \
                    and _norm(prev.text) not in self.P.org_heads and _norm(prev.text) not in self.P.place_heads \
                    and _PERSON_NOUN.search(prev.text.lower()) \
                    and toks[a].upos != "DET" and (before is None or before.upos not in (
                        "ADP", "PRON", "DET", "AUX", "PART", "SCONJ")):
                # not "the first time Trump ...", "in favor Sanders"
                # "retired neurosurgeon Ben Carson", "CNBC moderator Carl Quintanilla": any noun
                # right before a name describes the person, listed as a role or not
                st = r.i - 1
                while st > a and (toks[st - 1].text[:1].isupper() or toks[st - 1].upos in ("NOUN", "PROPN")) \
                        and _norm(toks[st - 1].text) not in self.P.anonymous_modifiers:
                    st -= 1
                cs = r.i - 1  # "front-runner" split by the tokenizer is one word
                while cs >= 2 and toks[cs - 1].text == "-" and toks[cs - 1].start == toks[cs - 2].end \
                        and toks[cs].start == toks[cs - 1].end:
                    cs -= 2
                st = min(st, cs)
                aff = self.tok_text(s, st, cs) if st < cs else None
                role = self.tok_text(s, cs, r.i).lower() if cs < r.i - 1 else _norm(prev.lemma or prev.text)
                rp = _RolePhrase(role=role, head=r.i - 1, aff=aff,
                                 aff_kind="premod" if aff else None,
                                 aff_offset=toks[st].start, definite=False, indefinite=False,
                                 plural=False, end=r.i)
            if rp:
                found.append((rp, 2))
        # "The ministry's spokesman, Igor Konashenkov,"
        if r.i >= 2 and toks[r.i - 1].text == ",":
            b = r.i - 1
            a = b
            while a > 0 and toks[a - 1].text not in (",", ";", ":", '"', "“", "”", "(") \
                    and toks[a - 1].upos not in ("VERB", "AUX", "SCONJ"):
                a -= 1
            rp = self._role_phrase(s, a, b, head_last=True)
            if rp:
                found.append((rp, 3))
        for rp, prio in found:
            if rp.role and r.role is None:
                r.role = rp.role
            if rp.aff:
                aff = self._resolve_aff(rp.aff, rp.aff_kind, rp.aff_offset)
                p = {"post": prio, "poss": 2, "premod": 1}.get(rp.aff_kind or "", 1)
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
            r.gender = "m" if w in self.P.male else "f" if w in self.P.female else None

    def _resolve_aff(self, aff: str, kind: str | None, offset: int) -> str:
        """A possessive/pre-modifier affiliation that is a bare organisation word
        ("the ministry's", "Ministry spokesman") names the organisation mentioned last."""
        words = [_norm(w) for w in aff.split()]
        if words and words[0] == "the":
            words = words[1:]
            aff = aff.split(None, 1)[1] if " " in aff else aff
        if kind in ("poss", "premod") and len(words) == 1 and words[0] in self.P.org_heads:
            best = None
            for r in self.runs:
                if r.end > offset:
                    break
                if r.kind == "organization" and len(r.words) > 1 and words[0] in r.words:
                    best = r
            if best is not None:
                return best.entity.name if best.entity else best.name
        return aff

    # ------------------------------------------------------------------ entities
    def _new(self, kind: str, name: str, **kw) -> _Entity:
        e = _Entity(kind=kind, name=name, order=len(self.entities), **kw)
        self.entities.append(e)
        return e

    def _person_match(self, words: tuple[str, ...], offset: int, *, variants: bool = True,
                      gender: str | None = None) -> _Entity | None:
        surname = words[-1]
        firstn = words[0] if len(words) > 1 else ""
        best = None
        best_key = None
        for fuzzy in (False, True) if variants else (False,):  # an exact surname beats a variant
            for e in self.entities:
                if e.kind != "person" or (gender and e.gender and gender != e.gender):
                    continue  # "Mr. Obama" is not "Michelle Obama"
                ok = False
                for nm in e.names:
                    if nm == words:
                        ok = True
                        break
                    if not nm:
                        continue
                    es, ef = nm[-1], nm[0] if len(nm) > 1 else ""
                    if firstn and ef and firstn != ef and not (len(firstn) <= 2 or len(ef) <= 2):
                        continue
                    if es == surname or (fuzzy and min(len(es), len(surname)) >= 5
                                         and fuzz.ratio(es, surname) >= 85):
                        ok = True
                        break
                    if not firstn and surname == ef and len(nm) > 1:
                        ok = True
                        break
                if not ok:
                    continue
                before = [o for o, _ in e.named_at if o <= offset]
                key = (0, -max(before)) if before else (1, min((o for o, _ in e.named_at), default=0))
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
            for nm in e.names:
                if nm == key:
                    return e
                short, long_ = (key, nm) if len(key) <= len(nm) else (nm, key)
                if len(short) >= 2 and long_[-len(short):] == short and short not in self.P.places:
                    return e
                if len(" ".join(key)) >= 8 and fuzz.ratio(" ".join(key), " ".join(nm)) >= 92:
                    return e
        return None

    def _attach(self, r: _Run) -> _Entity:
        if r.entity is not None:
            return r.entity
        e = None
        if r.kind == "person":
            g = r.gender or ("m" if len(r.words) > 1 and r.words[0] in self.P.male_names else
                             "f" if len(r.words) > 1 and r.words[0] in self.P.female_names else None)
            e = self._person_match(r.words, r.start, gender=g)
            if e is None and r.tentative:
                e = self._org_match(r.words)
            if e is None:
                e = self._new("person", r.name)
        else:
            e = None
            if len(r.words) == 1 and not r.definite and not _ACRONYM.match(r.name):
                # "Rep. Jim Jordan ... Jordan said": a known surname beats the country
                e = self._person_match(r.words, r.start, variants=False)
                if e is not None and not any(len(nm) > 1 and nm[-1] == r.words[0] for nm in e.names):
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
                e.gender = "m" if first in self.P.male_names else "f" if first in self.P.female_names else None
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
                    for r in self.runs:
                        if r.entity is b:
                            r.entity = a
                    a.title = a.title or b.title
                    a.role = a.role or b.role
                    a.office = a.office or b.office
                    a.set_aff(b.affiliation, b.aff_prio)
                    self.entities.remove(b)
                    break

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
        for si, s in enumerate(self.sents):
            toks = s.tokens
            for k, t in enumerate(toks):
                if not t.deprel.startswith("nsubj") or t.upos != "NOUN" or self._in_run(s, k):
                    continue
                if not self._common(t) or _norm(t.text) in self.P.org_heads:
                    continue
                st = k
                while st > 0 and (toks[st - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                  or _norm(toks[st - 1].text) in _POSSESSIVE):
                    st -= 1
                if st >= 2 and toks[st - 1].text == "," and self._in_run(s, st - 2) is not None:
                    continue  # "Jane Porter, a spokeswoman for ...": an apposition, not someone else
                e = self._common_source(s, si, st, k + 1, k, None)
                if e is not None:
                    if e.kind == "anonymous":
                        e.named_at.append((t.start, si))
                    self.timeline.append(self._cand(t.start, si, e, 0.2))
        self.timeline.sort(key=lambda c: c.start)
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
            ent, pron = self._resolve_source(a)
            if pron == "first":
                first_person.append(k)
                continue
            out[a.id] = ent
            if ent is not None:
                ent.mentions[self._trimmed(a.source.start, a.source.end)] = None
                si = self.sent_of(a.source.start)
                self.timeline.append(self._cand(a.source.start, si, ent,
                                                self._source_tier(a.source.start, a.source.end)))
        for k in first_person:
            a = self.attrs[k]
            ent = None
            for b in self.attrs:
                if b is a or b.type not in ("direct", "mixed"):
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
        si = self.sent_of(start)
        for sj in (si, si + 1):
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
            cls = self.P.pronouns.get(w)
            if cls:
                return (None, "first") if cls == "first" else (self._pronoun(sp.start, self.sent_of(sp.start), cls), cls)
            return self._descriptive(raw.strip(), sp.start, "organization"), None
        si = self.sent_of(s.tokens[idx[0]].start)
        toks = s.tokens
        a0 = idx[0]
        # skip a leading "according to" if extract included it
        while a0 < idx[-1] and (_norm(toks[a0].text) in ("according", "to", "by") or _is_punct(toks[a0])):
            a0 += 1
        a0 = self._after_lead(toks, a0, idx[-1])
        b = a0
        while b <= idx[-1] and (_norm(toks[b].text) not in _STOP_CHUNK
                                or toks[b].text in ('"', "\u201c", "\u201d")):
            b += 1
        if b == a0:
            b = a0 + 1
        # a name in apposition names the speaker: "A spokeswoman for the department, Alicia
        # Moreno," / "The lawyer, Mark Ellis,"
        lead = self._in_run(s, a0)
        for k in range(a0 + 2, idx[-1] + 1):
            if lead is not None and lead.kind == "person":
                break  # "Raymond Achterberg, Lakeshore's president": the name comes first
            if toks[k - 1].text == ",":
                run = self._in_run(s, k)
                possessive = run is not None and run.j < len(toks) and _norm(toks[run.j].text) in _POSSESSIVE
                if run is not None and run.kind == "person" and not run.modifier and run.i == k and not possessive:
                    e = self._attach(run)
                    rp = self._role_phrase(s, a0, k - 1)
                    if rp is not None and rp.role and not e.role:
                        e.role = rp.role  # what the phrase before the name says he or she is
                        if rp.aff and not e.affiliation:
                            e.set_aff(self._resolve_aff(rp.aff, rp.aff_kind, rp.aff_offset), 1)
                    return e, None
        # the head: last nominal word before a preposition that is not inside a name
        core_end = b
        for k in range(a0, b):
            t = toks[k]
            if t.upos == "ADP" and _norm(t.text) not in _POSSESSIVE and not self._in_run(s, k) and k > a0:
                core_end = k
                break
        head = None
        for k in range(core_end - 1, a0 - 1, -1):
            t = toks[k]
            if t.upos in ("NOUN", "PROPN", "PRON", "NUM", "X") or self._in_run(s, k) or \
                    _norm(t.text) in self.P.pronouns:
                head = k
                break
        if head is None:
            return None, None  # no word that could name anyone ("the", a stray mark)
        ht = toks[head]
        if _PARTY_TAG.match(self.tok_text(s, a0, core_end).replace(" ", "")):
            # "Sen. Chuck Schumer (D-N.Y.)": the name before the party tag
            k = a0
            while k > 0 and toks[k - 1].text in ("(", ",", "-"):
                k -= 1
            prev = self._in_run(s, k - 1) if k > 0 else None
            return (self._attach(prev) if prev is not None else None), None
        hw = _norm(ht.text)
        if hw in self.P.pronouns and self.P.pronouns[hw] == "second":
            return None, None  # "you": the reader or someone addressed, never resolved
        if hw in ("who", "which", "whom") or (hw == "that" and ht.upos == "PRON" and core_end - a0 == 1):
            return self._relative(s, si, head, a, person=hw in ("who", "whom")), None
        if hw in self.P.pronouns and (ht.upos in ("PRON", "DET") or core_end - a0 == 1):
            cls = self.P.pronouns[hw]
            if cls == "first":
                return None, "first"
            return self._pronoun(ht.start, si, cls), cls
        run = self._in_run(s, head)
        if run is not None and (not run.modifier or head == run.j - 1) and head >= run.name_i - (1 if run.title else 0):
            if run.modifier and head == run.j - 1 and b > run.j:
                run = None  # "SDF commander": the head is the common noun after the run
        if run is None:
            # "Former Reagan chief of staff Don Regan": a name closing the phrase is its head
            last = b - 1
            while last > a0 and _is_punct(toks[last]):
                last -= 1
            tail = self._in_run(s, last)
            if tail is not None and tail.kind == "person" and not tail.modifier and tail.i > a0 \
                    and toks[tail.i - 1].upos != "ADP" and _norm(toks[tail.i - 1].text) not in ("of", "from", "for", "at", "in"):
                run = tail
        if run is not None and run.tentative and run.i > 0 and _norm(toks[run.i - 1].text) in ("a", "an"):
            run = None  # "a Republican": a common noun with a capital, not a name
        if run is None and ht.text[:1].isupper() and not self._common(ht) and head == a0 and core_end - a0 == 1 \
                and (ht.upos == "PROPN" or head != self._first_word(s)):
            run = self._adhoc_run(s, si, head, a)
        if run is not None:
            return self._attach(run), None
        # "his statement", "Russia's concerns": the possessor speaks when the head names no one
        if not self._common(ht):
            for k in range(a0, head):
                t = toks[k]
                w = _norm(t.text)
                cls = self.P.pronouns.get(w)
                if cls and cls != "first" and ("Poss=Yes" in (t.feats or "") or w in ("his", "her", "its", "their")):
                    return self._pronoun(t.start, si, cls), cls
                if w in _POSSESSIVE and k > a0:
                    r = self._in_run(s, k - 1)
                    if r is not None:
                        return self._attach(r), None
        return self._common_source(s, si, a0, b, head, a), None

    def confidence(self, a: Attribution, e: _Entity) -> str:
        """"high" when the source itself names the speaker or is the speaker's own
        description; "low" when a pronoun or role noun was tied to a name given more than
        ``FAR`` sentences before it (or only after it)."""
        s, t = self._trimmed(a.source.start, a.source.end)
        words = {_norm(w) for w in re.findall(r"[\w'’.-]+", self.text[s:t])}
        if e.kind != "person" or any(set(nm) & words for nm in e.names if nm):
            return "high"
        si = self.sent_of(s)
        before = [sj for o, sj in e.named_at if o < s]
        return "high" if before and si - max(before) <= FAR else "low"

    def _after_lead(self, toks: tuple[Token, ...], a0: int, last: int) -> int:
        """Skip a leading time phrase or dateline that the source span took in, cut off by a
        comma or a dash ("Tuesday, the company", "WASHINGTON — Sen. Chuck Grassley",
        "Sunday night's debate, Sanders"): a weekday or a place in capitals speaks for nobody."""
        while a0 < last and _norm(toks[a0].text) in self.P.not_names and toks[a0 + 1].upos == "PRON":
            a0 += 1  # "Monday he said"
        if toks[a0].text.isupper() and len(toks[a0].text) > 1:
            for k in range(a0 + 1, min(last, a0 + 12)):
                if toks[k].text in ("—", "–", "--"):
                    return k + 1  # "GOTHENBURG, Sweden (Wire) — The board ..."
        for k in range(a0 + 1, min(last, a0 + 7)):
            if toks[k].text not in (",", "—", "–", "--", "-"):
                continue
            lead = [t for t in toks[a0:k] if t.text[:1].isalpha()]
            dated = any(_norm(t.text) in self.P.not_names for t in lead)
            dateline = bool(lead) and all(t.text.isupper() and len(t.text) > 1 for t in lead)
            if (dated or dateline) and toks[k + 1].upos in ("DET", "PROPN", "PRON", "NOUN", "ADJ"):
                return k + 1
            break
        return a0

    def _relative(self, s: Sentence, si: int, k: int, a: Attribution, *, person: bool) -> _Entity | None:
        """"X, who said ...": the relative pronoun's antecedent is the phrase before it."""
        toks = s.tokens
        m = k - 1
        while m >= 0 and _is_punct(toks[m]):
            m -= 1
        if m < 0:
            return None
        # "Igor Konashenkov, the ministry's spokesman, who ...": skip back over an apposition
        run = self._in_run(s, m)
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
        if toks[m].upos not in ("NOUN", "PROPN", "NUM") and _norm(toks[m].text) not in self.P.anonymous_nouns:
            return None
        if _norm(toks[m].text) in self.P.not_names or toks[m].upos == "NUM":
            return None  # "on Thursday, which ...": a date is nobody
        st = m
        while st > 0 and (toks[st - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                          or _norm(toks[st - 1].text) in _POSSESSIVE) and toks[st - 1].text != ",":
            st -= 1
        return self._common_source(s, si, st, m + 1, m, a)

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

    # ------------------------------------------------------------------ pronouns
    def _pronoun(self, offset: int, si: int, cls: str) -> _Entity | None:
        """The most salient compatible antecedent, or None when the evidence is weak: a wrong
        speaker is worse than none, so a pronoun whose best antecedent is barely ahead of a
        different compatible one (within ``AMBIGUOUS`` salience) stays unresolved."""
        best = None
        best_score = None
        per_entity: dict[int, float] = {}
        in_quote = self._inside(self.quotes, offset)
        for c in self.timeline:
            if c.start >= offset or c.sent < si - 12 or c.sent > si:
                continue
            e = c.entity
            pen = self._compat(e, cls)
            if pen is None:
                continue
            # a person named inside a quotation is rarely who speaks after it
            depth = 0.0 if in_quote else 6.0 if c.quoted else 1.5 if c.reported else 0.0
            score = (si - c.sent) + c.tier + pen + depth
            per_entity[id(e)] = min(score, per_entity.get(id(e), score))
            key = (score, -c.start)
            if best_score is None or key < best_score:
                best, best_score = e, key
        if best is not None and cls in ("male", "female", "person"):
            rivals = [v for k, v in per_entity.items() if k != id(best)]
            if rivals and min(rivals) - best_score[0] < AMBIGUOUS:
                return None
        if best is None and cls in ("male", "female"):
            # cataphora: "She was twelve when the fire started. Maria Lopez still ..." — the
            # first person named in this or the next sentence (reported as uncertain)
            for r in self.runs:
                if r.start > offset and si <= r.sent <= si + 1 and r.entity is not None \
                        and r.entity.kind == "person" and not r.modifier \
                        and self._compat(r.entity, cls) is not None:
                    return r.entity
                if r.sent > si + 1:
                    break
        if best is not None and cls in ("male", "female") and best.kind == "person" and not best.gender:
            best.gender = "m" if cls == "male" else "f"
        return best

    def _compat(self, e: _Entity, cls: str) -> float | None:
        if cls == "person":  # an epithet: any named person, gender unknown
            if e.kind != "person":
                return None
            return 0.0 if e.title or any(len(nm) > 1 for nm in e.names) else 1.0
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
                lone = not e.title and all(len(nm) < 2 for nm in e.names)
                known = e.title or e.role or e.gender or any(
                    nm and (nm[0] in self.P.male_names or nm[0] in self.P.female_names) for nm in e.names)
                if lone and not known and not e.mentions:
                    return None  # "Drelland", "Parking": a capitalised word that never spoke
                return 1.0 if lone or not known else 0.0
            if e.kind == "anonymous" and not e.plural:
                return None if e.gender and e.gender != want else 0.0
            return None
        if cls == "thing":
            return {"organization": 0.0, "place": 1.0}.get(e.kind)
        if cls == "group":
            if e.kind == "organization" or (e.kind == "anonymous" and e.plural):
                return 0.0
            return {"anonymous": 1.5, "person": 2.5, "place": 1.5}.get(e.kind)
        return None

    # ------------------------------------------------------------------ anonymity reasons
    def reasons(self, speakers: dict[int, _Entity]) -> None:
        anon = [e for e in speakers.values() if e.kind == "anonymous"]
        if not anon:
            return
        pattern = _alternation(self.P.reasons)
        for si, s in enumerate(self.sents):
            low = self.text[s.start:s.end].lower()
            if True:
                for m in pattern.finditer(low):
                    at = s.start + m.start()
                    end = s.start + m.end()
                    # to the end of the clause
                    rest = self.text[end:s.end]
                    cut = re.search(r"[,;)\u2014]|\s--\s|[.!?](?=\s|$|[\"”])", rest)
                    stop = end + (cut.start() if cut else len(rest))
                    reason = self.text[at:stop].strip()
                    best = None
                    for dsent, pen in ((0, 0), (1, 1), (-1, 2)):
                        cands = []
                        for e in anon:
                            for (ms, me) in e.mentions:
                                if self.sent_of(ms) == si + dsent:
                                    cands.append((abs(ms - at), e))
                        if cands:
                            best = min(cands, key=lambda x: (x[0], x[1].order))[1]
                            break
                    if best is not None and best.reason is None:
                        best.reason = reason


# salience margin under which two antecedents of a personal pronoun are too close to call
AMBIGUOUS = 0.5
# sentences between a pronoun or role noun and the speaker's name beyond which the link is
# reported as uncertain (Attribution.confidence "low")
FAR = 3


def anonymity(people: People, name: str, plural: bool) -> str | None:
    """Is an unnamed source an individual or insider ("person") or a vague collective
    ("group")?  The one place this is decided; the check rules read ``Speaker.anonymity``.

    A singular source is a person ("a witness", "a Clinton ally"); a plural one is a group
    unless its head is an insider noun ("officials", "aides", "people familiar with ...")
    or it names a count of them ("two officials").  A definite plural that is no insider
    ("the two men") refers back to people already described: neither.
    """
    low = " ".join(name.lower().split())
    if any(p in low for p in people.anonymous_phrases if " " in p):
        return "person"
    words = re.findall(r"[a-z][a-z'’-]*", low)
    head = None
    for w in words:
        if w in _HEAD_CUT and head is not None:
            break
        head = w
    if head is None:
        return "person"
    definite = words[0] in ("the", "this", "that", "these", "those", "both") or any(
        w.endswith(("'s", "’s")) for w in words[:-1])
    if head in people.anonymous_insiders:
        return "person"
    if definite:
        # "the two men", "the former Florida governor", "Trump's campaign manager": someone
        # the article has introduced or identifies by the role
        return None
    if head in people.anonymous_collectives or any(w in people.anonymous_collectives for w in words[:2]):
        return "group"
    plural = (plural and not head.endswith("ss")) or (head.endswith("s") and not head.endswith("ss"))
    if plural and re.search(r"\b(?:of|for)\s+[A-Z]", name):
        return None  # "attorneys for Clinton", "supporters of Hillary Clinton": they speak for her
    return "group" if plural else "person"


def unnamed_share(people: People, name: str) -> bool:
    """A share of a population as a source, as polls report it ("Seventy-four percent of
    Democratic registered voters say", "a majority of voters"): a vague group."""
    words = [_norm(w) for w in re.findall(r"[\w-]+", name)][:4]
    return any(w in people.anonymous_collectives for w in words) and " of " in f" {name.lower()} "


def unnamed_evidence(people: People, name: str) -> bool:
    """A description of unnamed evidence as a source ("exit polls", "one global index"):
    no capitalised word after its first, no definite article, an evidence head noun."""
    words = name.split()
    if not words or words[0].lower() in ("the", "this", "that", "these", "those") or \
            any(w[:1].isupper() for w in words[1:]):
        return False
    return _norm(re.sub(r"[^\w-]", "", words[-1])) in people.anonymous_evidence


_HEAD_CUT = frozenset(["with", "of", "in", "at", "for", "from", "who", "that", "familiar", "close",
                       "briefed", "speaking", "knowledgeable", "involved", "inside", "within", "on",
                       "to", "near", "under", "and", ","])


@functools.lru_cache(maxsize=8)
def _alternation(phrases: tuple[str, ...]) -> re.Pattern:
    """One regex for a list of phrases, longest first, on word boundaries."""
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


# ====================================================================== entry point

def resolve(doc: Document, attributions: Iterable[Attribution], lexicon=None, *,
            people: People | None = None) -> Resolved:
    """Link each attribution's source mention to a document-level speaker.

    Args:
        doc: the parsed document.
        attributions: what extract found, in any order (the output keeps it).
        lexicon: the cue lexicon (accepted for the stage signature; the
            person/organisation vocabulary is ``people.toml``).
        people: another word list (tests); default ``attribution/data/people.toml``.

    Returns:
        :class:`Resolved` with ``speaker`` set on every attribution that could be
        tied to someone and one :class:`Speaker` per cited entity, numbered in the
        order they are first cited.

    Notes:
        The heuristics are described in the module docstring.  Pronoun scoring
        follows the salience ranking of Lappin and Leass (1994), reduced to
        recency, grammatical subject and embedding (quotation/reported content).
    """
    attrs = list(attributions)
    P = people or load_people()
    r = _Resolver(doc, P, attrs)
    r.scan()
    r.build_entities()
    links = r.resolve_all()

    first_cited: dict[int, int] = {}
    ents: dict[int, _Entity] = {}
    for a in attrs:
        e = links.get(a.id)
        if e is None:
            continue
        pos = a.source.start if a.source else 0
        if id(e) not in first_cited or pos < first_cited[id(e)]:
            first_cited[id(e)] = pos
        ents[id(e)] = e
    ordered = sorted(ents.values(), key=lambda e: (first_cited[id(e)], e.order))
    r.reasons({id(e): e for e in ordered})
    ids = {id(e): f"s{n}" for n, e in enumerate(ordered, 1)}
    text = doc.source.text
    speakers = []
    for e in ordered:
        mentions = tuple(Mention(text=text[s:t], start=s, end=t) for s, t in sorted(e.mentions))
        kind = "organization" if e.kind == "place" else e.kind
        if kind == "organization" and (unnamed_evidence(P, e.name) or unnamed_share(P, e.name)):
            kind = "anonymous"  # "exit polls suggested", "26 percent of Democrats say": nobody named
        speakers.append(Speaker(
            id=ids[id(e)], name=e.name, kind=kind,
            title=e.title if kind == "person" else None,
            role=(e.role or e.office) if kind in ("person", "anonymous") else None,
            affiliation=e.affiliation if kind in ("person", "anonymous") else None,
            mentions=mentions,
            anonymity_reason=e.reason if kind == "anonymous" else None,
            anonymity=("group" if unnamed_evidence(P, e.name) or unnamed_share(P, e.name)
                       else anonymity(P, e.name, e.plural))
            if kind == "anonymous" else None,
        ))
    out = tuple(dataclasses.replace(a, speaker=ids.get(id(links[a.id])) if links.get(a.id) else None,
                                    confidence=r.confidence(a, links[a.id]) if links.get(a.id) else None)
                for a in attrs)
    return Resolved(document=doc, attributions=out, speakers=tuple(speakers))
