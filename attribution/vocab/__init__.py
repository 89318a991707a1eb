"""The project's vocabulary: every word list, loaded once, validated by one schema, frozen.

The words are data in ``attribution/data/``; each concept has one owner file:

- ``cues.toml``: cue verbs and their classes, irregular verb forms, cue nouns, multi-word cues
  (the extract stage's :class:`Lexicon`);
- ``people.toml``: titles, offices, roles, gender evidence, organisations and places, unnamed
  sources (nouns, phrases, reasons), pronouns (the resolve stage's :class:`People`);
- ``rules.toml``: words the check rules use (:func:`load_rule_words`), and the words of the
  text around a quotation ([terms], [beats], [quotes]) that resolve's unattributed-quote
  decision reads (:mod:`attribution.resolve.unattributed`);
- ``boilerplate.toml``: patterns of page furniture the load stage drops (:func:`load_boilerplate`).

:func:`load_vocabulary` returns them all in one :class:`Vocabulary`; :func:`load_lexicon`,
:func:`load_people`, :func:`load_rule_words` and :func:`load_boilerplate` return one part each.  Every load is cached
and every value deeply frozen (tuples, frozensets, read-only dicts).  A list that holds another
whole, in its file or in another (``rules.toml``'s claim nouns hold ``cues.toml``'s statement
nouns), is written once and united at load (:mod:`attribution.vocab.includes`).  A malformed file raises
:class:`DataFileError` with the file, the line (looked up in the right section) and what is
wrong.  The schema is :data:`attribution.vocab.schema.SCHEMA`; inflection helpers (verb forms,
de-inflection, demonyms) are in :mod:`attribution.vocab.inflect`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from .boilerplate import BoilerplatePattern, load_boilerplate
from .cues import CLASSES, Lexicon, build_lexicon, cue_lists, lexicon_of
from .frozen import deep_freeze
from .people import People, build_people
from .rules import RuleWords, build_rule_words
from .schema import DataFileError, norm, norm_seq, read_file

DATA = Path(__file__).resolve().parent.parent / "data"
CUES_FILE = DATA / "cues.toml"
PEOPLE_FILE = DATA / "people.toml"
RULES_FILE = DATA / "rules.toml"

__all__ = ["Vocabulary", "load_vocabulary", "load_lexicon", "load_people", "load_rule_words", "load_boilerplate",
           "rule_words", "data_lists", "person_nouns", "derived_person_nouns", "first_name_gender",
           "build_lexicon", "build_people", "build_rule_words", "Lexicon", "People", "RuleWords",
           "BoilerplatePattern", "DataFileError", "CLASSES", "norm", "norm_seq"]


@dataclass(frozen=True)
class Vocabulary:
    """Every word list of the project (see the module docstring for which file owns what)."""

    cues: Lexicon
    people: People
    rules: RuleWords
    boilerplate: tuple[BoilerplatePattern, ...]


@functools.lru_cache(maxsize=4)
def data_lists(name: str) -> Mapping[str, Mapping[str, Any]]:
    """The lists of a shipped data file (``"cues.toml"``) as its loader reads them, includes
    united (:mod:`attribution.vocab.includes`): what another file's includes name."""
    lists, what = _INCLUDABLE[name]
    return deep_freeze(lists(read_file(DATA / name, what), DATA / name))


# the data files another file's lists may include from: name -> (its lists, what it is)
_INCLUDABLE = {"cues.toml": (cue_lists, "cue lexicon")}


@functools.lru_cache(maxsize=16)
def _lexicon(path: str, extra: tuple[str, ...]) -> Lexicon:
    if Path(path) == CUES_FILE:
        return lexicon_of(data_lists("cues.toml"), extra)  # read once, for rules.toml's includes too
    return build_lexicon(read_file(path, "cue lexicon"), path, extra)


def load_lexicon(extra_cues: Iterable[str] = (), path: str | Path | None = None) -> Lexicon:
    """The cue lexicon (cached), plus ``extra_cues`` (from the configuration) as speech verbs."""
    return _lexicon(str(path or CUES_FILE), tuple(sorted(set(extra_cues or ()))))


@functools.lru_cache(maxsize=4)
def _people(path: str) -> People:
    return build_people(read_file(path, "people word lists"), path)


def load_people(path: str | Path | None = None) -> People:
    """The resolve stage's word lists (cached)."""
    return _people(str(path or PEOPLE_FILE))


@functools.lru_cache(maxsize=4)
def _rule_words(path: str) -> RuleWords:
    return build_rule_words(read_file(path, "rules vocabulary"), path, data_lists)


def load_rule_words(path: str | Path | None = None) -> RuleWords:
    """The check rules' word lists (cached), ``{table: {key: words}}``."""
    return _rule_words(str(path or RULES_FILE))


@functools.lru_cache(maxsize=256)
def rule_words(table: str, key: str) -> frozenset[str]:
    """One list of ``rules.toml`` (``[table] key``), lower-cased."""
    return frozenset(w.lower() for w in load_rule_words()[table][key])


@functools.lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Single-word nouns that name a person or a group of people (role nouns and the heads
    of unnamed sources), from ``people.toml``."""
    people = load_people()
    roles = {seq[0] for seq in people.roles if len(seq) == 1}
    return frozenset(roles | set(people.anonymous_nouns)) - {"some", "many", "others", "those", "ones", "few"}


@functools.lru_cache(maxsize=1)
def derived_person_nouns() -> frozenset[str]:
    """Common nouns that name people beyond the hand lists ("clerk", "paramedic"), derived
    from the shipped word vectors by ``scripts/derive_person_nouns.py`` (data/person_nouns.txt)."""
    path = PEOPLE_FILE.with_name("person_nouns.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#") and line.isascii())


@functools.lru_cache(maxsize=1)
def all_person_nouns() -> frozenset[str]:
    """Every noun that names people: ``person_nouns()`` (the hand lists) and
    ``derived_person_nouns()`` (the derived list), united once per process."""
    return person_nouns() | derived_person_nouns()


@functools.lru_cache(maxsize=1)
def _derived_first_names() -> dict[str, str]:
    path = PEOPLE_FILE.with_name("first_names.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and not line.startswith("#") and parts[1] in ("m", "f"):
            out[norm(parts[0])] = parts[1]
    return out


def first_name_gender(people: People, word: str) -> str | None:
    """"m" or "f" when ``word`` (normalised) is a first name of that gender: ``people.toml``'s
    hand lists first, then the derived list (data/first_names.txt, from
    ``scripts/derive_first_names.py``); None for a name of either or unknown gender."""
    if word in people.male_names:
        return "m"
    if word in people.female_names:
        return "f"
    return _derived_first_names().get(word)


def load_vocabulary(extra_cues: Iterable[str] = ()) -> Vocabulary:
    """All packaged word lists, each file read and validated once."""
    return Vocabulary(load_lexicon(extra_cues), load_people(), load_rule_words(), load_boilerplate())
