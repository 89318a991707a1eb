"""The cue lexicon: which words introduce an attribution, and what kind.

The vocabulary is data (``attribution/data/cues.toml``); this module reads it
with :mod:`tomllib`, validates it strictly (errors name the file and the line)
and answers questions about it::

    lex = load_lexicon()
    lex.cue_classes("deny")      # frozenset({"deny"})
    lex.lemma_of("said")         # "say"
    lex.is_cue_verb("accuse")    # True

Class names used across the project: ``speech``, ``writing``, ``cognition``,
``loaded``, ``accuse``, ``deny``, ``warn`` (verbs) and ``noun`` (cue nouns).
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

DATA = Path(__file__).resolve().parent / "data" / "cues.toml"
VERB_CLASSES = ("speech", "writing", "cognition", "loaded", "accuse", "deny", "warn")
CLASSES = VERB_CLASSES + ("noun",)
_ENTRY = re.compile(r"^[a-z][a-z' -]*[a-z]$")


class LexiconError(ValueError):
    """The cue lexicon file is malformed; the message names file and line."""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, frozenset[str]]          # lemma (possibly "point out") -> classes
    nouns: frozenset[str]
    multiword: tuple[str, ...]                # "according to", "told reporters", ...
    hedges: tuple[str, ...]
    anonymous_nouns: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    forms: dict[str, str] = field(default_factory=dict)   # surface form -> lemma

    # ------------------------------------------------------------ classes
    @property
    def loaded(self) -> frozenset[str]:
        return self._class("loaded")

    @property
    def accuse(self) -> frozenset[str]:
        return self._class("accuse")

    @property
    def deny(self) -> frozenset[str]:
        return self._class("deny")

    @property
    def warn(self) -> frozenset[str]:
        return self._class("warn")

    @property
    def speech(self) -> frozenset[str]:
        return self._class("speech")

    @property
    def writing(self) -> frozenset[str]:
        return self._class("writing")

    @property
    def cognition(self) -> frozenset[str]:
        return self._class("cognition")

    def _class(self, name: str) -> frozenset[str]:
        return frozenset(lemma for lemma, cls in self.verbs.items() if name in cls)

    # ------------------------------------------------------------ lookups
    def cue_classes(self, lemma: str | None) -> frozenset[str]:
        """Classes of a cue lemma (verb or noun); empty when it is not a cue."""
        if not lemma:
            return frozenset()
        key = lemma.lower()
        cls = self.verbs.get(key, frozenset())
        if key in self.nouns:
            cls = cls | {"noun"}
        return cls

    def is_cue_verb(self, lemma: str | None) -> bool:
        return bool(lemma) and lemma.lower() in self.verbs

    def is_cue_noun(self, lemma: str | None) -> bool:
        return bool(lemma) and lemma.lower() in self.nouns

    def lemma_of(self, surface: str) -> str | None:
        """The cue-verb lemma of an inflected surface form, or None."""
        w = surface.lower()
        if w in self.verbs:
            return w
        lemma = self.forms.get(w)
        return lemma if lemma in self.verbs else None

    def is_anonymous_noun(self, word: str) -> bool:
        return word.lower() in self.anonymous_nouns


# ---------------------------------------------------------------- loading

def _inflect(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma (over-generating is harmless)."""
    out = set()
    if lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"(s|sh|ch|x|z)$", lemma):
        out |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        out |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return out


def _line_of(raw: str, needle: str, after: int = 0) -> int:
    i = raw.find(needle, after)
    if i < 0:
        return 0
    return raw.count("\n", 0, i) + 1


def _section_line(raw: str, section: str) -> int:
    m = re.search(rf"^\[{re.escape(section)}\]", raw, re.M)
    return raw.count("\n", 0, m.start()) + 1 if m else 0


def _err(path: Path, line: int, msg: str) -> LexiconError:
    return LexiconError(f"{path}:{line}: {msg}" if line else f"{path}: {msg}")


