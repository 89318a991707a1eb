"""The cue lexicon (``cues.toml``): which words introduce an attribution, and what kind::

    lex = load_lexicon()
    lex.cue_classes("deny")      # frozenset({"deny"})
    lex.lemma_of("said")         # "say"
    lex.is_cue_verb("accuse")    # True

Class names used across the project: ``speech``, ``writing``, ``cognition``, ``loaded``,
``accuse``, ``deny``, ``warn`` (verbs) and ``noun`` (cue nouns).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from .frozen import FrozenDict
from .includes import Includes, unite
from .inflect import verb_forms
from .schema import CUE_ENTRY, SCHEMA, VERB_CLASSES, DataFileError, validate

CLASSES = VERB_CLASSES + ("noun",)


# (table, key) -> the lists it holds besides its own words, united at load
# (:mod:`attribution.vocab.includes`)
INCLUDES: Includes = {
    # the nouns a denial's relative clause may reject: the nouns for a statement, and "number"
    ("frames", "disputed_nouns"): (("frames", "statement_nouns"),),
}


def cue_lists(raw: str, path: str | Path = "cues.toml") -> dict:
    """``cues.toml`` text validated against the schema, ``{table: {key: words}}``, each list of
    :data:`INCLUDES` holding the lists it names."""
    return unite(validate(raw, path, SCHEMA["cues.toml"]), INCLUDES)


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, frozenset[str]]       # lemma (possibly "point out") -> classes
    nouns: frozenset[str]
    multiword: tuple[str, ...]                # "according to", "told reporters", ...
    forms: Mapping[str, str] = field(default_factory=FrozenDict)   # surface form -> lemma
    frames: Mapping[str, frozenset[str]] = field(default_factory=FrozenDict)   # [frames]: name -> words

    # ------------------------------------------------------------ classes
    def of_class(self, name: str) -> frozenset[str]:
        """The verb lemmas of one class ("loaded", "deny", ...)."""
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


def build_lexicon(raw: str, path: str | Path = "cues.toml", extra_cues: Iterable[str] = ()) -> Lexicon:
    """Build a :class:`Lexicon` from TOML text (strictly validated), plus ``extra_cues`` (from the
    configuration) as speech verbs."""
    return lexicon_of(cue_lists(raw, path), extra_cues)


def lexicon_of(data: Mapping[str, Mapping], extra_cues: Iterable[str] = ()) -> Lexicon:
    """The :class:`Lexicon` of ``cues.toml``'s lists as :func:`cue_lists` reads them."""
    verbs: dict[str, set[str]] = {}
    for cls, lemmas in data["verbs"].items():
        for lemma in lemmas:
            verbs.setdefault(lemma, set()).add(cls)
    for extra in extra_cues:
        e = str(extra).strip().lower()
        if not e or not CUE_ENTRY.match(e):
            raise DataFileError("configuration", 0, f"extra cue {extra!r} is not a word or phrase")
        verbs.setdefault(e, set()).add("speech")

    forms: dict[str, str] = {}
    for lemma in verbs:
        if " " not in lemma:
            for f in verb_forms(lemma):
                forms.setdefault(f, lemma)
    for lemma, surfaces in data["forms"].items():
        for f in surfaces:
            forms[f] = lemma
    # an explicit form always wins over a generated one, and a lemma is its own form
    for lemma in verbs:
        forms[lemma] = lemma

    return Lexicon(
        verbs=FrozenDict((k, frozenset(v)) for k, v in verbs.items()),
        nouns=frozenset(data["nouns"]["noun"]),
        multiword=tuple(sorted(data["multiword"]["cues"], key=lambda s: (-len(s), s))),
        forms=FrozenDict(forms),
        frames=FrozenDict((k, frozenset(v)) for k, v in data["frames"].items()),
    )