def _strings(raw: str, path: Path, section: str, key: str, value, *, phrase_ok: bool = True) -> list[str]:
    m = re.search(rf"^\[{re.escape(section)}\]", raw, re.M)
    sec = m.start() if m else 0
    k = re.search(rf"^\s*{re.escape(key)}\s*=", raw[sec:], re.M)
    start = sec + (k.start() if k else 0)
    key_line = raw.count("\n", 0, start) + 1
    if not isinstance(value, list):
        raise _err(path, key_line, f"[{section}] {key} must be a list of strings")
    seen: dict[str, int] = {}
    out = []
    for item in value:
        if not isinstance(item, str):
            raise _err(path, key_line, f"[{section}] {key}: {item!r} is not a string")
        i = raw.find(f'"{item}"', seen.get(item, start - 1) + 1)
        line = raw.count("\n", 0, i) + 1 if i >= 0 else key_line
        if item != item.strip() or not item or not _ENTRY.match(item.lower()):
            raise _err(path, line, f"[{section}] {key}: bad entry {item!r} "
                                   "(lower-case words, spaces, hyphens or apostrophes)")
        if not phrase_ok and " " in item:
            raise _err(path, line, f"[{section}] {key}: {item!r} must be one word")
        if item in seen:
            raise _err(path, line, f"[{section}] {key}: duplicate entry {item!r}")
        seen[item] = i
        out.append(item)
    return out


def parse_lexicon(raw: str, path: Path = DATA, extra_cues: Iterable[str] = ()) -> Lexicon:
    """Build a :class:`Lexicon` from TOML text (strictly validated)."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise _err(path, int(m.group(1)) if m else 0, f"not valid TOML: {exc}") from None
    known = {"verbs", "forms", "nouns", "multiword", "hedges", "anonymous"}
    for section in data:
        if section not in known:
            raise _err(path, _section_line(raw, section) or _line_of(raw, section),
                       f"unknown section [{section}] (expected one of {', '.join(sorted(known))})")
    for section in ("verbs", "nouns", "multiword"):
        if section not in data:
            raise _err(path, 0, f"missing section [{section}]")

    verbs: dict[str, set[str]] = {}
    for cls, value in data["verbs"].items():
        if cls not in VERB_CLASSES:
            raise _err(path, _line_of(raw, f"{cls} =") or _section_line(raw, "verbs"),
                       f"[verbs] unknown class {cls!r} (expected one of {', '.join(VERB_CLASSES)})")
        for lemma in _strings(raw, path, "verbs", cls, value):
            verbs.setdefault(lemma, set()).add(cls)
    for extra in extra_cues:
        e = str(extra).strip().lower()
        if not e or not _ENTRY.match(e):
            raise LexiconError(f"extra cue {extra!r} is not a word or phrase")
        verbs.setdefault(e, set()).add("speech")

    forms: dict[str, str] = {}
    for lemma in verbs:
        if " " not in lemma:
            for f in _inflect(lemma):
                forms.setdefault(f, lemma)
    for lemma, value in data.get("forms", {}).items():
        for f in _strings(raw, path, "forms", lemma, value, phrase_ok=False):
            forms[f] = lemma
    # an explicit form always wins over a generated one, and a lemma is its own form
    for lemma in verbs:
        forms[lemma] = lemma

    nouns = _strings(raw, path, "nouns", "noun", data["nouns"].get("noun", []))
    for k in data["nouns"]:
        if k != "noun":
            raise _err(path, _line_of(raw, f"{k} ="), f"[nouns] unknown key {k!r} (expected 'noun')")
    multi = _strings(raw, path, "multiword", "cues", data["multiword"].get("cues", []))
    hedges = _strings(raw, path, "hedges", "words", data.get("hedges", {}).get("words", []))
    anon = data.get("anonymous", {})
    anon_nouns = _strings(raw, path, "anonymous", "nouns", anon.get("nouns", []), phrase_ok=False)
    anon_phrases = _strings(raw, path, "anonymous", "phrases", anon.get("phrases", []))
    return Lexicon(
        verbs={k: frozenset(v) for k, v in verbs.items()},
        nouns=frozenset(nouns),
        multiword=tuple(sorted(multi, key=lambda s: (-len(s), s))),
        hedges=tuple(hedges),
        anonymous_nouns=frozenset(anon_nouns),
        anonymous_phrases=tuple(anon_phrases),
        forms=forms,
    )


@functools.lru_cache(maxsize=16)
def _load(path: str, extra: tuple[str, ...]) -> Lexicon:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{p}: cannot read the cue lexicon: {exc}") from None
    return parse_lexicon(raw, p, extra)


def load_lexicon(extra_cues: Iterable[str] = (), path: str | Path | None = None) -> Lexicon:
    """Load (once, cached) the packaged cue lexicon, plus ``extra_cues`` as speech verbs."""
    return _load(str(path or DATA), tuple(sorted(set(extra_cues or ()))))
